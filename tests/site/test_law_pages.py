"""The legal-basis, process, glossary, privacy and accessibility pages, checked on the built site."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "guide_engine" / "data"
SOURCES = Path(__file__).resolve().parents[3] / "shared" / "sources"
MR_SOURCE = SOURCES / "more-og-romsdal-karriererettleiing.txt"

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MY_PAGES = ["lovgrunnlag", "prosessen", "ordliste", "personvern", "tilgjengelighet"]


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: "Element | None" = None
    children: list["Element | str"] = field(default_factory=list)

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return "".join(parts)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    """A small, forgiving DOM: enough to find elements by id, class and tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: (v or "") for k, v in attrs}, self.current)
        self.current.children.append(el)
        if tag not in VOID:
            self.current = el

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {k: (v or "") for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(path: Path) -> Element:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder.root


def page(site: Path, name: str) -> Path:
    return site / name / "index.html"


def article(doc: Element) -> Element:
    """The page's main content (mkdocs-material puts it in <article class="md-content__inner">)."""
    for el in doc.iter():
        if el.tag == "article":
            return el
    raise AssertionError("no <article> in page")


def ids(doc: Element) -> dict[str, list[Element]]:
    out: dict[str, list[Element]] = {}
    for el in doc.iter():
        if "id" in el.attrs:
            out.setdefault(el.attrs["id"], []).append(el)
    return out


def squash(text: str) -> str:
    return " ".join(text.split())


def reference_ids() -> list[str]:
    with open(DATA / "references.toml", "rb") as f:
        return list(tomllib.load(f))


def references() -> dict[str, dict]:
    with open(DATA / "references.toml", "rb") as f:
        return tomllib.load(f)


def cited_reference_ids() -> set[str]:
    """Every reference id that a data file (county, rules) cites under `reference` or `references`."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for k, v in value.items():
                if k == "reference" and isinstance(v, str):
                    found.add(v)
                elif k == "references" and isinstance(v, list):
                    found.update(x for x in v if isinstance(x, str))
                else:
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in DATA.rglob("*.toml"):
        if path.name == "references.toml":
            continue
        with open(path, "rb") as f:
            walk(tomllib.load(f))
    return found


@pytest.fixture(scope="module")
def law_page(built_site) -> Element:
    return parse(page(built_site, "lovgrunnlag"))


@pytest.fixture(scope="module")
def law_ids(law_page) -> dict[str, list[Element]]:
    return ids(law_page)


@pytest.mark.parametrize("rid", reference_ids())
def test_every_reference_is_the_id_of_exactly_one_heading(law_ids, rid):
    """Each references.toml id is the id of exactly one heading on the legal-basis page."""
    found = law_ids.get(rid, [])
    assert len(found) == 1, f"{rid!r}: expected one element with this id, found {len(found)}"
    assert found[0].tag in HEADINGS, f"{rid!r} is on a <{found[0].tag}>, not a heading"


def _section(doc: Element, rid: str) -> list[Element]:
    """The elements after the heading with this id, up to the next heading of the same or a higher level."""
    content = article(doc)
    flat = list(content.iter())
    start = next(i for i, el in enumerate(flat) if el.attrs.get("id") == rid)
    level = int(flat[start].tag[1])
    out = []
    for el in flat[start + 1 :]:
        if el.tag in HEADINGS and int(el.tag[1]) <= level:
            break
        out.append(el)
    return out


@pytest.mark.parametrize("rid", reference_ids())
def test_every_reference_section_links_to_the_official_text(law_page, rid):
    """Each provision's section links to the official text named in references.toml."""
    url = references()[rid]["url"]
    hrefs = {el.attrs.get("href") for el in _section(law_page, rid) if el.tag == "a"}
    assert url in hrefs, f"section {rid!r} has no link to {url}"


def test_every_reference_the_data_cites_exists_on_the_page(law_ids):
    """Every reference id cited by a county or rules file is a heading on the legal-basis page."""
    missing = sorted(rid for rid in cited_reference_ids() if rid not in law_ids)
    assert not missing, f"cited in the data but not on lovgrunnlag: {missing}"


_LAW_LINK = re.compile(r"lovgrunnlag/(?:index\.html)?#([A-Za-z0-9_-]+)")


def test_every_link_to_the_legal_basis_page_points_to_an_existing_id(built_site, law_ids):
    """Every `lovgrunnlag/#x` link in the built site (pages, scripts, data) and every `#x` link on the page resolves."""
    broken = []
    for path in built_site.rglob("*"):
        if path.suffix not in {".html", ".js", ".json"} or not path.is_file():
            continue
        if path.name == "search_index.json":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in _LAW_LINK.finditer(text):
            if m.group(1) not in law_ids:
                broken.append(f"{path.relative_to(built_site)} -> #{m.group(1)}")
    law_doc = parse(page(built_site, "lovgrunnlag"))
    for el in article(law_doc).iter():
        href = el.attrs.get("href", "") if el.tag == "a" else ""
        if href.startswith("#") and href[1:] not in law_ids:
            broken.append(f"lovgrunnlag -> {href}")
    assert not broken, "links to missing anchors:\n" + "\n".join(broken)


def test_paragraph_11_quote_matches_the_more_og_romsdal_source_word_for_word(law_ids):
    """The § 11 quote on the page is the Møre og Romsdal source's quote, word for word."""
    if not MR_SOURCE.exists():
        pytest.skip(f"source not found: {MR_SOURCE}")
    source = MR_SOURCE.read_text(encoding="utf-8")
    start = source.index("«", source.index("Karriererettleiing for nye"))
    end = source.index("(Integreringsloven)", start)
    expected = squash(source[start + 1 : end])
    (quote,) = law_ids["integreringsloven-11-sitat"]
    assert quote.tag == "blockquote"
    assert squash(quote.text()) == expected


def test_law_page_marks_what_is_not_confirmed(law_page):
    """The legal-basis page warns where a change after the sources is not confirmed (age limit, chapter 6A)."""
    warnings = [el for el in article(law_page).iter() if {"admonition", "warning"} <= el.classes]
    text = " ".join(squash(w.text()) for w in warnings)
    assert len(warnings) >= 3
    assert "Ikke bekreftet" in text
    assert "1. juli 2026" in text
    assert "60 år" in text


@pytest.mark.parametrize("name", MY_PAGES)
def test_headings_do_not_skip_levels(built_site, name):
    """Headings on the page go h1 → h2 → h3 without skipping a level, and there is one h1."""
    content = article(parse(page(built_site, name)))
    levels = [int(el.tag[1]) for el in content.iter() if el.tag in HEADINGS]
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after} on {name}"


