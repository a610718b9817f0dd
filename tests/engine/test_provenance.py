"""Layers and caveats over time: every county on the first of every month 2020–2027.

No county fact or national guidance is used outside its period, a fact used where it is not
confirmed (national guidance, after ``confirmed_until``, an estimated period, or a source more than
two years old) carries a data note, and the result, the checklist and the referral carry the same notes.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from guide_engine import api, provenance
from guide_engine.data_loader import load_counties, load_national, load_sources
from guide_engine.municipalities import in_county

MONTHS = [date(y, m, 1) for y in range(2020, 2028) for m in range(1, 13)]


def _case(cid: str, on: date) -> dict:
    """A covered case on ``on``: a covid-law participant in 2020, a newly settled refugee from 2021."""
    case = {"county": cid, "municipality": in_county(cid, on)[0].number, "participant_ref": "T-1", "permit_group": "refugee",
            "interpreter_needed": True, "interpreter_language": "dari", "wants_adviser_present": True,
            "competence_mapping_done": True, "individual_plan_exists": True, "norwegian_plan_exists": True,
            "practical_needs": "", "planned_session_date": None, "sector_hit_by_crisis": True}
    if on.year < 2021:
        case.update(permit_date="2019-05-01", arrival_date="2019-02-01", in_introduction_programme=True)
    else:
        # early 2021: the permit falls in 2020, so the person is a covid-law participant in the programme
        case.update(permit_date=(on - timedelta(days=60)).isoformat(), arrival_date=(on - timedelta(days=150)).isoformat(),
                    age_at_permit=30, in_introduction_programme=True,
                    settlement_date=(on - timedelta(days=30)).isoformat(), settled_by_agreement=True)
    return case


def _unconfirmed(f, layer: str, on: date, status: str) -> bool:
    """The independent reading of "not confirmed on this date" that the notes must cover."""
    src = load_sources()[f.source]
    return (layer == provenance.NATIONAL or (f.confirmed_until is not None and on > f.confirmed_until)
            or (bool(f.written_for) and status not in f.written_for)
            or (f.period_note is not None and layer == provenance.COUNTY)
            or provenance.source_date(src.as_of).replace(year=provenance.source_date(src.as_of).year + 2) < on)


def _cases():
    for cid, county in load_counties().items():
        for on in MONTHS:
            if county.exists_on(on):
                yield cid, on


@pytest.mark.parametrize("cid", list(load_counties()))
def test_no_fact_is_used_outside_its_period_without_a_note(cid):
    """For each month the county exists: every fact a task rests on (the layers the case's facts
    recorded for it) is in force and written for the case's law; where it is not confirmed, the task
    and the result carry a note naming its source."""
    county = load_counties()[cid]
    checked = 0
    for on in MONTHS:
        if not county.exists_on(on):
            continue
        r = api.evaluate(_case(cid, on), on.isoformat())
        assert r["ok"], (cid, on, r["errors"])
        status = r["eligibility"]["status"]
        for item in r["checklist"]:
            for key, layer in item["layers"].items():
                a = provenance.answer(county, key, on, status)
                assert a is not None and layer == a.layer, (cid, on, key)
                assert a.fact.period.covers(on) and (not a.fact.applies_to or status in a.fact.applies_to), (cid, on, key)
                if _unconfirmed(a.fact, a.layer, on, status):
                    checked += 1
                    assert item["data_notes"], (cid, on, item["id"], key)
                    assert any(key in n["facts"] and n["source"] == a.source and f"checklist:{item['id']}" in n["parts"]
                               for n in r["data_notes"]), (cid, on, key)
    if county.routine or cid in ("oslo", "akershus"):
        assert checked, f"{cid}: no unconfirmed fact was ever used, so the test checked nothing"


@pytest.mark.parametrize("cid", list(load_counties()))
def test_result_checklist_and_referral_carry_the_same_notes(cid):
    """The notes in data_notes are those of the checklist items and the referral: every note on an
    item, beside a deadline or the priority is among them, and the referral's list carries them all
    (by id); its body, which goes to the county, carries none of them."""
    county = load_counties()[cid]
    for on in MONTHS:
        if not county.exists_on(on):
            continue
        r = api.evaluate(_case(cid, on), on.isoformat())
        notes = [n["id"] for n in r["data_notes"]]  # the parts carry the ids of the notes, each note's text once
        assert len(notes) == len(set(notes)) == len({n["note"] for n in r["data_notes"]}), (cid, on)  # each note once
        on_items = {t for item in r["checklist"] for t in item["data_notes"]}
        beside = {t for d in r["deadlines"] for t in d["data_notes"]} | (set(r["priority"]["data_notes"]) if r["priority"]["applies"] else set())
        assert on_items | beside <= set(notes), (cid, on)
        if not r["referral"]["applicable"]:
            assert r["referral"]["data_notes"] == [] and set(notes) == on_items, (cid, on)
            continue
        assert r["referral"]["data_notes"] == notes, (cid, on)
        for n in r["data_notes"]:  # the letter to the county carries no caveat meant for its sender
            assert n["note"] not in r["referral"]["body"], (cid, on, n["note"])


@pytest.mark.parametrize("cid", list(load_counties()))
def test_referral_goes_only_to_a_booking_mailbox(cid):
    """The draft is addressed only to a booking_mailbox in force; otherwise a draft says so and offers
    the county page (a case without a draft keeps its own reason). Where the county ends before the
    session, the draft goes to the county that holds it: no old mailbox, the successor's page."""
    county = load_counties()[cid]
    for on in MONTHS:
        if not county.exists_on(on):
            continue
        r = api.evaluate(_case(cid, on), on.isoformat())
        prepares = r["eligibility"]["acts_as"] or r["eligibility"]["status"]  # a routine is scoped by the law of the case
        change = r["county"]["change"]
        box = None if change else county.fact("booking_mailbox", on, prepares)
        assert r["referral"]["to"] == (box.value if box else None), (cid, on)
        if box is None and r["referral"]["applicable"]:
            assert r["referral"]["contact_page"] == f"counties/{change['to'] if change else cid}/"
            assert "Ingen bestillingsadresse" in r["referral"]["reason"]
        elif not r["referral"]["applicable"]:
            assert "contact_page" not in r["referral"] and r["referral"]["reason"].startswith("Ingen henvisning"), (cid, on)


