"""The practice page's build glue: the practice cases (guide_engine/data/practice.toml, read and
checked by the engine's data loader) and the labels of the choices the learner picks from, for the
MkDocs hook to embed in the page (``practice_boot``).

The page gets each case's text, answers and the result fields the learner answers. It never gets an
expected answer: those come from the engine, run in the browser.
"""

from __future__ import annotations

from guide_engine.data_loader import load_practice


def load() -> dict:
    """The fields and cases, checked by the engine's data loader (a DataError names file and key)."""
    return load_practice()


def choices() -> dict:
    """The labels of the choices the learner picks from, from the engine's data: each status, and who orders or pays."""
    from guide_engine.decisions import interpreter
    from guide_engine.data_loader import load_statuses

    return {
        "status": [{"value": s.id, "label": s.label} for s in load_statuses().values()],
        "who": [{"value": k, "label": interpreter.who_label(k)} for k in ("county", "municipality", "unknown")],
        "boolean": [{"value": True, "label": "Ja"}, {"value": False, "label": "Nei"}],
    }


def boot_data() -> dict:
    """What the practice page embeds: the cases (no expected answers), the fields and the choices."""
    data = load()
    return {"fields": data["fields"], "cases": data["cases"], "choices": choices()}
