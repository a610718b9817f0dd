"""Which layer answers a county question on a date, and the caveats that travel with the answer.

Layers, in order: the county's own routine (its fact in force on the date, for the case's status),
else national guidance (data/national.toml, IMDi and HK-dir), else nothing (the law's minimum, which
the decision modules state themselves). An answer carries a data note whenever it rests on:
  - national guidance, because the county has no routine on the point;
  - a routine written for other cases (its ``written_for``: the covid-law letter used for a § 11 case),
    never confirmed for this one;
  - a fact after its ``confirmed_until`` date (still the latest word, but unconfirmed), judged on the
    date the fact is used for: the reference date, or the session's date when that is later (the planned
    session, else the latest day for it: guide_engine/case_facts.py ``judge_on``);
  - an estimated period (the fact's or its routine's ``period_note``);
  - a source dated more than ``OLD_SOURCE_YEARS`` years before the reference date.
Which parts of a result rest on which fact, and so carry its notes, is recorded per case by
guide_engine/case_facts.py.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Any

from .data_loader import County, Fact, Source, cached, load_fact_keys, load_national, load_sources, load_statuses
from .dates import add_years, format_as_of_nb, format_nb

# A source older than this many years before the reference date is flagged: county routines and
# contact routes change, and the sources here are web pages and letters without an end date.
OLD_SOURCE_YEARS = 2

COUNTY, NATIONAL = "county", "national"
# The note kinds that make an answer "ikke bekreftet" (the interpreter decision's ``confirmed``, the overview's marks).
UNSURE = ("unconfirmed", "old_source", "other_law")


@dataclass(frozen=True)
class Answer:
    """A fact as used for a case: the fact, the layer it came from and its notes."""

    fact: Fact
    layer: str
    notes: tuple[dict, ...]

    @property
    def value(self) -> Any:
        return self.fact.value

    @property
    def text(self) -> str:
        return self.fact.text

    @property
    def source(self) -> str:
        return self.fact.source

    @property
    def references(self) -> tuple[str, ...]:
        return self.fact.references


def source_date(as_of: str) -> date:
    """The last day a publisher's ``as_of`` (YYYY, YYYY-MM or YYYY-MM-DD) can mean: the kindest reading of its age."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def source_label(sid: str) -> str:
    """A source's date as a reader sees it: "høsten 2020", "mai 2021", "29. september 2023"."""
    return date_label(load_sources()[sid])


def date_label(s: Source) -> str:
    """The same for a source record (one a submitted county file carries, not yet in the registry)."""
    return s.as_of_text or format_as_of_nb(s.as_of)


def is_old(sid: str, on: date) -> bool:
    return add_years(source_date(load_sources()[sid].as_of), OLD_SOURCE_YEARS) < on


def national_fact(key: str, on: date, status: str | None = None) -> Fact | None:
    """National guidance on ``key`` in force on ``on`` (for a case of ``status``: the pages are about § 11), or None."""
    for f in load_national().get(key, ()):
        if f.applies(on, status):
            return f
    return None


@lru_cache(maxsize=4096)  # a queue asks for the same few notes on every row; the hash is plain Python
def note_id(text: str) -> str:
    """A note's id: the same text gives the same id, in every result and in CPython and Pyodide alike."""
    h = 0xCBF29CE484222325  # FNV-1a, 64 bits: plain Python, no module the browser's runtime must carry
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"note-{h:016x}"


def _note(key: str, kind: str, layer: str, text: str, source: str) -> dict:
    return {"fact": key, "kind": kind, "layer": layer, "note": text, "source": source}


def written_for_other(f: Fact, status: str | None) -> bool:
    """The fact's source was written for other cases than one of ``status`` (None: not judged for a case)."""
    return bool(f.written_for) and status is not None and status not in f.written_for


def cases_text(statuses: tuple[str, ...]) -> str:
    """The cases a source written for ``statuses`` serves, in words ("deltakere … etter … covid-loven …")."""
    return " og ".join(load_statuses()[s].cases or load_statuses()[s].label.lower() for s in statuses)


