"""Shared hypothesis strategies: answers dicts, from well-formed cases to arbitrary JSON."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from guide_engine.data_loader import load_permit_groups
from guide_engine.questions import question_map

COUNTY_IDS = ["more-og-romsdal", "trondelag", "viken", "oslo", "akershus", "vestfold-og-telemark", "atlantis", ""]
# Names and numbers across the counties and the 2024 changes (Drammen: Viken, then Buskerud; Haram from 2024).
MUNICIPALITIES = ["Molde", "Steinkjer", "", "Ålesund", "Oslo", "Drammen", "Skien", "Tromsø", "1506", "Haram", "Testkommune"]


def permit_groups() -> list[str]:
    """The permit groups a case may have: data/vocabularies/permit_groups.toml, the one home of the values."""
    return list(load_permit_groups())


json_scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=True) | st.text(max_size=30)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)

days = st.dates(min_value=date(2018, 1, 1), max_value=date(2028, 12, 31))
iso_days = days.map(date.isoformat)
ref_dates = st.dates(min_value=date(2019, 1, 1), max_value=date(2028, 12, 31))


@st.composite
def plausible_case(draw) -> dict:
    """A case an adviser could type: mostly valid answers, some missing, some impossible."""
    on = draw(ref_dates)
    permit = draw(st.dates(min_value=on - timedelta(days=6 * 365), max_value=on))
    settled = draw(st.dates(min_value=permit, max_value=permit + timedelta(days=3 * 365)))  # may lie after `on` (planning ahead)
    case = {
        "county": draw(st.sampled_from(COUNTY_IDS)),
        "municipality": draw(st.sampled_from(MUNICIPALITIES)),
        "participant_ref": draw(st.sampled_from(["AB", "2026/123", "", None, "01019912368"])),
        "permit_group": draw(st.sampled_from(permit_groups())),
        "permit_date": permit.isoformat(),
        "age_at_permit": draw(st.one_of(st.integers(-5, 320), st.integers(50, 65))),
        "arrival_date": draw(st.dates(min_value=permit - timedelta(days=400), max_value=min(on, permit + timedelta(days=400)))).isoformat(),
        "wants_guidance": draw(st.booleans()),
        "settlement_date": settled.isoformat(),
        "settled_by_agreement": draw(st.booleans()),
        "family_reference_recent": draw(st.booleans()),
        "in_introduction_programme": draw(st.booleans()),
        "interpreter_needed": draw(st.booleans()),
        "interpreter_language": draw(st.sampled_from(["tigrinja", "ukrainsk", ""])),
        "wants_adviser_present": draw(st.booleans()),
        "competence_mapping_done": draw(st.booleans()),
        "individual_plan_exists": draw(st.booleans()),
        "norwegian_plan_exists": draw(st.booleans()),
        "practical_needs": draw(st.sampled_from(["", "Barnepass", None])),
        "planned_session_date": draw(st.one_of(st.none(), st.dates(min_value=settled, max_value=settled + timedelta(days=200)).map(date.isoformat))),
        "uncertain_plan": draw(st.booleans()),
        "sector_hit_by_crisis": draw(st.booleans()),
        "months_left_in_programme": draw(st.integers(0, 36)),
        "guidance_already_given": draw(st.booleans()),
    }
    if draw(st.booleans()):  # the county follows from the municipality: most cases give none
        del case["county"]
    # drop some answers, and spoil some
    keys = sorted(case)
    for k in draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)):
        del case[k]
    for k in draw(st.lists(st.sampled_from(keys), max_size=2, unique=True)):
        if k in case:
            case[k] = draw(json_values)
    return {"case": case, "on": on.isoformat()}


arbitrary_case = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(sorted(question_map()) + ["on", "x"]), json_values, max_size=12),
)


@st.composite
def queue_plan_rows(draw, max_rows: int = 10) -> dict:
    """Ranked rows as the planner sees them (deadline or none, some overdue, some booked), a weekly
    capacity and a start date; the rows come in the queue's order (overdue first, then by deadline)."""
    start = date(2026, 11, 23)
    n = draw(st.integers(0, max_rows))
    rows = []
    for i in range(n):
        d = draw(st.one_of(st.none(), st.dates(min_value=start - timedelta(days=60), max_value=start + timedelta(days=70))))
        booked = draw(st.one_of(st.none(), st.dates(min_value=start - timedelta(days=7), max_value=start + timedelta(days=40)))) \
            if draw(st.integers(0, 5)) == 0 else None
        rows.append({"row": i + 2, "guidance_by": d.isoformat() if d else None, "planned": booked.isoformat() if booked else None})
    rows.sort(key=lambda r: (0, r["guidance_by"]) if r["guidance_by"] and r["guidance_by"] < start.isoformat()
              else (1, r["guidance_by"]) if r["guidance_by"] else (2, ""))
    return {"rows": rows, "per_week": draw(st.integers(1, 4)), "start": start}
