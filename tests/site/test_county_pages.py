"""County pages, the county overview, the JSON export and search, as the strict build writes them."""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from guide_engine import data_loader
from guide_engine.data_loader import load_counties, load_references, load_sources
from site_build.hooks import county_pages
from site_build.hooks.county_pages import fact_label, nb_as_of, nb_date

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment, tags removed, entities decoded, whitespace collapsed."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _article(site: Path, cid: str) -> str:
    page = (site / "counties" / cid / "index.html").read_text(encoding="utf-8")
    start, end = page.index("<article"), page.index("</article>")
    return page[start:end]


def _section(article: str, heading_id: str) -> str:
    """The HTML from the h2 with this id up to the next h2."""
    start = article.index(f'<h2 id="{heading_id}"')
    nxt = article.find("<h2 ", start + 1)
    return article[start: nxt if nxt != -1 else len(article)]


def _search_docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _indexed_text(site: Path, cid: str) -> str:
    return _text(" ".join(d["text"] + " " + d["title"] for d in _search_docs(site) if d["location"].startswith(f"counties/{cid}/")))


COUNTIES = sorted(load_counties())


# --- the pages show their data -----------------------------------------------------------


@pytest.mark.parametrize("cid", COUNTIES)
def test_page_shows_every_fact_of_its_data_file(built_site, cid):
    """The county page shows every fact's text, list items, source title and verified date, and every contact."""
    county = load_counties()[cid]
    sources = load_sources()
    text = _text(_article(built_site, cid))
    for key, entries in county.facts.items():
        for f in entries:
            assert _norm(f.text) in text, f"{cid}: facts.{key} text missing"
            assert fact_label(key) in text
            assert sources[f.source].title in text, f"{cid}: facts.{key} source title missing"
            assert nb_date(f.verified) in text, f"{cid}: facts.{key} verified date missing"
            if f.quote:
                assert _norm(f.quote) in text, f"{cid}: facts.{key} quote missing"
            if isinstance(f.value, list) and key != "priority_criteria":
                for item in f.value:
                    assert _norm(item) in text
    for c in county.contacts:
        assert c.name in text and f"Per {nb_as_of(c.as_of)}" in text and nb_date(c.verified) in text
        if c.email:
            assert c.email in text
    if county.routine:
        assert county.routine.title in text
        assert sources[county.routine.source].title in text


@pytest.mark.parametrize("cid", [c for c in COUNTIES if not load_counties()[c].routine])
def test_page_without_routine_says_so_and_shows_the_law(built_site, cid):
    """A county without a routine says "ingen rutine registrert", shows the law's minimum and the routine page."""
    article = _article(built_site, cid)
    status = _text(_section(article, "rutine")).lower()
    assert "ingen rutine registrert" in status
    assert "lovgrunnlag/#integreringsloven-11" in _section(article, "dette-krever-loven-av-alle-fylkeskommuner")
    assert "slik registrerer du en rutine" in _text(article).lower()
    assert 'href="../../meld-inn-rutine/"' in article


@pytest.mark.parametrize("cid", [c for c in COUNTIES if load_counties()[c].predecessors])
def test_successor_page_shows_predecessor_routine_as_history(built_site, cid):
    """A successor page shows its predecessor's routine as history, links to it, and claims none of it as its own."""
    county = load_counties()[cid]
    article = _article(built_site, cid)
    for pid in county.predecessors:
        pred = load_counties()[pid]
        assert f'href="../{pid}/"' in article
        hist = _text(article[article.index(f"Historisk: rutinen i {pred.name}"):])
        own = _text(article[: article.index(f"Historisk: rutinen i {pred.name}")])
        for entries in pred.facts.values():
            for f in entries:
                assert _norm(f.text) in hist
                assert _norm(f.text) not in own


def test_vestfold_shows_the_dated_contacts_and_telemark_does_not(built_site):
    """Vestfold shows the Vestfold og Telemark contact persons with "september 2022"; Telemark shows none."""
    contacts = load_counties()["vestfold-og-telemark"].contacts
    vestfold = _text(_article(built_site, "vestfold"))
    telemark = _text(_article(built_site, "telemark"))
    assert "Per september 2022" in vestfold and "kan være utdatert" in vestfold
    for c in contacts:
        assert c.name in vestfold and c.phone in vestfold
        assert c.name not in telemark and c.phone not in telemark
    assert "Ingen av kildene oppgir kontaktpersoner for kommunene i Telemark" in telemark


