"""The practice cases (guide_engine/data/practice.toml) agree with the engine and the scenario table."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import date, timedelta

import pytest

from guide_engine import api, bridge, provenance, workdays
from guide_engine.counties import get_county
from guide_engine.session import Session
from site_build import practice
from tests.helpers.scenario_table import lookup, practice_rows, problems

DATA = practice.load()
CASES = {c["id"]: c for c in DATA["cases"]}
ROWS = practice_rows()


def row_for(cid):
    rows = [r for r in ROWS if r["practice"] == cid]
    assert len(rows) == 1, f"practice case {cid}: {len(rows)} rows in tests/scenarios/practice.json (need exactly 1)"
    return rows[0]


@pytest.mark.parametrize("cid", list(CASES))
def test_expected_answers_agree_with_the_engine(cid):
    """Every answer the learner gives is checked by the scenario table, and the engine gives that answer."""
    case, row = CASES[cid], row_for(cid)
    missing = [a for a in case["ask"] if a not in row["expect"]]
    assert not missing, f"{cid}: the scenario row does not state the expected {missing}"
    result = api.evaluate(case["answers"], case["on"])
    assert result["ok"], result["errors"]
    assert problems(row, result) == []


def page_result(case):
    """The engine's result as the practice page gets it: the same message to the same entry point (guide_engine.bridge)."""
    reply = json.loads(bridge.handle(json.dumps({"op": "evaluate", "answers": case["answers"], "on": case["on"]})))
    assert reply["ok"] and reply["result"]["ok"], reply
    return reply["result"]


@pytest.mark.parametrize("cid", list(CASES))
def test_the_page_answers_are_the_engine_decisions(cid):
    """Each answer the page shows as right is the engine's decision object for the case, read where the
    page reads it (the bridge's result), never worked out again: the eligibility decision, the interpreter
    decision and the deadlines the engine computed."""
    case = CASES[cid]
    session = Session(case["answers"], case["on"])
    result = page_result(case)
    decided = {"eligibility": session.decision.to_dict(), "interpreter": result["interpreter"],
               "deadlines": {d["id"]: d for d in result["deadlines"]}, "referral": result["referral"]}
    for path in case["ask"]:
        part, rest = path.split(".", 1)
        assert part in decided, f"{cid}: {path} is not a decision the page can show"
        obj = decided[part]
        for key in rest.split("."):
            obj = obj[key]
        assert lookup(result, path) == obj, f"{cid}: {path}"
    assert session.decision.status == result["eligibility"]["status"]


def _unsure(result, note_ids):
    kinds = {n["id"]: n["kind"] for n in result["data_notes"]}
    return sorted({kinds[i] for i in note_ids if kinds[i] in provenance.UNSURE})


@pytest.mark.parametrize("cid", list(CASES))
def test_no_case_teaches_an_unsure_rule_as_settled(cid):
    """No exercise teaches a temporary, old or unconfirmed rule as the answer: every answer the learner gives
    rests only on confirmed facts on the case's date, or the case also asks whether it is confirmed (the doubt
    is part of the answer), and an unconfirmed eligibility rule is asked only as "uavklart"."""
    case = CASES[cid]
    result = page_result(case)
    for path in case["ask"]:
        explain = DATA["fields"][path]["explain"]
        if explain in ("eligibility", "referral"):
            assert result["eligibility"]["confirmed"] or result["eligibility"]["status"] == "unclear", f"{cid}: {path}"
        elif explain == "interpreter":
            unsure = _unsure(result, result["interpreter"]["data_notes"])
            assert not unsure or "interpreter.confirmed" in case["ask"], f"{cid}: {path} rests on {unsure} without asking if it is confirmed"
        else:
            d = next(x for x in result["deadlines"] if x["id"] == explain.split(":", 1)[1])
            assert _unsure(result, d["data_notes"]) == [], f"{cid}: {path} rests on an unconfirmed county fact"


def test_the_doubt_is_practised():
    """At least one case asks whether an answer is confirmed, and the engine says it is not: the doubt is the answer."""
    doubted = [c for c in CASES.values() if "interpreter.confirmed" in c["ask"] and page_result(c)["interpreter"]["confirmed"] is False]
    assert doubted


def test_no_county_has_more_than_a_third_of_the_cases():
    """The cases are spread over the counties: none has more than a third of them."""
    counts = Counter(c["answers"]["county"] for c in CASES.values())
    assert max(counts.values()) * 3 <= len(CASES), counts


def test_a_disagreement_is_caught():
    """Changing one expected answer in a row makes the check fail (the check can fail)."""
    row = row_for("molde-flyktning")
    result = api.evaluate(CASES["molde-flyktning"]["answers"], CASES["molde-flyktning"]["on"])
    wrong = {**row, "expect": {**row["expect"], "interpreter.pays": "municipality"}}
    assert problems(wrong, result) == ["interpreter.pays: expected 'municipality', got 'county'"]


def test_every_row_names_a_case():
    """No row in practice.json is left without its practice case."""
    assert {r["practice"] for r in ROWS} == set(CASES)


def test_enough_cases_and_every_status():
    """At least 15 cases, and every status the engine gives is asked in at least one case."""
    assert len(CASES) >= 15
    asked = {r["expect"]["eligibility.status"] for r in ROWS if "eligibility.status" in CASES[r["practice"]]["ask"]}
    from guide_engine.data_loader import load_statuses

    assert set(load_statuses()) <= asked, set(load_statuses()) - asked  # the uavklart status ("unclear") included


