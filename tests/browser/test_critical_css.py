"""The guide page's first frame from the build's critical CSS: drawn without the theme's stylesheets, and unchanged when they apply."""

from __future__ import annotations

import re

import pytest

from bench.link import Profile
from tests.helpers.guide_driver import hold_requests
from tests.helpers.slow_link import served_behind

pytestmark = pytest.mark.browser

# The stylesheets the page defers (site_build/critical_css.py), the guide's bundle and the theme's:
# held, the page stays as the build wrote it, drawn from the critical rules alone.
STYLES = re.compile(r".*\.css(\?.*)?$")
SCRIPTS = ("**/guide/guide.js*", "**/assets/javascripts/bundle.*.js")

# Every element's computed style (custom properties aside: an unused one draws nothing), and its
# ::before and ::after, kept in the page to compare with later; returns how many were read. The
# build's <style> is left out: it goes once the stylesheets apply (a test below).
SNAPSHOT = """() => {
  const read = () => { const all = [document.documentElement, ...document.querySelectorAll('html *')].filter((el) => el.id !== 'guide-first-frame');
    const out = new Map();
    all.forEach((el, i) => { for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo); const style = {};
      for (let k = 0; k < cs.length; k++) { const p = cs[k]; if (!p.startsWith('--')) style[p] = cs.getPropertyValue(p); }
      out.set(i + (pseudo || '') + ' ' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).trim().split(/\\s+/).join('.') : ''), style);
    } });
    return out; };
  window.__styles = { read, before: read() };
  return window.__styles.before.size;
}"""
CHANGED = """() => { const { read, before } = window.__styles; const after = read(); const changed = [];
  if (after.size !== before.size) return ['elements: ' + before.size + ' → ' + after.size];
  for (const [key, style] of before) { const now = after.get(key);
    if (!now) { changed.push(key + ': gone'); continue; }
    for (const p of new Set([...Object.keys(style), ...Object.keys(now)]))
      if (style[p] !== now[p]) changed.push(key + ' ' + p + ': ' + style[p] + ' → ' + now[p]); }
  return changed.slice(0, 25); }"""
FULL_APPLIED = """() => { const links = [...document.querySelectorAll('link[data-after-first-frame]')];
  return links.length > 0 && links.every((l) => l.media === 'all' && l.sheet && l.sheet.cssRules.length > 0); }"""


LINKED = "() => document.querySelectorAll('link[data-after-first-frame]').length > 0"


def held_page(browser, site_url, **context_options):
    context = browser.new_context(service_workers="block", **context_options)
    release_styles = hold_requests(context, STYLES)
    for pattern in SCRIPTS:
        context.route(pattern, lambda route: None)  # never answered: the page stays as built
    page = context.new_page()
    page.goto(site_url + "veiviser/", wait_until="commit")
    return context, page, release_styles


