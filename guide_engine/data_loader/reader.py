"""Reading one table of a data file against its rules: every value checked as it is read, every key
the loader did not read refused, and each broken rule a ``DataError`` naming the file and the key
path (``viken.toml: routine.valid_to: …``), so a bad fact fails the build, not the user."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable

from .records import Period

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$")
_AS_OF = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class DataError(ValueError):
    """A data file breaks a rule of data/README.md."""

    def __init__(self, file: str, key: str, message: str) -> None:
        super().__init__(f"{file}: {key}: {message}")
        self.file, self.key, self.message = file, key, message


# --- value checkers (each one's docstring is what the message says was expected) -------------


def text(v: Any) -> bool:
    """tekst"""
    return isinstance(v, str) and v.strip() != ""


def integer(v: Any) -> bool:
    """et heltall (0 eller mer)"""
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def boolean(v: Any) -> bool:
    """true eller false"""
    return isinstance(v, bool)


def enum(*allowed: str) -> Callable[[Any], bool]:
    def check(v: Any) -> bool:
        return v in allowed

    check.__doc__ = " / ".join(allowed)
    return check


def text_list(v: Any) -> bool:
    """en liste med tekster"""
    return isinstance(v, list) and len(v) > 0 and all(text(x) for x in v)


def email(v: Any) -> bool:
    """en e-postadresse"""
    return isinstance(v, str) and EMAIL.match(v) is not None


class Reader:
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

    def raw(self, k: str, required: bool) -> tuple[bool, Any]:
        """(True, value) when the key is there, (False, None) when an optional key is absent."""
        self.seen.add(k)
        if k in self.table:
            return True, self.table[k]
        if required:
            raise self.fail(k, "mangler")
        return False, None

    def get(self, k: str, check: Callable[[Any], bool], required: bool, what: str | None = None) -> Any:
        """The value of ``k`` if ``check`` accepts it; ``what`` (default: the check's docstring) is what was expected."""
        present, v = self.raw(k, required)
        if present and not check(v):
            raise self.fail(k, f"ugyldig verdi {v!r}: forventet {what or check.__doc__}")
        return v

    def text(self, k: str, required: bool = True) -> str | None:
        return self.get(k, text, required)

    def flag(self, k: str, required: bool = True) -> bool | None:
        return self.get(k, boolean, required)

    def date(self, k: str, required: bool = True) -> date | None:
        present, v = self.raw(k, required)
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
