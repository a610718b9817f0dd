"""When the guide page's head starts the engine's worker (guide_ui/engine/early.js): after the first frame from a local server, at once over a real link."""

from __future__ import annotations

import pytest

from bench.link import Profile
from tests.helpers.guide_driver import STEP_MS, hold_requests
from tests.helpers.slow_link import served_behind

pytestmark = pytest.mark.browser

# When the head's worker started and when the page was first painted (ms after navigation).
TIMES = """() => ({ started: window.__guideEarly ? window.__guideEarly.started : null,
  paint: (performance.getEntriesByName('first-paint')[0] || {}).startTime ?? null,
  firstByte: (() => { const n = performance.getEntriesByType('navigation')[0]; return n.responseStart - n.requestStart; })() })"""
STARTED = "() => window.__guideEarly !== undefined && performance.getEntriesByName('first-paint').length > 0"


def times_with_the_guides_script_held(browser, url):
    """The head's worker start and the first paint, the guide's own script held back (so it cannot
    start the worker itself); then the guide goes on with the worker the head started."""
    context = browser.new_context(service_workers="block")
    try:
        release = hold_requests(context, "**/guide/guide.js*")
        page = context.new_page()
        page.goto(url + "veiviser/", wait_until="commit")
        page.wait_for_function(STARTED, polling=50, timeout=20_000)
        t = page.evaluate(TIMES)
        release(page)
        page.wait_for_selector("#guide[data-state='ready']", timeout=60_000)
        adopted = page.evaluate("window.__guide.engine.bootStarted") == t["started"]
        page.fill("#q-municipality", "Molde")
        page.click("#guide-next")
        page.wait_for_selector("#guide-step[data-question='participant_ref']", timeout=STEP_MS)
        return t, adopted
    finally:
        context.close()


def test_from_a_local_server_the_worker_starts_after_the_first_frame(browser, site_url):
    """The page's first byte within 15 ms: the worker starts once the first frame is painted, and the guide adopts it."""
    t, adopted = times_with_the_guides_script_held(browser, site_url)
    assert t["firstByte"] <= 15
    assert t["started"] >= t["paint"], t
    assert adopted


def test_over_a_real_link_the_worker_starts_in_the_head(browser, built_site):
    """20 ms round trips: the worker starts while the page is parsed, before its first frame."""
    with served_behind(built_site, Profile("remote", None, 20)) as url:
        t, adopted = times_with_the_guides_script_held(browser, url)
    assert t["firstByte"] > 15
    assert t["started"] < t["paint"], t
    assert adopted
