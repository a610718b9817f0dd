"""Prioritisation under limited capacity: by the county's criteria, then by the nearest deadline."""

from __future__ import annotations

from datetime import date

from guide_engine import api
from guide_engine.decisions import priority
from tests.helpers.engine_helpers import county, facts

ON = date(2020, 11, 15)
ALL = ["sector_hit_by_crisis", "uncertain_plan", "time_left_in_programme", "no_guidance_yet"]


def limited(criteria=ALL):
    return county(capacity=[("limited", date(2020, 9, 1), date(2021, 6, 30))],
                  priority_criteria=[(criteria, date(2020, 9, 1), date(2021, 6, 30))])


def test_normal_capacity_means_no_priority():
    """Without limited capacity everyone gets guidance, with no ranking and no priority questions."""
    c = county(capacity="normal")
    assert priority.decide(facts(c, ON), {})["applies"] is False
    assert priority.questions(facts(c, ON)) == []


def test_limited_capacity_only_in_its_period():
    """The limitation applies only within the period the county's source gives."""
    c = limited()
    assert priority.questions(facts(c, ON)) == ["sector_hit_by_crisis", "uncertain_plan", "months_left_in_programme", "guidance_already_given"]
    assert priority.questions(facts(c, date(2021, 7, 1))) == []


def test_questions_follow_the_county_criteria():
    """Only the criteria the county's source names are asked."""
    assert priority.questions(facts(limited(["sector_hit_by_crisis"]), ON)) == ["sector_hit_by_crisis"]


def test_scores_follow_the_criteria():
    """Crisis sector and uncertain plan weigh most; guidance already given lowers the priority."""
    c = limited()
    top = priority.decide(facts(c, ON), {"sector_hit_by_crisis": True, "uncertain_plan": True, "months_left_in_programme": 12, "guidance_already_given": False})
    low = priority.decide(facts(c, ON), {"sector_hit_by_crisis": False, "uncertain_plan": False, "months_left_in_programme": 2, "guidance_already_given": True})
    mid = priority.decide(facts(c, ON), {"sector_hit_by_crisis": False, "uncertain_plan": True, "months_left_in_programme": 2, "guidance_already_given": True})
    assert (top["score"], top["max_score"], top["level"]) == (7, 7, "high")
    assert (low["score"], low["level"]) == (0, "low")
    assert (mid["score"], mid["level"]) == (2, "normal")
    for r in (top, low, mid):
        assert any("Alle deltakere" in x for x in r["reasons"]), "everyone referred still gets guidance"


def test_rank_orders_by_score_then_deadline():
    """Within a county whose criteria apply, the queue ranks by score, then by the nearest deadline;
    a row of a county without criteria keeps its own deadline's place (the queue's order, guide_engine/queue)."""
    from guide_engine import queue

    c = limited(["sector_hit_by_crisis"])

    def row(n, cid, answers, deadline, criteria=c):
        return {"row": n, "county": cid, "guidance_by": deadline, "overdue": False,
                "priority": priority.decide(facts(criteria, ON), answers)}

    a = row(2, "testfylke", {"sector_hit_by_crisis": False}, "2020-12-01")
    b = row(3, "testfylke", {"sector_hit_by_crisis": True}, "2021-02-01")
    d = row(4, "testfylke", {"sector_hit_by_crisis": True}, "2020-12-10")
    none = row(5, "annet", {}, "2021-03-01", county())
    assert [r["row"] for r in queue.order([none, a, b, d])] == [4, 3, 2, 5]


def test_api_asks_priority_questions_only_under_limited_capacity():
    """Through the API: Trøndelag asks its criteria in autumn 2020 but not in 2026 (if its file is there)."""
    from guide_engine.counties import get_county
    c, _ = get_county("trondelag")
    if c is None:
        import pytest
        pytest.skip("trondelag.toml not there yet")
    base = {"municipality": "Steinkjer", "permit_group": "refugee", "permit_date": "2019-05-01", "arrival_date": "2019-02-01", "in_introduction_programme": True}
    p2020 = api.path(base, "2020-11-15")
    asked = priority.questions(facts(c, ON, "assess_need"))  # the covid letter's criteria, for covid-law cases
    assert set(asked) <= set(p2020) and asked
    assert not set(asked) & set(api.path({**base, "permit_date": "2026-01-01"}, "2026-11-23"))


def _trondelag_2020() -> dict:
    from tests.helpers.scenario_table import rows

    row = next(r for r in rows() if r["name"].startswith("Trøndelag høsten 2020: mål i en bransje"))
    return api.evaluate(row["full_case"], row["on"])


def test_priority_result_has_a_norwegian_label():
    """The result names the level in bokmål (the guide showed "Prioritet: high"); the label comes from labels.toml."""
    from guide_engine.data_loader import load_labels

    p = _trondelag_2020()["priority"]
    assert p["applies"] and p["level"] in ("high", "normal", "low")
    assert p["label"] == load_labels()["priority_level"][p["level"]]
    assert p["level"] not in p["label"]
    none = priority.decide(facts(county(capacity="normal"), ON), {})
    assert none["label"] == load_labels()["priority_level"]["none"]


def test_weights_show_their_basis_in_the_result():
    """Each weight the result uses is either sourced or shown as the site's own reading."""
    from guide_engine.data_loader import load_priority_criteria

    p = _trondelag_2020()["priority"]
    known = load_priority_criteria()
    for c in p["criteria"]:
        crit = known[c["id"]]
        assert c["weight"] == crit.weight
        if crit.weight_source:
            assert crit.weight_source in p["sources"]
        else:
            assert crit.weight_note in p["reasons"] and crit.weight_note in p["weight_notes"]
