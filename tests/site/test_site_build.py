"""The built site: strict build, self-hosted runtime, nothing that loads from elsewhere."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from site_build.runtime import PYODIDE_CORE, pyodide_dir_name

# What would make a browser fetch something: src/href on loading elements, CSS url(), @import.
LOADING_ATTR = re.compile(r"<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(src|href|data)=\"([^\"]+)\"", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pyodide" not in p.parts)


def test_every_nav_page_is_built(built_site):
    """The strict build writes the home page, the guide and every county page."""
    for rel in ["index.html", "veiviser/index.html", "lovgrunnlag/index.html", "counties/index.html", "counties/more-og-romsdal/index.html"]:
        assert (built_site / rel).is_file(), rel


def test_pyodide_core_is_vendored(built_site):
    """The pinned Pyodide core files are copied from the npm package into the site."""
    folder = built_site / pyodide_dir_name()
    for name in PYODIDE_CORE:
        assert (folder / name).stat().st_size > 0, name


def test_engine_wheel_is_served_and_complete(built_site):
    """The engine wheel holds the package, its data files and a RECORD listing them."""
    wheels = list((built_site / "guide").glob("guide_engine-*-py3-none-any.whl"))
    assert len(wheels) == 1
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "guide_engine/bridge.py" in names
    assert "guide_engine/data/counties/more-og-romsdal.toml" in names
    record = [n for n in names if n.endswith(".dist-info/RECORD")]
    assert record and all(n in zipfile.ZipFile(wheels[0]).read(record[0]).decode() for n in names if n != record[0])


@pytest.mark.parametrize("kind", ["html", "css"])
def test_nothing_loads_from_another_origin(built_site, kind):
    """No page or stylesheet refers to a resource on another host (fonts, CDNs, analytics)."""
    offenders = []
    if kind == "html":
        for page in html_pages(built_site):
            for tag, attr, url in LOADING_ATTR.findall(page.read_text(encoding="utf-8")):
                if re.match(r"^(https?:)?//", url):
                    offenders.append(f"{page.relative_to(built_site)}: <{tag} {attr}={url}>")
    else:
        for css in built_site.rglob("*.css"):
            for url in CSS_URL.findall(css.read_text(encoding="utf-8")):
                if re.match(r"^(https?:)?//", url):
                    offenders.append(f"{css.relative_to(built_site)}: url({url})")
    assert not offenders, "\n".join(offenders)


# Pages that run the engine in the browser (front matter `guide: true` or `engine: true`).
ENGINE_PAGES = {"veiviser", "prioritering", "ovelser", "meld-inn-rutine"}  # the guide, the queue, the practice and the routine pages


def test_only_the_guide_page_loads_the_runtime(built_site):
    """Only the guide page refers to the guide's script (the queue page to its own); no page refers to Pyodide directly."""
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_site).as_posix()
        assert ("guide/guide.js" in html) == (rel == "veiviser/index.html"), page
        assert ("guide/queue.js" in html) == (rel == "prioritering/index.html"), page
        assert ("guide/practice.js" in html) == (rel == "ovelser/index.html"), page
        assert ("guide/routine.js" in html) == (rel == "meld-inn-rutine/index.html"), page
        assert "pyodide.mjs" not in html, page


def test_every_page_has_a_csp_without_foreign_sources(built_site):
    """Every page carries a CSP meta tag that names no other origin; only the engine pages allow wasm."""
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert m, page
        policy = m.group(1)
        assert "http" not in policy and "*" not in policy and "'unsafe-eval'" not in policy, policy
        assert ("'wasm-unsafe-eval'" in policy) == (page.parent.name in ENGINE_PAGES), page


def test_the_queue_page_boots_without_the_snapshot_and_prepares_the_queue(built_site):
    """The queue page's boot data names no snapshot and a queue_warm to run before ready; the guide's names the snapshot and nothing to prepare."""
    import json as _json

    def boot(page: str, block: str = "engine-boot") -> dict:
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        return _json.loads(html.split(f'<script type="application/json" id="{block}">', 1)[1].split("</script>", 1)[0])

    queue, guide = boot("prioritering"), boot("veiviser", "guide-boot")
    assert queue["snapshot"] is None and queue["prepare"] == {"op": "queue_warm", "rows": 5}
    assert guide["snapshot"].startswith("guide/engine.snap") and guide["prepare"] is None
