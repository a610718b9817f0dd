"""counties/<id>.toml (one file per county, current and historical) and national.toml (national
guidance in the county format): their facts with periods, sources and scopes, their contacts, and
the rules across files (mutual predecessor links, e-mail addresses only on the county's own domains,
no verified date after the build's)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from .files import cached, data_dir, read_toml
from .reader import ID, DataError, Reader, email, enum, text
from .records import CONFIRMATION_SCOPES, Confirmation, Contact, County, Fact, Period, Routine
from .sources import carried_sources, check_refs, check_source, load_sources
from .fact_keys import load_fact_keys
from .vocabularies import load_mailbox_stems, settled_statuses

_EMAIL_ANYWHERE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _parse_fact(file: str, key: str, i: int, table: Any, county_period: Period | None = None) -> Fact:
    r = Reader(file, f"facts.{key}[{i}]", table)
    check = load_fact_keys()[key].check
    value = r.get("value", check, True, check.__doc__ or f"en gyldig verdi for {key}")
    fact_text = r.text("text")
    if "source" not in table:
        raise r.fail("source", "mangler: hvert faktum må ha en kilde")
    source = r.text("source")
    check_source(r, "source", source)
    verified = r.date("verified")
    quote = r.text("quote", required=False)
    refs = r.ids("references")
    check_refs(r, "references", refs)
    period = r.period()
    if county_period is not None and (period.valid_from or period.valid_to):  # without one it inherits its routine's
        r.within(period, county_period, "fylket")
    period_note = r.text("period_note", required=False)
    confirmed_until = _confirmed_until(r, period)
    scopes = settled_statuses()
    applies_to = r.get("applies_to", lambda v: isinstance(v, list) and len(v) > 0 and all(x in scopes for x in v),
                       False, "en liste med status-id-er: " + " / ".join(scopes))
    r.done()
    return Fact(key, value, fact_text, source, verified, period, quote, refs, period_note, confirmed_until, tuple(applies_to or ()))


def _confirmed_until(r: Reader, period: Period) -> date | None:
    d = r.date("confirmed_until", required=False)
    if d and ((period.valid_from and d < period.valid_from) or (period.valid_to and d >= period.valid_to)):
        raise r.fail("confirmed_until", "må ligge innenfor perioden (før valid_to, ikke før valid_from)")
    return d


def _inherit(f: Fact, routine: Routine | None) -> Fact:
    """A fact without its own period takes its routine's period, estimate note and confirmed-until date;
    every fact not scoped by itself (``applies_to``) takes the statuses its routine was written for."""
    if routine is None:
        return f
    if routine.written_for and not f.applies_to:
        f = replace(f, written_for=routine.written_for)
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


def _email_domain_ok(address: str, domains: tuple[str, ...]) -> bool:
    domain = address.rsplit("@", 1)[1].lower()
    return any(domain == d or domain.endswith("." + d) for d in domains)


def looks_private(address: str) -> bool:
    """A person's name before the @ (ola.nordmann@…): two or more words of letters joined by ".", "_" or
    "-", none holding a stem of vocabularies/mailboxes.toml."""
    words = re.split(r"[._-]", address.split("@", 1)[0].lower())
    if len(words) < 2 or not all(re.fullmatch(r"[a-zæøåäöéü]+", w) for w in words):
        return False
    return not any(stem in w for w in words for stem in load_mailbox_stems())


def private_message(address: str) -> str:
    domain = address.rsplit("@", 1)[-1]
    return (f"{address} ser ut som en persons e-postadresse (et navn foran @). Oppgi en fellespostkasse, "
            f"for eksempel karriere@{domain}, ikke en persons adresse")


def _check_emails_anywhere(file: str, path: str, v: Any, domains: tuple[str, ...], person: bool = False) -> None:
    """Every e-mail address written anywhere in a county file (text, quote, value) is on its own domains,
    and none looks like a person's except in a contact of kind "person" (one the county itself publishes)."""
    if isinstance(v, dict):
        person = person or (path.startswith("contacts[") and v.get("kind") == "person")
        for k, x in v.items():
            if k != "email_domains":
                _check_emails_anywhere(file, f"{path}.{k}" if path else k, x, domains, person)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            _check_emails_anywhere(file, f"{path}[{i}]", x, domains, person)
    elif isinstance(v, str):
        for found in _EMAIL_ANYWHERE.findall(v):
            if not _email_domain_ok(found, domains):
                raise DataError(file, path, f"{found} er ikke på fylkets egne domener {list(domains)}")
            if not person and looks_private(found):
                raise DataError(file, path, private_message(found))


