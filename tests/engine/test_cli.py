"""The command line: `counties` and `evaluate CASE.json [--on]`."""

from __future__ import annotations

import json
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
