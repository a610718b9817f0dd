#!/usr/bin/env bash
# Builds the static site into site/ (deploy it on any static host; see README "Deploying").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh site
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --site-dir site
