"""Drives the guide page like a user: one question at a time, by mouse or by keyboard.

Waits use CSS selectors only: the page's CSP forbids eval, which Playwright's string predicates need.
"""

from __future__ import annotations

import json

from playwright.sync_api import Error as PlaywrightError

READY_MS = 90_000
STEP_MS = 30_000

# A participant in Møre og Romsdal who needs an interpreter (the scenario).
MORE_OG_ROMSDAL_WITH_INTERPRETER = {
    "county": "more-og-romsdal",
    "municipality": "Ålesund",
    "participant_ref": "AB-12",
    "permit_group": "refugee",
    "permit_date": "2026-08-01",
    "age_at_permit": 30,
    "settlement_date": "2026-10-01",
    "settled_by_agreement": True,
    "interpreter_needed": True,
    "interpreter_language": "tigrinja",
    "wants_adviser_present": True,
    "competence_mapping_done": True,
    "individual_plan_exists": True,
    "norwegian_plan_exists": False,
    "practical_needs": "Trenger barnepass",
    "planned_session_date": "2026-12-10",
}


def open_guide(page, site_url, wait_ready: bool = True):
    page.goto(site_url + "veiviser/")
    page.wait_for_selector("#guide-step:not([data-prerendered])")
    if wait_ready:
        page.wait_for_selector("#guide[data-state='ready']", timeout=READY_MS)


def current_question(page) -> str | None:
    form = page.locator("#guide-step")
    return form.get_attribute("data-question") if form.count() else None


def fill_current(page, value) -> None:
    qid = current_question(page)
    radios = page.locator(f"input[name='q-{qid}']")
    if radios.count():
        page.check(f"input[name='q-{qid}'][value='{json.dumps(value)}']")
    elif page.locator(f"select#q-{qid}").count():
        page.select_option(f"#q-{qid}", json.dumps(value))
    elif value is not None:
        page.fill(f"#q-{qid}", str(value))


def choose_municipality(page, typed: str, steps: int = 1) -> dict:
    """Type into the municipality combobox, move `steps` options down with the arrow key and choose
    with Enter (keyboard only); return the combobox's state after choosing."""
    page.focus("#q-municipality")
    page.keyboard.type(typed)
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    return combobox_state(page)


def combobox_state(page) -> dict:
    """The municipality combobox as assistive technology sees it."""
    return page.evaluate(
        """() => { const i = document.getElementById("q-municipality"), l = document.getElementById(i.getAttribute("aria-controls"));
            const a = i.getAttribute("aria-activedescendant"), o = a && document.getElementById(a);
            return {role: i.getAttribute("role"), expanded: i.getAttribute("aria-expanded"), active: a, activeRole: o ? o.getAttribute("role") : null,
                    activeSelected: o ? o.getAttribute("aria-selected") : null, activeText: o ? o.textContent : null,
                    listRole: l.getAttribute("role"), listHidden: l.hidden, options: l.querySelectorAll("[role=option]").length,
                    value: i.value, chosen: i.dataset.value || null, status: document.getElementById("q-municipality-status").textContent,
                    county: document.getElementById("q-municipality-county").textContent}; }"""
    )


def next_step(page, qid: str) -> None:
    page.click("#guide-next")
    page.wait_for_selector(
        f"#guide-review, #guide-step:not([data-question='{qid}']), #guide-error-summary", timeout=STEP_MS
    )


def answer_until(page, target: str, answers: dict = MORE_OG_ROMSDAL_WITH_INTERPRETER, limit: int = 25) -> None:
    """Answer question after question from ``answers`` until ``target`` is the current question."""
    for _ in range(limit):
        qid = current_question(page)
        if qid == target:
            return
        fill_current(page, answers[qid])
        next_step(page, qid)
    assert current_question(page) == target


def answer_until_review(page, answers: dict) -> list[str]:
    """Answer each question the guide asks from `answers`; return the ids asked, in order."""
    asked = []
    for _ in range(40):
        if page.locator("#guide-review").count():
            return asked
        qid = current_question(page)
        assert qid, "no question and no review on the page"
        assert qid in answers, f"the guide asked {qid!r}, which the scenario does not answer"
        asked.append(qid)
        fill_current(page, answers[qid])
        next_step(page, qid)
        if page.locator("#guide-error-summary").count():
            raise AssertionError(page.inner_text("#guide-error-summary"))
    raise AssertionError("the guide never reached the review step")


def show_result(page) -> None:
    page.click("#guide-show-result")
    page.wait_for_selector("#guide-result", timeout=STEP_MS)


def hold_requests(context, pattern: str):
    """Hold back the requests matching `pattern`; returns a function releasing them (waiting up to 10 s for one)."""
    pending = []

    def hold(route):
        pending.append(route)

    context.route(pattern, hold)

    def release(page) -> None:
        for _ in range(200):
            if pending:
                break
            page.wait_for_timeout(50)
        context.unroute(pattern, hold)
        for route in pending:
            try:
                route.continue_()
            except PlaywrightError:  # a request the page gave up meanwhile
                pass

    return release


def hold_engine(context):
    """Hold back Pyodide's WebAssembly so the engine stays loading; returns a function releasing it."""
    return hold_requests(context, "**/pyodide.asm.wasm")


def fake_worker(context, on_init: str, on_call: str = "") -> None:
    """Serve a stand-in for the guide's worker: `on_init` and `on_call` are JavaScript run for
    those messages (with `m` the message and `post` = self.postMessage), on every engine page. The
    page can make it send anything with `window.__guide.engine.worker.postMessage({type: "echo",
    msg})` (see `echo`)."""
    script = (
        "const post = (x) => self.postMessage(x);\n"
        "self.onmessage = (e) => { const m = e.data || {};\n"
        f"  if (m.type === 'init') {{ {on_init} }}\n"
        f"  else if (m.type === 'call') {{ {on_call} }}\n"
        "  else if (m.type === 'echo') post(m.msg);\n"
        "};\n"
    )
    context.route(
        "**/guide/worker.mjs*",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=script),
    )


def answer(page, qid: str, value) -> None:
    """Answer question `qid` (which must be the one shown) and press Neste."""
    page.wait_for_selector(f"#guide-step[data-question='{qid}']")
    fill_current(page, value)
    next_step(page, qid)


def echo(page, msg: dict, app: str = "__guide") -> None:
    """Make a fake worker (see `fake_worker`) send `msg` to the page (`app`: the page's global
    holding its engine: __guide, or __queue on the queue page)."""
    page.evaluate(f"(msg) => window.{app}.engine.worker.postMessage({{type: 'echo', msg}})", msg)
