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

Capacity: N sessions a week from a date; the ranked rows take the slots in order, spread over the
working days of each week, and a row whose slot falls after its latest-guidance date misses it.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from contextlib import contextmanager
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from . import api, workdays
from .counties import all_counties
from .data_loader import register
from .dates import format_nb, parse_iso
from .questions import question_map
from .free_text import clean_free_text, echo, plain_text
from .session import Session

MAX_ROWS = 2000  # in the browser; the command line takes more (CLI_MAX_ROWS)
CLI_MAX_ROWS = 100_000
MAX_PER_WEEK = 500
LABEL = "label"
_NB_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_YES, _NO = {"ja", "true", "yes", "1"}, {"nei", "false", "no", "0"}
DATE_MESSAGE = "Skriv datoen som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, for eksempel 01.03.2026."


def csv_date(value: str) -> date | None:
    """A date from ``2026-03-01`` or ``01.03.2026`` (also ``1.3.2026``); None otherwise."""
    m = _NB_DATE.match(value)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return parse_iso(value)


def nb_date(iso: str | None) -> str:
    """``2026-03-01`` as ``01.03.2026`` (the form Norwegian Excel reads as a date); "" for None."""
    d = parse_iso(iso) if iso else None
    return f"{d.day:02d}.{d.month:02d}.{d.year}" if d else ""


# --- reading the file ---------------------------------------------------------------------------


def _delimiter(first_line: str, known: set[str]) -> str:
    """The delimiter that splits the header into the most known column names (tab, ; or ,)."""
    best, best_hits = ";", -1
    for d in ("\t", ";", ","):
        cells = next(csv.reader([first_line], delimiter=d), [])
        hits = sum(1 for c in cells if c.strip().lower() in known)
        if hits > best_hits:
            best, best_hits = d, hits
    return best


def read_csv(text: str, max_rows: int = MAX_ROWS) -> dict:
    """{"columns", "fields", "rows": [{"row", "cells"}], "errors", "warnings", "delimiter"}.

    ``fields`` maps each column index to its field id (or None when not a case field); ``row`` is
    the row number as the spreadsheet shows it (the header is row 1).
    """
    out: dict[str, Any] = {"columns": [], "fields": [], "rows": [], "errors": [], "warnings": [], "delimiter": ";"}
    if not isinstance(text, str) or not text.strip():
        out["errors"].append({"row": None, "field": "_file", "message": "Filen er tom. Last ned malen og fyll inn én deltaker per rad."})
        return out
    text = text.lstrip("\ufeff")
    known = set(question_map()) | {LABEL}
    delim = _delimiter(text.splitlines()[0] if text.splitlines() else "", known)
    out["delimiter"] = delim
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error:
        out["errors"].append({"row": None, "field": "_file", "message": "Filen kan ikke leses som CSV. Lagre den på nytt som CSV fra regnearket."})
        return out
    header = [c.strip() for c in records[0]] if records else []
    fields: list[str | None] = []
    seen: set[str] = set()
    for col in header:
        fid = col.lower()
        if fid in known and fid not in seen:
            fields.append(fid)
            seen.add(fid)
        else:
            fields.append(None)
            if fid in seen:
                out["warnings"].append(f"Kolonnen «{echo(col)}» står to ganger; bare den første er brukt.")
            elif col:
                out["warnings"].append(f"Kolonnen «{echo(col)}» er ikke et felt i saken og er ikke brukt.")
    out["columns"], out["fields"] = header, fields
    if not seen - {LABEL}:
        out["errors"].append({"row": 1, "field": "_file", "message": (
            "Fant ingen kjente kolonner i første rad. Første rad skal være overskriftene fra malen, "
            "for eksempel county;municipality;permit_group.")})
        return out
    rows = [(n, cells) for n, cells in enumerate(records[1:], start=2) if any(c.strip() for c in cells)]
    if len(rows) > max_rows:
        out["errors"].append({"row": None, "field": "_file", "message": (
            f"Filen har {len(rows)} rader med deltakere; høyst {max_rows} kan behandles om gangen. Del filen i flere.")})
        return out
    out["rows"] = [{"row": n, "cells": cells} for n, cells in rows]
    return out


