"""Where the case belongs: the municipality the answer names, resolved against the municipality
register (data/municipalities/register.toml) on the reference date; the county DERIVED from it; a
county given as well checked against it; and, when the session falls after the municipality's last
day in its county (Viken ended 31.12.2023), the county that will hold the session.

Decided once, here; the result, the referral, the CLI, the queue and the pages render it.

    >>> resolve("1506", date(2024, 6, 1))[0].name
    'Molde'
"""

from __future__ import annotations

from datetime import date

from ..counties import get_county
from ..dates import format_nb
from ..municipalities import ONE_DAY, Municipality, MunicipalityNotFound, RegisterError, find, load_register, lookup

# What the county rests on, for the result and the pages (the register's own sources: its [sources]).
SOURCE = "Kommuneregisteret i veiviseren, etter SSBs klassifikasjon av kommuner (KLASS 131) og fylker (KLASS 104)"


def data_problem() -> str | None:
    """Why the register cannot be used (the file and what is wrong), or None."""
    try:
        load_register()
    except RegisterError as e:
        return str(e)
    return None


def county_name(cid: str) -> str:
    county, _ = get_county(cid)
    return county.name if county else cid


def resolve(text: str, on: date, county: str | None = None) -> tuple[Municipality | None, str | None]:
    """(the municipality ``text`` names on ``on``, None) or (None, a Norwegian message naming the date).
    ``county``: a county given as well (an id that exists on ``on``): it picks between municipalities
    that share a name (Herøy), and it must be the municipality's own county."""
    if data_problem():
        return None, "Kommuneregisteret kan ikke leses akkurat nå, så kommunen kan ikke slås opp. Prøv igjen senere."
    hits = find(text, on)
    if county and len(hits) > 1:
        hits = [m for m in hits if m.county == county] or hits
    try:
        m = hits[0] if len(hits) == 1 else lookup(text, on)
    except MunicipalityNotFound as e:
        return None, e.message
    if county and m.county != county:
        return None, mismatch(m, county, on)
    return m, None


def mismatch(m: Municipality, given: str, on: date) -> str:
    """A county given that is not the municipality's on ``on``: both named, with the date."""
    return (
        f"{m.name} kommune ({m.number}) ligger i {county_name(m.county)} fylke per {format_nb(on)}, ikke i "
        f"{county_name(given)} (kommuneregisteret, etter SSBs klassifikasjon av kommuner). Velg riktig kommune, "
        f"eller rett fylket: fylket følger av kommunen."
    )


def derived(m: Municipality, on: date) -> dict:
    """The municipality and the county that follows from it, as the result shows it."""
    name = county_name(m.county)
    return {
        "number": m.number,
        "name": m.name,
        "label": m.label,
        "county": m.county,
        "county_name": name,
        "text": f"{m.name} kommune ({m.number}) ligger i {name} per {format_nb(on)}.",
        "register": SOURCE,
    }


def successors_on(m: Municipality, day: date) -> list[Municipality]:
    """The rows that hold ``m``'s place on ``day`` (itself while it lasts; else its successors, followed on)."""
    if m.exists_on(day):
        return [m]
    if m.valid_to is None or day < m.valid_from:
        return []
    reg = load_register()
    nxt = [s for n in m.replaced_by for s in reg.by_number(n) if s.valid_from == m.valid_to + ONE_DAY]
    out: list[Municipality] = []
    for s in nxt:
        out += [x for x in successors_on(s, day) if x not in out]
    return out


def county_change(m: Municipality, on: date, session: date | None) -> dict | None:
    """When the case's county ends between the reference date and the session (the latest day for
    the guidance, or the planned day): the county that holds the session, its first day, and the
    text the result says once. None when the county stays the same."""
    if session is None or m.valid_to is None or session <= m.valid_to:
        return None
    after = successors_on(m, session)
    counties = list(dict.fromkeys(s.county for s in after))
    if not counties or counties == [m.county]:
        return None
    first = m.valid_to + ONE_DAY
    old, new = county_name(m.county), " og ".join(county_name(c) for c in counties)
    places = " og ".join(f"{s.name} kommune ({s.number})" for s in after)
    return {
        "from": m.county,
        "from_name": old,
        "ends": m.valid_to.isoformat(),
        "ends_text": format_nb(m.valid_to),
        "to": counties[0] if len(counties) == 1 else None,
        "to_ids": counties,
        "to_name": new,
        "starts": first.isoformat(),
        "starts_text": format_nb(first),
        "session_text": format_nb(session),
        "municipalities": [{"number": s.number, "name": s.name} for s in after],
        "text": (
            f"{old} fylke finnes til og med {format_nb(m.valid_to)}, og veiledningen, regnet til {format_nb(session)}, faller etter det. "
            f"Fra {format_nb(first)} hører {m.name} kommune til {new} som {places}: det er {new} fylkeskommune "
            f"som skal holde veiledningen, og henvisningen er stilet dit."
        ),
        "register": SOURCE,
    }
