"""Repeat and offline visits: the guide's service worker (site_build/browser/offline.py, veiviser/sw.js)
keeps the files of the build last seen, and a new build replaces them (issue 11); the queue page's
(prioritering/sw.js) likewise (issue 23); the practice page's (ovelser/sw.js) and the site's (sw.js:
every page a result links to) likewise (issue 25)."""

from __future__ import annotations

import json
import shutil

import pytest

from site_build.browser import offline
from site_build.runtime import compress
from site_build.serve import make_server
from tests.helpers.nginx import nginx_serving

pytestmark = pytest.mark.browser

READY = "#guide[data-state='ready'], #guide[data-state='failed']"
# Resolves once this build's service worker controls the page and its cache holds every file.
KEPT = """async () => {
  const reg = await navigator.serviceWorker.ready;
  for (let i = 0; i < 200 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 50));
  const keys = await caches.keys();
  const urls = [];
  for (const k of keys) for (const r of await (await caches.open(k)).keys()) urls.push(r.url);
  return { keys, urls, scope: reg.scope };
}"""


@pytest.fixture(params=["local", "nginx"])
def served_copy(request, built_site, tmp_path):
    """A copy of the built site (so a test may rebuild parts of it), served on a free loopback port by
    the local server and by nginx with the generated deploy configuration."""
    import threading

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    if request.param == "nginx":
        (tmp_path / "nginx").mkdir()
        with nginx_serving(site, tmp_path / "nginx") as url:
            yield site, url
        return
    server = make_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def visit(ctx, url, path="veiviser/"):
    page = ctx.new_page()
    page.goto(url + path)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert page.get_attribute("#guide", "data-state") == "ready"
    return page


def wait_for_cache(page, version, timeout_s=30, prefix="veiviser-"):
    for _ in range(timeout_s * 4):
        kept = page.evaluate(KEPT)
        kept["keys"] = [k for k in kept["keys"] if k.startswith(prefix)]  # each worker's cache apart
        if kept["keys"] == [f"{prefix}{version}"]:
            return kept
        page.wait_for_timeout(250)
    raise AssertionError(f"cache never became {prefix}{version}: {kept['keys']}")


def names(files):
    return {f.split("?")[0].rsplit("/", 1)[-1] for f in files}


def test_the_service_worker_list_is_every_file_the_guide_loads(built_site):
    """The guide's list names the page, its bundle and styles and the theme; the site's list the engine's
    runtime (Pyodide's core, the stdlib, the wheel, the worker), all present; the snapshot is optional."""
    files = offline.guide_files(built_site)
    assert "veiviser/" in files
    assert {"guide.js", "guide.css"} <= names(files) and any(n.startswith("main.") and n.endswith(".css") for n in names(files))
    runtime = {"worker.mjs", "stdlib.zip", "pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs"}
    # the engine's worker (guide/worker.mjs) lies in the site's scope, so its files are the site's worker's
    assert not runtime & names(files)
    site = offline.site_files(built_site)
    assert runtime <= names(site) and any(n.endswith(".whl") for n in names(site))
    assert set(offline.runtime_files(built_site)) <= set(site)
    assert "engine.snap" not in names(files + site) and "python_stdlib.zip" not in names(site)  # optional, or unused
    assert names(offline.optional_files(built_site)) == {"engine.snap"}
    assert all((built_site / f.split("?")[0]).exists() for f in files + site)
    written = (built_site / "veiviser" / "sw.js").read_text(encoding="utf-8")
    assert f'const VERSION = "{offline.version(built_site, files)}";' in written
    assert 'const OPTIONAL = [];' in written
    assert f'const OPTIONAL = {json.dumps(offline.optional_files(built_site))};' in (built_site / "sw.js").read_text(encoding="utf-8")


# The engine worker's own view of a visit: how it started, and which runtime files it requested.
WORKER_REQUESTS = "() => performance.getEntriesByType('resource').map((e) => e.name)"


def test_a_repeat_visit_restores_the_snapshot_the_site_worker_kept(browser, served_copy):
    """After one visit, the site's worker holds the engine's runtime and the snapshot the page took; the next
    visit restores that snapshot from the cache without requesting it."""
    from bench.experiments import snap

    site, url = served_copy
    # The guide page with the snapshot taken on every link (#always): the first visit takes it whatever
    # the machine's load (from a busy loopback the worker may boot the ordinary way, and rightly keep none).
    forced, _ = snap(site)
    ctx = browser.new_context()
    try:
        page = visit(ctx, url, forced)
        assert page.evaluate("window.__guide.engine.fromSnapshot") is True
        snapshot = url + offline.optional_files(site)[0]
        for _ in range(120):  # the site's worker installs after the engine is ready
            kept = page.evaluate(KEPT)
            if snapshot in kept["urls"]:
                break
            page.wait_for_timeout(250)
        assert snapshot in kept["urls"]
        assert {url + f for f in offline.runtime_files(site)} <= set(kept["urls"])
        page.close()
        page = visit(ctx, url, forced)
        assert page.evaluate("window.__guide.engine.fromSnapshot") is True
        worker = next(w for w in page.workers if "/guide/worker.mjs" in w.url)
        requested = worker.evaluate(WORKER_REQUESTS)
        assert any("pyodide.asm.wasm" in r for r in requested)  # the probe sees the worker's requests…
        assert not any("engine.snap" in r for r in requested), requested  # …and the snapshot was not one of them
    finally:
        ctx.close()


