"""The guide page's first paint without waiting for the theme's stylesheets (critical CSS).

mkdocs-material's stylesheet is 137 kB (24 kB brotli) of rules, most of them for things the guide's
first step does not have (code, tables, tabs, admonitions, search results). Render-blocking, it is
downloaded before anything is painted, and at 4 × CPU its style and layout took 290 ms of the
first question's 676 (the trace in README, issue 26). The build therefore writes, into the guide
page's head, only the rules that can apply to that page as built, and lets the page load the full
stylesheets without blocking its first frame (``defer``):

- a rule is kept when one of its selectors can match an element of the page: in the state the page
  has at its first frame (``html.js``, the body's colour scheme set by guide.html's script, for each
  scheme the reader may have chosen), and in any state the reader can bring about before the full
  stylesheets apply: :hover, :focus, :checked (the drawer and search toggles) and the like are taken
  to hold, so a selector needing them is kept too;
- a custom property (``--md-…``) is kept only when a kept declaration uses it, directly or through
  another kept property (the theme's :root holds some 10 kB of icons this page never shows);
- ``@media print`` goes (print.css and the full stylesheets handle printing), other ``@media`` and
  ``@supports`` blocks keep what they hold, ``@keyframes`` only when a kept rule names them.

The full stylesheets are no longer linked: the page lists them, in their order, in its
``#guide-stylesheets`` data block (which guide.html places before the head's script), and the head's
script links them once the first frame is on screen and applies them all in one go once every one
has loaded, removing the critical rules in the same task (guide_ui/guide/stylesheets.js). One applied
before the others would put its rules among the critical rules of the stylesheets that follow it,
and for a moment the page would show the cascade out of order (seen: the theme's colour on «Neste»
over the site's). A ``<noscript>`` copy links them as ordinary stylesheets for a reader without
scripts. Because the kept rules are the full stylesheets' own rules in the same order, applying the
full stylesheets changes nothing on screen: tests/browser/test_critical_css.py compares every
element's computed style with and without them.

Selectors the matcher cannot read are kept (a larger block, never a missing rule).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath

import cssselect2
import html5lib
import tinycss2
from tinycss2 import ast

# States the reader may bring about, or the browser may be in, before the full stylesheets apply.
# The build cannot know them, so a selector that needs one is treated as if it held.
_DYNAMIC = {
    "hover", "focus", "focus-visible", "focus-within", "active", "visited", "link", "any-link",
    "target", "target-within", "checked", "indeterminate", "default", "disabled", "enabled",
    "invalid", "valid", "user-invalid", "user-valid", "required", "optional", "read-only",
    "read-write", "placeholder-shown", "autofill", "popover-open", "modal", "fullscreen", "open",
    "closed", "defined", "empty",
}

# The attributes guide.html's script sets on <body> before the first frame, from the palette's options.
_SCHEME_KEYS = ("scheme", "primary", "accent")

# <link rel="stylesheet" href="…"> in the head, without a media attribute: render-blocking.
_BLOCKING_LINK = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)">')
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_ANIMATION = re.compile(r"^(?:-webkit-)?animation(?:-name)?$")

# The page's data block the build fills with the stylesheets' hrefs (empty as guide.html writes it),
# and the id of the <style> it puts the kept rules in: what guide_ui/guide/stylesheets.js reads.
_LIST = re.compile(r'(<script type="application/json" id="guide-stylesheets">)\[\](</script>)')
_PICKED_ID = "guide-first-frame"


class CriticalCssError(Exception):
    """The page cannot be given its critical CSS (a stylesheet it links is missing)."""


# ---------------------------------------------------------------------------------------------
# The page's elements, in each state it can have at its first frame


def _first_frames(html: str) -> Iterator[ET.Element]:
    """The page as its first frame may see it, once per colour scheme of the palette (the same tree,
    its body's attributes set for each in turn: the page is parsed once)."""
    root = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    # guide.html's script: the theme's "js" class before anything is drawn.
    root.set("class", " ".join("js" if c == "no-js" else c for c in (root.get("class") or "").split()))
    yield root
    body = root.find("body")
    if body is None:
        return
    for scheme in _palette_options(root):
        for key, value in scheme.items():
            if value:
                body.set(f"data-md-color-{key}", value)
        yield root


def _palette_options(root: ET.Element) -> list[dict]:
    """The colour schemes the theme's palette offers (its radio inputs' data-md-color-* attributes)."""
    return [{k: el.get(f"data-md-color-{k}") for k in _SCHEME_KEYS} for el in root.iter("input")
            if el.get("data-md-color-media") is not None or el.get("data-md-color-scheme") is not None]


# ---------------------------------------------------------------------------------------------
# Selectors: "could this match before the full stylesheets apply?"


def _loosen(tokens: list) -> list:
    """The selector without what the build cannot know: dynamic pseudo-classes and pseudo-elements
    dropped, :not() of a dynamic state dropped, :is()/:where()/:has() loosened inside; a compound
    left empty by that ("a > :hover", "::before") becomes "*"."""
    out: list = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        dropped = 0
        if isinstance(tok, ast.LiteralToken) and tok.value == ":":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            name = getattr(nxt, "lower_value", None) or getattr(nxt, "lower_name", None) or ""
            if isinstance(nxt, ast.LiteralToken) and nxt.value == ":":  # ::pseudo-element
                dropped = 3
            elif isinstance(nxt, ast.FunctionBlock):
                if name == "not" and any(isinstance(t, ast.LiteralToken) and t.value == ":" for t in _walk(nxt.arguments)):
                    dropped = 2
                elif name in ("is", "where", "has", "matches", "any", "-webkit-any", "-moz-any"):
                    out.append(tok)
                    out.append(ast.FunctionBlock(nxt.source_line, nxt.source_column, nxt.name, _loosen(nxt.arguments)))
                    i += 2
                    continue
            elif name in _DYNAMIC or name.startswith(("-webkit-", "-moz-", "-ms-")):
                dropped = 2
        if dropped:
            after = tokens[i + dropped] if i + dropped < len(tokens) else None
            if _boundary(out[-1] if out else None) and _boundary(after):
                out.append(ast.LiteralToken(tok.source_line, tok.source_column, "*"))
            i += dropped
            continue
        out.append(tok)
        i += 1
    return out


def _boundary(tok) -> bool:
    """Whether ``tok`` (None: the selector's start or end) ends or starts a compound selector."""
    return tok is None or isinstance(tok, ast.WhitespaceToken) or (
        isinstance(tok, ast.LiteralToken) and tok.value in (">", "+", "~", ","))


def _walk(tokens: Iterable) -> Iterable:
    for t in tokens:
        yield t
        if isinstance(t, (ast.FunctionBlock, ast.ParenthesesBlock, ast.SquareBracketsBlock)):
            yield from _walk(t.arguments if isinstance(t, ast.FunctionBlock) else t.content)


def _split_selectors(prelude: list) -> list[list]:
    """A rule's prelude split at its top-level commas."""
    parts: list[list] = [[]]
    for tok in prelude:
        if isinstance(tok, ast.LiteralToken) and tok.value == ",":
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def _loose_selector(tokens: list) -> str:
    return tinycss2.serialize(_loosen(tokens)).strip() or "*"


# ---------------------------------------------------------------------------------------------
# The stylesheets, filtered


def _matching(html: str, selectors: Iterable[str]) -> set[str]:
    """Those of ``selectors`` that match an element of the page (in any of its first frames), or that
    the matcher cannot read."""
    matcher = cssselect2.Matcher()
    found = set()
    for text in set(selectors):
        try:
            for compiled in cssselect2.compile_selector_list(text):
                matcher.add_selector(compiled, text)
        except Exception:  # cssselect2 raises more than SelectorError on odd input: keep the rule
            found.add(text)
    for root in _first_frames(html):
        for el in cssselect2.ElementWrapper.from_html_root(root).iter_subtree():
            found.update(payload for *_, payload in matcher.match(el))
    return found


def _filter_rules(rules: list, matching: set[str]) -> list:
    kept = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [s for s in _split_selectors(rule.prelude) if _loose_selector(s) in matching]
            if selectors:
                prelude = []
                for n, s in enumerate(selectors):
                    prelude += ([ast.LiteralToken(0, 0, ",")] if n else []) + s
                kept.append(ast.QualifiedRule(rule.source_line, rule.source_column, prelude, rule.content))
        elif isinstance(rule, ast.AtRule):
            kind = rule.lower_at_keyword
            if kind == "media":
                if _print_only(rule.prelude):
                    continue
                inner = _filter_rules(_rules_in(rule), matching)
                if inner:
                    kept.append(_with_rules(rule, inner))
            elif kind in ("supports", "layer", "container") and rule.content is not None:
                inner = _filter_rules(_rules_in(rule), matching)
                if inner:
                    kept.append(_with_rules(rule, inner))
            elif kind == "page":
                continue
            else:  # @font-face, @keyframes (pruned later), @layer statements, @property, @charset
                kept.append(rule)
    return kept


def _selectors(rules: list) -> Iterable[str]:
    """Every style rule's selectors, loosened, at any depth of @media and @supports."""
    for rule in _each_style_rule(rules):
        for selector in _split_selectors(rule.prelude):
            yield _loose_selector(selector)


def _print_only(prelude: list) -> bool:
    media = tinycss2.serialize(prelude).strip().lower()
    return media == "print" or media.startswith("print and")


def _rules_in(rule: ast.AtRule) -> list:
    return tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)


