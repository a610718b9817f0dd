"""Questions are data (data/questions.toml); this module lists them and decides the path.

The path is what the rules consult, in order: the eligibility rules ask only what they need to
decide (``eligibility.decide`` records each question it reads), and once the status is known the
preparation questions follow — the interpreter language only if an interpreter is needed, the
adviser question only where the county leaves it to the participant or to an assessment, and the
priority questions only where the county's capacity is limited on the reference date.
"""

from __future__ import annotations

from datetime import date

from .counties import county_choices
from .data_loader import QUESTION_TYPES as TYPES, cached, load_questions

BOOLEAN_OPTIONS = [{"value": True, "label": "Ja"}, {"value": False, "label": "Nei"}]


@cached
def question_map() -> dict[str, dict]:
    """The questions of questions.toml by id."""
    return {q["id"]: q for q in load_questions()}


def definitions(on: date | None) -> list[dict]:
    """Every question as a JSON-able dict; the county options are the counties existing on ``on``
    (all counties, current and historical, when ``on`` is None)."""
    from .counties import all_counties

    out = []
    for q in load_questions():
        d = {
            "id": q["id"],
            "text": q["text"],
            "help": q["help"],
            "type": q["type"],
            "required": bool(q["required"]),
        }
        if q["type"] == "choice":
            if q["id"] == "county":
                pairs = county_choices(on) if on else [(c.id, c.name) for c in all_counties().values()]
                d["options"] = [{"value": cid, "label": name} for cid, name in pairs]
            else:
                d["options"] = [dict(o) for o in q.get("options", [])]
        elif q["type"] == "boolean":
            d["options"] = [dict(o) for o in BOOLEAN_OPTIONS]
        for k in ("min", "max", "max_length"):
            if k in q:
                d[k] = q[k]
        out.append(d)
    return out


# Questions asked of every case before the rules, and the preparation questions after them.
OPENING = ("county", "municipality", "participant_ref")
