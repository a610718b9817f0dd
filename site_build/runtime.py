"""The guide's runtime files: the pinned Pyodide core, the engine wheel, the guide's own standard
library archive, the build-time memory snapshot, and pre-compressed copies of every file.

Everything the pages must name (hashes, sizes) is made before the pages are rendered
(`Runtime.current()`, from the MkDocs pre-build hook); `install` writes it into the site. The slow
parts (the Node runs of Pyodide, brotli at its best level) are cached in `.build/cache/` by the
hash of their inputs, so a rebuild with the same Pyodide and engine costs seconds.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import compress, guide_ui, stdlib, wheel

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# The core Pyodide needs to boot; it loads no other package (the engine is standard library only).
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
GUIDE_ASSETS = ROOT / "site_build" / "assets" / "guide"


SNAPSHOT_MAKER = ROOT / "site_build" / "make_snapshot.mjs"
CACHE = ROOT / ".build" / "cache"
# The worker carries the build's facts (file sizes, the stdlib archive's URL) in this line.
WORKER = "worker.mjs"
BUILD_LINE = "const BUILD = null; // filled in by site_build/runtime.py"


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


def _pyodide_file(name: str) -> Path:
    src = PYODIDE_PACKAGE / name
    if not src.exists():
        raise RuntimeMissing(f"Pyodide-filen {name} mangler i node_modules/pyodide. Kjør `npm ci` på nytt.")
    return src


def copy_pyodide(site_dir: Path) -> Path:
    target = site_dir / pyodide_dir_name()
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        src = _pyodide_file(name)
        dst = target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dst)
    return target


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _node(*args: str) -> str:
    proc = subprocess.run(["node", str(SNAPSHOT_MAKER), *args], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeMissing(f"Pyodide under Node feilet ({args[0]}):\n{proc.stderr[-2000:]}")
    return proc.stdout


def loaded_modules(wheel_file: Path) -> list[str]:
    """What Pyodide and the engine import when the worker's boot runs under Node (cached)."""
    key = _sha(f"{pyodide_version()}:{_sha(wheel_file.read_bytes())}".encode())[:16]
    cached = CACHE / f"modules-{key}.json"
    if not cached.exists():
        out = _node("modules", str(PYODIDE_PACKAGE), str(wheel_file))
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(out.strip().splitlines()[-1])
        tmp.replace(cached)  # atomic: parallel builds share the cache
    return json.loads(cached.read_text())


