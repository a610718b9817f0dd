"""Prioritisation where a county works under limited capacity.

General rule: no prioritisation — everyone referred gets guidance. Exception: where the county's
own source says capacity is limited on the reference date (fact ``capacity = "limited"``), the
participant is ranked by the criteria that source names (fact ``priority_criteria``), then by how
close the deadline is. Everyone referred still gets guidance, in that order.

The criteria — their question, weight, texts and each weight's source or the note that it is the
site's own reading — are data (data/priority.toml); this module only adds them up.
"""

from __future__ import annotations

from string import Template

from ..case_facts import CaseFacts
from ..data_loader import Criterion, load_labels, load_priority_criteria

EVERYONE = "Alle deltakere som kommunen har meldt inn, skal få veiledning, men i prioritert rekkefølge."


PART = "priority"


def limited(facts: CaseFacts, part: str | None = None) -> bool:
    """The county's own source says its capacity is limited on the case's date (for its status)."""
    return facts.value("capacity", part) == "limited"


def criteria(facts: CaseFacts, part: str | None = None) -> list[str]:
    """The criteria the county's source names, if its capacity is limited on the date; else []."""
    if not limited(facts, part):
        return []
    return list(facts.value("priority_criteria", part) or ())


def questions(facts: CaseFacts) -> list[str]:
    """The questions of the county's criteria on the case's date, in the order the county names them."""
    known = load_priority_criteria()
    return [known[c].question for c in criteria(facts)]


def met(c: Criterion, answers: dict) -> bool | None:
    """Whether the answer to the criterion's question meets it (None while unanswered)."""
    v = answers.get(c.question)
    if v is None:
        return None
    return v >= c.at_least if c.at_least is not None else v == c.met_when


def _text(text: str, c: Criterion) -> str:
    return Template(text).safe_substitute(at_least=c.at_least)


def _none(reason: str, sources: list[str], data_notes: list[str]) -> dict:
    return {"applies": False, "score": None, "max_score": None, "level": None,
            "label": load_labels()["priority_level"]["none"], "criteria": [], "reasons": [reason],
            "references": ["integreringsloven-11"], "sources": sources, "weight_notes": [], "data_notes": data_notes}


def not_covered() -> dict:
    """The priority part of a result for a person who is not covered."""
    return _none("Ingen prioritering: personen er ikke omfattet.", [], [])


def decide(facts: CaseFacts, answers: dict) -> dict:
    """``answers`` holds the parsed priority answers (a county's capacity fact may be written for one
    law only: the facts are the case's, for its status). Ordering several cases is the queue's
    (guide_engine/queue/rank.py): by score within a county whose criteria apply, then the deadline."""
    cap = facts.get("capacity", PART)
    if not limited(facts, PART):
        return _none(
            f"Ingen kapasitetsbegrensning registrert for {facts.county.name} på datoen, så veiviseren rangerer ikke deltakeren. "
            "Fylkeskommunen skal sørge for karriereveiledning til alle med rett og plikt (integreringsloven § 11).",
            [cap.source] if cap else [], facts.note_ids(PART))
    crit = facts.get("priority_criteria", PART)
    known = load_priority_criteria()
    chosen = [known[c] for c in (crit.value if crit else ())]
    score, reasons, detail, notes, weight_sources = 0, [cap.text], [], [], []
    for c in chosen:
        ok = met(c, answers)
        if ok:
            score += c.weight
        reason = None if ok is None else _text(c.texts[0] if ok else c.texts[1], c)
        detail.append({"id": c.id, "met": ok, "weight": c.weight, "label": c.label, "reason": reason,
                       "weight_source": c.weight_source, "weight_note": c.weight_note})
        if reason:
            reasons.append(reason)
        if c.weight_note:
            notes.append(c.weight_note)
        if c.weight_source:
            weight_sources.append(c.weight_source)
    max_score = sum(c.weight for c in chosen)
    level = "high" if max_score and score * 2 > max_score else ("normal" if score > 0 else "low")
    reasons += notes + [EVERYONE]
    refs = list(dict.fromkeys(list(cap.references) + (list(crit.references) if crit else []))) or ["integreringsloven-11"]
    sources = list(dict.fromkeys([cap.source] + ([crit.source] if crit else []) + weight_sources))
    return {
        "applies": True,
        "score": score,
        "max_score": max_score,
        "level": level,
        "label": load_labels()["priority_level"][level],
        "criteria": detail,
        "reasons": reasons,
        "weight_notes": notes,
        "data_notes": facts.note_ids(PART),
        "references": refs,
        "sources": sources,
    }
