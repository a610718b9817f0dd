"""The guide's state in a real browser: no step lost, none taken twice, every failure in plain words."""

from __future__ import annotations

import pytest

from tests.helpers.guide_driver import (
    MORE_OG_ROMSDAL_WITH_INTERPRETER as CASE,
    STEP_MS,
    answer,
    answer_until_review,
    current_question,
    echo,
    fake_worker,
    fill_current,
    open_guide,
    show_result,
)

pytestmark = pytest.mark.browser

COUNT_CALLS = """() => {
  const e = window.__guide.engine, call = e.call.bind(e);
  window.__calls = [];
  e.call = (payload) => { window.__calls.push(payload.op); return call(payload); };
}"""

# Every reply from the engine arrives `ms` later than it would.
SLOW_REPLIES = """(ms) => {
  const e = window.__guide.engine, call = e.call.bind(e);
  e.call = (payload) => call(payload).then((r) => new Promise((ok) => setTimeout(() => ok(r), ms)));
}"""


def test_double_click_on_vis_resultatet_sends_one_evaluation(page, site_url):
    """A double click on "Vis resultatet" sends one evaluation and shows one result."""
    open_guide(page, site_url)
    answer_until_review(page, CASE)
    page.evaluate(COUNT_CALLS)
    page.evaluate(SLOW_REPLIES, 1000)
    page.dblclick("#guide-show-result")
    page.wait_for_selector("#guide-result", timeout=STEP_MS)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__calls") == ["evaluate"]
    assert page.locator("#guide-result").count() == 1


def test_tilbake_after_endre_svarene_returns_to_the_result(page, site_url):
    """"Tilbake" on the review reached by "Endre svarene" goes back to the result the first time."""
    open_guide(page, site_url)
    answer_until_review(page, CASE)
    show_result(page)
    page.click("#guide-edit")
    page.wait_for_selector("#guide-review")
    page.click("#guide-back")
    page.wait_for_selector("#guide-result")
    # After a changed answer the old result is gone: Tilbake from the review goes to the last question.
    page.click("#guide-edit")
    page.click("#guide-review [data-edit='municipality']")
    answer(page, "municipality", "Molde")
    page.wait_for_selector("#guide-review")
    assert "Molde" in page.inner_text("#guide-review")
    page.click("#guide-back")
    page.wait_for_selector("#guide-step:not([data-prerendered])")
    assert page.locator("#guide-result").count() == 0


def test_neste_then_tilbake_before_the_reply(page, site_url):
    """"Tilbake" pressed before the reply to "Neste" goes back; the late reply is dropped; history stays."""
    open_guide(page, site_url)
    for qid in ["municipality", "participant_ref", "permit_group", "permit_date"]:
        answer(page, qid, CASE[qid])
    assert current_question(page) == "age_at_permit"
    page.evaluate(SLOW_REPLIES, 1000)
    fill_current(page, CASE["age_at_permit"])
    page.click("#guide-next")
    page.click("#guide-back")
    page.wait_for_selector("#guide-step[data-question='permit_date']")
    page.wait_for_timeout(1500)  # the reply to the abandoned Neste has come and gone
    assert current_question(page) == "permit_date"
    page.click("#guide-back")
    page.wait_for_selector("#guide-step[data-question='permit_group']")
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='permit_date']", timeout=STEP_MS)
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='age_at_permit']", timeout=STEP_MS)
    assert page.input_value("#q-age_at_permit") == str(CASE["age_at_permit"])  # the answer was kept


