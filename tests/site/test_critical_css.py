"""The guide page's critical CSS: the rules that can match the page as built, the rest deferred."""

from __future__ import annotations

import re

import pytest

from site_build import critical_css
from site_build.critical_css import critical_css as pick

PAGE = """<!doctype html><html class="no-js"><head><title>t</title></head>
<body><input class="md-toggle" type="checkbox" id="__drawer" data-md-toggle="drawer"><header class="md-header">
<form class="md-header__option"><input class="md-option" type="radio" name="__palette" data-md-color-media="(prefers-color-scheme: light)" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<input class="md-option" type="radio" name="__palette" data-md-color-media="(prefers-color-scheme: dark)" data-md-color-scheme="slate" data-md-color-primary="indigo" data-md-color-accent="indigo"></form></header>
<main><form id="guide-step"><input id="q" type="text"><button class="md-button" id="guide-next">Neste</button></form></main></body></html>"""


def rules(css: str) -> list[str]:
    """The selectors of the kept rules, in order (at any depth)."""
    return re.findall(r"([^{}]+)\{[^{}]*\}", css)


def test_a_rule_for_an_element_the_page_has_is_kept_and_one_for_an_element_it_lacks_is_not():
    """A selector matching an element of the page keeps its rule; a selector matching none drops it."""
    css = pick(PAGE, [".md-button{color:red}.md-typeset table{color:blue}#guide-next{margin:0}"])
    assert rules(css) == [".md-button", "#guide-next"]


def test_a_list_keeps_only_the_selectors_that_match():
    """Of a selector list, only the selectors that can match stay with the declarations."""
    assert rules(pick(PAGE, ["table,.md-button,pre code{color:red}"])) == [".md-button"]


def test_states_the_reader_can_bring_about_are_taken_to_hold():
    """:hover, :focus-visible, :checked and pseudo-elements are assumed, so their rules are ready before the full sheets."""
    css = pick(PAGE, [
        ".md-button:hover{color:red}"
        "#q:focus-visible{outline:1px solid}"
        "[data-md-toggle=drawer]:checked~main{display:none}"
        ".md-button::after{content:''}"
        ".md-button:not(:focus){opacity:1}"
        "table:hover{color:blue}"
    ])
    assert rules(css) == [".md-button:hover", "#q:focus-visible", "[data-md-toggle=drawer]:checked~main",
                          ".md-button::after", ".md-button:not(:focus)"]


def test_combinators_keep_their_meaning_when_a_state_is_dropped():
    """Dropping a pseudo-class leaves "a > b" a child selector (and "> :hover" any child), not a deeper one."""
    css = pick(PAGE, ["body > main{color:red}main > form:hover{color:blue}main>:hover{color:green}body > form{color:pink}"])
    assert rules(css) == ["body > main", "main > form:hover", "main>:hover"]


def test_the_page_is_matched_as_its_first_frame_sees_it():
    """html.js (not .no-js), and each colour scheme the palette offers set on the body."""
    css = pick(PAGE, [".no-js .md-button{color:red}.js .md-button{color:blue}"
                      "[data-md-color-scheme=slate] main{color:white}[data-md-color-scheme=dracula] main{color:pink}"])
    assert rules(css) == [".js .md-button", "[data-md-color-scheme=slate] main"]


def test_a_selector_the_matcher_cannot_read_is_kept():
    """An unknown pseudo-class keeps its rule: a larger block, never a missing rule."""
    assert rules(pick(PAGE, ["table:some-future-thing{color:red}"])) == ["table:some-future-thing"]


def test_print_rules_go_and_other_media_keep_what_matches():
    """@media print is dropped; a screen media block keeps its matching rules and drops the rest."""
    css = pick(PAGE, ["@media print{.md-button{color:red}}"
                      "@media screen and (max-width:76.2344em){.md-button{color:blue}table{color:green}}"
                      "@media (min-width:100em){table{color:red}}"])
    assert css == "@media screen and (max-width:76.2344em){.md-button{color:blue}}"


