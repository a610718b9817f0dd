"""The loader rejects every broken county file with a message naming the file and the key."""

from __future__ import annotations

import copy
import shutil
from datetime import date

import pytest

from guide_engine import data_loader
from guide_engine.data_loader import DataError, parse_county

FILE = "testfylke.toml"
SOURCE = "viken-veileder-2021.txt"


def base() -> dict:
    """A minimal valid county, as tomllib would read it."""
    return {
        "id": "testfylke",
        "name": "Testfylke",
        "valid_from": "2024-01-01",
        "email_domains": ["testfylke.no"],
        "routine": {"title": "Rutine", "source": SOURCE, "valid_from": "2024-01-01"},
        "facts": {
            "interpreter_orders": [
                {"value": "county", "text": "Fylkeskommunen bestiller tolk.", "source": SOURCE, "verified": "2026-11-23"}
            ],
            "booking_mailbox": [
                {"value": "post@testfylke.no", "text": "Send til post@testfylke.no.", "source": SOURCE, "verified": "2026-11-23"}
            ],
        },
        "contacts": [
            {
                "kind": "mailbox",
                "name": "Karrieresenteret",
                "role": "Bestilling",
                "email": "post@testfylke.no",
                "source": SOURCE,
                "verified": "2026-11-23",
                "as_of": "2024-05",
            }
        ],
    }


CONFIRMED = {"date": "2026-12-07", "by": "Karrieresenteret (post@testfylke.no)", "covers": ["routine", "interpreter_orders"]}
CARRIED = {"title": "Rutine", "publisher": "Testfylke fylkeskommune", "kind": "rutine", "as_of": "2026-11"}


def fact(raw: dict, key: str = "interpreter_orders", i: int = 0) -> dict:
    return raw["facts"][key][i]


def _del(d: dict, k: str) -> None:
    del d[k]


def _overlap(raw: dict) -> None:
    """2024 and mid-2024 to mid-2025: the two entries overlap for half a year."""
    first = fact(raw)
    first.update(valid_from="2024-01-01", valid_to="2024-12-31")
    raw["facts"]["interpreter_orders"].append({**first, "value": "municipality", "valid_from": "2024-06-01", "valid_to": "2025-06-30"})