def test_an_edited_question_returns_to_the_review(page, site_url):
    """"Endre" then "Tilbake" or "Lagre" returns to the review; a new question on the way is asked first."""
    open_guide(page, site_url)
    asked = answer_until_review(page, dict(CASE, interpreter_needed=False))
    assert "interpreter_language" not in asked
    page.click("#guide-review [data-edit='municipality']")
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    assert page.inner_text("#guide-next") == "Lagre og gå til oversikten"
    page.click("#guide-back")
    page.wait_for_selector("#guide-review")
    # Now the interpreter is needed: its language is asked, then the review again.
    page.click("#guide-review [data-edit='interpreter_needed']")
    answer(page, "interpreter_needed", True)
    answer(page, "interpreter_language", "tigrinja")
    page.wait_for_selector("#guide-review")
    assert page.locator("#guide-review [data-edit='interpreter_language']").count() == 1
    # Tilbake from the review after editing goes to a question, never to an outdated result.
    page.click("#guide-back")
    page.wait_for_selector("#guide-step:not([data-prerendered])")


def test_leaving_with_answers_asks_first(page, site_url):
    """A reload asks first once answers exist (nothing is stored), and not before."""
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.accept()))
    open_guide(page, site_url)
    page.click("#guide-next")  # a user gesture, without an answer
    page.reload()
    page.wait_for_selector("#guide-step:not([data-prerendered])")
    assert dialogs == []
    answer(page, "municipality", CASE["municipality"])
    page.reload()
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    assert dialogs == ["beforeunload"]


def test_device_clock_in_1970_is_explained(context, site_url):
    """A device clock in 1970 is shown in the error summary, linked to the date field that fixes it."""
    page = context.new_page()
    page.clock.set_fixed_time("1970-01-01T12:00:00")
    open_guide(page, site_url)
    page.wait_for_selector("#guide-error-summary", timeout=STEP_MS)
    summary = page.inner_text("#guide-error-summary")
    assert "1990" in summary and "2200" in summary
    page.click("#guide-error-summary li[data-field='on'] a")
    page.wait_for_selector("#guide-step[data-question='on']")
    page.fill("#q-on", "2026-11-23")
    page.click("#guide-next")
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    assert page.locator("#guide-error-summary").count() == 0
    answer(page, "municipality", "Molde")
    assert current_question(page) == "participant_ref"


def test_a_worker_that_never_answers_times_out(context, site_url):
    """A worker that never replies gives a fixed message after the per-call timeout; answers are kept."""
    fake_worker(context, on_init="post({type: 'ready', bootMs: 1, fromSnapshot: false});")
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']")
    page.fill("#q-municipality", "Molde")
    page.click("#guide-next")
    page.clock.run_for(16_000)
    page.wait_for_selector("#guide[data-state='failed']")
    assert page.get_attribute("#guide-failure", "data-code") == "timeout"
    assert "svarte ikke" in page.inner_text("#guide-failure")
    assert "tatt vare på" in page.inner_text("#guide-failure")
    page.click("#guide-retry")
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    assert page.input_value("#q-municipality") == "Molde"


def test_too_large_a_message_is_refused_before_sending(page, site_url):
    """The engine client refuses a too large or too deep message before it reaches the worker."""
    open_guide(page, site_url)
    codes = page.evaluate(
        """async () => {
            const e = window.__guide.engine, out = [];
            let deep = {}; for (let i = 0; i < 100; i++) deep = {x: deep};
            for (const p of [{op: "step", answers: deep}, {op: "step", answers: {m: "x".repeat(300000)}}]) {
                try { await e.call(p); out.push("sent"); } catch (err) { out.push(err.code); }
            }
            return out;
        }"""
    )
    assert codes == ["too_large", "too_large"]
    assert page.evaluate("window.__guide.engine.state") == "ready"


def progress(loaded, total=5_200_000) -> dict:
    return {"type": "progress", "loaded": loaded, "total": total}


