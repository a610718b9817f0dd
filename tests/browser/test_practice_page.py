"""The practice page in Chromium: cases completed by mouse and by keyboard, the engine's answer
beside the learner's, axe in light and dark mode, nothing kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_engine import api
from site_build import practice
from tests.helpers.scenario_table import lookup
from tests.browser.test_accessibility import AXE, axe_violations

pytestmark = pytest.mark.browser

READY_MS = 90_000
DATA = practice.load()
CASES = {c["id"]: c for c in DATA["cases"]}
CHOICES = practice.choices()

RIGHT_CASE = "molde-flyktning"  # every answer right
WRONG_CASE = "oslo-2026"  # wrong answers given on purpose
UNSETTLED_CASE = "aldersgrense-2026"  # the law is not settled on the date


def engine_answers(cid):
    c = CASES[cid]
    result = api.evaluate(c["answers"], c["on"])
    assert result["ok"], result["errors"]
    return {a: lookup(result, a) for a in c["ask"]}


def wrong_value(cid, path):
    """An answer the engine does not give (for the wrong-answer run)."""
    f = DATA["fields"][path]
    right = engine_answers(cid)[path]
    if f["type"] == "date":
        return "2020-01-01"
    return next(o["value"] for o in CHOICES[f["type"]] if o["value"] != right)


def open_practice(page, site_url):
    page.goto(site_url + "ovelser/")
    page.wait_for_selector("#practice-list-view")
    page.wait_for_selector("#practice[data-state='ready']", timeout=READY_MS)


def choose_by_mouse(page, cid, answers):
    c = CASES[cid]
    for i, path in enumerate(c["ask"]):
        f = DATA["fields"][path]
        fid = f"p-{cid}-{i}"
        if f["type"] == "date":
            page.fill(f"#{fid}", answers[path])
        else:
            page.click(f"input[name='{fid}'][value='{json.dumps(answers[path])}'] + label")


def outcome(page):
    rows = page.locator("#practice-check-result tbody tr")
    return {rows.nth(i).get_attribute("data-field"): (rows.nth(i).get_attribute("data-correct"), json.loads(rows.nth(i).locator("td[data-engine]").get_attribute("data-engine")))
            for i in range(rows.count())}


def test_right_answers_by_mouse(page, site_url):
    """A case answered right: every row says "Riktig", the engine's answer shown is CPython's, reasons and link follow."""
    open_practice(page, site_url)
    page.click(f"#practice-open-{RIGHT_CASE}")
    want = engine_answers(RIGHT_CASE)
    choose_by_mouse(page, RIGHT_CASE, want)
    page.click("#practice-check")
    page.wait_for_selector("#practice-check-result")
    assert outcome(page) == {k: ("true", v) for k, v in want.items()}
    assert page.inner_text("#practice-check-heading") == f"Du svarte riktig på {len(want)} av {len(want)}"
    assert page.locator(".practice-reasons a[href*='lovgrunnlag/#integreringsloven-11']").count() >= 1
    href = page.get_attribute("#practice-open-guide", "href")
    assert "veiviser/#sak=" in href
    assert page.evaluate("document.activeElement.id") == "practice-check-heading"
    page.click("#practice-back")
    assert "Sjekket: 4 av 4 riktig" in page.inner_text(f"li[data-case='{RIGHT_CASE}']")
    assert page.recorder.page_errors == [] and page.recorder.foreign_requests() == []


def test_wrong_answers_by_mouse(page, site_url):
    """A case answered wrong: each row says "Ikke riktig" and shows the engine's answer beside the learner's."""
    open_practice(page, site_url)
    page.click(f"#practice-open-{WRONG_CASE}")
    want = engine_answers(WRONG_CASE)
    given = {p: wrong_value(WRONG_CASE, p) for p in want}
    choose_by_mouse(page, WRONG_CASE, given)
    page.click("#practice-check")
    page.wait_for_selector("#practice-check-result")
    assert outcome(page) == {k: ("false", v) for k, v in want.items()}
    assert "Ikke riktig" in page.inner_text("#practice-check-result tbody")
    assert page.inner_text("#practice-check-heading") == f"Du svarte riktig på 0 av {len(want)}"


def test_unanswered_question_is_named(page, site_url):
    """Checking with a question unanswered names it in a focused error summary; no answer is shown."""
    open_practice(page, site_url)
    page.click(f"#practice-open-{RIGHT_CASE}")
    page.click("#practice-check")
    page.wait_for_selector("#practice-errors")
    assert page.evaluate("document.activeElement.id") == "practice-errors"
    assert page.locator("#practice-errors li").count() == len(CASES[RIGHT_CASE]["ask"])
    assert page.locator("#practice-check-result").count() == 0


def keyboard_choose(page, cid, answers):
    """Tab to each radio group, move with the arrow keys to the chosen option (no mouse)."""
    c = CASES[cid]
    for i, path in enumerate(c["ask"]):
        f = DATA["fields"][path]
        assert f["type"] != "date", "the keyboard run uses cases with choices only"
        values = [o["value"] for o in CHOICES[f["type"]]]
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == f"p-{cid}-{i}"
        page.keyboard.press("Space")  # selects the first option
        for _ in range(values.index(answers[path])):
            page.keyboard.press("ArrowDown")


def test_unsettled_case_by_keyboard(page, site_url):
    """The unsettled case, done with the keyboard only: Tab to the case, choose, Enter to check."""
    open_practice(page, site_url)
    page.focus(f"#practice-open-{RIGHT_CASE}")  # the list's first case: start from a known place
    for _ in range(len(CASES)):
        if page.evaluate("document.activeElement.id") == f"practice-open-{UNSETTLED_CASE}":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#practice-case[data-case='{UNSETTLED_CASE}']")
    assert page.evaluate("document.activeElement.id") == "practice-case-heading"
    want = engine_answers(UNSETTLED_CASE)
    keyboard_choose(page, UNSETTLED_CASE, want)
    page.keyboard.press("Enter")  # submits the form from the radio
    page.wait_for_selector("#practice-check-result")
    assert outcome(page) == {k: ("true", v) for k, v in want.items()}
    assert page.evaluate("document.activeElement.id") == "practice-check-heading"
    text = page.inner_text(".practice-reasons")
    assert "ikke bekreftet" in text.lower() or "uavklart" in text.lower()


def test_wrong_answer_by_keyboard(page, site_url):
    """A wrong answer given with the keyboard is marked wrong and the engine's answer is shown."""
    open_practice(page, site_url)
    cid = "uten-avtale"
    page.focus(f"#practice-open-{cid}")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#practice-case[data-case='{cid}']")
    given = {p: wrong_value(cid, p) for p in CASES[cid]["ask"]}
    keyboard_choose(page, cid, given)
    page.keyboard.press("Enter")
    page.wait_for_selector("#practice-check-result")
    assert outcome(page) == {k: ("false", v) for k, v in engine_answers(cid).items()}


