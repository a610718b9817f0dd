"""Failures the user sees are fixed Norwegian sentences (Chromium): a corrupt engine wheel or a missing
standard-library archive shows no traceback, no exception name and no zip or JSON parser message, on
the guide, the queue page and the practice page; the technical detail goes to the console. (Pyodide's lock file is
no longer fetched: the worker passes the build's minimal one, site_build/runtime/pyodide.py.)"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

READY_MS = 90_000
TECHNICAL = ("Traceback", "Error", "Unexpected token", "File \"", "zipfile", ".whl", "pyodide-lock", "JSON")

BREAKAGES = {
    # a wheel that is not a zip file at all: unpacking it fails inside Python
    "corrupt wheel": ("**/*.whl*", lambda route: route.fulfill(status=200, body=b"not a wheel", content_type="application/zip")),
    # the host's 404 page instead of the standard-library archive: Pyodide tries to read HTML as a zip
    "missing stdlib archive": ("**/stdlib.zip*", lambda route: route.fulfill(status=404, body="<!doctype html><title>404</title>o", content_type="text/html")),
}


ENGINE_PAGES = [("veiviser/", "#guide", "#guide-failure"), ("prioritering/", "#queue", "#queue-failure"), ("ovelser/", "#practice", "#practice-failure")]


@pytest.mark.parametrize("breakage", BREAKAGES)
@pytest.mark.parametrize("path, root, box", ENGINE_PAGES)
def test_failure_box_is_a_fixed_sentence(context, site_url, breakage, path, root, box):
    """The failure box says in plain Norwegian what happened and what to do; the console gets the detail."""
    pattern, handler = BREAKAGES[breakage]
    context.route(pattern, handler)
    console = []
    page = context.new_page()
    page.on("console", lambda m: console.append(m.text))
    page.goto(site_url + path)
    page.wait_for_selector(f"{root}[data-state='failed']", timeout=READY_MS)
    text = page.inner_text(box)
    assert "kunne ikke starte" in text
    assert not [t for t in TECHNICAL if t in text], text
    assert console, "the technical detail belongs in the console"
