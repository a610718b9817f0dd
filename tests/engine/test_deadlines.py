"""Deadlines as dates: a chain back from the programme start (vedtak, note, guidance, booking), with warnings."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine.decisions import deadlines
from guide_engine.decisions.eligibility import Decision
from tests.helpers.engine_helpers import county, facts

DUTY = Decision("right_and_duty", ["x"], ["integreringsloven-11"])


def by_id(items):
    return {d["id"]: d for d in items}


@pytest.mark.parametrize("settled,start_by,vedtak_by,guidance_by,note_days", [
    # settled 1 October 2026: start by 31 December (1 January is a holiday), vedtak the day before,
    # note in by 29 December; five working days back over Christmas (24, 23, 22, 21 and 28 December)
    (date(2026, 10, 1), date(2026, 12, 31), date(2026, 12, 30), date(2026, 12, 21), 5),
    (date(2026, 10, 1), date(2026, 12, 31), date(2026, 12, 30), date(2026, 12, 29), None),
    # 30 November is a Monday: vedtak Friday 27, note in by Thursday 26, guidance five working days earlier
    (date(2026, 8, 31), date(2026, 11, 30), date(2026, 11, 27), date(2026, 11, 19), 5),
    # 2 April 2026 (Maundy Thursday) is a holiday: start by 1 April, vedtak 31 March, note in by 30 March
    (date(2026, 1, 2), date(2026, 4, 1), date(2026, 3, 31), date(2026, 3, 23), 5),
])
def test_the_chain_leaves_room_for_the_note_and_the_vedtak(settled, start_by, vedtak_by, guidance_by, note_days):
    """Start within three months; the vedtak the working day before; guidance early enough that the county's note
    is in by the working day before the vedtak."""
    c = county(note_due_working_days=note_days) if note_days else county()
    d = by_id(deadlines.compute(DUTY, facts(c, date(2026, 1, 1)), settled, None)[0])
    assert d["programme_start_by"]["date"] == start_by.isoformat()
    assert d["vedtak_by"]["date"] == vedtak_by.isoformat()
    assert d["guidance_by"]["date"] == guidance_by.isoformat()
    assert "integreringsloven-11" in d["guidance_by"]["references"]
    if note_days:
        assert d["note_by"]["date"] < vedtak_by.isoformat() and d["note_by"]["warning"] is None


def test_deadlines_are_listed_in_the_order_they_must_be_met():
    """Booking, guidance, note, vedtak, programme start: each date not later than the next."""
    c = county(booking_lead_days=14, note_due_working_days=5)
    items = deadlines.compute(DUTY, facts(c, date(2026, 1, 1)), date(2026, 10, 1), None)[0]
    assert [d["id"] for d in items] == ["book_by", "guidance_by", "note_by", "vedtak_by", "programme_start_by"]
    assert [d["date"] for d in items] == sorted(d["date"] for d in items)
    assert all(d["warning"] is None for d in items)


def test_a_late_planned_session_warns_at_the_guidance_and_note_deadlines():
    """A session after the latest guidance date warns there, and the note that then comes after the vedtak warns too."""
    c = county(booking_lead_days=14, note_due_working_days=5)
    d = by_id(deadlines.compute(DUTY, facts(c, date(2026, 11, 23)), date(2026, 10, 1), date(2026, 12, 28))[0])
    assert "etter siste dag for veiledningen" in d["guidance_by"]["warning"]
    assert d["note_by"]["date"] > d["vedtak_by"]["date"] and "vedtak" in d["note_by"]["warning"]


def test_a_passed_booking_deadline_warns():
    """When the booking date has passed on the reference date, the booking deadline says what to do."""
    c = county(booking_lead_days=14)
    d = by_id(deadlines.compute(DUTY, facts(c, date(2026, 12, 10)), date(2026, 10, 1), date(2026, 12, 15))[0])
    assert d["book_by"]["overdue"] is True and "passert" in d["book_by"]["warning"]


def test_a_future_settlement_date_gives_the_whole_chain():
    """Planning ahead: a settlement date after the reference date still gives every deadline, none overdue."""
    items = deadlines.compute(DUTY, facts(county(note_due_working_days=5), date(2026, 11, 23)), date(2027, 2, 1), None)[0]
    assert {d["id"] for d in items} >= {"guidance_by", "vedtak_by", "programme_start_by"}
    assert not any(d["overdue"] for d in items)


def test_no_county_routine_means_no_booking_or_note_deadline():
    """Without booking lead time or a note deadline in the routine, only the law's deadlines are given, with notes."""
    items, notes = deadlines.compute(DUTY, facts(county(), date(2026, 11, 23)), date(2026, 10, 1), None)
    assert set(by_id(items)) == {"programme_start_by", "vedtak_by", "guidance_by"}
    assert any("Ingen rutine registrert" in n for n in notes)


