"""Date helpers: strict ISO parsing, calendar months, and Norwegian display ("1. oktober 2026")."""

from __future__ import annotations

import calendar
import re
from datetime import date

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

MONTHS_NB = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)


def parse_iso(value: object) -> date | None:
    """A date from ``YYYY-MM-DD`` (or a date object); None for anything else. Never raises."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO.match(value.strip()):
        return None
    try:
        d = date.fromisoformat(value.strip())
    except ValueError:
        return None
    return d if d.year >= 1900 else None


def add_months(d: date, months: int) -> date:
    """The same day ``months`` calendar months later, clamped to the month's last day
    (31 August + 3 months = 30 November)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if year > 9999:
        return date.max
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def format_nb(d: date | None) -> str:
    """``d. MMMM yyyy`` in Norwegian, e.g. ``1. oktober 2026``."""
    if d is None:
        return ""
    return f"{d.day}. {MONTHS_NB[d.month - 1]} {d.year}"
