"""Eligibility under integreringsloven §§ 8, 9, 11, 51, integreringsforskriften § 72, chapter 6A and the 2020 covid law."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine.decisions import eligibility
from guide_engine.decisions.eligibility import ASSESS_NEED, NOT_COVERED, RIGHT_AND_DUTY, RIGHT_ONLY, UNCLEAR
from guide_engine.answers import Answers, Missing
from tests.helpers.engine_helpers import case


def decide(on: str, **changes):
    return eligibility.decide(Answers(case(**changes), date.fromisoformat(on)))


COLL = {"permit_group": "collective", "permit_date": "2026-03-01", "settlement_date": "2026-05-01", "wants_guidance": True}
OLD = {"permit_date": "2019-03-01", "arrival_date": "2019-01-10", "in_introduction_programme": True}

ROWS = [
    # (adviser's words, reference date, changes, status, confirmed)
    ("flyktning, 34 år, bosatt etter avtale: rett og plikt", "2026-11-23", {}, RIGHT_AND_DUTY, True),
    ("overføringsflyktning: rett og plikt", "2026-11-23", {"permit_group": "resettlement"}, RIGHT_AND_DUTY, True),
    ("sterke menneskelige hensyn etter asylsøknad: rett og plikt", "2026-11-23", {"permit_group": "humanitarian"}, RIGHT_AND_DUTY, True),
    # § 9 first paragraph letter g: utlendingsloven § 53, not settled by agreement
    ("selvstendig grunnlag (utlendingsloven § 53), ikke bosatt etter avtale: rett og plikt", "2026-11-23",
     {"permit_group": "independent", "settled_by_agreement": False}, RIGHT_AND_DUTY, True),
    ("akkurat 18 år: med", "2026-11-23", {"age_at_permit": 18}, RIGHT_AND_DUTY, True),
    ("17 år: ute", "2026-11-23", {"age_at_permit": 17}, NOT_COVERED, True),
    # ages 55/56 and 60/61, and the day before / the day of the earliest date the 60-year limit could apply
    ("akkurat 55 år: med", "2026-11-23", {"age_at_permit": 55}, RIGHT_AND_DUTY, True),
    ("56 år i 2026: uavklart (Prop. 81 L)", "2026-11-23", {"age_at_permit": 56}, UNCLEAR, False),
    ("60 år i 2026: uavklart (Prop. 81 L)", "2026-11-23", {"age_at_permit": 60}, UNCLEAR, False),
    ("61 år i 2026: ute også etter forslaget", "2026-11-23", {"age_at_permit": 61}, NOT_COVERED, True),
    ("56 år, 5. juni 2025 (dagen før Stortinget behandlet saken): ute, bekreftet", "2025-06-05",
     {"permit_date": "2025-03-01", "settlement_date": "2025-05-01", "age_at_permit": 56}, NOT_COVERED, True),
    ("56 år, 6. juni 2025 (dagen Stortinget behandlet saken): uavklart", "2025-06-06",
     {"permit_date": "2025-03-01", "settlement_date": "2025-05-01", "age_at_permit": 56}, UNCLEAR, False),
    ("58 år, men bodd i kommunen over to år: ute uansett aldersgrense", "2026-11-23",
     {"permit_date": "2024-03-01", "settlement_date": "2024-06-01", "age_at_permit": 58}, NOT_COVERED, True),
    ("58 år, bosatt uten avtale: ute uansett aldersgrense", "2026-11-23", {"age_at_permit": 58, "settled_by_agreement": False}, NOT_COVERED, True),
    ("bosatt for nøyaktig to år siden: ute", "2026-10-01", {"permit_date": "2024-09-01", "settlement_date": "2024-10-01"}, NOT_COVERED, True),
    ("bosatt for to år minus én dag siden: med", "2026-09-30", {"permit_date": "2024-09-01", "settlement_date": "2024-10-01"}, RIGHT_AND_DUTY, True),
    # chapter 6A: in force 15 June 2022; announced to last until 1 July 2026
    ("kollektiv beskyttelse 15. juni 2022, dagen kapittel 6A trådte i kraft: rett, ikke plikt", "2022-06-15",
     {**COLL, "permit_date": "2022-04-01", "settlement_date": "2022-05-01"}, RIGHT_ONLY, True),
    ("kollektiv beskyttelse 14. juni 2022: hovedregelen", "2022-06-14",
     {**COLL, "permit_date": "2022-04-01", "settlement_date": "2022-05-01"}, RIGHT_AND_DUTY, True),
    ("kollektiv beskyttelse 30. juni 2026: kapittel 6A, bekreftet", "2026-06-30", COLL, RIGHT_ONLY, True),
    ("kollektiv beskyttelse 1. juli 2026: uavklart om kapittel 6A gjelder", "2026-07-01", COLL, UNCLEAR, False),
    ("kollektiv beskyttelse gitt 10. mars 2022, før kapittel 6A gjelder: hovedregelen", "2022-08-01",
     {**COLL, "permit_date": "2022-03-10", "settlement_date": "2022-05-01"}, RIGHT_AND_DUTY, True),
    # the transition rule (integreringsforskriften § 72), for every permit group
    ("tillatelse 31. desember 2020, kom 30. desember 2020: introduksjonsloven", "2026-11-23",
     {"permit_date": "2020-12-31", "arrival_date": "2020-12-30", "settlement_date": "2021-02-01", "in_introduction_programme": False}, NOT_COVERED, True),
    ("tillatelse 31. desember 2020, kom 31. desember 2020: introduksjonsloven", "2021-03-01",
     {"permit_date": "2020-12-31", "arrival_date": "2020-12-31", "settlement_date": "2021-02-01", "in_introduction_programme": False}, NOT_COVERED, True),
    ("tillatelse 31. desember 2020, kom 1. januar 2021: integreringsloven", "2021-03-01",
     {"permit_date": "2020-12-31", "arrival_date": "2021-01-01", "settlement_date": "2021-02-01"}, RIGHT_AND_DUTY, True),
    ("familiemedlem, tillatelse desember 2020, kom februar 2021: integreringsloven", "2021-04-01",
     {"permit_group": "family", "family_reference_recent": True, "permit_date": "2020-12-10", "arrival_date": "2021-02-15",
      "settlement_date": "2021-02-20"}, RIGHT_AND_DUTY, True),
    ("tillatelse 1. januar 2021: integreringsloven, ankomst spørres ikke", "2021-03-01",
     {"permit_date": "2021-01-01", "settlement_date": "2021-02-01"}, RIGHT_AND_DUTY, True),
    # the covid law: chapter 1 from 1 August 2020; its end is not confirmed
    ("deltaker etter introduksjonsloven i oktober 2020: kommunen vurderer behovet", "2020-10-01", OLD, ASSESS_NEED, True),
    ("deltaker etter introduksjonsloven 30. desember 2022: fortsatt covid-loven", "2022-12-30", OLD, ASSESS_NEED, True),
    ("deltaker etter introduksjonsloven 31. desember 2022: uavklart om covid-loven gjaldt", "2022-12-31", OLD, UNCLEAR, False),
    ("ikke i program 31. desember 2022: ikke omfattet uansett covid-loven", "2022-12-31",
     {**OLD, "in_introduction_programme": False}, NOT_COVERED, True),
    ("deltaker etter introduksjonsloven 31. juli 2020, før kapitlet om karriereveiledning", "2020-07-31", OLD, NOT_COVERED, True),
    ("deltaker etter introduksjonsloven 1. august 2020: kommunen vurderer behovet", "2020-08-01", OLD, ASSESS_NEED, True),
]


@pytest.mark.parametrize("name,on,changes,status,confirmed", ROWS, ids=[r[0] for r in ROWS])
def test_eligibility_rows(name, on, changes, status, confirmed):
    """The status and whether it is confirmed follow the law's dates and limits."""
    d = decide(on, **changes)
    assert (d.status, d.confirmed) == (status, confirmed), d.reasons
    assert d.references, "every decision names at least one reference"


