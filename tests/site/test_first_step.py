"""The guide's first step as HTML from the build (site_build/first_step.py), and the theme's script left to the guide."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from html.parser import HTMLParser

from site_build import first_step


class Elements(HTMLParser):
    """Every element of a page with its attributes and its text (text of nested elements included)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": [o["attrs"].get("id") for o in self.open]}
        self.found.append(node)
        if tag not in {"input", "link", "meta", "br", "img"}:
            self.open.append(node)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for node in self.open:
            node["text"] += data


def elements(html: str) -> list[dict]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def one(found: list[dict], **attrs) -> dict:
    hits = [e for e in found if all(e["attrs"].get(k) == v for k, v in attrs.items())]
    assert len(hits) == 1, (attrs, len(hits))
    return hits[0]


def guide_page(built_site) -> str:
    return (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")


def boot_of(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="guide-boot">(.*?)</script>', html, re.S).group(1))


def test_the_guide_page_holds_its_first_question_as_a_form(built_site):
    """/veiviser/ has the first question of the opening path as a form in the guide's main area: its text, help, field and "Neste" from the question data."""
    html = guide_page(built_site)
    boot = boot_of(html)
    first = boot["opening"]["path"][0]
    q = next(q for q in boot["questions"] if q["id"] == first)
    found = elements(html)
    form = one(found, id="guide-step")
    assert "data-prerendered" in form["attrs"] and form["attrs"]["data-question"] == first
    assert "guide-main" in form["parents"]
    assert one(found, **{"for": f"q-{first}"})["text"] == q["text"]
    assert one(found, id=f"q-{first}-help")["text"] == q["help"]
    field = one(found, id=f"q-{first}")
    assert field["tag"] == "input" and field["attrs"]["name"] == first and field["attrs"]["maxlength"] == str(q["max_length"])
    assert f"q-{first}-help" in field["attrs"]["aria-describedby"].split()
    assert one(found, id="guide-next")["text"] == first_step.NEXT
    body = html[html.index("<body"):]  # the head has a <noscript> of its own (the deferred stylesheets)
    assert body.index('id="guide-step"') < body.index("<noscript>") < body.index('id="guide-boot"')


def test_the_municipality_field_suggests_the_municipalities_of_the_build_date(built_site):
    """Before any script runs, the field's <datalist> offers every municipality of the boot data that exists on the build's date, by its label."""
    html = guide_page(built_site)
    boot = boot_of(html)
    found = elements(html)
    listed = one(found, id="q-municipality")["attrs"]["list"]
    options = [e for e in found if e["tag"] == "option" and listed in e["parents"]]
    data = boot["municipalities"]
    at = {f: i for i, f in enumerate(data["fields"])}
    today = date.today().isoformat()
    expected = {r[at["label"]] for r in data["rows"] if r[at["valid_from"]] <= today and (not r[at["valid_to"]] or today <= r[at["valid_to"]])}
    assert {o["attrs"]["value"] for o in options} == expected and len(options) == len(expected) > 300
    molde = next(o for o in options if o["attrs"]["value"] == "Molde")
    assert molde["text"] == "Molde (1506), Møre og Romsdal"
    # after «Neste», where the first frame no longer waits for it (guide.html: rel=expect)
    assert html.index('id="guide-next"') < html.index(f'<datalist id="{listed}"') < html.index('id="guide-boot"')


def test_the_form_is_made_from_the_question_data():
    """Changed question data changes the form: the text is generated, not a copy; a first question of another kind gets no form."""
    from guide_engine.boot import boot_data

    from site_build.hooks.engine_pages import opening

    boot = {**boot_data(), "opening": opening("2026-12-01")}
    changed = copy.deepcopy(boot)
    q = next(q for q in changed["questions"] if q["id"] == changed["opening"]["path"][0])
    q["text"], q["help"] = "Hvilken kommune <henviser>?", "Hjelp & mer"
    html = first_step.first_step_html(changed, "2026-12-01")
    assert "Hvilken kommune &lt;henviser&gt;?" in html and "Hjelp &amp; mer" in html
    assert first_step.first_step_html(boot, "2026-12-01") != html
    q["type"] = "text"
    assert first_step.first_step_html(changed, "2026-12-01") == ""


def test_municipalities_follow_the_date_and_the_norwegian_order():
    """The suggestions are the municipalities of the date asked for, sorted with æ, ø, å after z."""
    boot = {
        "municipalities": {"fields": ["number", "name", "label", "county", "valid_from", "valid_to"], "rows": [
            ["0001", "Åsen", "Åsen", "c", "2020-01-01", None],
            ["0002", "Øya", "Øya", "c", "2020-01-01", None],
            ["0003", "Zeta", "Zeta", "c", "2020-01-01", None],
            ["0004", "Gammel", "Gammel", "c", "2020-01-01", "2023-12-31"],
        ]},
        "counties": [{"id": "c", "name": "Fylke"}],
    }
    assert [label for label, _ in first_step.municipalities_on(boot, "2026-01-01")] == ["Zeta", "Øya", "Åsen"]
    assert ("Gammel", "Gammel (0004), Fylke") in first_step.municipalities_on(boot, "2023-06-01")


def test_the_theme_script_is_left_to_the_guide_on_its_page_only(built_site):
    """The guide page names the theme's script in a preload link (the guide runs it after the first question); other pages still run it."""
    html = guide_page(built_site)
    assert not re.search(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"', html)
    href = re.search(r'<link id="guide-theme" rel="preload" as="script" href="\.\./([^"]+)">', html).group(1)
    assert (built_site / href).is_file()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'<script src="{href}"></script>' in home


def test_the_first_frame_waits_for_the_first_questions_last_element(built_site):
    """The head holds the render until «Neste», the first question's last element, is parsed (rel=expect)."""
    html = guide_page(built_site)
    found = elements(html)
    expect = one(found, rel="expect")
    assert expect["tag"] == "link" and expect["attrs"]["blocking"] == "render"
    target = expect["attrs"]["href"].removeprefix("#")
    assert one(found, id=target)["text"] == first_step.NEXT and "guide-step" in one(found, id=target)["parents"]
    assert html.index('rel="expect"') < html.index("</head>") < html.index(f'id="{target}"')
