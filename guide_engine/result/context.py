"""The context of one result: the case and its decisions, built once, read by the parts built from
them (the checklist, the referral).

``Basis`` is what a part cites (references and sources); the result's top-level lists are the union
of its parts' bases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..case_facts import CaseFacts
from ..data_loader import County
from ..decisions.eligibility import Decision


@dataclass(frozen=True)
class Context:
    """The case (date, county and its facts, parsed answers on the path) and each decision made for
    it, every one complete before the context is made; the parts built from it never change it."""

    on: date
    county: County
    facts: CaseFacts  # the county's facts for the case: each looked up once, with the parts that used it
    decision: Decision
    answers: dict[str, Any]
    eligibility: dict
    interpreter: dict | None  # None in a brief result (the queue): no part built from it
    adviser: dict | None
    deadlines: list[dict]
    deadline_notes: list[str]
    priority: dict
    place: dict  # the municipality and the county derived from it (decisions/place.derived)
    county_change: dict | None = None  # the county ends before the session: who holds it (place.county_change)

    @property
    def covered(self) -> bool:
        return self.decision.guided


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

    def of(self, *parts: dict | None) -> "Basis":
        """The basis of parts that carry their own ``references`` and ``sources`` lists (None: a part not built)."""
        for p in parts:
            if p is not None:
                self.add(p.get("references") or (), p.get("sources") or ())
        return self