def _with_rules(rule: ast.AtRule, rules: list) -> ast.AtRule:
    content = tinycss2.parse_component_value_list(_serialize_rules(rules))
    return ast.AtRule(rule.source_line, rule.source_column, rule.at_keyword, rule.lower_at_keyword, rule.prelude, content)


def _serialize_rules(rules: list) -> str:
    return "".join(tinycss2.serialize([r]).strip() for r in rules)


# ---------------------------------------------------------------------------------------------
# Custom properties and keyframes nobody uses


def _nested(rule: ast.QualifiedRule) -> bool:
    return any(isinstance(d, (ast.QualifiedRule, ast.AtRule))
               for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True))


def _declarations(rule: ast.QualifiedRule) -> list:
    return [d for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            if isinstance(d, ast.Declaration)]


def _each_style_rule(rules: list) -> Iterable[ast.QualifiedRule]:
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            yield rule
        elif isinstance(rule, ast.AtRule) and rule.content is not None and rule.lower_at_keyword in ("media", "supports", "layer", "container"):
            yield from _each_style_rule(_rules_in(rule))


def _prune(rules: list) -> list:
    """Drop custom-property declarations no kept declaration uses, rules left empty, unused @keyframes."""
    custom: dict[str, list[str]] = {}
    used: set[str] = set()
    animations = ""
    for rule in _each_style_rule(rules):
        for d in _declarations(rule):
            value = tinycss2.serialize(d.value)
            if d.name.startswith("--"):
                custom.setdefault(d.name, []).append(value)
            else:
                used.update(_VAR.findall(value))
                if _ANIMATION.match(d.lower_name):
                    animations += " " + value
    todo = list(used)
    while todo:  # a used property's value may use others
        for value in custom.get(todo.pop(), []):
            for name in _VAR.findall(value):
                if name not in used:
                    used.add(name)
                    todo.append(name)
    return _rewrite(rules, used, set(re.findall(r"[\w-]+", animations)))