def test_a_second_visit_works_without_a_network(browser, served_copy):
    """After one visit, the guide opens and answers offline; its cache holds the site's files and nothing typed."""
    site, url = served_copy
    version = offline.version(site, offline.guide_files(site))
    ctx = browser.new_context()
    try:
        page = visit(ctx, url)
        page.fill("#q-municipality", "Kristiansund")
        page.click("#guide-next")
        page.wait_for_selector("#guide-step:not([data-question='municipality'])")
        kept = wait_for_cache(page, version)
        assert kept["scope"] == url + "veiviser/"
        assert all(u.startswith(url) for u in kept["urls"]) and not any("Kristiansund" in u for u in kept["urls"])
        page.close()
        ctx.set_offline(True)
        page = visit(ctx, url)
        assert page.evaluate("navigator.onLine") is False
        page.fill("#q-municipality", "Molde")
        page.click("#guide-next")
        page.wait_for_selector("#guide-step[data-question='participant_ref']")
        # The engine itself answers offline (not only the opening questions the page asks alone).
        reply = page.evaluate("window.__guide.engine.call({op: 'ping'})")
        assert reply["ok"]
    finally:
        ctx.close()


def test_a_new_build_replaces_the_kept_files(browser, served_copy):
    """A new build (another page text, so another version) replaces the old cache at the next visit."""
    site, url = served_copy
    old = offline.version(site, offline.guide_files(site))
    ctx = browser.new_context()
    try:
        page = visit(ctx, url)
        wait_for_cache(page, old)
        page.close()
        # "Deploy" a new build: the page's text changes, and the build writes a new service worker.
        html = site / "veiviser" / "index.html"
        html.write_text(html.read_text(encoding="utf-8").replace("<h1", '<p id="new-build">Ny versjon</p><h1', 1),
                        encoding="utf-8")
        new = offline.write_service_worker(site)
        compress.precompress_tree(site)  # as the build's last step: new .br/.gz copies (nginx sends them as they are)
        assert new != old
        page = visit(ctx, url)
        assert page.query_selector("#new-build")  # online: the page comes from the network
        kept = wait_for_cache(page, new)  # …and the old build's cache is gone
        assert json.dumps(kept["keys"]) == json.dumps([f"veiviser-{new}"])
        page.close()
        ctx.set_offline(True)
        page = visit(ctx, url)
        assert page.inner_text("#new-build") == "Ny versjon"  # offline: the new build's page
    finally:
        ctx.close()


def opened_offline(ctx, site, url, folder, script, open_page):
    """Check the page's worker lists its files, visit once until its cache is complete, then open it offline."""
    files = offline.page_files(site, folder)
    assert folder in files and any(f.startswith(script) for f in files)
    version = offline.version(site, files)
    assert f'const VERSION = "{version}";' in (site / folder / "sw.js").read_text(encoding="utf-8")
    page = open_page()
    kept = wait_for_cache(page, version, prefix=folder.rstrip("/") + "-")
    assert kept["scope"] == url + folder
    page.close()
    ctx.set_offline(True)
    page = open_page()
    assert page.evaluate("navigator.onLine") is False
    return page


def test_the_queue_page_opens_and_computes_offline_after_one_visit(browser, served_copy):
    """After one visit, /prioritering/ opens without a network and the engine ranks a pasted list."""
    from tests.helpers.queue_sheets import ON, excel_sheet_with_bad_row

    site, url = served_copy
    ctx = browser.new_context()

    def open_queue():
        page = ctx.new_page()
        page.goto(url + "prioritering/")
        page.wait_for_selector("#queue[data-state='ready'], #queue[data-state='failed']", state="attached", timeout=90_000)
        assert page.get_attribute("#queue", "data-state") == "ready"
        return page

    try:
        page = opened_offline(ctx, site, url, "prioritering/", "guide/queue.js", open_queue)
        page.fill("#queue-paste", excel_sheet_with_bad_row())
        page.fill("#queue-on", ON)
        page.click("#queue-run")
        page.wait_for_selector("#queue[data-state='done']", timeout=60_000)
        assert page.locator("#queue-table tbody tr").count() == 5
    finally:
        ctx.close()


