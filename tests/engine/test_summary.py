"""The summary block: read from the result, one line per part, each pointing at its section."""

from __future__ import annotations

import pytest

from guide_engine import api
from guide_engine.result import summary
from tests.helpers.scenario_table import county_missing, rows

ROWS = [r for r in rows() if not county_missing(r)]
OK_ROWS = [r for r in ROWS if r.get("expect", {}).get("ok", True) and not r.get("error_fields")]


def evaluate(row):
    return api.evaluate(row["full_case"], row["on"])


def by_name(fragment):
    return next(r for r in ROWS if fragment in r["name"])


@pytest.mark.parametrize("row", OK_ROWS, ids=[r["name"] for r in OK_ROWS])
def test_summary_agrees_with_the_result(row):
    """Every part of the summary says what the full result below it says."""
    result = evaluate(row)
    s = result["summary"]
    assert s["status"]["value"] == result["eligibility"]["status"]
    assert s["status"]["confirmed"] == result["eligibility"]["confirmed"]
    assert result["eligibility"]["label"] in s["status"]["text"]
    interp = result["interpreter"]
    if interp and interp["needed"] is not None:
        assert (s["interpreter"]["orders"], s["interpreter"]["pays"]) == (interp["orders"], interp["pays"])
    ahead = sorted(d["date"] for d in result["deadlines"] if not d["overdue"])
    if ahead:
        assert s["deadline"]["date"] == ahead[0] and not s["deadline"]["overdue"]
        assert s["deadline"]["date_text"] in s["deadline"]["text"]
    passed = [d["id"] for d in result["deadlines"] if d["overdue"]]
    assert sorted([p["id"] for p in s["deadline"]["passed"]] + ([s["deadline"]["id"]] if s["deadline"]["overdue"] else [])) == sorted(passed)
    if result["checklist"]:
        first = result["checklist"][0]
        assert s["now"]["task_id"] == first["id"] and first["task"] in s["now"]["text"]
    else:
        assert s["now"] is None
    assert {p["anchor"] for p in s.values() if p} <= set(summary.ANCHORS.values())


def test_summary_is_null_for_a_result_with_errors():
    """A case with a validation error has no summary."""
    result = evaluate(by_name("alder 300"))
    assert result["ok"] is False and result["summary"] is None


def test_interpreter_line_names_who_orders_and_who_pays():
    """Møre og Romsdal: the municipality orders, the county pays; both are named in the line, and
    the line says it is not confirmed (the county's 2021 page confirms it only to 31 December 2021)."""
    s = evaluate(by_name("tolk – kommunen bestiller"))["summary"]["interpreter"]
    assert s["text"] == "Kommunen bestiller tolk, fylkeskommunen betaler. (Ikke bekreftet for datoen: se merknaden om kilden.)"
    assert s["confirmed"] is False


def test_interpreter_line_when_no_interpreter_is_needed():
    """Without an interpreter the line says so instead of naming who orders."""
    s = evaluate(by_name("uten tolk spørres"))["summary"]["interpreter"]
    assert s["needed"] is False and s["text"] == "Ikke behov for tolk."


def test_passed_booking_deadline_is_shown_beside_the_next_one():
    """A booking deadline already passed is listed as passed; the next line is the next deadline ahead."""
    row = by_name("bestillingsfristen er passert")
    result = evaluate(row)
    s = result["summary"]["deadline"]
    assert s["id"] != "book_by" and not s["overdue"]
    assert [p["id"] for p in s["passed"]] == ["book_by"]
    assert "Passert" in s["passed"][0]["text"]


def test_latest_passed_deadline_when_every_deadline_has_passed():
    """When all deadlines lie before the reference date, the latest passed one is shown as passed."""
    deadlines = [
        {"id": "guidance_by", "label": "A", "date": "2026-01-10", "date_text": "10. januar 2026", "overdue": True},
        {"id": "book_by", "label": "B", "date": "2026-01-02", "date_text": "2. januar 2026", "overdue": True},
    ]
    s = summary.next_deadline(deadlines)
    assert s["id"] == "guidance_by" and s["overdue"] and "passert" in s["text"]
    assert [p["id"] for p in s["passed"]] == ["book_by"]


def test_no_deadline_line_when_there_are_none():
    """A case that is not covered has no deadlines: the line says so."""
    s = evaluate(by_name("Arbeidsinnvandrer"))["summary"]
    assert s["deadline"]["id"] is None and s["deadline"]["text"]
    assert s["interpreter"] is None


def test_unconfirmed_status_is_flagged():
    """A status resting on an unconfirmed rule is marked as such in the summary line."""
    s = evaluate(by_name("Prop. 81 L"))["summary"]["status"]
    assert s["confirmed"] is False and "ikke bekreftet" in s["text"]


def test_a_deadline_falling_today_is_marked_i_dag():
    """The next deadline on the reference date is marked "(i dag)"; the day before it is not."""
    items = [
        {"id": "guidance_by", "label": "Siste dag", "date": "2026-12-21", "date_text": "21. desember 2026", "overdue": False, "today": True},
        {"id": "vedtak_by", "label": "Vedtak", "date": "2026-12-30", "date_text": "30. desember 2026", "overdue": False, "today": False},
    ]
    s = summary.next_deadline(items)
    assert s["today"] is True and s["text"] == "Siste dag: 21. desember 2026 (i dag)."
    s = summary.next_deadline([dict(items[0], today=False), items[1]])
    assert s["today"] is False and "i dag" not in s["text"]
