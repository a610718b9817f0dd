"""Load and validate the data files under ``guide_engine/data`` (see data/README.md).

Standard library only: the same loader runs in CPython and in Pyodide. Every rule a file breaks
raises ``DataError`` naming the file and the key, so a bad fact fails the build, not the user.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

DATA_PACKAGE = "guide_engine"

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$")
_AS_OF = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class DataError(ValueError):
    """A data file breaks a rule of data/README.md."""

    def __init__(self, file: str, key: str, message: str) -> None:
        super().__init__(f"{file}: {key}: {message}")
        self.file, self.key, self.message = file, key, message


# --- caches ---------------------------------------------------------------------------------

_CACHES: list = []


def cached(fn):
    """``lru_cache`` whose cache ``reload()`` clears (every loader and every cache derived from data)."""
    c = lru_cache(maxsize=None)(fn)
    _CACHES.append(c)
    return c


def register(cache):
    """Let ``reload()`` clear a cache made elsewhere (anything with ``cache_clear``); returns it."""
    _CACHES.append(cache)
    return cache


def reload() -> None:
    """Forget every loaded data file and everything derived from one (mkdocs serve rebuilds in one process)."""
    for c in _CACHES:
        c.cache_clear()


# --- value checkers -------------------------------------------------------------------------


def _text(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _enum(*allowed: str) -> Callable[[Any], bool]:
    def check(v: Any) -> bool:
        return v in allowed

    check.__doc__ = " / ".join(allowed)
    return check


def _text_list(v: Any) -> bool:
    return isinstance(v, list) and len(v) > 0 and all(_text(x) for x in v)


def _email(v: Any) -> bool:
    return isinstance(v, str) and _EMAIL.match(v) is not None


def _criteria(v: Any) -> bool:
    return isinstance(v, list) and len(v) > 0 and all(isinstance(x, str) and x in load_priority_criteria() for x in v)


_criteria.__doc__ = "en liste med id-er fra priority.toml"


_int.__doc__ = "et heltall (0 eller mer)"
_text.__doc__ = "tekst"
_email.__doc__ = "en e-postadresse"
_text_list.__doc__ = "en liste med tekster"

# The value types a fact key may have (data/fact_keys.toml names one per key).
VALUE_TYPES: dict[str, Callable[[Any], bool]] = {
    "text": _text,
    "integer": _int,
    "email": _email,
    "text_list": _text_list,
    "criteria": _criteria,
}

_EMAIL_ANYWHERE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


# --- records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    kind: str
    as_of: str
    language: str = "nb"  # optional in the file: the source's language ("nn" for nynorsk), for lang= on quotes
    url: str | None = None
    note: str | None = None
    as_of_text: str | None = None  # optional: the date in words where as_of is coarser ("høsten 2020")


@dataclass(frozen=True)
class Reference:
    """A legal provision of references.toml; its id is also its anchor on the legal-basis page."""

    id: str
    label: str
    title: str
    url: str


@dataclass(frozen=True)
class Period:
    valid_from: date | None = None
    valid_to: date | None = None

    def covers(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class Fact:
    key: str
    value: Any
    text: str
    source: str
    verified: date
    period: Period = Period()
    quote: str | None = None
    references: tuple[str, ...] = ()
    period_note: str | None = None  # optional: the period is an estimate, and how it was chosen
    confirmed_until: date | None = None  # optional: after this date the fact still applies but is unconfirmed
    applies_to: tuple[str, ...] = ()  # optional: eligibility statuses it was written for (() = every case)
    inherited: bool = False  # the period (and its note) came from the routine, not the fact itself

    def applies(self, on: date, status: str | None = None) -> bool:
        """In force on ``on`` and written for a case of ``status`` (a scoped fact needs a status)."""
        return self.period.covers(on) and (not self.applies_to or status in self.applies_to)


# Eligibility statuses a fact may be scoped to (guide_engine/eligibility.py; the covid law's
# "the municipality assesses the need" is assess_need).
STATUSES = ("right_and_duty", "right_only", "assess_need", "not_covered")


@dataclass(frozen=True)
class Routine:
    title: str
    source: str
    period: Period
    period_note: str | None = None  # the period is an estimate (e.g. an undated letter's season)
    confirmed_until: date | None = None  # the source confirms the routine only until this date


@dataclass(frozen=True)
class County:
    id: str
    name: str
    period: Period
    email_domains: tuple[str, ...]
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    summary: str | None = None
    routine: Routine | None = None
    facts: dict[str, tuple[Fact, ...]] = field(default_factory=dict)
    contacts: tuple[Contact, ...] = ()

    def exists_on(self, on: date) -> bool:
        return self.period.covers(on)

    def fact(self, key: str, on: date, status: str | None = None) -> Fact | None:
        """The fact in force on a date (for a case of ``status``), or None where the county's sources say nothing."""
        if key not in load_fact_keys():
            raise KeyError(key)
        for f in self.facts.get(key, ()):
            if f.applies(on, status):
                return f
        return None

    def routine_on(self, on: date) -> Routine | None:
        if self.routine and self.routine.period.covers(on):
            return self.routine
        return None


