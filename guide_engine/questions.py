"""Questions are data (data/questions.toml); this module lists them by id and by stage.

The path itself is walked by ``session.Session``: the opening questions, the questions the
eligibility rules pull, then the preparation questions whose ``ask_if`` holds.
"""

from __future__ import annotations

from datetime import date

from .counties import county_choices
from .data_loader import cached, load_questions

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
                d["options"] = [{"value": o["value"], "label": o["label"]} for o in q.get("options", [])]  # rule keys stay in the engine
        elif q["type"] == "boolean":
            d["options"] = [dict(o) for o in BOOLEAN_OPTIONS]
        for k in ("min", "max", "max_length"):
            if k in q:
                d[k] = q[k]
        out.append(d)
    return out


@cached
def opening() -> tuple[str, ...]:
    """The questions asked of every case, first (``stage = "opening"``)."""
    return tuple(q["id"] for q in load_questions() if q["stage"] == "opening")


def opening_for(given) -> list[str]:
    """The opening questions, in the file's order, with each derived question whose answer was given
    anyway (``given(id)``): it is on the path then, so it is checked like any answer."""
    return [q["id"] for q in load_questions() if q["stage"] == "opening" or (q["stage"] == "derived" and given(q["id"]))]


@cached
def preparation() -> tuple[dict, ...]:
    """The questions asked once the person is covered (``stage = "preparation"``), in the file's order."""
    return tuple(q for q in load_questions() if q["stage"] == "preparation")
