"""What the guide page needs before Python has started in the browser.

Computed at build time in CPython and embedded in the page, so the first question is usable at
once; every answer after that goes through the engine in the worker.
"""

from __future__ import annotations

from . import api
from .data_loader import load_counties, load_labels, load_references, load_sources
from .municipalities import load_register

# The columns of each municipality row in the boot data (compact: the page gets every row since 2020).
MUNICIPALITY_FIELDS = ("number", "name", "label", "county", "valid_from", "valid_to")


def counties() -> list[dict]:
    return [
        {
            "id": c.id,
            "name": c.name,
            "valid_from": c.period.valid_from.isoformat() if c.period.valid_from else None,
            "valid_to": c.period.valid_to.isoformat() if c.period.valid_to else None,
        }
        for c in load_counties().values()
    ]


def municipalities() -> dict:
    """The register for the municipality question's type-ahead, as rows of MUNICIPALITY_FIELDS: the
    page picks those of its reference date and shows the county that follows, before the engine runs."""
    rows = [[m.number, m.name, m.label, m.county, m.valid_from.isoformat(), m.valid_to.isoformat() if m.valid_to else None]
            for m in load_register().rows]
    return {"fields": list(MUNICIPALITY_FIELDS), "rows": rows}


def questions() -> list[dict]:
    return api.questions(None)


def boot_data() -> dict:
    return {
        "counties": counties(),
        "municipalities": municipalities(),
        "questions": questions(),
        # Labels for the provisions and sources the result cites (the result carries their ids).
        "references": {r.id: {"label": r.label, "title": r.title} for r in load_references().values()},
        "sources": {s.id: f"{s.title} ({s.publisher}, {s.as_of})" for s in load_sources().values()},
        # Month names and who-labels (data/labels.toml), so the page keeps no copy of its own.
        "labels": load_labels(),
    }
