"""The guide in a real browser: caveats on the data stand beside the answer they concern."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine import api
from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, open_guide, show_result

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


def test_deadline_caveats_beside_the_deadline(page, site_url):
    """Møre og Romsdal: the booking and note deadlines rest on its 2021 page; their notes stand in their rows."""
    open_guide(page, site_url)
    asked = answer_until_review(page, MORE_OG_ROMSDAL_WITH_INTERPRETER)
    want = api.evaluate({k: MORE_OG_ROMSDAL_WITH_INTERPRETER[k] for k in asked}, TODAY)
    show_result(page)
    with_notes = [d for d in want["deadlines"] if d.get("data_notes")]
    assert {d["id"] for d in with_notes} >= {"book_by", "note_by"}
    for d in want["deadlines"]:
        row = page.locator(f'#guide-deadlines tr[data-deadline="{d["id"]}"]')
        notes = row.locator(f"#guide-deadline-{d['id']}-notes")
        if d.get("data_notes"):
            assert all(t in notes.inner_text() for t in d["data_notes"]), d["id"]
        else:
            assert notes.count() == 0, d["id"]
