"""The guide's result offers its deadlines as an .ics file made by the engine; a calendar library reads it."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

from guide_engine import api
from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, open_guide, show_result

pytestmark = pytest.mark.browser


def test_deadlines_download_as_calendar_events(page, site_url):
    open_guide(page, site_url)
    asked = answer_until_review(page, MORE_OG_ROMSDAL_WITH_INTERPRETER)
    show_result(page)
    on = page.get_attribute("#guide-result-on", "data-on")
    want = api.evaluate({k: MORE_OG_ROMSDAL_WITH_INTERPRETER[k] for k in asked}, on)
    with page.expect_download() as info:
        page.click("#guide-download-ics")
    assert info.value.suggested_filename.endswith(".ics")
    cal = icalendar.Calendar.from_ical(open(info.value.path(), "rb").read())
    events = list(cal.walk("VEVENT"))
    assert [(str(e.decoded("DTSTART")), str(e["SUMMARY"])) for e in events] == [
        (d["date"], f"{d['label']} – AB-12") for d in want["deadlines"]]
    for e, d in zip(events, want["deadlines"]):
        assert isinstance(e.decoded("DTSTART"), date) and d["basis"] in str(e["DESCRIPTION"])
    assert page.recorder.foreign_requests() == []