# (scenario, change to the valid county, key the message must name)
BROKEN = [
    ("a fact without a source", lambda r: _del(fact(r), "source"), "facts.interpreter_orders[0].source"),
    ("an unknown fact key", lambda r: r["facts"].update(interpreter_colour=[fact(r)]), "facts.interpreter_colour"),
    ("an unknown key in a fact", lambda r: fact(r).update(kilde="x"), "facts.interpreter_orders[0].kilde"),
    ("an unknown top-level key", lambda r: r.update(fylkesnummer=3), "fylkesnummer"),
    ("an unknown key in a contact", lambda r: r["contacts"][0].update(epost="x"), "contacts[0].epost"),
    ("a verified date in Norwegian notation", lambda r: fact(r).update(verified="23.11.2026"), "facts.interpreter_orders[0].verified"),
    ("an impossible date", lambda r: fact(r).update(valid_from="2024-02-30"), "facts.interpreter_orders[0].valid_from"),
    ("a malformed county date", lambda r: r.update(valid_from="2024"), "valid_from"),
    ("a malformed contact as_of", lambda r: r["contacts"][0].update(as_of="høsten 2020"), "contacts[0].as_of"),
    ("a source not in sources.toml", lambda r: fact(r).update(source="rykte.txt"), "facts.interpreter_orders[0].source"),
    ("a routine source not in sources.toml", lambda r: r["routine"].update(source="rykte.txt"), "routine.source"),
    ("a contact source not in sources.toml", lambda r: r["contacts"][0].update(source="rykte.txt"), "contacts[0].source"),
    ("a reference not in references.toml", lambda r: fact(r).update(references=["integreringsloven-999"]), "facts.interpreter_orders[0].references"),
    ("a contact e-mail outside the county's domains", lambda r: r["contacts"][0].update(email="ola.nordmann@kommune.no"), "contacts[0].email"),
    ("a NAV address written into a fact text", lambda r: fact(r).update(text="Kontakt kari.nordmann@nav.no."), "facts.interpreter_orders[0].text"),
    ("a personal address in a quote", lambda r: fact(r).update(quote="Send til per@larvik.kommune.no"), "facts.interpreter_orders[0].quote"),
    ("a booking mailbox outside the county's domains", lambda r: fact(r, "booking_mailbox").update(value="post@example.org"), "facts.booking_mailbox[0].value"),
    ("an e-mail in a county that registers no domain", lambda r: (r.update(email_domains=[]), r["facts"].pop("booking_mailbox")), "contacts[0].email"),
    ("two entries of one fact for the same period", lambda r: r["facts"]["interpreter_orders"].append(dict(fact(r), value="municipality")), "facts.interpreter_orders"),
    ("overlapping periods", lambda r: _overlap(r), "facts.interpreter_orders"),
    ("a period that ends before it starts", lambda r: fact(r).update(valid_from="2024-06-01", valid_to="2024-01-01"), "facts.interpreter_orders[0].valid_to"),
    ("a county that ends before it starts", lambda r: r.update(valid_to="2023-12-31"), "valid_to"),
    ("a routine that ends before it starts", lambda r: r["routine"].update(valid_from="2024-06-01", valid_to="2024-01-01"), "routine.valid_to"),
    ("a routine without a start", lambda r: _del(r["routine"], "valid_from"), "routine.valid_from"),
    ("a routine that starts before its county", lambda r: r["routine"].update(valid_from="2023-01-01"), "routine.valid_from"),
    ("a routine still open in a county that ended", lambda r: r.update(valid_to="2025-12-31"), "routine.valid_to"),
    # (a fact with its own open period; one without a period inherits its routine's, which ends with the county)
    ("a fact that outlives its county", lambda r: (r.update(valid_to="2025-12-31"), r["routine"].update(valid_to="2025-12-31"),
                                                   fact(r).update(valid_from="2024-01-01")), "facts.interpreter_orders[0].valid_to"),
    ("a fact that starts before its county", lambda r: fact(r).update(valid_from="2020-01-01"), "facts.interpreter_orders[0].valid_from"),
    ("a value of the wrong kind", lambda r: fact(r).update(value="tolkesentralen"), "facts.interpreter_orders[0].value"),
    ("a lead time that is not a number", lambda r: r["facts"].update(booking_lead_days=[{**fact(r), "value": "to uker"}]), "facts.booking_lead_days[0].value"),
    ("an unknown priority criterion", lambda r: r["facts"].update(priority_criteria=[{**fact(r), "value": ["first_come"]}]), "facts.priority_criteria[0].value"),
    ("a fact without text", lambda r: _del(fact(r), "text"), "facts.interpreter_orders[0].text"),
    ("a fact without a verified date", lambda r: _del(fact(r), "verified"), "facts.interpreter_orders[0].verified"),
    ("a contact kind that is not mailbox, person or website", lambda r: r["contacts"][0].update(kind="privat"), "contacts[0].kind"),
    ("a website without its address", lambda r: r["contacts"][0].update(kind="website"), "contacts[0].url"),
    ("a website whose source has no address", lambda r: r["contacts"][0].update(kind="website", url="https://testfylke.no/"),
     "contacts[0].url"),
    ("a website on another site than its source page",
     lambda r: r["contacts"][0].update(kind="website", url="https://testfylke.no/", source="imdi-karriereveiledning-etter-integreringsloven.txt"),
     "contacts[0].url"),
    ("a website address that is not https", lambda r: r["contacts"][0].update(url="http://www.imdi.no/"), "contacts[0].url"),
    ("an id that differs from the file name", lambda r: r.update(id="annet-fylke"), "id"),
    ("a person's name before the @ of a mailbox", lambda r: r["contacts"][0].update(email="ola.nordmann@testfylke.no"), "contacts[0].email"),
    ("a person's address as the booking mailbox", lambda r: fact(r, "booking_mailbox").update(value="k.nordmann@testfylke.no"),
     "facts.booking_mailbox[0].value"),
    ("a confirmation without a date", lambda r: r.update(confirmations=[{"by": "Karrieresenteret", "covers": ["routine"]}]),
     "confirmations[0].date"),
    ("a confirmation before the county existed", lambda r: r.update(confirmations=[{**CONFIRMED, "date": "2023-12-31"}]),
     "confirmations[0].date"),
    ("a confirmation of something unknown", lambda r: r.update(confirmations=[{**CONFIRMED, "covers": ["alt"]}]), "confirmations[0].covers"),
    ("a confirmation of a fact the file does not have", lambda r: r.update(confirmations=[{**CONFIRMED, "covers": ["interpreter_pays"]}]),
     "confirmations[0].covers"),
    ("a confirmation by a person's address", lambda r: r.update(confirmations=[{**CONFIRMED, "by": "kari.nordmann@testfylke.no"}]),
     "confirmations[0].by"),
    ("a carried source without a title", lambda r: r.update(sources={"testfylke-rutine": {**CARRIED, "title": ""}}), "sources.testfylke-rutine.title"),
    ("a carried source whose key does not begin with the county's id", lambda r: r.update(sources={"rutine-2026": CARRIED}),
     "sources.rutine-2026"),
]


