"""Deadlines as dates: guidance before the vedtak and the programme start, booking lead time, the note."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine import deadlines
from guide_engine.eligibility import Decision
from tests.engine_helpers import county

DUTY = Decision("right_and_duty", ["x"], ["integreringsloven-11"])


def by_id(items):
    return {d["id"]: d for d in items}


@pytest.mark.parametrize("settled,start_by,guidance_by", [
    (date(2026, 10, 1), date(2026, 12, 31), date(2026, 12, 30)),   # 1 January is a holiday
    (date(2026, 8, 31), date(2026, 11, 30), date(2026, 11, 27)),   # 30 November is a Monday; guidance the Friday before
    (date(2026, 1, 2), date(2026, 4, 1), date(2026, 3, 31)),       # 2 April (Maundy Thursday) is a holiday
    (date(2026, 2, 21), date(2026, 5, 21), date(2026, 5, 20)),
])
def test_guidance_by_comes_before_the_programme_start(settled, start_by, guidance_by):
    """The programme starts within three months (last working day on or before); guidance the working day before."""
    d = by_id(deadlines.compute(DUTY, county(), date(2026, 1, 1), settled, None)[0])
    assert d["programme_start_by"]["date"] == start_by.isoformat()
    assert d["guidance_by"]["date"] == guidance_by.isoformat()
    assert "integreringsloven-11" in d["guidance_by"]["references"]


def test_no_county_routine_means_no_booking_or_note_deadline():
    """Without booking lead time or a note deadline in the routine, only the law's deadlines are given, with notes."""
    items, notes = deadlines.compute(DUTY, county(), date(2026, 11, 23), date(2026, 10, 1), None)
    assert set(by_id(items)) == {"programme_start_by", "guidance_by"}
    assert any("Ingen rutine registrert" in n for n in notes)


def test_booking_and_note_from_the_routine():
    """book_by is the lead time before the session (moved back to a working day); note_by counts working days."""
    c = county(booking_lead_days=14, note_due_working_days=5)
    d = by_id(deadlines.compute(DUTY, c, date(2026, 11, 23), date(2026, 10, 1), date(2026, 5, 19))[0])
    assert d["book_by"]["date"] == "2026-05-05"
    # 19 May 2026 (Tue) + 5 working days: 20, 21, 22, (25 Whit Monday), 26, 27
    assert d["note_by"]["date"] == "2026-05-27"
    assert d["book_by"]["overdue"] is True and d["note_by"]["overdue"] is True


def test_lead_time_landing_on_a_weekend_moves_earlier():
    """A booking date on a Sunday becomes the Friday before."""
    c = county(booking_lead_days=14)
    d = by_id(deadlines.compute(DUTY, c, date(2026, 1, 1), date(2026, 10, 1), date(2026, 12, 20))[0])
    # session 20 December 2026 (Sunday) - 14 days = 6 December (Sunday) -> Friday 4 December
    assert d["book_by"]["date"] == "2026-12-04"


def test_overdue_is_relative_to_the_reference_date():
    """A deadline on the reference date is not overdue; the day after, it is."""
    c = county()
    on_day = by_id(deadlines.compute(DUTY, c, date(2026, 12, 30), date(2026, 10, 1), None)[0])["guidance_by"]
    after = by_id(deadlines.compute(DUTY, c, date(2026, 12, 31), date(2026, 10, 1), None)[0])["guidance_by"]
    assert on_day["overdue"] is False and after["overdue"] is True


def test_not_covered_has_no_deadlines():
    """No deadlines for a person outside § 11."""
    items, notes = deadlines.compute(Decision("not_covered", ["x"], ["integreringsloven-8"]), county(), date(2026, 1, 1), date(2025, 12, 1), None)
    assert items == [] and notes


def test_right_only_deadline_is_flagged():
    """For collective protection the general start rule is used and flagged as not confirmed."""
    d = by_id(deadlines.compute(Decision("right_only", ["x"], ["integreringsloven-kapittel-6a"]), county(), date(2026, 1, 1), date(2025, 12, 1), None)[0])
    assert d["guidance_by"]["confirmed"] is False and d["guidance_by"]["note"]
