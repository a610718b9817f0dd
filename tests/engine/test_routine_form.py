"""The routine page's engine side: the county file from the form, its errors at the fields, the preview."""

from __future__ import annotations

import copy
import json
import shutil
from datetime import date

import pytest

from guide_engine import bridge, data_loader, routine_check, routine_form
from guide_engine.data_loader import DataError

ON = "2026-12-07"

# A career centre in Akershus (no routine registered) fills in the form.
AKERSHUS = {
    "county": "akershus", "on": ON, "mode": "routine", "by": "Karrieresenteret i Akershus (karriere@afk.no)",
    "routine": {"title": "Rutine for karriereveiledning etter integreringsloven", "valid_from": "2026-11-01"},
    "documents": [{"title": "Rutine for karriereveiledning", "publisher": "Akershus fylkeskommune", "kind": "rutine",
                   "as_of": "2026-11", "url": ""}],
    "facts": {
        "interpreter_orders": {"value": "county", "text": "Karrieresenteret bestiller tolk.", "document": "0", "valid_from": ""},
        "session_length_minutes": {"value": "60", "text": "Veiledningen varer en time.", "document": "0", "valid_from": ""},
        "booking_mailbox": {"value": "karriere@afk.no", "text": "Henvisninger sendes til karriere@afk.no.", "document": "0",
                            "valid_from": ""},
        "booking_lead_days": {"value": "", "text": "", "document": "0", "valid_from": ""},
    },
    "contacts": [{"name": "Karrieresenteret i Akershus", "role": "Bestilling av karriereveiledning", "email": "karriere@afk.no"}],
    "email_domains": "afk.no",
    "owner": "",
}


def with_(change) -> dict:
    msg = copy.deepcopy(AKERSHUS)
    change(msg)
    return msg


def load_as_build(tmp_path, name: str, text: str):
    """The file put in a copy of the data folder and loaded as the build loads it: the county, or the DataError."""
    folder = tmp_path / "data"
    shutil.copytree(data_loader.files.package_data_dir(), folder)
    (folder / "counties" / name).write_text(text, encoding="utf-8")
    with data_loader.use_data_dir(folder):
        try:
            counties = data_loader.load_counties()
            data_loader.load_searches()
            return counties[name[:-5]]
        except DataError as e:
            return e


def test_a_new_routine_makes_a_file_the_build_accepts_unchanged(tmp_path):
    """The form for Akershus gives a file that loads in a copy of the data with its routine, facts and mailbox."""
    out = routine_form.build(AKERSHUS)
    assert out["ok"] and out["errors"] == [] and out["file"] == "akershus.toml"
    county = load_as_build(tmp_path, out["file"], out["toml"])
    assert not isinstance(county, DataError), county
    assert county.routine.title == AKERSHUS["routine"]["title"] and county.routine.period.valid_from == date(2026, 11, 1)
    assert county.fact("interpreter_orders", date(2026, 12, 7)).value == "county"
    assert county.fact("session_length_minutes", date(2026, 12, 7)).value == 60
    assert "booking_lead_days" not in county.facts  # left empty: not stated
    assert [c.email for c in county.contacts if c.kind == "mailbox"] == ["karriere@afk.no"]
    assert county.confirmations[-1].by == AKERSHUS["by"] and county.confirmations[-1].covers == ("routine",)
    assert [c.url for c in county.contacts if c.kind == "website"] == ["https://afk.no/"]  # today's contact kept


def test_the_preview_and_summary_show_the_new_routine():
    """The preview has the routine, each fact with its source, what is not stated, and the confirmation."""
    out = routine_form.build(dict(AKERSHUS, owner="post@nettsted.example"))
    p = out["preview"]
    assert p["routine"]["title"] == AKERSHUS["routine"]["title"] and p["routine"]["from"] == "1. november 2026"
    assert {f["key"] for f in p["facts"]} == {"interpreter_orders", "session_length_minutes", "booking_mailbox"}
    given = {"interpreter_orders", "session_length_minutes", "booking_mailbox"}
    assert p["unknown"] == [k["label"] for k in routine_form.fact_kinds() if k["key"] not in given]
    assert p["confirmations"] == [{"date": "7. desember 2026", "by": AKERSHUS["by"], "covers": ["rutinen slik siden viser den"]}]
    assert out["summary"].startswith("Til: post@nettsted.example\nEmne: Karriereveiledning i Akershus: ny rutine 7. desember 2026\n")
    assert "- Ny: Hvem bestiller tolk: «Karrieresenteret bestiller tolk.»" in out["summary"]