def _is_external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


@pytest.mark.parametrize("name", MY_PAGES)
def test_page_requests_nothing_from_another_origin(built_site, name):
    """The page has no <script>, stylesheet, image, frame or media with a source on another origin."""
    doc = parse(page(built_site, name))
    offending = []
    for el in doc.iter():
        if el.tag in {"script", "img", "iframe", "audio", "video", "source", "embed"}:
            src = el.attrs.get("src", "")
            if _is_external(src):
                offending.append(f"<{el.tag} src={src}>")
        if el.tag == "link" and _is_external(el.attrs.get("href", "")):
            offending.append(f"<link href={el.attrs['href']}>")
    assert not offending, offending


@pytest.fixture(scope="module")
def process_page(built_site) -> Element:
    return parse(page(built_site, "prosessen"))


def test_process_page_has_no_script_with_an_external_src(process_page):
    """The process page loads no <script> from another origin."""
    external = [el for el in process_page.iter() if el.tag == "script" and _is_external(el.attrs.get("src", ""))]
    assert not external


def test_process_diagram_has_a_text_equivalent(process_page):
    """The process diagram is an ordered list of named steps with an accessible name; any SVG has role=img and a title."""
    flows = [el for el in article(process_page).iter() if "prosess-flyt" in el.classes]
    assert flows, "no element with class prosess-flyt"
    page_ids = ids(process_page)
    for flow in flows:
        label = flow.attrs.get("aria-label") or flow.attrs.get("aria-labelledby")
        assert label, "the diagram has no aria-label or aria-labelledby"
        if "aria-labelledby" in flow.attrs:
            assert flow.attrs["aria-labelledby"] in page_ids
        lists = [el for el in flow.iter() if el.tag == "ol"]
        assert lists, "the diagram is not an ordered list"
        steps = [li for li in lists[0].children if isinstance(li, Element) and li.tag == "li"]
        assert len(steps) >= 6
        assert all(squash(li.text()) for li in steps)
        for svg in (el for el in flow.iter() if el.tag == "svg"):
            assert svg.attrs.get("role") == "img" or svg.attrs.get("aria-hidden") == "true"
            if svg.attrs.get("role") == "img":
                assert any(el.tag == "title" and squash(el.text()) for el in svg.iter())


