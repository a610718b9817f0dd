"""Questions are data; the path asks only what the current case still needs."""

from __future__ import annotations

from guide_engine import api
from guide_engine.data_loader import QUESTION_TYPES as TYPES
from tests.helpers.engine_helpers import case

ON = "2026-11-23"


def test_question_definitions_are_complete():
    """Every question has id, text, help, type, required; choices and booleans have options."""
    qs = api.questions(ON)
    assert len({q["id"] for q in qs}) == len(qs)
    for q in qs:
        assert q["text"] and q["help"] and q["type"] in TYPES and isinstance(q["required"], bool)
        if q["type"] in ("choice", "boolean"):
            assert q["options"] and all({"value", "label"} <= set(o) for o in q["options"])


def test_county_options_depend_on_the_date():
    """The county question offers the counties that exist on the reference date."""
    def county_ids(on):
        return {o["value"] for o in next(q for q in api.questions(on) if q["id"] == "county")["options"]}

    now, then, every = county_ids("2026-11-23"), county_ids("2022-01-01"), county_ids(None)
    assert "more-og-romsdal" in now and "more-og-romsdal" in then
    assert now <= every and then <= every
    from datetime import date

    from guide_engine.counties import all_counties
    for cid, c in all_counties().items():
        assert (cid in now) == c.exists_on(date(2026, 11, 23))
        assert (cid in then) == c.exists_on(date(2022, 1, 1))


def test_empty_answers_start_with_the_municipality():
    """With no answers the first question is the municipality (the county follows from it), and the path stops at the first rule question."""
    assert api.next_question({}, ON) == "municipality"
    assert api.path({}, ON) == ["municipality", "participant_ref", "permit_group"]


def test_a_county_given_is_on_the_path_after_the_municipality():
    """The county is never asked, but a county given anyway is checked right after the municipality."""
    assert api.path({"county": "oslo"}, ON)[:3] == ["municipality", "county", "participant_ref"]
    assert api.path({"county": None}, ON)[:2] == ["municipality", "participant_ref"]


def test_path_grows_with_the_answers():
    """Answering the permit group reveals the next question the rules need."""
    p = api.path({"permit_group": "refugee"}, ON)
    assert p[-1] == "permit_date"
    p = api.path({"permit_group": "other"}, ON)
    assert p[-1] == "permit_group"  # not covered: nothing more to ask


def test_interpreter_language_only_when_needed():
    """The language is asked only when an interpreter is needed."""
    assert "interpreter_language" in api.path(case(interpreter_needed=True), ON)
    assert "interpreter_language" not in api.path(case(interpreter_needed=False), ON)


def test_next_question_walks_the_path_to_none():
    """Answering next_question one by one ends with None, and then the result is ready."""
    full = case()
    answers: dict = {}
    seen = []
    for _ in range(40):
        q = api.next_question(answers, ON)
        if q is None:
            break
        seen.append(q)
        answers[q] = full.get(q)
    assert api.next_question(answers, ON) is None
    assert seen == api.path(answers, ON)
    assert api.evaluate(answers, ON)["ok"] is True


def test_optional_question_skipped_with_null():
    """An optional question counts as answered when its key is present, even as null."""
    c = case()
    del c["planned_session_date"]
    assert api.next_question(c, ON) == "planned_session_date"
    c["planned_session_date"] = None
    assert api.next_question(c, ON) is None


def test_invalid_answer_is_the_next_question():
    """An impossible answer sends the user back to that question."""
    assert api.next_question(case(age_at_permit=300), ON) == "age_at_permit"