def _fact_entries(file: str, key: str, entries: Any) -> list:
    """The ``[[facts.<key>]]`` entries of a file, for a key fact_keys.toml knows."""
    if key not in load_fact_keys():
        raise DataError(file, f"facts.{key}", "ukjent faktanøkkel (se data/README.md)")
    if not isinstance(entries, list) or not entries:
        raise DataError(file, f"facts.{key}", "forventet [[facts.<nøkkel>]]-oppføringer")
    return entries


def _no_overlap(file: str, key: str, parsed: tuple[Fact, ...]) -> None:
    for i, a in enumerate(parsed):
        if any(_overlaps(a.period, b.period) for b in parsed[i + 1:]):
            raise DataError(file, f"facts.{key}", "to oppføringer gjelder samme periode")


def _routine(file: str, raw: dict, period: Period) -> Routine:
    rr = Reader(file, "routine", raw)
    rsource = rr.text("source")
    check_source(rr, "source", rsource)
    routine_period = rr.period(from_required=True)
    rr.within(routine_period, period, "fylket")
    scopes = settled_statuses()
    written_for = rr.get("written_for", lambda v: isinstance(v, list) and len(v) > 0 and all(x in scopes for x in v),
                         False, "en liste med status-id-er: " + " / ".join(scopes))
    routine = Routine(rr.text("title"), rsource, routine_period, rr.text("period_note", required=False),
                      _confirmed_until(rr, routine_period), tuple(written_for or ()))
    rr.done()
    return routine