@pytest.mark.parametrize("options", [
    {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"},
    {"viewport": {"width": 390, "height": 844}, "color_scheme": "dark"},
], ids=["desktop-light", "phone-dark"])
def test_the_full_stylesheets_change_nothing_the_first_frame_drew(browser, site_url, options):
    """Every element's computed style from the critical rules alone equals the one with the full stylesheets."""
    context, page, release_styles = held_page(browser, site_url, **options)
    try:
        page.wait_for_selector("#guide-next", state="visible", timeout=10_000)
        page.wait_for_load_state("domcontentloaded")
        page.focus("#q-municipality")  # a state the reader brings about before the sheets may arrive
        page.wait_for_function(LINKED, timeout=10_000)  # linked (and held) once the first frame is drawn
        assert not page.evaluate(FULL_APPLIED)
        assert page.evaluate(SNAPSHOT) > 1000
        release_styles(page)
        page.wait_for_function(FULL_APPLIED, timeout=10_000)
        assert page.evaluate(CHANGED) == []
    finally:
        context.close()


def test_the_full_stylesheets_apply_all_together(browser, site_url):
    """With the site's stylesheet held back, the theme's loaded one does not apply alone (it would put the theme's button colour over the site's)."""
    context = browser.new_context(service_workers="block")
    try:
        release = hold_requests(context, "**/assets/site.css*")
        for pattern in SCRIPTS:
            context.route(pattern, lambda route: None)
        page = context.new_page()
        page.goto(site_url + "veiviser/", wait_until="commit")
        page.wait_for_function("() => { const l = document.querySelector('link[data-after-first-frame][href*=\"main.\"]'); return l && l.sheet; }",
                               timeout=10_000)
        page.wait_for_timeout(300)
        media = page.evaluate("[...document.querySelectorAll('link[data-after-first-frame]')].map((l) => l.media)")
        assert set(media) == {"print"}, media
        release(page)
        page.wait_for_function(FULL_APPLIED, timeout=10_000)
    finally:
        context.close()


def test_the_critical_rules_are_what_draws_the_first_frame(browser, site_url):
    """The check above can fail: with the build's <style> emptied, the full stylesheets change the page."""
    context, page, release_styles = held_page(browser, site_url)
    try:
        page.wait_for_selector("#guide-next", state="visible", timeout=10_000)
        page.wait_for_function(LINKED, timeout=10_000)
        page.evaluate("document.getElementById('guide-first-frame').textContent = ''")
        page.evaluate(SNAPSHOT)
        release_styles(page)
        page.wait_for_function(FULL_APPLIED, timeout=10_000)
        changed = page.evaluate(CHANGED)
        assert len(changed) == 25  # the first 25 of many
        assert page.evaluate("getComputedStyle(document.querySelector('#guide-next')).backgroundColor") != "rgba(0, 0, 0, 0)"
    finally:
        context.close()


def test_the_first_frame_does_not_wait_for_the_stylesheets(browser, site_url):
    """With every stylesheet held back, the first question is painted, styled as the theme styles it."""
    context, page, _ = held_page(browser, site_url)
    try:
        page.wait_for_function("() => performance.getEntriesByType('paint').some((p) => p.name === 'first-contentful-paint')",
                               timeout=10_000)
        assert page.evaluate("[...document.styleSheets].filter((s) => s.href && s.media.mediaText !== 'print').length") == 0
        # The theme's primary button, not the browser's grey one.
        assert page.evaluate("getComputedStyle(document.querySelector('#guide-next')).backgroundColor") not in ("rgba(0, 0, 0, 0)", "rgb(239, 239, 239)")
    finally:
        context.close()


def test_without_scripts_the_full_stylesheets_apply_as_usual(browser, site_url):
    """A reader without scripts gets the listed stylesheets from the <noscript> copy."""
    context = browser.new_context(service_workers="block", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "veiviser/", wait_until="load")
        hrefs = page.evaluate("[...document.styleSheets].filter((s) => s.href && s.cssRules.length > 0).map((s) => s.href)")
        listed = page.evaluate("JSON.parse(document.getElementById('guide-stylesheets').textContent).map((h) => new URL(h, location.href).href)")
        assert len(listed) >= 2 and set(listed) <= set(hrefs)
    finally:
        context.close()


# When the theme's stylesheet was requested and when the page was first painted (ms after navigation),
# once every stylesheet has applied.
REQUESTED = """() => ({ requested: performance.getEntriesByType('resource').find((e) => /main\\.[0-9a-f]+\\.min\\.css$/.test(e.name)).startTime,
  preloaded: document.querySelectorAll('link[rel=preload][as=style]').length,
  listed: JSON.parse(document.getElementById('guide-stylesheets').textContent).length,
  paint: performance.getEntriesByName('first-paint')[0].startTime })"""


def stylesheet_times(browser, url):
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(url + "veiviser/", wait_until="commit")
        page.wait_for_function(FULL_APPLIED, timeout=20_000)
        return page.evaluate(REQUESTED)
    finally:
        context.close()


def test_from_a_local_server_the_stylesheets_are_requested_after_the_first_frame(browser, site_url):
    """The device is what the first frame waits for: parsing the full stylesheets does not take the main thread before it."""
    t = stylesheet_times(browser, site_url)
    assert t["requested"] >= t["paint"] and t["preloaded"] == 0, t


def test_over_a_real_link_the_stylesheets_are_requested_after_the_first_frame_too(browser, built_site):
    """20 ms round trips: they do not take the bandwidth the page's script and the engine's first files need before it."""
    with served_behind(built_site, Profile("remote", None, 20)) as url:
        t = stylesheet_times(browser, url)
    assert t["requested"] >= t["paint"] and t["preloaded"] == 0 and t["listed"] > 0, t


def test_once_they_apply_the_picked_rules_go_unless_a_stylesheet_failed(browser, site_url):
    """All loaded: the build's <style> is removed with the switch, so the cascade is the stylesheets' own; one failed: it stays for it."""
    for fail in (False, True):
        context = browser.new_context(service_workers="block")
        try:
            if fail:
                context.route("**/assets/site.css*", lambda route: route.abort())
            page = context.new_page()
            page.goto(site_url + "veiviser/", wait_until="commit")
            page.wait_for_function("""() => { const l = [...document.querySelectorAll('link[data-after-first-frame]')];
              return l.length > 0 && l.every((x) => x.media === 'all'); }""", timeout=20_000)
            assert page.evaluate("document.getElementById('guide-first-frame') !== null") is fail
            assert page.evaluate("getComputedStyle(document.querySelector('#guide-next')).backgroundColor") not in ("rgba(0, 0, 0, 0)", "rgb(239, 239, 239)")
        finally:
            context.close()
