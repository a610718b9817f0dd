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
    # A part links to its notes; each note's text stands once, in the "Merk" box.
    linked = page.locator("#guide-interpreter-notes a[data-note]").evaluate_all("els => els.map(e => e.dataset.note)")
    assert want["interpreter"]["data_notes"] and linked == want["interpreter"]["data_notes"]
    for n in want["data_notes"]:
        assert page.inner_text(f"#guide-notes li[data-note='{n['id']}']") == n["note"]

    items = page.locator("#guide-checklist > ol > li").all()
    assert len(items) == len(want["checklist"])
    for n, (li, task) in enumerate(zip(items, want["checklist"])):
        notes = li.locator(f"#guide-task-{n}-notes")
        if task["data_notes"]:
            assert notes.locator("a[data-note]").evaluate_all("els => els.map(e => e.dataset.note)") == task["data_notes"], task["id"]
        else:
            assert notes.count() == 0, task["id"]

    assert page.inner_text("#guide-referral-to") == "Ingen bestillingsadresse registrert"
    assert page.get_attribute("#guide-referral-contacts", "href").endswith("/counties/oslo/")
    body = page.inner_text("#guide-referral-body")
    assert not [n for n in want["data_notes"] if n["note"] in body]  # no caveat meant for the sender in the letter


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
            assert notes.locator("a[data-note]").evaluate_all("els => els.map(e => e.dataset.note)") == d["data_notes"], d["id"]
        else:
            assert notes.count() == 0, d["id"]


def test_each_caveat_once_on_the_more_og_romsdal_result(context, site_url):
    """Issue 20, finding 4: tests/cases/more-og-romsdal-flyktning.json on 7 December 2026. Each distinct
    caveat sentence stands once in the page's text (at 6214fcc: "Rutinen vi bygger på er fra 2021…"
    12 times), each part links to it, and the draft to the county carries none of them."""
    import json
    from pathlib import Path

    case = json.loads((Path(__file__).resolve().parents[1] / "cases" / "more-og-romsdal-flyktning.json").read_text(encoding="utf-8"))
    case.pop("on")
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-07T10:00:00")
    open_guide(page, site_url)
    asked = answer_until_review(page, case)
    want = api.evaluate({k: case[k] for k in asked}, "2026-12-07")
    assert want["ok"] and len(want["data_notes"]) >= 4
    show_result(page)
    text = page.inner_text("#guide-result")
    for n in want["data_notes"]:
        assert text.count(n["note"]) == 1, (text.count(n["note"]), n["note"])
    assert text.count("Rutinen vi bygger på er fra 2021") == 1
    links = page.locator("#guide-result a[data-note]").evaluate_all("els => els.map(e => e.dataset.note)")
    assert {n["id"] for n in want["data_notes"]} <= set(links)
    body = page.inner_text("#guide-referral-body")
    assert "bekreft med fylket" not in body.lower() and "Bestill tolk" not in body
    assert "Ikke bekreftet" in page.inner_text("#guide-summary [data-summary='interpreter']")