@pytest.mark.parametrize("scenario, change, key", BROKEN, ids=[b[0] for b in BROKEN])
def test_loader_rejects_broken_county(scenario, change, key):
    """Each broken county file raises DataError naming the file and the offending key."""
    raw = copy.deepcopy(base())
    change(raw)
    with pytest.raises(DataError) as err:
        parse_county(FILE, raw)
    assert err.value.file == FILE
    assert err.value.key == key, str(err.value)
    assert str(err.value).startswith(f"{FILE}: {key}: ")


def test_loader_accepts_valid_county():
    """The minimal valid county parses and answers fact() by date."""
    county = parse_county(FILE, base())
    assert county.fact("interpreter_orders", date(2025, 1, 1)).value == "county"
    assert county.fact("interpreter_pays", date(2025, 1, 1)) is None


def test_loader_accepts_adjacent_periods_and_period_note():
    """Two entries of one fact whose periods touch but do not overlap are fine, and period_note is kept."""
    raw = base()
    first = fact(raw)
    first.update(valid_to="2024-12-31", period_note="Anslag.")
    raw["facts"]["interpreter_orders"].append({**first, "value": "municipality", "valid_from": "2025-01-01", "valid_to": None})
    del raw["facts"]["interpreter_orders"][1]["valid_to"]
    del raw["facts"]["interpreter_orders"][1]["period_note"]
    county = parse_county(FILE, raw)
    assert county.fact("interpreter_orders", date(2024, 6, 1)).value == "county"
    assert county.fact("interpreter_orders", date(2025, 6, 1)).value == "municipality"
    assert county.facts["interpreter_orders"][0].period_note == "Anslag."


def test_confirmations_and_functional_mailboxes_are_accepted():
    """A confirmation is read with its date, role and scope; a mailbox with a stem word is not a person's."""
    raw = base()
    raw["confirmations"] = [CONFIRMED]
    raw["contacts"][0]["email"] = "karriereveiledning.intro@testfylke.no"
    county = parse_county(FILE, raw)
    assert county.confirmations[0] == data_loader.Confirmation(date(2026, 12, 7), CONFIRMED["by"], ("routine", "interpreter_orders"))