def test_download_progress_is_shown_while_the_user_waits(context, site_url):
    """While the user waits, a polite status line says how much is downloaded, not at every message."""
    fake_worker(context, on_init="post({type: 'progress', loaded: 3100000, total: 5200000});")
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    for qid in ["municipality", "participant_ref", "permit_group"]:
        answer(page, qid, CASE[qid])
    fill_current(page, CASE["permit_date"])
    page.click("#guide-next")  # the path now depends on the engine, which is still loading
    page.wait_for_selector("#guide[data-state='waiting']")
    assert "Laster veiviseren … 3,1 av 5,2 MB" in page.inner_text("#guide-engine-status")
    assert page.get_attribute("#guide-engine-status", "aria-live") == "polite"
    page.evaluate(
        """() => { window.__changes = 0; new MutationObserver(() => window.__changes++)
            .observe(document.getElementById("guide-engine-status"), {subtree: true, childList: true, characterData: true}); }"""
    )
    for n in range(40):
        echo(page, progress(3_200_000 + n * 40_000))
    page.wait_for_timeout(500)
    assert page.evaluate("window.__changes") <= 1  # not every message is announced
    assert page.evaluate("document.getElementById('guide-progress-bar').value") > 0.9 * 4.7 / 5.2


def test_boot_timeout_measures_a_stall(context, site_url):
    """While progress arrives the guide keeps waiting; 20 s without any fails, with answers kept."""
    fake_worker(context, on_init="")
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "veiviser/")
    answer(page, "municipality", CASE["municipality"])
    for n in range(1, 5):  # 60 s in all, never 20 s without progress
        echo(page, progress(n * 1_000_000))
        page.wait_for_timeout(50)
        page.clock.run_for(15_000)
    assert page.get_attribute("#guide", "data-state") == "starting"
    page.clock.run_for(21_000)
    page.wait_for_selector("#guide[data-state='failed']")
    assert page.get_attribute("#guide-failure", "data-code") == "stall"
    assert "stoppet opp" in page.inner_text("#guide-failure")
    assert "tatt vare på" in page.inner_text("#guide-failure")


def test_a_worker_without_progress_gets_the_whole_boot_limit(context, site_url):
    """A worker that reports no progress (an older one) is given 60 s in all before the guide gives up."""
    fake_worker(context, on_init="")
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    page.clock.run_for(55_000)
    assert page.get_attribute("#guide", "data-state") == "starting"
    page.clock.run_for(6_000)
    page.wait_for_selector("#guide[data-state='failed']")


def test_python_starting_after_the_download_is_not_a_stall(context, site_url):
    """Once every byte has arrived, Python's start on a slow device is not taken for a stalled download."""
    fake_worker(context, on_init="")
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide-step[data-question='municipality']:not([data-prerendered])")
    echo(page, progress(5_200_000))
    page.wait_for_timeout(50)
    page.clock.run_for(40_000)
    assert page.get_attribute("#guide", "data-state") == "starting"
    echo(page, {"type": "ready", "bootMs": 1, "fromSnapshot": False})
    page.wait_for_selector("#guide[data-state='ready']")


@pytest.mark.parametrize("field", ["_case", "_data", "_engine"])
def test_errors_on_no_question_are_shown_in_the_summary(context, site_url, field):
    """An engine error that belongs to no question stands in the error summary, as text, and the user stays put."""
    reply = (
        "post({type: 'reply', id: m.id, reply: {ok: true, result: {path: ['municipality', 'participant_ref'], next: 'participant_ref',"
        f" errors: [{{field: '{field}', message: 'Melding fra motoren om {field}.'}}]}}}}}});"
    )
    fake_worker(context, on_init="post({type: 'ready', bootMs: 1, fromSnapshot: false});", on_call=reply)
    page = context.new_page()
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide[data-state='ready']")
    page.fill("#q-municipality", "Molde")
    page.click("#guide-next")
    page.wait_for_selector("#guide-error-summary")
    assert page.inner_text(f"#guide-error-summary li[data-field='{field}']") == f"Melding fra motoren om {field}."
    assert page.locator(f"#guide-error-summary li[data-field='{field}'] a").count() == 0
    assert current_question(page) == "municipality"
    assert page.input_value("#q-municipality") == "Molde"
