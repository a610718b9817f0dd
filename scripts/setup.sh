#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with Python 3.11 and Node 20.
# Idempotent: safe to run before every serve or test.
#   scripts/setup.sh site   Python packages (.venv) + the pinned Pyodide from npm
#   scripts/setup.sh dev    the same + test tools + Debian's Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-dev}"

if [ "$what" = "dev" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] \
    || [ ! -e /usr/share/nginx/modules/ngx_http_brotli_static_module.so ]; }; then
  # Chromium for the browser tests; nginx (with its brotli_static module) to test the deploy
  # configuration that site_build/hosts.py writes. The tests start their own nginx on a free port.
  echo "==> Installing Debian's chromium and nginx (browser and deploy tests)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium nginx-light libnginx-mod-http-brotli-static >/dev/null
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
