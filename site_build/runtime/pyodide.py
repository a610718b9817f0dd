"""The pinned Pyodide core, from the npm package (package-lock.json) into the site's versioned folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from site_build.paths import NODE_MODULES

PYODIDE_PACKAGE = NODE_MODULES / "pyodide"
# The core Pyodide needs to boot; it loads no other package (the engine is standard library only).
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


class RuntimeMissing(RuntimeError):
    """A file the runtime needs is missing or could not be made (the message says which, in Norwegian)."""


def pyodide_version() -> str:
    manifest = PYODIDE_PACKAGE / "package.json"
    if not manifest.exists():
        raise RuntimeMissing(
            "Pyodide mangler: node_modules/pyodide finnes ikke. Kjør `npm ci` (scripts/setup.sh gjør det)."
        )
    return json.loads(manifest.read_text())["version"]


def pyodide_dir_name() -> str:
    # Versioned folder, so the files can be cached as immutable.
    return f"pyodide/v{pyodide_version()}"


def pyodide_file(name: str) -> Path:
    src = PYODIDE_PACKAGE / name
    if not src.exists():
        raise RuntimeMissing(f"Pyodide-filen {name} mangler i node_modules/pyodide. Kjør `npm ci` på nytt.")
    return src


def copy_pyodide(site_dir: Path) -> Path:
    target = site_dir / pyodide_dir_name()
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        src = pyodide_file(name)
        dst = target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dst)
    return target


def minimal_lock() -> str:
    """Pyodide's lock file without its package list, as the worker passes it (lockFileContents).

    The engine loads no package, so the list of Pyodide's 300 packages (22 kB brotli, one more
    request before Python starts) is not needed; the `info` block is, as Pyodide checks its ABI."""
    info = json.loads(pyodide_file("pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, sort_keys=True, separators=(",", ":"))