def test_a_person_the_county_publishes_may_have_a_personal_address():
    """Only a contact of kind "person" may have an address with a person's name."""
    raw = base()
    raw["contacts"][0].update(kind="person", email="ola.nordmann@testfylke.no")
    assert parse_county(FILE, raw).contacts[0].email == "ola.nordmann@testfylke.no"


def test_a_future_confirmation_is_named_by_file_and_key():
    """A confirmation dated after the build's date fails naming confirmations[0].date."""
    raw = base()
    raw["confirmations"] = [CONFIRMED]
    county = parse_county(FILE, raw)
    with pytest.raises(DataError) as err:
        data_loader.check_verified_dates({county.id: county}, date(2026, 12, 6))
    assert (err.value.file, err.value.key) == (FILE, "confirmations[0].date")


def test_empty_email_domains_allow_no_email():
    """A county with no domains is valid as long as its file holds no e-mail address."""
    raw = base()
    raw["email_domains"] = []
    del raw["facts"]["booking_mailbox"]
    del raw["contacts"][0]["email"]
    assert parse_county(FILE, raw).email_domains == ()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of guide_engine/data that the loader reads instead of the real one."""
    real = data_loader.files.package_data_dir()
    copy_dir = tmp_path / "data"
    shutil.copytree(real, copy_dir)
    monkeypatch.setattr(data_loader.files, "DATA_DIR", copy_dir)
    data_loader.reload()
    yield copy_dir
    monkeypatch.undo()
    data_loader.reload()


def test_successor_link_must_be_mutual(data_copy):
    """A successor that does not list its predecessor fails load_counties, naming the file and key."""
    f = data_copy / "counties" / "akershus.toml"
    f.write_text(f.read_text(encoding="utf-8").replace('predecessors = ["viken"]\n', ""), encoding="utf-8")
    with pytest.raises(DataError) as err:
        data_loader.load_counties()
    assert (err.value.file, err.value.key) == ("viken.toml", "successors")


def test_unknown_predecessor_fails(data_copy):
    """A predecessor id without a county file fails load_counties."""
    f = data_copy / "counties" / "oslo.toml"
    f.write_text(f.read_text(encoding="utf-8").replace('id = "oslo"', 'id = "oslo"\npredecessors = ["christiania"]'), encoding="utf-8")
    with pytest.raises(DataError) as err:
        data_loader.load_counties()
    assert (err.value.file, err.value.key) == ("oslo.toml", "predecessors")
    assert "christiania" in err.value.message


def test_invalid_toml_names_the_file(data_copy):
    """A county file that is not valid TOML fails with the file's name."""
    (data_copy / "counties" / "oslo.toml").write_text('id = "oslo\n', encoding="utf-8")
    with pytest.raises(DataError) as err:
        data_loader.load_counties()
    assert err.value.file == "oslo.toml"


@pytest.mark.parametrize("where, key", [
    (lambda r: fact(r, "booking_mailbox"), "facts.booking_mailbox[0].verified"),
    (lambda r: r["contacts"][0], "contacts[0].verified"),
])
def test_a_future_verified_date_is_named_by_file_and_key(where, key):
    """A fact or contact verified after the build's date fails with the file, the key and both dates."""
    raw = copy.deepcopy(base())
    where(raw).update(verified="2027-01-05")
    county = parse_county(FILE, raw)
    data_loader.check_verified_dates({county.id: county}, date(2027, 1, 5))  # that very day is fine
    with pytest.raises(DataError) as err:
        data_loader.check_verified_dates({county.id: county}, date(2026, 11, 23))
    assert (err.value.file, err.value.key) == (FILE, key)
    assert str(err.value) == f"{FILE}: {key}: 2027-01-05 ligger fram i tid (i dag er 2026-11-23); skriv datoen da faktumet faktisk ble kontrollert"


def test_a_website_on_its_source_pages_site_is_accepted():
    """A website contact whose source is a page on the same site (www. aside) loads with its address."""
    raw = base()
    raw["contacts"][0].update(kind="website", url="https://imdi.no/", source="imdi-karriereveiledning-etter-integreringsloven.txt")
    del raw["contacts"][0]["email"]
    assert parse_county(FILE, raw).contacts[0].url == "https://imdi.no/"