def test_trondelag_priority_only_for_covid_law_cases():
    """The autumn 2020 letter's priority criteria apply to covid-law participants, never to a § 11 case."""
    for on in MONTHS:
        r = api.evaluate(_case("trondelag", on), on.isoformat())
        if r["priority"]["applies"]:
            assert r["eligibility"]["status"] == "assess_need", on


def test_national_guidance_is_labelled_and_dated():
    """A national answer names IMDi or HK-dir and the page's own date, and says it is not the county's routine."""
    r = api.evaluate(_case("oslo", date(2026, 11, 1)), "2026-11-01")
    assert r["interpreter"]["layer"] == "national"
    national = [n for n in r["data_notes"] if n["kind"] == "national"]
    assert national and all("29. september 2023" in n["note"] and "ikke på fylkets egen rutine" in n["note"] for n in national)


def test_old_source_threshold_is_two_years():
    """Viken's May 2021 guideline is not old in May 2023 but is in June 2023."""
    assert not provenance.is_old("viken-veileder-2021.txt", date(2023, 5, 31))
    assert provenance.is_old("viken-veileder-2021.txt", date(2023, 6, 1))


def test_national_layer_covers_the_documented_keys_and_starts_with_the_act():
    """The national layer answers interpreter and IMDi-nett questions from 2021, and nothing before."""
    national = load_national()
    assert {"interpreter_orders", "interpreter_pays", "imdi_registration"} <= set(national)
    for key in national:
        assert provenance.national_fact(key, date(2020, 12, 31), "right_and_duty") is None
        assert provenance.national_fact(key, date(2021, 1, 1), "right_and_duty") is not None
        assert provenance.national_fact(key, date(2021, 1, 1), "right_only") is not None
        assert provenance.national_fact(key, date(2021, 1, 1), "assess_need") is None  # not for the covid law's participants


