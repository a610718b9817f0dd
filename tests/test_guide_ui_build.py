"""The guide's browser modules as built: versioned imports, preloaded, text-only DOM, small modules."""

from __future__ import annotations

import re

from site_build import guide_ui

IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?/[^"']+)["']""")


def test_every_relative_import_carries_the_build_hash(built_site):
    """In the site, every import between the guide's modules names the file with the build's hash."""
    html = (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")
    version = re.search(r'guide/guide\.js\?v=([0-9a-f]{12})"', html).group(1)
    modules = sorted((built_site / "guide").rglob("*.js"))
    assert len(modules) >= 10
    seen = 0
    for m in modules:
        for spec in IMPORT.findall(m.read_text(encoding="utf-8")):
            seen += 1
            path, _, query = spec.partition("?")
            assert query == f"v={version}", (m, spec)
            assert (m.parent / path).resolve().is_file(), (m, spec)
    assert seen >= 20


def test_every_module_is_preloaded_with_its_hash(built_site):
    """The guide page preloads each of its modules at the URL the imports use (not other pages' modules)."""
    html = (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")
    preloaded = set(re.findall(r'<link rel="modulepreload" href="\.\./(guide/[^"?]+)\?v=[0-9a-f]{12}">', html))
    built = {p.relative_to(built_site).as_posix() for p in (built_site / "guide").rglob("*.js")}
    others = {b for b in built if b.startswith(tuple(f"guide/{o}" for o in guide_ui.OTHER_PAGES))}
    assert others and preloaded == built - others


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


def test_versioned_rewrites_relative_imports_only():
    """The build adds the hash to relative imports and leaves everything else alone."""
    src = 'import { a } from "./a.js";\nimport("../b/c.js");\nconst u = "./not-an-import.js";\nimport x from "https://x/y.js";'
    out = guide_ui.versioned(src, "abc123")
    assert 'from "./a.js?v=abc123"' in out and 'import("../b/c.js?v=abc123")' in out
    assert '"./not-an-import.js"' in out and '"https://x/y.js"' in out
