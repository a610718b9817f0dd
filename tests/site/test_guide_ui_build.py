"""The guide's browser modules as built: one bundle per page, preloaded, the worker started first, text-only DOM, small modules."""

from __future__ import annotations

import re

import pytest

from site_build import guide_ui

IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?/[^"']+)["']""")


def _page_modules(html: str) -> list[str]:
    return re.findall(r'<script type="module"[^>]* src="\.\./(guide/[^"?]+)\?v=[0-9a-f]{12}"', html)


def test_each_engine_page_loads_one_bundle_with_no_import_left(built_site):
    """The guide and the practice page each load one module, bundled at build time, that imports nothing."""
    for page, entry in (("veiviser", "guide/guide.js"), ("ovelser", "guide/practice/practice.js")):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert _page_modules(html) == [entry]
        bundle = (built_site / entry).read_text(encoding="utf-8")
        assert IMPORT.findall(bundle) == [] and not re.search(r"\bimport\s*[({]|\bimport\s+\w", bundle), entry
    # every source module of the guide is inside the guide's bundle: its exported names are there
    guide = (built_site / "guide" / "guide.js").read_text(encoding="utf-8")
    for p in guide_ui.files():
        rel = p.relative_to(guide_ui.UI).as_posix()
        if p.suffix != ".js" or rel.startswith("practice/"):
            continue
        for name in re.findall(r"^export (?:async )?(?:function|class|const) (\w+)", p.read_text(encoding="utf-8"), re.M):
            assert re.search(rf"\b{name}\b", guide), (rel, name)


def test_the_site_serves_no_loose_module_of_the_ui(built_site):
    """Only the bundles are served: the UI's source modules stay out of the site (one copy of each)."""
    served = {p.relative_to(built_site / "guide").as_posix() for p in (built_site / "guide").rglob("*.js")}
    assert served == set(guide_ui.ENTRIES)


def test_the_guide_page_preloads_its_bundle_and_starts_the_worker_in_the_head(built_site):
    """The head preloads the guide's one bundle, and starts the worker before any stylesheet."""
    html = (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")
    version = re.search(r'guide/guide\.js\?v=([0-9a-f]{12})"', html).group(1)
    assert re.findall(r'<link rel="modulepreload" href="\.\./(guide/[^"?]+)\?v=([0-9a-f]{12})">', html) == [("guide/guide.js", version)]
    head = html[: html.index("</head>")]
    early = head.index("window.__guideEarly")
    assert early < head.index('rel="stylesheet"')
    assert head.index("Content-Security-Policy") < early  # the policy governs the script
    assert f"guide/worker.mjs?v={version}" in head[:early + 2000]


def test_the_guide_page_requests_its_bundle_and_style_before_the_themes_styles(built_site):
    """The bundle's modulepreload and the guide style's preload stand before the theme's first
    stylesheet (after it, an inline script that waits for the theme's styles held them back)."""
    html = (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    first_style = head.index('rel="stylesheet"')
    assert head.index('rel="modulepreload" href="../guide/guide.js?v=') < first_style
    preload = re.search(r'<link rel="preload" as="style" href="\.\./guide/guide\.css\?v=[0-9a-f]{12}">', head)
    assert preload and preload.start() < first_style
    # The style still applies after the theme's (equal specificity: the guide's rules win).
    applied = head.index('<link rel="stylesheet" href="../guide/guide.css?v=')
    assert applied > head.index('rel="stylesheet" href="../assets/stylesheets/main.')


def test_a_broken_module_stops_the_build(tmp_path, monkeypatch):
    """A syntax error in a UI module is a build error that names the file, not a broken page."""
    (tmp_path / "guide.js").write_text('import { x } from "./missing.js";\nx(;\n', encoding="utf-8")
    monkeypatch.setattr(guide_ui, "UI", tmp_path)
    with pytest.raises(guide_ui.BundleError, match="guide.js"):
        guide_ui.bundle("guide.js")


def test_the_guide_never_writes_html():
    """No module of the guide parses text as HTML (text-only DOM helper, no innerHTML)."""
    for p in guide_ui.files():
        src = p.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment"):
            assert sink not in src, (p.name, sink)


def test_no_module_is_large():
    """Each module of the guide stays small enough to read in one go (about 250 lines)."""
    sizes = {p.relative_to(guide_ui.UI).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in guide_ui.files() if p.suffix == ".js"}
    assert max(sizes.values()) <= 250, sizes
