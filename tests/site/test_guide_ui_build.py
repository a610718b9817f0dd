"""The browser code as built: every file the browser runs comes from guide_ui/, bundled (one bundle
per page and worker, importing nothing), preloaded, the worker started first, text-only DOM, small
modules with no import cycle."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess

import pytest

from site_build.browser import bundle
from site_build.paths import ROOT
from tests.helpers.graphs import assert_no_cycle

IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?/[^"']+)["']""")


def _page_modules(html: str) -> list[str]:
    return re.findall(r'<script type="module"[^>]* src="\.\./(guide/[^"?]+)\?v=[0-9a-f]{12}"', html)


def _imports(rel: str) -> list[str]:
    """The guide_ui modules a module imports (paths relative to guide_ui/)."""
    src = (bundle.UI / rel).read_text(encoding="utf-8")
    return [posixpath.normpath(posixpath.join(posixpath.dirname(rel), m)) for m in IMPORT.findall(src)]


def _reachable(entry: str) -> set[str]:
    seen, todo = set(), [entry]
    while todo:
        rel = todo.pop()
        if rel not in seen:
            seen.add(rel)
            todo.extend(_imports(rel))
    return seen


def _modules() -> list[str]:
    return [p.relative_to(bundle.UI).as_posix() for p in bundle.files() if p.suffix == ".js"]


def test_each_engine_page_loads_one_bundle_with_no_import_left(built_site):
    """The guide, the practice, the queue and the routine pages each load one module, bundled at build time, that imports nothing."""
    for page, entry in (("veiviser", "guide/guide.js"), ("ovelser", "guide/practice.js"), ("prioritering", "guide/queue.js"),
                        ("meld-inn-rutine", "guide/routine.js")):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert _page_modules(html) == [entry]
    for served in list(bundle.PAGES) + [bundle.WORKER[0]]:
        text = (built_site / "guide" / served).read_text(encoding="utf-8")
        assert IMPORT.findall(text) == [] and not re.search(r"\bimport\s*[{]|\bimport\s+\w", text), served


def _exports(rel: str, kinds: str = "function|class|const") -> list[str]:
    return re.findall(rf"^export (?:async )?(?:{kinds}) (\w+)", (bundle.UI / rel).read_text(encoding="utf-8"), re.M)


def test_every_module_a_page_imports_is_in_its_bundle(built_site):
    """Each page's bundle holds every module its entry reaches (its exported names that the page uses)."""
    for served, entry in {**bundle.PAGES, bundle.WORKER[0]: bundle.WORKER[1]}.items():
        text = (built_site / "guide" / served).read_text(encoding="utf-8")
        for rel in _reachable(entry) - {entry}:
            assert [n for n in _exports(rel) if re.search(rf"\b{n}\b", text)], (served, rel)


def test_every_export_is_used(built_site):
    """Every exported function and class ends up in some bundle: none is dead code. (Not the
    constants: esbuild writes a number's or a string's value where it is used.)"""
    texts = [(built_site / "guide" / name).read_text(encoding="utf-8") for name in [*bundle.PAGES, bundle.WORKER[0]]]
    texts += [(built_site / "veiviser" / "index.html").read_text(encoding="utf-8"), (built_site / "veiviser" / "sw.js").read_text(encoding="utf-8")]
    unused = [(rel, n) for rel in _modules() for n in _exports(rel, "function|class") if not any(re.search(rf"\b{n}\b", t) for t in texts)]
    assert unused == []


def test_every_module_is_used():
    """Every module of guide_ui/ is reached from a bundle's entry: no dead module is left behind."""
    entries = [*bundle.PAGES.values(), bundle.WORKER[1], bundle.STARTER, bundle.SERVICE_WORKER]
    used = set().union(*(_reachable(e) for e in entries))
    assert set(_modules()) - used == set()


def test_the_javascript_imports_form_no_cycle():
    """No module of guide_ui/ imports itself through others."""
    assert_no_cycle({rel: _imports(rel) for rel in _modules()})


