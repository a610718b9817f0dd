"""The queue page's engine in Chromium: the same failure sentences, progress, stall detection and
time limits as the guide (the shared engine client), in the queue's own words and limits."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser.test_accessibility import AXE, axe_violations
from tests.helpers.guide_driver import fake_worker
from tests.helpers.queue_sheets import ON, person, sheet
from tests.helpers.slow_link import RECORD_WORKER_MESSAGES, assert_steady_progress, served_behind, worker_messages

pytestmark = pytest.mark.browser

READY_MS = 90_000
RUN_MS = 60_000
LIST = sheet([person("A", date(2026, 9, 1)), person("B", date(2026, 8, 3))], delimiter="\t", bom=False, crlf=False)
READY_WORKER = "post({type: 'ready', bootMs: 1, fromSnapshot: false});"


def submit_list(page) -> None:
    page.wait_for_selector("#queue-form")
    page.fill("#queue-paste", LIST)
    page.fill("#queue-on", ON)
    page.click("#queue-run")


def test_a_missing_engine_wheel_shows_the_failure_sentence_and_retry_runs_the_list(context, site_url):
    """The wheel fails while a list waits for the engine: the coded Norwegian sentence (detail in
    the console), the list kept; "Prøv igjen" starts the engine again and works the list out."""
    console = []
    context.on("console", lambda m: console.append(m.text))
    held = []

    def hold(route):
        held.append(route)

    context.route("**/*.whl*", hold)
    page = context.new_page()
    page.goto(site_url + "prioritering/")
    submit_list(page)
    page.wait_for_selector("#queue[data-state='busy']")
    for _ in range(600):  # the wheel is requested after the wasm and the stdlib archive
        if held:
            break
        page.wait_for_timeout(50)
    context.unroute("**/*.whl*", hold)
    held[0].fulfill(status=404, body="missing")
    page.wait_for_selector("#queue[data-state='failed']", timeout=READY_MS)
    assert page.get_attribute("#queue-failure", "data-code") == "network"
    assert page.get_attribute("#queue-failure", "role") == "alert"
    assert page.inner_text("#queue-failure-text").startswith("Prioriteringen fikk ikke lastet ned filene den trenger. Sjekk nettforbindelsen")
    assert "tatt vare på" in page.inner_text("#queue-failure")
    assert ".whl" not in page.inner_text("#queue") and "404" not in page.inner_text("#queue")
    assert any(".whl" in c and "404" in c for c in console), console  # the detail is for developers
    assert page.locator("#queue-failure a[href$='/counties/']").count() == 1
    assert page.input_value("#queue-paste") == LIST  # nothing typed is lost
    page.click("#queue-retry")
    page.wait_for_selector("#queue[data-state='done']", timeout=READY_MS)
    assert page.locator("#queue-failure").count() == 0
    assert page.locator("#queue-table tbody tr").count() == 2


def test_a_slow_link_shows_progress_and_the_list_waits_without_failing(browser, built_site):
    """At 1.6 Mbit/s the engine takes longer to arrive than the worker's stall limit: a list
    submitted meanwhile waits with the download's progress on screen, and is then worked out."""
    with served_behind(built_site, "1.6mbit") as url:
        ctx = browser.new_context(service_workers="block")
        ctx.add_init_script(RECORD_WORKER_MESSAGES)
        page = ctx.new_page()
        try:
            page.goto(url + "prioritering/", timeout=60_000)
            submit_list(page)
            page.wait_for_selector("#queue[data-state='busy']")
            page.wait_for_selector("#queue-engine-progress:has-text(' MB')", timeout=30_000)
            status = page.inner_text("#queue-engine-status")
            assert status.startswith("Prioriteringen gjør seg klar. Listen regnes ut så snart den er klar … Laster ned motoren … ")
            assert page.get_attribute("#queue-engine-status", "aria-live") == "polite"
            page.wait_for_selector("#queue[data-state='done'], #queue[data-state='failed']", timeout=150_000)
            assert page.get_attribute("#queue", "data-state") == "done", worker_messages(page)[-3:]
            assert_steady_progress(worker_messages(page))
            assert page.locator("#queue-table tbody tr").count() == 2
        finally:
            ctx.close()


def test_a_download_that_stalls_fails_with_the_stall_sentence(context, site_url):
    """Progress, then nothing for 20 s: the stall sentence, with the list kept."""
    fake_worker(context, on_init="post({type: 'progress', loaded: 1000000, total: 5200000});")
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "prioritering/")
    submit_list(page)
    page.wait_for_selector("#queue[data-state='busy']")
    assert "Laster ned motoren … 1,0 av 5,2 MB" in page.inner_text("#queue-engine-status")
    page.clock.run_for(21_000)
    page.wait_for_selector("#queue[data-state='failed']")
    assert page.get_attribute("#queue-failure", "data-code") == "stall"
    assert "Nedlastingen av prioriteringen stoppet opp" in page.inner_text("#queue-failure-text")
    assert page.inner_text("#queue-engine-status") == ""
    assert page.input_value("#queue-paste") == LIST


