"""Capacity: N sessions a week from a date. Both plans (``plans``: "overdue first" and "most deadlines
met") are made; the centre's choice gives each ranked row its session date and placement, and the
projection counts the misses of each plan, how many of the first plan's misses the second saves, and
the weekly capacity that would meet every deadline still reachable."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..dates import format_nb
from .plans import PLANS, misses, placement_text, plan
from .sheet import csv_date

MAX_PER_WEEK = 500


def _reachable_missed(ranked: list[dict], missed: list[bool | None], start: date) -> int:
    return sum(1 for r, m in zip(ranked, missed) if m and r["guidance_by"] >= start.isoformat())


def needed_per_week(ranked: list[dict], start: date, rule: str) -> int | None:
    """The fewest sessions a week with which plan ``rule`` meets every deadline not before ``start``
    (None if no number up to MAX_PER_WEEK does, or no row has such a deadline)."""
    if not any(r["guidance_by"] and r["guidance_by"] >= start.isoformat() for r in ranked):
        return None

    def ok(n: int) -> bool:
        return _reachable_missed(ranked, misses(ranked, plan(ranked, n, start, rule)), start) == 0

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


def _misses_text(n: int) -> str:
    return f"{n} bommer" if n != 1 else "1 bommer"


def project(ranked: list[dict], per_week: int, start: date, chosen: str = "overdue_first") -> dict:
    """Give each ranked row (already in order) its session date by the chosen plan; the summary
    counts misses of both plans."""
    placed = {rule: plan(ranked, per_week, start, rule) for rule in PLANS}
    missed = {rule: misses(ranked, placed[rule]) for rule in PLANS}
    for r, (d, place), miss in zip(ranked, placed[chosen], missed[chosen]):
        r["projected"], r["projected_text"], r["misses"] = d.isoformat(), format_nb(d), miss
        r["placement"] = {"id": place, "text": placement_text(place, d)}
        r["booked"] = place == "booked"
    with_deadline = [r for r in ranked if r["guidance_by"]]
    count = {rule: sum(1 for m in missed[rule] if m) for rule in PLANS}
    savable = sum(1 for a, b in zip(missed["overdue_first"], missed["most_met"]) if a and not b)
    comparison = (f"{PLANS['overdue_first']}: {_misses_text(count['overdue_first'])}, {savable} av dem kunne vært reddet. "
                  f"{PLANS['most_met']}: {_misses_text(count['most_met'])}.")
    missed_n = count[chosen]
    met = len(with_deadline) - missed_n
    before_start = sum(1 for r in with_deadline if r["guidance_by"] < start.isoformat())
    booked = sum(1 for r in ranked if r["booked"])
    need = needed_per_week(ranked, start, chosen)
    text = f"Med {_sessions(per_week)} i uka rekker {met} av {len(with_deadline)} fristen; {missed_n} trenger tidligere time."
    notes = []
    if booked:
        notes.append(f"{booked} har avtalt time og beholder den; de bruker av kapasiteten den uka timen er.")
    if before_start:
        notes.append(f"{before_start} hadde siste dag før {format_nb(start)} og kan ikke rekke den uansett kapasitet.")
    reachable_missed = _reachable_missed(ranked, missed[chosen], start)
    if need is not None and reachable_missed:
        notes.append(f"Med {_sessions(need)} i uka fra {format_nb(start)} rekker alle som ennå kan rekke fristen, den.")
    elif reachable_missed:
        notes.append(f"Ikke alle kan rekke fristen selv med {MAX_PER_WEEK} samtaler i uka i denne planen.")
    without = len(ranked) - len(with_deadline)
    if without:
        notes.append(f"{without} uten utregnet frist har fått en dato, men telles ikke med.")
    plans = {rule: {"id": rule, "label": label, "missed": count[rule], "met": len(with_deadline) - count[rule]} for rule, label in PLANS.items()}
    return {"per_week": per_week, "from": start.isoformat(), "from_text": format_nb(start), "with_deadline": len(with_deadline),
            "met": met, "missed": missed_n, "overdue_before_start": before_start, "reachable_missed": reachable_missed, "needed_per_week": need,
            "booked": booked, "plan": chosen, "plans": plans, "savable": savable, "comparison": comparison,
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


def plan_choice(value: Any) -> tuple[str, list[dict]]:
    """The plan the centre chose (default: "overdue_first"), or a message."""
    if value in (None, ""):
        return "overdue_first", []
    if value in PLANS:
        return value, []
    return "overdue_first", [{"row": None, "field": "plan", "message": "Velg en av planene: " + " eller ".join(PLANS.values()) + "."}]
