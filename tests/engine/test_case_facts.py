"""A case's county facts: each looked up once per evaluation, and the parts that used each one
recorded by the look-up itself (the notes a part carries are those of the facts it used)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from guide_engine import api, bridge, provenance
from guide_engine.case_facts import CaseFacts
from guide_engine.data_loader import County, load_counties
from tests.helpers.engine_helpers import county
from tests.helpers.scenario_table import county_missing, rows

CASE = json.loads((Path(__file__).resolve().parents[1] / "cases" / "more-og-romsdal-flyktning.json").read_text(encoding="utf-8"))


@pytest.fixture
def lookups(monkeypatch):
    """Counts, per fact key, every look-up in a county file and in the national guidance."""
    county_calls, national_calls = Counter(), Counter()
    real_fact, real_national = County.fact, provenance.national_fact

    def fact(self, key, on, status=None):
        county_calls[key] += 1
        return real_fact(self, key, on, status)

    def national(key, on, status=None):
        national_calls[key] += 1
        return real_national(key, on, status)

    monkeypatch.setattr(County, "fact", fact)
    monkeypatch.setattr(provenance, "national_fact", national)
    return county_calls, national_calls


@pytest.mark.parametrize("via", ["api", "bridge"])
def test_each_fact_is_looked_up_at_most_once_per_evaluation(lookups, via):
    """One evaluation of tests/cases/more-og-romsdal-flyktning.json asks the county file (and the
    national guidance) for each fact at most once (it asked 32 times for 13 facts)."""
    county_calls, national_calls = lookups
    if via == "api":
        result = api.evaluate(CASE, CASE["on"])
    else:
        result = json.loads(bridge.handle(json.dumps({"op": "evaluate", "answers": CASE, "on": CASE["on"]})))["result"]
    assert result["ok"], result["errors"]
    assert len(county_calls) >= 10, county_calls  # the count saw the look-ups at all
    assert {k: n for k, n in county_calls.items() if n > 1} == {}
    assert {k: n for k, n in national_calls.items() if n > 1} == {}


def test_the_parts_that_used_a_fact_are_recorded():
    """The record is made by the look-ups: the booking deadline rests on the lead time, the note task
    and deadline on the note deadline, the interpreter task on the interpreter decision's facts."""
    from guide_engine import result, session

    s = session.Session(CASE, CASE["on"])
    result.build(s)
    used = s.facts.used_by()
    assert used["booking_lead_days"][0] == "deadline:book_by"
    assert {"deadline:guidance_by", "deadline:note_by", "checklist:note"} <= set(used["note_due_working_days"])
    assert {"interpreter", "checklist:interpreter_municipality", "referral"} <= set(used["interpreter_orders"])
    assert "checklist:interpreter_municipality" not in used["booking_mailbox"]


@pytest.mark.parametrize("row", [r for r in rows() if not county_missing(r)], ids=lambda r: r["name"][:50])
def test_each_note_names_the_parts_that_carry_it(row):
    """Every note of the result lists the parts it concerns, and exactly those parts carry it."""
    res = api.evaluate(row["full_case"], row["on"])
    if not res["ok"]:
        pytest.skip("a row with errors")
    carried = {f"checklist:{t['id']}": set(t["data_notes"]) for t in res["checklist"]}
    carried |= {f"deadline:{d['id']}": set(d["data_notes"]) for d in res["deadlines"]}
    carried["referral"] = set(res["referral"]["data_notes"])
    for n in res["data_notes"]:
        assert n["parts"], n
        for part in n["parts"]:
            if part in carried:
                assert n["id"] in carried[part], (part, n["note"])
    listed = {n["id"]: set(n["parts"]) for n in res["data_notes"]}
    for part, notes in carried.items():
        for note in notes:
            assert part in listed.get(note, ()), (part, note)


def test_an_unknown_fact_key_is_a_programming_error():
    """Asking for a fact key that fact_keys.toml does not have raises, rather than answering None."""
    facts = CaseFacts(county(), date(2025, 1, 1), "right_and_duty")
    with pytest.raises(KeyError):
        facts.get("interpreter_colour", "interpreter")


def test_a_fact_the_county_lacks_is_none_and_marks_no_part():
    """No layer answers: None, and no part is recorded as resting on it."""
    facts = CaseFacts(load_counties()["oslo"], date(2026, 11, 23), "right_and_duty")
    assert facts.get("booking_lead_days", "deadline:book_by") is None
    assert "booking_lead_days" not in facts.used_by()