@dataclass(frozen=True)
class Contact:
    """A published contact of a county: a functional mailbox or a person the county itself names."""

    kind: str  # "mailbox", "person" or "website" (the county's own website, from a page on that site)
    name: str
    role: str
    # Where it is published, when someone last checked it, and the date the publisher gave it.
    source: str
    verified: date
    as_of: str
    # Optional; an e-mail address is always on the county's own domains.
    email: str | None = None
    phone: str | None = None
    municipality: str | None = None
    url: str | None = None  # an https address on the same site as the source page (required for "website")


@dataclass(frozen=True)
class Search:
    """One search for a county's routine and contacts (data/searches.toml): when, where, what was found."""

    county: str
    searched: date
    where: str
    queries: tuple[str, ...]
    result: str  # one of SEARCH_RESULTS
    found: str
    sources: tuple[str, ...] = ()


# What a search led to: a routine (or facts) added, only a way to reach the county, or nothing usable.
SEARCH_RESULTS = ("routine", "contact", "nothing")


def _host(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


# --- parsing helpers ------------------------------------------------------------------------


class _Reader:
    """Reads one table, remembering the file and key path for error messages."""

    def __init__(self, file: str, path: str, table: Any) -> None:
        if not isinstance(table, dict):
            raise DataError(file, path or "(top)", "forventet en tabell")
        self.file, self.path, self.table = file, path, table
        self.seen: set[str] = set()

    def key(self, k: str) -> str:
        return f"{self.path}.{k}" if self.path else k

    def fail(self, k: str, message: str) -> DataError:
        return DataError(self.file, self.key(k), message)

    def _raw(self, k: str, required: bool) -> tuple[bool, Any]:
        """(True, value) when the key is there, (False, None) when an optional key is absent."""
        self.seen.add(k)
        if k in self.table:
            return True, self.table[k]
        if required:
            raise self.fail(k, "mangler")
        return False, None

    def get(self, k: str, check: Callable[[Any], bool], required: bool, what: str) -> Any:
        present, v = self._raw(k, required)
        if present and not check(v):
            raise self.fail(k, f"ugyldig verdi {v!r}: forventet {what}")
        return v

    def text(self, k: str, required: bool = True) -> str | None:
        return self.get(k, _text, required, "tekst")

    def date(self, k: str, required: bool = True) -> date | None:
        present, v = self._raw(k, required)
        if not present:
            return None
        if isinstance(v, date):  # TOML's own date literal
            return v
        if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            try:
                return date.fromisoformat(v)
            except ValueError:
                pass
        raise self.fail(k, f"ugyldig dato {v!r}: forventet ÅÅÅÅ-MM-DD")

    def as_of(self, k: str) -> str:
        return self.get(k, lambda v: isinstance(v, str) and _AS_OF.match(v) is not None, True, "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")

    def ids(self, k: str) -> tuple[str, ...]:
        v = self.get(k, lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), False, "en liste med id-er")
        return tuple(v or ())

    def period(self, from_required: bool = False) -> Period:
        """valid_from/valid_to; an end before the start stops the build (the period would cover no day)."""
        p = Period(self.date("valid_from", required=from_required), self.date("valid_to", required=False))
        if p.valid_from and p.valid_to and p.valid_to < p.valid_from:
            raise self.fail("valid_to", f"{p.valid_to.isoformat()} ligger før valid_from {p.valid_from.isoformat()}")
        return p

    def within(self, p: Period, outer: Period, what: str) -> None:
        """A routine's or fact's period lies inside its county's (a county that ended has no open fact)."""
        if outer.valid_from and p.valid_from and p.valid_from < outer.valid_from:
            raise self.fail("valid_from", f"{p.valid_from.isoformat()} ligger før {what} begynte ({outer.valid_from.isoformat()})")
        if outer.valid_to and (p.valid_to is None or p.valid_to > outer.valid_to):
            shown = p.valid_to.isoformat() if p.valid_to else "mangler"
            raise self.fail("valid_to", f"{shown}: må ligge senest da {what} ble avviklet ({outer.valid_to.isoformat()})")

    def done(self) -> None:
        unknown = sorted(set(self.table) - self.seen)
        if unknown:
            raise self.fail(unknown[0], "ukjent nøkkel")


