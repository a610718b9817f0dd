"""Norwegian working days: Easter by the Gauss/Anonymous algorithm, fixed and movable holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide_engine import workdays
from guide_engine.workdays import add_working_days, before, easter_sunday, is_working_day, on_or_before, public_holidays

# Easter Sundays from the almanac (not computed here).
EASTERS = [
    (2019, date(2019, 4, 21)), (2020, date(2020, 4, 12)), (2021, date(2021, 4, 4)), (2022, date(2022, 4, 17)),
    (2023, date(2023, 4, 9)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
    (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25)), (2285, date(2285, 3, 22)),
]


@pytest.mark.parametrize("year,expected", EASTERS)
def test_easter_sunday(year, expected):
    """Easter Sunday matches the almanac, including the earliest (22 March) and latest (25 April) dates."""
    assert easter_sunday(year) == expected


def test_holidays_2026():
    """2026 has the twelve Norwegian public holidays, Ascension and Whitsun counted from Easter."""
    h = public_holidays(2026)
    assert len(h) == 12
    for d in (date(2026, 1, 1), date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 5), date(2026, 4, 6),
              date(2026, 5, 1), date(2026, 5, 14), date(2026, 5, 17), date(2026, 5, 24), date(2026, 5, 25),
              date(2026, 12, 25), date(2026, 12, 26)):
        assert d in h, d
    assert date(2026, 12, 24) not in h  # Christmas Eve is not a public holiday


@pytest.mark.parametrize("day,working", [
    (date(2026, 11, 23), True),   # Monday
    (date(2026, 11, 21), False),  # Saturday
    (date(2026, 11, 22), False),  # Sunday
    (date(2026, 4, 2), False),    # Maundy Thursday
    (date(2026, 4, 6), False),    # Easter Monday
    (date(2026, 5, 14), False),   # Ascension Day
    (date(2026, 5, 25), False),   # Whit Monday
    (date(2026, 5, 1), False),    # 1 May (a Friday)
    (date(2026, 12, 24), True),   # Christmas Eve, a Thursday
])
def test_is_working_day(day, working):
    """Weekends and public holidays are not working days; other weekdays are."""
    assert is_working_day(day) is working


def test_add_working_days_skips_easter():
    """Five working days after the Tuesday before Easter 2026 is Friday 10 April."""
    assert add_working_days(date(2026, 3, 31), 5) == date(2026, 4, 10)


def test_add_working_days_over_new_year():
    """Five working days after 30 December 2026 skip New Year's Day and the weekend."""
    assert add_working_days(date(2026, 12, 30), 5) == date(2027, 1, 7)


def test_on_or_before_and_before():
    """A latest date on a holiday moves back to the previous working day, never later."""
    assert on_or_before(date(2027, 1, 1)) == date(2026, 12, 31)
    assert before(date(2026, 12, 31)) == date(2026, 12, 30)
    assert on_or_before(date(2026, 4, 6)) == date(2026, 4, 1)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 1, 1)), st.integers(0, 40))
def test_working_day_arithmetic_properties(day, n):
    """Results are working days; counting n working days moves forward exactly n working days."""
    end = add_working_days(day, n)
    assert is_working_day(end)
    if n > 0:
        assert end > day
        count = sum(1 for i in range(1, (end - day).days + 1) if is_working_day(day + timedelta(days=i)))
        assert count == n
    assert is_working_day(on_or_before(day)) and on_or_before(day) <= day
    assert before(day) < day


@given(st.integers(1900, 2400))
def test_easter_is_a_sunday_in_spring(year):
    """Easter always falls on a Sunday between 22 March and 25 April."""
    e = workdays.easter_sunday(year)
    assert e.weekday() == 6 and date(year, 3, 22) <= e <= date(year, 4, 25)
