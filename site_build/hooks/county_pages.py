"""MkDocs hook: county pages and the county data export, rendered from guide_engine/data/counties.

Configuration over code: each ``docs/counties/<id>.md`` holds the county's prose, front matter
``county: <id>`` and the line ``<!-- county-facts -->``; this hook replaces that line with what the
data file says (status, facts table with source and "sist kontrollert", what is unknown, contacts,
the predecessor's historical routine, the law's minimum, sources). ``docs/counties/index.md`` holds
``<!-- county-overview -->`` for the overview table. The templates are in ``templates/`` beside this file.

- on_config / on_pre_build: load and validate every data file; a ``DataError`` fails the build
  with its message (file and key).
- on_files: every county file has a page and every county page has a file.
- on_page_markdown: render the generated part; a missing marker or a wrong ``county:`` fails.
- on_post_build: write ``data/counties.json``, ``data/counties/<id>.json`` and the municipality
  register ``data/municipalities.json`` (stable URLs).

Each county page lists its municipalities from the municipality register (site_build/municipality_lists.py):
those of the build date, and the numbers that ended, each with where it went (for Viken: all of them).

Optional front matter on a county page: ``predecessor_contacts: true`` also shows the
predecessor's contact list (Vestfold shows the Vestfold contacts of Vestfold og Telemark);
``sources: [<key of sources.toml>, ...]`` adds sources the page's prose cites to its source list.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from guide_engine import data_loader, provenance
from guide_engine.data_loader import County, DataError, Fact, Period
from guide_engine.dates import format_as_of_nb, format_nb
from guide_engine.municipalities import RegisterError
from site_build import municipality_lists

FACTS_MARKER = "<!-- county-facts -->"
OVERVIEW_MARKER = "<!-- county-overview -->"
AGES_MARKER = "<!-- source-ages -->"
JSON_DIR = "data"
MUNICIPALITIES_JSON = "municipalities.json"
SCHEMA_VERSION = 1
TEMPLATES = Path(__file__).parent / "templates"
LAW_PAGE = "lovgrunnlag.md"
ROUTINE_FORM_PAGE = "meld-inn-rutine.md"

_state: dict[str, Any] = {}


# --- formatting helpers (no locale dependence) ----------------------------------------------


nb_date = format_nb  # "23. november 2026" (one formatter: guide_engine.dates)
nb_as_of = format_as_of_nb  # "september 2022"


def nb_period(p: Period | None) -> str:
    """A period in words, or "" when it is open at both ends."""
    if p is None or (p.valid_from is None and p.valid_to is None):
        return ""
    if p.valid_from and p.valid_to:
        return f"Gjaldt fra {nb_date(p.valid_from)} til {nb_date(p.valid_to)}."
    if p.valid_from:
        return f"Gjelder fra {nb_date(p.valid_from)}."
    return f"Gjaldt til {nb_date(p.valid_to)}."


def nb_years(p: Period) -> str:
    """A county's or routine's period in years: "2020–2023", "fra 2024"."""
    if p.valid_from and p.valid_to:
        return f"{p.valid_from.year}–{p.valid_to.year}"
    if p.valid_from:
        return f"fra {p.valid_from.year}"
    return ""


def source_anchor(source_id: str) -> str:
    return "kilde-" + "".join(ch if ch.isalnum() else "-" for ch in source_id.lower()).strip("-")


# --- data -------------------------------------------------------------------------------------


def load_data() -> dict[str, Any]:
    """Load and validate every data file afresh (mkdocs serve rebuilds in one process)."""
    data_loader.reload()
    try:
        labels = data_loader.load_labels()
        data_loader.check_verified_dates(data_loader.load_counties(), date.today())
        data_loader.check_search_dates(data_loader.load_searches(), date.today())
        return {
            "counties": data_loader.load_counties(),
            "searches": data_loader.load_searches(),
            "sources": data_loader.load_sources(),
            "references": data_loader.load_references(),
            "fact_keys": data_loader.load_fact_keys(),
            "priority_labels": {c.id: c.label for c in data_loader.load_priority_criteria().values()},
            "who_labels": labels["who"],
            "kind_labels": labels["contact_kind"],
            "scope_labels": labels["confirmation_scope"],
            "municipalities": municipality_lists.register_export(),
        }
    except DataError as e:
        raise PluginError(f"Ugyldige fylkesdata: {e}") from None
    except RegisterError as e:
        raise PluginError(f"Ugyldig kommuneregister: {e}") from None


def ordered_facts(county: County) -> list[tuple[str, str, tuple[Fact, ...]]]:
    """The county's facts in the order of data/fact_keys.toml, each with its label."""
    keys = data_loader.load_fact_keys()
    return [(k, keys[k].label, county.facts[k]) for k in keys if k in county.facts]