def notes_for(county: County, key: str, f: Fact, layer: str, on: date, status: str | None = None,
              used_on: date | None = None, planned: bool = True) -> list[dict]:
    """The caveats of one fact used for a case of ``status`` on ``on``, for a session on ``used_on``
    (``planned``: the session's own date; else only the latest day for it; see the module docstring)."""
    other = f.written_for if written_for_other(f, status) else ()
    cu = f.confirmed_until
    later = used_on if cu and used_on and on <= cu < used_on else None  # only where it changes a note (the cache's key)
    return [dict(n) for n in _notes(county.name, key, f.source, cu, f.inherited, f.period_note, layer, on, other, later,
                                    planned or later is None)]


@cached
def _notes(county_name: str, key: str, source: str, confirmed_until: date | None, inherited: bool, period_note: str | None,
           layer: str, on: date, written_for: tuple[str, ...] = (), used_on: date | None = None,
           planned: bool = True) -> tuple[dict, ...]:
    """The caveats, from what they depend on (remembered: the queue asks the same for every row of a
    county on one date)."""
    label = load_fact_keys()[key].label
    src = load_sources()[source]
    out = []
    if layer == NATIONAL:
        out.append(_note(key, "national", layer,
                         f"Der {county_name} ikke har en registrert rutine på datoen, bygger svaret på nasjonal veiledning fra "
                         f"{src.publisher.split(' (')[0]} ({source_label(source)}), ikke på fylkets egen rutine; bekreft med fylket.",
                         source))
    if written_for:  # never confirmed for this case, so no confirmed-until date is said for it
        out.append(_note(key, "other_law", layer,
                         f"Rutinen fra {source_label(source)} er skrevet for {cases_text(written_for)}, ikke for saker som denne. "
                         "Det er ikke bekreftet at den gjelder her; bekreft med fylket.", source))
    elif confirmed_until and (on > confirmed_until or (used_on and used_on > confirmed_until)):
        until = format_nb(confirmed_until)
        # the session's own date where one is planned; else only the latest day for it is known
        session = "på datoen for veiledningen" if planned else "på siste dag for veiledningen"
        day = format_nb(on) if on > confirmed_until else f"{session}, {format_nb(used_on)}"
        text = (f"Rutinen fra {source_label(source)} er bekreftet bare til {until}. Det er ikke bekreftet at den gjelder {day}; "
                "bekreft med fylket." if inherited else
                f"{label}: kilden ({source_label(source)}) bekrefter dette bare til {until}. Det er ikke bekreftet at det "
                f"gjelder {day}; bekreft med fylket.")
        out.append(_note(key, "unconfirmed", layer, text, source))
    # A national page's estimated start matters only before the page's own date.
    if period_note and (layer == COUNTY or on < source_date(src.as_of)):
        out.append(_note(key, "estimated", layer, period_note, source))
    if is_old(source, on):
        what = "Den nasjonale veiledningen" if layer == NATIONAL else "Rutinen"
        out.append(_note(key, "old_source", layer,
                         f"{what} vi bygger på er fra {source_label(source)}, mer enn {OLD_SOURCE_YEARS} år før "
                         f"{format_nb(on)}; bekreft med {'IMDi eller fylket' if layer == NATIONAL else 'fylket'}.", source))
    return tuple(out)


def elsewhere(county: County, key: str, on: date, status: str | None) -> tuple[Fact, str] | None:
    """The county's own fact on ``key`` that does not answer a case of ``status`` on ``on`` (written for
    other cases, or for another period), with the cases and period it holds for in words; None where the
    county has no fact on ``key`` at all, or one answers the case. Asked only where the case's facts
    (guide_engine/case_facts.py) found no county answer, so it looks nothing up twice."""
    facts = county.facts.get(key, ())
    if any(f.applies(on, status) for f in facts):
        return None
    for f in facts:
        scope = [f"for {cases_text(f.applies_to)}"] if f.applies_to and status not in f.applies_to else []
        if not f.period.covers(on):
            p = f.period
            scope.append(f"fra {format_nb(p.valid_from)} til {format_nb(p.valid_to)}" if p.valid_from and p.valid_to else
                         f"fra {format_nb(p.valid_from)}" if p.valid_from else f"til {format_nb(p.valid_to)}")
        return f, ", ".join(scope)
    return None


