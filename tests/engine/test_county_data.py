"""The county data files: complete, cited, verbatim, and consistent with the 2024 county map."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from guide_engine.data_loader import check_verified_dates, load_counties, load_national, load_searches, load_sources

ROOT = Path(__file__).resolve().parents[2]
SOURCES_DIR = ROOT.parent / "shared" / "sources"
# Excerpts of stored public pages that are not (yet) in shared/sources: the page's address, how it was found,
# and the passages the data quote (sources/README.md).
PAGE_EXCERPTS_DIR = ROOT / "sources"


def _source_file(sid: str) -> Path:
    """A source's text: the document in shared/sources, else the excerpt in this repository's sources/."""
    shared = SOURCES_DIR / sid
    return shared if shared.is_file() else PAGE_EXCERPTS_DIR / sid

# The 15 counties from 1 January 2024, and the two split that day.
CURRENT = {
    "oslo", "rogaland", "more-og-romsdal", "nordland", "ostfold", "akershus", "buskerud", "innlandet",
    "vestfold", "telemark", "agder", "vestland", "trondelag", "troms", "finnmark",
}
HISTORICAL = {
    "viken": {"akershus", "buskerud", "ostfold"},
    "vestfold-og-telemark": {"vestfold", "telemark"},
    "troms-og-finnmark": {"troms", "finnmark"},
}
# The 11 counties from 1 January 2020 to 31 December 2023 (predecessors before 2020 are not needed).
COUNTIES_2020 = {
    "oslo", "rogaland", "more-og-romsdal", "nordland", "viken", "innlandet", "vestfold-og-telemark",
    "agder", "vestland", "trondelag", "troms-og-finnmark",
}
WITH_ROUTINE = {"viken", "vestfold-og-telemark", "trondelag", "more-og-romsdal", "vestfold"}
SPLIT_DAY = date(2024, 1, 1)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _all_facts():
    for county in load_counties().values():
        for key, entries in county.facts.items():
            for f in entries:
                yield county, key, f


def test_every_county_file_loads():
    """Every county file loads and validates, and there is exactly one per county, current or historical."""
    assert set(load_counties()) == CURRENT | set(HISTORICAL)


def test_current_counties_exist_on_the_split_day():
    """The 15 counties exist on 1 January 2024 and today; Viken and Vestfold og Telemark do not."""
    counties = load_counties()
    for cid in CURRENT:
        assert counties[cid].exists_on(SPLIT_DAY) and counties[cid].period.valid_to is None, cid
    for cid in HISTORICAL:
        assert counties[cid].exists_on(SPLIT_DAY - timedelta(days=1)) and not counties[cid].exists_on(SPLIT_DAY), cid


@pytest.mark.parametrize("predecessor, successors", HISTORICAL.items())
def test_split_counties_hand_over_on_the_split_day(predecessor, successors):
    """A split county names its successors, each names it back and starts the day after it ended."""
    counties = load_counties()
    old = counties[predecessor]
    assert set(old.successors) == successors
    for sid in successors:
        assert counties[sid].predecessors == (predecessor,)
        assert counties[sid].period.valid_from == old.period.valid_to + timedelta(days=1)


def test_routines_where_sources_exist():
    """Exactly the counties with a source have a routine, and every county with facts has a routine."""
    counties = load_counties()
    assert {c.id for c in counties.values() if c.routine} == WITH_ROUTINE
    for c in counties.values():
        assert bool(c.facts) == bool(c.routine), c.id


def test_facts_and_routines_lie_within_their_county():
    """No fact or routine period reaches beyond the county's own existence."""
    for county in load_counties().values():
        periods = [(f"facts.{key}", f.period) for c, key, f in _all_facts() if c is county]
        if county.routine:
            periods.append(("routine", county.routine.period))
        for where, p in periods:
            if county.period.valid_to:
                assert p.valid_to is not None and p.valid_to <= county.period.valid_to, (county.id, where)
            if p.valid_from:
                assert p.valid_from >= county.period.valid_from, (county.id, where)


