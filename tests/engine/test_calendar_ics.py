"""iCalendar output, read back by a maintained iCalendar library (icalendar, test-only)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import icalendar
import pytest

from guide_engine import api, bridge, calendar_ics, queue
from tests.helpers.engine_helpers import case
from tests.helpers.queue_sheets import ON, excel_sheet_with_bad_row


def events(text: str) -> list:
    cal = icalendar.Calendar.from_ical(text)
    return [c for c in cal.walk("VEVENT")]


def test_result_deadlines_as_all_day_events():
    answers = case(participant_ref="AB-12, rom 3; tolk")
    result = api.evaluate(answers, ON)
    assert result["ok"] and result["deadlines"]
    text = calendar_ics.deadlines_ics(result, answers["participant_ref"])
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    evs = events(text)
    assert len(evs) == len(result["deadlines"])
    for ev, d in zip(evs, result["deadlines"]):
        start = ev.decoded("DTSTART")
        assert start == date.fromisoformat(d["date"]) and not hasattr(start, "hour")  # all day
        assert ev.decoded("DTEND") == start + timedelta(days=1)
        assert str(ev["SUMMARY"]) == f"{d['label']} – AB-12, rom 3; tolk"  # escaped , and ; survive
        desc = str(ev["DESCRIPTION"])
        assert d["basis"] in desc and "Grunnlag: " in desc
        assert result["references"][d["references"][0]]["label"] in desc
    assert len({str(e["UID"]) for e in evs}) == len(evs)
    assert calendar_ics.deadlines_ics(result, "AB-12, rom 3; tolk") == text  # no clock, no randomness


def test_no_deadlines_no_file():
    assert calendar_ics.deadlines_ics(api.evaluate({}, ON), "") == ""


def test_bridge_ics_uses_only_a_valid_reference():
    good = json.loads(bridge.handle(json.dumps({"op": "ics", "answers": case(participant_ref="AB"), "on": ON})))["result"]
    assert "– AB" in good["ics"] and good["filename"].endswith(".ics")
    fnr = json.loads(bridge.handle(json.dumps({"op": "ics", "answers": case(participant_ref="01019900041"), "on": ON})))["result"]
    assert fnr["ics"] == "" and "01019900041" not in json.dumps(fnr)


def test_bridge_ics_gets_the_cleaned_reference():
    """A TAB or stray space in the reference never reaches SUMMARY or X-WR-CALNAME: the calendar gets the referral's cleaned text."""
    out = json.loads(bridge.handle(json.dumps({"op": "ics", "answers": case(participant_ref=" AB\t12 "), "on": ON})))["result"]
    assert "\t" not in out["ics"] and "AB 12" in out["ics"]
    cal = icalendar.Calendar.from_ical(out["ics"])
    assert str(cal["X-WR-CALNAME"]).endswith("– AB 12")
    assert all(str(ev["SUMMARY"]).endswith("– AB 12") for ev in events(out["ics"]))


def test_calendar_cleans_a_raw_reference_itself():
    """deadlines_ics makes any reference one clean line, without a fødselsnummer."""
    result = api.evaluate(case(), ON)
    text = calendar_ics.deadlines_ics(result, "AB\x0b12\u202e")
    assert "AB 12" in text and "\u202e" not in text and "\x0b" not in text
    assert "01019912345" not in calendar_ics.deadlines_ics(result, "01019912345")


@pytest.mark.parametrize("text", ["æøå " * 40, "a\\b;c,d\ne", "x" * 200])
def test_escaping_and_folding_round_trip(text):
    cal = calendar_ics.calendar([{"date": "2026-12-01", "summary": text, "description": text, "uid": "u@x"}], date(2026, 11, 23), "n")
    ev = events(cal)[0]
    assert str(ev["SUMMARY"]) == text and str(ev["DESCRIPTION"]) == text


def test_queue_sessions_file():
    r = queue.evaluate(excel_sheet_with_bad_row(), ON, 2, ON)
    text = calendar_ics.sessions_ics(r)
    evs = events(text)
    projected = [x for x in r["rows"] if x["projected"]]
    assert len(evs) == len(projected) == r["counts"]["ranked"]
    for ev, row in zip(evs, projected):
        assert ev.decoded("DTSTART") == date.fromisoformat(row["projected"])
        assert row["label"] in str(ev["SUMMARY"]) and f"Rang {row['rank']}" in str(ev["DESCRIPTION"])
        assert row["placement"]["text"] in str(ev["DESCRIPTION"]).replace("\n", " ")  # the plan's rule for the date
    assert calendar_ics.sessions_ics(queue.evaluate(excel_sheet_with_bad_row(), ON)) == ""