@pytest.mark.parametrize("scenario, change, field", [
    ("the routine's name left empty", lambda m: m["routine"].update(title=""), "routine.title"),
    ("a fact's sentence left empty", lambda m: m["facts"]["interpreter_orders"].update(text=""), "facts.interpreter_orders.text"),
    ("a lead time in words", lambda m: m["facts"]["booking_lead_days"].update(value="to uker", text="To uker før."), "facts.booking_lead_days.value"),
    ("a mailbox with a person's name", lambda m: m["contacts"][0].update(email="ola.nordmann@afk.no"), "contacts[0].email"),
    ("a mailbox outside the county's domains", lambda m: m.update(email_domains=""), "facts.booking_mailbox.value"),
    ("the document without a date", lambda m: m["documents"][0].update(as_of=""), "documents[0].as_of"),
    ("the sender left empty", lambda m: m.update(by=""), "by"),
])
def test_each_error_is_the_builds_message_at_its_field(scenario, change, field, tmp_path):
    """The message at the field is the one the build gives for the same file (file and key named)."""
    msg = with_(change)
    out = routine_form.build(msg)
    assert not out["ok"]
    (error,) = out["errors"]
    build = load_as_build(tmp_path, "akershus.toml", out["toml"])
    assert isinstance(build, DataError)
    assert (error["field"], error["message"], error["build"]) == (field, build.message, str(build))


def test_rutinen_stemmer_adds_a_dated_confirmation_to_todays_file(tmp_path):
    """«Rutinen stemmer» for Møre og Romsdal: today's file word for word, one confirmation more, nothing else."""
    msg = {"county": "more-og-romsdal", "on": ON, "mode": "confirm", "by": "Karriere Møre og Romsdal (karrieremr@mrfylke.no)"}
    out = routine_form.build(msg)
    today = (data_loader.files.package_data_dir() / "counties" / "more-og-romsdal.toml").read_text(encoding="utf-8")
    assert out["ok"] and out["toml"].startswith(today.rstrip("\n"))
    assert [c["kind"] for c in out["changes"]] == ["confirmation"]
    report = routine_check.check(out["toml"], "more-og-romsdal.toml", date(2026, 12, 7))
    assert report.confirmation_only
    county = load_as_build(tmp_path, "more-og-romsdal.toml", out["toml"])
    assert county.confirmations[-1].confirmed == date(2026, 12, 7)


def test_a_county_without_a_routine_has_nothing_to_confirm():
    """«Rutinen stemmer» where no routine is registered is refused with a sentence at the county."""
    out = routine_form.build({"county": "akershus", "on": ON, "mode": "confirm", "by": "Karrieresenteret"})
    assert out["errors"] == [{"field": "county", "message": "Det er ingen registrert rutine for Akershus å bekrefte.", "build": ""}]


def test_the_form_asks_for_the_core_fact_kinds_with_their_options():
    """The form's fact kinds are the core keys of fact_keys.toml, each choice worded from labels.toml."""
    kinds = {k["key"]: k for k in routine_form.fact_kinds()}
    assert set(kinds) == {k for k, fk in data_loader.load_fact_keys().items() if fk.core}
    assert kinds["interpreter_pays"]["options"] == [{"value": "county", "label": "Fylkeskommunen"},
                                                    {"value": "municipality", "label": "Kommunen"}]
    assert [o["value"] for o in kinds["adviser_participation"]["options"]] == ["required", "on_request", "case_by_case"]
    assert all(o["label"] != o["value"] for k in kinds.values() for o in k["options"])


def test_the_bridge_answers_the_routine_page():
    """The worker's op routine_file returns the same as routine_form.build."""
    reply = json.loads(bridge.handle(json.dumps({"op": "routine_file", **AKERSHUS})))
    assert reply["ok"] and reply["result"]["toml"] == routine_form.build(AKERSHUS)["toml"]


@pytest.mark.parametrize("change", [
    lambda m: m.update(contacts={"a": 1}, documents="dokument", facts=[1, 2]),
    lambda m: m.update(routine=None, by=["x"], email_domains=7),
    lambda m: m["facts"].update(interpreter_orders="county"),
], ids=["lists and tables swapped", "wrong types", "a fact that is not a table"])
def test_a_malformed_message_gets_field_messages_not_an_internal_error(change):
    """Whatever shape the page's message has, the bridge answers with the build's messages, never a fault."""
    reply = json.loads(bridge.handle(json.dumps({"op": "routine_file", **with_(change)})))
    assert reply["ok"], reply
    result = reply["result"]
    assert result["ok"] or (result["errors"] and all(e["message"] for e in result["errors"]))
