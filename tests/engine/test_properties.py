"""Property tests: the engine is total, its deadlines are working days and in order, every decision cites a
reference, and no status is more confident than the rule data behind it."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataclasses import replace
from unittest.mock import patch

from guide_engine import api
from guide_engine.decisions import eligibility
from guide_engine.answers import Answers, Missing
from guide_engine.data_loader import load_references, load_sources, load_statuses
from guide_engine.rules import Parameter, family
from guide_engine.workdays import is_working_day
from tests.engine.test_session import cited
from tests.helpers.strategies import arbitrary_case, iso_days, plausible_case

STATUSES = set(load_statuses())  # data/vocabularies/statuses.toml
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
            assert is_working_day(day) or (d["id"] == "session_on" and d["warning"]), d
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


# --- no status more confident than its rule data --------------------------------------------------


def _world(resolve: bool) -> dict:
    """The eligibility rules with every unconfirmed value either taken as confirmed (resolve=True) or
    dropped (resolve=False): the two ways the unsettled law can turn out."""
    out = {}
    for name, p in family("eligibility").items():
        values = tuple(replace(v, confirmed=True) for v in p.values if v.confirmed or resolve)
        out[name] = Parameter(p.name, p.description, values)
    return out


def _status_in(world: dict, case: dict, on: str):
    with patch.object(eligibility, "family", lambda name: world):
        try:
            return eligibility.decide(Answers(case, date.fromisoformat(on))).status
        except Missing:
            return None


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plausible_case())
def test_a_status_resting_on_an_unconfirmed_rule_is_unclear_with_both_outcomes(sample):
    """Decide the case in the two worlds the unconfirmed rule values allow. Where they disagree, the result
    is uavklart, not confirmed, and names exactly those two outcomes; where they agree, it is that status."""
    case, on = sample["case"], sample["on"]
    result = api.evaluate(case, on)
    if not result["ok"]:
        return
    yes, no = _status_in(_world(True), case, on), _status_in(_world(False), case, on)
    if yes is None or no is None:
        return  # one world needs a question this path never asked: nothing to compare
    elig = result["eligibility"]
    if yes != no:
        assert elig["status"] == "unclear", (yes, no, elig)
        assert elig["confirmed"] is False and elig["unconfirmed"]
        assert {x["status"] for x in elig["alternatives"]} == {yes, no}
        text = " ".join(elig["reasons"])
        assert "Dette må du sjekke" in text and all(x["label"].lower() in text for x in elig["alternatives"])
    else:
        assert elig["status"] == yes, (yes, elig)
        assert elig["alternatives"] == []


# --- deadlines that fit, and a checklist in time order -------------------------------------------


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plausible_case())
def test_deadlines_precede_what_they_must_and_the_checklist_is_in_date_order(sample):
    """With a planned session: each deadline is not later than the one it precedes, or it warns; the
    checklist's dated tasks are in date order, except next to a deadline that warns."""
    case, on = sample["case"], sample["on"]
    if not case.get("planned_session_date"):
        return
    result = api.evaluate(case, on)
    if not result["ok"]:
        return
    dl = {d["id"]: d for d in result["deadlines"]}
    for d in dl.values():
        after = dl.get(d["precedes"]) if d["precedes"] else None
        if after is not None and d["date"] > after["date"]:
            assert d["warning"], (d, after)
    planned = case["planned_session_date"]
    if "guidance_by" in dl and planned > dl["guidance_by"]["date"]:
        assert dl["guidance_by"]["warning"]
    warned = {k for k, d in dl.items() if d["warning"]}
    dated = [t for t in result["checklist"] if t["due"]]
    for first, second in zip(dated, dated[1:]):
        if first["due"] > second["due"]:
            assert warned, (first, second, dl)  # out of order only where the result warns