def test_overview_lists_every_county_from_data(built_site):
    """The county index lists every county with its routine status, interpreter and mailbox, and links the JSON."""
    page = (built_site / "counties" / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    for county in load_counties().values():
        assert f'href="{county.id}/"' in page
        for f in county.facts.get("booking_mailbox", ()):
            assert f.value in text
    assert 'href="../data/counties.json"' in page
    assert "Slik melder dere inn en rutine" in text


def test_overview_labels_freshness_with_the_sources_own_date(built_site):
    """The overview says when each routine's source is from beside when it was checked against it, never a bare
    "sist kontrollert" that reads as "current as of today"; counties without a routine show national guidance."""
    from guide_engine import provenance

    page = (built_site / "counties" / "index.html").read_text(encoding="utf-8")
    rows = {m.split('href="', 1)[1].split("/", 1)[0]: _text(m) for m in page.split("<tr>")[1:] if 'href="' in m}
    assert "Sist kontrollert" not in _text(page)
    for county in load_counties().values():
        row = rows[county.id]
        if county.routine:
            assert f"Kilden er fra {provenance.source_label(county.routine.source)}" in row, county.id
        if "interpreter_orders" not in county.facts and (county.period.valid_to is None or county.period.valid_to.year >= 2021):
            assert "nasjonal veiledning, IMDi 29. september 2023" in row, county.id
    assert "Kilden er fra høsten 2020" in rows["trondelag"]


def test_overview_marks_temporary_old_and_unconfirmed_routines(built_site):
    """The overview marks each routine as the engine judges it for a § 11 case on the build date (a historical
    county on its last day): old source, temporary rule, written for other cases; Trøndelag's covid-law letter
    never reads as a plain "Rutine registrert", and Møre og Romsdal's start-up interpreter rule says it is temporary."""
    from guide_engine import provenance

    page = (built_site / "counties" / "index.html").read_text(encoding="utf-8")
    rows = {m.split('href="', 1)[1].split("/", 1)[0]: _text(m) for m in page.split("<tr>")[1:] if 'href="' in m}
    for county in load_counties().values():
        marks = provenance.routine_marks(county, county_pages.judged_on(county), county_pages.SECTION_11) if county.routine else []
        for m in marks:
            assert m in rows[county.id], (county.id, m)
    tr, mr = rows["trondelag"], rows["more-og-romsdal"]
    assert "skrevet for deltakere i introduksjonsprogram etter den midlertidige covid-loven (introduksjonsloven); " \
           "ikke bekreftet for karriereveiledning etter integreringsloven § 11" in tr
    assert "gammel kilde (høsten 2020)" in tr and "gammel kilde (2021)" in mr
    assert "Kommunen (midlertidig ordning, ikke bekreftet etter 31. desember 2021)" in mr
    status = _text(_section(_article(built_site, "trondelag"), "rutine"))
    assert "Kilden er skrevet for deltakere i introduksjonsprogram etter den midlertidige covid-loven (introduksjonsloven)." in status


@pytest.mark.parametrize("cid", sorted(c.id for c in load_counties().values() if c.period.valid_to is None))
def test_every_current_county_page_links_its_website(built_site, cid):
    """Every county that exists today has a way to reach it under «Kontakter»: its website as a link, dated by its
    source; a website checked later does not make the routine look re-checked."""
    county = load_counties()[cid]
    contacts = _section(_article(built_site, cid), "kontakter")
    sites = [c for c in county.contacts if c.kind == "website"]
    assert sites and "Ingen kontakter registrert" not in contacts
    for c in sites:
        assert f'href="{c.url}"' in contacts and f"Per {nb_as_of(c.as_of)}" in _text(contacts)
    status = _text(_section(_article(built_site, cid), "rutine"))
    facts = [f.verified for fs in county.facts.values() for f in fs]
    if facts:
        assert f"Kontrollert mot kilden {nb_date(max(facts))}." in status
    else:
        assert "Kontrollert mot kilden" not in status


def test_source_age_page_shows_every_search_record(built_site):
    """«Kildenes alder» lists the search record of every county that exists today, with date, result and searches."""
    from guide_engine.data_loader import load_searches

    page = (built_site / "kildealder" / "index.html").read_text(encoding="utf-8")
    table = page.split("<tbody>")[2].split("</tbody>", 1)[0]
    rows = [_text(r) for r in table.split("<tr>")[1:]]
    searches = load_searches()
    assert len(rows) == sum(len(e) for e in searches.values())
    for cid, entries in searches.items():
        name = load_counties()[cid].name
        for entry in entries:
            assert any(r.startswith(f"{name} {nb_date(entry.searched)}") and _norm(entry.found) in r
                       and all(f"«{q}»" in r for q in entry.queries) for r in rows), cid
    assert ".txt" not in _text(table)


def test_source_age_page_lists_every_fact_oldest_first(built_site):
    """The page "Kildenes alder" lists every county fact and national fact, oldest source first."""
    from guide_engine.data_loader import load_national

    page = (built_site / "kildealder" / "index.html").read_text(encoding="utf-8")
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = [_text(r) for r in body.split("<tr>")[1:]]
    total = sum(len(fs) for c in load_counties().values() for fs in c.facts.values()) + sum(len(fs) for fs in load_national().values())
    assert len(rows) == total
    assert rows[0].startswith("høsten 2020") and "Trøndelag" in rows[0]
    assert "Skrevet for deltakere i introduksjonsprogram etter den midlertidige covid-loven (introduksjonsloven); " \
           "for andre saker ikke bekreftet." in rows[0]  # the letter's practical routine, used for § 11 cases with a caveat
    assert any("Nasjonal veiledning" in r and "29. september 2023" in r for r in rows)


# --- the hook renders from data and refuses bad pages -----------------------------------------


def _page(src_uri: str, meta: dict) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta, url=src_uri[:-3] + "/")