def _rewrite(rules: list, used: set[str], animations: set[str]) -> list:
    out = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            if _nested(rule):  # CSS nesting: kept whole (none of the stylesheets nests today)
                out.append(tinycss2.serialize([rule]).strip())
                continue
            decls = [d for d in _declarations(rule) if not d.name.startswith("--") or d.name in used]
            if decls:
                body = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}" + ("!important" if d.important else "") for d in decls)
                out.append(tinycss2.serialize(rule.prelude).strip() + "{" + body + "}")
        elif isinstance(rule, ast.AtRule):
            kind = rule.lower_at_keyword
            if kind in ("media", "supports", "layer", "container") and rule.content is not None:
                inner = _rewrite(_rules_in(rule), used, animations)
                if inner:
                    out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude).rstrip() + "{" + "".join(inner) + "}")
            elif kind.endswith("keyframes"):
                name = tinycss2.serialize(rule.prelude).strip()
                if name in animations:
                    out.append(tinycss2.serialize([rule]).strip())
            else:
                out.append(tinycss2.serialize([rule]).strip())
    return out


# ---------------------------------------------------------------------------------------------
# The page


def critical_css(html: str, stylesheets: list[str]) -> str:
    """The rules of ``stylesheets`` (in order) that can apply to the page ``html`` before they load."""
    sheets = [tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True) for css in stylesheets]
    matching = _matching(html, (s for rules in sheets for s in _selectors(rules)))
    kept = [rule for rules in sheets for rule in _filter_rules(rules, matching)]
    return "".join(_prune(kept))


def inline(html: str, read: Callable[[str], str]) -> str:
    """The page with its render-blocking stylesheets' critical rules in a <style> in their place, and
    the stylesheets themselves listed in its ``#guide-stylesheets`` block instead of linked (the head's
    script links them after the first frame: guide_ui/guide/stylesheets.js; a <noscript> copy for
    readers without scripts). ``read(href)``: a stylesheet's text by its href as written in the page."""
    head_end = html.index("</head>")
    links = list(_BLOCKING_LINK.finditer(html, 0, head_end))
    if not links:
        return html
    listed = _LIST.search(html, 0, head_end)
    if not listed or listed.end() > links[0].start():
        raise CriticalCssError("siden mangler en tom #guide-stylesheets-blokk foran stilarkene")
    css = critical_css(html, [read(m.group("href")) for m in links])
    hrefs = json.dumps([m.group("href") for m in links]).replace("</", "<\\/")
    noscript = "<noscript>" + "".join(m.group(0) for m in links) + "</noscript>"
    first, last = links[0], links[-1]
    # The <style> where the first stylesheet was, so what followed the stylesheets (the theme's inline
    # scripts, the guide's own head) keeps its place after the rules.
    return (html[: listed.end(1)] + hrefs + html[listed.start(2): first.start()]
            + f'<style id="{_PICKED_ID}">{css}</style>' + noscript
            + _without_links(html[first.start(): last.end()]) + html[last.end():])


def _without_links(segment: str) -> str:
    return _BLOCKING_LINK.sub("", segment)


def href_path(page_path: str, href: str) -> str:
    """The site path of a stylesheet linked as ``href`` from the page at ``page_path`` (both POSIX,
    relative to the site's root); the query (?v=…) dropped."""
    href = href.split("?", 1)[0]
    parts: list[str] = list(PurePosixPath(page_path).parent.parts)
    for part in PurePosixPath(href).parts:
        if part == "..":
            if not parts:
                raise CriticalCssError(f"{href} points outside the site (from {page_path})")
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
