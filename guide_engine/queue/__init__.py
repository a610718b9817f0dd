"""The referral queue: spreadsheet rows in, every row evaluated by the engine, ranked, projected.

Input: CSV text as spreadsheets write it (comma, semicolon or tab; UTF-8 with or without BOM; dates
as 2026-03-01 or 01.03.2026; ja/nei; blank cells). The columns are case field ids plus an optional
``label``. Each row is a case for ``api.evaluate`` on the same reference date; a row with errors is
listed with its row number, field and message and is never dropped.

Order (everyone referred gets guidance; the order only says who must be seen first):
  1. overdue rows first, then the nearest latest-guidance date (``guidance_by`` from the result),
     then rows without such a deadline, in file order;
  2. where the engine's ``priority`` applies (the county's source sets criteria for the date),
     that county's rows go in the order of the county's score (higher first, then the deadline
     order), and the row its criteria put first takes the county's most urgent place in the
     queue (see ``order``). No other rule moves a row.
Rows not covered by § 11 are listed after the ranked rows, without a rank.

Capacity: N sessions a week from a date, spread over the working days of each week; a row with a
booked session keeps it and uses that week's capacity; the other ranked rows take the free slots by
the plan the centre chose ("overdue first": the queue's order; "most deadlines met": see ``plans``),
both plans are counted side by side, and a row whose session falls after its deadline misses it.

The package: ``sheet`` (the CSV read into rows, a row made a case, the template), ``rank`` (each
row evaluated, the order and the rule that placed each row), ``capacity`` (the projected sessions),
``columns`` (which heading and word means what), ``file_checks`` (what can be wrong with a file),
``plans`` (the two plans and the booked sessions), ``export`` (the page's message and the CSV for
Excel); this module runs them in that order.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Any

from ..dates import format_nb
from ..session import ON_MAX, ON_MIN
from .capacity import MAX_PER_WEEK, arguments, plan_choice, project
from .export import EXPORT_COLUMNS, MUNICIPALITY_COLUMNS, export_csv, for_page
from .rank import deadline_key, engine_result, evaluated, order, rule
from .file_checks import ENCODING_NOTES, decode
from ..free_text import plain_text
from .sheet import CLI_MAX_ROWS, DATE_MESSAGE, MAX_ROWS, csv_date, read_csv, template_columns, template_csv, to_case, warm_csv

__all__ = ["CLI_MAX_ROWS", "DATE_MESSAGE", "EXPORT_COLUMNS", "MAX_PER_WEEK", "MUNICIPALITY_COLUMNS", "MAX_ROWS", "deadline_key", "decode", "engine_result", "evaluate",
           "export_csv", "for_page", "order", "read_csv", "template_columns", "template_csv", "to_case", "warm_csv"]


@contextmanager
def _no_gc():
    """No cyclic garbage collection while the rows are evaluated: thousands of short-lived dicts
    made the collector run again and again (measured in the browser: about a third of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def evaluate(text: str, on: Any, per_week: Any = None, start: Any = None, max_rows: int = MAX_ROWS, plan: Any = None,
             encoding: Any = None) -> dict:
    """The queue for CSV ``text`` on reference date ``on`` (ISO), optionally with capacity and the
    plan chosen ("overdue_first", the default, or "most_met"); ``encoding``: the file's, where the
    page decoded it from other than UTF-8 ("utf-16", "windows-1252"), for the note."""
    with _no_gc():
        result = _evaluate_queue(text, on, per_week, start, max_rows, plan)
    note = ENCODING_NOTES.get(encoding) if isinstance(encoding, str) else None
    if note:
        result["warnings"] = [note] + result["warnings"]
    return result


def _evaluate_queue(text: str, on: Any, per_week: Any, start: Any, max_rows: int, plan: Any = None) -> dict:
    on_d = csv_date(on) if isinstance(on, str) else None
    empty = {"ok": False, "on": None, "errors": [], "warnings": [], "columns": [], "rows": [], "row_errors": [],
             "counts": {"rows": 0, "ranked": 0, "errors": 0, "not_covered": 0, "declined": 0, "unclear": 0}, "capacity": None, "summary": ""}
    if on_d is None or not ON_MIN <= on_d <= ON_MAX:
        empty["errors"].append({"row": None, "field": "on", "message": "Datoen køen regnes ut fra må være en gyldig dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD) mellom 1990 og 2200."})
        return empty
    per, from_d, cap_errors = arguments(per_week, start, on_d)
    chosen, plan_errors = plan_choice(plan)
    cap_errors += plan_errors
    sheet, read = evaluated(text if isinstance(text, str) else "", on_d.isoformat(), max_rows)
    # the headings as the page and the export show them: plain text, never a personal number
    columns = [plain_text(c) for c in sheet["columns"]]
    result = dict(empty, on=on_d.isoformat(), on_text=format_nb(on_d), columns=columns,
                  errors=list(sheet["errors"]) + cap_errors, warnings=list(sheet["warnings"]))
    if sheet["errors"]:
        return result
    rows = [dict(r) for r in read]
    ranked = order([r for r in rows if r["status"] == "ranked"])
    for i, r in enumerate(ranked, start=1):
        r["rank"] = i
    for r in rows:
        if r["status"] != "error":
            r["rule"] = rule(r)
    if per is not None and ranked:
        result["capacity"] = project(ranked, per, from_d, chosen)
    listed = ranked + [r for s in ("declined", "not_covered", "error") for r in rows if r["status"] == s]
    counts = {"rows": len(rows), "ranked": len(ranked), "errors": sum(1 for r in rows if r["status"] == "error"),
              "not_covered": sum(1 for r in rows if r["status"] == "not_covered"),
              "declined": sum(1 for r in rows if r["status"] == "declined"),
              "unclear": sum(1 for r in rows if r.get("unclear") and r["status"] != "error")}
    summary = f"{counts['rows']} rader: {counts['ranked']} rangert"
    if counts["declined"]:
        summary += f", {counts['declined']} ønsker ikke veiledning"
    if counts["not_covered"]:
        summary += f", {counts['not_covered']} ikke omfattet"
    if counts["errors"]:
        summary += f", {counts['errors']} med feil (se feillisten)"
    if counts["unclear"]:
        summary += f". {counts['unclear']} er uavklart (merket i listen): sjekk regelen i veiviseren"
    summary += ". Alle som er henvist, skal få veiledning; rekkefølgen sier hvem som må få time først."
    result.update({
        "ok": not cap_errors,
        "rows": listed,
        "row_errors": [e for r in rows for e in r["errors"]],
        "counts": counts,
        "summary": summary,
    })
    return result


