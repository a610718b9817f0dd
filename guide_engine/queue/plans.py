"""Who gets which session when the weekly capacity is limited: two plans, and the sessions already booked.

Booked: a row with a planned session date (``planned``) keeps it; from the start date on, it uses a
slot of that week's capacity, and the plans fill the slots left around it.

The free slots: N a week from the start date, minus the week's booked sessions, spread over that
week's working days (a week without working days has its first working day after).

"Passerte først" (``overdue_first``): the ranked rows take the free slots in the queue's order
(``rank.order``: overdue first, then the nearest deadline, county criteria where they apply).

"Flest mulig i tide" (``most_met``): the fewest missed deadlines among the rows that can still meet
theirs (deadline not before the start date). The rows are taken by deadline (earliest first); when
the one just taken would miss, the row lowest in the queue's order among those kept is let go
(Moore–Hodgson for sessions of one slot each: the number kept is the most any plan can keep, and who
is let go follows the queue's order, so county criteria in force decide it). The rows that miss
anyway (overdue, or let go) then take, in the queue's order, the earliest slots that the kept rows
leave when each is put as late as its deadline allows, so the overdue are seen as early as that
allows; the kept rows (by deadline) and the rows without a deadline take the remaining slots in
time order.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter
from datetime import date, timedelta

from .. import workdays
from ..dates import format_nb

PLANS = {"overdue_first": "Passerte først", "most_met": "Flest mulig i tide"}


def _week_days(first: date) -> list[date]:
    days = [first + timedelta(days=k) for k in range(7)]
    return [d for d in days if workdays.is_working_day(d)] or [workdays.add_working_days(first, 0)]


def free_slots(n: int, per_week: int, start: date, booked: Counter) -> list[date]:
    """The first n free session dates: per_week a week from start, less ``booked[week]``, spread over
    each week's working days."""
    out: list[date] = []
    w = 0
    while len(out) < n:
        free = per_week - booked.get(w, 0)
        if free > 0:
            days = _week_days(start + timedelta(days=7 * w))
            out += [days[j * len(days) // free] for j in range(free)][: n - len(out)]
        w += 1
    return out


def _deadline(r: dict) -> date | None:
    return date.fromisoformat(r["guidance_by"]) if r.get("guidance_by") else None


def overdue_first(rows: list[dict], slots: list[date], start: date) -> list[tuple[date, str]]:
    """(date, placement) for each row (in the queue's order): the slots in that order."""
    return [(d, "order") for d in slots[: len(rows)]]


def most_met(rows: list[dict], slots: list[date], start: date) -> list[tuple[date, str]]:
    """(date, placement) for each row (in the queue's order): the most deadlines met (see the module docstring)."""
    n = len(rows)
    deadlines = [_deadline(r) for r in rows]
    reachable = sorted((i for i in range(n) if deadlines[i] is not None and deadlines[i] >= start), key=lambda i: (deadlines[i], i))
    kept: list[int] = []  # a heap of -position: the lowest in the queue's order on top
    for i in reachable:
        heapq.heappush(kept, -i)
        if slots[len(kept) - 1] > deadlines[i]:
            heapq.heappop(kept)
    keep = sorted((-k for k in kept), key=lambda i: (deadlines[i], i))
    taken: dict[int, int] = {}
    limit = n - 1
    for i in reversed(keep):  # as late as each deadline allows
        k = min(bisect_right(slots, deadlines[i], 0, n) - 1, limit)
        taken[i], limit = k, k - 1
    # The rows whose deadline is passed or let go take the earliest slots the kept ones leave, in the
    # queue's order; then the kept ones (by deadline: each only earlier than its latest slot) and the
    # rows without a deadline take the rest, in time order.
    used = set(taken.values())
    late = [i for i in range(n) if i not in taken and deadlines[i] is not None]
    slot_of = dict(zip(late, (k for k in range(n) if k not in used)))
    given = set(slot_of.values())
    rest = [k for k in range(n) if k not in given]
    slot_of.update(zip(keep + [i for i in range(n) if deadlines[i] is None], rest))
    places = {i: "kept" for i in keep} | {i: "overdue" if deadlines[i] < start else "let_go" for i in late}
    return [(slots[slot_of[i]], places.get(i, "no_deadline")) for i in range(n)]


RULES = {"overdue_first": overdue_first, "most_met": most_met}


def booked_weeks(rows: list[dict], start: date) -> Counter:
    """How many booked sessions fall in each week from ``start`` (week 0 = start … start + 6 days)."""
    return Counter((date.fromisoformat(r["planned"]) - start).days // 7 for r in rows
                   if r.get("planned") and r["planned"] >= start.isoformat())


def plan(ranked: list[dict], per_week: int, start: date, rule: str) -> list[tuple[date, str]]:
    """(date, placement) for each ranked row (in the queue's order): booked rows keep their date, the
    others get the free slots by ``rule`` (a key of RULES)."""
    free = [i for i, r in enumerate(ranked) if not r.get("planned")]
    slots = free_slots(len(free), per_week, start, booked_weeks(ranked, start))
    placed = RULES[rule]([ranked[i] for i in free], slots, start)
    out: list[tuple[date, str]] = [(date.fromisoformat(r["planned"]), "booked") if r.get("planned") else (start, "") for r in ranked]
    for i, p in zip(free, placed):
        out[i] = p
    return out


def misses(ranked: list[dict], placed: list[tuple[date, str]]) -> list[bool | None]:
    """For each row: does its session fall after its deadline (None: no deadline)?"""
    return [None if _deadline(r) is None else d > _deadline(r) for r, (d, _) in zip(ranked, placed)]


def placement_text(place: str, d: date) -> str:
    """Which rule of the plan gave the row its session, in Norwegian."""
    return {
        "booked": f"Timen {format_nb(d)} var avtalt og er beholdt; den bruker av kapasiteten den uka.",
        "order": "Timene er fordelt i køens rekkefølge: passerte frister først.",
        "kept": "Plassert så fristen holdes: planen rekker flest mulig frister.",
        "overdue": "Fristen er passert: tidligste time som ikke får andre til å miste fristen sin.",
        "let_go": "Rekker ikke fristen med denne kapasiteten uten at flere andre mister sin; første ledige time etter dem.",
        "no_deadline": "Uten utregnet frist: ledig time etter dem med frist.",
    }[place]
