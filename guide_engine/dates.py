"""Date helpers: strict ISO parsing, calendar months, and Norwegian display ("1. oktober 2026")."""

from __future__ import annotations

import calendar
import re
from datetime import date

from .data_loader import load_labels

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


def month_nb(month: int) -> str:
    """The Norwegian name of a month (1–12), from data/labels.toml."""
    return load_labels()["months"][month - 1]


def format_nb(d: date | str | None) -> str:
    """``d. MMMM yyyy`` in Norwegian, e.g. ``1. oktober 2026`` (an ISO string is accepted too)."""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    if d is None:
        return ""
    return f"{d.day}. {month_nb(d.month)} {d.year}"


def format_as_of_nb(as_of: str) -> str:
    """A publisher's date of YYYY, YYYY-MM or YYYY-MM-DD in Norwegian ("september 2022")."""
    parts = as_of.split("-")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{month_nb(int(parts[1]))} {parts[0]}"
    return format_nb(as_of)
