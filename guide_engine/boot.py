"""What the guide page needs before Python has started in the browser.

Computed at build time in CPython and embedded in the page, so the first question is usable at
once; every answer after that goes through the engine in the worker.
"""

from __future__ import annotations

from .data_loader import load_counties


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


def questions() -> list[dict] | None:
    try:
        from . import api
    except ImportError:  # the engine's question API is not there yet: the page asks the county only
        return None
    return api.questions(None)


def boot_data() -> dict:
    return {"counties": counties(), "questions": questions()}
