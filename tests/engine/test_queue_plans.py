"""The two plans and the booked sessions: "most deadlines met" against "overdue first", and an exact oracle."""

from __future__ import annotations

from datetime import date
from itertools import combinations

from hypothesis import given, settings

from guide_engine import queue
from guide_engine.queue import plans
from tests.helpers.queue_sheets import ON, norwegian_sheet, person, RANKING
from tests.helpers.strategies import queue_plan_rows


def reachable_missed(rows, placed, start) -> int:
    return sum(1 for r, m in zip(rows, plans.misses(rows, placed)) if m and r["guidance_by"] >= start.isoformat())


def free_rows_and_slots(case):
    rows, start = case["rows"], case["start"]
    free = [r for r in rows if not r["planned"]]
    return free, plans.free_slots(len(free), case["per_week"], start, plans.booked_weeks(rows, start))


def most_meetable(free: list[dict], slots: list[date], start: date) -> int:
    """The oracle: the largest set of reachable rows that earliest-deadline-first can serve on time."""
    reach = sorted(date.fromisoformat(r["guidance_by"]) for r in free if r["guidance_by"] and r["guidance_by"] >= start.isoformat())
    for k in range(len(reach), 0, -1):
        for subset in combinations(reach, k):
            if all(s <= d for s, d in zip(slots, subset)):
                return k
    return 0


@settings(max_examples=300, deadline=None)
@given(queue_plan_rows())
def test_most_met_never_misses_more_than_overdue_first(case):
    rows, per, start = case["rows"], case["per_week"], case["start"]
    a = plans.plan(rows, per, start, "overdue_first")
    b = plans.plan(rows, per, start, "most_met")
    assert sum(1 for m in plans.misses(rows, b) if m) <= sum(1 for m in plans.misses(rows, a) if m)
    assert reachable_missed(rows, b, start) <= reachable_missed(rows, a, start)


@settings(max_examples=300, deadline=None)
@given(queue_plan_rows())
def test_most_met_meets_as_many_deadlines_as_any_plan_could(case):
    """Exactly the most any plan of the free slots can meet; all of them when capacity allows."""
    free, slots = free_rows_and_slots(case)
    placed = plans.most_met(free, slots, case["start"])
    reach = [r for r in free if r["guidance_by"] and r["guidance_by"] >= case["start"].isoformat()]
    met = len(reach) - reachable_missed(free, placed, case["start"])
    assert met == most_meetable(free, slots, case["start"])
    assert sorted(d for d, _ in placed) == slots  # every free slot used once


@settings(max_examples=200, deadline=None)
@given(queue_plan_rows())
def test_booked_sessions_keep_their_date_and_use_their_weeks_capacity(case):
    rows, per, start = case["rows"], case["per_week"], case["start"]
    for rule in plans.PLANS:
        placed = plans.plan(rows, per, start, rule)
        for r, (d, place) in zip(rows, placed):
            assert (place == "booked") == bool(r["planned"]) and (not r["planned"] or d.isoformat() == r["planned"])
        weeks = {}
        for d, place in placed:
            if d >= start:
                weeks.setdefault((d - start).days // 7, []).append(place)
        for week, places in weeks.items():
            assert len(places) <= max(per, places.count("booked"))


def test_overdue_ones_come_as_early_as_the_deadlines_kept_allow():
    """Two overdue rows and two due soon with one session a week: both deadlines kept, the overdue around them."""
    start = date(2026, 11, 23)
    rows = [{"row": 2, "guidance_by": "2026-10-01", "planned": None}, {"row": 3, "guidance_by": "2026-10-02", "planned": None},
            {"row": 4, "guidance_by": "2026-12-01", "planned": None}, {"row": 5, "guidance_by": "2026-12-08", "planned": None}]
    placed = plans.plan(rows, 1, start, "most_met")
    # The kept ones take the latest slots that still meet their deadlines (30.11 and 7.12); the first overdue the earliest.
    assert [(d.isoformat(), p) for d, p in placed] == [("2026-11-23", "overdue"), ("2026-12-14", "overdue"),
                                                       ("2026-11-30", "kept"), ("2026-12-07", "kept")]
    first = plans.plan(rows, 1, start, "overdue_first")
    assert sum(1 for m in plans.misses(rows, first) if m) == 4 and sum(1 for m in plans.misses(rows, placed) if m) == 2


def overdue_costs_a_savable_deadline() -> str:
    """Three overdue and two soon due in Møre og Romsdal: one session a week pushes both past theirs."""
    rows = [person(f"Passert{i}", date(2026, 8, 3 + i)) for i in range(3)] + [person(f"Snart{i}", date(2026, 9, 9 + i)) for i in range(2)]
    return norwegian_sheet(rows, fields=["label"] + RANKING)


def test_both_plans_side_by_side_and_the_chosen_one_gives_the_dates():
    text = overdue_costs_a_savable_deadline()
    a = queue.evaluate(text, ON, 1, "23.11.2026")
    b = queue.evaluate(text, ON, 1, "23.11.2026", plan="most_met")
    cap = a["capacity"]
    assert cap["plans"]["overdue_first"]["missed"] == 5 and cap["plans"]["most_met"]["missed"] == 3 and cap["savable"] == 2
    assert cap["comparison"] == "Passerte først: 5 bommer, 2 av dem kunne vært reddet. Flest mulig i tide: 3 bommer."
    assert b["capacity"]["comparison"] == cap["comparison"] and b["capacity"]["plan"] == "most_met"
    snart = {r["label"]: r for r in b["rows"] if r["label"].startswith("Snart")}
    assert all(r["misses"] is False and r["placement"]["id"] == "kept" for r in snart.values())
    assert [r["rank"] for r in a["rows"]] == [r["rank"] for r in b["rows"]]  # the queue's order is the same
    assert {r["placement"]["id"] for r in a["rows"]} == {"order"}
    assert queue.evaluate(text, ON, 1, plan="beste")["errors"][0]["field"] == "plan"


def test_a_booked_session_is_kept_in_the_queue():
    rows = [person("A", date(2026, 9, 9)), person("B", date(2026, 9, 10), planned_session_date=date(2026, 11, 24))]
    r = queue.evaluate(norwegian_sheet(rows, fields=["label"] + RANKING + ["planned_session_date"]), ON, 1, "23.11.2026")
    got = {x["label"]: (x["projected"], x["placement"]["id"]) for x in r["rows"]}
    assert got == {"B": ("2026-11-24", "booked"), "A": ("2026-11-30", "order")}  # B's session takes week 1's one slot
    assert r["capacity"]["booked"] == 1