def test_a_list_that_gets_no_reply_times_out_with_the_queues_own_limit(context, site_url):
    """The engine answers the warm-up but never the list: longer than the guide's 15 s is still
    waiting (a list of 2,000 rows takes seconds), past the queue's 120 s it is the timeout sentence."""
    warm = "if (m.payload.op === 'queue_warm') post({type: 'reply', id: m.id, reply: {ok: true, result: {rows: 100}}});"
    fake_worker(context, on_init=READY_WORKER, on_call=warm)
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "prioritering/")
    page.wait_for_selector("#queue[data-state='ready']")
    submit_list(page)
    page.wait_for_selector("#queue[data-state='busy']")
    page.clock.run_for(100_000)
    assert page.get_attribute("#queue", "data-state") == "busy"
    page.clock.run_for(21_000)
    page.wait_for_selector("#queue[data-state='failed']")
    assert page.get_attribute("#queue-failure", "data-code") == "timeout"
    assert page.inner_text("#queue-failure-text").startswith("Prioriteringen svarte ikke. Velg «Prøv igjen»")


def test_too_large_a_list_is_refused_at_the_form(context, site_url):
    """A list over the call's size limit never reaches the worker: a form error, and the engine goes on."""
    fake_worker(context, on_init=READY_WORKER, on_call="post({type: 'reply', id: m.id, reply: {ok: true, result: {rows: 100}}});")
    page = context.new_page()
    page.goto(site_url + "prioritering/")
    page.wait_for_selector("#queue[data-state='ready']")
    page.fill("#queue-paste", LIST + "x" * 11_000_000)
    page.click("#queue-run")
    page.wait_for_selector("#queue-error-summary")
    assert "Listen er for stor" in page.inner_text("#queue-error-summary")
    assert page.evaluate("window.__queue.engine.state") == "ready"


def test_stop_ends_a_long_list_and_starts_a_fresh_engine(context, site_url):
    """A list the engine is still working on can be stopped: the worker is ended and a new one started,
    the list and the settings stay in the form, and the next list runs on the new engine."""
    # The stand-in answers the warm-up, never a list, and counts the workers started.
    warm = "if (m.payload.op === 'queue_warm') post({type: 'reply', id: m.id, reply: {ok: true, result: {rows: 100}}});"
    fake_worker(context, on_init=READY_WORKER, on_call=warm)
    starts = []
    context.on("request", lambda r: starts.append(r.url) if "/guide/worker.mjs" in r.url else None)
    page = context.new_page()
    page.goto(site_url + "prioritering/")
    page.wait_for_selector("#queue[data-state='ready']")
    submit_list(page)
    page.wait_for_selector("#queue[data-state='busy']")
    page.click("#queue-stop")
    page.wait_for_selector("#queue-stopped")
    assert "Utregningen er stoppet" in page.inner_text("#queue-stopped")
    assert page.evaluate("document.activeElement.id") == "queue-stopped"
    assert page.input_value("#queue-paste") == LIST and page.input_value("#queue-on") == ON
    page.wait_for_selector("#queue[data-state='ready']")
    assert len(starts) == 2  # the stopped worker and a fresh one
    assert page.evaluate("window.__queue.engine.state") == "ready"


def test_a_long_list_shows_how_many_rows_are_done(context, site_url):
    """While the engine works, the page shows its count of rows done (a progress bar and its text), next to «Stopp»."""
    calls = ("if (m.payload.op === 'queue_warm') post({type: 'reply', id: m.id, reply: {ok: true, result: {rows: 5}}});"
             "else post({type: 'call-progress', id: m.id, done: 1500, total: 2000});")
    fake_worker(context, on_init=READY_WORKER, on_call=calls)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.goto(site_url + "prioritering/")
    page.wait_for_selector("#queue[data-state='ready']")
    submit_list(page)
    page.wait_for_function("document.querySelector('#queue-progress')?.value === 1500")
    assert page.evaluate("document.querySelector('#queue-progress').max") == 2000
    assert page.inner_text("#queue-progress-text") == "Rader regnet ut: 1\u00a0500 av 2\u00a0000"
    assert page.is_visible("#queue-stop")
    assert axe_violations(page) == []


def test_the_real_engine_reports_rows_done_before_its_reply(context, site_url):
    """The engine in its worker says how far a list has come (every 50 rows and at the last) before it replies."""
    context.add_init_script(RECORD_WORKER_MESSAGES)
    rows = [person(f"P{i}", date(2026, 8, 1 + i % 28)) for i in range(120)]
    page = context.new_page()
    page.goto(site_url + "prioritering/")
    page.wait_for_selector("#queue[data-state='ready']", timeout=READY_MS)
    page.fill("#queue-paste", sheet(rows))
    page.fill("#queue-on", ON)
    page.click("#queue-run")
    page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
    messages = worker_messages(page)
    # the list's own call (the page's warm-up of a few example rows reports too, under its own id)
    call = next(m["id"] for m in messages if m["type"] == "call-progress" and m["total"] == 120)
    progress = [(m["done"], m["total"]) for m in messages if m["type"] == "call-progress" and m["id"] == call]
    assert progress == [(50, 120), (100, 120), (120, 120)]
    last_progress = max(i for i, m in enumerate(messages) if m["type"] == "call-progress" and m["id"] == call)
    reply = next(i for i, m in enumerate(messages) if m["type"] == "reply" and m["id"] == call)
    assert reply > last_progress


def test_the_queue_is_prepared_before_the_engine_says_it_is_ready(context, site_url):
    """The queue page's worker boots the ordinary way and evaluates a few example rows (its modules and data) before "ready"; the guide's prepares nothing."""
    page = context.new_page()
    page.goto(site_url + "prioritering/")
    page.wait_for_selector("#queue[data-state='ready']", timeout=READY_MS)
    assert page.evaluate("window.__queue.engine.prepared") == "queue_warm"
    assert page.evaluate("window.__queue.engine.fromSnapshot") is False
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)
    assert page.evaluate("window.__guide.engine.prepared") is None
