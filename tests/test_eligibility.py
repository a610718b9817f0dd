"""Eligibility under integreringsloven §§ 8, 9, 11, 51, chapter 6A and the 2020 covid law."""

from __future__ import annotations

from datetime import date

import pytest

from guide_engine import eligibility
from guide_engine.eligibility import ASSESS_NEED, NOT_COVERED, RIGHT_AND_DUTY, RIGHT_ONLY
from guide_engine.answers import Answers, Missing
from tests.engine_helpers import case


def decide(on: str, **changes):
    return eligibility.decide(Answers(case(**changes), date.fromisoformat(on)))


ROWS = [
    # (adviser's words, reference date, changes, status, confirmed)
    ("flyktning, 34 år, bosatt etter avtale: rett og plikt", "2026-11-23", {}, RIGHT_AND_DUTY, True),
    ("overføringsflyktning: rett og plikt", "2026-11-23", {"permit_group": "resettlement"}, RIGHT_AND_DUTY, True),
    ("sterke menneskelige hensyn etter asylsøknad: rett og plikt", "2026-11-23", {"permit_group": "humanitarian"}, RIGHT_AND_DUTY, True),
    ("akkurat 18 år: med", "2026-11-23", {"age_at_permit": 18}, RIGHT_AND_DUTY, True),
    ("akkurat 55 år: med", "2026-11-23", {"age_at_permit": 55}, RIGHT_AND_DUTY, True),
    ("56 år i 2024, før forslaget om 60 år: ute, bekreftet", "2025-06-01",
     {"permit_date": "2024-06-01", "settlement_date": "2024-09-01", "age_at_permit": 56}, NOT_COVERED, True),
    ("60 år i 2026: ute etter bekreftet regel, men forslaget er ikke avklart", "2026-11-23", {"age_at_permit": 60}, NOT_COVERED, False),
    ("61 år i 2026: ute også etter forslaget", "2026-11-23", {"age_at_permit": 61}, NOT_COVERED, True),
    ("bosatt for nøyaktig to år siden: ute", "2026-10-01", {"permit_date": "2024-09-01", "settlement_date": "2024-10-01"}, NOT_COVERED, True),
    ("bosatt for to år minus én dag siden: med", "2026-09-30", {"permit_date": "2024-09-01", "settlement_date": "2024-10-01"}, RIGHT_AND_DUTY, True),
    ("kollektiv beskyttelse 15. juni 2022, dagen kapittel 6A trådte i kraft: rett, ikke plikt", "2022-06-15",
     {"permit_group": "collective", "permit_date": "2022-04-01", "settlement_date": "2022-05-01"}, RIGHT_ONLY, True),
    ("kollektiv beskyttelse 14. juni 2022: hovedregelen", "2022-06-14",
     {"permit_group": "collective", "permit_date": "2022-04-01", "settlement_date": "2022-05-01"}, RIGHT_AND_DUTY, True),
    ("kollektiv beskyttelse 30. juni 2026: kapittel 6A, bekreftet", "2026-06-30",
     {"permit_group": "collective", "permit_date": "2026-03-01", "settlement_date": "2026-05-01"}, RIGHT_ONLY, True),
    ("kollektiv beskyttelse 1. juli 2026: ikke bekreftet", "2026-07-01",
     {"permit_group": "collective", "permit_date": "2026-03-01", "settlement_date": "2026-05-01"}, RIGHT_ONLY, False),
    ("tillatelse 31. desember 2020: introduksjonsloven", "2026-11-23",
     {"permit_date": "2020-12-31", "settlement_date": "2021-02-01", "in_introduction_programme": False}, NOT_COVERED, True),
    ("tillatelse 1. januar 2021: integreringsloven", "2021-03-01",
     {"permit_date": "2021-01-01", "settlement_date": "2021-02-01"}, RIGHT_AND_DUTY, True),
    ("deltaker etter introduksjonsloven i oktober 2020: kommunen vurderer behovet", "2020-10-01",
     {"permit_date": "2019-03-01", "in_introduction_programme": True}, ASSESS_NEED, True),
    ("deltaker etter introduksjonsloven 30. desember 2022: fortsatt covid-loven", "2022-12-30",
     {"permit_date": "2019-03-01", "in_introduction_programme": True}, ASSESS_NEED, True),
    ("deltaker etter introduksjonsloven 31. desember 2022: covid-loven opphevet", "2022-12-31",
     {"permit_date": "2019-03-01", "in_introduction_programme": True}, NOT_COVERED, True),
    ("deltaker etter introduksjonsloven i juli 2020, før kapitlet om karriereveiledning", "2020-07-15",
     {"permit_date": "2019-03-01", "in_introduction_programme": True}, NOT_COVERED, True),
]


@pytest.mark.parametrize("name,on,changes,status,confirmed", ROWS, ids=[r[0] for r in ROWS])
def test_eligibility_rows(name, on, changes, status, confirmed):
    """The status and whether it is confirmed follow the law's dates and limits."""
    d = decide(on, **changes)
    assert (d.status, d.confirmed) == (status, confirmed), d.reasons
    assert d.references, "every decision names at least one reference"


def test_unconfirmed_age_names_the_proposal():
    """An unconfirmed answer says which proposal is unsettled and from when."""
    d = decide("2026-11-23", age_at_permit=58)
    assert d.unconfirmed and d.unconfirmed[0]["reference"] == "prop-81-l-2024-2025"
    assert "prop-81-l-2024-2025" in d.references


def test_right_only_expects_no_recommendation():
    """Chapter 6A: no recommendation on sluttmål, varighet and innhold is expected."""
    d = decide("2023-05-01", permit_group="collective", permit_date="2023-01-10", settlement_date="2023-03-01")
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


def test_resettlement_refugee_before_2021_needs_settlement_date_first():
    """For a resettlement refugee with a 2020 permit the arrival (settlement) date decides the law."""
    a = Answers({"permit_group": "resettlement", "permit_date": "2020-11-01"}, date(2021, 3, 1))
    with pytest.raises(Missing) as e:
        eligibility.decide(a)
    assert e.value.field == "settlement_date"
