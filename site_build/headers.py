"""The response headers the site needs from its host: one source for the local server
(site_build/serve.py) and for the configurations written for real hosts (site_build/hosts.py).

The security policies themselves are in site_build/csp.py; this module says which file gets which
type, which caching, and which fixed headers.
"""

from __future__ import annotations

from site_build.csp import SERVICE_WORKER_PATHS

# Types the browser insists on: the wasm streams only as application/wasm; module scripts and the
# workers are refused with any type but JavaScript's.
MIME = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".snap": "application/octet-stream",
    ".xml": "application/xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
}

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
DEFAULT_CACHE = "public, max-age=3600"
# Sent with every response.
FIXED = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
# The service workers are revalidated like a page: their bytes tell the browser there is a new build.
SERVICE_WORKERS = SERVICE_WORKER_PATHS
VERSIONED_FOLDER = "pyodide/v"


def cache_control(site_path: str, versioned_url: bool) -> str:
    """Caching by the file served (a site-relative path such as "veiviser/index.html"): a page or the
    service worker is revalidated even with ``?v=`` in its address; versioned files are immutable."""
    if site_path.endswith(".html") or site_path in SERVICE_WORKERS:
        return REVALIDATE
    if versioned_url or site_path.startswith(VERSIONED_FOLDER):
        return IMMUTABLE
    return DEFAULT_CACHE