def test_a_custom_property_stays_only_when_a_kept_declaration_uses_it():
    """--x used through var() (directly or via another property) stays; an unused icon property goes."""
    css = pick(PAGE, [":root{--a:red;--b:var(--c);--c:1px;--icon:url(x.svg)}.md-button{color:var(--a);border-width:var(--b)}"])
    assert css == ":root{--a:red;--b:var(--c);--c:1px}.md-button{color:var(--a);border-width:var(--b)}"


def test_keyframes_stay_only_when_a_kept_rule_names_them():
    """@keyframes a kept animation names stay; others go."""
    css = pick(PAGE, ["@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}"
                      ".md-button{animation:spin 1s}table{animation:fade 1s}"])
    assert css.startswith("@keyframes spin{") and "fade" not in css


def test_a_nested_rule_is_kept_whole():
    """A rule holding nested rules (CSS nesting) is kept as written, not stripped of them."""
    assert pick(PAGE, [".md-button{color:red;&:hover{color:blue}}"]) == ".md-button{color:red;&:hover{color:blue}}"


def test_important_survives():
    """!important declarations keep it."""
    assert pick(PAGE, [".md-button{color:red!important}"]) == ".md-button{color:red!important}"


def test_inline_puts_the_rules_where_the_first_stylesheet_was_and_lists_the_sheets():
    """The <style> takes the first sheet's place; the sheets are listed in order in the page's block, with a <noscript> copy."""
    head = ('<head><meta charset="utf-8"><script type="application/json" id="guide-stylesheets">[]</script><script>h()</script>'
            '<link rel="stylesheet" href="a.css"><script>s()</script>'
            '<link rel="stylesheet" href="b.css?v=1"><link rel="stylesheet" media="print" href="p.css"></head>')
    html = PAGE.replace("<head><title>t</title></head>", head)
    out = critical_css.inline(html, {"a.css": ".md-button{color:red}", "b.css?v=1": "main{color:blue}table{color:red}"}.__getitem__)
    new_head = out[out.index("<head>"): out.index("</head>")]
    assert new_head == (
        '<head><meta charset="utf-8"><script type="application/json" id="guide-stylesheets">["a.css", "b.css?v=1"]</script>'
        '<script>h()</script><style id="guide-first-frame">.md-button{color:red}main{color:blue}</style>'
        '<noscript><link rel="stylesheet" href="a.css"><link rel="stylesheet" href="b.css?v=1"></noscript>'
        '<script>s()</script><link rel="stylesheet" media="print" href="p.css">')


def test_a_page_without_a_place_for_the_list_is_an_error():
    """Blocking stylesheets but no empty #guide-stylesheets block before them: the build stops rather than drop the sheets."""
    html = PAGE.replace("<head><title>t</title></head>", '<head><link rel="stylesheet" href="a.css"></head>')
    with pytest.raises(critical_css.CriticalCssError, match="guide-stylesheets"):
        critical_css.inline(html, {"a.css": ".md-button{color:red}"}.__getitem__)
    late = PAGE.replace("<head><title>t</title></head>",
                        '<head><link rel="stylesheet" href="a.css"><script type="application/json" id="guide-stylesheets">[]</script></head>')
    with pytest.raises(critical_css.CriticalCssError, match="guide-stylesheets"):
        critical_css.inline(late, {"a.css": ".md-button{color:red}"}.__getitem__)


def test_a_page_without_blocking_stylesheets_is_left_as_it_is():
    """No render-blocking stylesheet: nothing to do."""
    assert critical_css.inline(PAGE, lambda href: pytest.fail("read " + href)) == PAGE


@pytest.mark.parametrize("page, href, path", [
    ("veiviser/index.html", "../assets/stylesheets/main.css", "assets/stylesheets/main.css"),
    ("veiviser/index.html", "../guide/guide.css?v=abc", "guide/guide.css"),
    ("index.html", "assets/site.css", "assets/site.css"),
])
def test_href_path_resolves_against_the_page(page, href, path):
    """A stylesheet's href, relative to the page, is a path in the site; the query goes."""
    assert critical_css.href_path(page, href) == path


def test_href_path_refuses_to_leave_the_site():
    """An href above the site's root is an error, not a file outside it."""
    with pytest.raises(critical_css.CriticalCssError):
        critical_css.href_path("index.html", "../../etc/passwd")
