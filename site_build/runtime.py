"""The guide's runtime files: the pinned Pyodide core from the npm package and the engine wheel."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import guide_ui, wheel

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# The core Pyodide needs to boot; it loads no other package (the engine is standard library only).
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
GUIDE_ASSETS = ROOT / "site_build" / "assets" / "guide"
# The practice page's own scripts and styles (site/practice/); it reuses the guide's worker.
PRACTICE_ASSETS = ROOT / "site_build" / "assets" / "practice"


SNAPSHOT_MAKER = ROOT / "site_build" / "make_snapshot.mjs"


class RuntimeMissing(RuntimeError):
    pass


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


def copy_pyodide(site_dir: Path) -> Path:
    target = site_dir / pyodide_dir_name()
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        src = PYODIDE_PACKAGE / name
        if not src.exists():
            raise RuntimeMissing(f"Pyodide-filen {name} mangler i node_modules/pyodide. Kjør `npm ci` på nytt.")
        dst = target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dst)
    return target


def asset_hash() -> str:
    h = hashlib.sha256()
    for p in sorted([*GUIDE_ASSETS.iterdir(), *PRACTICE_ASSETS.iterdir()]):
        h.update(p.parent.name.encode() + b"/" + p.name.encode())
        h.update(p.read_bytes())
    guide_ui.update_hash(h)  # the browser UI (guide_ui/) is versioned with the worker
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class Runtime:
    pyodide_dir: str  # site-relative folder of the Pyodide core
    wheel_path: str  # site-relative path of the engine wheel
    wheel_hash: str
    assets_hash: str
    wheel_bytes: bytes = field(repr=False, default=b"")  # packed once, hashed and written

    # A memory snapshot of Pyodide with the engine imported: the worker restores it instead of
    # booting Python and importing the engine (about 0.4 x the bare boot; bench/README.md). It
    # depends only on the Pyodide version and the wheel, so their hashes version its URL.
    snapshot_path = "guide/engine.snap"

    @property
    def snapshot_version(self) -> str:
        return hashlib.sha256(f"{self.pyodide_dir}:{self.wheel_hash}".encode()).hexdigest()[:12]

    @classmethod
    def current(cls) -> "Runtime":
        data = wheel.build_wheel_bytes()
        return cls(
            pyodide_dir=pyodide_dir_name(),
            wheel_path=f"guide/{wheel.wheel_filename()}",
            wheel_hash=hashlib.sha256(data).hexdigest()[:12],
            assets_hash=asset_hash(),
            wheel_bytes=data,
        )

    def install(self, site_dir: Path) -> None:
        pyodide_dir = copy_pyodide(site_dir)
        wheel_file = wheel.write_wheel(site_dir / "guide", self.wheel_bytes)
        out = site_dir / "guide"
        for p in GUIDE_ASSETS.iterdir():
            shutil.copyfile(p, out / p.name)
        guide_ui.install(out, self.assets_hash)
        (site_dir / "practice").mkdir(exist_ok=True)
        for p in PRACTICE_ASSETS.iterdir():
            shutil.copyfile(p, site_dir / "practice" / p.name)
        make_snapshot(pyodide_dir, wheel_file, site_dir / self.snapshot_path, self.snapshot_version)


def make_snapshot(pyodide_dir: Path, wheel_file: Path, out: Path, version: str) -> None:
    """Boot the site's own Pyodide under Node with the engine imported and save its memory."""
    stamp = out.with_suffix(".version")
    if out.exists() and stamp.exists() and stamp.read_text() == version:
        return  # same Pyodide, same wheel: the snapshot would be the same
    proc = subprocess.run(
        ["node", str(SNAPSHOT_MAKER), str(pyodide_dir), str(wheel_file), str(out)],
        capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeMissing(f"Kunne ikke lage Pyodide-øyeblikksbildet:\n{proc.stderr[-2000:]}")
    stamp.write_text(version)
