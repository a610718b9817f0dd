"""Norwegian working days: weekends and public holidays (helligdager) are not working days.

Public holidays (lov om 1. og 17. mai som høgtidsdager; helligdagsfredloven § 2): 1 January,
Maundy Thursday, Good Friday, Easter Sunday and Monday, 1 May, 17 May, Ascension Day (39 days after
Easter), Whit Sunday and Monday (49 and 50 days after Easter), 25 and 26 December.
Easter is computed with the Anonymous Gregorian (Meeus/Jones/Butcher) algorithm.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (Anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=256)
def public_holidays(year: int) -> dict[date, str]:
    """The Norwegian public holidays of a year, with their bokmål names."""
    easter = easter_sunday(year)
    e = lambda n: easter + timedelta(days=n)  # noqa: E731
    return {
        date(year, 1, 1): "første nyttårsdag",
        e(-3): "skjærtorsdag",
        e(-2): "langfredag",
        easter: "første påskedag",
        e(1): "andre påskedag",
        date(year, 5, 1): "offentlig høytidsdag (1. mai)",
        date(year, 5, 17): "grunnlovsdag (17. mai)",
        e(39): "Kristi himmelfartsdag",
        e(49): "første pinsedag",
        e(50): "andre pinsedag",
        date(year, 12, 25): "første juledag",
        date(year, 12, 26): "andre juledag",
    }


def is_working_day(d: date) -> bool:
    """Monday to Friday, and not a public holiday."""
    return d.weekday() < 5 and d not in public_holidays(d.year)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start`` (``start`` itself is not counted); n=0 gives the
    first working day on or after ``start``."""
    if n <= 0:
        d = start
        while not is_working_day(d):
            d += timedelta(days=1)
        return d
    d, left = start, n
    while left:
        d += timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d


def on_or_before(d: date) -> date:
    """The last working day on or before ``d`` (a latest-date deadline never moves later)."""
    while not is_working_day(d):
        d -= timedelta(days=1)
    return d


def before(d: date) -> date:
    """The last working day strictly before ``d``."""
    return on_or_before(d - timedelta(days=1))


def subtract_working_days(end: date, n: int) -> date:
    """The latest working day from which ``add_working_days(day, n)`` is not later than ``end``
    (``end`` itself is moved back to a working day first)."""
    d = on_or_before(end)
    left = n
    while left > 0:
        d -= timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d
