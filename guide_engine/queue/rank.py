"""Which rows are ranked, and in what order: every row evaluated by the engine (the same decisions,
deadlines and priority as the guide), the rows with errors listed, and the rest ordered (see
``order``), each with the rule that placed it and its basis."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import api, progress
from ..data_loader import register
from ..result import build
from ..free_text import FNR_REMOVED, clean_free_text, contains_fnr, plain_text
from ..questions import question_map
from ..session import Session
from .columns import heading, optional_fields
from .sheet import read_csv, to_case


def _deadline(result: dict, did: str) -> dict | None:
    return next((d for d in result.get("deadlines") or [] if d.get("id") == did), None)


def engine_result(case: dict, on: str, optional: frozenset[str] = frozenset()) -> dict:
    """The engine's result for one row, without the parts the queue does not show (checklist,
    referral, summary); the same decisions, deadlines and priority as ``api.evaluate``. ``optional``:
    required answers the queue does not demand (``in_queue = "optional"``)."""
    try:
        return build(Session(case, on, optional), brief=True)
    except Exception:  # the API's safety net decides what a fault looks like
        return api.evaluate(case, on)


def _column(fid: str | None, sheet: dict) -> str | None:
    """The column of field ``fid`` as the file names it, else the template's heading (None: no field)."""
    if fid in sheet["fields"]:
        return plain_text(sheet["columns"][sheet["fields"].index(fid)])
    return heading(fid) if fid in question_map() else None


def _language(case: dict) -> str | None:
    """The interpreter's language as typed, cleaned like all free text (None when blank or refused)."""
    text, message = clean_free_text(case.get("interpreter_language", ""), max_length=question_map()["interpreter_language"].get("max_length"))
    return text or None if message is None else None


# A personal number in any cell, a column the queue reads or not ("navn", "fnr"): said, with the
# cell's column, instead of quietly leaving it out of the export.
FNR_CELL = ("Cellen ser ut til å inneholde et fødselsnummer eller D-nummer. Ta det ut av regnearket "
            "(prioriteringen trenger ikke fødselsnummer), og bruk initialer eller kommunens saksnummer.")


def _fnr_cells(row: dict, sheet: dict) -> list[dict]:
    """An error for each cell of a column the queue does not read that holds a fødselsnummer (a column
    it reads gets the engine's own message at the field)."""
    out = []
    for i, cell in enumerate(row["cells"]):
        fid = sheet["fields"][i] if i < len(sheet["fields"]) else None
        if fid is None and contains_fnr(cell):
            column = sheet["columns"][i] if i < len(sheet["columns"]) else f"kolonne {i + 1}"
            out.append({"field": "_cell", "column": plain_text(column, FNR_REMOVED) or f"kolonne {i + 1}", "message": FNR_CELL})
    return out


def _evaluate_row(row: dict, sheet: dict, on: str) -> dict:
    case, label, cell_errors = to_case(row["cells"], sheet["fields"], sheet["columns"])
    cell_errors = cell_errors + _fnr_cells(row, sheet)
    result = engine_result(case, on, optional_fields())
    bad_fields = {e["field"] for e in cell_errors}
    engine_errors = [{"field": e.get("field"), "column": _column(e.get("field"), sheet), "message": e.get("message")}
                     for e in result.get("errors") or [] if e.get("field") not in bad_fields]
    errors = cell_errors + engine_errors
    # only cleaned text travels: the label column is cleaned (to_case); the reference only where the
    # engine accepted it, so a row with errors is its label or "Rad N", never its raw reference
    ref = plain_text(case.get("participant_ref") or "", "") if not errors and result.get("ok") else ""
    out: dict[str, Any] = {
        "row": row["row"],
        "label": label or ref or f"Rad {row['row']}",
        "participant_ref": ref,
        "cells": row["cells"],
        "errors": [{"row": row["row"], **e} for e in errors],
        "status": "error" if errors or not result.get("ok") else None,
        **municipality_fields(result),
        "county": None, "county_name": None, "eligibility": None, "eligibility_label": None,
        "guidance_by": None, "guidance_by_text": None, "overdue": False, "deadlines": [], "deadline_notes": [],
        "priority": None, "rank": None, "rule": None, "projected": None, "projected_text": None, "misses": None,
        "unclear": False,
        # Used by the plans and shown in the table: the booked session, the interpreter's language.
        "planned": case.get("planned_session_date"), "interpreter_language": _language(case),
    }
    if out["status"] == "error":
        if not out["errors"]:
            out["errors"] = [{"row": row["row"], "field": "_row", "column": None, "message": "Raden kunne ikke vurderes."}]
        return out
    elig = result["eligibility"] or {}
    gb = _deadline(result, "guidance_by")
    prio = result.get("priority") or {}
    out.update({
        # The engine's decision, rendered: a declined participant is listed, never ranked; doubt travels.
        "status": "not_covered" if elig.get("status") == "not_covered" else ("declined" if elig.get("declined") else "ranked"),
        "unclear": elig.get("status") == "unclear" or not elig.get("confirmed", True),
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


def municipality_fields(result: dict) -> dict:
    """The row's municipality as the engine resolved it (name, kommunenummer); None for a row it refused."""
    m = result.get("municipality") or {}
    return {"municipality": m.get("name"), "municipality_number": m.get("number")}


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


def rule(r: dict) -> dict:
    """Which rule placed the row, in Norwegian, with its basis."""
    if r["status"] == "declined":
        text = "Ikke rangert: deltakeren ønsker ikke karriereveiledning nå" + (
            " (uavklart om deltakeren har plikt; se veiviseren)." if r["unclear"] else ".")
        return {"id": "declined", "text": text, "basis": r.get("eligibility_reasons") or [],
                "references": r.get("eligibility_references") or [], "sources": []}
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
def evaluated(text: str, on: str, max_rows: int) -> tuple[dict, tuple[dict, ...]]:
    """The file read and every row evaluated (remembered for one file, in memory, so a new
    capacity does not evaluate the rows again)."""
    sheet = read_csv(text, max_rows)
    if sheet["errors"]:
        return sheet, ()
    rows, total = [], len(sheet["rows"])
    for n, r in enumerate(sheet["rows"], start=1):
        rows.append(_evaluate_row(r, sheet, on))
        progress.done(n, total)
    return sheet, tuple(rows)
