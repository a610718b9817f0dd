"""On a phone (390 px wide): no sideways scroll on the guide's result, the queue and the practice page;
the practice verdict on screen; axe-core finds nothing in light and dark mode."""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import AXE, SCHEMES, axe_violations
from tests.browser.test_practice_page import RIGHT_CASE, choose_by_mouse, engine_answers, open_practice
from tests.browser.test_queue_page import RUN_MS, open_queue
from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, open_guide, show_result
from tests.helpers.queue_sheets import ON, excel_sheet_with_bad_row

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture(params=SCHEMES)
def phone(request, browser, site_url):
    """A page 390 px wide, in light or dark mode, with axe-core loaded."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
        color_scheme=request.param, locale="nb-NO", reduced_motion="reduce", service_workers="block",
    )
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield page
    context.close()


def open_every_details(page) -> None:
    page.evaluate("() => document.querySelectorAll('main details').forEach((d) => { d.open = true; })")


def sideways(page) -> list[str]:
    """The page's overflow to the right, and the elements that stick out past the screen's edge."""
    return page.evaluate(
        """() => {
            const w = document.documentElement.clientWidth;
            const out = [];
            if (document.documentElement.scrollWidth > w) out.push(`page ${document.documentElement.scrollWidth} > ${w}`);
            for (const el of document.querySelectorAll("main *")) {
                const r = el.getBoundingClientRect();
                if (r.width && r.right > w + 1 && !el.closest("[data-scrolls]")) {
                    let p = el.parentElement, clipped = false;
                    for (; p && p !== document.body; p = p.parentElement) {
                        const s = getComputedStyle(p);
                        if (["auto", "scroll", "hidden"].includes(s.overflowX)) { clipped = true; break; }
                    }
                    if (!clipped) out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} right=${Math.round(r.right)}`);
                }
            }
            return out.slice(0, 40);
        }"""
    )


def test_the_guides_result_fits_a_phone(phone, site_url):
    """The result with every section open scrolls only downwards; axe finds nothing."""
    open_guide(phone, site_url)
    answer_until_review(phone, MORE_OG_ROMSDAL_WITH_INTERPRETER)
    show_result(phone)
    open_every_details(phone)
    out = sideways(phone)
    assert not out, "\n".join(out)
    assert axe_violations(phone) == []


def test_the_practice_verdict_fits_a_phone(phone, site_url):
    """A checked case: the learner's and the guide's answers are both on screen, nothing scrolls sideways."""
    open_practice(phone, site_url)
    phone.click(f"#practice-open-{RIGHT_CASE}")
    choose_by_mouse(phone, RIGHT_CASE, engine_answers(RIGHT_CASE))
    phone.click("#practice-check")
    phone.wait_for_selector("#practice-check-result")
    open_every_details(phone)
    out = sideways(phone)
    assert not out, "\n".join(out)
    width = phone.evaluate("document.documentElement.clientWidth")
    cells = phone.locator("#practice-check-result td[data-engine]")
    assert cells.count() > 0
    for i in range(cells.count()):
        box = cells.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box
    assert axe_violations(phone) == []


def test_the_queue_fits_a_phone(phone, site_url):
    """The ordered queue with its details open: no sideways scroll of the page; axe finds nothing."""
    open_queue(phone, site_url)
    text = excel_sheet_with_bad_row()
    phone.set_input_files("#queue-file", files=[{"name": "deltakere.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}])
    phone.fill("#queue-on", ON)
    phone.fill("#queue-per-week", "1")
    phone.fill("#queue-from", ON)
    phone.click("#queue-run")
    phone.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
    open_every_details(phone)
    out = sideways(phone)
    assert not out, "\n".join(out)
    assert axe_violations(phone) == []