def test_every_fact_has_a_source_and_a_verified_date():
    """Every fact and contact carries a registered source and a verified date that is not in the future."""
    sources = load_sources()
    for county, key, f in _all_facts():
        assert f.source in sources, (county.id, key)
    for county in load_counties().values():
        for c in county.contacts:
            assert c.source in sources, (county.id, c.name)
    check_verified_dates(load_counties(), date.today())  # raises DataError naming the file and key


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason=f"the source documents are not checked out at {SOURCES_DIR}")
def test_quotes_are_verbatim_from_their_source():
    """Every quote occurs word for word (whitespace aside) in the source document it cites."""
    texts: dict[str, str] = {}
    for county, key, f in _all_facts():
        if f.quote:
            text = texts.setdefault(f.source, _norm(_source_file(f.source).read_text(encoding="utf-8")))
            assert _norm(f.quote) in text, f"{county.id}.toml: facts.{key}: quote is not in {f.source}"


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason=f"the source documents are not checked out at {SOURCES_DIR}")
def test_national_guidance_quotes_are_verbatim_and_every_fact_quotes():
    """Every national-guidance fact quotes its page (IMDi or HK-dir) word for word."""
    national = load_national()
    assert national
    for key, facts in national.items():
        for f in facts:
            assert f.quote, f"national.toml: facts.{key}: national guidance must quote its page"
            text = _norm(_source_file(f.source).read_text(encoding="utf-8"))
            assert _norm(f.quote) in text, f"national.toml: facts.{key}: quote is not in {f.source}"


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason=f"the source documents are not checked out at {SOURCES_DIR}")
def test_every_registered_source_document_exists():
    """Every key of sources.toml names a document in shared/sources or an excerpt in sources/; an excerpt
    gives the page's own address, which is the source's url. (A source a county file carries is the county's
    own word, sent in from the routine page: it needs a file only when a fact quotes it.)"""
    for sid, src in load_sources().items():
        if src.carried_by:
            continue
        assert _source_file(sid).is_file(), sid
        if not (SOURCES_DIR / sid).is_file():
            assert src.url and src.url in _source_file(sid).read_text(encoding="utf-8"), sid


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason=f"the source documents are not checked out at {SOURCES_DIR}")
def test_every_email_and_phone_in_the_data_is_in_its_source():
    """Every contact e-mail and phone number appears in the source the contact cites (but a source the county
    file carries: the county states the contact itself)."""
    for county in load_counties().values():
        for c in county.contacts:
            if load_sources()[c.source].carried_by:
                continue
            text = _source_file(c.source).read_text(encoding="utf-8")
            for value in (c.email, c.phone, c.municipality):
                if value:
                    assert value in text, (county.id, c.name, value)
            if c.url:  # the website's host is named in its source (the page's own address)
                assert c.url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.") in text, (county.id, c.url)


def test_contacts_are_dated_and_functional_or_published_persons():
    """Every contact has an as_of date; person contacts come from the county's own published list."""
    for county in load_counties().values():
        for c in county.contacts:
            assert c.as_of and c.kind in ("mailbox", "person", "website")
            if c.kind == "person":
                assert c.email is None, "person contacts carry no personal e-mail address"


