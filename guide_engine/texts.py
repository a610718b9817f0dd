"""Reading the text files of the engine: templates/*.txt (string.Template) and data/checklist.toml."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from string import Template


def _read(*parts: str) -> str:
    p = resources.files("guide_engine")
    for part in parts:
        p = p / part
    return p.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def template(name: str) -> Template:
    return Template(_read("templates", f"{name}.txt").rstrip("\n"))


@lru_cache(maxsize=None)
def sections(name: str) -> dict[str, Template]:
    """A template file split into ``## key`` sections."""
    out: dict[str, list[str]] = {}
    key = None
    for line in _read("templates", f"{name}.txt").splitlines():
        if line.startswith("## "):
            key = line[3:].strip()
            out[key] = []
        elif key is not None:
            out[key].append(line)
    return {k: Template("\n".join(v).strip("\n")) for k, v in out.items()}


@lru_cache(maxsize=None)
def checklist_tasks() -> dict[str, dict]:
    return tomllib.loads(_read("data", "checklist.toml"))


def fill(t: Template, **values: object) -> str:
    return t.safe_substitute({k: ("" if v is None else str(v)) for k, v in values.items()})
