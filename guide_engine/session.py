"""One request: the answers parsed once, eligibility decided once, the path walked once.

A ``Session`` is built from (answers, on) and exposes everything the API and the browser ask for —
the path, the next question and the errors — without deciding anything twice; ``result.build``
makes the result from it.

The path: the opening questions (``stage = "opening"`` in questions.toml), then the questions the
eligibility rules pull as they decide (``eligibility.decide`` records each one it reads), then — once
the person is covered and the county is known — the preparation questions in the file's order, each
only when its ``ask_if`` holds. The conditions ``ask_if`` may name are the small set below.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from .answers import Answers, Missing, errors_for, unknown_fields
from .case_facts import CaseFacts
from .counties import data_problem as county_data_problem, get_county
from .data_loader import County, cached
from .dates import parse_iso
from .decisions import eligibility, place, priority
from .municipalities import Municipality
from .questions import opening, opening_for, preparation, question_map

ON_MIN, ON_MAX = date(1990, 1, 1), date(2200, 12, 31)

Condition = Callable[["Session", str], bool]

# The named conditions a preparation question's ``ask_if`` may use (plus "status:<status>").
CONDITIONS: dict[str, Condition] = {
    "interpreter_needed": lambda s, qid: bool(s.answers.value("interpreter_needed")),
    "priority_criterion": lambda s, qid: qid in priority.questions(s.facts),
}


def condition(name: str) -> Condition:
    """The condition a name in ``ask_if`` stands for; KeyError for an unknown name."""
    if name.startswith("status:"):
        status = name.split(":", 1)[1]
        return lambda s, qid: s.decision is not None and s.decision.status == status
    return CONDITIONS[name]


def _asks(q: dict, s: "Session") -> bool:
    names = q.get("ask_if") or []
    return all(condition(n)(s, q["id"]) for n in ([names] if isinstance(names, str) else names))


@cached
def data_problem() -> str | None:
    """Why the data cannot be used, naming the file and what is wrong: a file that breaks its rules,
    or a vocabulary value the rules do not handle (a permit group without its rule). None when fine."""
    return county_data_problem() or place.data_problem() or eligibility.data_problem()


def reference_date(answers: Any, on: Any) -> tuple[date | None, str | None]:
    """The reference date (an ISO string, a date, or answers["on"]) or a Norwegian message why not."""
    raw = on if on is not None else (answers.get("on") if isinstance(answers, dict) else None)
    if raw is None:
        return None, "Datoen veiviseren regner fra mangler (ÅÅÅÅ-MM-DD)."
    d = parse_iso(raw)
    if d is None:
        return None, "Datoen veiviseren regner fra må være en gyldig dato på formen ÅÅÅÅ-MM-DD."
    if not ON_MIN <= d <= ON_MAX:
        return None, "Datoen veiviseren regner fra må ligge mellom 1990 og 2200."
    return d, None


class Session:
    """The answers of one case on one reference date, parsed and decided once."""

    def __init__(self, raw: Any, on: Any = None, optional: frozenset[str] = frozenset()) -> None:
        """``optional``: required questions whose missing answer is no error here (the queue's
        ``in_queue = "optional"`` fields); an answer given is still checked and used."""
        self.raw = raw
        self.optional = optional
        self.on, self.on_problem = reference_date(raw, on)
        self.answers = Answers(raw, self.on) if self.on else None
        self.decision: eligibility.Decision | None = None
        self.county: County | None = None  # derived from the municipality (decisions/place.py)
        self.municipality: Municipality | None = None
        self.facts: CaseFacts | None = None  # the county's facts for this case, each looked up once
        self.path: list[str] = list(opening())
        if self.answers is not None:
            self.path = opening_for(self.answers.has_value)  # a county given anyway is checked (it must agree)
            self._walk()

    def _walk(self) -> None:
        a = self.answers
        try:
            # Data the rules cannot use is reported as such (errors: "_data"), never decided on.
            self.decision = eligibility.decide(a) if data_problem() is None else None
        except Missing:
            self.decision = None
        self.path += [f for f in a.asked if f not in self.path]
        self.municipality = a.value("municipality")
        self.county = get_county(self.municipality.county)[0] if self.municipality else None
        if self.county is not None and self.decision is not None:
            self.facts = CaseFacts(self.county, self.on, self.decision.prepares)  # facts written for one law: scoped by the outcome prepared for
        if self.covered:
            self.path += [q["id"] for q in preparation() if q["id"] not in self.path and _asks(q, self)]

    @property
    def covered(self) -> bool:
        """Decided, covered (and guidance not declined) with a known county: the preparation questions follow."""
        return self.decision is not None and self.decision.guided and self.county is not None

    def next_question(self) -> str | None:
        """The first question on the path without a valid answer (optional questions count as answered
        when their key is present, even as null or ""); None when ready for the result."""
        if self.answers is None:
            return self.path[0]
        qs = question_map()
        for fid in self.path:
            value, message = self.answers.check(fid)
            if message or (value is None and (qs[fid]["required"] or not self.answers.present(fid))):
                return fid
        return None

    def errors(self) -> list[dict]:
        """Norwegian messages, per field, for impossible answers and required answers missing on the path."""
        if self.on_problem:
            return [{"field": "on", "message": self.on_problem}]
        errs = []
        if not isinstance(self.raw, dict):
            errs.append({"field": "_case", "message": "Saken må være et JSON-objekt med svar, for eksempel {\"municipality\": \"Molde\"}."})
        dp = data_problem()
        if dp:
            errs.append({"field": "_data", "message": f"Dataene kan ikke leses: {dp}"})
        return errs + errors_for(self.answers, self.path, self.optional)

    def unknown_fields(self) -> list[str]:
        return unknown_fields(self.raw)

    def step(self) -> dict:
        """What the guide needs after each answer: the path, the next question and the errors."""
        return {"path": list(self.path), "next": self.next_question(), "errors": self.errors()}