def _data_dir():
    return resources.files(DATA_PACKAGE) / "data"


def _read_toml(path, name: str) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise DataError(name, "(fil)", f"ugyldig TOML: {e}") from None


def _tables(name: str):
    """(key, reader) for each top-level table of a data file; the reader is checked for unknown keys
    once the loop body has read it."""
    for key, table in _read_toml(_data_dir() / name, name).items():
        r = _Reader(name, key, table)
        yield key, r
        r.done()


# --- loaders --------------------------------------------------------------------------------


@cached
def load_sources() -> dict[str, Source]:
    out: dict[str, Source] = {}
    for sid, r in _tables("sources.toml"):
        out[sid] = Source(
            id=sid,
            title=r.text("title"),
            publisher=r.text("publisher"),
            kind=r.text("kind"),
            as_of=r.as_of("as_of"),
            url=r.text("url", required=False),
            note=r.text("note", required=False),
            language=r.get("language", _enum("nb", "nn"), False, "nb / nn") or "nb",
            as_of_text=r.text("as_of_text", required=False),
        )
    return out


@cached
def load_references() -> dict[str, Reference]:
    out: dict[str, Reference] = {}
    for rid, r in _tables("references.toml"):
        if not _ID.match(rid):
            raise DataError(r.file, rid, "id-en må være små bokstaver, tall og bindestrek (den er også ankeret)")
        url = r.get("url", lambda v: isinstance(v, str) and v.startswith("https://"), True, "en https-adresse")
        out[rid] = Reference(rid, r.text("label"), r.text("title"), url)
    return out


def _check_refs(r: _Reader, k: str, refs: tuple[str, ...]) -> None:
    known = load_references()
    for ref in refs:
        if ref not in known:
            raise r.fail(k, f"ukjent lovhenvisning {ref!r} (ikke i references.toml)")


def _check_source(r: _Reader, k: str, sid: str) -> None:
    if sid not in load_sources():
        raise r.fail(k, f"ukjent kilde {sid!r} (ikke i sources.toml)")


def _parse_fact(file: str, key: str, i: int, table: Any, county_period: Period | None = None) -> Fact:
    r = _Reader(file, f"facts.{key}[{i}]", table)
    check = load_fact_keys()[key].check
    value = r.get("value", check, True, check.__doc__ or f"en gyldig verdi for {key}")
    text = r.text("text")
    if "source" not in table:
        raise r.fail("source", "mangler: hvert faktum må ha en kilde")
    source = r.text("source")
    _check_source(r, "source", source)
    verified = r.date("verified")
    quote = r.text("quote", required=False)
    refs = r.ids("references")
    _check_refs(r, "references", refs)
    period = r.period()
    if county_period is not None and (period.valid_from or period.valid_to):  # without one it inherits its routine's
        r.within(period, county_period, "fylket")
    period_note = r.text("period_note", required=False)
    confirmed_until = _confirmed_until(r, period)
    applies_to = r.get("applies_to", lambda v: isinstance(v, list) and len(v) > 0 and all(x in STATUSES for x in v),
                       False, "en liste med status-id-er: " + " / ".join(STATUSES))
    r.done()
    return Fact(key, value, text, source, verified, period, quote, refs, period_note, confirmed_until, tuple(applies_to or ()))


