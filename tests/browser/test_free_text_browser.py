"""Free text in the guide (Chromium): an invisible or bidi character, or a fødselsnummer however it is
written, is refused with the engine's Norwegian message at the field, and the guide stays on it."""

from __future__ import annotations

import pytest

from guide_engine.free_text import MSG_FNR, MSG_INVISIBLE
from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until, current_question, fill_current, next_step, open_guide

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("field, value, message", [
    ("municipality", "Molde\u202e", MSG_INVISIBLE),
    ("municipality", "\u200b", MSG_INVISIBLE),
    ("participant_ref", "010199\u201312368", MSG_FNR),
    ("participant_ref", "01.01.99 123 68", MSG_FNR),
])
def test_refused_at_the_field(page, site_url, field, value, message):
    """The guide shows the engine's message on the field and does not move on."""
    open_guide(page, site_url)
    for _ in range(5):
        qid = current_question(page)
        if qid == field:
            break
        fill_current(page, MORE_OG_ROMSDAL_WITH_INTERPRETER[qid])
        next_step(page, qid)
    assert current_question(page) == field
    fill_current(page, value)
    page.click("#guide-next")
    page.wait_for_selector(f"#q-{field}-error", timeout=30_000)
    assert message in page.inner_text(f"#q-{field}-error")
    assert current_question(page) == field
    assert page.get_attribute(f"#q-{field}", "aria-describedby").find(f"q-{field}-error") >= 0


def test_a_paste_longer_than_the_field_is_said_at_the_field(page, site_url):
    """Pasting more than a field's maxlength: the field says how much was cut, tied to the input by aria-describedby."""
    open_guide(page, site_url)
    answer_until(page, "participant_ref")
    limit = int(page.get_attribute("#q-participant_ref", "maxlength"))
    page.eval_on_selector("#q-participant_ref", """(input, text) => {
        const data = new DataTransfer();
        data.setData("text", text);
        input.focus();
        input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }""", "AB-" + "x" * 1000)
    notice = page.inner_text("#q-participant_ref-cut")
    assert "1003 tegn" in notice and f"høyst {limit}" in notice
    assert "q-participant_ref-cut" in page.get_attribute("#q-participant_ref", "aria-describedby")
    page.eval_on_selector("#q-participant_ref", """(input) => {
        const data = new DataTransfer();
        data.setData("text", "AB-12");
        input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }""")
    assert page.inner_text("#q-participant_ref-cut") == ""
