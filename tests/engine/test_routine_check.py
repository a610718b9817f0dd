"""`routine check`: a submitted county file checked as the build checks it, and what it would change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guide_engine import data_loader, routine_check
from guide_engine.__main__ import main

COUNTIES = Path(data_loader.files.package_data_dir()) / "counties"
FILES = sorted(p.name for p in COUNTIES.glob("*.toml"))
LATER = date(2099, 1, 1)  # a build date after every verified and search date in the data

NEW_ROUTINE = '''
[routine]
title = "Rutine for karriereveiledning etter integreringsloven"
source = "akershus-rutine-2026"
valid_from = "2026-11-01"

[[facts.interpreter_orders]]
value = "county"
text = "Karrieresenteret bestiller tolk."
source = "akershus-rutine-2026"
verified = "2026-12-07"

[[facts.booking_mailbox]]
value = "karriere@afk.no"
text = "Henvisninger sendes til karriere@afk.no."
source = "akershus-rutine-2026"
verified = "2026-12-07"

[sources."akershus-rutine-2026"]
title = "Rutine for karriereveiledning etter integreringsloven"
publisher = "Akershus fylkeskommune"
kind = "rutine"
as_of = "2026-11"
'''


def text_of(name: str) -> str:
    return (COUNTIES / name).read_text(encoding="utf-8")


def akershus_with_routine() -> str:
    """Akershus (no routine today) with a routine, its facts, the document it rests on and its mail domain."""
    text = text_of("akershus.toml")
    assert "email_domains = []" in text
    return text.replace("email_domains = []", 'email_domains = ["afk.no"]') + NEW_ROUTINE


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", FILES)
def test_every_county_file_in_the_data_passes_unchanged(name, capsys, tmp_path):
    """Each county file of today's data is valid and changes nothing (exit 0)."""
    assert main(["routine", "check", write(tmp_path, name, text_of(name)), "--on", LATER.isoformat()]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{name}: gyldig") and "Ingen endringer mot dagens data." in out, out


# (what is broken, the text replaced in more-og-romsdal.toml, the replacement, the key the message names)
IO = 'source = "more-og-romsdal-karriererettleiing.txt"\nverified = "2026-11-23"\nvalid_from = "2021-01-01"\nconfirmed_until = "2021-12-31"\nquote = "No i'
BROKEN = [
    ("an interpreter orderer the data does not know", 'value = "municipality"\ntext = "Kommunen bestiller tolk til',
     'value = "tolkesentralen"\ntext = "Kommunen bestiller tolk til', "facts.interpreter_orders[0].value"),
    ("a fact citing a source nobody registered", IO, IO.replace("more-og-romsdal-karriererettleiing.txt", "rykte.txt"),
     "facts.interpreter_orders[0].source"),
    ("a verified date after the build", IO, IO.replace("2026-11-23", "2100-01-01"), "facts.interpreter_orders[0].verified"),
    ("a booking mailbox with a person's name", 'value = "karrieremr@mrfylke.no"', 'value = "kari.nordmann@mrfylke.no"',
     "facts.booking_mailbox[0].value"),
]


@pytest.mark.parametrize("scenario, old, new, key", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_file_with_one_broken_fact_fails_naming_the_key(scenario, old, new, key, capsys, tmp_path):
    """A copy with one broken fact exits 1 with the build's message naming the file and the key."""
    text = text_of("more-og-romsdal.toml")
    assert text.count(old) == 1
    path = write(tmp_path, "more-og-romsdal.toml", text.replace(old, new))
    assert main(["routine", "check", path, "--on", LATER.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"more-og-romsdal.toml: {key}: " in err, err


def test_the_check_leaves_todays_data_as_it_was(tmp_path):
    """After a check of a changed file the loader reads the real data again."""
    before = data_loader.load_counties()["akershus"]
    report = routine_check.check(akershus_with_routine(), "akershus.toml", LATER)
    assert report.ok, report.error
    assert report.county.routine is not None and data_loader.load_counties()["akershus"] == before
    assert "akershus-rutine-2026" not in data_loader.load_sources()


def test_a_new_routine_lists_every_added_fact_and_its_source(capsys, tmp_path):
    """A routine for a county without one: the routine, each fact and the carried source are «Ny»."""
    path = write(tmp_path, "akershus.toml", akershus_with_routine())
    assert main(["routine", "check", path, "--on", LATER.isoformat()]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "- Ny: Rutinen (routine): «Rutine for karriereveiledning etter integreringsloven», kilde akershus-rutine-2026, fra 2026-11-01" in lines
    assert any(x.startswith("- Ny: Hvem bestiller tolk (facts.interpreter_orders): «Karrieresenteret bestiller tolk.»") for x in lines)
    assert any(x.startswith("- Ny: Kilde (sources.akershus-rutine-2026): «Rutine for karriereveiledning") for x in lines)
    assert not any(x.startswith("- Fjernet") for x in lines)


def test_changed_and_removed_facts_are_named_fact_by_fact():
    """A changed value, a changed period and a removed fact each get their own line, with their kind."""
    text = text_of("more-og-romsdal.toml")
    text = text.replace('value = "municipality"\ntext = "Kommunen bestiller tolk', 'value = "county"\ntext = "Kommunen bestiller tolk', 1)
    start = text.index("[[facts.participant_resources]]")
    text = text[:start] + text[text.index("[[contacts]]"):]
    report = routine_check.check(text, "more-og-romsdal.toml", LATER)
    assert report.ok, report.error
    kinds = {(c.kind, c.key) for c in report.changes}
    assert kinds == {("changed_value", "facts.interpreter_orders"), ("removed", "facts.participant_resources")}
    assert not report.confirmation_only


def test_a_confirmation_alone_is_reported_as_only_a_confirmation(capsys, tmp_path):
    """Today's file plus one [[confirmations]] entry: one «Bekreftelse» line and no fact changes."""
    extra = '\n[[confirmations]]\ndate = "2026-12-07"\nby = "Karriere Møre og Romsdal (karrieremr@mrfylke.no)"\ncovers = ["routine"]\n'
    path = write(tmp_path, "more-og-romsdal.toml", text_of("more-og-romsdal.toml") + extra)
    assert main(["routine", "check", path, "--on", LATER.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "- Bekreftelse: Bekreftet av fylket (confirmations): 2026-12-07 av Karriere Møre og Romsdal (karrieremr@mrfylke.no): rutinen slik siden viser den" in out
    assert out.rstrip().endswith("Bare en bekreftelse: ingen fakta endres.")


def test_a_file_saved_under_another_name_is_checked_by_its_id(capsys, tmp_path):
    """The check uses the file's id and says which name to save it under."""
    path = write(tmp_path, "rutine-fra-akershus.toml", text_of("akershus.toml"))
    assert main(["routine", "check", path, "--on", LATER.isoformat()]) == 0
    assert "Merk: lagre filen som guide_engine/data/counties/akershus.toml." in capsys.readouterr().out


@pytest.mark.parametrize("content, message", [
    (b'id = "akershus\n', "Filen kan ikke leses. Filen er ikke gyldig TOML"),
    ("id = \"østfold\"".encode("latin-1"), "Filen kan ikke leses: den må være tekst i UTF-8."),
    (None, "Filen kan ikke leses: finner ikke filen"),
])
def test_an_unreadable_file_exits_2(content, message, capsys, tmp_path):
    """Not TOML, not UTF-8 or not there: exit 2 with a Norwegian sentence, no traceback."""
    path = tmp_path / "akershus.toml"
    if content is not None:
        path.write_bytes(content)
    assert main(["routine", "check", str(path)]) == 2
    assert capsys.readouterr().err.startswith(message)
