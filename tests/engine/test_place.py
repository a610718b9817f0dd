"""decisions/place.py: the municipality resolved on the date, the county derived from it, a county given checked, a county change before the session."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine import api
from guide_engine.decisions import place
from guide_engine.municipalities import lookup
from tests.helpers.engine_helpers import case

ON = "2026-11-23"


def test_county_is_derived_from_the_municipality_by_name_or_number():
    """"Molde" and "1506" both give Molde kommune and Møre og Romsdal, shown in the result."""
    for given in ("Molde", "1506", "molde kommune"):
        r = api.evaluate(case(municipality=given, county=None), ON)
        assert r["ok"], r["errors"]
        assert r["municipality"]["number"] == "1506" and r["municipality"]["name"] == "Molde"
        assert r["county"]["id"] == "more-og-romsdal"
        assert "Møre og Romsdal" in r["municipality"]["text"] and r["municipality"]["county_name"] == "Møre og Romsdal"
        assert "Molde kommune" in r["referral"]["body"]


def test_no_county_needed_in_the_answers():
    """Without a county answer the county still follows (Steinkjer: Trøndelag), and the path does not ask for it."""
    c = case(municipality="Steinkjer")
    del c["county"]
    r = api.evaluate(c, ON)
    assert r["ok"], r["errors"]
    assert r["county"]["id"] == "trondelag"
    assert "county" not in r["path"] and r["path"][0] == "municipality"


def test_a_county_that_disagrees_is_refused_naming_both():
    """"Oslo" with county Møre og Romsdal: an error at the municipality naming Oslo and Møre og Romsdal, no result."""
    r = api.evaluate(case(municipality="Oslo", county="more-og-romsdal"), ON)
    assert not r["ok"] and r["referral"] is None
    err = next(e for e in r["errors"] if e["field"] == "municipality")
    assert "Oslo" in err["message"] and "Møre og Romsdal" in err["message"] and "23. november 2026" in err["message"]


def test_a_county_that_agrees_is_accepted():
    """"Oslo" with county oslo is fine."""
    r = api.evaluate(case(municipality="0301", county="oslo"), ON)
    assert r["ok"], r["errors"]
    assert r["county"]["id"] == "oslo"


def test_an_unknown_county_given_is_reported_at_the_county():
    """A county id that does not exist is an error at "county", even though the guide never asks it."""
    errors = api.validate(case(county="atlantis"), ON)
    assert any(e["field"] == "county" for e in errors)


def test_a_municipality_that_did_not_exist_on_the_date_is_refused_with_the_date():
    """Haram (1580) did not exist in 2022: refused, naming the date."""
    errors = api.validate(case(municipality="Haram", county=None, settlement_date="2022-03-01", permit_date="2022-01-10"), "2022-06-01")
    msg = next(e["message"] for e in errors if e["field"] == "municipality")
    assert "1. juni 2022" in msg


def test_an_unknown_name_is_refused():
    """A name that is no municipality gets a Norwegian message, not a traceback."""
    errors = api.validate(case(municipality="Testkommune"), ON)
    msg = next(e["message"] for e in errors if e["field"] == "municipality")
    assert "Testkommune" in msg and "kommune" in msg


def test_a_shared_name_is_told_apart_by_the_county():
    """"Herøy" is two municipalities; a county given picks one, without it the answer asks for the number."""
    alone = place.resolve("Herøy", date(2026, 11, 23))
    assert alone[0] is None and "kommunenummer" in alone[1]
    m, message = place.resolve("Herøy", date(2026, 11, 23), "more-og-romsdal")
    assert message is None and m.county == "more-og-romsdal"


def test_viken_case_names_the_successor_county_once():
    """A Viken case on 2023-12-20 (settled 2023-11-01): the session falls in 2024, so the result names Akershus once."""
    c = case(municipality="Asker", county=None, permit_date="2023-09-01", settlement_date="2023-11-01", planned_session_date=None)
    r = api.evaluate(c, "2023-12-20")
    assert r["ok"], r["errors"]
    assert r["county"]["id"] == "viken"
    change = r["county"]["change"]
    assert change["to"] == "akershus" and change["to_name"] == "Akershus" and change["ends"] == "2023-12-31"
    assert "Akershus" in change["text"] and "31. desember 2023" in change["text"]
    assert r["referral"]["body"].startswith("Til Akershus fylkeskommune")
    assert r["referral"]["contact_page"] == "counties/akershus/"


def test_jevnaker_goes_to_akershus_and_hole_to_buskerud():
    """Successors follow each municipality, not the old county: Jevnaker → Akershus, Hole → Buskerud."""
    on, later = date(2023, 12, 20), date(2024, 1, 20)
    assert place.county_change(lookup("Jevnaker", on), on, later)["to"] == "akershus"
    assert place.county_change(lookup("Hole", on), on, later)["to"] == "buskerud"


def test_no_change_when_the_session_is_before_the_end_or_the_county_stays():
    """Viken with the session in 2023, and Ålesund split into Ålesund and Haram in the same county: no change."""
    on = date(2023, 6, 1)
    assert place.county_change(lookup("Asker", on), on, date(2023, 12, 31)) is None
    assert place.county_change(lookup("Ålesund", on), on, date(2024, 2, 1)) is None
    r = api.evaluate(case(municipality="Asker", county=None, permit_date="2023-01-10", settlement_date="2023-03-01"), "2023-03-10")
    assert r["ok"] and r["county"]["change"] is None
    assert not r["referral"]["body"].startswith("Til Akershus")


@pytest.mark.parametrize("value", [["Molde"], {"x": 1}, True, 3.5])
def test_non_text_municipality_gets_a_message(value):
    """Anything but text or a number is refused with a Norwegian message."""
    errors = api.validate(case(municipality=value), ON)
    assert any(e["field"] == "municipality" for e in errors)
