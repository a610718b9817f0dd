"""The guide in a real browser: caveats on the data stand beside the answer they concern."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine import api
from tests.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, open_guide, show_result

pytestmark = pytest.mark.browser

TODAY = date.today().isoformat()  # the page computes from the browser's date; so does the check
OSLO = {**MORE_OG_ROMSDAL_WITH_INTERPRETER, "county": "oslo", "municipality": "Oslo", "wants_adviser_present": False}


def test_national_guidance_and_its_caveats_beside_the_answers(page, site_url):
    """Oslo has no routine: the interpreter answer is labelled national guidance with its notes beside it,
    each checklist task shows the engine's notes for it, and the draft offers the county page's contacts."""
    open_guide(page, site_url)
    asked = answer_until_review(page, OSLO)
    want = api.evaluate({k: OSLO[k] for k in asked}, TODAY)
    assert want["ok"] and want["interpreter"]["layer"] == "national"
    show_result(page)

    assert page.get_attribute("#guide-interpreter-layer", "data-layer") == "national"
    shown = page.inner_text("#guide-interpreter-notes")
    assert want["interpreter"]["data_notes"] and all(n in shown for n in want["interpreter"]["data_notes"])

    items = page.locator("#guide-checklist > ol > li").all()
    assert len(items) == len(want["checklist"])
    for n, (li, task) in enumerate(zip(items, want["checklist"])):
        notes = li.locator(f"#guide-task-{n}-notes")
        if task["data_notes"]:
            assert all(t in notes.inner_text() for t in task["data_notes"]), task["id"]
        else:
            assert notes.count() == 0, task["id"]

    assert page.inner_text("#guide-referral-to") == "Ingen bestillingsadresse registrert"
    assert page.get_attribute("#guide-referral-contacts", "href").endswith("/counties/oslo/")
    body = page.inner_text("#guide-referral-body")
    assert all(n["note"] in body for n in want["data_notes"])
