"""Messy files told apart: encodings, an unclosed quote, header-only and empty files, duplicate references."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine import queue
from guide_engine.queue import file_checks
from tests.helpers.queue_sheets import ON, norwegian_sheet, person


def people(n: int = 4) -> list[dict]:
    return [person(f"P{i}", date(2026, 9, 1 + i)) for i in range(n)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_from_excel_is_converted_with_a_note(encoding):
    """Excel's «Unicode-tekst»: UTF-16 with BOM and tabs; also without a BOM."""
    text = norwegian_sheet(people()).lstrip("\ufeff").replace(";", "\t")
    decoded, note = queue.decode(text.encode(encoding))
    assert decoded.lstrip("\ufeff") == text and note == file_checks.UTF16_NOTE
    r = queue.evaluate(decoded, ON)
    assert r["row_errors"] == [] and r["counts"]["ranked"] == 4


def test_windows_1252_is_read_with_a_note():
    text = norwegian_sheet(people()).lstrip("\ufeff")
    decoded, note = queue.decode(text.encode("cp1252"))
    assert decoded == text and note == file_checks.CP1252_NOTE


def test_utf16_read_as_single_bytes_is_explained():
    text = norwegian_sheet(people()).encode("utf-16-le").decode("latin-1")
    r = queue.evaluate(text, ON)
    assert not r["ok"] and "UTF-16" in r["errors"][0]["message"] and r["rows"] == []


def test_utf8_read_as_windows_1252_is_repaired_with_a_note():
    text = norwegian_sheet(people()).encode("utf-8").decode("cp1252")
    r = queue.evaluate(text, ON)
    assert r["row_errors"] == [] and r["counts"]["ranked"] == 4
    assert file_checks.MOJIBAKE_NOTE in r["warnings"]


def test_an_unclosed_quote_is_named_with_its_row():
    """Row 3's cell opens a quote that never closes: the rest would be one cell, so the file is refused."""
    lines = norwegian_sheet(people(5)).split("\r\n")
    lines[2] = lines[2].replace(";P1;", ';"P1;', 1)
    r = queue.evaluate("\r\n".join(lines), ON)
    assert not r["ok"] and r["rows"] == []
    message = r["errors"][0]["message"]
    assert message.startswith("Rad 3 ") and "anførselstegn" in message


def test_a_quoted_cell_over_two_lines_is_no_unclosed_quote():
    lines = norwegian_sheet(people(3)).split("\r\n")
    lines[2] = lines[2].replace(";P1;", ';"P1\nandre linje";', 1)
    r = queue.evaluate("\r\n".join(lines), ON)
    assert r["errors"] == [] and r["counts"]["rows"] == 3


@pytest.mark.parametrize("text, words", [
    ("", "tom"), ("   \r\n", "tom"),
    ("Fylke;Kommune;Oppholdsgrunnlag;Dato for oppholdstillatelse;Alder;Bosettingsdato\r\n", "bare overskriftsraden"),
    ("Fylke;Kommune;Oppholdsgrunnlag;Dato for oppholdstillatelse;Alder;Bosettingsdato\r\n;;;;;\r\n", "bare overskriftsraden"),
])
def test_empty_and_header_only_files_are_explained(text, words):
    r = queue.evaluate(text, ON)
    assert not r["ok"] and words in r["errors"][0]["message"]


def test_duplicate_references_are_warned_ignoring_case():
    rows = people(4)
    rows[1]["participant_ref"], rows[2]["participant_ref"], rows[3]["participant_ref"] = "AB-1", "AB-1", "ab-1"
    r = queue.evaluate(norwegian_sheet(rows), ON)
    dup = [w for w in r["warnings"] if "AB-1" in w]
    assert len(dup) == 1 and "rad 3, 4 og 5" in dup[0] and "«Saksnummer»" in dup[0] and "«ab-1»" in dup[0]
    assert r["counts"]["ranked"] == 4  # all kept
    assert not [w for w in queue.evaluate(norwegian_sheet(people(4)), ON)["warnings"] if "står i rad" in w]
