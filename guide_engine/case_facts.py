"""The county facts of one case: each looked up once, and the parts of the result that used it.

A fact key is answered by the layers in ``provenance.answer`` (the county's own routine, else
national guidance, else nothing) the first time any part asks, and remembered for the case. Each
part names itself when it asks (``"interpreter"``, ``"deadline:book_by"``, ``"checklist:note"``,
…), so the record of which parts rest on which fact is made by the look-up itself; a part's caveats
are the notes of the facts it used (``notes``), and the result's ``data_notes`` list each note once
with the facts and the parts it concerns.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .data_loader import County, load_fact_keys
from .provenance import Answer, answer, note_id, notes_for


class CaseFacts:
    """The county facts of one case (``county`` on ``on``, for a case of eligibility ``status``; a fact's
    confirmed-until date is also judged on ``used_on``, the session's date, when that is later: ``judge_on``)."""

    def __init__(self, county: County, on: date, status: str | None) -> None:
        self.county, self.on, self.status = county, on, status
        self.used_on: date | None = None  # the session's date, once the deadlines know it (judge_on)
        self.planned = True  # used_on is the planned session's own date (else only the latest day for it)
        self._answers: dict[str, Answer | None] = {}
        self._used: dict[str, list[str]] = {}  # fact key -> the parts that used it, in order
        self._parts: dict[str, list[str]] = {}  # part -> the fact keys it used, in order

    def get(self, key: str, part: str | None) -> Answer | None:
        """The answer on ``key`` (None where no layer says anything); ``part`` (None for a look-up
        that informs no part of the result, such as which questions to ask) is recorded as using it."""
        if key not in self._answers:
            if key not in load_fact_keys():
                raise KeyError(key)  # a programming error, not a fact the county lacks
            self._answers[key] = answer(self.county, key, self.on, self.status, self.used_on, self.planned)
        found = self._answers[key]
        if found is not None and part is not None:
            users = self._used.setdefault(key, [])
            if part not in users:
                users.append(part)
                self._parts.setdefault(part, []).append(key)
        return found

    def judge_on(self, used_on: date | None, planned: bool = True) -> None:
        """The facts are used for a session on ``used_on`` (the planned one, else the latest day for it:
        ``planned`` False): a confirmed-until date is judged on it too, where it is later than the
        reference date. Called by the deadlines, which know that day, before any part records its notes;
        the answers already found are re-judged, not looked up again."""
        if used_on is None or used_on <= self.on or (used_on, planned) == (self.used_on, self.planned):
            return
        self.used_on, self.planned = used_on, planned
        for key, a in self._answers.items():
            cu = a.fact.confirmed_until if a is not None else None
            if cu is not None and self.on <= cu < used_on:  # only these notes change
                self._answers[key] = Answer(a.fact, a.layer, tuple(notes_for(self.county, key, a.fact, a.layer, self.on,
                                                                             self.status, used_on, planned)))

    def value(self, key: str, part: str | None) -> Any:
        found = self.get(key, part)
        return found.value if found else None

    def source(self, key: str, part: str | None) -> str | None:
        found = self.get(key, part)
        return found.source if found else None

    def keys(self, *parts: str) -> list[str]:
        """The fact keys ``parts`` used: those of the first part (in the order it used them), then the
        second part's others, and so on."""
        if len(parts) == 1:
            return list(self._parts.get(parts[0], ()))
        out: dict[str, None] = {}
        for p in parts:
            out.update((k, None) for k in self._parts.get(p, ()))
        return list(out)

    def rest_on(self, part: str, *others: str) -> None:
        """``part`` rests on everything ``others`` rest on (a task that carries out a decision)."""
        for key in self.keys(*others):
            self.get(key, part)

    def layers(self, part: str) -> dict[str, str]:
        """Fact key -> the layer that answered it, for the facts ``part`` used."""
        return {k: self._answers[k].layer for k in self.keys(part)}

    def used_by(self) -> dict[str, tuple[str, ...]]:
        """Fact key -> the parts that used it (what replaced the hand-kept item → fact tables)."""
        return {k: tuple(users) for k, users in self._used.items()}

    def notes(self, *parts: str) -> list[dict]:
        """The notes of the facts ``parts`` used (of every fact used, without ``parts``), one entry per
        note text with the facts (``facts``) and the parts (``parts``) it concerns, in first-seen order."""
        keys = self.keys(*parts) if parts else list(self._used)
        if not keys:
            return []
        out: dict[str, dict] = {}
        for key in keys:
            for n in self._answers[key].notes:
                entry = out.get(n["note"])
                if entry is None:
                    out[n["note"]] = {"id": note_id(n["note"]), **n, "facts": [key], "parts": list(self._used[key])}
                    continue
                if key not in entry["facts"]:
                    entry["facts"].append(key)
                entry["parts"] += [p for p in self._used[key] if p not in entry["parts"]]
        return list(out.values())

    def note_texts(self, *parts: str) -> list[str]:
        return [n["note"] for n in self.notes(*parts)]

    def note_ids(self, *parts: str) -> list[str]:
        """The ids of the notes ``parts`` rest on: a part carries ids, the result's ``data_notes`` each
        note's text once (each caveat said once, with a link from each part it concerns)."""
        return [n["id"] for n in self.notes(*parts)]
