"""The guide's runtime files: the pinned Pyodide core, the engine wheel, the guide's own standard
library archive and the build-time memory snapshot, with the facts the worker carries about them.

Everything the pages must name (hashes, sizes) is made before the pages are rendered
(`Runtime.current()`, from the MkDocs pre-build hook); `install` writes it into the site. The slow
parts (the Node runs of Pyodide, node.py; brotli at its best level, compress.py) are cached in
`.build/cache/` by the hash of their inputs, so a rebuild with the same Pyodide and engine costs
seconds.

- pyodide.py   the pinned core, copied from the npm package; the build's minimal lock file
- wheel.py     the engine packed as a wheel
- stdlib.py    the standard-library archive: only what the engine and Pyodide's start-up import
- node.py      Pyodide under Node: what it imports, the archive compiled to .pyc, the snapshot
- compress.py  the .br / .gz copies of every file of the site
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from site_build.paths import CACHE
from site_build.runtime import compress, node, stdlib, wheel
from site_build.runtime.pyodide import (
    PYODIDE_CORE,
    RuntimeMissing,
    copy_pyodide,
    minimal_lock,
    pyodide_dir_name,
    pyodide_file,
)

__all__ = ["PYODIDE_CORE", "Runtime", "RuntimeMissing", "pyodide_dir_name"]


@dataclass(frozen=True)
class Runtime:
    pyodide_dir: str  # site-relative folder of the Pyodide core
    wheel_path: str  # site-relative path of the engine wheel
    wheel_hash: str
    wheel_bytes: bytes = field(repr=False, default=b"")  # packed once, hashed and written
    stdlib_bytes: bytes = field(repr=False, default=b"")
    stdlib_hash: str = ""
    snapshot_file: Path | None = None  # in the cache
    snapshot_version: str = ""
    build: dict = field(default_factory=dict)  # the facts the worker carries (its BUILD)

    # A memory snapshot of Pyodide with the engine imported: the worker restores it instead of
    # booting Python and importing the engine, where the link is fast enough for its bytes to pay
    # (guide_ui/engine/). It depends on Pyodide, the wheel and the stdlib archive: their hashes
    # version its URL.
    snapshot_path = "guide/engine.snap"
    stdlib_path = "guide/stdlib.zip"

    @classmethod
    def current(cls) -> "Runtime":
        CACHE.mkdir(parents=True, exist_ok=True)
        data = wheel.build_wheel_bytes()
        wheel_hash = node.sha(data)[:12]
        wheel_file = CACHE / f"wheel-{wheel_hash}.whl"
        if not wheel_file.exists():
            wheel_file.write_bytes(data)
        full = stdlib.Stdlib(pyodide_file("python_stdlib.zip").read_bytes())
        sources = stdlib.build_archive(full, stdlib.select(full, set(node.loaded_modules(wheel_file))))
        stdlib_file = node.compiled_stdlib(sources)
        archive = stdlib_file.read_bytes()
        stdlib_hash = node.sha(archive)[:12]
        version = node.sha(f"{pyodide_dir_name()}:{wheel_hash}:{stdlib_hash}".encode())[:12]
        snap = node.make_snapshot(wheel_file, stdlib_file, version)
        sizes = {
            "pyodide.mjs": pyodide_file("pyodide.mjs"),
            "pyodide.asm.mjs": pyodide_file("pyodide.asm.mjs"),
            "pyodide.asm.wasm": pyodide_file("pyodide.asm.wasm"),
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

    def install(self, site_dir: Path) -> None:
        """Write the runtime's files into the site (the worker that loads them: site_build/browser/)."""
        copy_pyodide(site_dir)
        wheel.write_wheel(site_dir / "guide", self.wheel_bytes)
        (site_dir / self.stdlib_path).write_bytes(self.stdlib_bytes)
        shutil.copyfile(self.snapshot_file, site_dir / self.snapshot_path)
