"""The spreadsheet: a CSV file as spreadsheets write it (comma, semicolon or tab; UTF-8 with or
without BOM; dates as 2026-03-01 or 01.03.2026; ja/nei; blank cells) read into rows, one row made
into a case for the engine, and the downloadable template with its example rows. Which heading and
which word means what is ``columns``' part."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..counties import all_counties
from ..data_loader import load_sheet_words
from ..dates import parse_iso
from ..free_text import clean_free_text, echo, plain_text
from ..questions import question_map
from .columns import DATE_MESSAGE, LABEL, cell_value, csv_date, field_of, heading, needed_columns, permit_word
from .file_checks import HEADER_ONLY, duplicate_warnings, read_records, repair_text

__all__ = ["CLI_MAX_ROWS", "DATE_MESSAGE", "LABEL", "MAX_ROWS", "csv_date", "nb_date", "read_csv", "template_columns",
           "template_csv", "to_case", "warm_csv"]

MAX_ROWS = 2000  # in the browser; the command line takes more (CLI_MAX_ROWS)
CLI_MAX_ROWS = 100_000


def nb_date(iso: str | None) -> str:
    """``2026-03-01`` as ``01.03.2026`` (the form Norwegian Excel reads as a date); "" for None."""
    d = parse_iso(iso) if iso else None
    return f"{d.day:02d}.{d.month:02d}.{d.year}" if d else ""


def _delimiter(first_line: str) -> str:
    """The delimiter that splits the header into the most known column names (tab, ; or ,)."""
    best, best_hits = ";", -1
    for d in ("\t", ";", ","):
        cells = next(csv.reader([first_line], delimiter=d), [])
        hits = sum(1 for c in cells if field_of(c) is not None)
        if hits > best_hits:
            best, best_hits = d, hits
    return best


def header_fields(header: list[str]) -> tuple[list[str | None], list[str]]:
    """The field each heading names (None for a column the queue does not use), and the warnings:
    a field named twice, a column that is no field."""
    fields: list[str | None] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for col in header:
        fid = field_of(col) if col else None
        if fid is not None and fid not in seen:
            fields.append(fid)
            seen[fid] = col
            continue
        fields.append(None)
        if fid is not None:
            warnings.append(f"Kolonnen «{echo(col)}» er det samme feltet som «{echo(seen[fid])}»; bare den første er brukt.")
        elif col:
            warnings.append(f"Kolonnen «{echo(col)}» er ikke et felt i saken og er ikke brukt.")
    return fields, warnings


def missing_columns(fields: list[str | None]) -> str | None:
    """The message for a file without a column ranking needs (``in_queue = "column"``), or None."""
    missing = [heading(f) for f in needed_columns() if f not in fields]
    if not missing:
        return None
    names = "«" + "», «".join(missing) + "»"
    return (f"Filen mangler {'kolonnen' if len(missing) == 1 else 'kolonnene'} {names}, som rangeringen trenger. "
            "Legg til kolonnen med en av overskriftene i tabellen over kolonnene på siden.")


def read_csv(text: str, max_rows: int = MAX_ROWS) -> dict:
    """{"columns", "fields", "rows": [{"row", "cells"}], "errors", "warnings", "delimiter"}.

    ``fields`` maps each column index to its field id (or None when not a case field); ``row`` is
    the row number as the spreadsheet shows it (the header is row 1).
    """
    out: dict[str, Any] = {"columns": [], "fields": [], "rows": [], "errors": [], "warnings": [], "delimiter": ";"}
    if not isinstance(text, str) or not text.strip():
        out["errors"].append({"row": None, "field": "_file", "message": (
            "Filen er tom. Første rad skal være overskriftene og hver rad under én deltaker; last ned malen for et eksempel.")})
        return out
    text, note, problem = repair_text(text.lstrip("\ufeff"))
    text = text.lstrip("\ufeff")  # a byte order mark that was itself mis-decoded, now repaired
    if problem:
        out["errors"].append({"row": None, "field": "_file", "message": problem})
        return out
    delim = _delimiter(text.splitlines()[0] if text.splitlines() else "")
    out["delimiter"] = delim
    try:
        records, unclosed = read_records(text, delim)
    except csv.Error:
        out["errors"].append({"row": None, "field": "_file", "message": "Filen kan ikke leses som CSV. Lagre den på nytt som CSV fra regnearket."})
        return out
    header = [c.strip() for c in records[0]] if records else []
    fields, warnings = header_fields(header)
    out["columns"], out["fields"], out["warnings"] = header, fields, ([note] if note else []) + warnings
    if not set(fields) - {LABEL, None}:
        out["errors"].append({"row": 1, "field": "_file", "message": (
            "Fant ingen kjente kolonner i første rad. Første rad skal være overskriftene, for eksempel "
            + ";".join(heading(f) for f in needed_columns()) + ". Se tabellen over kolonnene på siden, eller last ned malen.")})
        return out
    missing = missing_columns(fields)
    if missing:
        out["errors"].append({"row": 1, "field": "_file", "message": missing})
        return out
    if unclosed:
        out["errors"].append({"row": len(records), "field": "_file", "message": unclosed})
        return out
    rows = [(n, cells) for n, cells in enumerate(records[1:], start=2) if any(c.strip() for c in cells)]
    if not rows:
        out["errors"].append({"row": None, "field": "_file", "message": HEADER_ONLY})
        return out
    if len(rows) > max_rows:
        out["errors"].append({"row": None, "field": "_file", "message": (
            f"Filen har {len(rows)} rader med deltakere; høyst {max_rows} kan behandles om gangen. Del filen i flere.")})
        return out
    out["rows"] = [{"row": n, "cells": cells} for n, cells in rows]
    out["warnings"] += duplicate_warnings(out["rows"], fields, header)
    return out


def to_case(cells: list[str], fields: list[str | None], columns: list[str] | None = None) -> tuple[dict, str, list[dict]]:
    """(case answers, label, cell errors) from one row's cells; blank cells are left out. ``columns``:
    the headings as the file writes them (the errors name them)."""
    case: dict[str, Any] = {}
    label, errors = "", []
    for i, fid in enumerate(fields):
        raw = cells[i].strip() if i < len(cells) else ""
        if fid is None or raw == "":
            continue
        column = plain_text(columns[i]) if columns and i < len(columns) else heading(fid)  # as written, made safe to show
        if fid == LABEL:
            text, message = clean_free_text(raw)  # free text like every other: one normalisation
            if message:
                errors.append({"field": LABEL, "column": column, "message": message})
            else:
                label = (text or "")[:60]
            continue
        value, message = cell_value(fid, raw)
        if message:
            errors.append({"field": fid, "column": column, "message": message})
        else:
            case[fid] = value
    extra = [c for c in cells[len(fields):] if c.strip()]
    if extra:
        errors.append({"field": "_row", "column": None, "message": "Raden har flere celler enn overskriftsraden. Sjekk skilletegnene i raden."})
    return case, label, errors


# --- the template ---------------------------------------------------------------------------------

# The example rows, as answers; the template writes each in the sheet's own words (``_template_cell``).
TEMPLATE_EXAMPLES = (
    {"label": "Eksempel 1", "county": "more-og-romsdal", "municipality": "Molde", "participant_ref": "AB-12",
     "permit_group": "refugee", "permit_date": "01.08.2026", "age_at_permit": 34, "settlement_date": "01.10.2026",
     "settled_by_agreement": True, "interpreter_needed": True, "interpreter_language": "tigrinja", "wants_adviser_present": True,
     "competence_mapping_done": True, "individual_plan_exists": True, "norwegian_plan_exists": False},
    {"label": "Eksempel 2", "county": "more-og-romsdal", "municipality": "Ålesund", "participant_ref": "2026/77",
     "permit_group": "resettlement", "permit_date": "15.06.2026", "age_at_permit": 27, "settlement_date": "01.09.2026",
     "settled_by_agreement": True, "interpreter_needed": False, "wants_adviser_present": False, "competence_mapping_done": False,
     "individual_plan_exists": True, "norwegian_plan_exists": True, "planned_session_date": "20.11.2026"},
)


def _template_cell(fid: str, value: Any) -> str:
    """An example answer as a centre writes it: ja/nei, the permit group's and the county's own words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return load_sheet_words()["yes" if value else "no"][0]
    if fid == "permit_group":
        return permit_word(value)
    if fid == "county":
        return all_counties()[value].name
    return str(value)


def template_fields() -> list[str]:
    """The template's fields: the row label, then every case field in the guide's order."""
    return [LABEL] + list(question_map())


def template_columns() -> list[str]:
    """The template's header: each field's Norwegian heading (``columns.heading``)."""
    return [heading(f) for f in template_fields()]


def template_csv() -> str:
    """The downloadable template: the header and two example rows, as Norwegian Excel writes CSV."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(template_columns())
    for ex in TEMPLATE_EXAMPLES:
        w.writerow([_template_cell(f, ex.get(f)) for f in template_fields()])
    return "\ufeff" + buf.getvalue()


def warm_csv(rows: int) -> str:
    """The template's example rows repeated to ``rows`` rows (for warming the engine up)."""
    head, *body = template_csv().lstrip("\ufeff").split("\r\n")
    body = [b for b in body if b]
    return "\r\n".join([head] + [body[i % len(body)] for i in range(rows)]) + "\r\n"
