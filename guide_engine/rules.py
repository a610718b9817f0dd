"""Rule parameters (``data/rules/<family>.toml``), OpenFisca-style: values keyed by start date.

Each value carries a ``reference`` (a key of references.toml); a value that is not confirmed has
``confirmed = false`` and a ``note``. The engine decides on the *last confirmed* value in force on a
date and reports the unconfirmed value beside it, so a result never rests on a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .data_loader import DataError, cached, load_references, load_rules
from .dates import parse_iso


@dataclass(frozen=True)
class Value:
    start: date
    value: Any
    reference: str
    confirmed: bool = True
    note: str | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    values: tuple[Value, ...]  # sorted by start

    def confirmed_on(self, on: date) -> Value | None:
        """The last confirmed value that has started on ``on`` (None before the first one)."""
        best = None
        for v in self.values:
            if v.start <= on and v.confirmed:
                best = v
        return best

    def unconfirmed_on(self, on: date) -> Value | None:
        """An unconfirmed value that has started on ``on`` and is newer than the confirmed one."""
        confirmed = self.confirmed_on(on)
        latest = None
        for v in self.values:
            if v.start <= on and not v.confirmed and (confirmed is None or v.start > confirmed.start):
                latest = v
        return latest


def _parse_family(family: str, raw: dict) -> dict[str, Parameter]:
    file = f"rules/{family}.toml"
    refs = load_references()
    out: dict[str, Parameter] = {}
    for name, table in raw.items():
        if not isinstance(table, dict):
            raise DataError(file, name, "forventet en tabell")
        unknown = set(table) - {"description", "values"}
        if unknown:
            raise DataError(file, f"{name}.{sorted(unknown)[0]}", "ukjent nøkkel")
        desc = table.get("description")
        if not isinstance(desc, str) or not desc.strip():
            raise DataError(file, f"{name}.description", "mangler")
        values = table.get("values")
        if not isinstance(values, dict) or not values:
            raise DataError(file, f"{name}.values", "mangler: minst én verdi med startdato")
        parsed = []
        for key, entry in values.items():
            where = f"{name}.values.{key}"
            start = parse_iso(key)
            if start is None or not isinstance(key, str):
                raise DataError(file, where, "nøkkelen må være en dato ÅÅÅÅ-MM-DD")
            if not isinstance(entry, dict) or "value" not in entry:
                raise DataError(file, where, "mangler value")
            extra = set(entry) - {"value", "reference", "confirmed", "note"}
            if extra:
                raise DataError(file, f"{where}.{sorted(extra)[0]}", "ukjent nøkkel")
            ref = entry.get("reference")
            if ref not in refs:
                raise DataError(file, f"{where}.reference", f"mangler eller ukjent lovhenvisning {ref!r}")
            confirmed = entry.get("confirmed", True)
            if not isinstance(confirmed, bool):
                raise DataError(file, f"{where}.confirmed", "må være true eller false")
            note = entry.get("note")
            if note is not None and (not isinstance(note, str) or not note.strip()):
                raise DataError(file, f"{where}.note", "må være tekst")
            if not confirmed and not note:
                raise DataError(file, f"{where}.note", "en ubekreftet verdi må ha en merknad (note)")
            parsed.append(Value(start, entry["value"], ref, confirmed, note))
        parsed.sort(key=lambda v: v.start)
        kinds = {type(v.value) for v in parsed}
        if len(kinds) != 1:
            raise DataError(file, f"{name}.values", "alle verdiene må ha samme type")
        out[name] = Parameter(name, desc, tuple(parsed))
    return out


@cached
def family(name: str) -> dict[str, Parameter]:
    """A validated rule family (raises DataError naming the file and key if it is malformed)."""
    return _parse_family(name, load_rules(name))

