"""The working-day steps behind a deadline, in words: from the date it is counted from, through the
months or days added or taken away, past weekends and public holidays, to the deadline itself. The
deadline decision (deadlines.py) passes the dates it computed; nothing here computes a deadline."""

from __future__ import annotations

from datetime import date, timedelta

from .. import workdays
from ..dates import format_nb, month_nb


def _day(d: date) -> str:
    return f"{d.day}. {month_nb(d.month)}"


def _why(d: date) -> str:
    """Why a day is not a working day: the public holiday's name, else the weekend."""
    return workdays.public_holidays(d.year).get(d) or "helg"


def skipped(a: date, b: date) -> str:
    """The days strictly between ``a`` and ``b`` that are not working days, as " – hopper over …"; "" for none."""
    lo, hi = min(a, b), max(a, b)
    off = [lo + timedelta(days=n) for n in range(1, (hi - lo).days) if not workdays.is_working_day(lo + timedelta(days=n))]
    return f" – hopper over {', '.join(f'{_day(d)} ({_why(d)})' for d in off)}" if off else ""


def moved_back(raw: date, result: date) -> list[str]:
    """A date that is not a working day, moved back to the last working day before it."""
    if raw == result:
        return []
    return [f"{format_nb(raw)} er ikke en virkedag ({_why(raw)}). Siste virkedag før: {format_nb(result)}{skipped(result, raw)}."]


def programme_start(settled: date, words: str, limit: date, start_by: date) -> list[str]:
    return [f"Bosettingsdato: {format_nb(settled)}.", f"Pluss {words} måneder: {format_nb(limit)}.", *moved_back(limit, start_by)]


def working_day_before(what: str, frm: date, result: date) -> list[str]:
    return [f"{what}: {format_nb(frm)}.", f"Virkedagen før: {format_nb(result)}{skipped(result, frm)}."]


def guidance(vedtak_by: date, note_latest: date, note_days: int | None, guidance_by: date) -> list[str]:
    steps = [
        f"Siste dag for vedtak: {format_nb(vedtak_by)}.",
        f"Notatet skal være hos kommunen virkedagen før: {format_nb(note_latest)}{skipped(note_latest, vedtak_by)}.",
    ]
    if note_days:
        steps.append(f"{note_days} virkedager tilbake for notatet: {format_nb(guidance_by)}{skipped(guidance_by, note_latest)}.")
    return steps


def booking(counted_from: str, session: date, lead_days: int, book_by: date) -> list[str]:
    raw = session - timedelta(days=lead_days)
    return [f"{counted_from}: {format_nb(session)}.", f"Minus {lead_days} dager: {format_nb(raw)}.", *moved_back(raw, book_by)]


def note(counted_from: str, session: date, note_days: int, note_by: date) -> list[str]:
    return [f"{counted_from}: {format_nb(session)}.", f"Pluss {note_days} virkedager: {format_nb(note_by)}{skipped(session, note_by)}."]
