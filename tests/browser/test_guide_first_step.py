"""The guide's first step as the build wrote it: usable before the guide's script, taken over with what was typed; the theme after it."""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import axe_violations, scheme_page  # noqa: F401 (scheme_page: a fixture)
from tests.helpers.guide_driver import STEP_MS, hold_requests

pytestmark = pytest.mark.browser

BUILT = "#guide-step[data-prerendered]"
TAKEN = "#guide-step[data-question='municipality']:not([data-prerendered])"


def hold_guide_script(context):
    """Hold back the guide's bundle (guide/guide.js); returns a function that lets it load."""
    return hold_requests(context, "**/guide/guide.js*")


def open_held(context, site_url):
    release = hold_guide_script(context)
    page = context.new_page()
    page.goto(site_url + "veiviser/", wait_until="domcontentloaded")
    page.wait_for_selector(f"{BUILT} #q-municipality")
    return page, release


def test_typed_before_the_script_is_kept_with_its_focus_and_caret(context, site_url):
    """Text typed in the build's field before the script runs stays, focused, caret in place; the type-ahead then takes it on."""
    page, release = open_held(context, site_url)
    page.click("#q-municipality")
    page.keyboard.type("Mold")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.querySelector('#guide-step').dataset.question") == "municipality"
    assert page.evaluate("window.__guide === undefined")  # the script has not run
    assert page.evaluate("document.querySelectorAll('datalist#q-municipality-suggestions option').length") > 300
    release(page)
    page.wait_for_selector(f"{TAKEN} #q-municipality[role='combobox']", timeout=STEP_MS)
    kept = page.evaluate("""() => { const i = document.activeElement;
        return { id: i.id, value: i.value, start: i.selectionStart, end: i.selectionEnd, list: i.getAttribute('list') }; }""")
    assert kept == {"id": "q-municipality", "value": "Mold", "start": 2, "end": 2, "list": None}
    assert page.evaluate("document.querySelector('datalist')") is None  # the build's list went with the takeover
    page.keyboard.press("End")
    page.keyboard.type("e")
    assert page.get_attribute("#q-municipality", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.get_attribute("#q-municipality", "data-value") == "1506"
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']", timeout=STEP_MS)
    assert page.evaluate("window.__guide.guide.answers.municipality") == "1506"


def test_neste_before_the_script_goes_on_when_it_arrives(context, site_url):
    """Enter on the build's form neither reloads the page nor loses the answer: the script goes on with it."""
    page, release = open_held(context, site_url)
    page.click("#q-municipality")
    page.keyboard.type("1506")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.url.endswith("/veiviser/") and page.input_value(f"{BUILT} #q-municipality") == "1506"
    release(page)
    page.wait_for_selector("#guide-step[data-question='participant_ref']", timeout=STEP_MS)
    assert page.evaluate("window.__guide.guide.answers.municipality") == "1506"


def test_the_scripts_step_looks_like_the_builds(context, site_url):
    """Taking the form over changes no word and moves no field: the build's step is the script's first step."""
    page, release = open_held(context, site_url)
    read = """() => [...document.querySelectorAll('#guide-progress, #guide-question-heading, #q-municipality-help, #guide-next, #q-municipality')]
        .map((n) => [n.id, n.textContent, Math.round(n.getBoundingClientRect().top), Math.round(n.getBoundingClientRect().left)])"""
    before = page.evaluate(read)
    assert len(before) == 5
    release(page)
    page.wait_for_selector(TAKEN, timeout=STEP_MS)
    assert page.evaluate(read) == before
    assert page.locator("#guide-on").count() == 1  # the date line needs the script: it comes with it


def test_the_theme_and_its_search_wait_for_the_first_question(context, site_url):
    """While the guide's script is held the theme has not run and the search index is not fetched; after the first question both come, and search works."""
    page, release = open_held(context, site_url)
    page.wait_for_timeout(1500)
    assert page.evaluate("typeof window.document$") == "undefined"  # mkdocs-material sets it when it starts
    requested = page.evaluate("performance.getEntriesByType('resource').map((r) => r.name)")
    assert not [u for u in requested if "search_index" in u]
    release(page)
    page.wait_for_selector(TAKEN, timeout=STEP_MS)
    page.wait_for_function("() => performance.getEntriesByType('resource').some((r) => r.name.includes('search_index'))", timeout=STEP_MS)
    first = page.evaluate("performance.getEntriesByName('guide:first-question')[0].startTime")
    index = page.evaluate("performance.getEntriesByType('resource').find((r) => r.name.includes('search_index')).startTime")
    assert index > first
    page.click("input[data-md-component='search-query']")
    page.keyboard.type("tolk")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)


def test_the_theme_still_starts_when_the_guides_script_fails(context, site_url):
    """The guide's bundle fails to load: 5 s after the page has loaded the theme starts anyway, and its search works."""
    context.route("**/guide/guide.js*", lambda route: route.fulfill(status=404, body="missing"))
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    assert page.evaluate("typeof window.document$") == "undefined"
    page.wait_for_function("() => typeof window.document$ !== 'undefined'", timeout=15_000)
    page.click("input[data-md-component='search-query']")
    page.keyboard.type("tolk")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)


@pytest.mark.parametrize("how", ["click", "key"])
def test_search_used_at_once_on_the_guide_page_works(page, site_url, how):
    """Clicking the search box, or the theme's key "/", as soon as the guide shows runs the theme at once: typing "tolk" finds the county pages."""
    page.goto(site_url + "veiviser/", wait_until="domcontentloaded")
    page.wait_for_selector(TAKEN, timeout=STEP_MS)
    if how == "click":
        page.click("input[data-md-component='search-query']")
    else:
        page.locator("body").focus()
        page.keyboard.press("/")
        page.wait_for_selector("input[data-md-component='search-query']:focus", timeout=STEP_MS)
    page.keyboard.type("tolk")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    links = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
    assert any("counties/more-og-romsdal/" in (h or "") for h in links), links
    assert not [c for c in page.recorder.console if "Content Security Policy" in c] and page.recorder.page_errors == []


def test_the_built_step_passes_axe_in_its_scheme_before_any_script(scheme_page, site_url):
    """The build's step, before the guide's script and the theme's have run, passes axe-core in the reader's colour scheme."""
    page = scheme_page
    release = hold_guide_script(page.context)
    page.goto(site_url + "veiviser/", wait_until="domcontentloaded")
    page.wait_for_selector(f"{BUILT} #q-municipality")
    assert page.evaluate("typeof window.document$") == "undefined"
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if page.scheme == "dark" else "default")
    assert axe_violations(page) == []
    release(page)


def test_without_javascript_the_page_says_where_to_look_instead(browser, site_url):
    """With scripting off the build's form is hidden (it could not go on) and the <noscript> text shows."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    assert page.locator("#guide-step").count() == 1 and not page.locator("#guide-step").is_visible()
    assert "Veiviseren trenger JavaScript" in page.inner_text("#guide-main")
    context.close()
