"""One pass per request: a session parses the answers once and decides eligibility once."""

from __future__ import annotations

import json

import pytest

from guide_engine import api, bridge, result, session
from guide_engine.decisions import eligibility
from guide_engine.questions import preparation
from tests.helpers.engine_helpers import case
from tests.helpers.scenario_table import rows

ON = "2026-11-23"


@pytest.fixture
def decisions(monkeypatch):
    """Counts every call of eligibility.decide."""
    calls = []
    real = eligibility.decide

    def counting(a):
        calls.append(1)
        return real(a)

    monkeypatch.setattr(eligibility, "decide", counting)
    return calls


@pytest.mark.parametrize("answers", [{}, {"county": "oslo"}, case(), case(interpreter_needed=None), case(age_at_permit=300)])
def test_one_eligibility_decision_per_step(decisions, answers):
    """The browser's step message (path, next question, errors) decides eligibility once."""
    reply = json.loads(bridge.handle(json.dumps({"op": "step", "answers": answers, "on": ON})))
    assert reply["ok"] and {"path", "next", "errors"} <= set(reply["result"])
    assert len(decisions) == 1


@pytest.mark.parametrize("op", ["bridge", "api"])
def test_one_eligibility_decision_per_evaluate(decisions, op):
    """An evaluation decides eligibility once (the reference date is parsed once, not formatted and re-read)."""
    if op == "bridge":
        reply = json.loads(bridge.handle(json.dumps({"op": "evaluate", "answers": case(), "on": ON})))
        out = reply["result"]
    else:
        out = api.evaluate(case(), ON)
    assert out["ok"], out["errors"]
    assert len(decisions) == 1


def test_step_is_path_next_and_errors():
    """The one-pass step gives what the three separate calls give."""
    for answers in ({}, case(), case(interpreter_needed=True, interpreter_language=None), case(permit_date="2027-01-01")):
        assert api.step(answers, ON) == {"path": api.path(answers, ON), "next": api.next_question(answers, ON),
                                         "errors": api.validate(answers, ON)}


def test_every_ask_if_names_a_known_condition():
    """A preparation question's ask_if names one of the conditions in session.CONDITIONS (or status:<status>)."""
    for q in preparation():
        names = q.get("ask_if") or []
        for name in [names] if isinstance(names, str) else names:
            assert session.condition(name) is not None, (q["id"], name)
    with pytest.raises(KeyError):
        session.condition("moon_is_full")


def test_status_condition_asks_only_for_that_status(monkeypatch):
    """ask_if = "status:right_only" asks a question only when the decision has that status."""
    from guide_engine import questions

    extra = {**questions.question_map()["practical_needs"], "ask_if": "status:right_only"}
    monkeypatch.setattr(questions, "preparation", lambda: tuple(extra if q["id"] == "practical_needs" else q for q in preparation()))
    monkeypatch.setattr(session, "preparation", questions.preparation)
    assert "practical_needs" not in session.Session(case(), ON).path
    kollektiv = next(r for r in rows() if r["expect"].get("eligibility.status") == "right_only" and r["full_case"].get("wants_guidance") is not False)
    assert "practical_needs" in session.Session(kollektiv["full_case"], kollektiv["on"]).path


def _cited(obj, out: set, plural: str, singular: str) -> None:
    """Every id cited anywhere in a result under `plural` (a list) or `singular` (one id)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == plural and isinstance(v, list):
                out.update(x for x in v if isinstance(x, str))
            elif k == singular and isinstance(v, str):
                out.add(v)
            elif k not in ("references", "sources") or not isinstance(v, dict):
                _cited(v, out, plural, singular)
    elif isinstance(obj, list):
        for v in obj:
            _cited(v, out, plural, singular)


def cited(res: dict, plural: str, singular: str) -> set:
    out: set = set()
    _cited({k: v for k, v in res.items() if k not in ("references", "sources")}, out, plural, singular)
    return out


@pytest.mark.parametrize("row", [r for r in rows() if r["expect"].get("ok", True)], ids=lambda r: r["name"][:40])
def test_top_level_citations_are_the_union_of_the_parts(row):
    """The result's references and sources are exactly the ids its parts cite, no more, no less."""
    res = api.evaluate(row["full_case"], row["on"])
    if not res["ok"]:
        pytest.skip("a row with errors")
    assert set(res["references"]) == cited(res, "references", "reference")
    assert set(res["sources"]) == cited(res, "sources", "source")


def test_unknown_reference_id_is_an_error(monkeypatch):
    """A part citing an id that references.toml lacks fails loudly (an internal error), not silently dropped."""
    real = result.load_references()
    monkeypatch.setattr(result, "load_references", lambda: {k: v for k, v in real.items() if k != "integreringsloven-11"})
    with pytest.raises(result.UnknownCitation, match="integreringsloven-11"):
        result.build(session.Session(case(), ON))
    assert api.evaluate(case(), ON)["errors"][0]["field"] == "_engine"
