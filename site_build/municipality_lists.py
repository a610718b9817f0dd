"""The municipality register on the site: each county page's list of its municipalities (for a county
that no longer exists, where each went), and the register as JSON beside the county data
(``data/municipalities.json``). The rows come from guide_engine/data/municipalities/register.toml
through guide_engine.municipalities; nothing here decides a county.
"""

from __future__ import annotations

from datetime import date

from guide_engine.municipalities import ONE_DAY, Municipality, load_register, register_json

SCHEMA_VERSION = 1


def _successors(m: Municipality) -> list[Municipality]:
    reg = load_register()
    return [s for n in m.replaced_by for s in reg.by_number(n) if m.valid_to and s.valid_from == m.valid_to + ONE_DAY]


def _predecessors(m: Municipality) -> list[Municipality]:
    reg = load_register()
    return [p for n in m.replaces for p in reg.by_number(n) if p.valid_to == m.valid_from - ONE_DAY]


def county_lists(cid: str, today: date) -> dict:
    """The county's municipalities: ``current`` (valid on ``today``, each with the numbers it took
    over) and ``ended`` (rows of this county that ended before ``today``, each with where it went)."""
    rows = [m for m in load_register().rows if m.county == cid]
    current = [{"m": m, "before": _predecessors(m)} for m in rows if m.exists_on(today)]
    ended = [{"m": m, "after": _successors(m)} for m in rows if m.valid_to is not None and m.valid_to < today]
    current.sort(key=lambda e: e["m"].number)
    ended.sort(key=lambda e: (e["m"].number, e["m"].valid_from))
    return {"current": current, "ended": ended}


def register_export() -> dict:
    """``data/municipalities.json``: every row of the register with its period, and the register's sources."""
    reg = load_register()
    return {
        "schema_version": SCHEMA_VERSION,
        "description": "Kommunene i Norge fra 1. januar 2020 med kommunenummer, navn, fylke (fylkes-id som i "
        "counties.json) og gyldighetsperiode (valid_to er siste dag, null mens kommunen finnes), med koblingene "
        "mellom gamle og nye kommunenumre. Etter SSBs klassifikasjon av kommuner (KLASS 131) og fylker (KLASS 104), "
        "hver rad kontrollert mot minst to uavhengige kopier (sources).",
        "start": reg.start.isoformat(),
        "municipalities": register_json(reg.rows),
        "sources": reg.sources,
    }