def test_cli_lists_facts_by_source_age(capsys):
    """`python -m guide_engine ages --on D` prints every fact, oldest source first, flagging old sources."""
    from guide_engine.__main__ import main

    assert main(["ages", "--on", "2026-11-23"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    total = sum(len(fs) for c in load_counties().values() for fs in c.facts.values()) + sum(len(fs) for fs in load_national().values())
    assert len(lines) == total
    dates = [ln.split()[0] for ln in lines]
    assert dates == sorted(dates) and dates[0] == "2020-12-31"
    assert "*" in lines[0] and "Trøndelag" in lines[0]
    assert main(["ages", "--on", "23.11.2026"]) == 2


def _kinds(county: str, key: str, on: date, status: str, used_on: date | None = None) -> list[str]:
    return [n["kind"] for n in provenance.answer(load_counties()[county], key, on, status, used_on).notes]


def test_a_routine_written_for_other_cases_is_never_confirmed_for_them():
    """Trøndelag's covid-law letter answers a § 11 case only with the note that it was written for covid-law
    participants, even inside the letter's own horizon; for a covid-law case it is confirmed until June 2021."""
    assert "other_law" in _kinds("trondelag", "interpreter_orders", date(2021, 3, 1), "right_and_duty")
    assert "unconfirmed" not in _kinds("trondelag", "interpreter_orders", date(2021, 8, 1), "right_and_duty")  # said once
    assert "other_law" not in _kinds("trondelag", "interpreter_orders", date(2021, 3, 1), "assess_need")
    assert "unconfirmed" in _kinds("trondelag", "interpreter_orders", date(2021, 8, 1), "assess_need")
    (note,) = [n for n in provenance.answer(load_counties()["trondelag"], "interpreter_orders", date(2026, 11, 23),
                                            "right_and_duty").notes if n["kind"] == "other_law"]
    assert "skrevet for deltakere i introduksjonsprogram etter den midlertidige covid-loven" in note["note"]
    assert "other_law" in provenance.UNSURE


def test_confirmed_until_is_judged_on_the_session_date():
    """Møre og Romsdal's interpreter rule is confirmed to 31 December 2021: a case on 1 December 2021 with its
    session on 1 February 2022 gets the caveat (naming the session's date); one with its session in December does not."""
    mr = load_counties()["more-og-romsdal"]
    on = date(2021, 12, 1)
    assert "unconfirmed" not in _kinds("more-og-romsdal", "interpreter_orders", on, "right_and_duty")
    assert "unconfirmed" not in _kinds("more-og-romsdal", "interpreter_orders", on, "right_and_duty", date(2021, 12, 20))
    assert "unconfirmed" not in _kinds("more-og-romsdal", "interpreter_orders", on, "right_and_duty", date(2021, 11, 1))
    late = provenance.answer(mr, "interpreter_orders", on, "right_and_duty", date(2022, 2, 1))
    (note,) = [n for n in late.notes if n["kind"] == "unconfirmed"]
    assert "på datoen for veiledningen, 1. februar 2022" in note["note"] and "31. desember 2021" in note["note"]
    r = api.evaluate({**_case("more-og-romsdal", on), "planned_session_date": "2022-02-01"}, on.isoformat())
    assert r["interpreter"]["confirmed"] is False and any("1. februar 2022" in n["note"] for n in r["data_notes"])


def test_elsewhere_names_the_cases_and_the_period_a_fact_holds_for():
    """A county fact that does not answer the case is named with the cases and the period it holds for; none
    where the county has no such fact, or where the fact answers the case."""
    mr, oslo = load_counties()["more-og-romsdal"], load_counties()["oslo"]
    f, scope = provenance.elsewhere(mr, "note_due_working_days", date(2021, 3, 1), "assess_need")
    assert f.value == 5 and scope.startswith("for karriereveiledning etter integreringsloven § 11")
    f, scope = provenance.elsewhere(mr, "note_due_working_days", date(2020, 11, 1), "right_and_duty")
    assert scope == "fra 1. januar 2021"
    assert provenance.elsewhere(mr, "note_due_working_days", date(2026, 11, 23), "right_and_duty") is None
    assert provenance.elsewhere(oslo, "note_due_working_days", date(2026, 11, 23), "right_and_duty") is None


def test_routine_marks_are_the_engines_notes_on_the_date():
    """The county overview's marks: Møre og Romsdal's page is old and its interpreter rule temporary in 2026,
    neither in mid-2021; Trøndelag's letter is marked as written for covid-law participants."""
    mr, tr = load_counties()["more-og-romsdal"], load_counties()["trondelag"]
    marks = provenance.routine_marks(mr, date(2026, 11, 23), "right_and_duty")
    assert "gammel kilde (2021)" in marks
    assert "Hvem bestiller tolk: midlertidig ordning, ikke bekreftet etter 31. desember 2021" in marks
    assert provenance.routine_marks(mr, date(2021, 6, 1), "right_and_duty") == []
    marks = provenance.routine_marks(tr, date(2026, 11, 23), "right_and_duty")
    assert any(m.startswith("skrevet for deltakere i introduksjonsprogram etter den midlertidige covid-loven") for m in marks)
    assert not any("ikke bekreftet etter 30. juni 2021" in m for m in marks)