def _county_ids() -> dict[str, str]:
    """County ids and names (lower case) to ids, so a sheet may name the county."""
    ids: dict[str, str] = {}
    for cid, c in all_counties().items():
        ids[cid] = cid
        ids.setdefault(c.name.lower(), cid)
    return ids


def to_case(cells: list[str], fields: list[str | None]) -> tuple[dict, str, list[dict]]:
    """(case answers, label, cell errors) from one row's cells; blank cells are left out."""
    qs = question_map()
    counties = _county_ids()
    case: dict[str, Any] = {}
    label, errors = "", []
    for i, fid in enumerate(fields):
        raw = cells[i].strip() if i < len(cells) else ""
        if fid is None or raw == "":
            continue
        if fid == LABEL:
            text, message = clean_free_text(raw)  # free text like every other: one normalisation
            if message:
                errors.append({"field": LABEL, "message": message})
            else:
                label = (text or "")[:60]
            continue
        kind = qs[fid]["type"]
        if kind == "date":
            d = csv_date(raw)
            if d is None:
                errors.append({"field": fid, "message": DATE_MESSAGE})
                continue
            case[fid] = d.isoformat()
        elif kind == "boolean":
            low = raw.lower()
            case[fid] = True if low in _YES else False if low in _NO else raw  # anything else: the engine's message
        elif fid == "county":
            case[fid] = counties.get(raw.lower(), raw)
        else:
            case[fid] = raw
    extra = [c for c in cells[len(fields):] if c.strip()]
    if extra:
        errors.append({"field": "_row", "message": "Raden har flere celler enn overskriftsraden. Sjekk skilletegnene i raden."})
    return case, label, errors


# --- evaluating and ranking ---------------------------------------------------------------------


def _deadline(result: dict, did: str) -> dict | None:
    return next((d for d in result.get("deadlines") or [] if d.get("id") == did), None)


def _engine_result(case: dict, on: str) -> dict:
    """The engine's result for one row, without the parts the queue does not show (checklist,
    referral, summary); the same decisions, deadlines and priority as ``api.evaluate``."""
    try:
        return Session(case, on).result(brief=True)
    except Exception:  # the API's safety net decides what a fault looks like
        return api.evaluate(case, on)


def _evaluate_row(row: dict, fields: list[str | None], on: str) -> dict:
    case, label, cell_errors = to_case(row["cells"], fields)
    result = _engine_result(case, on)
    bad_fields = {e["field"] for e in cell_errors}
    engine_errors = [e for e in result.get("errors") or [] if e.get("field") not in bad_fields]
    errors = cell_errors + engine_errors
    ref = (case.get("participant_ref") or "").strip()
    out: dict[str, Any] = {
        "row": row["row"],
        "label": label or ref or f"Rad {row['row']}",
        "participant_ref": ref,
        "cells": row["cells"],
        "errors": [{"row": row["row"], **e} for e in errors],
        "status": "error" if errors or not result.get("ok") else None,
        "county": None, "county_name": None, "eligibility": None, "eligibility_label": None,
        "guidance_by": None, "guidance_by_text": None, "overdue": False, "deadlines": [], "deadline_notes": [],
        "priority": None, "rank": None, "rule": None, "projected": None, "projected_text": None, "misses": None,
    }
    if out["status"] == "error":
        if not out["errors"]:
            out["errors"] = [{"row": row["row"], "field": "_row", "message": "Raden kunne ikke vurderes."}]
        return out
    elig = result["eligibility"] or {}
    gb = _deadline(result, "guidance_by")
    prio = result.get("priority") or {}
    out.update({
        "status": "not_covered" if elig.get("status") == "not_covered" else "ranked",
        "county": result["county"]["id"], "county_name": result["county"]["name"],
        "eligibility": elig.get("status"), "eligibility_label": elig.get("label"),
        "eligibility_reasons": elig.get("reasons") or [], "eligibility_references": elig.get("references") or [],
        "guidance_by": gb["date"] if gb else None, "guidance_by_text": gb["date_text"] if gb else None,
        "overdue": bool(gb and gb.get("overdue")),
        "guidance_basis": gb["basis"] if gb else None, "guidance_references": list(gb.get("references") or []) if gb else [],
        "deadlines": [{k: d.get(k) for k in ("id", "label", "date", "date_text", "overdue", "basis", "references", "source")}
                      for d in result.get("deadlines") or []],
        "deadline_notes": list(result.get("deadline_notes") or []),
        "priority": {k: prio.get(k) for k in ("applies", "score", "max_score", "level", "reasons", "references", "sources")},
    })
    return out