def test_the_cache_holds_only_the_builds_files(browser, served_copy):
    """After visits with site-search words (?h=), a practice hand-over (#sak=) and answers, the cache lists
    only the build's files: no address with anything typed becomes an entry."""
    site, url = served_copy
    version = offline.version(site, offline.guide_files(site))
    allowed = {url + f for f in offline.guide_files(site) + offline.optional_files(site) + offline.site_files(site)}
    ctx = browser.new_context()
    try:
        page = visit(ctx, url)
        wait_for_cache(page, version)
        page.close()
        for address in ("veiviser/?h=tolk+Molde", "veiviser/#sak=eyJjb3VudHkiOiJvc2xvIn0", "veiviser/?h=AB-12#sak=eyJ9"):
            page = ctx.new_page()
            page.goto(url + address)
            page.wait_for_selector(READY, state="attached", timeout=90_000)
            page.fill("#q-municipality", "Kristiansund")
            page.click("#guide-next")
            page.wait_for_selector("#guide-step:not([data-question='municipality'])")
            kept = page.evaluate(KEPT)
            page.close()
        extra = sorted(set(kept["urls"]) - allowed)
        assert extra == [], extra
        assert url + "veiviser/" in kept["urls"]
    finally:
        ctx.close()


# Every same-site link the result shows, as the browser resolves it (blob: downloads and other sites left
# out): the other pages, and the in-page targets (the result's own anchors) apart.
RESULT_LINKS = """() => {
  const hrefs = [...new Set([...document.querySelectorAll('#guide-result a[href]')].map((a) => a.href)
    .filter((h) => new URL(h).origin === location.origin))];
  const here = (h) => new URL(h).pathname === location.pathname;
  return { pages: hrefs.filter((h) => !here(h)),
           missingHere: hrefs.filter(here).map((h) => new URL(h).hash.slice(1)).filter((id) => !document.getElementById(id)) };
}"""


def test_every_link_in_an_offline_result_opens(browser, served_copy):
    """After one visit and a result, every same-site link the result shows (county page, legal references,
    open questions, …) opens offline from the cache: the page with its <h1>, its anchor present."""
    from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, show_result

    site, url = served_copy
    files = offline.site_files(site)
    assert {"", "lovgrunnlag/", "counties/more-og-romsdal/"} <= set(files) and not any(f.startswith("veiviser/") for f in files)
    assert f'const VERSION = "{offline.version(site, files)}";' in (site / "sw.js").read_text(encoding="utf-8")
    ctx = browser.new_context()
    try:
        page = visit(ctx, url)
        answer_until_review(page, MORE_OG_ROMSDAL_WITH_INTERPRETER)
        show_result(page)
        wait_for_cache(page, offline.version(site, offline.guide_files(site)))
        assert wait_for_cache(page, offline.version(site, files), prefix="sider-")
        ctx.set_offline(True)
        found = page.evaluate(RESULT_LINKS)
        assert found["missingHere"] == []  # the result's links to its own sections have their targets
        links = found["pages"]
        folders = {link.removeprefix(url).split("#")[0] for link in links}
        assert {"counties/more-og-romsdal/", "lovgrunnlag/"} <= folders, links
        texts = page.text_content("#guide-result")  # closed sections too
        assert "Se Møre og Romsdal sin side" in texts or "Kontaktinformasjon på fylkessiden" in texts
        for link in links:
            other = ctx.new_page()
            response = other.goto(link)  # an error page would raise (net::ERR_INTERNET_DISCONNECTED)
            assert response and response.status == 200 and response.from_service_worker, link
            assert other.locator("h1").count() >= 1 and other.inner_text("h1").strip(), link
            fragment = link.partition("#")[2]
            if fragment:
                assert other.locator(f"[id='{fragment}']").count() == 1, link
            other.close()
        assert page.evaluate("navigator.onLine") is False
    finally:
        ctx.close()


def test_the_practice_page_opens_and_answers_offline_after_one_visit(browser, served_copy):
    """After one visit, /ovelser/ opens without a network and the engine checks a case's answers."""
    from tests.browser.test_practice_page import RIGHT_CASE, choose_by_mouse, engine_answers, open_practice, outcome

    site, url = served_copy
    ctx = browser.new_context()

    def open_page():
        page = ctx.new_page()
        open_practice(page, url)
        return page

    try:
        page = opened_offline(ctx, site, url, "ovelser/", "guide/practice.js", open_page)
        page.click(f"#practice-open-{RIGHT_CASE}")
        want = engine_answers(RIGHT_CASE)
        choose_by_mouse(page, RIGHT_CASE, want)
        page.click("#practice-check")
        page.wait_for_selector("#practice-check-result", timeout=60_000)
        assert outcome(page) == {k: ("true", v) for k, v in want.items()}
    finally:
        ctx.close()
