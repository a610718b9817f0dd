"""The referral queue: reading spreadsheet CSV, row errors, ranking, capacity projection, export, CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hypothesis import HealthCheck, given, settings

from guide_engine import api, bridge, queue
from tests.helpers.strategies import plausible_case
from tests.helpers.queue_sheets import COLUMNS, ON, RANKING, excel_sheet_with_bad_row, person, sheet

ROOT = Path(__file__).resolve().parents[2]


def ranked_labels(result: dict) -> list[str]:
    return [r["label"] for r in result["rows"] if r["rank"]]


THREE = [person("C", date(2026, 10, 20)), person("A", date(2026, 8, 3)), person("B", date(2026, 9, 1))]


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("nb_dates", [True, False])
def test_reads_every_spreadsheet_dialect(delimiter, bom, nb_dates):
    """Comma, semicolon or tab; with or without BOM; DD.MM.YYYY or ISO dates: the same queue."""
    r = queue.evaluate(sheet(THREE, delimiter=delimiter, bom=bom, nb_dates=nb_dates), ON)
    assert r["errors"] == [] and r["row_errors"] == []
    assert ranked_labels(r) == ["A", "B", "C"]
    assert r["columns"][0] == "label"  # the BOM is not part of the first column name
    assert [x["guidance_by"] for x in r["rows"]] == ["2026-10-23", "2026-11-20", "2027-01-11"]  # the note (5 working days) fits before the vedtak


@pytest.mark.parametrize("yes_no", [("ja", "nei"), ("Ja", "Nei"), ("JA", "NEI"), ("true", "false")])
def test_yes_no_in_any_case(yes_no):
    r = queue.evaluate(sheet(THREE, yes_no=yes_no), ON)
    assert r["row_errors"] == [] and len(ranked_labels(r)) == 3


def test_bad_row_is_listed_with_row_number_field_and_message_and_the_rest_go_on():
    """Row 5 (the spreadsheet's numbering, header = row 1) has 31.06.2026; the others are ranked."""
    r = queue.evaluate(excel_sheet_with_bad_row(), ON)
    assert [(e["row"], e["field"], e["column"]) for e in r["row_errors"]] == [(5, "permit_date", "permit_date")]
    assert r["row_errors"][0]["message"] == f"«31.06.2026» er ikke en dato. {queue.DATE_MESSAGE}"
    bad = [x for x in r["rows"] if x["status"] == "error"]
    assert [x["row"] for x in bad] == [5] and bad[0]["rank"] is None
    assert r["counts"] == {"rows": 6, "ranked": 4, "errors": 1, "not_covered": 1, "declined": 0, "unclear": 0}
    assert len(r["rows"]) == 6  # nothing dropped


def test_engine_messages_reach_the_row():
    """A missing required answer and a fødselsnummer in the reference come back as row errors."""
    rows = [person("A", date(2026, 9, 1), settled_by_agreement=None), person("B", date(2026, 9, 1), participant_ref="01019900041")]
    r = queue.evaluate(sheet(rows), ON)
    by_row = {(e["row"], e["field"]) for e in r["row_errors"]}
    assert (2, "settled_by_agreement") in by_row and (3, "participant_ref") in by_row
    assert all(e["message"] and "Traceback" not in e["message"] for e in r["row_errors"])


def test_blank_cells_and_blank_lines():
    """Blank optional cells are skipped answers; wholly blank lines (Excel's ;;;;) are not rows."""
    text = sheet(THREE) + ";" * (len(COLUMNS) - 1) + "\r\n\r\n"
    r = queue.evaluate(text, ON)
    assert r["counts"]["rows"] == 3 and r["row_errors"] == []


def test_county_by_name_and_unknown_columns():
    rows = [person("A", date(2026, 9, 1), county="Møre og Romsdal")]
    text = sheet(rows, columns=COLUMNS + ["merknad"])
    r = queue.evaluate(text, ON)
    assert r["row_errors"] == [] and r["rows"][0]["county"] == "more-og-romsdal"
    assert any("merknad" in w for w in r["warnings"])


@pytest.mark.parametrize("text, message", [
    ("", "tom"),
    ("navn;merknad\r\nOla;3\r\n", "Fant ingen kjente kolonner"),
])
def test_unusable_files_say_why(text, message):
    r = queue.evaluate(text, ON)
    assert not r["ok"] and message in r["errors"][0]["message"] and r["rows"] == []


def test_two_thousand_rows_but_not_more():
    base = sheet([person(f"R{i}", date(2026, 9, 1 + i % 28)) for i in range(2000)])
    r = queue.evaluate(base, ON)
    assert r["counts"]["rows"] == 2000 and r["counts"]["ranked"] == 2000 and r["row_errors"] == []
    assert [x["rank"] for x in r["rows"]] == list(range(1, 2001))
    too_many = base + base.split("\r\n", 1)[1].split("\r\n", 1)[0] + "\r\n"
    r = queue.evaluate(too_many, ON)
    assert not r["ok"] and "2001" in r["errors"][0]["message"] and "2000" in r["errors"][0]["message"]


def test_bad_reference_date_and_capacity():
    assert queue.evaluate(sheet(THREE), "23.13.2026")["errors"][0]["field"] == "on"
    r = queue.evaluate(sheet(THREE), ON, "mange")
    assert [e["field"] for e in r["errors"]] == ["capacity"] and r["capacity"] is None
    r = queue.evaluate(sheet(THREE), ON, 2, "i morgen")
    assert [e["field"] for e in r["errors"]] == ["from"]


def test_every_row_names_the_rule_and_its_basis():
    r = queue.evaluate(excel_sheet_with_bad_row(), ON)
    rules = {x["label"]: x["rule"] for x in r["rows"] if x["status"] != "error"}
    assert rules["P-passert"]["id"] == "overdue" and "23. oktober 2026" in rules["P-passert"]["text"]
    assert rules["P-tidlig"]["id"] == "deadline"
    assert rules["P-arbeid"]["id"] == "not_covered"
    for rule in rules.values():
        assert rule["basis"] and all(isinstance(b, str) and b for b in rule["basis"])
        assert rule["references"]


def trondelag_2020(n_hit: int, n_other: int) -> str:
    rows = [person(f"T{i}", date(2020, 8, 1), county="trondelag", permit_date=date(2020, 6, 1), arrival_date=date(2020, 3, 1),
                   sector_hit_by_crisis=(i % 2 == 1)) for i in range(n_hit + n_other)]
    return sheet(rows)


def test_county_criteria_order_where_the_source_sets_them():
    """Trøndelag, autumn 2020: the letter's criterion (a sector hit by the crisis) goes first."""
    r = queue.evaluate(trondelag_2020(2, 2), "2020-10-15")
    assert r["row_errors"] == []
    order = ranked_labels(r)
    assert order == ["T1", "T3", "T0", "T2"]
    top = r["rows"][0]["rule"]
    assert top["id"] == "county_criteria" and "trondelag-status-koronalov-2020.txt" in top["sources"]
    assert any("bransje" in b for b in top["basis"])
    # The same people on a date the letter no longer covers: no county criteria, file order.
    later = queue.evaluate(trondelag_2020(2, 2), "2021-09-01")
    assert all(x["rule"]["id"] != "county_criteria" for x in later["rows"])


# --- capacity -------------------------------------------------------------------------------------


def test_capacity_projection_counts_misses():
    """One session a week from 23.11.2026: slots 23.11, 30.11, 7.12 … each checked against the row's date."""
    rows = [person(f"P{i}", date(2026, 9, 9)) for i in range(4)] + [person("Q", date(2026, 10, 20))]
    r = queue.evaluate(sheet(rows), ON, 1, "23.11.2026")
    cap = r["capacity"]
    got = [(x["label"], x["projected"], x["misses"]) for x in r["rows"]]
    # guidance_by for settlement 9.9.2026 is 30.11.2026 (start 9.12, vedtak 8.12, note in by 7.12, five working days
    # for the note): the first two slots make it, the next two do not.
    assert got[:4] == [("P0", "2026-11-23", False), ("P1", "2026-11-30", False), ("P2", "2026-12-07", True), ("P3", "2026-12-14", True)]
    assert got[4] == ("Q", "2026-12-21", False)
    assert cap["summary"] == "Med 1 samtale i uka rekker 3 av 5 fristen; 2 trenger tidligere time."
    # Three a week: 23, 24 and 26 November, then 30 November for the fourth: all meet 30.11.
    assert cap["needed_per_week"] == 3
    assert queue.evaluate(sheet(rows), ON, 2, ON)["capacity"]["missed"] > 0
    again = queue.evaluate(sheet(rows), ON, cap["needed_per_week"], "2026-11-23")["capacity"]
    assert again["missed"] == 0 and again["met"] == 5


def test_projected_sessions_are_working_days_spread_over_the_week():
    rows = [person(f"P{i}", date(2026, 10, 1)) for i in range(12)]
    r = queue.evaluate(sheet(rows), ON, 6, "2026-12-21")  # Christmas week: 25 and 26 December are holidays
    from guide_engine.workdays import is_working_day
    days = [date.fromisoformat(x["projected"]) for x in r["rows"]]
    assert all(is_working_day(d) for d in days)
    assert days == sorted(days) and len({d for d in days[:6]}) >= 3


# --- export -----------------------------------------------------------------------------------------


def test_export_opens_in_norwegian_excel_and_reads_back():
    """UTF-8 BOM, semicolons, CRLF, DD.MM.YYYY; the input columns as given, then rank, status, rule …"""
    r = queue.evaluate(excel_sheet_with_bad_row(), ON, 1, ON)
    data = queue.export_csv(r)
    assert data.startswith("\ufeff") and "\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data[1:], newline=""), delimiter=";"))
    assert list(rows[0])[: len(COLUMNS)] == COLUMNS and list(rows[0])[len(COLUMNS):] == list(queue.EXPORT_COLUMNS) + list(queue.MUNICIPALITY_COLUMNS)
    assert [x["label"] for x in rows] == [x["label"] for x in r["rows"]]
    first = rows[0]
    assert first["rang"] == "1" and first["siste_dag_veiledning"] == "23.10.2026" and first["frist_passert"] == "ja"
    assert first["time_i_planen"] == "23.11.2026" and first["rekker_fristen"] == "nei"
    bad = next(x for x in rows if x["status"] == "feil")
    assert bad["permit_date"] == "31.06.2026" and "permit_date" in bad["feil"]
    # The export is itself a valid queue file: the same order comes back.
    again = queue.evaluate(data, ON)
    assert ranked_labels(again) == ranked_labels(r)


def test_export_neutralises_formulas():
    rows = [person("=HYPERLINK(\"x\")", date(2026, 9, 1))]
    data = queue.export_csv(queue.evaluate(sheet(rows), ON))
    assert "'=HYPERLINK" in data and "\n=HYPERLINK" not in data


def test_template_is_the_published_file_and_evaluates():
    published = (ROOT / "docs" / "prioritering" / "mal.csv").read_bytes().decode("utf-8")
    assert published == queue.template_csv()
    r = queue.evaluate(published, "2026-10-20")
    assert r["row_errors"] == [] and r["counts"]["ranked"] == 2
    assert r["columns"] == queue.template_columns()


# --- bridge and CLI -----------------------------------------------------------------------------------


def test_bridge_queue_op_answers_in_one_message():
    import json
    reply = json.loads(bridge.handle(json.dumps({"op": "queue", "csv": excel_sheet_with_bad_row(), "on": ON, "per_week": "2"})))
    assert reply["ok"]
    res = reply["result"]
    assert res["counts"]["rows"] == 6 and res["capacity"]["per_week"] == 2
    assert "cells" not in res["rows"][0]  # the page gets what it shows
    files = json.loads(bridge.handle(json.dumps({"op": "queue_files", "csv": excel_sheet_with_bad_row(), "on": ON, "per_week": "2"})))["result"]
    assert files["export_csv"].startswith("\ufeff") and files["ics"].startswith("BEGIN:VCALENDAR")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plausible_case())
