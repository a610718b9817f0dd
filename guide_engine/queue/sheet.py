"""The spreadsheet: a CSV file as spreadsheets write it (comma, semicolon or tab; UTF-8 with or
without BOM; dates as 2026-03-01 or 01.03.2026; ja/nei; blank cells) read into rows, one row made
into a case for the engine, and the downloadable template with its example rows."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any

from ..counties import all_counties
from ..dates import parse_iso
from ..free_text import clean_free_text, echo
from ..questions import question_map

MAX_ROWS = 2000  # in the browser; the command line takes more (CLI_MAX_ROWS)
CLI_MAX_ROWS = 100_000
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


_SPREADSHEET_NUMBER = re.compile(r"^(\d{3,4})[.,]0+$")


def municipality_cell(raw: str) -> str:
    """The municipality cell as the engine resolves it (name or kommunenummer, decisions/place.py):
    a number a spreadsheet wrote as a decimal ("1506,0") or without its leading zero ("301") is
    the kommunenummer; anything else goes as written."""
    m = _SPREADSHEET_NUMBER.match(raw)
    number = m.group(1) if m else raw
    return number.zfill(4) if number.isdigit() and len(number) == 3 else number


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
        elif fid == "municipality":
            case[fid] = municipality_cell(raw)
        else:
            case[fid] = raw
    extra = [c for c in cells[len(fields):] if c.strip()]
    if extra:
        errors.append({"field": "_row", "message": "Raden har flere celler enn overskriftsraden. Sjekk skilletegnene i raden."})
    return case, label, errors


# --- the template ---------------------------------------------------------------------------------

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