def _confirmed_until(r: "_Reader", period: Period) -> date | None:
    d = r.date("confirmed_until", required=False)
    if d and ((period.valid_from and d < period.valid_from) or (period.valid_to and d >= period.valid_to)):
        raise r.fail("confirmed_until", "må ligge innenfor perioden (før valid_to, ikke før valid_from)")
    return d


def _inherit(f: Fact, routine: Routine | None) -> Fact:
    """A fact without its own period takes its routine's period, estimate note and confirmed-until date."""
    if routine is None:
        return f
    own = f.period.valid_from is not None or f.period.valid_to is not None
    if own:
        if f.confirmed_until is None and routine.confirmed_until and f.period.covers(routine.confirmed_until) \
                and routine.confirmed_until != f.period.valid_to:
            return replace(f, confirmed_until=routine.confirmed_until)
        return f
    return replace(f, period=routine.period, period_note=f.period_note or routine.period_note,
                   confirmed_until=f.confirmed_until or routine.confirmed_until, inherited=True)


def _overlaps(a: Period, b: Period) -> bool:
    a_from, a_to = a.valid_from or date.min, a.valid_to or date.max
    b_from, b_to = b.valid_from or date.min, b.valid_to or date.max
    return a_from <= b_to and b_from <= a_to


def _email_domain_ok(email: str, domains: tuple[str, ...]) -> bool:
    domain = email.rsplit("@", 1)[1].lower()
    return any(domain == d or domain.endswith("." + d) for d in domains)


def _check_emails_anywhere(file: str, path: str, v: Any, domains: tuple[str, ...]) -> None:
    """Every e-mail address written anywhere in a county file (text, quote, value) is on its own domains."""
    if isinstance(v, dict):
        for k, x in v.items():
            if k != "email_domains":
                _check_emails_anywhere(file, f"{path}.{k}" if path else k, x, domains)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            _check_emails_anywhere(file, f"{path}[{i}]", x, domains)
    elif isinstance(v, str):
        for email in _EMAIL_ANYWHERE.findall(v):
            if not _email_domain_ok(email, domains):
                raise DataError(file, path, f"{email} er ikke på fylkets egne domener {list(domains)}")


