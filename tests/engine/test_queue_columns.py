"""A centre's own spreadsheet: Norwegian headings and values, what is required, and the messages."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine import queue
from guide_engine.data_loader import DataError, load_sheet_words, use_data_dir
from guide_engine.queue import columns
from guide_engine.queue import sheet as sheet_module
from guide_engine.questions import question_map
from tests.helpers.queue_sheets import ON, RANKING, norwegian_sheet, person, sheet


@pytest.mark.parametrize("written, fid", [
    ("Fylke", "county"), ("fylke", "county"), ("  KOMMUNE ", "municipality"), ("Saksnummer", "participant_ref"),
    ("Oppholdsgrunnlag", "permit_group"), ("Bosettingsdato", "settlement_date"), ("Alder", "age_at_permit"),
    ("Bosatt etter avtale?", "settled_by_agreement"), ("settlement_date", "settlement_date"),
    ("Når ble deltakeren bosatt i kommunen?", "settlement_date"), ("Tolkesprak", "interpreter_language"),
    ("Deltaker", "label"), ("Avtalt time", "planned_session_date"), ("kommentar", None),
])
def test_headings_by_id_question_text_and_short_form(written, fid):
    """Case, accents (å as a), spacing and a trailing question mark do not matter."""
    assert columns.field_of(written) == fid


@pytest.mark.parametrize("field, raw, value", [
    ("permit_group", "flyktning", "refugee"), ("permit_group", "Overføringsflyktning", "resettlement"),
    ("permit_group", "FAMILIE", "family"), ("permit_group", "kollektiv", "collective"), ("permit_group", "§ 28", "refugee"),
    ("permit_group", "Flyktning (utlendingsloven § 28)", "refugee"), ("permit_group", "refugee", "refugee"),
    ("settled_by_agreement", "J", True), ("settled_by_agreement", "x", True), ("settled_by_agreement", "Nei", False),
    ("settled_by_agreement", "n", False), ("county", "møre og romsdal", "more-og-romsdal"), ("permit_date", "1.8.2026", "2026-08-01"),
])
def test_values_by_label_and_short_form(field, raw, value):
    assert columns.cell_value(field, raw) == (value, None)


@pytest.mark.parametrize("field, raw, listed", [
    ("permit_group", "asylant", ["flyktning", "overføringsflyktning", "familie", "kollektiv"]),
    ("settled_by_agreement", "kanskje", ["ja", "j", "x", "nei", "n"]),
    ("county", "Atlantis", ["Møre og Romsdal", "Trøndelag"]),
])
def test_a_bad_value_names_the_column_as_written_and_lists_the_accepted_values(field, raw, listed):
    case, _, errors = sheet_module.to_case([raw], [field], ["Grunnlag (UDI)"])
    assert case == {} and [(e["field"], e["column"]) for e in errors] == [(field, "Grunnlag (UDI)")]
    assert f"«{raw}»" in errors[0]["message"] and all(w in errors[0]["message"] for w in listed)


def test_a_norwegian_sheet_is_ranked_like_the_template_ids():
    """The same people in the centre's own words give the same queue as in field ids."""
    people = [person("A", date(2026, 10, 20)), person("B", date(2026, 8, 3), permit_group="resettlement"),
              person("C", date(2026, 9, 1), permit_group="other")]
    nb = queue.evaluate(norwegian_sheet(people), ON)
    ids = queue.evaluate(sheet(people, columns=["label"] + RANKING), ON)
    assert nb["errors"] == [] and nb["row_errors"] == []
    assert [(r["participant_ref"], r["status"], r["guidance_by"]) for r in nb["rows"]] == \
        [(r["participant_ref"], r["status"], r["guidance_by"]) for r in ids["rows"]]
    assert nb["counts"]["ranked"] == 2 and nb["counts"]["not_covered"] == 1