def answer(county: County, key: str, on: date, status: str | None = None, used_on: date | None = None,
           planned: bool = True) -> Answer | None:
    """The county's fact on ``key`` for a case of ``status`` on ``on`` (for a session on ``used_on``; ``planned``:
    that is its own date, not only the latest day for it), else national guidance, else None. One case asks
    once per key (guide_engine/case_facts.py)."""
    f, layer = county.fact(key, on, status), COUNTY
    if f is None:
        f, layer = national_fact(key, on, status), NATIONAL
    if f is None:
        return None
    return Answer(f, layer, tuple(notes_for(county, key, f, layer, on, status, used_on, planned)))


def marks(county: County, key: str, f: Fact, on: date, status: str) -> list[tuple[str, bool]]:
    """What makes the county's fact ``f`` on ``key`` unsure for a case of ``status`` on ``on``, in a few
    words each, and whether it is the fact's own (a temporary rule) rather than its routine's or source's:
    the engine's own notes for that case, shortened (the county overview beside its answer)."""
    out = []
    for n in notes_for(county, key, f, COUNTY, on, status):
        if n["kind"] == "other_law":
            out.append((f"skrevet for {cases_text(f.written_for)}; ikke bekreftet for {cases_text((status,))}", False))
        elif n["kind"] == "unconfirmed":
            until = format_nb(f.confirmed_until)
            out.append((f"ikke bekreftet etter {until}", False) if f.inherited else
                       (f"midlertidig ordning, ikke bekreftet etter {until}", True))
        elif n["kind"] == "old_source":
            out.append((f"gammel kilde ({source_label(f.source)})", False))
    return out


def routine_marks(county: County, on: date, status: str) -> list[str]:
    """What makes the county's routine unsure for a case of ``status`` on ``on`` (the county overview): the
    marks of its facts in force then, each once; a fact's own mark (a temporary rule) names the fact."""
    keys = load_fact_keys()
    out: dict[str, None] = {}
    for key in keys:
        f = county.fact(key, on, status)
        for text, own in (marks(county, key, f, on, status) if f is not None else ()):
            out[f"{keys[key].label}: {text}" if own else text] = None
    return list(out)


def _age_text(days: int) -> str:
    years, months = divmod(days * 12 // 365, 12)
    parts = ([f"{years} år"] if years else []) + ([f"{months} md."] if months else [])
    return " ".join(parts) or "under 1 md."


def fact_ages(on: date) -> list[dict]:
    """Every county fact and every piece of national guidance with its source's date and age on ``on``,
    oldest source first: what the people who keep the data should re-check first."""
    from .counties import all_counties

    rows = []
    layers = [(c.id, c.name, COUNTY, c.facts) for c in all_counties().values()]
    layers.append(("nasjonal", "Nasjonal veiledning", NATIONAL, load_national()))
    keys = load_fact_keys()
    sources = load_sources()
    for cid, name, layer, facts in layers:
        for key, fs in facts.items():
            for f in fs:
                sd = source_date(sources[f.source].as_of)
                rows.append({
                    "county": cid, "county_name": name, "layer": layer, "key": key, "label": keys[key].label,
                    "source": f.source, "source_title": sources[f.source].title, "source_date": sd.isoformat(),
                    "source_label": source_label(f.source), "age_days": (on - sd).days, "age_text": _age_text(max((on - sd).days, 0)),
                    "old": is_old(f.source, on), "verified": f.verified.isoformat(),
                    "confirmed_until": f.confirmed_until.isoformat() if f.confirmed_until else None,
                    "estimated": f.period_note is not None,
                    "written_for": cases_text(f.written_for) if f.written_for else None,
                })
    rows.sort(key=lambda r: (r["source_date"], r["county_name"], list(keys).index(r["key"])))
    return rows