def parse_county(file: str, raw: dict) -> County:
    """Validate one county table (as read from TOML) and build the County record."""
    r = _Reader(file, "", raw)
    cid = r.text("id")
    if not _ID.match(cid) or file != f"{cid}.toml":
        raise r.fail("id", f"{cid!r} må være lik filnavnet og bestå av a-z, 0-9 og bindestrek")
    name = r.text("name")
    period = r.period(from_required=True)
    # An empty list is allowed: then the file may hold no e-mail address at all.
    domains = r.get(
        "email_domains", lambda v: isinstance(v, list) and all(_text(x) for x in v), True, "en liste med domener"
    )
    domains = tuple(d.lower() for d in domains)
    _check_emails_anywhere(file, "", raw, domains)
    predecessors, successors = r.ids("predecessors"), r.ids("successors")
    summary = r.text("summary", required=False)

    routine = None
    if "routine" in raw:
        rr = _Reader(file, "routine", raw["routine"])
        r.seen.add("routine")
        rsource = rr.text("source")
        _check_source(rr, "source", rsource)
        routine_period = rr.period(from_required=True)
        rr.within(routine_period, period, "fylket")
        routine = Routine(rr.text("title"), rsource, routine_period, rr.text("period_note", required=False),
                          _confirmed_until(rr, routine_period))
        rr.done()

    facts: dict[str, tuple[Fact, ...]] = {}
    if "facts" in raw:
        r.seen.add("facts")
        ft = raw["facts"]
        if not isinstance(ft, dict):
            raise r.fail("facts", "forventet tabeller [[facts.<nøkkel>]]")
        for key, entries in ft.items():
            if key not in load_fact_keys():
                raise DataError(file, f"facts.{key}", "ukjent faktanøkkel (se data/README.md)")
            if isinstance(entries, dict):
                entries = [entries]
            if not isinstance(entries, list) or not entries:
                raise DataError(file, f"facts.{key}", "forventet [[facts.<nøkkel>]]-oppføringer")
            parsed = tuple(_inherit(_parse_fact(file, key, i, e, period), routine) for i, e in enumerate(entries))
            for i, a in enumerate(parsed):
                for b in parsed[i + 1 :]:
                    if _overlaps(a.period, b.period):
                        raise DataError(file, f"facts.{key}", "to oppføringer gjelder samme periode")
            for f in parsed:
                if key == "booking_mailbox" and not _email_domain_ok(f.value, domains):
                    raise DataError(file, f"facts.{key}", f"{f.value} er ikke på fylkets domener {list(domains)}")
            facts[key] = parsed

    contacts = []
    for i, table in enumerate(raw.get("contacts", [])):
        r.seen.add("contacts")
        cr = _Reader(file, f"contacts[{i}]", table)
        kind = cr.get("kind", _enum("mailbox", "person", "website"), True, "mailbox / person / website")
        email = cr.get("email", _email, False, "en e-postadresse")
        if email and not _email_domain_ok(email, domains):
            # Guards the privacy rule: municipal and NAV staff addresses are never published.
            raise cr.fail("email", f"{email} er ikke på fylkets egne domener {list(domains)}")
        csource = cr.text("source")
        _check_source(cr, "source", csource)
        url = cr.get("url", lambda v: isinstance(v, str) and re.fullmatch(r"https://[^\s/]+(/\S*)?", v) is not None,
                     kind == "website", "en https-adresse")
        if url:
            # A website is sourced by a page on that same site: never a guessed address.
            page = load_sources()[csource].url
            if not page or _host(page) != _host(url):
                raise cr.fail("url", f"{url} ligger ikke på samme nettsted som kilden {csource!r} ({page or 'kilden har ingen url'})")
        contacts.append(
            Contact(
                kind=kind,
                name=cr.text("name"),
                role=cr.text("role"),
                source=csource,
                verified=cr.date("verified"),
                as_of=cr.as_of("as_of"),
                email=email,
                phone=cr.text("phone", required=False),
                municipality=cr.text("municipality", required=False),
                url=url,
            )
        )
        cr.done()
    r.done()
    return County(cid, name, period, domains, predecessors, successors, summary, routine, facts, tuple(contacts))


@cached
def load_counties() -> dict[str, County]:
    """All county files, validated, keyed by id (sorted by name)."""
    folder = _data_dir() / "counties"
    counties: dict[str, County] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        county = parse_county(entry.name, _read_toml(entry, entry.name))
        counties[county.id] = county
    for c in counties.values():
        for key, others, back in (("predecessors", c.predecessors, "successors"), ("successors", c.successors, "predecessors")):
            for other in others:
                if other not in counties:
                    raise DataError(f"{c.id}.toml", key, f"ukjent fylke {other!r}")
                if c.id not in getattr(counties[other], back):
                    raise DataError(f"{c.id}.toml", key, f"{other!r} mangler {c.id!r} i sin {back}-liste")
    return dict(sorted(counties.items(), key=lambda kv: kv[1].name))


