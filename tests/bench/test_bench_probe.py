"""bench/probe.js: the first question painted, whether it comes with the HTML or from a script."""

from __future__ import annotations

import pytest

from bench.run import BENCH

pytestmark = pytest.mark.browser

FORM = ('<form id="guide-step"><div class="guide-field"><h3><label for="q-a">Hvilken kommune?</label></h3>'
        '<input id="q-a" {dis}></div><button id="guide-next" type="submit" {dis}>Neste</button></form>')
READY = "<script>setTimeout(() => document.getElementById('guide').dataset.state = 'ready', {ms});</script>"
PAGES = {
    # The question in the build's HTML, usable before any script runs.
    "html": f'<main id="guide">{FORM.format(dis="")}</main>{READY.replace("{ms}", "400")}',
    # The question created by a script 300 ms after navigation.
    "script": '<main id="guide"></main><script>setTimeout(() => { document.getElementById("guide").innerHTML = '
              f"'{FORM.format(dis='')}'; }}, 300);</script>{READY.replace('{ms}', '600')}",
    # In the HTML but disabled until a script enables it at 300 ms.
    "enabled-later": f'<main id="guide">{FORM.format(dis="disabled")}</main><script>setTimeout(() => '
                     'document.querySelectorAll("[disabled]").forEach((e) => e.disabled = false), 300);</script>'
                     f'{READY.replace("{ms}", "600")}',
}


def _probe(browser, name):
    ctx = browser.new_context()
    ctx.add_init_script(path=str(BENCH / "probe.js"))
    ctx.route("http://bench.test/**", lambda route: route.fulfill(
        content_type="text/html", body=f"<!doctype html><html lang=nb><body>{PAGES[name]}</body></html>"))
    page = ctx.new_page()
    with page.expect_console_message(lambda m: m.text.startswith("bench:done")):
        page.goto("http://bench.test/", wait_until="commit")
    page.wait_for_function("() => window.__bench.frameAfterUsable !== null")
    page.wait_for_timeout(300)  # the Element Timing report, if any, comes after the frame
    b = page.evaluate("() => window.__bench")
    ctx.close()
    return b


def test_a_question_in_the_html_is_timed_by_its_first_paint(browser):
    b = _probe(browser, "html")
    assert b["firstQuestion"] < 300 and b["firstQuestion"] <= b["painted"] < 400
    assert b["paintSource"] == "element-timing" and b["paintOnScreen"] is True


def test_a_question_made_by_script_is_timed_when_painted(browser):
    b = _probe(browser, "script")
    assert 300 <= b["firstQuestion"] <= b["painted"]
    assert b["paintSource"] == "element-timing"


def test_a_disabled_question_counts_once_it_is_usable(browser):
    """Seen (and usually painted) disabled: only a paint once it was enabled (≥ 300 ms) counts."""
    b = _probe(browser, "enabled-later")
    assert b["firstStepSeen"] < 300 <= b["firstQuestion"] <= b["frameAfterUsable"]
    assert b["painted"] is None or b["painted"] >= b["firstQuestion"]
