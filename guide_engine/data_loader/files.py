"""The data files: where they are, reading one, the error that names a file and a key, and the
cache of everything read from them (``reload`` forgets it all)."""

from __future__ import annotations

import tomllib
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .reader import DataError, Reader

# The folder every loader reads (None: the package's own guide_engine/data); ``use_data_dir`` sets
# it for a scratch copy.
DATA_DIR: Path | None = None

_CACHES: list = []


def cached(fn):
    """``lru_cache`` whose cache ``reload()`` clears (every loader and every cache derived from data)."""
    c = lru_cache(maxsize=None)(fn)
    _CACHES.append(c)
    return c


def register(cache):
    """Let ``reload()`` clear a cache made elsewhere (anything with ``cache_clear``); returns it."""
    _CACHES.append(cache)
    return cache


def reload() -> None:
    """Forget every loaded data file and everything derived from one (mkdocs serve rebuilds in one process)."""
    for c in _CACHES:
        c.cache_clear()


def package_data_dir():
    """guide_engine/data as shipped (a folder in CPython, in the wheel's files in Pyodide)."""
    return resources.files("guide_engine") / "data"


def data_dir():
    return DATA_DIR if DATA_DIR is not None else package_data_dir()


@contextmanager
def use_data_dir(folder: Path):
    """Read every data file from ``folder`` (a scratch copy of guide_engine/data) inside the block."""
    global DATA_DIR
    before = DATA_DIR
    DATA_DIR = folder
    reload()
    try:
        yield folder
    finally:
        DATA_DIR = before
        reload()


class Overlay:
    """A data folder with some files replaced or added (``{"counties/akershus.toml": text}``), read through
    ``use_data_dir`` like a folder: every other file comes from ``base``. Nothing is written anywhere."""

    def __init__(self, base, files: dict[str, str], rel: str = "") -> None:
        self.base, self.files, self.rel = base, files, rel

    @property
    def name(self) -> str:
        return self.rel.rsplit("/", 1)[-1]

    def __truediv__(self, part: str) -> "Overlay":
        return Overlay(self.base, self.files, f"{self.rel}/{part}" if self.rel else part)

    def _real(self):
        path = self.base
        for part in filter(None, self.rel.split("/")):
            path = path / part
        return path

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.files[self.rel] if self.rel in self.files else self._real().read_text(encoding=encoding)

    def iterdir(self):
        prefix = f"{self.rel}/" if self.rel else ""
        names = {p.name for p in self._real().iterdir()}
        names |= {k[len(prefix):] for k in self.files if k.startswith(prefix) and "/" not in k[len(prefix):]}
        return (self / n for n in sorted(names))


def read_toml(name: str, path=None) -> dict:
    """A data file (``name`` relative to the data folder) as a dict; invalid TOML is a DataError."""
    if path is None:
        path = data_dir()
        for part in name.split("/"):
            path = path / part
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise DataError(name, "(fil)", f"ugyldig TOML: {e}") from None


def tables(name: str):
    """(key, reader) for each top-level table of a data file; the reader is checked for unknown keys
    once the loop body has read it."""
    for key, table in read_toml(name).items():
        r = Reader(name, key, table)
        yield key, r
        r.done()


def load_rules(name: str) -> dict:
    """A rule-family file from data/rules (its own module, guide_engine/rules.py, validates its shape)."""
    return read_toml(f"rules/{name}.toml")
