"""Interpreter duty: who orders and who pays, from the county's routine, else national guidance, else "unknown"."""

from __future__ import annotations

from datetime import date

from guide_engine import interpreter, provenance
from tests.helpers.engine_helpers import county

ON = date(2026, 11, 23)


def test_county_orders_and_pays():
    """Where the routine says the county orders and pays, the result says so and cites the source."""
    r = interpreter.decide(county(interpreter_orders="county", interpreter_pays="county"), ON, True, "dari")
    assert (r["orders"], r["pays"], r["language"]) == ("county", "county", "dari")
    assert r["sources"] and r["references"]


def test_municipality_orders_county_refunds():
    """Municipality orders, county pays: the refund details are carried into the result."""
    r = interpreter.decide(
        county(interpreter_orders="municipality", interpreter_pays="county", interpreter_refund="Fakturareferanse 1"),
        ON, True, "somali")
    assert (r["orders"], r["pays"], r["refund"]) == ("municipality", "county", "Fakturareferanse 1")
    assert any("refundert" in x for x in r["reasons"])


def test_no_routine_falls_back_to_national_guidance_labelled_as_such():
    """Without a county routine after 2021: IMDi's national guidance (the county arranges and pays), labelled national."""
    r = interpreter.decide(county(), ON, True, "dari", "right_and_duty")
    assert (r["orders"], r["pays"], r["layer"]) == ("county", "county", "national")
    assert r["sources"] == ["imdi-karriereveiledning-etter-integreringsloven.txt"]
    assert any("nasjonal veiledning fra IMDi" in n and "ikke på fylkets egen rutine" in n for n in r["data_notes"])
    assert all("Nasjonal veiledning (IMDi)" in x for x in r["reasons"])


def test_no_routine_and_no_national_guidance_is_unknown_and_says_ask_the_county():
    """Before the Integration Act (no national guidance either): unknown, the law's minimum cited, ask the county."""
    r = interpreter.decide(county(), date(2020, 6, 1), True, "dari")
    assert (r["orders"], r["pays"], r["layer"]) == ("unknown", "unknown", None)
    assert "integreringsloven-11" in r["references"] and "tolkeloven-6" not in r["references"]
    assert any("Ingen rutine registrert" in x and "Spør fylkeskommunen" in x for x in r["reasons"])


def test_routine_outside_its_period_does_not_apply():
    """A routine fact applies only within its period; after it, national guidance answers and says so."""
    c = county(interpreter_orders=[("municipality", date(2021, 5, 1), date(2023, 12, 31))],
               interpreter_pays=[("municipality", date(2021, 5, 1), date(2023, 12, 31))])
    r2022 = interpreter.decide(c, date(2022, 1, 1), True, "x", "right_and_duty")
    assert (r2022["orders"], r2022["layer"]) == ("municipality", "county")
    r2024 = interpreter.decide(c, date(2024, 1, 1), True, "x", "right_and_duty")
    assert (r2024["orders"], r2024["layer"]) == ("county", "national")


def test_national_guidance_under_integreringsloven_is_not_applied_to_a_covid_law_case():
    """IMDi's page is «Karriereveiledning etter integreringsloven»: a participant under introduksjonsloven (the covid
    law's assessment) gets no national answer, but unknown and «ask the county»."""
    r = interpreter.decide(county(), date(2021, 6, 1), True, "dari", "assess_need")
    assert (r["orders"], r["pays"], r["layer"]) == ("unknown", "unknown", None)
    assert interpreter.decide(county(), date(2021, 6, 1), True, "dari", "right_and_duty")["layer"] == "national"


def test_language_dropped_when_no_interpreter_needed():
    """No interpreter needed: no language in the result."""
    assert interpreter.decide(county(), ON, False, "dari")["language"] is None


def test_tolkeloven_cited_only_when_in_force(monkeypatch):
    """Tolkeloven (in force 1 January 2022) is cited for later dates only (where nothing else answers)."""
    monkeypatch.setattr(provenance, "load_national", lambda: {})
    assert "tolkeloven-6" not in interpreter.decide(county(), date(2021, 6, 1), True, "x")["references"]
    assert "tolkeloven-6" in interpreter.decide(county(), date(2022, 1, 1), True, "x")["references"]
