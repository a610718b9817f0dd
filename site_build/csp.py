"""Content-Security-Policy for every page, as a <meta> tag.

Nothing may load from another origin. mkdocs-material writes a few small inline scripts (palette,
feature flags); rather than allow 'unsafe-inline', each inline script is allowed by its SHA-256 hash,
computed from the page as written. Only the guide page may compile WebAssembly (Pyodide).
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


def apply(html: str, wasm: bool) -> str:
    return html.replace(PLACEHOLDER, policy(html, wasm), 1)
