"""In the browser, no page makes a request outside the site's own origin."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def all_pages(built_site) -> list[str]:
    return sorted(
        p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
        if "pyodide" not in p.parts and "guide" not in p.parts[:1]
    )


def test_every_page_requests_only_its_own_origin(built_site, site_url, page):
    """Every built page loads, and everything it requests comes from the site itself."""
    pages = all_pages(built_site)
    assert len(pages) > 10
    for rel in pages:
        url = site_url + ("" if rel == "./" else rel)
        response = page.goto(url)
        assert response and response.ok, url
        page.wait_for_load_state("networkidle")
    assert page.recorder.foreign_requests() == []
    assert page.recorder.page_errors == []


def test_ordinary_pages_load_no_pyodide(site_url, page):
    """An ordinary page fetches none of the guide's runtime files."""
    page.goto(site_url + "lovgrunnlag/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.recorder.requests if "/pyodide/" in u or "/guide/" in u]


def test_guide_requests_only_its_own_origin(site_url, page):
    """The guide, through Pyodide's boot and a round trip, asks nothing of any other origin."""
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']", timeout=90_000)
    assert page.recorder.foreign_requests() == []
    assert [c for c in page.recorder.console_errors()] == []
