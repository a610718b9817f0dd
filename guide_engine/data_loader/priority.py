"""priority.toml: the criteria a county may rank by under limited capacity, each with the question
it reads, its weight and that weight's source (or the note that it is the site's own reading)."""

from __future__ import annotations

from .files import cached, tables
from .questions import load_questions
from .reader import integer
from .records import Criterion
from .sources import check_source


@cached
def load_priority_criteria() -> dict[str, Criterion]:
    """data/priority.toml: the criteria a county may rank by, each weight with its source or note."""
    questions = {q["id"]: q for q in load_questions()}
    out: dict[str, Criterion] = {}
    for cid, r in tables("priority.toml"):
        question = r.text("question")
        if question not in questions:
            raise r.fail("question", f"ukjent spørsmål {question!r} (ikke i questions.toml)")
        met_when = r.flag("met_when", required=False)
        at_least = r.get("at_least", integer, False, "et heltall")
        wanted = {"boolean": "met_when", "integer": "at_least"}.get(questions[question]["type"])
        if wanted is None or (met_when is None) == (wanted == "met_when") or (at_least is None) == (wanted == "at_least"):
            raise r.fail(wanted or "question", "et ja/nei-spørsmål trenger met_when, et tallspørsmål at_least")
        weight_source = r.text("weight_source", required=False)
        if weight_source:
            check_source(r, "weight_source", weight_source)
        weight_note = r.text("weight_note", required=False)
        if not weight_source and not weight_note:
            raise r.fail("weight_source", "mangler: en vekt har en kilde eller en merknad om at den er nettstedets egen lesing (weight_note)")
        out[cid] = Criterion(cid, question, met_when, at_least, r.get("weight", integer, True, "et heltall"), weight_source,
                             weight_note, r.text("label"), (r.text("met"), r.text("unmet")))
    return out