def test_unclear_age_names_the_proposal_and_both_outcomes():
    """An unclear answer says which proposal is unsettled, both outcomes, and what to check."""
    d = decide("2026-11-23", age_at_permit=58)
    assert d.status == UNCLEAR and d.unconfirmed and d.unconfirmed[0]["reference"] == "prop-81-l-2024-2025"
    assert {x["status"] for x in d.alternatives} == {RIGHT_AND_DUTY, NOT_COVERED}
    assert d.acts_as == RIGHT_AND_DUTY
    text = " ".join(d.reasons)
    assert "60 år" in text and "55 år" in text and "Dette må du sjekke" in text and "Lovdata" in text


def test_independent_grounds_are_not_asked_about_agreement():
    """§ 9 letter g (utlendingsloven § 53): settlement by agreement is not a condition and not asked."""
    a = Answers(case(permit_group="independent", settled_by_agreement=None), date(2026, 11, 23))
    d = eligibility.decide(a)
    assert d.status == RIGHT_AND_DUTY and "utlendingsloven-53" in d.references
    assert "settled_by_agreement" not in a.asked


def test_arrival_date_is_asked_only_where_it_decides_the_law():
    """The arrival date is asked for a permit before 1 January 2021 (any group), and not for a later permit."""
    older = Answers({"permit_group": "family", "permit_date": "2020-12-10"}, date(2021, 4, 1))
    with pytest.raises(Missing) as e:
        eligibility.decide(older)
    assert e.value.field == "arrival_date"
    newer = Answers(case(), date(2026, 11, 23))
    eligibility.decide(newer)
    assert "arrival_date" not in newer.asked