SECTION_11 = "right_and_duty"  # a county page shows the routine for karriereveiledning etter § 11


def national_for(county: County) -> list[tuple[str, str, Fact]]:
    """National guidance on the keys where the county's own facts leave a gap in some month of the county's
    existence (checked month by month to 2030): (key, label, fact), in fact-key order."""
    keys = data_loader.load_fact_keys()
    national = data_loader.load_national()
    months = [date(y, m, 1) for y in range(2021, 2031) for m in range(1, 13)]

    def gap(key: str, f: Fact) -> bool:
        return any(county.exists_on(d) and f.applies(d, SECTION_11) and county.fact(key, d, SECTION_11) is None for d in months)

    return [(k, keys[k].label, f) for k in keys if k in national for f in national[k] if gap(k, f)]


def judged_on(county: County) -> date:
    """The date the overview judges a county's routine on: the build date, or a historical county's last day."""
    today = date.today()
    return min(today, county.period.valid_to) if county.period.valid_to else today


def routine_marks(county: County) -> list[str]:
    """What makes the county's routine unsure for a § 11 case (temporary, old, unconfirmed, written for
    other cases), in the engine's words (guide_engine.provenance.routine_marks)."""
    return provenance.routine_marks(county, judged_on(county), SECTION_11)


def fact_marks(county: County, key: str, f: Fact) -> list[str]:
    """A temporary fact's own mark for a § 11 case, where ``f`` is the fact in force when the county is judged."""
    on = judged_on(county)
    if county.fact(key, on, SECTION_11) != f:
        return []
    return [text for text, own in provenance.marks(county, key, f, on, SECTION_11) if own]


def cases_text(statuses) -> str:
    return provenance.cases_text(tuple(statuses))


def source_date_label(source_id: str) -> str:
    """A source's own date as a reader sees it ("høsten 2020", "mai 2021", "29. september 2023")."""
    return provenance.source_label(source_id)


def fact_label(key: str) -> str:
    return data_loader.load_fact_keys()[key].label


def core_keys() -> list[str]:
    """What a programme adviser needs before referring: listed as "ikke oppgitt" when a routine lacks it."""
    return [k for k, fk in data_loader.load_fact_keys().items() if fk.core]


def last_verified(county: County) -> date | None:
    """When the routine's facts were last checked against their sources (contacts carry their own date)."""
    dates = [f.verified for fs in county.facts.values() for f in fs]
    return max(dates) if dates else None


def sources_used(county: County, sources: dict) -> list:
    ids: list[str] = []
    if county.routine:
        ids.append(county.routine.source)
    ids += [f.source for fs in county.facts.values() for f in fs]
    ids += [c.source for c in county.contacts]
    return [sources[s] for s in dict.fromkeys(ids)]


def _period_json(p: Period) -> dict:
    return {
        "valid_from": p.valid_from.isoformat() if p.valid_from else None,
        "valid_to": p.valid_to.isoformat() if p.valid_to else None,
    }


