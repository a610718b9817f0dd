#!/usr/bin/env bash
# Installs everything (Python packages, Pyodide, Chromium) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
