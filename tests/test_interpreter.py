"""Interpreter duty: who orders and who pays, from the county's routine, or "unknown" with the law's minimum."""

from __future__ import annotations

from datetime import date

from guide_engine import interpreter
from tests.engine_helpers import county

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


def test_no_routine_is_unknown_and_says_ask_the_county():
    """Without a routine: orders/pays unknown, the law's minimum cited, and the county must be asked."""
    r = interpreter.decide(county(), ON, True, "dari")
    assert (r["orders"], r["pays"]) == ("unknown", "unknown")
    assert {"integreringsloven-11", "tolkeloven-6"} <= set(r["references"])
    assert any("Ingen rutine registrert" in x and "Spør fylkeskommunen" in x for x in r["reasons"])


def test_routine_outside_its_period_does_not_apply():
    """A routine fact applies only within its period; outside it the answer is unknown."""
    c = county(interpreter_orders=[("county", date(2021, 5, 1), date(2023, 12, 31))],
               interpreter_pays=[("county", date(2021, 5, 1), date(2023, 12, 31))])
    assert interpreter.decide(c, date(2022, 1, 1), True, "x")["orders"] == "county"
    assert interpreter.decide(c, date(2024, 1, 1), True, "x")["orders"] == "unknown"


def test_language_dropped_when_no_interpreter_needed():
    """No interpreter needed: no language in the result."""
    assert interpreter.decide(county(), ON, False, "dari")["language"] is None


def test_tolkeloven_cited_only_when_in_force():
    """Tolkeloven (in force 1 January 2022) is cited for later dates only."""
    assert "tolkeloven-6" not in interpreter.decide(county(), date(2021, 6, 1), True, "x")["references"]
    assert "tolkeloven-6" in interpreter.decide(county(), date(2022, 1, 1), True, "x")["references"]
