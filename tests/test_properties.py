"""Property tests: the engine is total, its deadlines are working days, and every decision cites a reference."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide_engine import api
from guide_engine.data_loader import load_references, load_sources
from guide_engine.workdays import is_working_day
from tests.test_session import cited
from tests.strategies import arbitrary_case, iso_days, plausible_case

STATUSES = {"right_and_duty", "right_only", "assess_need", "not_covered"}
SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_result(result: dict) -> None:
    json.dumps(result)  # JSON-able
    assert isinstance(result["errors"], list)
    assert all(e["field"] != "_engine" for e in result["errors"]), result["errors"]
    assert all(isinstance(e["message"], str) and e["message"] for e in result["errors"])
    if result["ok"]:
        assert result["errors"] == []
        elig = result["eligibility"]
        assert elig["status"] in STATUSES
        assert elig["references"], "a decision without a reference"
        assert elig["reasons"]
        known, sources = load_references(), load_sources()
        # Every id cited anywhere in the result is labelled at the top and is a key of references.toml
        # (an unknown id is an internal error, never silently dropped).
        for ref in cited(result, "references", "reference"):
            assert ref in result["references"] and ref in known, ref
        for src in cited(result, "sources", "source"):
            assert src in result["sources"] and src in sources, src
        assert result["interpreter"]["orders"] in ("county", "municipality", "unknown")
        assert result["interpreter"]["pays"] in ("county", "municipality", "unknown")
        assert result["interpreter"]["references"]
        assert result["priority"]["references"]
        for d in result["deadlines"]:
            day = date.fromisoformat(d["date"])
            assert is_working_day(day), d
            assert d["references"]
            assert d["overdue"] == (day < date.fromisoformat(result["on"]))
        for item in result["checklist"]:
            assert item["who"] in ("municipality", "career_centre", "participant")
            assert item["references"]
        assert "01019912368" not in json.dumps(result["referral"])
    else:
        assert result["errors"], "a failed result must say why"


@SETTINGS
@given(plausible_case())
def test_plausible_cases_give_a_result_or_errors(sample):
    """Every generated case gives a result or validation errors, never an exception."""
    check_result(api.evaluate(sample["case"], sample["on"]))


@SETTINGS
@given(arbitrary_case, st.one_of(st.none(), iso_days, st.text(max_size=12), st.integers()))
def test_any_json_is_handled(case, on):
    """Any JSON value as case or date gives a result with errors or a result, never an exception."""
    check_result(api.evaluate(case, on))
    assert isinstance(api.validate(case, on), list)
    assert isinstance(api.path(case, on), list)
    nq = api.next_question(case, on)
    assert nq is None or isinstance(nq, str)


@settings(max_examples=300, deadline=None)
@given(plausible_case())
def test_next_question_is_on_the_path_and_none_means_ready(sample):
    """next_question is the first unanswered question on the path; when it is None, evaluate succeeds."""
    case, on = sample["case"], sample["on"]
    nq = api.next_question(case, on)
    path = api.path(case, on)
    if nq is None:
        assert api.evaluate(case, on)["ok"] is True
    else:
        assert nq in path
