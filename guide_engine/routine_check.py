"""A submitted county file, checked as the build would check it, and what it would change.

``check(text, name, today)`` lays the file over the data folder (as ``counties/<id>.toml``, in memory:
nothing is written) and loads every file with the engine's own loader, so a broken rule gives the
build's own ``DataError`` (file and key). A valid file is compared with today's data fact by fact:
added, changed value, changed source or period, new check date, removed, and the county's
confirmations. The CLI (``python -m guide_engine routine check FILE``) and the browser's routine page
(through ``bridge.py``) both use it; neither decides anything of its own.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from datetime import date

from . import data_loader
from .data_loader import County, DataError, Fact
from .data_loader.files import Overlay
from .data_loader.reader import ID

# The kinds of change (their words: labels.toml [routine_change]).
KINDS = ("added", "changed_value", "changed_basis", "rechecked", "removed", "confirmation")


class Unreadable(ValueError):
    """The file is not a TOML text at all (no key to name)."""


@dataclass(frozen=True)
class Change:
    kind: str  # one of KINDS
    key: str  # where in the file: "facts.interpreter_orders", "routine", "contacts", "sources.<key>", "confirmations"
    what: str  # what it concerns, in bokmål (the fact's label, "Rutinen", a contact's name)
    detail: str  # bokmål: the old and new value, or the new entry


@dataclass
class Report:
    file: str  # the name the file must have in guide_engine/data/counties/
    county: County | None = None
    error: DataError | None = None
    changes: list[Change] = field(default_factory=list)
    existing: bool = False  # a county file of that id is in today's data
    sources: dict = field(default_factory=dict)  # the source registry with the file in place (its carried sources)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def confirmation_only(self) -> bool:
        return bool(self.changes) and all(c.kind == "confirmation" for c in self.changes)


def file_name(raw: dict, fallback: str) -> str:
    """The name the build expects: the file's own id (else the name it was given, for the error)."""
    cid = raw.get("id")
    return f"{cid}.toml" if isinstance(cid, str) and ID.match(cid) else fallback