@pytest.fixture
def hook(monkeypatch):
    """The hook with its data loaded, and link helpers that need no MkDocs file list."""
    county_pages.on_config({})
    monkeypatch.setattr(
        county_pages,
        "_helpers",
        lambda page: {
            "law_link": lambda rid: {"href": f"LAW#{rid}", "label": load_references()[rid].label, "title": ""},
            "county_url": lambda cid: f"URL/{cid}/",
            "index_url": "INDEX/",
            "routine_form_url": "FORM/",
            "json_url": "JSON",
            "county_json_url": lambda cid: f"JSON/{cid}",
            "municipalities_json_url": "JSON/municipalities",
        },
    )
    return county_pages


def test_facts_come_from_the_data_file(hook, monkeypatch):
    """Changing a fact in the data changes the rendered page: the page has no copy of its own."""
    import dataclasses

    data = hook._state["data"]
    mr = data["counties"]["more-og-romsdal"]
    (f,) = mr.facts["interpreter_orders"]
    changed = dataclasses.replace(f, text="Tolken bestilles av Testsentralen.")
    counties = dict(data["counties"], **{"more-og-romsdal": dataclasses.replace(mr, facts={**mr.facts, "interpreter_orders": (changed,)})})
    monkeypatch.setitem(hook._state, "data", {**data, "counties": counties})
    out = hook.on_page_markdown("# M\n\n<!-- county-facts -->\n", _page("counties/more-og-romsdal.md", {"county": "more-og-romsdal"}), {}, None)
    assert "Tolken bestilles av Testsentralen." in out
    assert f.text not in out