def test_collective_protection_asks_whether_the_participant_wants_guidance():
    """Under chapter 6A the participant decides: the question is asked, and a no is recorded."""
    a = Answers(case(**{**COLL, "wants_guidance": None}), date(2026, 6, 1))
    with pytest.raises(Missing) as e:
        eligibility.decide(a)
    assert e.value.field == "wants_guidance"
    d = decide("2026-06-01", **{**COLL, "wants_guidance": False})
    assert d.status == RIGHT_ONLY and d.wants_guidance is False


def test_right_only_expects_no_recommendation():
    """Chapter 6A: no recommendation on sluttmål, varighet and innhold is expected."""
    d = decide("2023-05-01", permit_group="collective", permit_date="2023-01-10", settlement_date="2023-03-01", wants_guidance=True)
    assert d.status == RIGHT_ONLY and d.recommendation_expected is False
    assert "integreringsloven-kapittel-6a" in d.references and "utlendingsloven-34" in d.references


def test_not_covered_says_what_may_be_offered():
    """A person outside the target group is told the reason and what may still be offered."""
    d = decide("2026-11-23", age_at_permit=70)
    assert d.status == NOT_COVERED and d.may_offer and "70 år" in d.reasons[0]


def test_asks_only_what_it_needs():
    """The rule reads the questions in order and stops at the first one it needs without an answer."""
    a = Answers({"permit_group": "refugee", "permit_date": "2026-08-01"}, date(2026, 11, 23))
    with pytest.raises(Missing) as e:
        eligibility.decide(a)
    assert e.value.field == "age_at_permit"
    assert a.asked == ["permit_group", "permit_date", "age_at_permit"]


def test_family_members_are_not_asked_about_agreement():
    """Settlement by agreement with IMDi is not asked for family members."""
    a = Answers(case(permit_group="family", family_reference_recent=True), date(2026, 11, 23))
    assert eligibility.decide(a).status == RIGHT_AND_DUTY
    assert "settled_by_agreement" not in a.asked and "family_reference_recent" in a.asked


@pytest.mark.parametrize("wants", [True, False])
def test_collective_protection_at_57_under_the_unsettled_age_limit_keeps_chapter_6a(wants):
    """Collective protection, 57 when the permit came, while chapter 6A applies (July 2025) and the
    60-year limit is unconfirmed: uavklart between a right without a duty (limit 60) and not covered
    (limit 55), never a duty; the participant is asked whether they want guidance, and a no means no
    referral (a property test found the duty: the age branch returned before chapter 6A was read)."""
    from guide_engine import api

    changes = {"permit_group": "collective", "permit_date": "2024-04-01", "settlement_date": "2025-03-01",
               "age_at_permit": 57, "wants_guidance": wants}
    d = decide("2025-07-01", **changes)
    assert d.status == UNCLEAR and d.acts_as == RIGHT_ONLY and d.wants_guidance is wants
    assert [x["status"] for x in d.alternatives] == [RIGHT_ONLY, NOT_COVERED]
    assert d.recommendation_expected is False and "utlendingsloven-34" in d.references
    r = api.evaluate(case(**changes), "2025-07-01")
    assert "wants_guidance" in r["path"] and r["referral"]["applicable"] is wants
