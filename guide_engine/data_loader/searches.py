"""data/searches.toml: the record of each search for a county's routine and contacts (what was searched,
when, where, and what it found), shown on the "Kildenes alder" page."""

from __future__ import annotations

from datetime import date

from .counties import load_counties
from .files import cached, read_toml
from .reader import DataError, Reader, enum, text_list
from .records import SEARCH_RESULTS, Search
from .sources import check_source

FILE = "searches.toml"


@cached
def load_searches() -> dict[str, tuple[Search, ...]]:
    """The search record per county. Every county that exists today (no valid_to) has one; a search that
    found a routine or a contact names the source the county file cites for it."""
    raw = read_toml(FILE)
    counties = load_counties()
    out: dict[str, tuple[Search, ...]] = {}
    for cid, entries in raw.items():
        if cid not in counties:
            raise DataError(FILE, cid, "ukjent fylke (ingen fil i counties/)")
        if not isinstance(entries, list) or not entries:
            raise DataError(FILE, cid, f"forventet [[{cid}]]-oppføringer")
        county, parsed = counties[cid], []
        for i, table in enumerate(entries):
            r = Reader(FILE, f"{cid}[{i}]", table)
            result = r.get("result", enum(*SEARCH_RESULTS), True, " / ".join(SEARCH_RESULTS))
            sources = r.ids("sources")
            for sid in sources:
                check_source(r, "sources", sid)
            cited = {c.source for c in county.contacts} if result == "contact" else (
                {county.routine.source} if result == "routine" and county.routine else set())
            if result != "nothing" and not cited & set(sources):
                raise r.fail("sources", f"resultatet {result!r} må nevne kilden fylkesfilen bruker for det "
                                        f"({sorted(cited) or 'fylkesfilen har ingen'})")
            queries = r.get("queries", lambda v: text_list(v) and len(v) > 0, True, "en liste med søk")
            parsed.append(Search(cid, r.date("searched"), r.text("where"), tuple(queries), result, r.text("found"), sources))
            r.done()
        out[cid] = tuple(parsed)  # in the file's order, so an error's index names the entry
    for c in counties.values():
        if c.period.valid_to is None and c.id not in out:
            raise DataError(FILE, c.id, f"mangler: {c.name} finnes i dag og må ha en søkeopptegnelse")
    return dict(sorted(out.items(), key=lambda kv: counties[kv[0]].name))


def check_search_dates(searches: dict[str, tuple[Search, ...]], today: date) -> None:
    """No search is dated after ``today`` (the build passes its own date)."""
    for cid, entries in searches.items():
        for i, s in enumerate(entries):
            if s.searched > today:
                raise DataError(FILE, f"{cid}[{i}].searched", f"{s.searched.isoformat()} ligger fram i tid (i dag er {today.isoformat()})")