def read(text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise Unreadable(f"Filen er ikke gyldig TOML: {e}") from None


def check(text: str, name: str, today: date) -> Report:
    """Validate ``text`` as the county file it names (by its id) and compare it with today's data."""
    raw = read(text)
    report = Report(file_name(raw, name))
    cid = report.file[: -len(".toml")]
    old = data_loader.load_counties().get(cid)
    old_sources = data_loader.load_sources()
    report.existing = old is not None
    overlay = Overlay(data_loader.files.data_dir(), {f"counties/{report.file}": text})
    try:
        with data_loader.use_data_dir(overlay):
            new_sources = data_loader.load_sources()
            counties = data_loader.load_counties()
            data_loader.check_verified_dates(counties, today)
            data_loader.check_search_dates(data_loader.load_searches(), today)
            report.county = counties[cid]
    except DataError as e:
        report.error = e
        return report
    report.sources = new_sources
    report.changes = diff(old, report.county, old_sources, new_sources)
    return report


# --- the comparison ---------------------------------------------------------------------------


def _shown(f: Fact) -> str:
    return f"«{f.text}» ({f.value!r})"


def _basis(f: Fact) -> tuple:
    return (f.source, f.period, f.period_note, f.confirmed_until, f.applies_to, f.quote, f.references)


def _basis_text(f: Fact) -> str:
    period = f"{f.period.valid_from or '…'}–{f.period.valid_to or ''}"
    return f"kilde {f.source}, periode {period}" + (f", bekreftet til {f.confirmed_until}" if f.confirmed_until else "")


def _pairs(old: tuple[Fact, ...], new: tuple[Fact, ...]) -> tuple[list, list, list]:
    """(old, new) pairs — first the entries with the same period, then the rest in order — and the unpaired."""
    olds, news, pairs = list(old), list(new), []
    for n in list(news):
        same = next((o for o in olds if o.period == n.period), None)
        if same is not None:
            pairs.append((same, n))
            olds.remove(same)
            news.remove(n)
    while olds and news:
        pairs.append((olds.pop(0), news.pop(0)))
    return pairs, news, olds


def _fact_changes(old: County | None, new: County) -> list[Change]:
    keys = data_loader.load_fact_keys()
    out: list[Change] = []
    for key, fk in keys.items():
        before, after = (old.facts.get(key, ()) if old else ()), new.facts.get(key, ())
        pairs, added, removed = _pairs(before, after)
        where = f"facts.{key}"
        for o, n in pairs:
            if (o.value, o.text) != (n.value, n.text):
                out.append(Change("changed_value", where, fk.label, f"{_shown(o)} → {_shown(n)}"))
            if _basis(o) != _basis(n):
                out.append(Change("changed_basis", where, fk.label, f"{_basis_text(o)} → {_basis_text(n)}"))
            elif o.verified != n.verified and (o.value, o.text) == (n.value, n.text):
                out.append(Change("rechecked", where, fk.label, f"kontrollert {o.verified} → {n.verified}"))
        out += [Change("added", where, fk.label, f"{_shown(n)}; {_basis_text(n)}") for n in added]
        out += [Change("removed", where, fk.label, _shown(o)) for o in removed]
    return out


def _routine_changes(old: County | None, new: County) -> list[Change]:
    a, b = (old.routine if old else None), new.routine
    if a == b:
        return []
    if a is None:
        return [Change("added", "routine", "Rutinen", f"«{b.title}», kilde {b.source}, fra {b.period.valid_from}")]
    if b is None:
        return [Change("removed", "routine", "Rutinen", f"«{a.title}», kilde {a.source}")]
    out = []
    if a.title != b.title:
        out.append(Change("changed_value", "routine", "Rutinen", f"«{a.title}» → «{b.title}»"))
    if (a.source, a.period, a.period_note, a.confirmed_until) != (b.source, b.period, b.period_note, b.confirmed_until):
        out.append(Change("changed_basis", "routine", "Rutinen",
                          f"kilde {a.source}, fra {a.period.valid_from} til {a.period.valid_to or '…'} → "
                          f"kilde {b.source}, fra {b.period.valid_from} til {b.period.valid_to or '…'}"))
    return out


def _top_changes(old: County | None, new: County) -> list[Change]:
    if old is None:
        return [Change("added", "id", new.name, "Et nytt fylke: ingen fil med denne id-en i dagens data")]
    fields = ("name", "period", "email_domains", "predecessors", "successors", "summary")
    return [Change("changed_value", f, f, f"{getattr(old, f)!r} → {getattr(new, f)!r}")
            for f in fields if getattr(old, f) != getattr(new, f)]


def _contact_changes(old: County | None, new: County) -> list[Change]:
    def ident(c):
        return (c.kind, c.email or c.url or c.name)

    before = {ident(c): c for c in (old.contacts if old else ())}
    after = {ident(c): c for c in new.contacts}
    out = []
    for k, c in after.items():
        shown = f"{c.name} ({c.email or c.url or c.role})"
        if k not in before:
            out.append(Change("added", "contacts", shown, f"{c.role}; kilde {c.source}, per {c.as_of}"))
        elif before[k] != c:
            kind = "rechecked" if replace(before[k], verified=c.verified) == c else "changed_value"
            out.append(Change(kind, "contacts", shown, f"kontrollert {before[k].verified} → {c.verified}"
                              if kind == "rechecked" else f"{before[k].role}, per {before[k].as_of} → {c.role}, per {c.as_of}"))
    out += [Change("removed", "contacts", f"{c.name} ({c.email or c.url or c.role})", c.role)
            for k, c in before.items() if k not in after]
    return out


def _source_changes(file: str, old_sources: dict, new_sources: dict) -> list[Change]:
    mine_before = {k: s for k, s in old_sources.items() if s.carried_by == file}
    mine_after = {k: s for k, s in new_sources.items() if s.carried_by == file}
    out = []
    for k, s in mine_after.items():
        shown = f"«{s.title}» ({s.publisher}, {s.kind}, per {s.as_of}{', ' + s.url if s.url else ''})"
        if k not in mine_before:
            out.append(Change("added", f"sources.{k}", "Kilde", shown))
        elif mine_before[k] != s:
            out.append(Change("changed_value", f"sources.{k}", "Kilde", shown))
    out += [Change("removed", f"sources.{k}", "Kilde", f"«{s.title}»") for k, s in mine_before.items() if k not in mine_after]
    return out


def _confirmation_changes(old: County | None, new: County) -> list[Change]:
    before = old.confirmations if old else ()
    scopes, keys = data_loader.load_labels()["confirmation_scope"], data_loader.load_fact_keys()
    return [Change("confirmation", "confirmations", "Bekreftet av fylket",
                   f"{c.confirmed} av {c.by}: {', '.join(scopes.get(s) or keys[s].label.lower() for s in c.covers)}"
                   + (f" ({c.note})" if c.note else ""))
            for c in new.confirmations if c not in before]


def diff(old: County | None, new: County, old_sources: dict, new_sources: dict) -> list[Change]:
    """Every change from today's county (None: a new file) to the submitted one: the county, the routine,
    the facts in fact-key order, the contacts, the sources the file carries, the confirmations."""
    return (_top_changes(old, new) + _routine_changes(old, new) + _fact_changes(old, new)
            + _contact_changes(old, new) + _source_changes(f"{new.id}.toml", old_sources, new_sources)
            + _confirmation_changes(old, new))


def report_lines(report: Report) -> list[str]:
    """The report as the CLI prints it (bokmål)."""
    words = data_loader.load_labels()["routine_change"]
    county = report.county
    lines = [f"{report.file}: gyldig (kontrollert med de samme reglene som byggingen)."]
    if not report.changes:
        return lines + ["Ingen endringer mot dagens data."]
    lines.append(f"Endringer mot dagens data for {county.name}:" if report.existing else f"Nytt fylke {county.name}:")
    lines += [f"- {words[c.kind]}: {c.what} ({c.key}): {c.detail}" for c in report.changes]
    if report.confirmation_only:
        lines.append("Bare en bekreftelse: ingen fakta endres.")
    return lines