def deadline_key(r: dict) -> tuple:
    """Overdue first, then the nearest latest-guidance date, then rows without one (file order)."""
    if r["guidance_by"]:
        return (0 if r["overdue"] else 1, r["guidance_by"], r["row"])
    return (2, "", r["row"])


def _county_applies(r: dict) -> bool:
    return bool(r["priority"] and r["priority"].get("applies"))


def order(ranked: list[dict]) -> list[dict]:
    """The ranked rows in the order they must be seen (see the module docstring).

    A county whose criteria apply orders its own rows by score, then deadline; each of those rows
    carries the most urgent deadline among itself and the county's rows it goes before, so the
    county's most urgent place in the whole queue goes to the row its criteria put first. Every
    other row keeps its own deadline. The queue is sorted by those deadlines.
    """
    chains: dict[str, list[dict]] = {}
    keyed: list[tuple[tuple, int, dict]] = []
    for r in ranked:
        if _county_applies(r):
            chains.setdefault(r["county"], []).append(r)
        else:
            keyed.append((deadline_key(r), 0, r))
    for members in chains.values():
        members.sort(key=lambda r: (-(r["priority"].get("score") or 0), deadline_key(r)))
        carried = None
        for pos in range(len(members) - 1, -1, -1):
            own = deadline_key(members[pos])
            carried = own if carried is None or own < carried else carried
            keyed.append((carried, pos, members[pos]))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [r for _, _, r in keyed]


def _rule(r: dict) -> dict:
    """Which rule placed the row, in Norwegian, with its basis."""
    if r["status"] == "not_covered":
        return {"id": "not_covered", "text": f"Ikke rangert: {r['eligibility_label'] or 'ikke omfattet'}.",
                "basis": r.get("eligibility_reasons") or [], "references": r.get("eligibility_references") or [], "sources": []}
    p = r["priority"] or {}
    if _county_applies(r):
        text = (f"{r['county_name']} prioriterer etter kriteriene i sin kilde når kapasiteten er begrenset: "
                f"{p.get('score')} av {p.get('max_score')} poeng. Ved likt antall poeng går nærmeste frist først.")
        return {"id": "county_criteria", "text": text, "basis": list(p.get("reasons") or []),
                "references": list(p.get("references") or []), "sources": list(p.get("sources") or [])}
    if r["guidance_by"] and r["overdue"]:
        return {"id": "overdue", "text": f"Fristen er passert: siste dag for karriereveiledningen var {r['guidance_by_text']}. Passerte frister går først.",
                "basis": [r["guidance_basis"]], "references": r["guidance_references"], "sources": []}
    if r["guidance_by"]:
        return {"id": "deadline", "text": f"Siste dag for karriereveiledningen er {r['guidance_by_text']}. Nærmeste frist går først.",
                "basis": [r["guidance_basis"]], "references": r["guidance_references"], "sources": []}
    return {"id": "no_deadline", "text": "Ingen siste dag for veiledningen er regnet ut; raden kommer etter dem med frist, i rekkefølgen i filen.",
            "basis": r["deadline_notes"] or ["Ingen frist regnet ut for denne deltakeren."], "references": ["integreringsloven-11"], "sources": []}


