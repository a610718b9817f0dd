"""Validation: impossible or missing answers give a Norwegian message tied to the question, never an exception."""

from __future__ import annotations

import pytest

from guide_engine import api
from tests.helpers.engine_helpers import case

ON = "2026-11-23"


def fields(errors):
    return [e["field"] for e in errors]


@pytest.mark.parametrize("name,changes,field,fragment", [
    ("bosettingsdato mer enn ett år fram i tid", {"settlement_date": "2028-01-10"}, "settlement_date", "mer enn ett år fram i tid"),
    ("ankomst etter referansedatoen", {"permit_group": "resettlement", "permit_date": "2020-06-01", "arrival_date": "2026-12-01"}, "arrival_date", "kan ikke ligge etter"),
    ("tillatelse etter referansedatoen", {"permit_date": "2027-01-01"}, "permit_date", "kan ikke ligge etter"),
    ("alder 300", {"age_at_permit": 300}, "age_at_permit", "300 år er ikke mulig"),
    ("negativ alder", {"age_at_permit": -1}, "age_at_permit", "ikke mulig"),
    ("alder som tekst", {"age_at_permit": "tretti"}, "age_at_permit", "helt tall"),
    ("enormt heltall fra Python", {"age_at_permit": 10 ** 5000}, "age_at_permit", "helt tall"),
    ("feilskrevet fødselsnummer (feil kontrollsifre)", {"participant_ref": "01019912345"}, "participant_ref", "fødselsnummer"),
    ("fødselsnummer med skråstreker", {"participant_ref": "01/01/99 12368"}, "participant_ref", "fødselsnummer"),
    ("fødselsnummer med firesifret år", {"participant_ref": "01.01.1999 12368"}, "participant_ref", "fødselsnummer"),
    ("ukjent fylke", {"county": "atlantis"}, "county", "Ukjent fylke"),
    ("fylke som tall", {"county": 15}, "county", "Velg et fylke"),
    ("ugyldig dato", {"permit_date": "2026-02-30"}, "permit_date", "gyldig dato"),
    ("dato i feil format", {"permit_date": "01.08.2026"}, "permit_date", "ÅÅÅÅ-MM-DD"),
    ("ukjent oppholdsgrunnlag", {"permit_group": "turist"}, "permit_group", "Velg et av svarene"),
    ("ja/nei som tall", {"settled_by_agreement": 7}, "settled_by_agreement", "ja eller nei"),
    ("fødselsnummer som referanse", {"participant_ref": "01019912368"}, "participant_ref", "fødselsnummer"),
    ("fødselsnummer med mellomrom", {"participant_ref": "010199 12368"}, "participant_ref", "fødselsnummer"),
    ("fødselsnummer i praktiske behov", {"practical_needs": "Se 01019912368"}, "practical_needs", "fødselsnummer"),
    ("for lang referanse", {"participant_ref": "x" * 41}, "participant_ref", "for langt"),
    ("kommune mangler", {"municipality": ""}, "municipality", "Svar mangler"),
    ("kommune i et annet fylke", {"municipality": "Oslo"}, "municipality", "ikke i Møre og Romsdal"),
    ("kommunenummer som ikke finnes", {"municipality": "9999"}, "municipality", "Kommunenummer 9999 finnes ikke"),
    ("tolkespråk mangler når tolk trengs", {"interpreter_language": None}, "interpreter_language", "Svar mangler"),
    ("ønsket veiledning før bosetting", {"planned_session_date": "2026-09-01"}, "planned_session_date", "før deltakeren ble bosatt"),
])
def test_messages_are_tied_to_the_question(name, changes, field, fragment):
    """Each impossible or missing answer gives one Norwegian message on its own field."""
    errs = api.validate(case(**changes), ON)
    assert fields(errs) == [field], errs
    assert fragment in errs[0]["message"]
    result = api.evaluate(case(**changes), ON)
    assert result["ok"] is False and fields(result["errors"]) == [field]


def test_valid_case_has_no_errors():
    """A complete, possible case validates cleanly."""
    assert api.validate(case(), ON) == []


def test_eight_digit_case_number_is_allowed():
    """A case number is not mistaken for a national identity number."""
    assert api.validate(case(participant_ref="2026/12345"), ON) == []


@pytest.mark.parametrize("bad_on", [None, "", "23.11.2026", "2026-13-01", 20261123, "1800-01-01"])
def test_bad_reference_date(bad_on):
    """A missing or impossible reference date is reported on the field "on"."""
    result = api.evaluate({k: v for k, v in case().items()}, bad_on)
    assert result["ok"] is False and fields(result["errors"]) == ["on"]


def test_reference_date_from_the_case():
    """The reference date may come from the case's own "on" field."""
    assert api.evaluate(case(on=ON))["ok"] is True


def test_off_path_answers_are_ignored():
    """A stale answer to a question no longer on the path does not block the result."""
    assert api.evaluate(case(family_reference_recent="tull", months_left_in_programme=-4), ON)["ok"] is True


def test_unknown_keys_warn():
    """Unknown fields are named in warnings, not errors."""
    r = api.evaluate(case(fodselsdato="x"), ON)
    assert r["ok"] and any("fodselsdato" in w for w in r["warnings"])


@pytest.mark.parametrize("value,parsed", [("ja", True), ("nei", False), ("true", True), (False, False)])
def test_boolean_spellings(value, parsed):
    """Booleans may come as JSON booleans or as ja/nei/true/false strings from a form."""
    r = api.evaluate(case(interpreter_needed=value), ON)
    assert r["ok"] and r["interpreter"]["needed"] is parsed
