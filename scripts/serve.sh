#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:8000 (Ctrl+C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
# The local server's build compresses at fast levels (seconds on an empty cache, README "The first
# run"); the deploy build (scripts/build.sh on its own) uses the best ones.
SITE_COMPRESSION="${SITE_COMPRESSION:-fast}" bash scripts/build.sh
exec .venv/bin/python -m site_build.serve --dir site --port "${PORT:-8000}"
