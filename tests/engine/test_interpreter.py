"""Interpreter duty: who orders and who pays, from the county's routine, else national guidance, else "unknown"."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine.decisions import interpreter
from guide_engine import provenance
from tests.helpers.engine_helpers import county, facts

ON = date(2026, 11, 23)


def test_county_orders_and_pays():
    """Where the routine says the county orders and pays, the result says so and cites the source."""
    r = interpreter.decide(facts(county(interpreter_orders="county", interpreter_pays="county"), ON), True, "dari")
    assert (r["orders"], r["pays"], r["language"]) == ("county", "county", "dari")
    assert r["sources"] and r["references"]


def test_municipality_orders_county_refunds():
    """Municipality orders, county pays: the refund details are carried into the result."""
    r = interpreter.decide(facts(county(interpreter_orders="municipality", interpreter_pays="county", interpreter_refund="Fakturareferanse 1"), ON), True, "somali")
    assert (r["orders"], r["pays"], r["refund"]) == ("municipality", "county", "Fakturareferanse 1")
    assert any("refundert" in x for x in r["reasons"])


def test_no_routine_falls_back_to_national_guidance_labelled_as_such():
    """Without a county routine after 2021: IMDi's national guidance (the county arranges and pays), labelled national."""
    r = interpreter.decide(facts(county(), ON), True, "dari")
    assert (r["orders"], r["pays"], r["layer"]) == ("county", "county", "national")
    assert r["sources"] == ["imdi-karriereveiledning-etter-integreringsloven.txt"]
    f = facts(county(), ON)
    r = interpreter.decide(f, True, "dari")
    notes = {n["id"]: n["note"] for n in f.notes("interpreter")}
    assert r["data_notes"] and set(r["data_notes"]) == set(notes)
    assert any("nasjonal veiledning fra IMDi" in t and "ikke på fylkets egen rutine" in t for t in notes.values())
    assert all("Nasjonal veiledning (IMDi)" in x for x in r["reasons"])


def test_no_routine_and_no_national_guidance_is_unknown_and_says_ask_the_county():
    """Before the Integration Act (no national guidance either): unknown, the law's minimum cited, ask the county."""
    r = interpreter.decide(facts(county(), date(2020, 6, 1)), True, "dari")
    assert (r["orders"], r["pays"], r["layer"]) == ("unknown", "unknown", None)
    assert "integreringsloven-11" in r["references"] and "tolkeloven-6" not in r["references"]
    assert any("Ingen rutine registrert" in x and "Spør fylkeskommunen" in x for x in r["reasons"])


def test_routine_outside_its_period_does_not_apply():
    """A routine fact applies only within its period; after it, national guidance answers and says so."""
    c = county(interpreter_orders=[("municipality", date(2021, 5, 1), date(2023, 12, 31))],
               interpreter_pays=[("municipality", date(2021, 5, 1), date(2023, 12, 31))])
    r2022 = interpreter.decide(facts(c, date(2022, 1, 1)), True, "x")
    assert (r2022["orders"], r2022["layer"]) == ("municipality", "county")
    r2024 = interpreter.decide(facts(c, date(2024, 1, 1)), True, "x")
    assert (r2024["orders"], r2024["layer"]) == ("county", "national")


def test_national_guidance_under_integreringsloven_is_not_applied_to_a_covid_law_case():
    """IMDi's page is «Karriereveiledning etter integreringsloven»: a participant under introduksjonsloven (the covid
    law's assessment) gets no national answer, but unknown and «ask the county»."""
    r = interpreter.decide(facts(county(), date(2021, 6, 1), "assess_need"), True, "dari")
    assert (r["orders"], r["pays"], r["layer"]) == ("unknown", "unknown", None)
    assert interpreter.decide(facts(county(), date(2021, 6, 1), "right_and_duty"), True, "dari")["layer"] == "national"


def test_language_dropped_when_no_interpreter_needed():
    """No interpreter needed: no language in the result."""
    assert interpreter.decide(facts(county(), ON), False, "dari")["language"] is None


def test_tolkeloven_cited_only_when_in_force(monkeypatch):
    """Tolkeloven (in force 1 January 2022) is cited for later dates only (where nothing else answers)."""
    monkeypatch.setattr(provenance, "load_national", lambda: {})
    assert "tolkeloven-6" not in interpreter.decide(facts(county(), date(2021, 6, 1)), True, "x")["references"]
    assert "tolkeloven-6" in interpreter.decide(facts(county(), date(2022, 1, 1)), True, "x")["references"]


def test_the_words_come_from_the_decision_and_every_surface_follows(monkeypatch):
    """Changing the interpreter decision's words at their one place (interpreter.words) changes the
    checklist task, the letter, the summary and what the page is sent (interpreter.words)."""
    from guide_engine import api
    from tests.helpers.engine_helpers import case

    marked = {"summary": "ORDS-OPPSUMMERING", "task": "ORDS-OPPGAVE", "basis": "ORDS-GRUNNLAG", "letter": "ORDS-BREV"}
    monkeypatch.setattr(interpreter, "words", lambda needed, orders, pays, layer, language, confirmed=True: dict(marked))
    r = api.evaluate(case(interpreter_needed=True, interpreter_language="tigrinja"), "2026-11-23")
    assert r["ok"], r["errors"]
    task = next(t for t in r["checklist"] if t["id"].startswith("interpreter_") and t["id"] != "interpreter_refund")
    assert (task["task"], task["basis"]) == ("ORDS-OPPGAVE", "ORDS-GRUNNLAG")
    assert "- ORDS-BREV\n" in r["referral"]["body"]
    assert r["summary"]["interpreter"]["text"] == "ORDS-OPPSUMMERING"
    assert r["interpreter"]["words"] == marked


@pytest.mark.parametrize("orders, pays, layer, summary, letter", [
    ("municipality", "county", "county", "Kommunen bestiller tolk, fylkeskommunen betaler.",
     "Tolk: ja, på dari. Kommunen bestiller tolken og sender refusjonskrav til fylkeskommunen."),
    ("county", "county", "national", "Fylkeskommunen bestiller og betaler tolk. (Nasjonal veiledning fra IMDi, ikke fylkets egen rutine.)",
     "Tolk: ja, på dari. Vi har ikke funnet deres rutine for tolk; etter IMDis nasjonale veiledning sørger fylkeskommunen for og betaler tolken. Bekreft gjerne."),
    ("unknown", "unknown", None, "Ikke avklart hvem som bestiller og betaler tolk: spør fylkeskommunen.",
     "Tolk: ja, på dari. Vi ber om svar på hvem som bestiller og betaler tolken."),
])
def test_the_words_say_who_orders_and_pays(orders, pays, layer, summary, letter):
    """One line for the summary, the task and the letter's line, each naming who orders and pays."""
    w = interpreter.words(True, orders, pays, layer, "dari")
    assert (w["summary"], w["letter"]) == (summary, letter)
    assert "dari" in w["task"] and w["basis"]
    assert interpreter.words(False, orders, pays, layer, "dari") == {
        "summary": "Ikke behov for tolk.", "task": None, "basis": None, "letter": "Tolk: ikke nødvendig."}