STORAGE = "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie, location.href])"


def test_nothing_is_kept(page, site_url):
    """Checking a case writes nothing to cookies, localStorage, sessionStorage or the URL (page memory only)."""
    open_practice(page, site_url)
    before = page.evaluate(STORAGE)
    page.click(f"#practice-open-{RIGHT_CASE}")
    choose_by_mouse(page, RIGHT_CASE, engine_answers(RIGHT_CASE))
    page.click("#practice-check")
    page.wait_for_selector("#practice-check-result")
    assert page.evaluate(STORAGE) == before
    assert page.context.cookies() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_page_passes_axe(browser, site_url, scheme):
    """The list, a case, its error state and its checked answers pass axe-core in light and dark mode."""
    context = browser.new_context(color_scheme=scheme, locale="nb-NO", reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    failures = {}

    def check(label):
        v = axe_violations(page)
        if v:
            failures[label] = v

    try:
        open_practice(page, site_url)
        assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        check("list")
        page.click(f"#practice-open-{RIGHT_CASE}")
        check("case")
        page.click("#practice-check")
        page.wait_for_selector("#practice-errors")
        check("errors")
        given = {p: wrong_value(RIGHT_CASE, p) for p in CASES[RIGHT_CASE]["ask"]}
        choose_by_mouse(page, RIGHT_CASE, given)
        page.click("#practice-check")
        page.wait_for_selector("#practice-check-result")
        check("checked")
    finally:
        context.close()
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def test_the_case_opens_in_the_guide(page, site_url):
    """"Åpne den samme saken i veiviseren" opens the guide on the review of that case, its date
    included; the case leaves the address at once, and the guide's result is the engine's."""
    open_practice(page, site_url)
    page.click(f"#practice-open-{RIGHT_CASE}")
    choose_by_mouse(page, RIGHT_CASE, engine_answers(RIGHT_CASE))
    page.click("#practice-check")
    page.wait_for_selector("#practice-check-result")
    page.click("#practice-open-guide")
    page.wait_for_selector("#guide-review", timeout=READY_MS)
    assert "#sak=" not in page.url and "sak=" not in page.evaluate("location.href")
    assert page.get_attribute("#guide-result-on, #guide-review-on-value", "id") is not None
    page.click("#guide-show-result")
    page.wait_for_selector("#guide-result", timeout=READY_MS)
    case = CASES[RIGHT_CASE]
    assert page.get_attribute("#guide-result-on", "data-on") == case["on"]
    want = api.evaluate(case["answers"], case["on"])
    assert page.get_attribute("#guide-eligibility [data-status]", "data-status") == want["eligibility"]["status"]
    assert page.inner_text("#guide-summary [data-summary='interpreter'] a") == want["summary"]["interpreter"]["text"]


def test_a_broken_case_in_the_address_is_ignored(page, site_url):
    """A broken #sak= in the guide's address is dropped: the guide starts at its first question."""
    page.goto(site_url + "veiviser/#sak=%7Bnot-json")
    page.wait_for_selector("#guide-step:not([data-prerendered])")
    assert page.evaluate("location.hash") == ""
    assert page.recorder.page_errors == []


def test_a_correct_check_after_a_missing_answer_drops_the_error_summary(page, site_url):
    """"Svar på alle spørsmålene" and the fields' error marks go once every question is answered and checked."""
    open_practice(page, site_url)
    page.click(f"#practice-open-{RIGHT_CASE}")
    page.click("#practice-check")
    page.wait_for_selector("#practice-errors")
    choose_by_mouse(page, RIGHT_CASE, engine_answers(RIGHT_CASE))
    page.click("#practice-check")
    page.wait_for_selector("#practice-check-result")
    assert page.locator("#practice-errors").count() == 0
    assert "Svar på alle spørsmålene" not in page.inner_text("#practice-case")
    assert page.locator("#practice-form [aria-invalid]").count() == 0


def test_a_date_questions_feedback_shows_the_engines_working_day_steps(page, site_url):
    """The feedback on a date question lists the steps of the engine's deadline decision, in its words."""
    c = CASES[RIGHT_CASE]
    result = api.evaluate(c["answers"], c["on"])
    dates = [p for p in c["ask"] if DATA["fields"][p]["type"] == "date"]
    assert dates, "the case asks a date question"
    open_practice(page, site_url)
    page.click(f"#practice-open-{RIGHT_CASE}")
    choose_by_mouse(page, RIGHT_CASE, engine_answers(RIGHT_CASE))
    page.click("#practice-check")
    page.wait_for_selector("#practice-check-result")
    shown = page.locator(".practice-steps")
    assert shown.count() >= 1
    for i in range(shown.count()):
        did = shown.nth(i).get_attribute("data-deadline")
        want = next(d["steps"] for d in result["deadlines"] if d["id"] == did)
        assert want and shown.nth(i).locator("li").all_inner_texts() == want
