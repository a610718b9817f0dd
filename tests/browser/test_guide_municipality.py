"""The municipality question in a real browser: the WAI-ARIA combobox, its county, refusals and a county change."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from tests.browser.test_accessibility import axe_violations, scheme_page  # noqa: F401 (scheme_page: a fixture)
from tests.helpers.guide_driver import (
    MORE_OG_ROMSDAL_WITH_INTERPRETER,
    READY_MS,
    STEP_MS,
    answer_until_review,
    choose_municipality,
    combobox_state,
    hold_engine,
    open_guide,
    show_result,
)

pytestmark = pytest.mark.browser

CASE = {k: v for k, v in MORE_OG_ROMSDAL_WITH_INTERPRETER.items() if k != "county"}


def handed_over(page, site_url, on: str, answers: dict) -> None:
    """Open the guide with a whole case in the address, as the practice page hands one over."""
    data = urllib.parse.quote(json.dumps({"on": on, "answers": answers}))
    page.goto(site_url + "veiviser/#sak=" + data)
    page.wait_for_selector("#guide-review", timeout=READY_MS)


def test_molde_by_typing_mol_before_the_engine_is_ready_then_the_referral(context, site_url):
    """"mol", arrow down, Enter chooses Molde while Pyodide still loads; the county shows; the referral names Molde kommune and Møre og Romsdal."""
    release = hold_engine(context)
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    assert page.get_attribute("#guide", "data-state") == "starting"
    state = choose_municipality(page, "mol")
    assert state["chosen"] == "1506" and state["value"] == "Molde" and "Møre og Romsdal" in state["county"]
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']")
    release(page)
    page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)
    answer_until_review(page, CASE)
    assert "Molde (1506), Møre og Romsdal" in page.inner_text("#guide-review")
    show_result(page)
    assert "Molde kommune (1506) ligger i Møre og Romsdal" in page.inner_text("#guide-place")
    body = page.inner_text("#guide-referral-body")
    assert "Molde kommune ber om karriereveiledning" in body and "Møre og Romsdal" in body


def test_molde_by_number(page, site_url):
    """"1506" gives exactly Molde; Enter chooses it and the county follows."""
    open_guide(page, site_url)
    page.focus("#q-municipality")
    page.keyboard.type("1506")
    state = combobox_state(page)
    assert state["options"] == 1 and "1 kommune passer" in state["status"]
    state = choose_municipality(page, "", steps=1)
    assert state["chosen"] == "1506" and "Møre og Romsdal" in state["county"]
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']", timeout=STEP_MS)
    assert page.evaluate("window.__guide.guide.answers.municipality") == "1506"


def test_keyboard_only_combobox(page, site_url):
    """Arrow keys open the list and move the active option, Enter chooses, Escape closes; role, aria-expanded and aria-activedescendant at each step."""
    open_guide(page, site_url)
    page.focus("#q-municipality")
    s = combobox_state(page)
    assert s["role"] == "combobox" and s["expanded"] == "false" and s["active"] is None and s["listRole"] == "listbox" and s["listHidden"]
    page.keyboard.type("her")  # Herøy (two), Hermansverk? the list opens with the matches
    s = combobox_state(page)
    assert s["expanded"] == "true" and s["active"] is None and s["options"] >= 2 and "passer" in s["status"]
    page.keyboard.press("ArrowDown")
    first = combobox_state(page)
    assert first["active"] and first["activeRole"] == "option" and first["activeSelected"] == "true"
    page.keyboard.press("ArrowDown")
    second = combobox_state(page)
    assert second["active"] and second["active"] != first["active"] and second["expanded"] == "true"
    page.keyboard.press("ArrowUp")
    assert combobox_state(page)["active"] == first["active"]
    page.keyboard.press("Enter")
    chosen = combobox_state(page)
    assert chosen["expanded"] == "false" and chosen["active"] is None and chosen["listHidden"]
    assert chosen["chosen"] and chosen["value"] in first["activeText"] and chosen["county"]
    assert page.get_attribute("#guide-step", "data-question") == "municipality"  # Enter chose; it did not submit
    page.keyboard.press("Backspace")
    assert combobox_state(page)["expanded"] == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    closed = combobox_state(page)
    assert closed["expanded"] == "false" and closed["active"] is None and closed["listHidden"]
    page.keyboard.press("Alt+ArrowDown")
    assert combobox_state(page)["expanded"] == "true" and combobox_state(page)["active"] is None


def test_the_municipality_step_passes_axe(scheme_page, site_url):
    """axe finds no WCAG 2.1 A/AA violation on the step, light and dark: empty, a long list open, an option active deep in it, chosen, in error."""
    page = scheme_page
    open_guide(page, site_url)
    failures = {}
    for label, act in [("empty", lambda: None), ("open", lambda: page.keyboard.type("s")),
                       ("active", lambda: [page.keyboard.press("ArrowDown") for _ in range(12)]),
                       ("chosen", lambda: page.keyboard.press("Enter"))]:
        page.focus("#q-municipality")
        act()
        v = axe_violations(page)
        if v:
            failures[label] = v
    page.fill("#q-municipality", "Atlantis")
    page.click("#guide-next")
    page.wait_for_selector("#guide-error-summary")
    v = axe_violations(page)
    if v:
        failures["error"] = v
    assert not failures, failures


def test_oslo_under_more_og_romsdal_is_refused_in_the_guide(page, site_url):
    """A case "Oslo" with county Møre og Romsdal is refused at the municipality, naming both; choosing again goes on."""
    handed_over(page, site_url, "2026-11-23", {**CASE, "municipality": "Oslo", "county": "more-og-romsdal"})
    summary = page.inner_text("#guide-error-summary")
    assert "Oslo" in summary and "Møre og Romsdal" in summary
    page.click("#guide-show-result")
    page.wait_for_selector("#guide-step[data-question='municipality'] #guide-error-summary", timeout=STEP_MS)
    assert "Møre og Romsdal" in page.inner_text("#q-municipality-error")
    assert page.locator("#guide-result").count() == 0


def test_viken_case_names_the_successor_county(page, site_url):
    """Asker on 20.12.2023, settled 1.11.2023: the result says once that Viken ends and Akershus holds the session."""
    answers = {**CASE, "municipality": "Asker", "permit_date": "2023-09-01", "settlement_date": "2023-11-01", "planned_session_date": None}
    handed_over(page, site_url, "2023-12-20", answers)
    show_result(page)
    change = page.inner_text("#guide-county-change")
    assert "Viken" in change and "Akershus" in change and "31. desember 2023" in change
    assert page.get_attribute("#guide-county-change", "data-successor") == "akershus"
    assert page.locator("#guide-county-change").count() == 1
    assert "Akershus fylkeskommune" in page.inner_text("#guide-referral-body")


def test_a_plain_list_where_the_type_ahead_cannot_be_built(context, site_url):
    """If the combobox cannot be built, the question is a plain <select> of the same municipalities, and the guide goes on."""
    context.add_init_script(
        """const set = Element.prototype.setAttribute;
        Element.prototype.setAttribute = function (name, value) {
            if (name === "aria-autocomplete") throw new Error("no combobox here");
            return set.call(this, name, value);
        };"""
    )
    page = context.new_page()
    open_guide(page, site_url)
    assert page.locator("select#q-municipality").count() == 1 and page.locator("[role=combobox]").count() == 0
    label = page.eval_on_selector("#q-municipality option[value='\"1506\"']", "o => o.textContent")
    assert label.startswith("Molde (1506)") and "Møre og Romsdal" in label
    page.select_option("#q-municipality", '"1506"')
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']", timeout=STEP_MS)
    assert page.evaluate("window.__guide.guide.answers.municipality") == "1506"