def test_every_county_layer_is_practised():
    """The interpreter question is practised on a county's own routine and on national guidance, the
    status "uavklart" is asked, and a historical county has a case (each as the engine decides the case)."""
    kinds = set()
    for c in CASES.values():
        county, _ = get_county(c["answers"]["county"])
        if county.period.valid_to is not None:
            kinds.add("historical county")
        result = api.evaluate(c["answers"], c["on"])
        if any(a.startswith("interpreter.") for a in c["ask"]):
            kinds.add({"county": "own routine", "national": "national guidance"}.get(result["interpreter"].get("layer"), "law"))
        if "eligibility.status" in c["ask"] and result["eligibility"]["status"] == "unclear":
            kinds.add("uavklart")
    assert {"own routine", "national guidance", "uavklart", "historical county"} <= kinds, kinds


def _holidays_between(a: date, b: date) -> set[str]:
    out, d = set(), a
    while d <= b:
        out |= {name for day, name in workdays.public_holidays(d.year).items() if day == d}
        d += timedelta(days=1)
    return out


def test_tricky_deadlines_are_practised():
    """Easter, 17 May and a planned session too late to book are each the point of a case."""
    easter = [c for c in CASES.values() if c["answers"].get("planned_session_date")
              and any("påske" in h.lower() or "langfredag" in h.lower() or "skjærtorsdag" in h.lower()
                      for h in _holidays_between(date.fromisoformat(c["answers"]["planned_session_date"]),
                                                 date.fromisoformat(c["answers"]["planned_session_date"]) + timedelta(days=10)))]
    assert easter, "no case with a session just before Easter"
    may17 = [c for c in CASES.values() if c["answers"].get("settlement_date", "")[5:] == "02-17"
             and "deadlines.programme_start_by.date" in c["ask"]]
    assert may17, "no case whose three months end on 17 May"
    late = [r for r in ROWS if r["expect"].get("deadlines.book_by.overdue") is True]
    assert late, "no case where the planned session is too late to book"


def test_the_page_data_carries_no_expected_answer():
    """The page's data holds the cases and the choices, but no expected answer: those come from the engine."""
    boot = practice.boot_data()
    text = json.dumps(boot, ensure_ascii=False)
    assert "expect" not in text
    for c in boot["cases"]:
        result = api.evaluate(c["answers"], c["on"])
        for a in c["ask"]:
            want = lookup(result, a)
            if isinstance(want, str) and len(want) == 10 and want[4] == "-":  # a date answer
                assert want not in c["text"] and want not in json.dumps(c["answers"]), f"{c['id']}: the answer {want} is in the case"


def test_choices_come_from_the_engine():
    """The status choices are the statuses of the data with their labels; the who-choices the interpreter's labels."""
    from guide_engine.data_loader import load_statuses

    ch = practice.choices()
    assert [(o["value"], o["label"]) for o in ch["status"]] == [(s.id, s.label) for s in load_statuses().values()]
    assert [o["label"] for o in ch["who"]] == ["Fylkeskommunen", "Kommunen", "Ikke avklart"]


@pytest.mark.parametrize("edit, key, message", [
    (lambda t: t.replace('ask = ["eligibility.status", "interpreter.orders", "interpreter.pays", "deadlines.guidance_by.date"]',
                         'ask = ["eligibility.status", "nope"]', 1), "case.molde-flyktning.ask", "ukjente felt i ask: ['nope']"),
    (lambda t: t.replace('permit_group = "refugee"', 'permit_grup = "refugee"', 1), "case.molde-flyktning.answers.permit_grup",
     "ikke et spørsmål i questions.toml"),
    (lambda t: t.replace('on = "2021-11-23"', 'on = "23.11.2021"', 1), "case.molde-flyktning.on", "ugyldig dato"),
    (lambda t: t.replace('type = "who"', 'type = "person"', 1), "fields.interpreter.orders.type", "ugyldig verdi 'person'"),
], ids=["an asked field not defined", "an answer to no question", "a date not ISO", "an unknown field type"])
def test_a_broken_file_is_named(tmp_path, edit, key, message):
    """A broken practice case stops the build with the engine's DataError, naming the file and the key."""
    from guide_engine.data_loader import DataError, files, use_data_dir

    folder = tmp_path / "data"
    shutil.copytree(files.package_data_dir(), folder)
    path = folder / "practice.toml"
    text = path.read_text(encoding="utf-8")
    assert edit(text) != text
    path.write_text(edit(text), encoding="utf-8")
    with use_data_dir(folder), pytest.raises(DataError) as err:
        practice.load()
    assert (err.value.file, err.value.key) == ("practice.toml", key) and message in err.value.message, str(err.value)


def test_the_browser_wheel_leaves_the_practice_cases_out():
    """The engine never reads practice.toml at run time, so the wheel the browser downloads has no copy."""
    from site_build.runtime import wheel

    names = {p.relative_to(wheel.PACKAGE_DIR).as_posix() for p in wheel.package_files()}
    assert "data/practice.toml" not in names and "data/questions.toml" in names and "data_loader/practice.py" in names


def test_practice_modules_are_not_preloaded_on_the_guide_page(built_site):
    """The practice page has its own bundle; the guide page neither preloads nor loads it."""
    from site_build.browser import bundle

    assert bundle.PAGES["practice.js"] == "practice/main.js"
    assert (built_site / "guide" / "practice.js").is_file()
    assert "practice.js" not in (built_site / "veiviser" / "index.html").read_text(encoding="utf-8")
