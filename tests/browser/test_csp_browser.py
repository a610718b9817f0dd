"""Policies in Chromium: the workers cannot reach another origin, no site can frame a page, and an
injected script does not run on the 404 page.

"Another origin" is a second local server on another port. It allows every origin (CORS), so what
stops a request is the site's policy, not the other server; a control request from a page without
a policy shows that it answers.
"""

from __future__ import annotations

import http.server
import threading

import pytest

from tests.helpers.guide_driver import open_guide

pytestmark = pytest.mark.browser


class Other(http.server.BaseHTTPRequestHandler):
    """Answers anything, to anyone, and records what it was asked."""

    hits: list[str] = []
    framed = ""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.hits.append(self.path)
        if self.path.startswith("/frame"):
            body, ctype = f'<!doctype html><title>x</title><iframe src="{self.framed}"></iframe>'.encode(), "text/html"
        elif self.path.endswith(".mjs"):
            body, ctype = b"export const stolen = 1;", "text/javascript"
        else:
            body, ctype = b'{"ok": true}', "application/json"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def other_origin():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Other)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def open_page(browser):
    """A page in a context that lets every request go out (the policy alone must stop them)."""
    ctx = browser.new_context(service_workers="block")
    pg = ctx.new_page()
    yield pg
    ctx.close()


ESCAPE = """async (base) => {
  const out = {};
  try { const r = await fetch(base + "/stolen?answers=1"); out.fetch = "reached " + r.status; }
  catch (e) { out.fetch = "blocked"; }
  try { const m = await import(base + "/stolen.mjs"); out.import = "reached " + m.stolen; }
  catch (e) { out.import = "blocked"; }
  return out;
}"""


def worker(page, fragment: str):
    for _ in range(100):
        found = [w for w in page.workers if fragment in w.url]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no worker {fragment}: {[w.url for w in page.workers]}")


def test_the_other_origin_answers_a_page_without_policy(open_page, other_origin):
    """Control: without the site's policy the same fetch and import reach the other origin."""
    open_page.goto(other_origin + "/frame-control")  # a page of the other server itself, no policy
    Other.hits.clear()
    other = "http://localhost:" + other_origin.rsplit(":", 1)[1]  # the same server under another origin
    assert open_page.evaluate(ESCAPE, other) == {"fetch": "reached 200", "import": "reached 1"}
    assert "/stolen?answers=1" in Other.hits


def test_guide_worker_cannot_reach_another_origin(open_page, site_url, other_origin):
    """Code running inside the guide's worker can neither fetch from nor import from another origin."""
    open_guide(open_page, site_url)
    w = worker(open_page, "guide/worker.mjs")
    Other.hits.clear()
    assert w.evaluate(ESCAPE, other_origin) == {"fetch": "blocked", "import": "blocked"}
    assert Other.hits == []
    # its own origin still answers: the policy blocks the other origin, not everything
    assert w.evaluate("fetch('../guide/guide.css').then(r => r.status)") == 200


def test_search_worker_cannot_reach_another_origin(open_page, site_url, other_origin):
    """The theme's search worker is held to its own origin as well."""
    open_page.goto(site_url)
    open_page.click("input[data-md-component='search-query']")
    w = worker(open_page, "workers/search.")
    Other.hits.clear()
    got = w.evaluate("""async (base) => {
      try { await fetch(base + "/stolen"); return "reached"; } catch (e) { return "blocked"; }
    }""", other_origin)
    assert got == "blocked" and Other.hits == []
    # search still works under its policy (typed once the worker has answered above)
    open_page.keyboard.type("tolk")
    open_page.wait_for_selector(".md-search-result__item", timeout=20_000)


@pytest.mark.parametrize("path", ["", "veiviser/", "finnes-ikke/"])
def test_no_other_site_can_frame_a_page(open_page, site_url, other_origin, path):
    """A page of another origin that frames the site gets an error frame, not the site."""
    Other.framed = site_url + path
    open_page.goto(other_origin + "/frame")
    open_page.wait_for_timeout(500)
    child = [f for f in open_page.frames if f != open_page.main_frame]
    assert len(child) == 1
    assert child[0].url.startswith("chrome-error://"), child[0].url


def test_injected_script_does_not_run_on_the_404_page(open_page, site_url):
    """An unknown URL gets the 404 page under its policy: an injected inline script is refused."""
    response = open_page.goto(site_url + "finnes/ikke/")
    assert response.status == 404
    policy = open_page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content")
    assert policy.startswith("default-src 'self'")
    open_page.evaluate("""() => { const s = document.createElement("script"); s.textContent = "window.__injected = 1"; document.body.append(s); }""")
    assert open_page.evaluate("window.__injected === undefined")