def county_json(county: County, page_url: str | None) -> dict:
    """One county as published in the JSON export (ISO dates, every fact with its basis)."""
    facts = {
        key: [
            {
                "value": f.value,
                "text": f.text,
                "source": f.source,
                "verified": f.verified.isoformat(),
                **_period_json(f.period),
                "period_note": f.period_note,
                "confirmed_until": f.confirmed_until.isoformat() if f.confirmed_until else None,
                "applies_to": list(f.applies_to),
                "quote": f.quote,
                "references": list(f.references),
            }
            for f in fs
        ]
        for key, fs in county.facts.items()
    }
    contacts = []
    for c in county.contacts:
        d = asdict(c)
        d["verified"] = c.verified.isoformat()
        contacts.append(d)
    routine = None
    if county.routine:
        routine = {"title": county.routine.title, "source": county.routine.source, **_period_json(county.routine.period),
                   "written_for": list(county.routine.written_for)}
    return {
        "id": county.id,
        "name": county.name,
        **_period_json(county.period),
        "predecessors": list(county.predecessors),
        "successors": list(county.successors),
        "email_domains": list(county.email_domains),
        "summary": county.summary,
        "page": page_url,
        "routine": routine,
        "facts": facts,
        "contacts": contacts,
        "confirmations": [{"date": c.confirmed.isoformat(), "by": c.by, "covers": list(c.covers), "note": c.note}
                          for c in county.confirmations],
    }


def export(data: dict, page_urls: dict[str, str | None]) -> dict:
    """The whole export: schema version, counties, and the sources and references they cite."""
    return {
        "schema_version": SCHEMA_VERSION,
        "description": "Fylkeskommunenes rutiner for karriereveiledning etter integreringsloven § 11. "
        "Hvert faktum har kilde (source), dato for siste kontroll (verified) og eventuell periode.",
        "counties": [county_json(c, page_urls.get(c.id)) for c in data["counties"].values()],
        "sources": {sid: asdict(s) for sid, s in data["sources"].items()},
        "references": {rid: asdict(r) for rid, r in data["references"].items()},
    }


# --- mkdocs events ----------------------------------------------------------------------------


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(nb_date=nb_date, nb_as_of=nb_as_of, nb_period=nb_period, nb_years=nb_years,
                       source_anchor=source_anchor)
    env.globals.update(ordered_facts=ordered_facts, last_verified=last_verified, fact_label=fact_label, core_keys=core_keys,
                       national_for=national_for, source_date_label=source_date_label,
                       routine_marks=routine_marks, fact_marks=fact_marks, cases_text=cases_text, SECTION_11=SECTION_11, OLD_SOURCE_YEARS=provenance.OLD_SOURCE_YEARS)
    return env


def _load(env: Environment) -> None:
    data = _state["data"] = load_data()
    env.globals.update(PRIORITY_LABELS=data["priority_labels"], WHO_LABELS=data["who_labels"], KIND_LABELS=data["kind_labels"],
                       SCOPE_LABELS=data["scope_labels"])


def on_config(config):
    _state["env"] = _env()
    _load(_state["env"])
    return config


def on_pre_build(config) -> None:
    _load(_state["env"])


def on_files(files, config):
    counties = _state["data"]["counties"]
    pages = {
        f.src_uri[len("counties/"):-3]
        for f in files.documentation_pages()
        if f.src_uri.startswith("counties/") and f.src_uri.count("/") == 1 and f.src_uri != "counties/index.md"
    }
    missing = sorted(set(counties) - pages)
    if missing:
        raise PluginError(f"Fylker uten side: {', '.join(f'docs/counties/{m}.md' for m in missing)}")
    orphans = sorted(pages - set(counties))
    if orphans:
        raise PluginError(
            "Fylkessider uten datafil: "
            + ", ".join(f"docs/counties/{o}.md (mangler guide_engine/data/counties/{o}.toml)" for o in orphans)
        )
    _state["files"] = files
    _state["page_urls"] = {cid: files.get_file_from_path(f"counties/{cid}.md").url for cid in counties}
    return files


def _url_from(page, src_uri: str) -> str:
    target = _state["files"].get_file_from_path(src_uri)
    if target is None:
        raise PluginError(f"{page.file.src_uri}: lenker til {src_uri}, som ikke finnes")
    return get_relative_url(target.url, page.url)


