"""The site's own search (mkdocs-material, Norwegian, in a same-origin worker) finds what advisers look for."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_searching_tolk_finds_the_county_routines(page, site_url):
    """Typing "tolk" in the search box lists the county pages that say who orders the interpreter."""
    page.goto(site_url)
    page.click("input[data-md-component='search-query']")
    # typed, not filled: the theme reads the query on keyup (fill fires no keyup, so it raced the focus)
    page.keyboard.type("tolk")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    links = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
    for county in ["more-og-romsdal", "trondelag", "viken"]:
        assert any(f"counties/{county}/" in (h or "") for h in links), (county, links)
    assert page.recorder.foreign_requests() == []
    assert not [c for c in page.recorder.console if "Content Security Policy" in c]
