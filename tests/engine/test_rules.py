"""Rule parameter files: every value is dated and cited; unconfirmed values carry a note."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine.data_loader import DataError, load_references
from guide_engine.rules import _parse_family, family


def good(**entry):
    e = {"value": 55, "reference": "integreringsloven-8"}
    e.update(entry)
    return {"p": {"description": "En parameter.", "values": {"2021-01-01": e}}}


@pytest.mark.parametrize("name,raw,fragment", [
    ("uten lovhenvisning", {"p": {"description": "x", "values": {"2021-01-01": {"value": 1}}}}, "reference"),
    ("ukjent lovhenvisning", good(reference="finnes-ikke"), "reference"),
    ("ubekreftet uten merknad", good(confirmed=False), "note"),
    ("confirmed er ikke sann/usann", good(confirmed="ja"), "confirmed"),
    ("nøkkelen er ikke en dato", {"p": {"description": "x", "values": {"1. januar": {"value": 1, "reference": "integreringsloven-8"}}}}, "dato"),
    ("ukjent nøkkel i verdien", good(source="x"), "ukjent"),
    ("uten beskrivelse", {"p": {"values": {"2021-01-01": {"value": 1, "reference": "integreringsloven-8"}}}}, "description"),
    ("blandede typer", {"p": {"description": "x", "values": {
        "2021-01-01": {"value": 1, "reference": "integreringsloven-8"},
        "2022-01-01": {"value": "to", "reference": "integreringsloven-8"}}}}, "type"),
])
def test_malformed_rules_are_rejected(name, raw, fragment):
    """A malformed or uncited value is rejected with a message naming the file and key."""
    with pytest.raises(DataError) as e:
        _parse_family("test", raw)
    assert "rules/test.toml" in str(e.value) and fragment in str(e.value)


def test_eligibility_rules_load_and_cite_known_references():
    """The shipped eligibility rules load, and every value cites a known reference."""
    refs = load_references()
    params = family("eligibility")
    assert {"age_min", "age_max", "chapter_6a", "covid_law_guidance", "programme_start_months"} <= set(params)
    for p in params.values():
        for v in p.values:
            assert v.reference in refs
            assert v.confirmed or v.note


def test_last_confirmed_value_and_pending_change():
    """The engine uses the last confirmed value and sees the newer unconfirmed one beside it."""
    p = family("eligibility")["age_max"]
    assert p.confirmed_on(date(2026, 11, 23)).value == 55
    assert p.unconfirmed_on(date(2026, 11, 23)).value == 60
    assert p.unconfirmed_on(date(2024, 12, 31)) is None
    assert p.confirmed_on(date(2020, 12, 31)) is None
