"""practice.toml: the practice cases of the page /ovelser/ (docs/ovelser.md), each a made-up case in
plain words with its answers to the guide's questions, and the result fields a learner is asked.

Read and checked like every other data file (a DataError naming the file and the key). The site
build gives them to the page; the engine never needs them at run time, so the browser's wheel
leaves the file out (site_build/wheel.py). No expected answer is written here: the page asks the
engine, and tests/site/test_practice.py checks each case against tests/scenarios/practice.json.
"""

from __future__ import annotations

import re

from .files import cached, read_toml
from .questions import load_questions
from .reader import ID, DataError, Reader, enum, text

FILE = "practice.toml"
# What a learner can be asked: a status, who (orders or pays), a date, yes or no.
FIELD_TYPES = ("status", "who", "date", "boolean")
# The part of the result shown as the reason beside the engine's answer.
EXPLAIN = re.compile(r"^(eligibility|interpreter|referral|deadline:[a-z_]+)$")


def _field(r: Reader) -> dict:
    field = {"question": r.text("question"), "type": r.get("type", enum(*FIELD_TYPES), True),
             "explain": r.get("explain", lambda v: isinstance(v, str) and EXPLAIN.match(v) is not None, True,
                              "eligibility, interpreter, referral eller deadline:<id>")}
    r.done()
    return field


def _case(r: Reader, fields: dict, questions: set[str]) -> dict:
    r.date("on")  # an ISO date, kept as the file writes it
    case = {"id": r.path.split(".", 1)[1], "title": r.text("title"), "layer": r.text("layer"), "on": r.table["on"], "text": r.text("text")}
    ask = r.get("ask", lambda v: isinstance(v, list) and len(v) > 0 and all(isinstance(x, str) for x in v), True,
                "en liste med felt fra [fields]")
    unknown = [a for a in ask if a not in fields]
    if unknown:
        raise r.fail("ask", f"ukjente felt i ask: {unknown} (ikke i [fields])")
    answers = r.get("answers", lambda v: isinstance(v, dict) and len(v) > 0, True, "en tabell med svar")
    strange = sorted(k for k in answers if k not in questions)
    if strange:
        raise r.fail(f"answers.{strange[0]}", "ikke et spørsmål i questions.toml")
    r.done()
    return {**case, "ask": list(ask), "answers": dict(answers)}


@cached
def load_practice() -> dict:
    """{"fields": {result path: {question, type, explain}}, "cases": [{id, title, layer, text, on, ask, answers}]}."""
    raw = read_toml(FILE)
    top = Reader(FILE, "", raw)
    _, field_tables = top.raw("fields", required=True)
    _, case_tables = top.raw("case", required=True)
    top.done()
    fields = {key: _field(Reader(FILE, f"fields.{key}", table)) for key, table in Reader(FILE, "fields", field_tables).table.items()}
    if not isinstance(case_tables, list) or not case_tables:
        raise DataError(FILE, "case", "forventet [[case]]-oppføringer")
    questions = {q["id"] for q in load_questions()}
    cases, seen = [], set()
    for i, table in enumerate(case_tables):
        cid = Reader(FILE, f"case[{i}]", table).get("id", lambda v: text(v) and ID.match(v) is not None, True, "en id av a-z, 0-9 og bindestrek")
        if cid in seen:
            raise DataError(FILE, f"case.{cid}.id", "brukt før: en id er unik")
        seen.add(cid)
        r = Reader(FILE, f"case.{cid}", table)
        r.seen.add("id")
        cases.append(_case(r, fields, questions))
    return {"fields": fields, "cases": cases}
