"""Capacity: N sessions a week from a date. The ranked rows take the slots in order, spread over the
working days of each week; a row whose slot falls after its latest-guidance date misses it, and the
projection counts the misses and the weekly capacity that would meet every deadline still reachable."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from .. import workdays
from ..dates import format_nb
from .sheet import csv_date

MAX_PER_WEEK = 500


def _slot_dates(n: int, per_week: int, start: date) -> list[date]:
    """The session dates of the first n slots: per_week sessions in each 7-day week from start,
    spread over that week's working days."""
    out: list[date] = []
    weeks: dict[int, list[date]] = {}
    for i in range(n):
        w, j = divmod(i, per_week)
        if w not in weeks:
            first = start + timedelta(days=7 * w)
            days = [first + timedelta(days=k) for k in range(7)]
            weeks[w] = [d for d in days if workdays.is_working_day(d)] or [workdays.add_working_days(first, 0)]
        wd = weeks[w]
        out.append(wd[j * len(wd) // per_week])
    return out


def _misses(rows: list[dict], dates: list[date]) -> list[bool | None]:
    return [None if not r["guidance_by"] else d > date.fromisoformat(r["guidance_by"]) for r, d in zip(rows, dates)]


def needed_per_week(rows: list[dict], start: date) -> int | None:
    """The fewest sessions a week with which every row whose deadline is not before ``start``
    meets it (None if no number up to MAX_PER_WEEK does)."""
    reachable = [r["guidance_by"] is not None and r["guidance_by"] >= start.isoformat() for r in rows]
    if not any(reachable):
        return None

    def ok(n: int) -> bool:
        return not any(m and reach for m, reach in zip(_misses(rows, _slot_dates(len(rows), n, start)), reachable))

    lo, hi = 1, MAX_PER_WEEK
    if not ok(hi):
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _sessions(n: int) -> str:
    return f"{n} samtale" if n == 1 else f"{n} samtaler"


def project(ranked: list[dict], per_week: int, start: date) -> dict:
    """Give each ranked row (already in order) a projected session date; the summary counts misses."""
    dates = _slot_dates(len(ranked), per_week, start)
    for r, d, miss in zip(ranked, dates, _misses(ranked, dates)):
        r["projected"], r["projected_text"], r["misses"] = d.isoformat(), format_nb(d), miss
    with_deadline = [r for r in ranked if r["guidance_by"]]
    missed = sum(1 for r in with_deadline if r["misses"])
    met = len(with_deadline) - missed
    before_start = sum(1 for r in with_deadline if r["guidance_by"] < start.isoformat())
    need = needed_per_week(ranked, start)
    text = f"Med {_sessions(per_week)} i uka rekker {met} av {len(with_deadline)} fristen; {missed} trenger tidligere time."
    notes = []
    if before_start:
        notes.append(f"{before_start} hadde siste dag før {format_nb(start)} og kan ikke rekke den uansett kapasitet.")
    reachable_missed = missed - sum(1 for r in with_deadline if r["misses"] and r["guidance_by"] < start.isoformat())
    if need is not None and reachable_missed:
        notes.append(f"Med {_sessions(need)} i uka fra {format_nb(start)} rekker alle som ennå kan rekke fristen, den.")
    elif reachable_missed:
        notes.append(f"Ikke alle kan rekke fristen selv med {MAX_PER_WEEK} samtaler i uka i denne rekkefølgen.")
    without = len(ranked) - len(with_deadline)
    if without:
        notes.append(f"{without} uten utregnet frist har fått en dato, men telles ikke med.")
    return {"per_week": per_week, "from": start.isoformat(), "from_text": format_nb(start), "with_deadline": len(with_deadline),
            "met": met, "missed": missed, "overdue_before_start": before_start, "reachable_missed": reachable_missed, "needed_per_week": need,
            "summary": text, "notes": notes}


def arguments(per_week: Any, start: Any, on: date) -> tuple[int | None, date | None, list[dict]]:
    errors = []
    n = None
    if per_week not in (None, ""):
        if isinstance(per_week, int) and not isinstance(per_week, bool):
            n = per_week
        elif isinstance(per_week, str) and re.fullmatch(r"\s*\d{1,4}\s*(/\s*(uke|week))?\s*", per_week):
            n = int(per_week.split("/")[0])
        if n is None or not 1 <= n <= MAX_PER_WEEK:
            errors.append({"row": None, "field": "capacity", "message": f"Skriv antall samtaler i uka som et helt tall mellom 1 og {MAX_PER_WEEK}."})
            n = None
    d = None
    if start not in (None, ""):
        d = csv_date(start) if isinstance(start, str) else None
        if d is None:
            errors.append({"row": None, "field": "from", "message": "Skriv datoen kapasiteten gjelder fra som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD."})
    return n, d or on, errors
