"""Statements of the law in docs/ that come from the rule data (site_build/hooks/law_values.py): change the
data and the pages follow; the deadline chain the pages state is what the engine computes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from guide_engine import api, workdays
from guide_engine.dates import add_months
from guide_engine.rules import Parameter, family
from site_build.hooks import law_values

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHAIN_PAGES = ["lovgrunnlag", "prosessen", "prioritering"]


def _moved(p: Parameter, changes: dict) -> Parameter:
    """The parameter with some values changed: {index: {"start": date, "value": v}}."""
    values = list(p.values)
    for i, ch in changes.items():
        values[i] = replace(values[i], **ch)
    return Parameter(p.name, p.description, tuple(values))


def _changed_family() -> dict:
    """Every value the pages state, moved to a value no page could have written by hand."""
    real = family("eligibility")
    out = dict(real)
    out["age_max"] = _moved(real["age_max"], {0: {"value": 54}, 1: {"value": 61}})
    out["residence_years_max"] = _moved(real["residence_years_max"], {0: {"value": 3}})
    out["programme_start_months"] = _moved(real["programme_start_months"], {0: {"value": 4}})
    out["chapter_6a"] = _moved(real["chapter_6a"], {1: {"start": date(2022, 6, 16)}, 2: {"start": date(2026, 7, 2)}})
    out["chapter_6a_permit_from"] = _moved(real["chapter_6a_permit_from"], {0: {"value": "2022-03-12"}})
    out["covid_law_guidance"] = _moved(real["covid_law_guidance"], {1: {"start": date(2020, 8, 2)}, 2: {"start": date(2022, 12, 30)}})
    out["covid_law_adaptations"] = _moved(real["covid_law_adaptations"], {1: {"start": date(2020, 5, 27)}, 2: {"start": date(2022, 12, 29)}})
    out["new_law_permit_from"] = _moved(real["new_law_permit_from"], {0: {"value": "2021-01-02"}})
    out["collective_protection_from"] = _moved(real["collective_protection_from"], {0: {"value": "2022-03-13"}})
    return out


# (page, what it states, the words it must show once the data are changed as above)
FOLLOWS = [
    ("lovgrunnlag", "age limits", "mellom 18 og 54 år"),
    ("lovgrunnlag", "the proposed age limit", "til og med 61 år"),
    ("lovgrunnlag", "two-year residence limit", "mindre enn tre år"),
    ("lovgrunnlag", "programme start", "oppstart innen fire måneder"),
    ("lovgrunnlag", "§ 72 transition date", "fra og med 2. januar 2021"),
    ("lovgrunnlag", "chapter 6A in force", "trådte i kraft 16. juni 2022"),
    ("lovgrunnlag", "chapter 6A end", "2. juli 2026"),
    ("lovgrunnlag", "chapter 6A permits from", "fra og med 12. mars 2022"),
    ("lovgrunnlag", "the first § 34 permit", "gitt før 13. mars 2022"),
    ("lovgrunnlag", "covid law chapter 1 from", "2. august 2020"),
    ("lovgrunnlag", "covid law unclear from", "30. desember 2022"),
    ("lovgrunnlag", "covid law other parts", "27. mai 2020"),
    ("lovgrunnlag", "covid law other parts' end", "29. desember 2022"),
    ("prosessen", "programme start", "innen fire måneder"),
    ("prosessen", "chapter 6A end", "etter 2. juli 2026"),
    ("ordliste", "two-year residence limit", "mindre enn tre år"),
    ("ordliste", "chapter 6A period", "fra 16. juni 2022"),
    ("ordliste", "chapter 6A end", "2. juli 2026"),
    ("ordliste", "§ 72 transition date", "før 2. januar 2021"),
    ("ny-i-rollen", "programme start", "senest fire måneder"),
    ("apne-sporsmal", "age limits", "fra 54 år til og med 61 år"),
    ("apne-sporsmal", "covid law unclear from", "30. desember 2022"),
    ("apne-sporsmal", "chapter 6A end", "2. juli 2026"),
    ("apne-sporsmal", "two-year residence limit", "mindre enn tre år"),
]
FOLLOWS += [(p, "deadline chain", "senest fire måneder etter bosetting") for p in CHAIN_PAGES]


@pytest.mark.parametrize("name,what,expected", FOLLOWS, ids=[f"{p}: {w}" for p, w, _ in FOLLOWS])
def test_statement_follows_the_rule_data(monkeypatch, name, what, expected):
    """The page's statement is rendered from rules/eligibility.toml: with the values moved, the page shows the new ones."""
    text = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    assert "regeldata: true" in text.split("---")[1], f"{name}.md does not opt in to the rule data"
    changed = _changed_family()
    monkeypatch.setattr(law_values, "family", lambda fam: changed)
    out = law_values.render(text)
    assert "[[" not in out
    assert expected in " ".join(out.split()), f"{name}: {what} does not follow the data ({expected!r})"


