"""The summary at the top of the guide's result: what it says, where it links, and that it fits the
first screen. Screenshots at 390 px and 1280 px are written to test-artifacts/ (not committed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guide_engine import api
from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, open_guide, show_result

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TODAY = date.today().isoformat()


def result_page(browser, site_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nb-NO", reduced_motion="reduce")
    page = context.new_page()
    open_guide(page, site_url)
    asked = answer_until_review(page, MORE_OG_ROMSDAL_WITH_INTERPRETER)
    show_result(page)
    return context, page, api.evaluate({k: MORE_OG_ROMSDAL_WITH_INTERPRETER[k] for k in asked}, TODAY)


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_summary_at_the_top_of_the_result(browser, site_url, width, height):
    """The summary says what the engine's summary says, each line links to its section, and a
    screenshot of it is written; at 1280 × 800 it lies wholly in the first screen of the result."""
    context, page, want = result_page(browser, site_url, width, height)
    try:
        summary = page.locator("#guide-summary")
        assert summary.count() == 1
        # It comes before the full result's sections.
        order = page.evaluate("""() => [...document.querySelectorAll('#guide-result > *')].map(n => n.id).filter(Boolean)""")
        assert order.index("guide-summary") < order.index("guide-eligibility")
        parts = [p for p in ("status", "interpreter", "deadline", "now") if want["summary"][p]]
        for part in parts:
            line = page.locator(f"#guide-summary [data-summary='{part}']")
            assert line.locator("dd > a").inner_text() == want["summary"][part]["text"], part
            anchor = want["summary"][part]["anchor"]
            assert line.locator("a").get_attribute("href") == f"#{anchor}"
            assert page.locator(f"#{anchor}").count() == 1, f"{part} links to a missing section {anchor}"
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"result-summary-{width}.png"
        summary.screenshot(path=str(shot))
        page.screenshot(path=str(ARTIFACTS / f"result-first-screen-{width}x{height}.png"))
        assert shot.stat().st_size > 2000
        if width == 1280:
            header = page.locator(".md-header").bounding_box()
            box = summary.bounding_box()  # relative to the viewport, as the user sees it after "Vis resultatet"
            assert box["y"] >= header["height"] - 1 and box["y"] + box["height"] <= height, (box, header)
    finally:
        context.close()


def test_a_summary_link_leads_to_its_section(browser, site_url):
    """Following the interpreter line moves to the interpreter section."""
    context, page, _ = result_page(browser, site_url, 1280, 800)
    try:
        page.click("#guide-summary [data-summary='interpreter'] a")
        assert page.evaluate("location.hash") == "#guide-interpreter"
        box = page.locator("#guide-interpreter").bounding_box()
        assert 0 <= box["y"] < 800
    finally:
        context.close()


def test_a_deadline_falling_today_is_marked_in_the_summary_and_the_table(browser, site_url):
    """A session planned for the reference date: the summary and the deadline table say "i dag", as the engine decided."""
    answers = dict(MORE_OG_ROMSDAL_WITH_INTERPRETER, planned_session_date=TODAY)
    context = browser.new_context(locale="nb-NO", reduced_motion="reduce")
    try:
        page = context.new_page()
        open_guide(page, site_url)
        asked = answer_until_review(page, answers)
        show_result(page)
        want = api.evaluate({k: answers[k] for k in asked}, TODAY)
        today = [d["id"] for d in want["deadlines"] if d["today"]]
        assert "session_on" in today
        for did in today:
            row = page.locator(f"#guide-deadlines tr[data-deadline='{did}']")
            assert row.get_attribute("data-today") == "true" and "Fristen er i dag" in row.inner_text()
        line = page.locator("#guide-summary [data-summary='deadline'] dd > a").inner_text()
        assert line == want["summary"]["deadline"]["text"]
        assert want["summary"]["deadline"]["today"] and "(i dag)" in line
    finally:
        context.close()