@cached
def load_national() -> dict[str, tuple[Fact, ...]]:
    """National guidance (data/national.toml): facts in the county format, used where a county's routine is silent."""
    name = "national.toml"
    raw = _read_toml(_data_dir() / name, name)
    r = _Reader(name, "", raw)
    ft = r.get("facts", lambda v: isinstance(v, dict) and len(v) > 0, True, "tabeller [[facts.<nøkkel>]]")
    r.done()
    out: dict[str, tuple[Fact, ...]] = {}
    for key, entries in ft.items():
        if key not in load_fact_keys():
            raise DataError(name, f"facts.{key}", "ukjent faktanøkkel (se data/README.md)")
        if not isinstance(entries, list) or not entries:
            raise DataError(name, f"facts.{key}", "forventet [[facts.<nøkkel>]]-oppføringer")
        parsed = tuple(_parse_fact(name, key, i, e) for i, e in enumerate(entries))
        for i, a in enumerate(parsed):
            if a.period.valid_from is None:
                raise DataError(name, f"facts.{key}[{i}].valid_from", "mangler: nasjonal veiledning gjelder fra en dato")
            if any(_overlaps(a.period, b.period) for b in parsed[i + 1:]):
                raise DataError(name, f"facts.{key}", "to oppføringer gjelder samme periode")
        out[key] = parsed
    return out


def check_verified_dates(counties: dict[str, County], today: date) -> None:
    """No fact or contact was verified after ``today`` (the build passes its own date; the engine never
    reads the clock). Raises DataError naming the file and the key."""
    for c in counties.values():
        file = f"{c.id}.toml"
        dated = [(f"facts.{key}[{i}].verified", f.verified) for key, fs in c.facts.items() for i, f in enumerate(fs)]
        dated += [(f"contacts[{i}].verified", ct.verified) for i, ct in enumerate(c.contacts)]
        for key, verified in dated:
            if verified > today:
                raise DataError(file, key, f"{verified.isoformat()} ligger fram i tid (i dag er {today.isoformat()}); "
                                           "skriv datoen da faktumet faktisk ble kontrollert")


@cached
def load_searches() -> dict[str, tuple[Search, ...]]:
    """data/searches.toml: the search record per county. Every county that exists today (no valid_to) has one;
    a search that found a routine or a contact names the source the county file cites for it."""
    name = "searches.toml"
    raw = _read_toml(_data_dir() / name, name)
    counties = load_counties()
    out: dict[str, tuple[Search, ...]] = {}
    for cid, entries in raw.items():
        if cid not in counties:
            raise DataError(name, cid, "ukjent fylke (ingen fil i counties/)")
        if not isinstance(entries, list) or not entries:
            raise DataError(name, cid, f"forventet [[{cid}]]-oppføringer")
        county, parsed = counties[cid], []
        for i, table in enumerate(entries):
            r = _Reader(name, f"{cid}[{i}]", table)
            result = r.get("result", _enum(*SEARCH_RESULTS), True, " / ".join(SEARCH_RESULTS))
            sources = r.ids("sources")
            for sid in sources:
                _check_source(r, "sources", sid)
            cited = {c.source for c in county.contacts} if result == "contact" else (
                {county.routine.source} if result == "routine" and county.routine else set())
            if result != "nothing" and not cited & set(sources):
                raise r.fail("sources", f"resultatet {result!r} må nevne kilden fylkesfilen bruker for det "
                                        f"({sorted(cited) or 'fylkesfilen har ingen'})")
            queries = r.get("queries", lambda v: _text_list(v) and len(v) > 0, True, "en liste med søk")
            parsed.append(Search(cid, r.date("searched"), r.text("where"), tuple(queries), result, r.text("found"),
                                 sources))
            r.done()
        out[cid] = tuple(parsed)  # in the file's order, so an error's index names the entry
    for c in counties.values():
        if c.period.valid_to is None and c.id not in out:
            raise DataError(name, c.id, f"mangler: {c.name} finnes i dag og må ha en søkeopptegnelse")
    return dict(sorted(out.items(), key=lambda kv: counties[kv[0]].name))


def check_search_dates(searches: dict[str, tuple[Search, ...]], today: date) -> None:
    """No search is dated after ``today`` (the build passes its own date)."""
    for cid, entries in searches.items():
        for i, s in enumerate(entries):
            if s.searched > today:
                raise DataError("searches.toml", f"{cid}[{i}].searched",
                                f"{s.searched.isoformat()} ligger fram i tid (i dag er {today.isoformat()})")


