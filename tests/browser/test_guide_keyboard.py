"""The whole guide can be completed with the keyboard alone."""

from __future__ import annotations

import json

import pytest

from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, READY_MS, STEP_MS, combobox_state

pytestmark = pytest.mark.browser


def active(page) -> dict:
    return page.evaluate(
        "() => { const a = document.activeElement; return {id: a.id, tag: a.tagName, type: a.type || null, name: a.name || null}; }"
    )


def tab_to(page, predicate, limit: int = 80) -> dict:
    """Press Tab until the focused element satisfies predicate; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        a = active(page)
        if predicate(a):
            return a
    raise AssertionError(f"Tab never reached the element (last focus: {active(page)})")


def answer_by_keyboard(page, qid: str, value, question: dict) -> None:
    if question["type"] in ("boolean",) or (question["type"] == "choice" and page.locator(f"input[name='q-{qid}']").count()):
        values = page.eval_on_selector_all(f"input[name='q-{qid}']", "els => els.map(e => e.value)")
        target = values.index(json.dumps(value))
        tab_to(page, lambda a: a["name"] == f"q-{qid}")
        page.keyboard.press("Space")  # checks the first radio of the group
        for _ in range(target):
            page.keyboard.press("ArrowDown")  # moves to and checks the next radio
        assert page.is_checked(f"input[name='q-{qid}'][value='{json.dumps(value)}']")
    elif page.locator(f"select#q-{qid}").count():
        tab_to(page, lambda a: a["id"] == f"q-{qid}")
        label = page.eval_on_selector(f"#q-{qid} option[value='{json.dumps(value)}']", "o => o.textContent")
        page.keyboard.type(label)  # type-ahead selects the option by its name
        assert page.input_value(f"#q-{qid}") == json.dumps(value)
    elif question["type"] == "municipality":
        tab_to(page, lambda a: a["id"] == f"q-{qid}")
        page.keyboard.type(str(value))  # the list opens with the matches, the exact name first
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")  # chooses it; the list closes and the county is shown
        state = combobox_state(page)
        assert state["expanded"] == "false" and state["value"] == value and state["chosen"] and state["county"]
    elif question["type"] == "date":
        tab_to(page, lambda a: a["id"] == f"q-{qid}")
        y, m, d = str(value).split("-")
        page.keyboard.type(m + d + y)  # en-US segments: month, day, year
        assert page.input_value(f"#q-{qid}") == value
    else:
        tab_to(page, lambda a: a["id"] == f"q-{qid}")
        page.keyboard.type(str(value))
    tab_to(page, lambda a: a["id"] == "guide-next")
    page.keyboard.press("Enter")


def test_complete_guide_with_keyboard_only(browser, site_url):
    """Every step, the review and the result are reached with Tab, arrows, Space, Enter and typing."""
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)
    questions = {}
    for _ in range(40):
        if page.locator("#guide-review").count():
            break
        qid = page.get_attribute("#guide-step", "data-question")
        questions.setdefault(qid, {"type": page.evaluate(
            "id => window.__guide.guide.questions.get(id).type", qid)})
        answer_by_keyboard(page, qid, MORE_OG_ROMSDAL_WITH_INTERPRETER[qid], questions[qid])
        page.wait_for_selector(f"#guide-review, #guide-step:not([data-question='{qid}'])", timeout=STEP_MS)
        # Focus moves to the new step's heading, so a screen reader hears it.
        assert active(page)["id"] in ("guide-question-heading", "guide-review-heading")
    assert page.locator("#guide-review").count() == 1
    tab_to(page, lambda a: a["id"] == "guide-show-result")
    page.keyboard.press("Enter")
    page.wait_for_selector("#guide-result", timeout=STEP_MS)
    assert active(page)["id"] == "guide-result-heading"
    first_task = tab_to(page, lambda a: a["id"] == "guide-task-0")
    assert first_task["type"] == "checkbox"
    page.keyboard.press("Space")
    assert page.is_checked("#guide-task-0")
    tab_to(page, lambda a: a["id"] == "guide-mailto")
    assert page.get_attribute("#guide-referral-to", "id")
    context.close()