def test_a_confirmation_by_the_county_is_shown_apart_from_the_check_against_the_source(hook, monkeypatch):
    """«Bekreftet av fylket» with its date and role stands beside, not instead of, «Kontrollert mot kilden»."""
    import dataclasses

    data = hook._state["data"]
    mr = data["counties"]["more-og-romsdal"]
    page = _page("counties/more-og-romsdal.md", {"county": "more-og-romsdal"})
    before = _text(hook.on_page_markdown("<!-- county-facts -->\n", page, {}, None))
    assert "Ikke bekreftet av fylket" in before and "Bekreftet av fylket" not in before
    assert '<a href="FORM/">Meld inn eller bekreft rutinen</a>' in hook.on_page_markdown("<!-- county-facts -->\n", page, {}, None)
    confirmed = data_loader.Confirmation(date(2026, 12, 7), "Karriere Møre og Romsdal (karrieremr@mrfylke.no)",
                                         ("routine", "interpreter_orders"))
    counties = dict(data["counties"], **{"more-og-romsdal": dataclasses.replace(mr, confirmations=(confirmed,))})
    monkeypatch.setitem(hook._state, "data", {**data, "counties": counties})
    after = _text(hook.on_page_markdown("<!-- county-facts -->\n", page, {}, None))
    assert ("Bekreftet av fylket 7. desember 2026 (Karriere Møre og Romsdal (karrieremr@mrfylke.no)): "
            "rutinen slik siden viser den, hvem bestiller tolk.") in after
    assert f"Kontrollert mot kilden {nb_date(county_pages.last_verified(mr))}." in after
    assert "Ikke bekreftet av fylket" not in after


def test_missing_marker_fails_the_build(hook):
    """A county page without the facts marker fails the build, naming the page."""
    with pytest.raises(PluginError, match="counties/oslo.md"):
        hook.on_page_markdown("# Oslo\n", _page("counties/oslo.md", {"county": "oslo"}), {}, None)


def test_wrong_county_in_front_matter_fails_the_build(hook):
    """A county page whose front matter names another county fails the build."""
    with pytest.raises(PluginError, match="county: oslo"):
        hook.on_page_markdown("<!-- county-facts -->", _page("counties/oslo.md", {"county": "rogaland"}), {}, None)


def _files(names: list[str]):
    from mkdocs.structure.files import File, Files

    return Files([File(n, "docs", "site", use_directory_urls=True) for n in names])


def test_county_file_without_page_fails_the_build(hook):
    """A county data file without its page under docs/counties fails the build, naming the missing page."""
    names = ["index.md", "counties/index.md"] + [f"counties/{c}.md" for c in COUNTIES if c != "oslo"]
    with pytest.raises(PluginError, match=r"docs/counties/oslo\.md"):
        hook.on_files(_files(names), {})


def test_county_page_without_data_fails_the_build(hook):
    """A county page without a data file fails the build, naming the missing data file."""
    names = ["counties/index.md"] + [f"counties/{c}.md" for c in COUNTIES] + ["counties/sor-trondelag.md"]
    with pytest.raises(PluginError, match=r"guide_engine/data/counties/sor-trondelag\.toml"):
        hook.on_files(_files(names), {})


def test_invalid_data_fails_the_build_with_file_and_key(tmp_path, monkeypatch):
    """An uncited fact makes the hook fail the build with the DataError's file and key."""
    real = data_loader.files.package_data_dir()
    copy_dir = tmp_path / "data"
    shutil.copytree(real, copy_dir)
    f = copy_dir / "counties" / "trondelag.toml"
    f.write_text(f.read_text(encoding="utf-8").replace('source = "trondelag-status-koronalov-2020.txt"\nverified', "verified", 1), encoding="utf-8")
    monkeypatch.setattr(data_loader.files, "DATA_DIR", copy_dir)
    try:
        with pytest.raises(PluginError, match=r"trondelag\.toml: facts\.organiser\[0\]\.source: mangler"):
            county_pages.load_data()
    finally:
        monkeypatch.undo()
        county_pages.load_data()


@pytest.mark.parametrize("old, new, message", [
    ('valid_from = "2020-01-01"\nvalid_to = "2023-12-31"', 'valid_from = "2020-01-01"\nvalid_to = "2019-12-31"',
     r"viken\.toml: valid_to: 2019-12-31 ligger før valid_from 2020-01-01"),
    ('valid_from = "2021-05-01"\nvalid_to = "2023-12-31"', 'valid_from = "2021-05-01"\nvalid_to = "2021-01-01"',
     r"viken\.toml: routine\.valid_to: 2021-01-01 ligger før valid_from 2021-05-01"),
    ('verified = "2026-11-23"', 'verified = "2099-01-01"',
     r"viken\.toml: facts\.organiser\[0\]\.verified: 2099-01-01 ligger fram i tid"),
], ids=["county ends before it starts", "routine ends before it starts", "verified in the future"])
def test_period_and_date_corruption_fails_the_build(tmp_path, monkeypatch, old, new, message):
    """A reversed county or routine period, or a verified date in the future, stops the build naming file and key."""
    real = data_loader.files.package_data_dir()
    copy_dir = tmp_path / "data"
    shutil.copytree(real, copy_dir)
    f = copy_dir / "counties" / "viken.toml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(data_loader.files, "DATA_DIR", copy_dir)
    try:
        with pytest.raises(PluginError, match=message):
            county_pages.load_data()
    finally:
        monkeypatch.undo()
        county_pages.load_data()


