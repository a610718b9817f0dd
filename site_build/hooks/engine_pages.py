"""MkDocs hooks for the pages that run the engine, and every page's security policy.

- on_pre_build: make what the pages must name before they are rendered: the runtime's files
  (site_build/runtime/: Pyodide, the engine wheel, the stdlib archive, the snapshot) and the
  browser bundles (site_build/browser/bundle.py), whose hash versions their URLs.
- on_page_context: the guide page (front matter `guide: true`) and the other engine pages
  (`engine: true`: the queue and practice pages) get the boot data: where Pyodide, the wheel and
  the worker are, and the questions, so the first question shows before Python runs
  (`guide_boot`); `engine_boot` is the runtime's URLs with the labels only; the guide page also
  gets the opening questions, its first step's form as HTML (site_build/first_step.py) and its
  head's starter script; the practice page (`practice: true`)
  its cases (`practice_boot`); the routine page (`routine: true`) its form and the owner's address
  from mkdocs.yml `extra: owner: email` (site_build/owner.py, `routine_boot`).
- on_post_page: every page gets its Content-Security-Policy with the hashes of its inline scripts.
- on_post_build: write the runtime and the bundles into the site; give the pages MkDocs renders
  as theme templates (404.html), which no page hook sees, their policy too, and stop the build if
  any page is left without one; write the guide's service worker (site_build/browser/offline.py)
  and the hosts' header files (site_build/hosts.py: .htaccess, _headers);
  last, the pre-compressed copies of every file.
Other pages load none of the guide's files.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from site_build import critical_css, csp, first_step, hosts, owner
from site_build.browser import offline
from site_build.browser.bundle import WORKER, BundleError, Bundles
from site_build.runtime import Runtime, RuntimeMissing, compress

_state: dict = {}


def _runtime() -> Runtime:
    if "runtime" not in _state:
        try:
            _state["runtime"] = Runtime.current()
        except RuntimeMissing as e:
            raise PluginError(str(e)) from None
    return _state["runtime"]


def _bundles() -> Bundles:
    if "bundles" not in _state:
        try:
            _state["bundles"] = Bundles.build(_runtime().build)
        except BundleError as e:
            raise PluginError(str(e)) from None
    return _state["bundles"]


def on_pre_build(config) -> None:
    _state.clear()
    _bundles()


def is_guide(page) -> bool:
    return bool(page and page.meta.get("guide"))


def uses_engine(page) -> bool:
    """The guide, and any page with front matter `engine: true` (the queue and practice pages): boot data and wasm."""
    return bool(page and (page.meta.get("guide") or page.meta.get("engine")))


def _json(data: dict) -> str:
    # Safe inside <script type="application/json">: no "</" can close the element early.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _boot_data() -> dict:
    from guide_engine.boot import boot_data  # CPython computes what the page shows before Pyodide runs

    return boot_data()


def opening(on: str) -> dict:
    """The questions every path asks first, and the path each answer to the last of them leads to
    (``then[question][JSON of the answer]``): the guide asks these while the engine loads."""
    from guide_engine import api

    path = api.path({}, on)
    last = next((q for q in api.questions(None) if path and q["id"] == path[-1]), None)
    then = {}
    if last and last.get("options"):
        then[last["id"]] = {
            json.dumps(o["value"], ensure_ascii=False, separators=(",", ":")): api.path({last["id"]: o["value"]}, on)
            for o in last["options"]
        }
    return {"path": path, "then": then}


PREPARE = {"queue": {"op": "queue_warm", "rows": 5}}

def on_page_context(context, page, config, nav):
    if not uses_engine(page):
        return context
    rt, ui = _runtime(), _bundles()
    runtime = {
        "pyodide": rt.pyodide_dir + "/",
        "wheel": f"{rt.wheel_path}?v={rt.wheel_hash}",
        "worker": ui.url(WORKER[0]),
        # A page may boot the ordinary way (front matter `snapshot: false`: the queue, docs/prioritering.md).
        "snapshot": f"{rt.snapshot_path}?v={rt.snapshot_version}" if page.meta.get("snapshot", True) else None,
        # What the worker runs before it says it is ready (front matter `prepare: queue`): the queue's
        # modules and data, loaded on a few example rows (guide_engine/bridge.py, queue_warm).
        "prepare": PREPARE.get(page.meta.get("prepare")),
        # Bytes the worker downloads until the engine is ready (brotli), for the page's progress text.
        "bytes": rt.boot_bytes(),
    }
    boot = {**runtime, **_boot_data()}
    if is_guide(page):  # the questions every path asks first, asked before the engine is ready
        boot["opening"] = opening(date.today().isoformat())
        # The first question's form as plain HTML, painted before any script runs (site_build/first_step.py).
        context["guide_first_step"] = first_step.first_step_html(boot, date.today().isoformat())
        # What the page's head needs to start the worker before anything else loads (guide.html).
        context["guide_early"] = {k: runtime[k] for k in ("worker", "pyodide", "wheel", "snapshot")}
        context["guide_starter"] = ui.starter
    context["guide_boot"] = _json(boot)
    # Any engine page: where the runtime is, with the labels for provisions, sources and who.
    context["engine_boot"] = _json({**runtime, **{k: boot[k] for k in ("references", "sources", "labels") if k in boot}})
    if page.meta.get("practice"):
        from site_build import practice

        context["practice_boot"] = _json(practice.boot_data())
    if page.meta.get("routine"):  # the routine form's fact kinds and counties; the owner's address, if set
        from guide_engine import routine_form

        context["routine_boot"] = _json({**routine_form.spec(), "owner": owner.from_config(config).email})
    context["guide_assets_hash"] = ui.version
    return context


def on_post_page(output: str, page, config) -> str:
    if is_guide(page):  # its critical CSS is written once every stylesheet is in the site (on_post_build)
        _state.setdefault("critical", []).append(page.file.dest_uri)
    return csp.apply(output, wasm=uses_engine(page))


def inline_critical_css(site_dir: Path, pages: list[str]) -> None:
    """The guide page's first frame without the theme's render-blocking stylesheets (site_build/critical_css.py)."""
    for page in pages:
        html_file = site_dir / page

        def read(href: str) -> str:
            path = site_dir / critical_css.href_path(page, href)
            if not path.is_file():
                raise critical_css.CriticalCssError(f"{page}: stilarket {href} finnes ikke i det bygde nettstedet")
            return path.read_text(encoding="utf-8")

        html_file.write_text(critical_css.inline(html_file.read_text(encoding="utf-8"), read), encoding="utf-8")


def fill_template_pages(site_dir: Path) -> list[str]:
    """Fill the policy into pages rendered outside the page hooks; return pages still without one."""
    missing = []
    for html_file in sorted(site_dir.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        if csp.unfilled(html):
            html = csp.apply(html, wasm=False)
            html_file.write_text(html, encoding="utf-8")
        if csp.unfilled(html) or not csp.page_policy(html).startswith("default-src 'self'"):
            missing.append(html_file.relative_to(site_dir).as_posix())
    return missing


def on_post_build(config) -> None:
    site_dir = Path(config["site_dir"])
    try:
        _runtime().install(site_dir)
    except RuntimeMissing as e:
        raise PluginError(str(e)) from None
    _bundles().install(site_dir / "guide")
    try:
        inline_critical_css(site_dir, _state.get("critical", []))
    except critical_css.CriticalCssError as e:
        raise PluginError(str(e)) from None
    missing = fill_template_pages(site_dir)
    if missing:
        raise PluginError(f"Sider uten Content-Security-Policy: {', '.join(missing)}")
    try:
        offline.write_service_worker(site_dir)  # from the built files, so after everything else
    except (offline.OfflineError, BundleError) as e:
        raise PluginError(str(e)) from None
    hosts.write_into_site(site_dir)  # .htaccess and _headers: the deploy headers for Apache and static hosts
    # Last: the .br/.gz copies must be made from every file's final content.
    compress.precompress_tree(site_dir)
