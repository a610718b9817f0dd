"""axe-core (served from the npm package, never a CDN) finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.guide_driver import (
    MORE_OG_ROMSDAL_WITH_INTERPRETER,
    READY_MS,
    current_question,
    fill_current,
    next_step,
    show_result,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ["light", "dark"]


def axe_violations(page) -> list[str]:
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
            return r.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
                v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
        }""",
        TAGS,
    )
    return result


@pytest.fixture(params=SCHEMES)
def scheme_page(request, browser, site_url):
    context = browser.new_context(color_scheme=request.param, locale="nb-NO", reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.scheme = request.param
    yield page
    context.close()


def built_pages(built_site) -> list[str]:
    return sorted(
        p.parent.relative_to(built_site).as_posix()
        for p in built_site.rglob("index.html")
        if p.parts[len(built_site.parts)] not in ("pyodide", "guide", "search", "data", "assets")
    )


def test_every_page_passes_axe(built_site, site_url, scheme_page):
    """Every built page passes axe-core's WCAG 2.1 A and AA rules, in light and dark mode."""
    page = scheme_page
    failures = {}
    pages = built_pages(built_site)
    assert len(pages) > 20
    for rel in pages:
        page.goto(site_url + ("" if rel == "." else rel + "/"))
        expected = "slate" if page.scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        v = axe_violations(page)
        if v:
            failures[rel] = v
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def test_every_guide_step_passes_axe(site_url, scheme_page):
    """Each guide step, its error state, the review and the result pass axe-core in light and dark mode."""
    page = scheme_page
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)
    failures = {}

    def check(label):
        v = axe_violations(page)
        if v:
            failures[label] = v

    page.click("#guide-next")  # no answer: the error summary and field error
    page.wait_for_selector("#guide-error-summary")
    check("error state")
    page.click("#guide-change-on")  # the reference date, asked like a question
    page.wait_for_selector("#guide-step[data-question='on']")
    check("date step")
    page.click("#guide-back")
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    for _ in range(40):
        if page.locator("#guide-review").count():
            break
        qid = current_question(page)
        check(f"question {qid}")
        fill_current(page, MORE_OG_ROMSDAL_WITH_INTERPRETER[qid])
        next_step(page, qid)
    check("review")
    show_result(page)
    check("result")
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def test_guide_failure_state_passes_axe(site_url, scheme_page):
    """The error state shown when Pyodide cannot start passes axe-core."""
    page = scheme_page
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='failed']", timeout=READY_MS)
    assert axe_violations(page) == []
