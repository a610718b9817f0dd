"""Where the build finds its inputs and keeps its cache."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
# The slow parts of a build (Pyodide under Node, brotli at its best level), cached by the hash of
# their inputs. SITE_BUILD_CACHE puts the cache elsewhere (a first build measured with an empty cache).
CACHE = Path(os.environ["SITE_BUILD_CACHE"]).resolve() if os.environ.get("SITE_BUILD_CACHE") else ROOT / ".build" / "cache"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` at once or not at all: parallel builds share the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
