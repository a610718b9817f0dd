"""The third read of the law (issue 21): what the pages say about § 72, the new forvaltningsloven, the covid
law's history and the open points, and the prose that must match the engine and the sources."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DATA = ROOT / "guide_engine" / "data"


def text(name: str) -> str:
    """A page's Markdown, whitespace and block-quote markers squashed (statements wrap over lines)."""
    lines = (DOCS / f"{name}.md").read_text(encoding="utf-8").splitlines()
    return " ".join(" ".join(line[1:] if line.startswith(">") else line for line in lines).split())


def references() -> dict:
    with open(DATA / "references.toml", "rb") as f:
        return tomllib.load(f)


# --- 1. integreringsforskriften § 72 as the regulation words it ------------------------------------

def test_paragraph_72_is_quoted_with_its_source_and_applies_to_applicants_from_abroad():
    """The law page quotes § 72 from IMDi's juridisk veileder (kapittel 12), and no longer says the rule covers
    every permit group or that the regulation text was not read."""
    law = text("lovgrunnlag")
    assert "Personer som søker om oppholdstillatelse fra utlandet og får innvilget oppholdstillatelse før integreringsloven trer i kraft" in law
    assert "juridisk-veileder-til-integreringsforskriften/kapittel-12.-sluttbestemmelser" in law
    assert "Regelen gjelder alle oppholdsgrunnlag" not in law and "for alle oppholdsgrunnlag" not in law
    assert "Vi har ikke lest forskriftsteksten selv" not in law
    ref = references()["integreringsforskriften-72"]
    assert "sok?q=" not in ref["url"] and "imdi.no" in ref["url"]


def test_the_rule_data_note_says_whose_arrival_counts():
    """The rule data's note quotes § 72 and no longer says «uansett oppholdsgrunnlag»."""
    with open(DATA / "rules" / "eligibility.toml", "rb") as f:
        rules = tomllib.load(f)
    note = rules["new_law_permit_from"]["values"]["2021-01-01"]["note"]
    assert "uansett oppholdsgrunnlag" not in note and "søker om oppholdstillatelse fra utlandet" in note
    with open(DATA / "vocabularies" / "permit_groups.toml", "rb") as f:
        groups = tomllib.load(f)  # whose arrival counts: the permit groups' own data
    assert [g for g, v in groups.items() if v["applied_from_abroad"]] == ["resettlement", "family", "independent"]


# --- 2. the new forvaltningsloven -------------------------------------------------------------------

def test_both_forvaltningslover_are_named_with_the_new_ones_in_force_date_unconfirmed():
    """The law page, the references data and the open points name the 1967 act the site cites and the new act
    (lov 20. juni 2025 nr. 81), whose § 12 is about automated decisions and whose in-force date is not confirmed."""
    refs = references()
    assert "1967" in refs["forvaltningsloven-12"]["label"]
    assert "2025-06-20-81" in refs["forvaltningsloven-2025"]["url"] and "ikke bekreftet" in refs["forvaltningsloven-2025"]["title"]
    law = text("lovgrunnlag")
    assert "{#forvaltningsloven-2025}" in law and "lov 20. juni 2025 nr. 81" in law
    assert "automatiserte avgjørelser" in law and "Prop. 79 L (2024–2025)" in law and "Innst. 478 L" in law
    assert "Vi har ikke funnet når den nye loven trer i kraft" in law
    assert "{#ny-forvaltningslov}" in text("apne-sporsmal")


# --- 3. the covid law's history, part by part --------------------------------------------------------

def test_the_covid_law_cites_both_propositions_and_ends_part_by_part():
    """Prop. 103 L gave the law, Prop. 123 L chapter 1 with career guidance; chapter 1 ends «fra den tid Kongen
    bestemmer» (Prop. 137 L), the fixed end dates are the other parts'. «Skulle oppheves 31. desember 2022» is not
    said of the whole law any more."""
    law = text("lovgrunnlag")
    for anchor in ("{#prop-103-l-2019-2020}", "{#prop-123-l-2019-2020}", "{#prop-137-l-2020-2021}"):
        assert anchor in law
    assert "Innst. 284 L" in law and "Lovvedtak 94" in law
    assert "med unntak av midlertidig lov om tilpasninger i introduksjonsloven kapittel 1, som oppheves fra den tid Kongen bestemmer" in law
    assert "skulle oppheves 31. desember 2022" not in law
    assert "{#covid-loven-kapittel-1}" in text("apne-sporsmal")


# --- the open points ---------------------------------------------------------------------------------

def test_the_open_points_page_lists_each_unsettled_point_with_what_would_settle_it():
    """One page lists every open point with what we know, what was searched and what would settle it, and the law
    page and the navigation link to it."""
    page = text("apne-sporsmal")
    for anchor in ("aldersgrense-60", "kapittel-6a", "covid-loven-kapittel-1", "ny-forvaltningslov", "fullmektig", "to-ar-botid"):
        assert f"{{#{anchor}}}" in page, anchor
    assert page.count("**Hva vi har søkt i.**") >= 6 and page.count("**Hva som ville avgjort det.**") >= 6
    assert "Lovdata har vi ikke hatt tilgang til" in page
    assert "apne-sporsmal.md" in text("lovgrunnlag")
    assert "apne-sporsmal.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


# --- 5. prose that matches the engine and the sources -------------------------------------------------

@pytest.mark.parametrize("page,gone,why", [
    ("prosessen", "mange fylker ber om minst to ukers varsel", "one county's booking lead as a norm"),
    ("prosessen", "Vanligvis om lag 1½ time", "one county's session length as a norm"),
    ("ordliste", "Varer vanligvis om lag 1½ time", "one county's session length as a norm"),
    ("prosessen", "*Hvem:* Kommunen, etter avtale med IMDi.", "settlement always by agreement with IMDi"),
    ("ordliste", "flytter til en kommune etter avtale mellom kommunen og IMDi", "settlement always by agreement with IMDi"),
    ("ordliste", "Viken og Vestfold og Telemark ble delt 1. januar 2024", "two of the three 2024 splits"),
    ("ny-i-rollen", "deltakeren bestemmer om programrådgiveren skal være med", "stated as settled where the site calls it unclear"),
    ("ordliste", "men ikke for personer med kollektiv beskyttelse (bare rett).", "chapter 6A as current without its end"),
    ("counties/viken", "den viser hvordan karrieresentrene i Viken arbeidet til og med 2023", "the May 2021 guideline as practice until 2023"),
    ("prioritering", "siste virkedag før introduksjonsprogrammet", "the old deadline chain"),
])
def test_prose_no_longer_says(page, gone, why):
    """A statement the third read found wrong is gone."""
    assert gone not in text(page), why


def test_prose_says_what_replaces_it():
    """The replacements name their county, the three splits, the question to the participant and 6A's end."""
    process, words = text("prosessen"), text("ordliste")
    assert "for eksempel minst to uker i Møre og Romsdal" in process and "90 minutter i Møre og Romsdal" in process
    assert "Viken, Vestfold og Telemark og Troms og Finnmark ble delt 1. januar 2024" in words
    assert "spørres alltid om programrådgiveren skal være med" in text("ny-i-rollen")
    assert "kapitlet var varslet å gjelde til" in words
    assert "Om den ble fulgt uendret fram til Viken ble delt" in text("counties/viken")
