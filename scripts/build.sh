#!/usr/bin/env bash
# Builds the static site into site/ (deploy it on any static host; see README "Deploying").
# Pre-compressed copies at the best levels unless SITE_COMPRESSION=fast (scripts/serve.sh sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh site
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --site-dir site
