"""The queue's ordering rule as a property: no row with an earlier latest-guidance date comes after
one with a later date unless a county criterion of that date and law put it there."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from guide_engine import queue
from tests.helpers.queue_sheets import person, sheet

COUNTIES = ["more-og-romsdal", "oslo", "trondelag", "vestland"]


@st.composite
def synthetic_rows(draw) -> list[dict]:
    """Evaluated rows as the queue sees them: county, deadline (or none), overdue, county priority."""
    n = draw(st.integers(0, 40))
    applies = {c: draw(st.booleans()) for c in COUNTIES}
    on = date(2026, 11, 23)
    rows = []
    for i in range(n):
        county = draw(st.sampled_from(COUNTIES))
        d = draw(st.one_of(st.none(), st.dates(min_value=on - timedelta(days=90), max_value=on + timedelta(days=120))))
        rows.append({
            "row": i + 2, "county": county, "guidance_by": d.isoformat() if d else None, "overdue": bool(d and d < on),
            "priority": {"applies": applies[county], "score": draw(st.integers(0, 7)) if applies[county] else None},
        })
    return rows


def deadline_rank(r):
    return queue.deadline_key(r)[:2]


def score(r: dict) -> int:
    return r["priority"]["score"] or 0


def explained_by_county(a: dict, b: dict, after_a: list[dict]) -> bool:
    """b (earlier deadline) after a is allowed only when a county's criteria, in force on the date,
    put a there: a and b in that county with a scoring higher, or a placed ahead of a lower-scoring
    row c of its own county whose deadline is no later than b's (a took c's place by the criteria)."""
    if not a["priority"]["applies"]:
        return False
    if a["county"] == b["county"] and b["priority"]["applies"] and score(a) > score(b):
        return True
    return any(c["county"] == a["county"] and c["priority"]["applies"] and score(a) > score(c)
               and deadline_rank(c) <= deadline_rank(b) for c in after_a)


def assert_ordering_rule(ordered: list[dict]) -> None:
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if deadline_rank(b) < deadline_rank(a):
                assert explained_by_county(a, b, ordered[i + 1:]), (a, b)


def test_the_check_can_fail():
    """A later deadline first, with no county criterion, breaks the rule."""
    a = {"row": 2, "county": "oslo", "guidance_by": "2026-12-01", "overdue": False, "priority": {"applies": False, "score": None}}
    b = dict(a, row=3, guidance_by="2026-11-30")
    try:
        assert_ordering_rule([a, b])
    except AssertionError:
        return
    raise AssertionError("the property check accepted a wrong order")


@settings(max_examples=300, deadline=None)
@given(synthetic_rows())
def test_ordering_rule_holds_for_any_rows(rows):
    ordered = queue.order(rows)
    assert sorted(r["row"] for r in ordered) == sorted(r["row"] for r in rows)  # a permutation: nobody dropped
    assert_ordering_rule(ordered)
    # and within one county's criteria, a higher score is never after a lower one
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if a["county"] == b["county"] and a["priority"]["applies"]:
                assert (a["priority"]["score"] or 0) >= (b["priority"]["score"] or 0)


@st.composite
def real_sheet(draw):
    """A CSV of people in real counties, settled over a year, with and without the crisis criterion,
    on a date where Trøndelag's 2020 criteria apply or not."""
    on = draw(st.sampled_from([date(2020, 10, 15), date(2021, 3, 1), date(2026, 11, 23)]))
    rows = []
    for i in range(draw(st.integers(1, 12))):
        settled = draw(st.dates(min_value=on - timedelta(days=200), max_value=on))
        county = draw(st.sampled_from(["more-og-romsdal", "trondelag", "oslo"]))
        group = draw(st.sampled_from(["refugee", "refugee", "collective", "other"]))
        rows.append(person(f"R{i}", settled, county=county, permit_group=group, permit_date=settled - timedelta(days=30),
                           sector_hit_by_crisis=draw(st.booleans())))
    return sheet(rows), on.isoformat()


@settings(max_examples=40, deadline=None)
@given(real_sheet())
def test_ordering_rule_holds_through_the_engine(args):
    text, on = args
    r = queue.evaluate(text, on)
    ranked = [x for x in r["rows"] if x["rank"]]
    assert [x["rank"] for x in ranked] == list(range(1, len(ranked) + 1))
    assert len(r["rows"]) == r["counts"]["rows"]
    assert_ordering_rule(ranked)
    for x in ranked:
        assert x["rule"]["id"] == ("county_criteria" if x["priority"]["applies"] else
                                   "overdue" if x["overdue"] else "deadline" if x["guidance_by"] else "no_deadline")
