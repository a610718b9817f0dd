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
    ("kollektiv beskyttelse gitt 11. mars 2022, dagen ordningen ble tatt i bruk: kapittel 6A", "2022-08-01",
     {**COLL, "permit_date": "2022-03-11", "settlement_date": "2022-05-01"}, RIGHT_ONLY, True),
    # the transition rule (integreringsforskriften § 72): arrival counts only for those who applied from abroad
    ("overføringsflyktning, tillatelse 31. desember 2020, kom 30. desember 2020: introduksjonsloven", "2026-11-23",
     {"permit_group": "resettlement", "permit_date": "2020-12-31", "arrival_date": "2020-12-30", "settlement_date": "2021-02-01",
      "in_introduction_programme": False}, NOT_COVERED, True),
    ("overføringsflyktning, tillatelse 31. desember 2020, kom 31. desember 2020: introduksjonsloven", "2021-03-01",
     {"permit_group": "resettlement", "permit_date": "2020-12-31", "arrival_date": "2020-12-31", "settlement_date": "2021-02-01",
      "in_introduction_programme": False}, NOT_COVERED, True),
    ("overføringsflyktning, tillatelse 31. desember 2020, kom 1. januar 2021: integreringsloven", "2021-03-01",
     {"permit_group": "resettlement", "permit_date": "2020-12-31", "arrival_date": "2021-01-01", "settlement_date": "2021-02-01"}, RIGHT_AND_DUTY, True),
    ("flyktning (asyl i Norge), tillatelse 1. november 2020, «kom» 10. januar 2021: introduksjonsloven", "2021-03-01",
     {"permit_date": "2020-11-01", "arrival_date": "2021-01-10", "settlement_date": "2021-02-01", "in_introduction_programme": False}, NOT_COVERED, True),
    ("sterke menneskelige hensyn (asyl i Norge), tillatelse desember 2020, «kom» februar 2021: introduksjonsloven", "2021-03-01",
     {"permit_group": "humanitarian", "permit_date": "2020-12-01", "arrival_date": "2021-02-01", "settlement_date": "2021-02-10",
      "in_introduction_programme": False}, NOT_COVERED, True),
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


@pytest.mark.parametrize("group", ["resettlement", "family", "independent"])
def test_arrival_date_is_asked_where_the_person_may_have_applied_from_abroad(group):
    """§ 72: for a permit before 1 January 2021, the arrival date is asked of the groups that apply from abroad."""
    older = Answers({"permit_group": group, "permit_date": "2020-12-10"}, date(2021, 4, 1))
    with pytest.raises(Missing) as e:
        eligibility.decide(older)
    assert e.value.field == "arrival_date"
    newer = Answers(case(permit_group=group, family_reference_recent=True), date(2026, 11, 23))
    eligibility.decide(newer)
    assert "arrival_date" not in newer.asked


@pytest.mark.parametrize("group", ["refugee", "humanitarian"])
def test_asylum_granted_in_norway_before_2021_is_introduksjonsloven_whatever_the_arrival_date(group):
    """§ 72's exception covers «Personer som søker om oppholdstillatelse fra utlandet»: an asylum permit before 2021
    gives introduksjonsloven, the arrival date is not asked, and an «arrival» after 2021 does not move the person."""
    a = Answers(case(permit_group=group, permit_date="2020-11-01", arrival_date="2021-01-10", settlement_date="2021-02-01",
                     in_introduction_programme=False), date(2021, 3, 1))
    d = eligibility.decide(a)
    assert (d.status, d.law) == (NOT_COVERED, "introduksjonsloven")
    assert "arrival_date" not in a.asked
    assert "integreringsforskriften-72" in d.references and "søkte beskyttelse i Norge" in " ".join(d.reasons)


def test_an_arrival_after_the_settlement_date_is_refused():
    """Nobody is settled in a municipality before coming to Norway: the settlement date gets a message, not a status."""
    from guide_engine import api
    r = api.evaluate(case(permit_group="resettlement", permit_date="2020-12-10", arrival_date="2021-03-01",
                          settlement_date="2021-02-15"), "2021-04-01")
    assert r["ok"] is False
    assert [e["field"] for e in r["errors"]] == ["settlement_date"] and "kom til Norge" in r["errors"][0]["message"]
    # an arrival date left in the answers of an asylum case (not asked there) is not compared
    ok = api.evaluate(case(permit_date="2026-08-01", arrival_date="2026-10-15", settlement_date="2026-10-01"), "2026-11-23")
    assert ok["ok"] is True


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


@pytest.mark.parametrize("permit_date", ["2020-06-01", "2022-03-10"])
def test_a_collective_protection_permit_before_the_scheme_existed_is_refused(permit_date):
    """Utlendingsloven § 34 was first put to use on 11 March 2022 (Prop. 107 L (2021–2022) punkt 5.1): an earlier
    § 34 permit date gets a message on the permit date, never a status."""
    from guide_engine import api
    r = api.evaluate(case(permit_group="collective", permit_date=permit_date, settlement_date="2022-05-01",
                          arrival_date="2020-01-01", wants_guidance=True), "2022-08-01")
    assert r["ok"] is False and r["eligibility"] is None
    assert [e["field"] for e in r["errors"]] == ["permit_date"]
    assert "11. mars 2022" in r["errors"][0]["message"] and "§ 34" in r["errors"][0]["message"]
    other = api.evaluate(case(permit_group="refugee", permit_date="2022-03-10", settlement_date="2022-05-01"), "2022-08-01")
    assert other["ok"] is True  # only the § 34 group has that first date


def test_the_covid_law_unclear_status_names_the_part_and_what_would_settle_it():
    """Chapter 1 (career guidance) ends «fra den tid Kongen bestemmer»; 31 December 2022 is the other parts' end.
    The unclear answer says so, cites Prop. 137 L (2020–2021), and names the document that would settle it."""
    d = decide("2023-06-01", **OLD)
    assert d.status == UNCLEAR and d.law == "introduksjonsloven" and d.acts_as == ASSESS_NEED
    text = " ".join(d.reasons)
    assert "kapittel 1" in text and "Kongen bestemmer" in text and "andre deler" in text and "31. desember 2022" in text
    assert "kongelige resolusjonen" in text and "Lovdata" in text
    assert "prop-137-l-2020-2021" in d.references


def test_independent_grounds_name_the_part_of_paragraph_53_that_paragraph_9_g_covers():
    """§ 9 first paragraph letter g covers «§ 53 første ledd bokstav b, andre ledd eller tredje ledd» (Prop. 73 L
    (2022–2023) punkt 3.1), not a permit after the reference person's death (letter a): the option and the reason say which."""
    from guide_engine import api
    label = next(o["label"] for q in api.questions() if q["id"] == "permit_group" for o in q["options"] if o["value"] == "independent")
    assert "§ 53 første ledd bokstav b, andre eller tredje ledd" in label and "død" in label
    d = decide("2026-11-23", permit_group="independent", settled_by_agreement=None)
    assert "§ 53 første ledd bokstav b, andre eller tredje ledd" in " ".join(d.reasons)


def test_the_two_year_limit_says_which_day_it_is_counted_to():
    """The engine counts residence to the reference date; where the § 12 vedtak came earlier, the count may end
    there (an open point): a «not covered» for two years' residence says so, and what to check."""
    d = decide("2026-10-01", permit_date="2024-09-01", settlement_date="2024-10-01")
    assert d.status == NOT_COVERED
    text = " ".join(d.reasons)
    assert "regner botiden fram til 1. oktober 2026" in text and "vedtaket" in text and "§ 12" in text
