"""The command line: `counties` and `evaluate CASE.json [--on]`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide_engine.__main__ import main
from guide_engine.counties import all_counties

CASES = Path(__file__).resolve().parents[1] / "cases"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "guide_engine", *args], capture_output=True, text=True, input=stdin,
                          cwd=Path(__file__).resolve().parents[2])


def test_counties_lists_ids(capsys):
    """`counties` prints every county id; with --on only those existing on that date."""
    assert main(["counties"]) == 0
    ids = capsys.readouterr().out.split()
    assert ids == list(all_counties()) and "more-og-romsdal" in ids
    assert main(["counties", "--on", "2026-11-23"]) == 0
    today = capsys.readouterr().out.split()
    assert set(today) <= set(ids)
    if "viken" in ids:
        assert "viken" not in today


def test_evaluate_prints_json_result():
    """`evaluate` prints the result as JSON, using the case's own "on" date."""
    p = run("evaluate", str(CASES / "more-og-romsdal-flyktning.json"))
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["on"] == "2026-11-23" and r["eligibility"]["status"] == "right_and_duty"
    assert {d["id"] for d in r["deadlines"]} >= {"guidance_by", "book_by", "note_by"}


def test_on_flag_overrides_the_case():
    """--on overrides the case's date."""
    r = json.loads(run("evaluate", str(CASES / "more-og-romsdal-flyktning.json"), "--on", "2027-01-15").stdout)
    assert r["on"] == "2027-01-15"
    assert next(d for d in r["deadlines"] if d["id"] == "guidance_by")["overdue"] is True


def test_invalid_case_gives_errors_and_exit_1():
    """An impossible case prints Norwegian errors per field and exits with 1, without a traceback."""
    p = run("evaluate", str(CASES / "ugyldig.json"), "--on", "2026-11-23")
    assert p.returncode == 1 and "Traceback" not in p.stderr
    fields = [e["field"] for e in json.loads(p.stdout)["errors"]]
    assert "county" in fields and "age_at_permit" in fields


def test_unreadable_case_exit_2():
    """A file that is not JSON gives exit 2 and a message, not a traceback."""
    p = run("evaluate", "-", stdin="{ikke json")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert json.loads(p.stdout)["errors"][0]["field"] == "_case"


def test_checklist_and_referral_text():
    """--checklist and --referral print the text forms."""
    c = run("evaluate", str(CASES / "more-og-romsdal-flyktning.json"), "--checklist").stdout
    assert c.startswith("1. Kommunen:") and "Frist:" in c
    r = run("evaluate", str(CASES / "more-og-romsdal-flyktning.json"), "--referral").stdout
    assert r.startswith("Til: karrieremr@mrfylke.no") and "Emne:" in r


def test_deeply_nested_json_exit_2():
    """JSON nested too deeply for the parser gives a Norwegian message on _case and exit 2, no traceback."""
    p = run("evaluate", "-", stdin="[" * 100_000 + "]" * 100_000)
    assert p.returncode == 2 and "Traceback" not in p.stderr and p.stderr == ""
    err = json.loads(p.stdout)["errors"][0]
    assert err["field"] == "_case" and "for dypt nestet" in err["message"]


@pytest.mark.parametrize("stdin,fragment", [("{ikke json", "ikke gyldig JSON (feil på linje 1"), (None, "finner ikke filen")])
def test_unreadable_case_messages_are_fixed_sentences(stdin, fragment):
    """An unreadable case file is described in Norwegian, without Python's own error text."""
    p = run("evaluate", "-", stdin=stdin) if stdin is not None else run("evaluate", "finnes-ikke.json")
    message = json.loads(p.stdout)["errors"][0]["message"]
    assert p.returncode == 2 and fragment in message
    assert "Errno" not in message and "Expecting" not in message and "char" not in message


@pytest.mark.parametrize("flag,what", [("--checklist", "sjekkliste"), ("--referral", "henvisning")])
def test_text_forms_of_an_invalid_case_print_the_errors(flag, what):
    """--checklist/--referral on an invalid case print every error (Norwegian) on stderr and exit 1."""
    p = run("evaluate", str(CASES / "ugyldig.json"), "--on", "2026-11-23", flag)
    assert p.returncode == 1 and p.stdout == "" and "Traceback" not in p.stderr
    assert f"ikke laget noen {what}" in p.stderr
    assert "- county: Ukjent fylke" in p.stderr and "- age_at_permit:" in p.stderr


@pytest.mark.parametrize("stdin,fragment", [(None, "finner ikke filen"), (b"county;municipality\n\xff\xfe;x\n", "Windows-1252")])
def test_queue_unreadable_file_is_a_fixed_sentence(stdin, fragment):
    """`queue` on a missing file says so in Norwegian (exit 2), a non-UTF-8 one is read with a note, without Python's error text."""
    args = [sys.executable, "-m", "guide_engine", "queue", "finnes-ikke.csv" if stdin is None else "-", "--on", "2026-11-23"]
    p = subprocess.run(args, capture_output=True, input=stdin, cwd=Path(__file__).resolve().parents[2])
    err = p.stderr.decode("utf-8")
    assert p.returncode == 2 and fragment in err  # the second: read, but no participant rows
    assert "Errno" not in err and "codec" not in err and "Traceback" not in err


