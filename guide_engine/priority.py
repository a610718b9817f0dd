"""Prioritisation where a county works under limited capacity.

General rule: no prioritisation — everyone referred gets guidance. Exception: where the county's
own source says capacity is limited on the reference date (fact ``capacity = "limited"``), the
participant is ranked by the criteria that source names (fact ``priority_criteria``), then by how
close the deadline is. Everyone referred still gets guidance, in that order.

Criteria and their weights (a higher score goes first):
  sector_hit_by_crisis    3  the target sector is hit by the crisis ("må prioriteres")
  uncertain_plan          2  the participant is unsure what to work with ("kan gi stort utbytte")
  time_left_in_programme  1  six months or more left: room for larger changes
  no_guidance_yet         1  no career guidance given already (those who have had it "har trolig
                             ikke behov for ny veiledning")
"""

from __future__ import annotations

from datetime import date

from .data_loader import County
from .questions import PRIORITY_QUESTIONS

WEIGHTS = {"sector_hit_by_crisis": 3, "uncertain_plan": 2, "time_left_in_programme": 1, "no_guidance_yet": 1}
MONTHS_FOR_ROOM = 6
TEXT = {
    "sector_hit_by_crisis": ("Målet er en bransje som er rammet av krisen.", "Målet er ikke en bransje som er rammet av krisen."),
    "uncertain_plan": ("Deltakeren er usikker på hva hen vil arbeide med.", "Deltakeren har en plan for arbeid."),
    "time_left_in_programme": (
        f"Deltakeren har {MONTHS_FOR_ROOM} måneder eller mer igjen i programmet: rom for større endringer.",
        f"Deltakeren har mindre enn {MONTHS_FOR_ROOM} måneder igjen i programmet.",
    ),
    "no_guidance_yet": ("Deltakeren har ikke fått karriereveiledning før.", "Deltakeren har allerede fått karriereveiledning."),
}


def criteria(county: County, on: date) -> list[str]:
    """The criteria the county's source names, if its capacity is limited on ``on``; else []."""
    cap = county.fact("capacity", on)
    if cap is None or cap.value != "limited":
        return []
    crit = county.fact("priority_criteria", on)
    return list(crit.value) if crit else []


def limited(county: County, on: date) -> bool:
    cap = county.fact("capacity", on)
    return cap is not None and cap.value == "limited"


def questions(county: County, on: date) -> list[str]:
    return [PRIORITY_QUESTIONS[c] for c in criteria(county, on)]


def _met(criterion: str, answers: dict) -> bool | None:
    if criterion == "sector_hit_by_crisis":
        return answers.get("sector_hit_by_crisis")
    if criterion == "uncertain_plan":
        return answers.get("uncertain_plan")
    if criterion == "time_left_in_programme":
        m = answers.get("months_left_in_programme")
        return None if m is None else m >= MONTHS_FOR_ROOM
    if criterion == "no_guidance_yet":
        g = answers.get("guidance_already_given")
        return None if g is None else not g
    return None


def decide(county: County, on: date, answers: dict, deadline: date | None) -> dict:
    """``answers`` holds the parsed priority answers; ``deadline`` the nearest deadline (or None)."""
    cap = county.fact("capacity", on)
    if not limited(county, on):
        text = (
            f"Ingen kapasitetsbegrensning registrert for {county.name} på datoen, så veiviseren rangerer ikke deltakeren. "
            "Fylkeskommunen skal sørge for karriereveiledning til alle med rett og plikt (integreringsloven § 11)."
        )
        return {"applies": False, "score": None, "max_score": None, "level": None, "sort_key": None,
                "criteria": [], "reasons": [text], "references": ["integreringsloven-11"],
                "sources": [cap.source] if cap else []}
    crit = county.fact("priority_criteria", on)
    names = list(crit.value) if crit else []
    score, reasons, detail = 0, [cap.text], []
    for c in names:
        met = _met(c, answers)
        w = WEIGHTS.get(c, 1)
        if met:
            score += w
        detail.append({"id": c, "met": met, "weight": w})
        if met is not None:
            reasons.append(TEXT[c][0 if met else 1])
    max_score = sum(WEIGHTS.get(c, 1) for c in names)
    level = "high" if max_score and score * 2 > max_score else ("normal" if score > 0 else "low")
    reasons.append("Alle deltakere som kommunen har meldt inn, skal få veiledning, men i prioritert rekkefølge.")
    refs = list(dict.fromkeys(list(cap.references) + (list(crit.references) if crit else []))) or ["integreringsloven-11"]
    sources = list(dict.fromkeys([cap.source] + ([crit.source] if crit else [])))
    return {
        "applies": True,
        "score": score,
        "max_score": max_score,
        "level": level,
        # Sort ascending: higher score first, then the nearest deadline.
        "sort_key": [-score, deadline.isoformat() if deadline else "9999-12-31"],
        "criteria": detail,
        "reasons": reasons,
        "references": refs,
        "sources": sources,
    }


def rank(results: list[dict]) -> list[int]:
    """Indices of evaluated results in priority order (those without prioritisation keep their order, last)."""
    keyed = [(r.get("priority") or {}).get("sort_key") for r in results]
    order = sorted(range(len(results)), key=lambda i: (keyed[i] is None, keyed[i] or [0, ""], i))
    return order
