"""Spreadsheet files for the queue tests, written the way spreadsheets write them."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from tests.helpers.engine_helpers import MUNICIPALITY_IN

COLUMNS = ["label", "county", "municipality", "participant_ref", "permit_group", "permit_date", "arrival_date", "age_at_permit",
           "settlement_date", "settled_by_agreement", "in_introduction_programme", "interpreter_needed",
           "interpreter_language", "wants_adviser_present", "competence_mapping_done", "individual_plan_exists",
           "norwegian_plan_exists", "practical_needs", "planned_session_date", "sector_hit_by_crisis"]

ON = "2026-11-23"


def person(label: str, settled: date, county: str = "more-og-romsdal", **extra) -> dict:
    """A refugee settled by agreement on ``settled`` (permit two months before), all booleans answered."""
    row = {
        "label": label, "county": county, "municipality": MUNICIPALITY_IN.get(county, "Molde"), "participant_ref": label,
        "permit_group": "refugee", "permit_date": settled - timedelta(days=60), "age_at_permit": 30,
        "settlement_date": settled, "settled_by_agreement": True, "in_introduction_programme": True,
        "interpreter_needed": False, "wants_adviser_present": False, "competence_mapping_done": True,
        "individual_plan_exists": True, "norwegian_plan_exists": True,
    }
    row.update(extra)
    return row


def sheet(rows: list[dict], delimiter: str = ";", bom: bool = True, nb_dates: bool = True, yes_no=("ja", "nei"),
          columns: list[str] | None = None, crlf: bool = True) -> str:
    """CSV text: Norwegian Excel's defaults (BOM, semicolons, CRLF, DD.MM.YYYY, ja/nei) unless told otherwise."""
    cols = columns or COLUMNS
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    w.writerow(cols)

    def cell(v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return yes_no[0] if v else yes_no[1]
        if isinstance(v, date):
            return f"{v.day:02d}.{v.month:02d}.{v.year}" if nb_dates else v.isoformat()
        return str(v)

    for r in rows:
        w.writerow([cell(r.get(c)) for c in cols])
    return ("\ufeff" if bom else "") + buf.getvalue()


def excel_sheet_with_bad_row() -> str:
    """Six participants in Møre og Romsdal as Norwegian Excel writes them, row 5 with an impossible date."""
    rows = [
        person("P-sen", date(2026, 10, 20)),
        person("P-passert", date(2026, 8, 3)),
        person("P-tidlig", date(2026, 9, 9)),
        person("P-feil", date(2026, 9, 15)),
        person("P-tolk", date(2026, 9, 16), interpreter_needed=True, interpreter_language="tigrinja"),
        person("P-arbeid", date(2026, 9, 10), permit_group="other"),
    ]
    text = sheet(rows)
    return text.replace("P-feil;more-og-romsdal;Molde;P-feil;refugee;17.07.2026", "P-feil;more-og-romsdal;Molde;P-feil;refugee;31.06.2026")


# A centre's own list: Norwegian headings as an adviser writes them, Norwegian values.
NB_HEADINGS = {"label": "Deltaker", "county": "Fylke", "municipality": "Kommune", "participant_ref": "Saksnummer",
               "permit_group": "Oppholdsgrunnlag", "permit_date": "Dato for oppholdstillatelse", "age_at_permit": "Alder",
               "settlement_date": "BOSETTINGSDATO", "settled_by_agreement": "Bosatt etter avtale?",
               "interpreter_needed": "Tolk", "interpreter_language": "Tolkespråk", "planned_session_date": "Avtalt time",
               "family_reference_recent": "Referanseperson under fem år"}
NB_PERMIT = {"refugee": "flyktning", "resettlement": "Overføringsflyktning", "family": "familie", "collective": "kollektiv",
             "other": "annet"}
RANKING = ["county", "municipality", "participant_ref", "permit_group", "permit_date", "age_at_permit", "settlement_date",
           "settled_by_agreement"]


def norwegian_sheet(rows: list[dict], fields: list[str] | None = None, yes_no=("j", "n")) -> str:
    """``rows`` (as ``person`` makes them) with Norwegian headings and words: county by name, permit
    group by its short form, j/n; by default only the columns ranking needs."""
    fields = fields or RANKING
    names = {"more-og-romsdal": "Møre og Romsdal", "trondelag": "Trøndelag", "oslo": "Oslo", "vestfold": "Vestfold"}
    out = []
    for r in rows:
        nb = dict(r)
        nb["county"] = names.get(r.get("county"), r.get("county"))
        nb["permit_group"] = NB_PERMIT.get(r.get("permit_group"), r.get("permit_group"))
        out.append(nb)
    text = sheet(out, columns=fields, yes_no=yes_no)
    head, rest = text.lstrip("\ufeff").split("\r\n", 1)
    return "\ufeff" + ";".join(NB_HEADINGS[f] for f in fields) + "\r\n" + rest


def centre_sheet_40() -> str:
    """A Vestfold centre's list of 40 as the municipalities send it: Norwegian headings and words,
    only the ranking columns plus interpreter language; row 7 has an unknown permit group, row 12
    an impossible date, and rows 20 and 31 the same reference (AB-20, ab-20)."""
    rows = []
    for i in range(40):
        group = ("refugee", "resettlement", "family", "refugee")[i % 4]
        extra = {"family_reference_recent": True} if group == "family" else {}
        rows.append(person(f"V{i + 2}", date(2026, 8, 1) + timedelta(days=2 * i), county="vestfold", municipality="Tønsberg",
                           permit_group=group, interpreter_language="tigrinja" if i % 5 == 0 else None, **extra))
    rows[18]["participant_ref"], rows[29]["participant_ref"] = "AB-20", "ab-20"
    fields = ["label"] + RANKING + ["family_reference_recent", "interpreter_language"]
    text = norwegian_sheet(rows, fields=fields, yes_no=("x", "nei"))
    head, *body = text.lstrip("\ufeff").split("\r\n")
    for n, field, value in ((7, "permit_group", "asyl"), (12, "settlement_date", "31.02.2026")):
        cells = body[n - 2].split(";")
        cells[fields.index(field)] = value
        body[n - 2] = ";".join(cells)
    return "\ufeff" + "\r\n".join([head] + body)
