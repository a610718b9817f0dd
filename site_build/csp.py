"""Content-Security-Policy: a <meta> tag on every page, and the response headers a host must send.

Nothing may load from another origin. mkdocs-material writes a few small inline scripts (palette,
feature flags); rather than allow 'unsafe-inline', each inline script is allowed by its SHA-256 hash,
computed from the page as written. Only the pages that run the engine may compile WebAssembly (Pyodide).

A <meta> policy cannot reach a Web Worker (a worker's policy comes from the response headers of its
script) and cannot forbid framing, so the host sends ``header_policy(path)``: the three workers'
own policies (the guide's, the theme's search worker, the guide's service worker), and
``frame-ancestors 'none'`` with ``X-Frame-Options: DENY`` for every page. The README's deploy table
lists the same values (tests/site/test_csp.py keeps them equal).

No page requires Trusted Types: mkdocs-material builds its search results, tooltips and code
annotations with ``innerHTML`` strings, which the browser would then refuse. The guide's worker,
which writes no HTML and loads scripts only with ``import()``, does require them.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "__CONTENT_SECURITY_POLICY__"

# Executable inline scripts: no src attribute, and not a data block (type="application/json").
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPES = ("application/json", "application/ld+json")


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs").lower()
        if "src=" in attrs or any(t in attrs for t in _DATA_TYPES):
            continue
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode() + "'")
    return sorted(set(hashes))


def policy(html: str, wasm: bool) -> str:
    script_src = ["'self'"] + (["'wasm-unsafe-eval'"] if wasm else []) + inline_script_hashes(html)
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(script_src),
        # Material sets inline style attributes (e.g. on the search and palette widgets).
        "style-src 'self' 'unsafe-inline'",
        # Material's icons are data: SVGs in CSS.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)


def page_policy(html: str) -> str:
    """The policy of a page's <meta> tag ("" when it has none)."""
    m = _META.search(html)
    return m.group(1) if m else ""


def apply(html: str, wasm: bool) -> str:
    return html.replace(PLACEHOLDER, policy(html, wasm), 1)


# --- response headers -------------------------------------------------------------------------

# The engine's worker (guide_ui/engine/, served as guide/worker.mjs) holds every answer: it may
# import and fetch its own origin's files (Pyodide, the wheel, the snapshot) and compile
# WebAssembly, nothing else.
GUIDE_WORKER_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "connect-src 'self'",
    "require-trusted-types-for 'script'",
    "base-uri 'none'",
])
# mkdocs-material's search worker loads its language files with importScripts from its own origin.
SEARCH_WORKER_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
])
# The service workers (guide_ui/offline/sw.js, served as sw.js, veiviser/sw.js, prioritering/sw.js
# and ovelser/sw.js: SERVICE_WORKER_PATHS) only fetch their own origin's files.
SERVICE_WORKER_POLICY = "; ".join([
    "default-src 'none'",
    "connect-src 'self'",
    "require-trusted-types-for 'script'",
    "base-uri 'none'",
])
# Every page (the rest of its policy is its <meta> tag): no other site may frame it.
PAGE_POLICY = "frame-ancestors 'none'"

GUIDE_WORKER_PATH = "guide/worker.mjs"
SERVICE_WORKER_PATH = "veiviser/sw.js"
# Every service worker the build writes (site_build/browser/offline.py checks its own against this):
# the site's own (the pages a result links to) and each offline page's.
SERVICE_WORKER_PATHS = ("sw.js", SERVICE_WORKER_PATH, "prioritering/sw.js", "ovelser/sw.js")
SEARCH_WORKER_PATTERN = re.compile(r"^assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")


def header_policy(path: str) -> dict[str, str]:
    """The security headers for a site-relative file path ("" or ending in "/" for a folder's index)."""
    path = path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    if path == GUIDE_WORKER_PATH:
        return {"Content-Security-Policy": GUIDE_WORKER_POLICY}
    if path in SERVICE_WORKER_PATHS:
        return {"Content-Security-Policy": SERVICE_WORKER_POLICY}
    if SEARCH_WORKER_PATTERN.match(path):
        return {"Content-Security-Policy": SEARCH_WORKER_POLICY}
    if path.endswith(".html"):
        return {"Content-Security-Policy": PAGE_POLICY, "X-Frame-Options": "DENY"}
    return {}


def unfilled(html: str) -> bool:
    """The page still carries the placeholder instead of its policy."""
    return PLACEHOLDER in html