def test_the_site_serves_only_the_bundles(built_site):
    """Only the bundles are served: the UI's source modules stay out of the site (one copy of each)."""
    served = {p.relative_to(built_site / "guide").as_posix() for p in (built_site / "guide").rglob("*") if p.suffix in (".js", ".mjs", ".css")}
    assert served == set(bundle.PAGES) | set(bundle.STYLES) | {bundle.WORKER[0]}


def test_no_script_the_browser_runs_lives_outside_guide_ui():
    """Every .js and .mjs of the project that is not build code for Node, a test helper or the
    benchmark's own pages lives in guide_ui/."""
    tracked = subprocess.run(["git", "ls-files", "*.js", "*.mjs"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    outside = [f for f in tracked if not f.startswith(("guide_ui/", "bench/", "tests/helpers/"))]
    assert outside == ["site_build/runtime/make_snapshot.mjs"]  # runs under Node at build time


def test_the_guide_page_preloads_its_bundle_and_starts_the_worker_in_the_head(built_site):
    """The head preloads the guide's one bundle, and starts the worker before any stylesheet."""
    html = (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")
    version = re.search(r'guide/guide\.js\?v=([0-9a-f]{12})"', html).group(1)
    assert re.findall(r'<link rel="modulepreload" href="\.\./(guide/[^"?]+)\?v=([0-9a-f]{12})">', html) == [("guide/guide.js", version)]
    head = html[: html.index("</head>")]
    early = head.index("window.__guideEarly")
    assert early < head.index("<style id=\"guide-first-frame\">")  # before the critical rules
    assert head.index("Content-Security-Policy") < early  # the policy governs the script
    assert f"guide/worker.mjs?v={version}" in head[:early + 2000]


def test_the_guide_page_has_no_render_blocking_stylesheet(built_site):
    """The head draws from the build's critical rules and links no stylesheet but print.css: it lists them (the
    theme's, then the guide's, in that order: the guide's rules win at equal specificity) before the head's script,
    which links them after the first frame, with a <noscript> copy; the bundle's modulepreload comes before the rules."""
    html = (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    version = re.search(r'guide/guide\.js\?v=([0-9a-f]{12})"', html).group(1)
    outside_noscript = re.sub(r"<noscript>.*?</noscript>", "", head, flags=re.DOTALL)
    assert re.findall(r'<link rel="stylesheet" [^>]*>', outside_noscript) == [
        f'<link rel="stylesheet" media="print" href="../guide/print.css?v={version}">']
    listed = re.search(r'<script type="application/json" id="guide-stylesheets">(.*?)</script>', head).group(1)
    deferred = [href.removeprefix("../").split("?")[0] for href in json.loads(listed)]
    assert deferred[0].startswith("assets/stylesheets/main.") and deferred[-1] == "guide/guide.css"
    noscript = re.search(r"<noscript>(.*?)</noscript>", head, re.DOTALL).group(1)
    assert re.findall(r'href="\.\./([^"?]+)', noscript) == deferred
    assert head.index('id="guide-stylesheets"') < head.index("<script>") < head.index('rel="modulepreload" href="../guide/guide.js?v=')
    assert head.index('rel="modulepreload"') < head.index('<style id="guide-first-frame">') < head.index("<noscript>")


def test_a_broken_module_stops_the_build(tmp_path, monkeypatch):
    """A syntax error in a UI module is a build error that names the file, not a broken page."""
    (tmp_path / "guide.js").write_text('import { x } from "./missing.js";\nx(;\n', encoding="utf-8")
    monkeypatch.setattr(bundle, "UI", tmp_path)
    with pytest.raises(bundle.BundleError, match="guide.js"):
        bundle.bundle("guide.js")


def test_the_guide_never_writes_html():
    """No module of the guide parses text as HTML (text-only DOM helper, no innerHTML)."""
    for p in bundle.files():
        src = p.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment"):
            assert sink not in src, (p.name, sink)


def test_no_module_is_large():
    """Each module of the browser code stays small enough to read in one go (about 250 lines)."""
    sizes = {p.relative_to(bundle.UI).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in bundle.files() if p.suffix == ".js"}
    assert max(sizes.values()) <= 250, sizes