def _host(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def _contact(file: str, i: int, table: Any, domains: tuple[str, ...]) -> Contact:
    cr = Reader(file, f"contacts[{i}]", table)
    kind = cr.get("kind", enum("mailbox", "person", "website"), True)
    address = cr.get("email", email, False)
    if address and not _email_domain_ok(address, domains):
        # Guards the privacy rule: municipal and NAV staff addresses are never published.
        raise cr.fail("email", f"{address} er ikke på fylkets egne domener {list(domains)}")
    csource = cr.text("source")
    check_source(cr, "source", csource)
    url = cr.get("url", lambda v: isinstance(v, str) and re.fullmatch(r"https://[^\s/]+(/\S*)?", v) is not None,
                 kind == "website", "en https-adresse")
    if url:
        # A website is sourced by a page on that same site: never a guessed address.
        page = load_sources()[csource].url
        if not page or _host(page) != _host(url):
            raise cr.fail("url", f"{url} ligger ikke på samme nettsted som kilden {csource!r} ({page or 'kilden har ingen url'})")
    contact = Contact(kind=kind, name=cr.text("name"), role=cr.text("role"), source=csource, verified=cr.date("verified"),
                      as_of=cr.as_of("as_of"), email=address, phone=cr.text("phone", required=False),
                      municipality=cr.text("municipality", required=False), url=url)
    cr.done()
    return contact


def _confirmation(file: str, i: int, table: Any, period: Period, routine: Routine | None, facts: dict) -> Confirmation:
    """One ``[[confirmations]]`` entry: the county's own dated word that what the page shows is right."""
    r = Reader(file, f"confirmations[{i}]", table)
    confirmed = r.date("date")
    if not period.covers(confirmed):
        raise r.fail("date", f"{confirmed.isoformat()} ligger utenfor fylkets periode")
    by = r.text("by")
    keys = load_fact_keys()
    covers = r.get("covers", lambda v: isinstance(v, list) and len(v) > 0 and all(x in CONFIRMATION_SCOPES or x in keys for x in v),
                   True, "en liste med «routine», «contacts» og/eller faktanøkler fra fact_keys.toml")
    for scope in covers:
        if (scope == "routine" and routine is None) or (scope in keys and scope not in facts):
            raise r.fail("covers", f"{scope!r}: filen har ingen slik rutine eller slikt faktum å bekrefte")
    note = r.text("note", required=False)
    r.done()
    return Confirmation(confirmed, by, tuple(covers), note)


def parse_county(file: str, raw: dict) -> County:
    """Validate one county table (as read from TOML) and build the County record."""
    r = Reader(file, "", raw)
    cid = r.text("id")
    if not ID.match(cid) or file != f"{cid}.toml":
        raise r.fail("id", f"{cid!r} må være lik filnavnet og bestå av a-z, 0-9 og bindestrek")
    name = r.text("name")
    period = r.period(from_required=True)
    # An empty list is allowed: then the file may hold no e-mail address at all.
    domains = r.get("email_domains", lambda v: isinstance(v, list) and all(text(x) for x in v), True, "en liste med domener")
    domains = tuple(d.lower() for d in domains)
    _check_emails_anywhere(file, "", raw, domains)
    predecessors, successors = r.ids("predecessors"), r.ids("successors")
    summary = r.text("summary", required=False)

    present, raw_routine = r.raw("routine", required=False)
    routine = _routine(file, raw_routine, period) if present else None

    facts: dict[str, tuple[Fact, ...]] = {}
    present, ft = r.raw("facts", required=False)
    if present and not isinstance(ft, dict):
        raise r.fail("facts", "forventet tabeller [[facts.<nøkkel>]]")
    for key, entries in (ft or {}).items():
        entries = _fact_entries(file, key, [entries] if isinstance(entries, dict) else entries)
        parsed = tuple(_inherit(_parse_fact(file, key, i, e, period), routine) for i, e in enumerate(entries))
        _no_overlap(file, key, parsed)
        for f in parsed:
            if key == "booking_mailbox" and not _email_domain_ok(f.value, domains):
                raise DataError(file, f"facts.{key}", f"{f.value} er ikke på fylkets domener {list(domains)}")
        facts[key] = parsed

    _, raw_contacts = r.raw("contacts", required=False)
    contacts = tuple(_contact(file, i, table, domains) for i, table in enumerate(raw_contacts or []))
    _, raw_confirmations = r.raw("confirmations", required=False)
    if raw_confirmations is not None and not isinstance(raw_confirmations, list):
        raise r.fail("confirmations", "forventet [[confirmations]]-oppføringer")
    confirmations = tuple(_confirmation(file, i, t, period, routine, facts) for i, t in enumerate(raw_confirmations or []))
    r.raw("sources", required=False)
    carried_sources(file, raw)  # checked here too; load_sources() merges them into the registry
    r.done()
    return County(cid, name, period, domains, predecessors, successors, summary, routine, facts, contacts, confirmations)


@cached
def load_counties() -> dict[str, County]:
    """All county files, validated, keyed by id (sorted by name)."""
    folder = data_dir() / "counties"
    counties: dict[str, County] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        county = parse_county(entry.name, read_toml(entry.name, entry))
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
    r = Reader(name, "", read_toml(name))
    ft = r.get("facts", lambda v: isinstance(v, dict) and len(v) > 0, True, "tabeller [[facts.<nøkkel>]]")
    r.done()
    out: dict[str, tuple[Fact, ...]] = {}
    for key, entries in ft.items():
        parsed = tuple(_parse_fact(name, key, i, e) for i, e in enumerate(_fact_entries(name, key, entries)))
        for i, a in enumerate(parsed):
            if a.period.valid_from is None:
                raise DataError(name, f"facts.{key}[{i}].valid_from", "mangler: nasjonal veiledning gjelder fra en dato")
        _no_overlap(name, key, parsed)
        out[key] = parsed
    return out


def check_verified_dates(counties: dict[str, County], today: date) -> None:
    """No fact or contact was verified, and no confirmation given, after ``today`` (the build passes its own
    date; the engine never reads the clock). Raises DataError naming the file and the key."""
    for c in counties.values():
        file = f"{c.id}.toml"
        dated = [(f"facts.{key}[{i}].verified", f.verified) for key, fs in c.facts.items() for i, f in enumerate(fs)]
        dated += [(f"contacts[{i}].verified", ct.verified) for i, ct in enumerate(c.contacts)]
        for key, verified in dated:
            if verified > today:
                raise DataError(file, key, f"{verified.isoformat()} ligger fram i tid (i dag er {today.isoformat()}); "
                                           "skriv datoen da faktumet faktisk ble kontrollert")
        for i, cf in enumerate(c.confirmations):
            if cf.confirmed > today:
                raise DataError(file, f"confirmations[{i}].date", f"{cf.confirmed.isoformat()} ligger fram i tid "
                                                                  f"(i dag er {today.isoformat()}); skriv datoen da fylket bekreftet")