# Table-driven: what a programme adviser needs to know, per county and date.
FACTS_ON = [
    ("Møre og Romsdal: the municipality orders the interpreter", "more-og-romsdal", "interpreter_orders", date(2026, 11, 23), "municipality", "right_and_duty"),
    ("Møre og Romsdal: the county pays the interpreter", "more-og-romsdal", "interpreter_pays", date(2026, 11, 23), "county", "right_and_duty"),
    ("Møre og Romsdal: 90 minutes", "more-og-romsdal", "session_length_minutes", date(2026, 11, 23), 90, "right_and_duty"),
    ("Møre og Romsdal: book at least two weeks ahead", "more-og-romsdal", "booking_lead_days", date(2026, 11, 23), 14, "right_and_duty"),
    ("Møre og Romsdal: note within 5 working days", "more-og-romsdal", "note_due_working_days", date(2026, 11, 23), 5, "right_and_duty"),
    ("Møre og Romsdal: the adviser takes part", "more-og-romsdal", "adviser_participation", date(2026, 11, 23), "required", "right_and_duty"),
    ("Trøndelag: the centre orders the interpreter", "trondelag", "interpreter_orders", date(2026, 11, 23), "county"),
    ("Trøndelag: the adviser's presence is judged case by case", "trondelag", "adviser_participation", date(2026, 11, 23), "case_by_case"),
    ("Trøndelag: the letter's mailbox was for priority feedback, not referrals", "trondelag", "booking_mailbox", date(2026, 11, 23), None),
    ("Trøndelag: nothing before the autumn 2020 letter", "trondelag", "interpreter_orders", date(2020, 6, 1), None),
    ("Trøndelag: closed for in-person guidance, sessions for this group continue", "trondelag", "covid_measures", date(2020, 11, 1),
     "Fysisk veiledning stengt, men veiledning for denne gruppen fortsatte", "assess_need"),
    ("Møre og Romsdal: the 2021 routine does not reach back to 2020", "more-og-romsdal", "interpreter_orders", date(2020, 11, 1), None, "right_and_duty"),
    ("Møre og Romsdal: the municipality entered the note in IMDi-nett in 2021", "more-og-romsdal", "imdi_registration", date(2021, 6, 1), "municipality", "right_and_duty"),
    ("Møre og Romsdal: that temporary rule is not the 2026 routine", "more-og-romsdal", "imdi_registration", date(2026, 11, 23), None, "right_and_duty"),
    ("Vestfold og Telemark: no chapter 6A fact before chapter 6A", "vestfold-og-telemark", "collective_protection", date(2022, 3, 1), None, "right_and_duty"),
    ("Vestfold og Telemark: chapter 6A fact from 15 June 2022", "vestfold-og-telemark", "collective_protection", date(2022, 6, 15),
     "Rett, men ikke plikt; fylkeskommunen avgjør organiseringen", "right_and_duty"),
    ("Vestfold og Telemark: Skien and Tønsberg", "vestfold-og-telemark", "locations", date(2022, 3, 1), ["Skien", "Tønsberg"], "right_and_duty"),
    ("Møre og Romsdal: the counsellor is available afterwards", "more-og-romsdal", "after_session_contact", date(2026, 11, 23),
     "Karriereveilederen og Karriere Møre og Romsdal er tilgjengelige etter veiledningen", "right_and_duty"),
    ("Trøndelag: capacity was limited in autumn 2020 (covid-law case)", "trondelag", "capacity", date(2020, 11, 1), "limited", "assess_need"),
    ("Trøndelag: the covid letter's capacity does not apply to a § 11 case", "trondelag", "capacity", date(2021, 3, 1), None, "right_and_duty"),
    ("Trøndelag: the 2020 capacity statement no longer applies", "trondelag", "capacity", date(2026, 11, 23), None),
    ("Trøndelag: covid priority applied in autumn 2020 (covid-law case)", "trondelag", "priority_criteria", date(2020, 11, 1), ["sector_hit_by_crisis"], "assess_need"),
    ("Trøndelag: covid priority not for integreringsloven § 11 in 2021", "trondelag", "priority_criteria", date(2021, 2, 1), None, "right_and_duty"),
    ("Viken: the centre ordered the interpreter in 2022", "viken", "interpreter_orders", date(2022, 3, 1), "county", "right_and_duty"),
    ("Viken: adviser only on the participant's request", "viken", "adviser_participation", date(2022, 3, 1), "on_request", "right_and_duty"),
    ("Viken: the county registered the note", "viken", "imdi_registration", date(2022, 3, 1), "county", "right_and_duty"),
    ("Viken: nothing after the split", "viken", "interpreter_orders", date(2024, 3, 1), None, "right_and_duty"),
    ("Akershus: no routine registered", "akershus", "interpreter_orders", date(2026, 11, 23), None),
    ("Vestfold: its own page says nothing about the interpreter", "vestfold", "interpreter_orders", date(2026, 11, 23), None),
    ("Vestfold: its own page gives the target group from 2024", "vestfold", "target_group", date(2024, 1, 1),
     "Voksne flyktninger mellom 18 og 55 år"),
    ("Vestfold: chapter 6A's right without duty in 2025", "vestfold", "collective_protection", date(2025, 3, 1),
     "Rett, men ikke plikt; fylkeskommunen avgjør organiseringen"),
    ("Vestfold: the chapter 6A fact ends with chapter 6A", "vestfold", "collective_protection", date(2026, 7, 1), None),
    ("Vestfold: no organiser (the page names the closed joint centre)", "vestfold", "organiser", date(2026, 11, 23), None),
    ("Oslo: no routine registered", "oslo", "booking_mailbox", date(2026, 11, 23), None),
    ("Møre og Romsdal: the routine «etter integreringsloven» is not applied to a covid-law case", "more-og-romsdal",
     "interpreter_orders", date(2021, 6, 1), None, "assess_need"),
    ("Møre og Romsdal: … but it is to a § 11 case on the same day", "more-og-romsdal", "interpreter_orders", date(2021, 6, 1),
     "municipality", "right_and_duty"),
]


@pytest.mark.parametrize("scenario, cid, key, on, expected, status", [r if len(r) == 6 else (*r, None) for r in FACTS_ON],
                         ids=[r[0] for r in FACTS_ON])