NB_DATES = [("2026-11-23", "23. november 2026"), ("2021-05-01", "1. mai 2021"), ("2023-12-31", "31. desember 2023")]


@pytest.mark.parametrize("iso, shown", NB_DATES)
def test_dates_are_shown_in_norwegian(iso, shown):
    """Dates shown to users read "d. måned åååå" with Norwegian month names."""
    assert nb_date(iso) == shown


def test_as_of_dates_are_shown_in_norwegian():
    """A publisher's date of year, month or day reads naturally in Norwegian."""
    assert [nb_as_of(x) for x in ("2021", "2022-09", "2023-12-21")] == ["2021", "september 2022", "21. desember 2023"]


# --- JSON export -----------------------------------------------------------------------------


def test_json_export_matches_the_data(built_site):
    """data/counties.json holds every county and every fact with value, text, source, verified and period."""
    export = json.loads((built_site / "data" / "counties.json").read_text(encoding="utf-8"))
    assert export["schema_version"] == 1
    by_id = {c["id"]: c for c in export["counties"]}
    assert set(by_id) == set(load_counties())
    assert set(export["sources"]) == set(load_sources())
    assert set(export["references"]) == set(load_references())
    for county in load_counties().values():
        entry = by_id[county.id]
        assert entry["name"] == county.name
        assert entry["valid_from"] == county.period.valid_from.isoformat()
        assert entry["valid_to"] == (county.period.valid_to.isoformat() if county.period.valid_to else None)
        assert (built_site / entry["page"] / "index.html").is_file()
        assert set(entry["facts"]) == set(county.facts)
        for key, entries in county.facts.items():
            got = entry["facts"][key]
            assert [(e["value"], e["text"], e["source"], e["verified"], e["valid_from"], e["valid_to"]) for e in got] == [
                (
                    f.value, f.text, f.source, f.verified.isoformat(),
                    f.period.valid_from.isoformat() if f.period.valid_from else None,
                    f.period.valid_to.isoformat() if f.period.valid_to else None,
                )
                for f in entries
            ]
        assert [(c["name"], c["as_of"], c["email"], c["phone"]) for c in entry["contacts"]] == [
            (c.name, c.as_of, c.email, c.phone) for c in county.contacts
        ]
        one = json.loads((built_site / "data" / "counties" / f"{county.id}.json").read_text(encoding="utf-8"))
        assert one["schema_version"] == 1 and one["county"] == entry
        cited = {e["source"] for es in entry["facts"].values() for e in es}
        assert cited <= set(one["sources"])


# --- search ----------------------------------------------------------------------------------


def test_searching_tolk_finds_pages_that_say_who_orders_the_interpreter(built_site):
    """Every county page with an interpreter_orders fact is indexed with the word "tolk" and that fact's text."""
    found = {d["location"].split("/")[1] for d in _search_docs(built_site)
             if d["location"].startswith("counties/") and re.search(r"\btolk\b", _text(d["text"] + " " + d["title"]).lower())}
    for county in load_counties().values():
        if "interpreter_orders" in county.facts:
            assert county.id in found
            indexed = _indexed_text(built_site, county.id)
            for f in county.facts["interpreter_orders"]:
                assert _norm(f.text) in indexed


def test_pages_without_interpreter_fact_claim_nothing_about_it(built_site):
    """A county without an interpreter fact never says, in its own sections, who orders the interpreter."""
    claims = {_norm(f.text) for c in load_counties().values() for f in c.facts.get("interpreter_orders", ())}
    for county in load_counties().values():
        if "interpreter_orders" in county.facts:
            continue
        docs = [d for d in _search_docs(built_site) if d["location"].startswith(f"counties/{county.id}/")]
        own = [d for d in docs if not d["title"].startswith(("Historisk", "Kontakter fra", "Nasjonal veiledning"))]
        text = _text(" ".join(d["text"] for d in own))
        assert not any(claim in text for claim in claims), county.id
        if not county.routine:
            assert "Hvem bestiller tolk" not in text, county.id
        # what it says about the interpreter is national guidance, labelled as such with the page's date
        national = _text(" ".join(d["text"] for d in docs if d["title"].startswith("Nasjonal veiledning")))
        if county.period.valid_to is None or county.period.valid_to.year >= 2021:
            assert "Hvem bestiller tolk" in national and "ikke " + county.name in national and "29. september 2023" in national, county.id


