"""Helpers for unit tests: a synthetic county built from facts (so a rule can be tested without
depending on what a real county file says), and a valid base case."""

from __future__ import annotations

from datetime import date

from guide_engine.case_facts import CaseFacts
from guide_engine.data_loader import County, Fact, Period

SRC = "more-og-romsdal-karriererettleiing.txt"


def county(cid: str = "testfylke", valid_to: date | None = None, **facts) -> County:
    """A County whose facts are given as key=value (one entry each, no period) or key=[(value, from, to), ...]."""
    parsed = {}
    for key, spec in facts.items():
        entries = spec if isinstance(spec, list) and spec and isinstance(spec[0], tuple) else [(spec, None, None)]
        parsed[key] = tuple(
            Fact(key, v, f"Tekst for {key}.", SRC, date(2026, 11, 23), Period(f, t)) for v, f, t in entries
        )
    return County(cid, "Testfylke", Period(date(2000, 1, 1), valid_to), ("test.no",), facts=parsed)


BASE = {
    "county": "more-og-romsdal", "municipality": "Molde", "participant_ref": "AB",
    "permit_group": "refugee", "permit_date": "2026-08-01", "age_at_permit": 34,
    "settlement_date": "2026-10-01", "settled_by_agreement": True,
    "interpreter_needed": True, "interpreter_language": "tigrinja", "wants_adviser_present": True,
    "competence_mapping_done": True, "individual_plan_exists": True, "norwegian_plan_exists": False,
    "practical_needs": "", "planned_session_date": None,
}


# A municipality of each county the tests use: the county follows from the municipality, so a case
# that moves the county moves its municipality too (unless the test gives one).
MUNICIPALITY_IN = {
    "more-og-romsdal": "Molde", "oslo": "Oslo", "trondelag": "Steinkjer", "viken": "Drammen", "akershus": "Asker",
    "buskerud": "Drammen", "vestfold-og-telemark": "Skien", "telemark": "Skien", "vestfold": "Larvik",
    "troms-og-finnmark": "Tromsø", "troms": "Tromsø", "finnmark": "Alta", "rogaland": "Stavanger",
}


def case(**changes) -> dict:
    c = dict(BASE)
    if "municipality" not in changes and changes.get("county") in MUNICIPALITY_IN:
        c["municipality"] = MUNICIPALITY_IN[changes["county"]]
    c.update(changes)
    return c


def facts(c: County, on: date, status: str | None = "right_and_duty") -> CaseFacts:
    """The county facts of one case on ``on`` (for a case of ``status``), as the decision modules take them."""
    return CaseFacts(c, on, status)