def test_fact_on_date(scenario, cid, key, on, expected, status):
    """County.fact(key, on, status) gives what the county's source says on that date for such a case, or None."""
    f = load_counties()[cid].fact(key, on, status)
    assert (f.value if f else None) == expected


def test_every_date_from_2020_offers_the_counties_that_existed_then():
    """From 2020 to 2023 the 11 counties of the 2020 reform exist, from 2024 the 15 of the split: checked monthly."""
    counties = load_counties()
    for year in range(2020, 2028):
        for month in range(1, 13):
            on = date(year, month, 1)
            existing = {cid for cid, c in counties.items() if c.exists_on(on)}
            assert existing == (COUNTIES_2020 if year < 2024 else CURRENT), on


def test_viken_examples_are_not_a_fixed_routine():
    """Viken's "Kontaktpersonene kan f. eks ha ansvaret for" list is only in contact_persons, marked as examples."""
    viken = load_counties()["viken"]
    on = date(2022, 3, 1)
    examples = ("Melde inn behov", "avklaring om behov for å ha med seg programrådgiver", "Sørge for informasjon til deltaker")
    for key in ("booking_channel", "before_session"):
        f = viken.fact(key, on, "right_and_duty")
        assert not any(e.lower() in str(f.quote).lower() for e in examples), key
        assert "programrådgiver" not in " ".join(f.value if isinstance(f.value, list) else [f.value]), key
    assert "eksempler" in viken.fact("contact_persons", on, "right_and_duty").text


def test_estimated_periods_say_so():
    """Trøndelag's short-term facts from the undated 2020 letter explain that their period is an estimate."""
    for key in ("capacity", "priority_criteria", "covid_assessment"):
        (f,) = load_counties()["trondelag"].facts[key]
        assert f.period.valid_to is not None and f.period_note and "anslag" in f.period_note


def test_county_pages_exist_for_every_file():
    """Every county file has its page under docs/counties, and every page has a file."""
    pages = {p.stem for p in (ROOT / "docs" / "counties").glob("*.md")} - {"index"}
    assert pages == set(load_counties())


def test_facts_without_a_period_inherit_their_routines():
    """A fact without its own period takes its routine's period, estimate note and confirmed-until date."""
    for county in load_counties().values():
        for key, facts in county.facts.items():
            for f in facts:
                if f.inherited:
                    assert f.period == county.routine.period, (county.id, key)
                    assert f.confirmed_until == county.routine.confirmed_until, (county.id, key)
    tr = load_counties()["trondelag"]
    f = tr.fact("interpreter_orders", date(2026, 11, 23))
    assert f.inherited and f.confirmed_until == date(2021, 6, 30) and "anslag" in f.period_note
    assert tr.fact("interpreter_orders", date(2020, 8, 31)) is None


def test_temporary_facts_say_so_and_end_or_lapse():
    """The rules a source calls temporary have an end or a confirmed-until date, and their text says so."""
    mr = load_counties()["more-og-romsdal"]
    (reg,) = mr.facts["imdi_registration"]
    assert reg.period.valid_to == date(2021, 12, 31) and "midlertidig" in reg.text
    (orders,) = mr.facts["interpreter_orders"]
    assert orders.confirmed_until == date(2021, 12, 31) and "oppstarten" in orders.text
    (covid,) = load_counties()["viken"].facts["covid_measures"]
    assert covid.confirmed_until and "midlertidig" in covid.text


def test_every_current_county_has_a_search_record_and_its_website():
    """Each of the 15 counties has a search record (when, where, what was found) and a sourced way to reach it:
    its own website, from a page on that site, never a guessed address."""
    searches, counties = load_searches(), load_counties()
    for cid in CURRENT:
        assert searches.get(cid), f"searches.toml: [[{cid}]] mangler"
        sites = [c for c in counties[cid].contacts if c.kind == "website"]
        assert sites and all(c.url and not c.email and c.source in load_sources() for c in sites), cid
        assert {c.source for c in sites} & {s for entry in searches[cid] for s in entry.sources}, cid


def test_search_records_match_the_county_files():
    """A search that found a routine names the routine's source; "nothing" means the county file has no routine
    from it; every date is a real day no later than today."""
    counties = load_counties()
    for cid, entries in load_searches().items():
        for entry in entries:
            assert entry.searched <= date.today() and entry.queries and entry.found, cid
            if entry.result == "routine":
                assert counties[cid].routine and counties[cid].routine.source in entry.sources, cid
            for text in (entry.where, entry.found):  # shown on the site: no file names
                assert ".txt" not in text and ".toml" not in text, cid
