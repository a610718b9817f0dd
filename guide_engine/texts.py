"""Reading the text files of the engine: templates/*.txt (string.Template); checklist tasks via the data loader."""

from __future__ import annotations

from importlib import resources
from string import Template

from .data_loader import cached, load_checklist


def _read(*parts: str) -> str:
    p = resources.files("guide_engine")
    for part in parts:
        p = p / part
    return p.read_text(encoding="utf-8")


@cached
def template(name: str) -> Template:
    return Template(_read("templates", f"{name}.txt").rstrip("\n"))


@cached
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


def checklist_tasks() -> dict[str, dict]:
    """The checklist tasks of data/checklist.toml (validated by the data loader)."""
    return load_checklist()


def fill(t: Template, **values: object) -> str:
    return t.safe_substitute({k: ("" if v is None else str(v)) for k, v in values.items()})


def fill_lines(t: Template, **values: object) -> str:
    """``fill``, where a line holding nothing but one slot (``$notes``) is left out when that slot's
    value is empty: a template's optional block, without a blank line in its place."""
    empty = {f"${k}" for k, v in values.items() if v in (None, "")} | {f"${{{k}}}" for k, v in values.items() if v in (None, "")}
    kept = "\n".join(line for line in t.template.split("\n") if line.strip() not in empty)
    return fill(Template(kept), **values)