def test_row_errors_name_the_column_as_the_file_does():
    people = [person("A", date(2026, 9, 1), permit_group="asyl"), person("B", date(2026, 9, 1), settled_by_agreement=None)]
    r = queue.evaluate(norwegian_sheet(people), ON)
    got = {(e["row"], e["field"], e["column"]) for e in r["row_errors"]}
    assert got == {(2, "permit_group", "Oppholdsgrunnlag"), (3, "settled_by_agreement", "Bosatt etter avtale?")}
    assert "flyktning" in next(e for e in r["row_errors"] if e["row"] == 2)["message"]


def test_only_what_ranking_needs_is_required():
    """Without interpreter, adviser, mapping and plan answers the row is ranked (no «Svar mangler»)."""
    r = queue.evaluate(norwegian_sheet([person("A", date(2026, 9, 1))]), ON)
    assert r["row_errors"] == [] and r["counts"]["ranked"] == 1


def test_an_optional_answer_given_is_still_checked():
    people = [person("A", date(2026, 9, 1), interpreter_needed="kanskje")]
    r = queue.evaluate(norwegian_sheet(people, fields=RANKING + ["interpreter_needed"]), ON)
    assert [(e["field"], e["column"]) for e in r["row_errors"]] == [("interpreter_needed", "Tolk")]


def test_a_file_without_a_needed_column_names_it():
    fields = [f for f in RANKING if f != "age_at_permit"]
    r = queue.evaluate(norwegian_sheet([person("A", date(2026, 9, 1))], fields=fields), ON)
    assert not r["ok"] and "«Alder»" in r["errors"][0]["message"] and r["rows"] == []


def test_the_template_has_norwegian_headings_and_values():
    head, first = queue.template_csv().lstrip("\ufeff").split("\r\n")[:2]
    assert head.split(";")[:4] == ["Deltaker", "Kommune", "Fylke", "Saksnummer"]
    assert "Møre og Romsdal" in first and ";flyktning;" in first and ";ja;" in first


def test_a_sheet_with_only_kommunenummer_and_no_county_is_ranked():
    """«Kommunenummer» names the municipality; without a county column the county follows from the register."""
    fields = [f for f in RANKING if f != "county"]
    text = norwegian_sheet([person("A", date(2026, 9, 1)), person("B", date(2026, 10, 1))], fields=fields)
    head, rest = text.lstrip("\ufeff").split("\r\n", 1)
    text = head.replace("Kommune", "Kommunenummer") + "\r\n" + rest.replace("Molde", "1506")
    r = queue.evaluate(text, ON)
    assert r["row_errors"] == [] and r["counts"]["ranked"] == 2
    assert {row["county"] for row in r["rows"]} == {"more-og-romsdal"} and {row["municipality_number"] for row in r["rows"]} == {"1506"}


def test_the_column_guide_lists_every_field_with_its_need():
    guide = {c["field"]: c for c in columns.column_guide()}
    assert guide["municipality"]["need"] == "column" and guide["interpreter_needed"]["need"] == "optional"
    assert guide["county"]["need"] == "optional"  # it follows from the municipality; given, it must agree
    assert guide["arrival_date"]["need"] == "path"
    assert "flyktning" in guide["permit_group"]["values"]
    assert set(guide) == {"label", *question_map()}


def test_one_word_for_two_values_is_a_data_error(tmp_path):
    """A short form shared by two fields fails the build, naming the file."""
    import shutil
    from guide_engine.data_loader.files import package_data_dir
    data = tmp_path / "data"
    shutil.copytree(package_data_dir(), data)
    q = data / "questions.toml"
    q.write_text(q.read_text(encoding="utf-8").replace('sheet_names = ["Kommune"', 'sheet_names = ["Fylke"', 1), encoding="utf-8")
    with use_data_dir(data):
        with pytest.raises(DataError, match="questions.toml"):
            columns.field_of("Fylke")
    assert columns.field_of("Fylke") == "county" and load_sheet_words()["yes"][0] == "ja"