# --- links, privacy, accessibility -------------------------------------------------------------


def _built_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pyodide" not in p.parts and "assets" not in p.parts]


def test_county_pages_link_only_known_legal_anchors(built_site):
    """Every lovgrunnlag link on a county page points at an id of references.toml."""
    known = set(load_references())
    for p in (built_site / "counties").rglob("index.html"):
        for anchor in re.findall(r'href="[./]*lovgrunnlag/#([^"]+)"', p.read_text(encoding="utf-8")):
            assert anchor in known, f"{p.relative_to(built_site)}: #{anchor}"


def test_every_legal_anchor_exists_on_the_law_page(built_site):
    """Every lovgrunnlag/#id linked from any page, and every reference the data names, is an id on the built law page."""
    law = (built_site / "lovgrunnlag" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', law))
    wanted: dict[str, str] = {}
    for p in _built_pages(built_site):
        for anchor in re.findall(r'href="[./]*lovgrunnlag/#([^"]+)"', p.read_text(encoding="utf-8")):
            wanted.setdefault(anchor, str(p.relative_to(built_site)))
    for county in load_counties().values():
        for entries in county.facts.values():
            for f in entries:
                for rid in f.references:
                    wanted.setdefault(rid, f"guide_engine/data/counties/{county.id}.toml")
    missing = {a: where for a, where in wanted.items() if a not in ids}
    assert not missing, f"anchors missing on lovgrunnlag: {missing}"


def test_no_personal_email_anywhere_in_the_site(built_site):
    """The only e-mail addresses in the built site are the county-domain addresses in the county data."""
    allowed = set()
    for county in load_counties().values():
        raw = (Path(str(data_loader.files.package_data_dir())) / "counties" / f"{county.id}.toml").read_text(encoding="utf-8")
        allowed |= {e.lower() for e in EMAIL.findall(raw)}
    def strings(v):
        if isinstance(v, dict):
            yield from (s for x in v.values() for s in strings(x))
        elif isinstance(v, list):
            yield from (s for x in v for s in strings(x))
        elif isinstance(v, str):
            yield v

    texts = {p: p.read_text(encoding="utf-8") for p in _built_pages(built_site)}
    for p in list((built_site / "data").rglob("*.json")) + [built_site / "search" / "search_index.json"]:
        texts[p] = "\n".join(strings(json.loads(p.read_text(encoding="utf-8"))))  # JSON escapes would glue words
    found = {}
    for p, text in texts.items():
        for e in EMAIL.findall(text):
            if e.lower() not in allowed:
                found.setdefault(e, str(p.relative_to(built_site)))
    assert not found, f"e-mail addresses not in the county data: {found}"


@pytest.mark.parametrize("cid", COUNTIES + ["index"])
def test_county_tables_and_headings_are_accessible(built_site, cid):
    """Every table has a caption and scoped, non-empty headers; headings never skip a level."""
    article = (_article(built_site, cid) if cid != "index" else
               (built_site / "counties" / "index.html").read_text(encoding="utf-8").split("<article", 1)[1].split("</article>")[0])
    for table in re.findall(r"<table\b.*?</table>", article, flags=re.S):
        caption = re.search(r"<caption>(.*?)</caption>", table, flags=re.S)
        assert caption and _text(caption.group(1))
        for th in re.findall(r"<th\b([^>]*)>(.*?)</th>", table, flags=re.S):
            assert 'scope="col"' in th[0] or 'scope="row"' in th[0]
            assert _text(th[1])
    levels = [int(h) for h in re.findall(r"<h([1-6])\b", article)]
    assert levels and levels[0] == 1
    for prev, nxt in zip(levels, levels[1:]):
        assert nxt <= prev + 1, levels