def load_rules(name: str) -> dict:
    """A rule-family file from data/rules (its own module validates its shape)."""
    return _read_toml(_data_dir() / "rules" / f"{name}.toml", f"rules/{name}.toml")


# --- vocabularies: fact keys, priority criteria, labels -------------------------------------


@dataclass(frozen=True)
class FactKey:
    key: str
    type: str
    label: str
    core: bool
    meaning: str
    check: Callable[[Any], bool]
    values: tuple[str, ...] = ()


@cached
def load_fact_keys() -> dict[str, FactKey]:
    """data/fact_keys.toml: every county fact key with its value type, label and whether it is core."""
    out: dict[str, FactKey] = {}
    for key, r in _tables("fact_keys.toml"):
        kind = r.get("type", _enum("enum", *VALUE_TYPES), True, "enum / " + " / ".join(VALUE_TYPES))
        values = r.get("values", _text_list, kind == "enum", "en liste med verdier")
        if values and kind != "enum":
            raise r.fail("values", "bare for type = \"enum\"")
        check = _enum(*values) if kind == "enum" else VALUE_TYPES[kind]
        core = r.get("core", lambda v: isinstance(v, bool), True, "true eller false")
        out[key] = FactKey(key, kind, r.text("label"), core, r.text("meaning"), check, tuple(values or ()))
    return out


@dataclass(frozen=True)
class Criterion:
    """A priority criterion of priority.toml: met when the answer to ``question`` is ``met_when``
    (a yes/no question) or at least ``at_least`` (a number); ``weight`` rests on ``weight_source``
    or is the site's own reading (``weight_note``)."""

    id: str
    question: str
    met_when: bool | None
    at_least: int | None
    weight: int
    weight_source: str | None
    weight_note: str | None
    label: str
    texts: tuple[str, str]  # the reason when met, when not met


@cached
def load_priority_criteria() -> dict[str, Criterion]:
    """data/priority.toml: the criteria a county may rank by, each weight with its source or note."""
    questions = {q["id"]: q for q in load_questions()}
    out: dict[str, Criterion] = {}
    for cid, r in _tables("priority.toml"):
        question = r.text("question")
        if question not in questions:
            raise r.fail("question", f"ukjent spørsmål {question!r} (ikke i questions.toml)")
        met_when = r.get("met_when", lambda v: isinstance(v, bool), False, "true eller false")
        at_least = r.get("at_least", _int, False, "et heltall")
        wanted = {"boolean": "met_when", "integer": "at_least"}.get(questions[question]["type"])
        if wanted is None or (met_when is None) == (wanted == "met_when") or (at_least is None) == (wanted == "at_least"):
            raise r.fail(wanted or "question", "et ja/nei-spørsmål trenger met_when, et tallspørsmål at_least")
        weight_source = r.text("weight_source", required=False)
        if weight_source:
            _check_source(r, "weight_source", weight_source)
        weight_note = r.text("weight_note", required=False)
        if not weight_source and not weight_note:
            raise r.fail("weight_source", "mangler: en vekt har en kilde eller en merknad om at den er nettstedets egen lesing (weight_note)")
        out[cid] = Criterion(cid, question, met_when, at_least, r.get("weight", _int, True, "et heltall"), weight_source,
                             weight_note, r.text("label"), (r.text("met"), r.text("unmet")))
    return out


@cached
def load_labels() -> dict[str, Any]:
    """data/labels.toml: month names and the label sets the result, the county pages and the guide share."""
    name = "labels.toml"
    raw = _read_toml(_data_dir() / name, name)
    r = _Reader(name, "", raw)
    months = r.get("months", lambda v: _text_list(v) and len(v) == 12, True, "tolv månedsnavn")
    out: dict[str, Any] = {"months": list(months)}
    for group in ("who", "contact_kind", "priority_level"):
        g = _Reader(name, group, raw.get(group))
        r.seen.add(group)
        out[group] = {k: g.text(k) for k in g.table}
    r.done()
    return out


# --- questions and checklist tasks ----------------------------------------------------------