@register
@lru_cache(maxsize=1)
def _evaluated(text: str, on: str, max_rows: int) -> tuple[dict, tuple[dict, ...]]:
    """The file read and every row evaluated (remembered for one file, in memory, so a new
    capacity does not evaluate the rows again)."""
    sheet = read_csv(text, max_rows)
    rows = tuple(_evaluate_row(r, sheet["fields"], on) for r in sheet["rows"]) if not sheet["errors"] else ()
    return sheet, rows


# --- capacity -----------------------------------------------------------------------------------


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


def _capacity_args(per_week: Any, start: Any, on: date) -> tuple[int | None, date | None, list[dict]]:
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


def evaluate(text: str, on: Any, per_week: Any = None, start: Any = None, max_rows: int = MAX_ROWS) -> dict:
    """The queue for CSV ``text`` on reference date ``on`` (ISO), optionally with capacity."""
    with _no_gc():
        return _evaluate_queue(text, on, per_week, start, max_rows)


def _evaluate_queue(text: str, on: Any, per_week: Any, start: Any, max_rows: int) -> dict:
    on_d = csv_date(on) if isinstance(on, str) else None
    empty = {"ok": False, "on": None, "errors": [], "warnings": [], "columns": [], "rows": [], "row_errors": [],
             "counts": {"rows": 0, "ranked": 0, "errors": 0, "not_covered": 0}, "capacity": None, "summary": ""}
    if on_d is None or not api.ON_MIN <= on_d <= api.ON_MAX:
        empty["errors"].append({"row": None, "field": "on", "message": "Datoen køen regnes ut fra må være en gyldig dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD) mellom 1990 og 2200."})
        return empty
    per, from_d, cap_errors = _capacity_args(per_week, start, on_d)
    sheet, evaluated = _evaluated(text if isinstance(text, str) else "", on_d.isoformat(), max_rows)
    result = dict(empty, on=on_d.isoformat(), on_text=format_nb(on_d), columns=sheet["columns"],
                  errors=list(sheet["errors"]) + cap_errors, warnings=list(sheet["warnings"]))
    if sheet["errors"]:
        return result
    rows = [dict(r) for r in evaluated]
    ranked = order([r for r in rows if r["status"] == "ranked"])
    for i, r in enumerate(ranked, start=1):
        r["rank"] = i
    for r in rows:
        if r["status"] != "error":
            r["rule"] = _rule(r)
    if per is not None and ranked:
        result["capacity"] = project(ranked, per, from_d)
    listed = ranked + [r for r in rows if r["status"] == "not_covered"] + [r for r in rows if r["status"] == "error"]
    counts = {"rows": len(rows), "ranked": len(ranked), "errors": sum(1 for r in rows if r["status"] == "error"),
              "not_covered": sum(1 for r in rows if r["status"] == "not_covered")}
    summary = f"{counts['rows']} rader: {counts['ranked']} rangert"
    if counts["not_covered"]:
        summary += f", {counts['not_covered']} ikke omfattet"
    if counts["errors"]:
        summary += f", {counts['errors']} med feil (se feillisten)"
    summary += ". Alle som er henvist, skal få veiledning; rekkefølgen sier hvem som må få time først."
    result.update({
        "ok": not cap_errors,
        "rows": listed,
        "row_errors": [e for r in rows for e in r["errors"]],
        "counts": counts,
        "summary": summary,
    })
    return result


PAGE_FIELDS = ("row", "label", "status", "errors", "county", "county_name", "eligibility", "eligibility_label", "guidance_by",
               "guidance_by_text", "overdue", "rank", "rule", "projected", "projected_text", "misses")


def for_page(result: dict) -> dict:
    """The queue as the page shows it: each row without its cells and working data (smaller message)."""
    out = dict(result)
    out["rows"] = [{k: r.get(k) for k in PAGE_FIELDS} for r in result["rows"]]
    return out