def test_process_page_links_to_the_law_and_the_counties(process_page):
    """The process page links to §§ 11 and 12 on the legal-basis page and to the county overview."""
    hrefs = {el.attrs.get("href", "") for el in article(process_page).iter() if el.tag == "a"}
    assert any(h.endswith("lovgrunnlag/#integreringsloven-11") for h in hrefs)
    assert any(h.endswith("lovgrunnlag/#integreringsloven-12") for h in hrefs)
    assert any(re.search(r"(^|/)counties/$", h) for h in hrefs)


def test_process_page_has_a_who_does_what_table(process_page):
    """The process page has a table naming the municipality, career centre, participant, interpreter, NAV and team."""
    tables = [el for el in article(process_page).iter() if el.tag == "table"]
    text = " ".join(squash(t.text()) for t in tables)
    for actor in ["Kommunen", "Karrieresenteret", "Deltakeren", "Tolk", "NAV", "Tverrfaglig team"]:
        assert actor in text, f"{actor} missing from the tables"


GLOSSARY_TERMS = [
    "bosetting", "kompetansekartlegging", "karriereveiledning", "karrieresenter", "programradgiver",
    "introduksjonsprogram", "sluttmal", "varighet", "vedtak", "imdi", "imdi-nett", "kollektiv-beskyttelse",
    "overforingsflyktning", "familiegjenforening", "tolk", "trekantsamtale", "fullmektig", "virkedag",
]


@pytest.mark.parametrize("term", GLOSSARY_TERMS)
def test_glossary_term_has_an_anchor(built_site, term):
    """Each glossary term is a <dt> with a stable id."""
    found = ids(parse(page(built_site, "ordliste"))).get(term, [])
    assert len(found) == 1 and found[0].tag == "dt", f"ordliste has no <dt id={term!r}>"


def test_accessibility_statement_names_the_authority(built_site):
    """The accessibility statement links to uustatus.no and names the WCAG 2.1 AA target."""
    doc = article(parse(page(built_site, "tilgjengelighet")))
    hrefs = {el.attrs.get("href", "") for el in doc.iter() if el.tag == "a"}
    assert any("uustatus.no" in h for h in hrefs)
    assert "WCAG 2.1" in squash(doc.text())


def test_law_numbers_are_rendered_from_the_rule_data(monkeypatch):
    """The law page's age limits, dates and «tre måneder» come from rules/eligibility.toml: change the data, the text follows."""
    from dataclasses import replace

    from site_build.hooks import law_values
    from guide_engine.rules import Parameter, family

    text = (ROOT / "docs" / "lovgrunnlag.md").read_text(encoding="utf-8")
    assert '[[ regel("age_max") ]]' in text and '[[ regel("programme_start_months") | ord ]]' in text
    real = family("eligibility")
    changed = dict(real)
    p = real["programme_start_months"]
    changed["programme_start_months"] = Parameter(p.name, p.description, (replace(p.values[0], value=4),))
    a = real["age_max"]
    changed["age_max"] = Parameter(a.name, a.description, (replace(a.values[0], value=54),) + a.values[1:])
    monkeypatch.setattr(law_values, "family", lambda name: changed)
    out = law_values.render(text)
    assert "[[" not in out and "oppstart innen fire måneder" in out and "mellom 18 og 54 år" in out


def test_built_law_page_has_no_template_left_and_states_the_data(built_site):
    """The built page has no unrendered value, and shows the limits and dates the engine uses."""
    html = page(built_site, "lovgrunnlag").read_text(encoding="utf-8")
    assert "[[" not in html and "]]" not in html
    for fragment in ("mellom 18 og 55 år", "til og med 60 år", "6. juni 2025", "1. juli 2026", "oppstart innen tre måneder"):
        assert fragment in html, fragment
