"""The working-day steps behind each deadline: from the date counted from to the deadline, past weekends and holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from guide_engine import workdays
from guide_engine.dates import format_nb
from guide_engine.decisions import deadline_steps, deadlines
from guide_engine.decisions.eligibility import Decision
from tests.helpers.engine_helpers import county, facts

DUTY = Decision("right_and_duty", ["x"], ["integreringsloven-11"])


def chain(on=date(2026, 11, 23), settled=date(2026, 10, 1), planned=None, **routine):
    c = county(**(routine or {"booking_lead_days": 14, "note_due_working_days": 5}))
    return {d["id"]: d for d in deadlines.compute(DUTY, facts(c, on), settled, planned)[0]}


def test_christmas_chain_names_the_holidays_it_skips():
    """Settled 1 October 2026: three months is 1 January (a holiday), the note's five working days skip Christmas."""
    d = chain()
    start = d["programme_start_by"]["steps"]
    assert start[0] == "Bosettingsdato: 1. oktober 2026."
    assert start[1] == "Pluss tre måneder: 1. januar 2027."
    assert "1. januar 2027 er ikke en virkedag (første nyttårsdag)" in start[2] and start[2].endswith("31. desember 2026.")
    guidance = " ".join(d["guidance_by"]["steps"])
    for skipped in ("25. desember (første juledag)", "26. desember (andre juledag)", "27. desember (helg)"):
        assert skipped in guidance


@pytest.mark.parametrize("settled,planned", [
    (date(2026, 10, 1), None),
    (date(2026, 1, 2), date(2026, 3, 1)),  # Easter 2026 in the chain; a session on a Sunday
    (date(2026, 2, 20), date(2026, 5, 16)),  # 17 May and Whitsun near
    (date(2027, 3, 31), date(2027, 6, 20)),
])
def test_every_deadline_with_steps_ends_on_its_own_date(settled, planned):
    """The last step names the deadline's date; every day a step skips is a non-working day between its dates."""
    d = chain(on=date(2026, 1, 1), settled=settled, planned=planned)
    with_steps = [x for x in d.values() if x["id"] != "session_on"]
    assert with_steps and all(x["steps"] for x in with_steps)
    for x in with_steps:
        assert format_nb(date.fromisoformat(x["date"])) in x["steps"][-1], (x["id"], x["steps"])
    assert d.get("session_on", {"steps": []})["steps"] == []


def test_skipped_lists_exactly_the_days_off_between():
    """Between two dates, the days that are not working days, named; none between two adjacent working days."""
    a, b = date(2026, 12, 23), date(2026, 12, 29)
    off = [a + timedelta(days=n) for n in range(1, (b - a).days) if not workdays.is_working_day(a + timedelta(days=n))]
    text = deadline_steps.skipped(a, b)
    assert text.count("(") == len(off) == 3  # 25 (Friday, holiday), 26 and 27 December
    assert deadline_steps.skipped(date(2026, 12, 21), date(2026, 12, 22)) == ""
    assert deadline_steps.skipped(b, a) == text


def test_a_booking_date_on_a_sunday_is_moved_back_in_the_steps():
    """Session 20 December 2026 minus 14 days is Sunday 6 December: the steps say it moves to Friday 4 December."""
    d = chain(on=date(2026, 1, 1), planned=date(2026, 12, 20), booking_lead_days=14)
    steps = d["book_by"]["steps"]
    assert steps[1] == "Minus 14 dager: 6. desember 2026."
    assert steps[2].startswith("6. desember 2026 er ikke en virkedag (helg)") and "4. desember 2026" in steps[2]


def test_a_deadline_on_the_reference_date_is_marked_today():
    """`today` is true only for a deadline that falls on the reference date (which is not overdue)."""
    on_day = chain(on=date(2026, 12, 21))["guidance_by"]
    assert on_day["date"] == "2026-12-21" and on_day["today"] is True and on_day["overdue"] is False
    assert chain(on=date(2026, 12, 18))["guidance_by"]["today"] is False
    assert chain(on=date(2026, 12, 22))["guidance_by"]["today"] is False
