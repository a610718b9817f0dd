"""The dated municipality register (issue 22): counts, counties by date, the 2024 changes, refusals
that name the date, validation of malformed rows, and the generator reproducing the committed file."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from guide_engine import municipalities as M
from guide_engine.municipalities import MunicipalityNotFound, RegisterError

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "guide_engine" / "data" / "municipalities"
REGISTER = HERE / "register.toml"
EXTRACTS = HERE / "extracts"
SCRIPT = ROOT / "scripts" / "make_municipality_register.py"
COUNTY_FILES = {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "guide_engine" / "data" / "counties").glob("*.toml")}


def county_exists(cid: str, on: date) -> bool:
    c = COUNTY_FILES[cid]
    return date.fromisoformat(c["valid_from"]) <= on and ("valid_to" not in c or on <= date.fromisoformat(c["valid_to"]))


# Every first of the month and every last day of a month in 2020-2023, plus the days around each 1 January.
DATES_2020_2023 = sorted(
    {date(y, m, 1) for y in range(2020, 2024) for m in range(1, 13)}
    | {date(y, m, 1) - timedelta(days=1) for y in range(2020, 2024) for m in range(2, 13)}
    | {date(y, 12, 31) for y in range(2020, 2024)}
)
DATES_FROM_2024 = [date(2024, 1, 1), date(2024, 6, 1), date(2024, 12, 31), date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 1), date(2026, 12, 7)]


# --- counts ------------------------------------------------------------------------------------


def test_356_municipalities_on_2022_06_01():
    assert len(M.on("2022-06-01")) == 356


def test_356_on_every_date_tested_in_2020_to_2023():
    counts = {d: len(M.on(d)) for d in DATES_2020_2023}
    assert set(counts.values()) == {356}, {d: n for d, n in counts.items() if n != 356}


def test_357_municipalities_on_2024_06_01_and_after():
    assert len(M.on(date(2024, 6, 1))) == 357
    assert {len(M.on(d)) for d in DATES_FROM_2024} == {357}


def test_numbers_are_unique_on_a_date():
    for d in DATES_2020_2023[::6] + DATES_FROM_2024:
        numbers = [m.number for m in M.on(d)]
        assert len(numbers) == len(set(numbers)), d


# --- counties by date ----------------------------------------------------------------------------


def test_jevnaker_in_viken_2022_and_in_akershus_2024():
    assert M.county_of("Jevnaker", "2022-06-01") == "viken"
    assert M.county_of("Jevnaker", "2024-06-01") == "akershus"
    assert M.lookup("Jevnaker", "2022-06-01").number == "3053"
    assert M.lookup("Jevnaker", "2024-06-01").number == "3236"


def test_hole_stays_in_buskerud():
    assert M.county_of("Hole", "2024-06-01") == "buskerud"
    assert M.lookup("Hole", "2024-06-01").number == "3310"
    assert M.county_of("Hole", "2023-06-01") == "viken"


def test_molde_is_1506_in_more_og_romsdal():
    molde = M.lookup("Molde", "2024-06-01")
    assert (molde.number, molde.county) == ("1506", "more-og-romsdal")
    assert M.county_of("1506", "2021-03-01") == "more-og-romsdal"
    assert [m.name for m in M.find("1506", "2026-06-01")] == ["Molde"]
    assert [m.number for m in M.find("1506 Molde", "2026-06-01")] == ["1506"]
    assert M.find("1506 Oslo", "2026-06-01") == []


def test_counties_split_on_1_january_2024():
    """Viken, Vestfold og Telemark and Troms og Finnmark end on 31 December 2023; their successors hold
    the same municipalities from 1 January 2024 (Jevnaker to Akershus, not Buskerud)."""
    before, after = date(2023, 12, 31), date(2024, 1, 1)
    counts_before = {c: len(M.in_county(c, before)) for c in ("viken", "vestfold-og-telemark", "troms-og-finnmark")}
    assert counts_before == {"viken": 51, "vestfold-og-telemark": 23, "troms-og-finnmark": 39}
    assert {c: len(M.in_county(c, after)) for c in ("viken", "vestfold-og-telemark", "troms-og-finnmark")} == dict.fromkeys(counts_before, 0)
    for old, new in (("viken", {"akershus", "buskerud", "ostfold"}), ("vestfold-og-telemark", {"vestfold", "telemark"}), ("troms-og-finnmark", {"troms", "finnmark"})):
        went = set()
        for m in M.in_county(old, before):
            (successor,) = [s for n in m.replaced_by for s in M.history(n) if s.exists_on(after)]
            went.add(successor.county)
        assert went == new, old


def test_every_county_on_a_date_has_municipalities_and_every_municipality_one_county():
    """Every county file valid on a date has at least one municipality that day, and every municipality
    valid that day has exactly one county, which exists that day."""
    for d in DATES_2020_2023 + DATES_FROM_2024:
        present = M.on(d)
        by_county = {}
        for m in present:
            assert isinstance(m.county, str) and m.county in COUNTY_FILES, (d, m)
            assert county_exists(m.county, d), (d, m.number, m.county)
            by_county.setdefault(m.county, []).append(m.number)
        expected = {cid for cid in COUNTY_FILES if county_exists(cid, d)}
        assert set(by_county) == expected, (d, expected ^ set(by_county))


def test_every_county_id_used_is_a_county_file():
    used = {m.county for m in M.load_register().rows}
    assert used <= set(COUNTY_FILES)
    assert used == set(COUNTY_FILES)  # and every county file has municipalities in some period


def test_oslo_is_both_municipality_and_county():
    assert M.county_of("0301", "2022-06-01") == "oslo"
    assert M.county_of("301", "2026-06-01") == "oslo"


# --- the 2024 changes and the links between numbers ----------------------------------------------


def test_haram_exists_from_2024_and_not_on_2023_12_31():
    haram = M.lookup("Haram", "2024-01-01")
    assert (haram.number, haram.county, haram.valid_from) == ("1580", "more-og-romsdal", date(2024, 1, 1))
    assert M.find("Haram", "2023-12-31") == []
    with pytest.raises(MunicipalityNotFound) as e:
        M.lookup("Haram", "2023-12-31")
    assert "31. desember 2023" in e.value.message
    assert "1. januar 2024" in e.value.message


def test_alesund_split_into_alesund_and_haram():
    (old,) = M.history("1507")
    assert (old.valid_from, old.valid_to, old.replaced_by) == (date(2020, 1, 1), date(2023, 12, 31), ("1508", "1580"))
    assert M.history("1508")[0].replaces == ("1507",)
    assert M.history("1580")[0].replaces == ("1507",)
    assert M.lookup("Ålesund", "2023-12-31").number == "1507"
    assert M.lookup("Ålesund", "2024-01-01").number == "1508"


def test_links_run_both_ways():
    reg = M.load_register()
    for m in reg.rows:
        for n in m.replaced_by:
            (succ,) = [s for s in reg.by_number(n) if s.valid_from == m.valid_to + timedelta(days=1)]
            assert m.number in succ.replaces
        for n in m.replaces:
            (pred,) = [p for p in reg.by_number(n) if p.valid_to == m.valid_from - timedelta(days=1)]
            assert m.number in pred.replaced_by
    renumbered = [m for m in reg.rows if m.replaced_by]
    assert len(renumbered) == 114  # 51 in Viken, 23 in Vestfold og Telemark, 39 in Troms og Finnmark, 1507 Ålesund
    assert all(m.valid_to == date(2023, 12, 31) for m in renumbered)


# --- names -----------------------------------------------------------------------------------------


def test_sami_and_kven_parallel_names():
    karasjok = M.lookup("Karasjok", "2024-06-01")
    assert (karasjok.number, karasjok.name, karasjok.parallel_names, karasjok.label) == (
        "5610", "Karasjok", ("Kárášjohka",), "Kárášjohka - Karasjok",
    )
    for text in ("Kárášjohka", "kárášjohka", "KARASJOK", "Kárášjohka - Karasjok", "Kárášjohka – Karasjok", "Karasjok kommune"):
        assert [m.number for m in M.find(text, "2024-06-01")] == ["5610"], text
    kafjord = M.lookup("Kåfjord", "2022-06-01")
    assert (kafjord.number, kafjord.parallel_names) == ("5426", ("Gáivuotna", "Kaivuono"))
    assert M.lookup("Kaivuono", "2024-06-01").number == "5540"


def test_names_dated_by_klass():
    """KLASS gives a new name from 1 January: Trondheim is "Trondheim - Tråante" from 2023, Oslo
    "Oslo - Oslove" from 2026. A name of the same municipality at another time still finds it."""
    assert M.lookup("Trondheim", "2022-06-01").label == "Trondheim"
    assert M.lookup("Trondheim", "2023-06-01").label == "Trondheim - Tråante"
    assert M.lookup("Tråante", "2022-06-01").number == "5001"
    assert M.lookup("Oslo", "2025-12-31").parallel_names == ()
    assert M.lookup("Oslo", "2026-01-01").parallel_names == ("Oslove",)
    assert M.lookup("Lyngen", "2026-06-01").parallel_names == ("Ivgu", "Yykeä")


def test_shared_names_are_ambiguous_until_qualified():
    assert [m.number for m in M.find("Herøy", "2024-06-01")] == ["1515", "1818"]
    with pytest.raises(MunicipalityNotFound) as e:
        M.lookup("Herøy", "2024-06-01")
    assert "1515" in e.value.message and "1818" in e.value.message and "1. juni 2024" in e.value.message
    assert len(e.value.candidates) == 2
    assert M.lookup("Herøy (Nordland)", "2024-06-01").number == "1818"
    assert M.lookup("Våler (Viken)", "2022-06-01").county == "viken"
    assert M.lookup("Våler (Østfold)", "2024-06-01").county == "ostfold"


def test_search_for_type_ahead():
    assert [m.number for m in M.search("mol", "2024-06-01")] == ["1506"]
    assert [m.number for m in M.search("1506", "2024-06-01")] == ["1506"]
    assert "5610" in [m.number for m in M.search("kár", "2024-06-01")]
    assert M.search("", "2024-06-01") == []
    assert len(M.search("s", "2024-06-01", limit=5)) == 5


# --- refusals name the date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,on,date_nb",
    [
        ("Haram", "2023-12-31", "31. desember 2023"),
        ("1580", "2022-06-01", "1. juni 2022"),
        ("3053", "2024-06-01", "1. juni 2024"),
        ("1507", "2024-06-01", "1. juni 2024"),
        ("5437", "2025-03-15", "15. mars 2025"),
    ],
)
def test_a_municipality_that_did_not_exist_is_refused_naming_the_date(text, on, date_nb):
    assert M.find(text, on) == []
    with pytest.raises(MunicipalityNotFound) as e:
        M.county_of(text, on)
    assert "fantes ikke" in e.value.message
    assert date_nb in e.value.message


def test_refusals_say_where_it_went():
    with pytest.raises(MunicipalityNotFound) as e:
        M.lookup("3053", "2024-06-01")
    assert e.value.message == (
        "Kommunenummer 3053 (Jevnaker) fantes ikke 1. juni 2024: det gjaldt til og med 31. desember 2023, "
        "og fra 1. januar 2024 har Jevnaker kommunenummer 3236."
    )
    with pytest.raises(MunicipalityNotFound) as e:
        M.lookup("1507", "2024-06-01")
    assert "delt i 1508 Ålesund og 1580 Haram" in e.value.message


def test_unknown_text_and_dates_before_the_register():
    with pytest.raises(MunicipalityNotFound) as e:
        M.lookup("Atlantis", "2024-06-01")
    assert "Atlantis" in e.value.message
    with pytest.raises(MunicipalityNotFound) as e:
        M.lookup("Oslo", "2019-12-31")
    assert "1. januar 2020" in e.value.message and "31. desember 2019" in e.value.message
    with pytest.raises(ValueError):
        M.on("1. juni 2022")


# --- validation ----------------------------------------------------------------------------------

GOOD = """
start = "2020-01-01"
[sources.a]
origin = "x/y"
path = "p"
commit = "c"
file = "f"
retrieved = "2026-12-07"

