"""The guide on slow and broken links: never a false failure (issue 11; issue 14 item 12).

The worker (guide_ui/engine/) reports download progress, judges a stall by the
bytes it sees arrive rather than by the total time, drops a stalled snapshot for the ordinary
boot, and chooses the snapshot only where the link is fast enough for its bytes to pay.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

import pytest

from bench.link import PROFILES
from bench.run import Ledger
from tests.helpers.slow_link import RECORD_WORKER_MESSAGES, assert_steady_progress, served_behind, worker_messages

pytestmark = pytest.mark.browser

def test_a_hanging_snapshot_request_falls_back_to_the_ordinary_boot(context, site_url):
    """A snapshot request that never completes is dropped after a short stall, not after 60 s."""
    context.route("**/engine.snap*", lambda route: None)  # never fulfilled, never aborted
    context.add_init_script(RECORD_WORKER_MESSAGES)
    page = context.new_page()
    t0 = time.monotonic()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready'], #guide[data-state='failed']", timeout=60_000)
    waited = time.monotonic() - t0
    assert page.get_attribute("#guide", "data-state") == "ready"
    assert page.evaluate("window.__guide.engine.fromSnapshot") is False
    assert waited < 45, f"the fallback took {waited:.0f} s"
    assert not worker_messages(page, "failed")
    page.fill("#q-municipality", "Molde")
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='participant_ref']")


def test_a_runtime_file_that_stalls_is_a_stall_failure(context, site_url):
    """A required file whose request never completes ends in a "stall" failure, with the detail."""
    context.route("**/stdlib.zip*", lambda route: None)
    context.add_init_script(RECORD_WORKER_MESSAGES)
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='failed']", timeout=60_000)
    assert page.get_attribute("#guide-failure", "data-code") == "stall"
    failed = worker_messages(page, "failed")
    assert [m["code"] for m in failed] == ["stall"]
    assert "stdlib.zip" in failed[0]["detail"]


def test_a_missing_runtime_file_is_a_network_failure(context, site_url):
    context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    context.add_init_script(RECORD_WORKER_MESSAGES)
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='failed']", timeout=60_000)
    failed = worker_messages(page, "failed")
    assert failed and failed[0]["code"] == "network"


@contextmanager
def guide_behind_link(browser, site, ledger, profile):
    """One cold visit of the guide behind the benchmark's link (service workers blocked), ready."""
    with served_behind(site, profile, ledger) as url:
        ctx = browser.new_context(service_workers="block")
        try:
            page = ctx.new_page()
            page.goto(url + "veiviser/", timeout=60_000)
            page.wait_for_selector("#guide[data-state='ready'], #guide[data-state='failed']", timeout=60_000)
            assert page.get_attribute("#guide", "data-state") == "ready"
            yield page
        finally:
            ctx.close()


class RequestLog(Ledger):
    """The benchmark's byte ledger, noting for each request how much of the wasm had been sent."""

    def __init__(self):
        super().__init__()
        self.order = []

    def request(self, path):
        super().request(path)
        with self._lock:
            wasm = sum(n for p, n in self._bytes.items() if "pyodide.asm.wasm" in p)
        self.order.append((path.split("?")[0].rsplit("/", 1)[-1], wasm))


def test_the_worker_downloads_the_wasm_before_the_stdlib_and_the_wheel(browser, built_site):
    """At 10 Mbit/s the stdlib archive is requested only when the wasm has nearly arrived, and the
    wheel after the stdlib: one file at a time gets the whole link, the wasm (which compiles as it
    streams) first."""
    log = RequestLog()
    with guide_behind_link(browser, built_site, log, PROFILES["10mbit"]):
        pass
    names = [name for name, _ in log.order]
    wasm_size = (next(built_site.glob("pyodide/v*/pyodide.asm.wasm.br"))).stat().st_size
    sent_then = dict(log.order)
    assert names.index("pyodide.asm.wasm") < names.index("stdlib.zip") < names.index("guide_engine-0.1.0-py3-none-any.whl")
    assert sent_then["stdlib.zip"] > wasm_size - 400_000, (sent_then["stdlib.zip"], wasm_size)


def test_a_fast_server_that_is_not_local_gets_the_ordinary_boot(browser, built_site):
    """No bandwidth limit but 20 ms round trips (a fast line to a distant server): the snapshot's
    bytes would not pay, so the worker boots the ordinary way and never requests it."""
    from bench.link import Profile

    ledger = Ledger()
    with guide_behind_link(browser, built_site, ledger, Profile("remote", None, 20)) as page:
        assert page.evaluate("window.__guide.engine.fromSnapshot") is False
    assert not [f for f in ledger.snapshot()["files"] if "engine.snap" in f]


@pytest.fixture
def slow_site(built_site):
    """The built site behind the benchmark's bottleneck link at 1.6 Mbit/s with 150 ms round trips."""
    with served_behind(built_site, "1.6mbit") as url:
        yield url


def test_a_slow_link_shows_progress_and_never_fails_while_bytes_arrive(browser, slow_site):
    """At 1.6 Mbit/s the download takes longer than the worker's stall limit, yet the guide never
    fails: it reports growing progress, skips the snapshot (its bytes would not pay) and gets ready."""
    ctx = browser.new_context(service_workers="block")
    ctx.add_init_script(RECORD_WORKER_MESSAGES)
    page = ctx.new_page()
    try:
        page.goto(slow_site + "veiviser/", timeout=60_000)
        page.wait_for_selector("#guide[data-state='ready'], #guide[data-state='failed']", timeout=150_000)
        messages = page.evaluate("window.__workerMessages")
        assert page.get_attribute("#guide", "data-state") == "ready", messages[-3:]
        assert page.evaluate("window.__guide.engine.fromSnapshot") is False
        assert_steady_progress(messages)
    finally:
        ctx.close()


@pytest.mark.parametrize("service_workers", ["block", "allow"])
def test_a_repeat_visit_downloads_no_snapshot_it_did_not_have(browser, built_site, service_workers):
    """Second visit, same browser: every runtime file comes from the HTTP cache (or the guide's
    service worker); the worker takes the snapshot only if it is cached as well, so nothing is
    downloaded again on a slow link."""
    ledger = Ledger()
    with served_behind(built_site, "10mbit", ledger) as url:
        ctx = browser.new_context(service_workers=service_workers)
        try:
            for visit in (1, 2):
                ledger.reset()
                page = ctx.new_page()
                page.goto(url + "veiviser/", timeout=60_000)
                page.wait_for_selector("#guide[data-state='ready'], #guide[data-state='failed']", timeout=150_000)
                assert page.get_attribute("#guide", "data-state") == "ready"
                files = ledger.snapshot()["files"]
                if service_workers == "allow" and visit == 1:  # the second visit is the service worker's
                    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
                elif service_workers == "allow":
                    assert page.evaluate("navigator.serviceWorker.controller !== null")
                page.close()
            assert not [f for f in files if "engine.snap" in f or ".wasm" in f or "stdlib.zip" in f], files
        finally:
            ctx.close()
