"""The practice cases (site_build/practice.toml): loaded, checked, and given to the practice page.

The page gets each case's text, answers and the result fields the learner answers, plus the labels
for the choices (from the engine, so there is one home for each vocabulary). It never gets an
expected answer: those come from the engine, run in the browser.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

FILE = Path(__file__).resolve().parent / "practice.toml"
TYPES = ("status", "who", "date", "boolean")
EXPLAIN = re.compile(r"^(eligibility|interpreter|referral|deadline:[a-z_]+)$")
ID = re.compile(r"^[a-z0-9-]+$")


class PracticeError(ValueError):
    """A practice case or field that breaks a rule, named by its id."""


def load(path: Path = FILE) -> dict:
    """The fields and cases, checked: known field types, every asked field defined, unique ids, ISO dates."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise PracticeError(f"{path.name}: ugyldig TOML: {e}") from None
    fields = raw.get("fields", {})
    for key, f in fields.items():
        if f.get("type") not in TYPES:
            raise PracticeError(f"{path.name}: fields.{key}: type må være en av {TYPES}")
        if not f.get("question") or not EXPLAIN.match(f.get("explain", "")):
            raise PracticeError(f"{path.name}: fields.{key}: question og explain (eligibility, interpreter, referral, deadline:<id>) kreves")
    cases, seen = raw.get("case", []), set()
    for c in cases:
        cid = c.get("id", "")
        if not ID.match(cid) or cid in seen:
            raise PracticeError(f"{path.name}: case {cid!r}: id må være unik og [a-z0-9-]")
        seen.add(cid)
        for k in ("title", "layer", "text", "on", "answers", "ask"):
            if not c.get(k):
                raise PracticeError(f"{path.name}: case {cid}: {k} mangler")
        try:
            date.fromisoformat(c["on"])
        except (TypeError, ValueError):
            raise PracticeError(f"{path.name}: case {cid}: on må være ÅÅÅÅ-MM-DD") from None
        unknown = [a for a in c["ask"] if a not in fields]
        if unknown:
            raise PracticeError(f"{path.name}: case {cid}: ukjente felt i ask: {unknown}")
    return {"fields": fields, "cases": cases}


def choices() -> dict:
    """The labels of the choices the learner picks from, taken from the engine."""
    from guide_engine import interpreter
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
