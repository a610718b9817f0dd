"""MkDocs hook: numbers and dates of the law rendered from the rule data, so the prose cannot drift.

A page that opts in with ``regeldata: true`` in its front matter writes ``[[ regel("age_max") ]]`` (the first confirmed value), ``[[ regel("age_max", "2025-06-06") ]]``
(the value starting on that date), ``[[ fra("chapter_6a", 2) | dato ]]`` (the start date of the third
value), ``[[ 3 | ord ]]`` (a small number in words) or ``[[ fristkjede() ]]`` (the deadline chain). Jinja2 runs with ``[[ ]]`` and ``[% %]``
delimiters, so the Markdown's ``{#id}`` attributes are left alone; an unknown parameter, value or
name fails the build (StrictUndefined), naming the page.
"""

from __future__ import annotations

from datetime import date

from jinja2 import Environment, StrictUndefined
from mkdocs.exceptions import PluginError

from guide_engine.dates import format_nb
from guide_engine.rules import family

WORDS = {1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni", 10: "ti", 11: "elleve", 12: "tolv"}
MARK = "[["


def _param(name: str):
    params = family("eligibility")
    if name not in params:
        raise KeyError(f"ukjent regelparameter {name!r} i rules/eligibility.toml")
    return params[name]


def regel(name: str, start: str | None = None):
    """The value of a rule parameter: the first confirmed one, or the one starting on ``start``."""
    p = _param(name)
    if start is None:
        return next(v for v in p.values if v.confirmed).value
    for v in p.values:
        if v.start.isoformat() == start:
            return v.value
    raise KeyError(f"{name!r} har ingen verdi som starter {start}")


def fra(name: str, index: int = 0) -> date:
    """The start date of a parameter's value number ``index`` (0 = the first)."""
    return _param(name).values[index].start


def dato(d: date | str) -> str:
    return format_nb(date.fromisoformat(d) if isinstance(d, str) else d)


def ord_(n: int) -> str:
    return WORDS.get(n, str(n))


def fristkjede() -> str:
    """The deadline chain in one sentence, the same on the law, process and queue pages. It says what
    guide_engine/decisions/deadlines.py computes (tests/site/test_law_values.py checks each step against it)."""
    months = ord_(regel("programme_start_months"))
    return (
        "Veiviseren regner fristene baklengs fra siste dag for oppstart av introduksjonsprogrammet, slik at hvert "
        f"steg rekker fram før det neste: programmet skal starte senest {months} måneder etter bosetting (siste "
        "virkedag på eller før den datoen), siste dag for vedtak er virkedagen før siste oppstartsdag, notatet fra "
        "karrieresenteret bør være hos kommunen virkedagen før siste dag for vedtak, og siste dag for veiledningen "
        "er så tidlig at fylkets frist for notatet holder. Virkedager er norske virkedager: helger og helligdager "
        "teller ikke."
    )


def _env() -> Environment:
    env = Environment(variable_start_string="[[", variable_end_string="]]", block_start_string="[%", block_end_string="%]",
                      comment_start_string="[##", comment_end_string="##]", undefined=StrictUndefined, autoescape=False,
                      keep_trailing_newline=True)
    env.globals.update(regel=regel, fra=fra, fristkjede=fristkjede)
    env.filters.update(dato=dato, ord=ord_)
    return env


def render(markdown: str) -> str:
    """The page with every ``[[ … ]]`` filled from the rule data."""
    if MARK not in markdown:
        return markdown
    return _env().from_string(markdown).render()


def on_page_markdown(markdown: str, page, config, files):
    if not page.meta.get("regeldata"):  # only pages that opt in (front matter `regeldata: true`)
        return markdown
    try:
        return render(markdown)
    except Exception as e:  # a typo in a page must stop the build, naming the page
        raise PluginError(f"{page.file.src_uri}: verdier fra regeldataene kunne ikke settes inn: {e}") from e
