"""The guide's runtime in a real browser: Pyodide boots in a worker from the site's own files."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

READY_MS = 90_000


def open_guide(page, site_url):
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)


def test_guide_reaches_ready_state(page, site_url):
    """The guide page boots Pyodide in a worker and reports the engine ready."""
    open_guide(page, site_url)
    assert page.evaluate("window.__guide.engine.state") == "ready"
    assert not page.recorder.page_errors


def test_municipality_round_trip(page, site_url):
    """A municipality chosen on the page goes to the engine in the worker, which derives its county."""
    open_guide(page, site_url)
    page.fill("#q-municipality", "Molde")
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']")
    assert page.evaluate("window.__guide.guide.path[0]") == "municipality"
    assert page.evaluate("window.__guide.guide.answers.municipality") == "1506"
    reply = page.evaluate("window.__guide.engine.call({op: 'evaluate', on: '2026-11-23', answers: {municipality: '1506'}})")
    assert reply["ok"] and any(e["field"] == "permit_group" for e in reply["result"]["errors"])
    assert "county" not in reply["result"]["path"]


def test_bridge_answers_every_message(page, site_url):
    """The worker's bridge answers a known message with a result and an unknown one with an error."""
    open_guide(page, site_url)
    ping = page.evaluate("window.__guide.engine.call({op: 'ping'})")
    assert ping["ok"] and ping["result"]["python"].startswith("3.")
    bad = page.evaluate("window.__guide.engine.call({op: 'no-such-thing'})")
    assert bad["ok"] is False and bad["error"]


def test_python_runs_in_the_worker_not_the_page(page, site_url):
    """Pyodide is loaded by the worker: the page itself has no pyodide global."""
    open_guide(page, site_url)
    assert page.evaluate("typeof window.loadPyodide") == "undefined"
    assert any("/pyodide/v" in u and u.endswith("pyodide.asm.wasm") for u in page.recorder.requests)


def open_failing_guide(context, site_url):
    """Open the guide in a context set up to break it, and wait for its error state."""
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='failed']", timeout=READY_MS)
    return page


def test_missing_runtime_file_shows_error_state(context, site_url):
    """When a Pyodide file cannot be fetched, the guide says so instead of hanging."""
    context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page = open_failing_guide(context, site_url)
    failure = page.inner_text("#guide-failure")
    assert "kunne ikke starte" in failure
    assert page.locator("#guide-failure a[href$='/counties/']").count() == 1


def test_missing_engine_wheel_shows_error_state(context, site_url):
    """A missing engine wheel gives a fixed Norwegian sentence (detail in the console) and "Prøv igjen" recovers."""
    console = []
    context.on("console", lambda m: console.append(m.text))
    missing = lambda route: route.fulfill(status=404, body="missing")  # noqa: E731
    context.route("**/*.whl*", missing)
    page = open_failing_guide(context, site_url)
    assert page.get_attribute("#guide-failure", "data-code") == "network"
    text = page.inner_text("#guide-failure-text")
    assert "nettforbindelsen" in text and "Prøv igjen" in text
    assert ".whl" not in page.inner_text("#guide") and "404" not in page.inner_text("#guide")
    assert any(".whl" in c and "404" in c for c in console), console  # the detail is for developers
    context.unroute("**/*.whl*", missing)
    page.click("#guide-retry")
    page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)
    page.fill("#q-municipality", "Molde")
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']")


def test_no_webassembly_shows_error_state_and_fallbacks(context, site_url):
    """Without WebAssembly the guide says so in plain words and links to the county pages and checklist."""
    context.add_init_script("delete window.WebAssembly;")
    page = open_failing_guide(context, site_url)
    text = page.inner_text("#guide-failure")
    assert "WebAssembly" in text
    assert page.locator("#guide-failure a[href$='/sjekkliste/']").count() == 1
    assert page.get_attribute("#guide-failure", "role") == "alert"


def test_engine_is_restored_from_the_build_time_snapshot(page, site_url, built_site):
    """The worker restores the build-time memory snapshot, served from the site itself."""
    assert (built_site / "guide" / "engine.snap").stat().st_size > 1_000_000
    open_guide(page, site_url)
    assert page.evaluate("window.__guide.engine.fromSnapshot") is True
    assert any("/guide/engine.snap" in u for u in page.recorder.requests)


def test_missing_snapshot_falls_back_to_an_ordinary_boot(context, site_url):
    """Without the snapshot the worker boots Python the ordinary way and the guide still works."""
    context.route("**/engine.snap*", lambda route: route.fulfill(status=404, body="missing"))
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)
    assert page.evaluate("window.__guide.engine.fromSnapshot") is False
    page.fill("#q-municipality", "Molde")
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']")
