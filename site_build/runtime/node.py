"""Build-time runs of the site's own Pyodide under Node (make_snapshot.mjs beside this file), cached
in the build cache by the hash of their inputs, so a rebuild with the same Pyodide and engine
costs seconds."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

from site_build.paths import CACHE, write_atomic
from site_build.runtime.pyodide import PYODIDE_PACKAGE, RuntimeMissing, pyodide_version

SNAPSHOT_MAKER = Path(__file__).resolve().parent / "make_snapshot.mjs"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _node(*args: str) -> str:
    proc = subprocess.run(["node", str(SNAPSHOT_MAKER), *args], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeMissing(f"Pyodide under Node feilet ({args[0]}):\n{proc.stderr[-2000:]}")
    return proc.stdout


def _made_by_node(out: Path, mode: str, *inputs: str) -> Path:
    """``out`` as the Node run ``mode`` writes it from ``inputs`` (not run again when cached)."""
    if not out.exists():
        tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
        _node(mode, str(PYODIDE_PACKAGE), *inputs, str(tmp))
        tmp.replace(out)  # atomic: parallel builds share the cache
    return out


def loaded_modules(wheel_file: Path) -> list[str]:
    """What Pyodide and the engine import when the worker's boot runs under Node (cached)."""
    key = sha(f"{pyodide_version()}:{sha(wheel_file.read_bytes())}".encode())[:16]
    cached = CACHE / f"modules-{key}.json"
    if not cached.exists():
        out = _node("modules", str(PYODIDE_PACKAGE), str(wheel_file))
        write_atomic(cached, out.strip().splitlines()[-1].encode())
    return json.loads(cached.read_text())


def compiled_stdlib(sources: bytes) -> Path:
    """The stdlib archive as .pyc compiled by Pyodide's own Python (cached by the sources' hash)."""
    key = sha(f"{pyodide_version()}:".encode() + SNAPSHOT_MAKER.read_bytes() + sources)[:16]  # how, and what
    out = CACHE / f"stdlib-{key}.zip"
    if not out.exists():
        src = CACHE / f"stdlib-{key}.{os.getpid()}.py.zip"
        src.write_bytes(sources)
        _made_by_node(out, "compile", str(src))
        src.unlink()
    return out


def make_snapshot(wheel_file: Path, stdlib_file: Path, version: str) -> Path:
    """Boot Pyodide under Node with the guide's stdlib archive and the engine imported; save its memory."""
    return _made_by_node(CACHE / f"engine-{version}.snap", "snapshot", str(wheel_file), str(stdlib_file))