CARRIED_TOML = '''
[sources."akershus-rutine-2026"]
title = "Rutine for karriereveiledning"
publisher = "Akershus fylkeskommune"
kind = "rutine"
as_of = "2026-11"
'''


def test_a_county_file_carries_its_own_source_into_the_registry(data_copy):
    """A [sources."<key>"] table in a county file joins load_sources(), marked with the file that carries it."""
    f = data_copy / "counties" / "akershus.toml"
    f.write_text(f.read_text(encoding="utf-8") + CARRIED_TOML, encoding="utf-8")
    src = data_loader.load_sources()["akershus-rutine-2026"]
    assert (src.publisher, src.as_of, src.carried_by) == ("Akershus fylkeskommune", "2026-11", "akershus.toml")
    assert data_loader.load_sources()["viken-veileder-2021.txt"].carried_by is None


def test_a_carried_source_may_not_repeat_a_registered_key(data_copy):
    """A county file carrying a key of sources.toml fails, naming the file, the key and where it is already."""
    f = data_copy / "counties" / "vestfold.toml"
    f.write_text(f.read_text(encoding="utf-8") + CARRIED_TOML.replace("akershus-rutine-2026", "vestfold-for-programradgivere.txt"),
                 encoding="utf-8")
    with pytest.raises(DataError) as err:
        data_loader.load_sources()
    assert (err.value.file, err.value.key) == ("vestfold.toml", "sources.vestfold-for-programradgivere.txt"), str(err.value)
    assert err.value.message == "kilden finnes allerede i sources.toml"


def _searches(data_copy, old: str, new: str) -> None:
    f = data_copy / "searches.toml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("scenario, old, new, key", [
    ("a record for a county that has no file", "[[agder]]", "[[atlantis]]", "atlantis"),
    ("a result that is not routine, contact or nothing", 'result = "contact"', 'result = "mye"', "agder[0].result"),
    ("a found contact without the contact's source", 'sources = ["agder-flyktningsituasjonen.txt"]', "sources = []",
     "agder[0].sources"),
    ("a found routine the county file does not have", 'result = "contact"', 'result = "routine"', "agder[0].sources"),
    ("a search without a date", 'searched = "2026-12-07"\nwhere = "Lagrede kopier av offentlige nettsider: Agder',
     'where = "Lagrede kopier av offentlige nettsider: Agder', "agder[0].searched"),
    ("a search with no queries", "queries = [\n  \"Karrieresenteret Agder", "queries = []\nqueries_old = [\n  \"Karrieresenteret Agder",
     "agder[0].queries"),
])
def test_search_records_are_validated(data_copy, scenario, old, new, key):
    """searches.toml is checked like the county files: each broken record names the file and the key."""
    _searches(data_copy, old, new)
    with pytest.raises(DataError) as err:
        data_loader.load_searches()
    assert (err.value.file, err.value.key) == ("searches.toml", key), str(err.value)


def test_a_county_that_exists_today_needs_a_search_record(data_copy):
    """Removing Agder's record fails the loader (and so the build), naming Agder."""
    f = data_copy / "searches.toml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text[: text.index("[[agder]]")] + text[text.index("[[akershus]]"):], encoding="utf-8")
    with pytest.raises(DataError) as err:
        data_loader.load_searches()
    assert (err.value.file, err.value.key) == ("searches.toml", "agder"), str(err.value)


def test_a_search_dated_after_the_build_fails():
    """A search recorded after the build's date is refused, naming the entry."""
    searches = data_loader.load_searches()
    with pytest.raises(DataError) as err:
        data_loader.check_search_dates(searches, date(2026, 12, 6))
    assert err.value.file == "searches.toml" and err.value.key.endswith("[0].searched")
