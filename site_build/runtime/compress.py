"""Pre-compressed copies of the site's files: `x.br` (brotli) and `x.gz` (gzip) next to `x`.

Written at build time (cached in `.build/cache/z/` by content hash and level, so only a changed
file costs time); site_build/serve.py sends them by Accept-Encoding, and a static host can do the
same (README, "Deploying"). A copy is kept only when it saves at least 5 % (a deflated zip, a PNG or
a font does not shrink). The level is the environment's SITE_COMPRESSION: `best` (the default, and
the deploy build's, scripts/build.sh) or `fast` (the local server's first build, scripts/serve.sh:
seconds instead of minutes on an empty cache, slightly larger files).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

from site_build.paths import CACHE as BUILD_CACHE, write_atomic

try:
    import brotli
except ImportError:  # pragma: no cover - the site extra installs it; without it only gzip is written
    brotli = None

CACHE = BUILD_CACHE / "z"
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".snap", ".svg", ".txt", ".xml", ".map", ".zip", ".whl"}
MIN_SIZE = 1024
WORTH = 0.95  # keep a copy only if it is at most this fraction of the original
SUFFIX = {"br": ".br", "gzip": ".gz"}
# brotli (quality, window bits) and gzip level for each SITE_COMPRESSION.
LEVELS = {"best": {"br": (11, 24), "gzip": 9}, "fast": {"br": (4, 22), "gzip": 6}}


def level() -> str:
    """The compression level of this build: SITE_COMPRESSION, `best` unless set."""
    name = os.environ.get("SITE_COMPRESSION", "").strip() or "best"
    if name not in LEVELS:
        raise ValueError(f"SITE_COMPRESSION={name!r}: use one of {', '.join(LEVELS)}")
    return name


def _compress(data: bytes, encoding: str, name: str) -> bytes:
    if encoding == "br":
        quality, lgwin = LEVELS[name]["br"]
        return brotli.compress(data, quality=quality, lgwin=lgwin)
    return gzip.compress(data, compresslevel=LEVELS[name]["gzip"], mtime=0)


def cache_file(key: str, encoding: str, name: str) -> Path:
    """The cached copy of content ``key`` in ``encoding`` at level ``name`` (the best level keeps its old name)."""
    return CACHE / (f"{key}{SUFFIX[encoding]}" if name == "best" else f"{key}.{name}{SUFFIX[encoding]}")


def encoded(data: bytes) -> dict[str, bytes]:
    """{encoding: bytes} for each encoding worth sending instead of `data` (cached by content)."""
    if len(data) < MIN_SIZE:
        return {}
    key = hashlib.sha256(data).hexdigest()
    name = level()
    out = {}
    for enc in ("br", "gzip") if brotli is not None else ("gzip",):
        cached = cache_file(key, enc, name)
        if cached.exists():
            body = cached.read_bytes()
        else:
            body = _compress(data, enc, name)
            write_atomic(cached, body)
        if len(body) <= WORTH * len(data):
            out[enc] = body
    return out


def sizes(path: Path) -> dict:
    """Bytes of a file as stored and as sent with brotli and gzip (the stored size where not worth it)."""
    data = path.read_bytes()
    enc = encoded(data)
    return {"size": len(data), "br": len(enc.get("br", data)), "gzip": len(enc.get("gzip", data))}


def precompress_tree(site: Path) -> int:
    """Write x.br / x.gz beside every compressible file of the site; return how many were written."""
    n = 0
    for p in sorted(site.rglob("*")):
        if not p.is_file() or p.suffix not in COMPRESSIBLE:
            continue
        for enc, body in encoded(p.read_bytes()).items():
            p.with_name(p.name + SUFFIX[enc]).write_bytes(body)
            n += 1
    return n
