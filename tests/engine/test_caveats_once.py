"""Each caveat once, where it matters (issue 20, finding 4): the result JSON carries each note's text
once, with the ids of the parts it concerns; the parts carry ids; the referral to the county carries no
caveat meant for its sender and no instruction to the municipality; the summary says what is not confirmed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_engine import api

CASE = Path(__file__).resolve().parents[1] / "cases" / "more-og-romsdal-flyktning.json"
ON = "2026-12-07"


@pytest.fixture(scope="module")
def result() -> dict:
    r = api.evaluate(json.loads(CASE.read_text(encoding="utf-8")), ON)
    assert r["ok"], r["errors"]
    return r


def _parts(r: dict) -> dict[str, list]:
    """Every part of the result that carries notes, by its part id (as data_notes' ``parts`` name them)."""
    out = {"interpreter": r["interpreter"]["data_notes"], "adviser": r["adviser"]["data_notes"],
           "priority": r["priority"]["data_notes"], "referral": r["referral"]["data_notes"]}
    out |= {f"deadline:{d['id']}": d["data_notes"] for d in r["deadlines"]}
    out |= {f"checklist:{t['id']}": t["data_notes"] for t in r["checklist"]}
    return out


def test_each_distinct_note_text_appears_once_in_the_result_json(result):
    text = json.dumps(result, ensure_ascii=False)
    assert result["data_notes"]
    for n in result["data_notes"]:
        assert text.count(n["note"]) == 1, n["note"]
    assert text.count("Rutinen vi bygger på er fra 2021") == 1


def test_parts_carry_note_ids_and_each_note_names_the_parts_it_applies_to(result):
    ids = {n["id"]: n for n in result["data_notes"]}
    assert len(ids) == len(result["data_notes"])
    for part, carried in _parts(result).items():
        for nid in carried:
            assert nid in ids, (part, nid)
            assert part in ids[nid]["parts"], (part, nid)
    for n in result["data_notes"]:
        assert [p for p in n["parts"] if p in _parts(result) and n["id"] in _parts(result)[p]], n["id"]


def test_the_referral_carries_no_caveat_for_the_sender_and_no_instruction_to_the_municipality(result):
    body = result["referral"]["body"]
    assert "bekreft med fylket" not in body.lower()
    assert not [n for n in result["data_notes"] if n["note"] in body]
    assert "Bestill tolk" not in body
    relied = [ln for ln in body.splitlines() if "bygger på" in ln and "«" in ln]
    assert len(relied) == 1 and "2021" in relied[0]  # which of the county's documents, and its date


def test_the_summary_says_the_interpreter_answer_is_not_confirmed(result):
    s = result["summary"]["interpreter"]
    assert s["confirmed"] is False and "Ikke bekreftet" in s["text"]
    assert result["interpreter"]["confirmed"] is False