@pytest.mark.parametrize("name", CHAIN_PAGES)
def test_the_deadline_chain_is_one_sentence_on_the_law_process_and_queue_pages(name):
    """The law, process and queue pages state the deadline chain with the same sentence (site_build/hooks/law_values.py)."""
    assert "[[ fristkjede() ]]" in (DOCS / f"{name}.md").read_text(encoding="utf-8")


def test_the_queue_page_no_longer_defines_the_last_date_as_the_day_before_the_start():
    """The old chain (guidance by the working day before the programme start) is gone from the queue page."""
    text = " ".join((DOCS / "prioritering.md").read_text(encoding="utf-8").split())
    assert "siste virkedag før introduksjonsprogrammet" not in text


BASE = {
    "county": "more-og-romsdal", "municipality": "Molde", "permit_group": "refugee", "age_at_permit": 34,
    "settled_by_agreement": True, "interpreter_needed": False, "wants_adviser_present": True,
    "competence_mapping_done": True, "individual_plan_exists": True, "norwegian_plan_exists": True,
}


@pytest.mark.parametrize("settled", [
    date(2026, 10, 1),   # the start falls on 1 January (a holiday): back to 31 December
    date(2026, 1, 2),    # 2 April 2026 is Maundy Thursday
    date(2026, 8, 31),   # 30 November 2026 is a Monday
    date(2027, 2, 17),   # 17 May 2027
])
def test_the_chain_the_pages_state_is_what_the_engine_computes(settled):
    """Each step of the sentence, checked on the engine's own result (Møre og Romsdal: note within five working days)."""
    case = dict(BASE, permit_date=(settled - timedelta(days=60)).isoformat(), settlement_date=settled.isoformat())
    on = (settled - timedelta(days=30)).isoformat()
    r = api.evaluate(case, on)
    assert r["ok"], r["errors"]
    d = {x["id"]: date.fromisoformat(x["date"]) for x in r["deadlines"]}
    months = family("eligibility")["programme_start_months"].values[0].value
    # «programmet skal starte senest tre måneder etter bosetting (siste virkedag på eller før den datoen)»
    assert d["programme_start_by"] == workdays.on_or_before(add_months(settled, months))
    assert workdays.is_working_day(d["programme_start_by"])
    # «siste dag for vedtak er virkedagen før siste oppstartsdag»
    assert d["vedtak_by"] == workdays.before(d["programme_start_by"])
    # «notatet … virkedagen før siste dag for vedtak» and «siste dag for veiledningen er så tidlig at fylkets frist for notatet holder»
    note_in_by = workdays.before(d["vedtak_by"])
    assert workdays.add_working_days(d["guidance_by"], 5) <= note_in_by
    assert workdays.add_working_days(workdays.add_working_days(d["guidance_by"], 1), 5) > note_in_by  # the latest such day
    assert law_values.ord_(months) + " måneder etter bosetting" in law_values.fristkjede()


def test_built_pages_state_the_values_the_engine_uses(built_site):
    """The built pages show the engine's values: age limits, the § 72 date, chapter 6A's and the covid law's periods,
    the two-year limit, and the deadline chain."""
    def page(name):
        return " ".join((built_site / name / "index.html").read_text(encoding="utf-8").split())

    law, process, queue, words = page("lovgrunnlag"), page("prosessen"), page("prioritering"), page("ordliste")
    chain = law_values.fristkjede()
    for text in (law, process, queue):
        assert chain in text
    for fragment in ("mellom 18 og 55 år", "mindre enn to år", "fra og med 1. januar 2021", "trådte i kraft 15. juni 2022",
                     "1. juli 2026", "1. august 2020", "31. desember 2022", "26. mai 2020"):
        assert fragment in law, fragment
    assert "mindre enn to år" in words and "1. juli 2026" in words