QUESTION_TYPES = ("choice", "date", "integer", "boolean", "text", "textarea")


@cached
def load_questions() -> tuple[dict, ...]:
    """data/questions.toml: the guide's questions, in order, each checked."""
    name = "questions.toml"
    raw = _read_toml(_data_dir() / name, name)
    questions = raw.get("question")
    if not isinstance(questions, list) or not questions:
        raise DataError(name, "question", "forventet [[question]]-oppføringer")
    seen: set[str] = set()
    for i, q in enumerate(questions):
        r = _Reader(name, f"question[{i}]", q)
        qid = r.text("id")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", qid) or qid in seen:
            raise r.fail("id", f"{qid!r} er ugyldig eller brukt før")
        seen.add(qid)
        r.path = f"question.{qid}"
        r.text("text")
        r.text("help")
        kind = r.get("type", _enum(*QUESTION_TYPES), True, " / ".join(QUESTION_TYPES))
        r.get("required", lambda v: isinstance(v, bool), True, "true eller false")
        options = r.get("options", lambda v: isinstance(v, list) and all(isinstance(o, dict) and {"value", "label"} <= set(o) for o in v),
                        False, "en liste med { value, label }")
        if kind == "choice" and not options and qid != "county":
            raise r.fail("options", "mangler: et valgspørsmål trenger svaralternativer")
        for k in ("min", "max", "max_length"):
            r.get(k, lambda v: isinstance(v, int) and not isinstance(v, bool), False, "et heltall")
        r.text("range_message", required=False)
        stage = r.get("stage", _enum(*QUESTION_STAGES), True, " / ".join(QUESTION_STAGES))
        ask_if = r.get("ask_if", lambda v: _text(v) or _text_list(v), False, "et navngitt vilkår eller en liste av dem")
        if ask_if and stage != "preparation":
            raise r.fail("ask_if", "bare for stage = \"preparation\" (reglene henter selv spørsmålene de trenger)")
        checks = r.get("checks", lambda v: isinstance(v, list), False, "en liste med { rule, than | days, message }")
        for j, check in enumerate(checks or ()):
            _question_check(_Reader(name, f"{r.path}.checks[{j}]", check), kind, seen)
        r.done()
    return tuple(questions)


QUESTION_STAGES = ("opening", "eligibility", "preparation")
CHECK_RULES = ("not_after", "not_before", "days_ahead_at_most")


def _question_check(r: _Reader, kind: str, earlier: set[str]) -> None:
    """One field rule of a date question: compares with "on" or an earlier date question, or limits days ahead."""
    if kind != "date":
        raise r.fail("rule", "regler (checks) finnes bare for datospørsmål")
    rule = r.get("rule", _enum(*CHECK_RULES), True, " / ".join(CHECK_RULES))
    if rule == "days_ahead_at_most":
        r.get("days", _int, True, "et antall dager")
    else:
        r.get("than", lambda v: v == "on" or v in earlier, True, "\"on\" eller et datospørsmål som står før")
    r.text("message")
    r.done()


CHECKLIST_WHO = ("municipality", "career_centre", "participant")


@cached
def load_checklist() -> dict[str, dict]:
    """data/checklist.toml: the checklist tasks (who, text, basis, references), each checked."""
    out: dict[str, dict] = {}
    for tid, r in _tables("checklist.toml"):
        who = r.get("who", lambda v: v in CHECKLIST_WHO or (isinstance(v, str) and v.startswith("$")), True,
                    " / ".join(CHECKLIST_WHO) + " eller en $plassholder")
        refs = r.ids("references")
        if not refs:
            raise r.fail("references", "mangler: hver oppgave har et grunnlag i loven")
        _check_refs(r, "references", refs)
        out[tid] = {"who": who, "text": r.text("text"), "basis": r.text("basis"), "references": list(refs)}
        old = r.ids("references_introduksjonsloven")  # optional: the basis under the old introduksjonsloven
        if old:
            _check_refs(r, "references_introduksjonsloven", old)
            out[tid]["references_introduksjonsloven"] = list(old)
    return out