def _queue_file(tmp_path: Path) -> Path:
    from tests.helpers.queue_sheets import excel_sheet_with_bad_row

    f = tmp_path / "ko.csv"
    f.write_text(excel_sheet_with_bad_row(), encoding="utf-8")
    return f


@pytest.mark.parametrize("target,fragment", [("DIR", "det er en mappe"), ("DIR/finnes-ikke/ko.csv", "finner ikke mappen")])
def test_queue_output_that_cannot_be_written_is_a_sentence(tmp_path, target, fragment):
    """`queue --csv` to a folder or a missing folder says so in Norwegian (exit 2), without a traceback."""
    out = target.replace("DIR", str(tmp_path))
    p = run("queue", str(_queue_file(tmp_path)), "--on", "2026-11-23", "--csv", out)
    assert p.returncode == 2 and fragment in p.stderr and "Traceback" not in p.stderr


def test_queue_ics_without_capacity_is_refused(tmp_path):
    """`queue --ics` without `--capacity` would write an empty calendar: it is refused (exit 2) and writes nothing."""
    out = tmp_path / "timer.ics"
    p = run("queue", str(_queue_file(tmp_path)), "--on", "2026-11-23", "--ics", str(out))
    assert p.returncode == 2 and "--capacity" in p.stderr and not out.exists()
    ok = run("queue", str(_queue_file(tmp_path)), "--on", "2026-11-23", "--capacity", "3", "--ics", str(out))
    assert "BEGIN:VEVENT" in out.read_text(encoding="utf-8"), ok.stderr


def test_non_utf8_locale_gets_utf8_not_a_traceback():
    """With an ASCII-only locale the CLI still prints Norwegian letters (as UTF-8) and exits 0."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    p = subprocess.run([sys.executable, "-m", "guide_engine", "ages", "--on", "2026-11-23"], capture_output=True, env=env,
                       cwd=Path(__file__).resolve().parents[2])
    assert p.returncode == 0 and b"Traceback" not in p.stderr
    assert "Møre og Romsdal" in p.stdout.decode("utf-8")


def test_closed_stdout_is_an_exit_status_not_a_traceback():
    """A reader that has gone away (`| head`) ends the CLI with status 3 and one Norwegian line."""
    p = subprocess.Popen([sys.executable, "-m", "guide_engine", "evaluate", str(CASES / "more-og-romsdal-flyktning.json")],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])
    p.stdout.close()
    err = p.stderr.read().decode("utf-8")
    assert p.wait() == 3 and "Traceback" not in err and "standard utdata er lukket" in err


def test_municipalities_json_on_a_date():
    """`municipalities --on --json`: 356 objects in 2022, 357 in 2024, each with number, name, county, valid_from, valid_to."""
    p = run("municipalities", "--on", "2022-06-01", "--json")
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    assert len(rows) == 356 and {"number", "name", "county", "valid_from", "valid_to"} <= set(rows[0])
    jevnaker = next(r for r in rows if r["name"] == "Jevnaker")
    assert jevnaker["county"] == "viken" and jevnaker["valid_to"] == "2023-12-31"
    later = json.loads(run("municipalities", "--on", "2024-06-01", "--json").stdout)
    assert len(later) == 357 and next(r for r in later if r["name"] == "Jevnaker")["county"] == "akershus"


def test_municipalities_of_a_county_as_text(capsys):
    """`--county` keeps one county's rows; the text lists number, name and county; a bad county or date exits 2."""
    assert main(["municipalities", "--on", "2026-11-23", "--county", "more-og-romsdal"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(ln.startswith("1506  Molde") for ln in lines) and all("more-og-romsdal" in ln for ln in lines)
    assert not any(" Oslo " in ln for ln in lines)
    assert main(["municipalities", "--county", "atlantis"]) == 2
    assert main(["municipalities", "--on", "2026-13-01"]) == 2
    assert "atlantis" in capsys.readouterr().err


def test_evaluate_takes_a_municipality_by_number_and_refuses_a_wrong_county():
    """The case's municipality "1506" gives Møre og Romsdal; "Oslo" with county more-og-romsdal exits 1 naming both."""
    case = json.loads((CASES / "more-og-romsdal-flyktning.json").read_text(encoding="utf-8"))
    case.pop("county")
    r = json.loads(run("evaluate", "-", stdin=json.dumps({**case, "municipality": "1506"})).stdout)
    assert r["ok"] and r["county"]["id"] == "more-og-romsdal" and r["municipality"]["name"] == "Molde"
    p = run("evaluate", "-", "--referral", stdin=json.dumps({**case, "municipality": "Oslo", "county": "more-og-romsdal"}))
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert "municipality:" in p.stderr and "Oslo" in p.stderr and "Møre og Romsdal" in p.stderr
