"""How the tests and the benchmark start Debian's Chromium (Playwright cannot download a browser here)."""

CHROMIUM = "/usr/bin/chromium"
# Headless on a machine with no network but loopback: no background calls home, no GPU, no QUIC.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
