"""The guide's reference date ("Regn ut per dato") and its review step, in a real browser."""

from __future__ import annotations

import pytest

from guide_engine import api
from tests.helpers.guide_driver import (
    MORE_OG_ROMSDAL_WITH_INTERPRETER as CASE,
    answer,
    answer_until_review,
    open_guide,
    show_result,
)

pytestmark = pytest.mark.browser

# A refugee with a permit from before 2021, in the introduction programme, in Trøndelag in the
# autumn of 2020: the temporary covid law (the municipality assesses the need), and Trøndelag's
# limited capacity then brings the priority questions.
COVID_2020 = {
    "county": "trondelag", "municipality": "Steinkjer", "participant_ref": "S-2020-17",
    "permit_group": "refugee", "permit_date": "2019-05-01", "arrival_date": "2019-02-01", "in_introduction_programme": True,
    "interpreter_needed": True, "interpreter_language": "arabisk", "wants_adviser_present": True,
    "competence_mapping_done": True, "individual_plan_exists": True, "norwegian_plan_exists": True,
    "practical_needs": None, "planned_session_date": None,
    "uncertain_plan": True, "sector_hit_by_crisis": True, "months_left_in_programme": 6, "guidance_already_given": False,
}
ON_2020 = "2020-10-15"


def set_date(page, iso: str) -> None:
    page.click("#guide-change-on")
    page.wait_for_selector("#guide-step[data-question='on']")
    page.fill("#q-on", iso)
    page.click("#guide-next")


def test_a_2020_trondelag_case_through_the_date_field(page, site_url):
    """With the date set to October 2020, the guide applies the covid law and Trøndelag's priority questions."""
    open_guide(page, site_url)
    set_date(page, ON_2020)
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    # municipalities and counties as they were in 2020: Asker in Viken
    page.fill("#q-municipality", "Asker")
    assert "Viken" in page.inner_text("#q-municipality-list")
    asked = answer_until_review(page, COVID_2020)
    want = api.evaluate({k: COVID_2020[k] for k in asked}, ON_2020)
    assert want["ok"] and want["priority"]["applies"]
    assert "in_introduction_programme" in asked
    assert set(asked) & {"uncertain_plan", "sector_hit_by_crisis", "months_left_in_programme", "guidance_already_given"}
    assert page.inner_text("#guide-review-on-value") == "15. oktober 2020"
    show_result(page)
    assert page.get_attribute("#guide-result-on", "data-on") == ON_2020
    assert "15. oktober 2020" in page.inner_text("#guide-result-on")
    assert page.get_attribute("#guide-eligibility .guide-status", "data-status") == want["eligibility"]["status"] == "assess_need"
    assert page.inner_text("#guide-priority-label") == want["priority"]["label"]
    assert page.get_attribute("#guide-priority-label", "data-level") == want["priority"]["level"]
    assert "Prioritet: high" not in page.inner_text("#guide-result")


def test_changing_the_date_on_the_review_rechecks_the_answers(page, site_url):
    """A date changed on the review where an answer no longer holds sends the user to that answer."""
    open_guide(page, site_url)
    answer_until_review(page, CASE)
    page.click("#guide-edit-on")
    page.wait_for_selector("#guide-step[data-question='on']")
    assert page.input_value("#q-on") == page.evaluate("window.__guide.guide.on")
    page.fill("#q-on", "2026-07-15")  # before the permit date 2026-08-01 (a settlement date ahead is allowed: planning)
    page.click("#guide-next")
    page.wait_for_selector("#guide-error-summary")
    assert page.get_attribute("#guide-step", "data-question") == "permit_date"
    page.fill("#q-permit_date", "2026-07-01")
    page.click("#guide-next")
    page.wait_for_selector("#guide-review")
    assert page.inner_text("#guide-review-on-value") == "15. juli 2026"


def test_endre_names_its_question_for_screen_readers_only(browser, site_url):
    """On a phone the "Endre" buttons read "Endre" but are named with their question for screen readers."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_guide(page, site_url)
    page.wait_for_selector("#guide-progress")
    assert page.inner_text("#guide-progress") == "Spørsmål 1"
    answer(page, "municipality", CASE["municipality"])
    answer(page, "participant_ref", CASE["participant_ref"])
    assert page.inner_text("#guide-progress") == "Spørsmål 3"
    answer_until_review(page, CASE)
    question = page.inner_text("#guide-review .guide-review-row:has([data-edit='municipality']) dt")
    button = page.get_by_role("button", name=f"Endre svaret på: {question}")
    assert button.count() == 1
    box = button.bounding_box()
    assert box["height"] < 40 and box["width"] < 120, box  # "Endre" only, not the whole question
    hidden = page.locator("[data-edit='municipality'] .guide-visually-hidden").bounding_box()
    assert hidden["width"] <= 1 and hidden["height"] <= 1
    context.close()