[[municipality]]
number = "1506"
name = "Molde"
county = "more-og-romsdal"
valid_from = "2020-01-01"
checked_against = ["a"]
checked = "2026-12-07"
"""


def test_the_small_register_reads():
    reg = M.parse_register(GOOD)
    assert [(m.number, m.name, m.klass_name, m.valid_to) for m in reg.rows] == [("1506", "Molde", "Molde", None)]


@pytest.mark.parametrize(
    "old,new,key",
    [
        ('number = "1506"', 'number = "156"', "number"),
        ('county = "more-og-romsdal"', 'county = "romsdal"', "county"),
        ('valid_from = "2020-01-01"', 'valid_from = "2020-13-01"', "valid_from"),
        ('valid_from = "2020-01-01"', 'valid_from = "2019-12-31"', "valid_from"),
        ('name = "Molde"', 'name = ""', "name"),
        ('checked_against = ["a"]', 'checked_against = ["b"]', "checked_against"),
        ('checked = "2026-12-07"', 'checked = "i dag"', "checked"),
        ('county = "more-og-romsdal"', 'county = "more-og-romsdal"\nfylke = "x"', "fylke"),
        ('county = "more-og-romsdal"', 'county = "more-og-romsdal"\nvalid_to = "2019-01-01"', "valid_to"),
        ('county = "more-og-romsdal"', 'county = "more-og-romsdal"\nklass_name = "Molde - Moldi"', "klass_name"),
        ('county = "more-og-romsdal"', 'county = "more-og-romsdal"\nreplaced_by = ["1508"]', "replaced_by"),
    ],
)
def test_a_malformed_row_is_rejected_naming_the_number_and_key(old, new, key):
    bad = GOOD.replace(old, new)
    assert bad != GOOD
    with pytest.raises(RegisterError) as e:
        M.parse_register(bad)
    assert e.value.key == key
    assert "municipalities/register.toml" in str(e.value)
    if key != "number":
        assert "kommune 1506" in str(e.value)
    else:
        assert "rad 1" in str(e.value)


def test_a_missing_key_and_overlapping_periods_are_rejected():
    with pytest.raises(RegisterError) as e:
        M.parse_register(GOOD.replace('county = "more-og-romsdal"\n', ""))
    assert (e.value.where, e.value.key) == ("kommune 1506", "county")
    twice = GOOD + GOOD[GOOD.index("[[municipality]]"):].replace('valid_from = "2020-01-01"', 'valid_from = "2021-01-01"')
    with pytest.raises(RegisterError) as e:
        M.parse_register(twice)
    assert "overlapper" in str(e.value) and "1506" in str(e.value)


def test_the_committed_register_passes_every_rule():
    reg = M.parse_register(REGISTER.read_text(encoding="utf-8"))
    assert len(reg.rows) == len(M.load_register().rows)
    for m in reg.rows:
        origins = {reg.sources[s]["origin"] for s in m.checked_against}
        assert len(origins) >= 2, m  # every row checked against two independent repositories
        assert m.checked == date(2026, 12, 7)


# --- the generator and the extracts ----------------------------------------------------------------


def test_the_generator_reproduces_the_committed_register(tmp_path):
    out = tmp_path / "register.toml"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == REGISTER.read_bytes()


@pytest.mark.parametrize(
    "file,old,new,expected",
    [
        # an independent list spells a name differently
        ("tobiasmcvey-kommuner-2021-10-12.csv", "3053,Jevnaker,", "3053,Jevnakker,", ["tm-2021", "3053", "Jevnakker"]),
        # the two copies of KLASS's change table disagree on one record
        ("opisthokonta-klass131-changes-from-2022.extract", '"oldCode":"3053","oldName":"Jevnaker","oldShortName":"","newCode":"3236"',
         '"oldCode":"3053","oldName":"Jevnaker","oldShortName":"","newCode":"3310"', ["change tables disagree", "3053", "3310"]),
        # the 2026 KLASS list has a municipality in another county
        ("hogne67-klass131-codesat-2026-01-01.extract", '"code": "3236",\n    "name": "Jevnaker",\n    "countyCode": "32"',
         '"code": "3236",\n    "name": "Jevnaker",\n    "countyCode": "33"', ["hg-2026", "3236"]),
    ],
)
def test_the_generator_fails_naming_the_row_when_copies_disagree(tmp_path, file, old, new, expected):
    copy = tmp_path / "extracts"
    copy.mkdir()
    for p in EXTRACTS.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    text = (copy / file).read_text(encoding="utf-8")
    assert old in text
    (copy / file).write_text(text.replace(old, new), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--extracts", str(copy), "--out", str(tmp_path / "r.toml")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1
    for word in expected:
        assert word in proc.stderr, proc.stderr
    assert not (tmp_path / "r.toml").exists()


def test_the_generator_fails_when_a_year_drops_a_municipality(tmp_path):
    copy = tmp_path / "extracts"
    copy.mkdir()
    for p in EXTRACTS.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    f = copy / "ssb-kostra-11cf-2023-kommunenummer.md"
    f.write_text(f.read_text(encoding="utf-8").replace("`3038`: Hole<br/>", ""), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--extracts", str(copy), "--out", str(tmp_path / "r.toml")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1
    assert "3038" in proc.stderr and "ssb-2023" in proc.stderr, proc.stderr


def test_extracts_match_their_recorded_checksums():
    """The README records each extract's origin, commit and sha256; the files are as retrieved."""
    readme = (EXTRACTS / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| `([^`]+)` \| ([^|]+) \| `([^`]+)` \| `([0-9a-f]{40})`.*\| `([0-9a-f]{64})` \|$", readme, re.M)
    sources = tomllib.loads(REGISTER.read_text(encoding="utf-8"))["sources"]
    assert {r[0] for r in rows} == set(sources)
    for sid, file, repo, path, commit, sha in rows:
        s = sources[sid]
        assert (s["file"], s["origin"], s["path"], s["commit"]) == (f"extracts/{file}", repo.strip(), path, commit), sid
        assert hashlib.sha256((EXTRACTS / file).read_bytes()).hexdigest() == sha, file
    assert {p.name for p in EXTRACTS.iterdir()} == {r[1] for r in rows} | {"README.md"}


def test_extracts_are_not_packed_into_the_wheel():
    """site_build/wheel.py packs .py/.toml/.txt/.json: the extracts must not ship to the browser."""
    assert not [p.name for p in EXTRACTS.iterdir() if p.suffix in {".py", ".toml", ".txt", ".json"}]
