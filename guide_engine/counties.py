"""County look-ups for the engine: which counties exist on a date, and safe access to one county.

County facts come only from the county files (data_loader); nothing here knows a county by name.
"""

from __future__ import annotations

from datetime import date

from .data_loader import County, DataError, load_counties


def all_counties() -> dict[str, County]:
    """All counties; an empty dict if the data cannot be loaded (reported by ``data_problem``)."""
    try:
        return load_counties()
    except DataError:
        return {}


def data_problem() -> str | None:
    try:
        load_counties()
    except DataError as e:
        return str(e)
    return None


def get_county(cid: str) -> tuple[County | None, str | None]:
    """(county, None), (None, None) when unknown, (None, message) when the data cannot be read."""
    try:
        counties = load_counties()
    except DataError as e:
        return None, f"Fylkesdataene kan ikke leses akkurat nå ({e.file}). Prøv igjen senere."
    return counties.get(cid), None


def county_choices(on: date) -> list[tuple[str, str]]:
    """(id, name) of the counties that exist on ``on``, sorted by name."""
    return [(c.id, c.name) for c in all_counties().values() if c.exists_on(on)]