def minimal_lock() -> str:
    """Pyodide's lock file without its package list, as the worker passes it (lockFileContents).

    The engine loads no package, so the list of Pyodide's 300 packages (22 kB brotli, one more
    request before Python starts) is not needed; the `info` block is, as Pyodide checks its ABI."""
    info = json.loads(_pyodide_file("pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, sort_keys=True, separators=(",", ":"))


def compiled_stdlib(sources: bytes) -> Path:
    """The stdlib archive as .pyc compiled by Pyodide's own Python (cached by the sources' hash)."""
    key = _sha(f"{pyodide_version()}:".encode() + SNAPSHOT_MAKER.read_bytes() + sources)[:16]  # how, and what
    out = CACHE / f"stdlib-{key}.zip"
    if not out.exists():
        src = CACHE / f"stdlib-{key}.{os.getpid()}.py.zip"
        tmp = out.with_suffix(f".{os.getpid()}.tmp")
        src.write_bytes(sources)
        _node("compile", str(PYODIDE_PACKAGE), str(src), str(tmp))
        src.unlink()
        tmp.replace(out)
    return out


def make_snapshot(wheel_file: Path, stdlib_file: Path, version: str) -> Path:
    """Boot Pyodide under Node with the guide's stdlib archive and the engine imported; save its memory."""
    out = CACHE / f"engine-{version}.snap"
    if not out.exists():
        tmp = out.with_suffix(f".{os.getpid()}.tmp")
        _node("snapshot", str(PYODIDE_PACKAGE), str(wheel_file), str(stdlib_file), str(tmp))
        tmp.replace(out)
    return out


def asset_hash(extra: str = "") -> str:
    h = hashlib.sha256()
    for p in sorted(GUIDE_ASSETS.rglob("*")):
        if p.is_file():
            h.update(p.parent.name.encode() + b"/" + p.name.encode())
            h.update(p.read_bytes())
    guide_ui.update_hash(h)  # the browser UI (guide_ui/) is versioned with the worker
    h.update(extra.encode())
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class Runtime:
    pyodide_dir: str  # site-relative folder of the Pyodide core
    wheel_path: str  # site-relative path of the engine wheel
    wheel_hash: str
    assets_hash: str
    wheel_bytes: bytes = field(repr=False, default=b"")  # packed once, hashed and written
    stdlib_bytes: bytes = field(repr=False, default=b"")
    stdlib_hash: str = ""
    snapshot_file: Path | None = None  # in the cache
    snapshot_version: str = ""
    build: dict = field(default_factory=dict)  # the facts the worker carries (BUILD)

    # A memory snapshot of Pyodide with the engine imported: the worker restores it instead of
    # booting Python and importing the engine, where the link is fast enough for its bytes to pay
    # (see worker.mjs). It depends on Pyodide, the wheel and the stdlib archive: their hashes
    # version its URL.
    snapshot_path = "guide/engine.snap"
    stdlib_path = "guide/stdlib.zip"

    @classmethod
    def current(cls) -> "Runtime":
        CACHE.mkdir(parents=True, exist_ok=True)
        data = wheel.build_wheel_bytes()
        wheel_hash = _sha(data)[:12]
        wheel_file = CACHE / f"wheel-{wheel_hash}.whl"
        if not wheel_file.exists():
            wheel_file.write_bytes(data)
        full = stdlib.Stdlib(_pyodide_file("python_stdlib.zip").read_bytes())
        sources = stdlib.build_archive(full, stdlib.select(full, set(loaded_modules(wheel_file))))
        stdlib_file = compiled_stdlib(sources)
        archive = stdlib_file.read_bytes()
        stdlib_hash = _sha(archive)[:12]
        version = _sha(f"{pyodide_dir_name()}:{wheel_hash}:{stdlib_hash}".encode())[:12]
        snap = make_snapshot(wheel_file, stdlib_file, version)
        sizes = {
            "pyodide.mjs": _pyodide_file("pyodide.mjs"),
            "pyodide.asm.mjs": _pyodide_file("pyodide.asm.mjs"),
            "pyodide.asm.wasm": _pyodide_file("pyodide.asm.wasm"),
            "stdlib.zip": stdlib_file,
            "engine.snap": snap,
            "wheel": wheel_file,
        }
        build = {
            "stdlib": f"stdlib.zip?v={stdlib_hash}",  # relative to the worker's own URL
            "lock": minimal_lock(),
            # Bytes of each runtime file: as stored, and as sent with brotli / gzip.
            "files": {k: compress.sizes(p) for k, p in sizes.items()},
        }
        return cls(
            pyodide_dir=pyodide_dir_name(),
            wheel_path=f"guide/{wheel.wheel_filename()}",
            wheel_hash=wheel_hash,
            assets_hash=asset_hash(json.dumps(build, sort_keys=True)),
            wheel_bytes=data,
            stdlib_bytes=archive,
            stdlib_hash=stdlib_hash,
            snapshot_file=snap,
            snapshot_version=version,
            build=build,
        )

    def boot_bytes(self) -> dict:
        """Bytes on the wire (brotli) until the engine is ready: ordinary boot and snapshot boot."""
        f = self.build["files"]
        ordinary = sum(f[k]["br"] for k in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "stdlib.zip", "wheel"))
        return {"ordinary": ordinary, "snapshot": ordinary + f["engine.snap"]["br"]}

    def worker_source(self) -> str:
        src = (GUIDE_ASSETS / WORKER).read_text()
        if BUILD_LINE not in src:
            raise RuntimeMissing(f"{WORKER} mangler linjen «{BUILD_LINE}».")
        return src.replace(BUILD_LINE, f"const BUILD = {json.dumps(self.build, sort_keys=True)};")

    def install(self, site_dir: Path) -> None:
        copy_pyodide(site_dir)
        wheel.write_wheel(site_dir / "guide", self.wheel_bytes)
        out = site_dir / "guide"
        shutil.copytree(GUIDE_ASSETS, out, dirs_exist_ok=True)
        (out / WORKER).write_text(self.worker_source())
        try:
            guide_ui.install(out)
        except guide_ui.BundleError as e:
            raise RuntimeMissing(str(e)) from None
        (site_dir / self.stdlib_path).write_bytes(self.stdlib_bytes)
        shutil.copyfile(self.snapshot_file, site_dir / self.snapshot_path)