def test_the_queue_reads_the_same_decisions_as_the_guide(args):
    """The brief result the queue uses has the guide's eligibility, deadlines, priority and errors."""
    full = api.evaluate(args["case"], args["on"])
    brief = queue.engine_result(args["case"], args["on"])
    for key in ("ok", "errors", "eligibility", "deadlines", "deadline_notes", "priority", "county", "path"):
        assert brief[key] == full[key], key


def test_warm_up_op():
    import json
    reply = json.loads(bridge.handle(json.dumps({"op": "queue_warm", "rows": 40})))
    assert reply == {"ok": True, "result": {"rows": 40}}


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "guide_engine", *args], capture_output=True, input=stdin, cwd=ROOT)


def test_cli_prints_the_ranked_list_and_writes_the_export(tmp_path):
    src = tmp_path / "koe.csv"
    src.write_bytes(excel_sheet_with_bad_row().encode("utf-8"))
    out = tmp_path / "ut.csv"
    p = run("queue", str(src), "--on", ON, "--capacity", "1/week", "--from", "23.11.2026", "--csv", str(out))
    text = p.stdout.decode()
    assert p.returncode == 1  # one row has errors
    lines = [ln for ln in text.splitlines() if ln.strip()[:1].isdigit()]
    assert "P-passert" in lines[0] and "P-tidlig" in lines[1]
    assert "Med 1 samtale i uka rekker" in text and "Rad 5, kolonne «permit_date»:" in text
    assert "Passerte først:" in text and "Flest mulig i tide:" in text
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_unreadable_file_exit_2(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\xff\xfe\x00l")
    p = run("queue", str(bad), "--on", ON)
    assert p.returncode == 2 and b"Traceback" not in p.stderr and "Fant ingen kjente kolonner" in p.stderr.decode()


def test_cli_reads_utf16_and_windows_1252_with_a_note(tmp_path):
    """Excel's «Unicode-tekst» (UTF-16) and older Excel's Windows-1252 are read, with a note on stderr."""
    for encoding, note in (("utf-16", "UTF-16"), ("cp1252", "Windows-1252")):
        src = tmp_path / f"{encoding}.csv"
        src.write_bytes(excel_sheet_with_bad_row().lstrip("\ufeff").replace("Molde", "Ålesund").encode(encoding))
        p = run("queue", str(src), "--on", ON)
        assert p.returncode == 1 and note in p.stderr.decode() and "P-passert" in p.stdout.decode()
    p = run("queue", "-", "--on", ON, stdin=b"")
    assert p.returncode == 2 and "tom" in p.stderr.decode()


# Finding 2 and 3 of issue 20: the queue renders the engine's decision — a declined participant is
# listed, never ranked; a row whose eligibility is "uavklart" says so on the page, in the CLI and in the CSV.
DECLINE_COLUMNS = COLUMNS + ["wants_guidance"]


def _collective(label: str, wants: bool) -> dict:
    return person(label, date(2026, 4, 1), permit_group="collective", permit_date=date(2025, 8, 1), wants_guidance=wants)


@pytest.mark.parametrize("on, unclear", [("2026-05-01", False), (ON, True)], ids=["chapter 6A settled", "chapter 6A uavklart"])
def test_a_declined_participant_is_listed_not_ranked(on, unclear):
    text = sheet([person("A", date(2026, 4, 1)), _collective("NEI", False)], columns=DECLINE_COLUMNS)
    r = queue.evaluate(text, on, "2")
    row = next(x for x in r["rows"] if x["label"] == "NEI")
    assert r["row_errors"] == []
    assert (row["status"], row["rank"], row["projected"], row["unclear"]) == ("declined", None, None, unclear)
    assert row["rule"]["id"] == "declined" and "ønsker ikke" in row["rule"]["text"]
    assert r["counts"]["ranked"] == 1 and r["counts"]["declined"] == 1
    status = {line.split(";")[0]: line.split(";")[len(DECLINE_COLUMNS) + 1] for line in queue.export_csv(r).lstrip("\ufeff").splitlines()[1:]}
    assert status["NEI"] == "ønsker ikke veiledning" + (" (uavklart)" if unclear else "")
    assert "rangert" not in status["NEI"]
    page = json.loads(bridge.handle(json.dumps({"op": "queue", "csv": text, "on": on})))["result"]
    assert next(x for x in page["rows"] if x["label"] == "NEI")["status"] == "declined"


def test_an_unclear_row_is_marked_on_the_page_in_the_cli_and_in_the_csv(tmp_path):
    text = sheet([person("A", date(2026, 9, 1)), _collective("U", True)], columns=DECLINE_COLUMNS)
    r = queue.evaluate(text, ON)
    rows = {x["label"]: x for x in r["rows"]}
    assert rows["U"]["status"] == "ranked" and rows["U"]["unclear"] is True and rows["A"]["unclear"] is False
    status = {line.split(";")[0]: line.split(";")[len(DECLINE_COLUMNS) + 1] for line in queue.export_csv(r).lstrip("\ufeff").splitlines()[1:]}
    assert status == {"A": "rangert", "U": "rangert (uavklart)"}
    page = json.loads(bridge.handle(json.dumps({"op": "queue", "csv": text, "on": ON})))["result"]
    assert {x["label"]: x["unclear"] for x in page["rows"]} == {"A": False, "U": True}
    f = tmp_path / "k.csv"
    f.write_text(text, encoding="utf-8")
    out = run("queue", str(f), "--on", ON).stdout.decode()
    assert [ln for ln in out.splitlines() if " U " in ln and "[uavklart]" in ln]
    assert not [ln for ln in out.splitlines() if " A " in ln and "[uavklart]" in ln]


# --- the municipality --------------------------------------------------------------------------------


def test_municipality_by_name_or_number_derives_the_county_and_fills_the_columns():
    """"1506", "Molde" and Excel's "301" (for 0301) resolve; the county follows; page rows and CSV carry Kommune and Kommunenummer."""
    rows = [person("A", date(2026, 9, 1), municipality="1506", county=None),
            person("B", date(2026, 9, 2), municipality="Steinkjer", county=None),
            person("C", date(2026, 9, 3), municipality="301", county="Oslo")]
    r = queue.evaluate(sheet(rows), ON)
    assert r["row_errors"] == []
    got = {x["label"]: (x["municipality"], x["municipality_number"], x["county"]) for x in r["rows"]}
    assert got == {"A": ("Molde", "1506", "more-og-romsdal"), "B": ("Steinkjer", "5006", "trondelag"), "C": ("Oslo", "0301", "oslo")}
    page = queue.for_page(r)["rows"][0]
    assert page["municipality"] and page["municipality_number"]
    out = list(csv.DictReader(io.StringIO(queue.export_csv(r)[1:], newline=""), delimiter=";"))
    assert {x["label"]: (x["kommune"], x["kommunenummer"]) for x in out} == {k: v[:2] for k, v in got.items()}


def test_a_county_that_disagrees_with_the_municipality_is_a_row_error():
    """"Oslo" under Møre og Romsdal is refused with a message naming both; the other rows go on."""
    rows = [person("A", date(2026, 9, 1)), person("B", date(2026, 9, 2), municipality="Oslo")]
    r = queue.evaluate(sheet(rows), ON)
    assert [e["row"] for e in r["row_errors"]] == [3]
    e = r["row_errors"][0]
    assert e["field"] == "municipality" and "Oslo" in e["message"] and "Møre og Romsdal" in e["message"]
    assert ranked_labels(r) == ["A"]
    assert next(x for x in r["rows"] if x["label"] == "B")["municipality"] is None


@pytest.mark.parametrize("cell, expected", [("1506", "1506"), ("1506,0", "1506"), ("301", "0301"), ("301.0", "0301"), ("Molde", "Molde"), ("1506 Molde", "1506 Molde")])
def test_municipality_cell(cell, expected):
    """A number a spreadsheet wrote as a decimal or without its leading zero is the kommunenummer."""
    assert queue.columns.municipality_cell(cell) == expected


def test_a_personal_number_in_a_column_the_queue_does_not_read_is_reported_with_its_column():
    """An «fnr» or «navn» column holding a fødselsnummer (any shape) is a row error naming that column, not a silent removal."""
    rows = [person("A", date(2026, 9, 1), fnr="01.01.1999 12345", navn="Ola"), person("B", date(2026, 9, 2), fnr="", navn="Kari")]
    r = queue.evaluate(sheet(rows, columns=RANKING + ["label", "navn", "fnr"]), ON)
    errors = [e for e in r["row_errors"] if e["field"] == "_cell"]
    assert [(e["row"], e["column"]) for e in errors] == [(2, "fnr")] and "fødselsnummer" in errors[0]["message"]
    assert ranked_labels(r) == ["B"]
    assert "12345" not in queue.export_csv(r) and "12345" not in json.dumps(queue.for_page(r))


def test_only_cleaned_text_reaches_the_page():
    """Headings with control characters or a personal number, and a refused reference, never reach the page's data raw."""
    rows = [person("A", date(2026, 9, 1), participant_ref="AB\u202e12"), person("B", date(2026, 9, 2))]
    text = sheet(rows, columns=RANKING + ["Mer\u200binfo", "Notat 010199 12368"])
    page = queue.for_page(queue.evaluate(text, ON))
    data = json.dumps(page, ensure_ascii=False)
    assert "\u202e" not in data and "\u200b" not in data and "12368" not in data
    bad = next(x for x in page["rows"] if x["row"] == 2)
    assert bad["status"] == "error" and bad["label"] == "Rad 2"