# --- the template -------------------------------------------------------------------------------

TEMPLATE_EXAMPLES = (
    {"label": "Eksempel 1", "county": "more-og-romsdal", "municipality": "Molde", "participant_ref": "AB-12",
     "permit_group": "refugee", "permit_date": "01.08.2026", "age_at_permit": "34", "settlement_date": "01.10.2026",
     "settled_by_agreement": "ja", "interpreter_needed": "ja", "interpreter_language": "tigrinja", "wants_adviser_present": "ja",
     "competence_mapping_done": "ja", "individual_plan_exists": "ja", "norwegian_plan_exists": "nei"},
    {"label": "Eksempel 2", "county": "more-og-romsdal", "municipality": "Ålesund", "participant_ref": "2026/77",
     "permit_group": "resettlement", "permit_date": "15.06.2026", "age_at_permit": "27", "settlement_date": "01.09.2026",
     "settled_by_agreement": "ja", "interpreter_needed": "nei", "wants_adviser_present": "nei", "competence_mapping_done": "nei",
     "individual_plan_exists": "ja", "norwegian_plan_exists": "ja", "planned_session_date": "20.11.2026"},
)


def template_columns() -> list[str]:
    """The template's header: the row label, then every case field id in the guide's order."""
    return [LABEL] + list(question_map())


def template_csv() -> str:
    """The downloadable template: the header and two example rows, as Norwegian Excel writes CSV."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    cols = template_columns()
    w.writerow(cols)
    for ex in TEMPLATE_EXAMPLES:
        w.writerow([ex.get(c, "") for c in cols])
    return "\ufeff" + buf.getvalue()


def warm_csv(rows: int) -> str:
    """The template's example rows repeated to ``rows`` rows (for warming the engine up)."""
    head, *body = template_csv().lstrip("\ufeff").split("\r\n")
    body = [b for b in body if b]
    return "\r\n".join([head] + [body[i % len(body)] for i in range(rows)]) + "\r\n"


# --- export -------------------------------------------------------------------------------------

EXPORT_COLUMNS = ("rang", "status", "regel", "siste_dag_veiledning", "frist_passert", "siste_dag_oppstart",
                  "bestill_senest", "notat_senest", "planlagt_time", "rekker_fristen", "feil")
STATUS_TEXT = {"ranked": "rangert", "not_covered": "ikke omfattet", "error": "feil"}


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ would start a formula; typed text goes out
    as plain text (no control or format character, no fødselsnummer: free_text.plain_text)."""
    value = plain_text(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_csv(result: dict) -> str:
    """The queue as CSV for Norwegian Excel: UTF-8 with BOM, semicolons, CRLF, dates DD.MM.ÅÅÅÅ;
    the input columns as given, then rank, status, rule, deadlines, projected date, flags."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    cols = list(result.get("columns") or [])
    w.writerow([_cell(c) for c in cols] + list(EXPORT_COLUMNS))
    for r in result.get("rows") or []:
        cells = [(r["cells"][i] if i < len(r["cells"]) else "") for i in range(len(cols))]
        dl = {d["id"]: d["date"] for d in r.get("deadlines") or []}
        misses = r.get("misses")
        w.writerow([_cell(c) for c in cells] + [
            str(r["rank"] or ""),
            STATUS_TEXT.get(r["status"], r["status"] or ""),
            _cell((r.get("rule") or {}).get("text", "")),
            nb_date(r.get("guidance_by")),
            ("ja" if r.get("overdue") else "nei") if r.get("guidance_by") else "",
            nb_date(dl.get("programme_start_by")),
            nb_date(dl.get("book_by")),
            nb_date(dl.get("note_by")),
            nb_date(r.get("projected")),
            "" if misses is None else ("nei" if misses else "ja"),
            _cell(" | ".join(f"{e['field']}: {e['message']}" for e in r.get("errors") or [])),
        ])
    return "\ufeff" + buf.getvalue()
