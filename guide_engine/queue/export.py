"""The queue as it leaves the engine: the page's message (each row without its cells and working
data) and the list as CSV for Norwegian Excel (UTF-8 with BOM, semicolons, CRLF, DD.MM.ÅÅÅÅ)."""

from __future__ import annotations

import csv
import io

from ..free_text import plain_text
from .sheet import nb_date

PAGE_FIELDS = ("row", "label", "status", "unclear", "errors", "county", "county_name", "eligibility", "eligibility_label", "guidance_by",
               "guidance_by_text", "overdue", "rank", "rule", "projected", "projected_text", "misses", "placement", "booked",
               "interpreter_language")
MUNICIPALITY_FIELDS = ("municipality", "municipality_number")  # the row's municipality as the engine resolved it


def for_page(result: dict) -> dict:
    """The queue as the page shows it: each row without its cells and working data (smaller message)."""
    out = dict(result)
    out["rows"] = [{k: r.get(k) for k in PAGE_FIELDS + MUNICIPALITY_FIELDS} for r in result["rows"]]
    return out


EXPORT_COLUMNS = ("rang", "status", "regel", "siste_dag_veiledning", "frist_passert", "siste_dag_oppstart",
                  "bestill_senest", "notat_senest", "time_i_planen", "plassert_i_planen", "rekker_fristen", "feil")
MUNICIPALITY_COLUMNS = ("kommune", "kommunenummer")  # after EXPORT_COLUMNS: the municipality the engine resolved
STATUS_TEXT = {"ranked": "rangert", "declined": "ønsker ikke veiledning", "not_covered": "ikke omfattet", "error": "feil"}
UNCLEAR_TEXT = " (uavklart)"  # the eligibility rests on a rule not confirmed for the date


def status_text(r: dict) -> str:
    """The row's status in words, marked where the engine is unsure (the CSV, the CLI)."""
    return STATUS_TEXT.get(r["status"], r["status"] or "") + (UNCLEAR_TEXT if r.get("unclear") else "")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ would start a formula; typed text goes out
    as plain text (no control or format character, no fødselsnummer: free_text.plain_text)."""
    value = plain_text(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def municipality_cells(r: dict) -> list[str]:
    """The row's kommune and kommunenummer cells (blank for a row the engine refused)."""
    return [_cell(r.get("municipality") or ""), r.get("municipality_number") or ""]


def export_csv(result: dict) -> str:
    """The queue as CSV for Norwegian Excel: UTF-8 with BOM, semicolons, CRLF, dates DD.MM.ÅÅÅÅ;
    the input columns as given, then rank, status, rule, deadlines, projected date, flags."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    cols = list(result.get("columns") or [])
    w.writerow([_cell(c) for c in cols] + list(EXPORT_COLUMNS) + list(MUNICIPALITY_COLUMNS))
    for r in result.get("rows") or []:
        cells = [(r["cells"][i] if i < len(r["cells"]) else "") for i in range(len(cols))]
        dl = {d["id"]: d["date"] for d in r.get("deadlines") or []}
        misses = r.get("misses")
        w.writerow([_cell(c) for c in cells] + [
            str(r["rank"] or ""),
            status_text(r),
            _cell((r.get("rule") or {}).get("text", "")),
            nb_date(r.get("guidance_by")),
            ("ja" if r.get("overdue") else "nei") if r.get("guidance_by") else "",
            nb_date(dl.get("programme_start_by")),
            nb_date(dl.get("book_by")),
            nb_date(dl.get("note_by")),
            nb_date(r.get("projected")),
            _cell((r.get("placement") or {}).get("text", "")),
            "" if misses is None else ("nei" if misses else "ja"),
            _cell(" | ".join(f"{e['column']}: {e['message']}" if e.get("column") else e["message"] for e in r.get("errors") or [])),
        ] + municipality_cells(r))
    return "\ufeff" + buf.getvalue()