def test_booking_and_note_from_the_routine():
    """book_by is the lead time before the session (moved back to a working day); note_by counts working days."""
    c = county(booking_lead_days=14, note_due_working_days=5)
    d = by_id(deadlines.compute(DUTY, facts(c, date(2026, 11, 23)), date(2026, 10, 1), date(2026, 5, 19))[0])
    assert d["book_by"]["date"] == "2026-05-05"
    # 19 May 2026 (Tue) + 5 working days: 20, 21, 22, (25 Whit Monday), 26, 27
    assert d["note_by"]["date"] == "2026-05-27"
    assert d["book_by"]["overdue"] is True and d["note_by"]["overdue"] is True


def test_lead_time_landing_on_a_weekend_moves_earlier():
    """A booking date on a Sunday becomes the Friday before."""
    c = county(booking_lead_days=14)
    d = by_id(deadlines.compute(DUTY, facts(c, date(2026, 1, 1)), date(2026, 10, 1), date(2026, 12, 20))[0])
    # session 20 December 2026 (Sunday) - 14 days = 6 December (Sunday) -> Friday 4 December
    assert d["book_by"]["date"] == "2026-12-04"


def test_overdue_is_relative_to_the_reference_date():
    """A deadline on the reference date is not overdue; the day after, it is."""
    c = county()
    on_day = by_id(deadlines.compute(DUTY, facts(c, date(2026, 12, 29)), date(2026, 10, 1), None)[0])["guidance_by"]
    after = by_id(deadlines.compute(DUTY, facts(c, date(2026, 12, 30)), date(2026, 10, 1), None)[0])["guidance_by"]
    assert on_day["overdue"] is False and after["overdue"] is True


def test_not_covered_has_no_deadlines():
    """No deadlines for a person outside § 11."""
    items, notes = deadlines.compute(Decision("not_covered", ["x"], ["integreringsloven-8"]), facts(county(), date(2026, 1, 1)), date(2025, 12, 1), None)
    assert items == [] and notes


def test_right_only_deadline_is_flagged():
    """For collective protection the general start rule is used and flagged as not confirmed."""
    d = by_id(deadlines.compute(Decision("right_only", ["x"], ["integreringsloven-kapittel-6a"]), facts(county(), date(2026, 1, 1)), date(2025, 12, 1), None)[0])
    assert d["guidance_by"]["confirmed"] is False and d["guidance_by"]["note"]


def test_declined_guidance_has_no_deadlines():
    """A participant with a right but no duty who does not want guidance gets no deadlines."""
    items, notes = deadlines.compute(Decision("right_only", ["x"], ["integreringsloven-kapittel-6a"], wants_guidance=False), facts(county(), date(2026, 1, 1)), date(2025, 12, 1), None)
    assert items == [] and "ønsker ikke" in notes[0]


def test_unclear_prepares_for_the_covered_outcome_unconfirmed():
    """An unclear status gets the deadlines of its covered outcome, each marked unconfirmed."""
    d = Decision("unclear", ["x"], ["prop-81-l-2024-2025"], acts_as="right_and_duty")
    items = deadlines.compute(d, facts(county(), date(2026, 11, 23)), date(2026, 10, 1), None)[0]
    assert items and all(i["confirmed"] is False and i["note"] for i in items if i["id"] != "book_by")


@pytest.mark.parametrize("settled,start_by,warned", [
    (date(2026, 9, 24), date(2026, 12, 24), True),    # Thursday 24 December 2026: a working day, legal, warned
    (date(2027, 9, 26), date(2027, 12, 24), True),    # 26 December 2027 is a Sunday holiday: back to Friday 24 December
    (date(2026, 9, 23), date(2026, 12, 23), False),
    (date(2026, 9, 28), date(2026, 12, 28), False),
])
def test_a_programme_start_on_christmas_eve_is_kept_but_warned(settled, start_by, warned):
    """24 December is not a public holiday: the start date stays, with a soft warning (and a note the guide shows)."""
    items, notes = deadlines.compute(DUTY, facts(county(), date(2026, 1, 1)), settled, None)
    d = by_id(items)
    assert d["programme_start_by"]["date"] == start_by.isoformat()
    assert bool(d["programme_start_by"]["warning"]) is warned
    assert any("julaften" in n for n in notes) is warned
    if warned:
        assert "arbeidsmiljøloven § 10-10" in d["programme_start_by"]["warning"]