def _helpers(page) -> dict:
    refs = _state["data"]["references"]
    law = _url_from(page, LAW_PAGE)

    def law_link(rid: str) -> dict:
        return {"href": f"{law}#{rid}", "label": refs[rid].label, "title": refs[rid].title}

    return {
        "law_link": law_link,
        "county_url": lambda cid: _url_from(page, f"counties/{cid}.md"),
        "index_url": _url_from(page, "counties/index.md"),
        "routine_form_url": _url_from(page, ROUTINE_FORM_PAGE),
        "json_url": get_relative_url(f"{JSON_DIR}/counties.json", page.url),
        "county_json_url": lambda cid: get_relative_url(f"{JSON_DIR}/counties/{cid}.json", page.url),
        "municipalities_json_url": get_relative_url(f"{JSON_DIR}/{MUNICIPALITIES_JSON}", page.url),
    }


def on_page_markdown(markdown: str, page, config, files):
    src = page.file.src_uri
    if AGES_MARKER in markdown:
        # every fact by the age of its source, measured on the build date
        built = date.today()
        data = _state["data"]
        out = _state["env"].get_template("source_ages.md.j2").render(
            rows=provenance.fact_ages(built), built=built, searches=data["searches"], counties=data["counties"],
            sources=data["sources"], **_helpers(page))
        return markdown.replace(AGES_MARKER, out)
    if not src.startswith("counties/"):
        return markdown
    data = _state["data"]
    env: Environment = _state["env"]
    if src == "counties/index.md":
        if OVERVIEW_MARKER not in markdown:
            raise PluginError(f"docs/{src}: mangler linjen {OVERVIEW_MARKER}")
        current = [c for c in data["counties"].values() if c.period.valid_to is None]
        historical = [c for c in data["counties"].values() if c.period.valid_to is not None]
        out = env.get_template("county_index.md.j2").render(
            current=current, historical=historical, counties=data["counties"], **_helpers(page)
        )
        return markdown.replace(OVERVIEW_MARKER, out)

    cid = src[len("counties/"):-3]
    meta_id = page.meta.get("county")
    if meta_id != cid:
        raise PluginError(f"docs/{src}: front matter må ha 'county: {cid}' (fant {meta_id!r})")
    if markdown.count(FACTS_MARKER) != 1:
        raise PluginError(f"docs/{src}: må ha linjen {FACTS_MARKER} nøyaktig én gang")
    county = data["counties"][cid]
    if county.summary and not page.meta.get("description"):
        page.meta["description"] = county.summary  # the theme's <meta name="description">
    extra = page.meta.get("sources") or []
    unknown = [s for s in extra if s not in data["sources"]]
    if not isinstance(extra, list) or unknown:
        raise PluginError(f"docs/{src}: front matter 'sources' må være en liste med nøkler fra sources.toml (ukjent: {unknown})")
    used = sources_used(county, data["sources"])
    used += [data["sources"][s] for s in extra if data["sources"][s] not in used]
    predecessors = [data["counties"][p] for p in county.predecessors]
    out = env.get_template("county_facts.md.j2").render(
        county=county,
        predecessors=predecessors,
        successors=[data["counties"][s] for s in county.successors],
        predecessor_contacts=bool(page.meta.get("predecessor_contacts")),
        municipalities=municipality_lists.county_lists(cid, date.today()),
        county_names={c.id: c.name for c in data["counties"].values()},
        built=date.today(),
        sources=data["sources"],
        sources_used=used,
        **_helpers(page),
    )
    return markdown.replace(FACTS_MARKER, out)


def on_post_build(config) -> None:
    data = _state["data"]
    out = Path(config["site_dir"]) / JSON_DIR
    (out / "counties").mkdir(parents=True, exist_ok=True)
    full = export(data, _state.get("page_urls", {}))
    (out / MUNICIPALITIES_JSON).write_text(json.dumps(data["municipalities"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "counties.json").write_text(json.dumps(full, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for entry in full["counties"]:
        cited = {f["source"] for fs in entry["facts"].values() for f in fs} | {c["source"] for c in entry["contacts"]}
        if entry["routine"]:
            cited.add(entry["routine"]["source"])
        one = {
            "schema_version": SCHEMA_VERSION,
            "county": entry,
            "sources": {s: full["sources"][s] for s in sorted(cited)},
        }
        (out / "counties" / f"{entry['id']}.json").write_text(
            json.dumps(one, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
