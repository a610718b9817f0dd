"""The context of one result: built once per evaluation, read by every part (checklist, referral, …).

``Basis`` is what a part cites (references and sources); the result's top-level lists are the union
of its parts' bases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import provenance
from .data_loader import County, Fact
from .eligibility import NOT_COVERED, Decision


def guided(decision: Decision) -> bool:
    """The person is covered and has not declined guidance (a right-only participant may say no):
    the preparation questions are asked and the parts prepare a referral."""
    return decision.status != NOT_COVERED and getattr(decision, "wants_guidance", None) is not False


class ConsultedCounty:
    """The county as the decision modules see it, for one case (its eligibility ``status`` scopes facts
    written for one law); every county fact they consult is remembered."""

    def __init__(self, county: County, status: str | None = None) -> None:
        self._county = county
        self.status = status
        self.consulted: list[Fact] = []
        self._seen: set[int] = set()  # by identity: comparing Fact dataclasses field by field was a hot spot

    def fact(self, key: str, on: date, status: str | None = None) -> Fact | None:
        f = self._county.fact(key, on, status or self.status)
        if f is not None and id(f) not in self._seen:
            self._seen.add(id(f))
            self.consulted.append(f)
        return f

    def __getattr__(self, name: str) -> Any:
        return getattr(self._county, name)


@dataclass
class Context:
    """What every part of a result reads, built once per evaluation; the parts are filled in order."""

    on: date
    county: Any  # a County whose consulted facts are remembered
    decision: Decision
    answers: dict[str, Any]
    eligibility: dict = field(default_factory=dict)
    interpreter: dict = field(default_factory=dict)
    adviser: dict = field(default_factory=dict)
    deadlines: list[dict] = field(default_factory=list)
    deadline_notes: list = field(default_factory=list)
    priority: dict = field(default_factory=dict)

    @property
    def covered(self) -> bool:
        return guided(self.decision)

    def fact_value(self, key: str) -> Any:
        """The county's fact, else national guidance (guide_engine/provenance.py), else None."""
        f = provenance.answer(self.county, key, self.on, self.decision.prepares)
        return f.value if f else None

    def fact_source(self, key: str) -> str | None:
        f = provenance.answer(self.county, key, self.on, self.decision.prepares)
        return f.source if f else None

    def nearest_deadline(self) -> date | None:
        """The nearest of the booking and guidance deadlines and the planned session date."""
        days = [date.fromisoformat(x["date"]) for x in self.deadlines if x["id"] in ("guidance_by", "book_by")]
        if self.answers.get("planned_session_date"):
            days.append(self.answers["planned_session_date"])
        return min(days, default=None)


@dataclass
class Basis:
    """The references and sources a part of the result cites, in order, each once."""

    references: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def add(self, references: Any = (), sources: Any = ()) -> "Basis":
        self.references += [r for r in references if r and r not in self.references]
        self.sources += [s for s in sources if s and s not in self.sources]
        return self

    def merge(self, other: "Basis") -> "Basis":
        return self.add(other.references, other.sources)

    def of(self, *parts: dict) -> "Basis":
        """The basis of parts that carry their own ``references`` and ``sources`` lists."""
        for p in parts:
            self.add(p.get("references") or (), p.get("sources") or ())
        return self
