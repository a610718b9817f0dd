"""fact_keys.toml: every county fact key with its value type, the county page's label, whether it
is core (listed as "ikke oppgitt" where a routine lacks it) and its meaning."""

from __future__ import annotations

from typing import Any, Callable

from .files import cached, tables
from .priority import load_priority_criteria
from .reader import email, enum, integer, text, text_list
from .records import FactKey


def _criteria(v: Any) -> bool:
    """en liste med id-er fra priority.toml"""
    return isinstance(v, list) and len(v) > 0 and all(isinstance(x, str) and x in load_priority_criteria() for x in v)


# The value types a fact key may have (data/fact_keys.toml names one per key).
VALUE_TYPES: dict[str, Callable[[Any], bool]] = {
    "text": text,
    "integer": integer,
    "email": email,
    "text_list": text_list,
    "criteria": _criteria,
}


@cached
def load_fact_keys() -> dict[str, FactKey]:
    """data/fact_keys.toml: every county fact key with its value type, label and whether it is core."""
    out: dict[str, FactKey] = {}
    for key, r in tables("fact_keys.toml"):
        kind = r.get("type", enum("enum", *VALUE_TYPES), True)
        values = r.get("values", text_list, kind == "enum", "en liste med verdier")
        if values and kind != "enum":
            raise r.fail("values", "bare for type = \"enum\"")
        check = enum(*values) if kind == "enum" else VALUE_TYPES[kind]
        core = r.flag("core")
        out[key] = FactKey(key, kind, r.text("label"), core, r.text("meaning"), check, tuple(values or ()))
    return out
