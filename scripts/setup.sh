#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with Python 3.11 and Node 20.
# Idempotent: safe to run before every serve or test.
#   scripts/setup.sh site   Python packages (.venv) + the pinned Pyodide from npm
#   scripts/setup.sh dev    the same + test tools + Debian's Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-dev}"

if [ "$what" = "dev" ] && [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Debian's chromium (browser tests)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating .venv"
  python3 -m venv .venv
fi
extra="site"
[ "$what" = "dev" ] && extra="dev"
echo "==> Installing Python packages (pyproject.toml [$extra])"
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$extra]"

echo "==> Installing the pinned Pyodide runtime and axe-core (package-lock.json)"
npm ci --no-audit --no-fund --loglevel=error
