"""Pack guide_engine as a pure-Python wheel (py3-none-any) that Pyodide unpacks as is.

Written by hand rather than through a build frontend: it is a zip of the package's own files
plus the three dist-info files, deterministic (fixed timestamps, sorted), so the same source
always gives the same bytes and the same cache-busting hash.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path

import guide_engine

from site_build.paths import ROOT

PACKAGE_DIR = ROOT / "guide_engine"
NAME = "guide_engine"
# Only what the engine needs at run time; data/README.md is documentation, not data, and the
# practice cases are read by the site build only (site_build/practice.py).
INCLUDE_SUFFIXES = {".py", ".toml", ".txt", ".json"}
EXCLUDE = {"data/practice.toml"}
_EPOCH = (2021, 1, 1, 0, 0, 0)


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def package_files() -> list[Path]:
    return sorted(
        p
        for p in PACKAGE_DIR.rglob("*")
        if p.is_file() and p.suffix in INCLUDE_SUFFIXES and "__pycache__" not in p.parts
        and p.relative_to(PACKAGE_DIR).as_posix() not in EXCLUDE
    )


def wheel_filename() -> str:
    return f"{NAME}-{guide_engine.__version__}-py3-none-any.whl"


def build_wheel_bytes() -> bytes:
    version = guide_engine.__version__
    dist_info = f"{NAME}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in package_files()
    ]
    entries.append((f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {version}\n".encode()))
    entries.append(
        (f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: site_build.wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    )
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))

    # Stored, not deflated: the site serves the wheel brotli-compressed as a whole (compress.py),
    # which packs the many small sources and TOML files into half the bytes per-file deflate gives.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def write_wheel(folder: Path, data: bytes | None = None) -> Path:
    """Write the wheel (packed now unless given) into folder; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / wheel_filename()
    path.write_bytes(data if data is not None else build_wheel_bytes())
    return path
