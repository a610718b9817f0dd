"""The browser's entry point: one JSON message in, one JSON message out.

The Web Worker calls ``handle`` with a JSON string; whatever happens, a JSON string comes back
(an unexpected fault becomes ``{"ok": false, "error": <a fixed Norwegian sentence>, "detail": <the
Python exception, for the console>}``), so the page never hangs on Python and never shows a traceback.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable

from .progress import reporting


def _on(msg: dict) -> str | None:
    on = msg.get("on")
    return on if isinstance(on, str) else None


def _api():
    from . import api  # imported on first use: the ping answers even if the engine fails to import

    return api


def _questions(msg: dict) -> Any:
    return _api().questions(_on(msg))


def _step(msg: dict) -> dict:
    return _api().step(msg.get("answers") or {}, _on(msg))


def _evaluate(msg: dict) -> Any:
    return _api().evaluate(msg.get("answers") or {}, _on(msg))


def _queue(msg: dict) -> dict:
    """The whole queue in one message: {csv, on, per_week?, from?, plan?, encoding?} -> the rows in order, the counts,
    the capacity projection (see guide_engine/queue.py)."""
    from . import queue

    return queue.for_page(queue.evaluate(msg.get("csv"), _on(msg), msg.get("per_week"), msg.get("from"), plan=msg.get("plan"),
                                         encoding=msg.get("encoding")))


def _queue_warm(msg: dict) -> dict:
    """Evaluate a few of the template's rows, so the first real list does not pay for the queue's
    imports and data loads (the page calls it once the engine is ready, while the user picks a file)."""
    from . import queue

    rows = max(1, min(int(msg.get("rows") or 100), 500))
    r = queue.evaluate(queue.warm_csv(rows), "2026-10-20", 6)
    return {"rows": r["counts"]["rows"]}


def _queue_files(msg: dict) -> dict:
    """The same message -> the export CSV and the sessions' .ics (the rows evaluated once, remembered)."""
    from . import calendar_ics, queue

    result = queue.evaluate(msg.get("csv"), _on(msg), msg.get("per_week"), msg.get("from"), plan=msg.get("plan"))
    return {"export_csv": queue.export_csv(result) if result["rows"] else "", "ics": calendar_ics.sessions_ics(result)}


def _ics(msg: dict) -> dict:
    """A guide result's deadlines as an .ics text: {answers, on} -> {"ics", "filename"}."""
    from . import calendar_ics

    from .result import build
    from .session import Session

    session = Session(msg.get("answers") or {}, _on(msg))
    result = build(session)
    # the reference as the engine cleaned it (the referral's own): raw text never reaches the calendar
    ref = (session.answers.value("participant_ref") if result.get("ok") and session.answers else None) or ""
    return {"ics": calendar_ics.deadlines_ics(result, ref), "filename": "frister-karriereveiledning.ics"}


def _routine_file(msg: dict) -> dict:
    """The routine page's form -> the county file, its errors at the form's fields, the county page's preview
    and the summary to mail (guide_engine/routine_form.py; nothing is sent)."""
    from . import routine_form

    return routine_form.build(msg)


OPS: dict[str, Callable[[dict], Any]] = {
    "ping": lambda msg: {"python": sys.version.split()[0]},
    "questions": _questions,
    "step": _step,
    "evaluate": _evaluate,
    "queue": _queue,
    "queue_files": _queue_files,
    "queue_warm": _queue_warm,
    "ics": _ics,
    "routine_file": _routine_file,
}


# What the page may show: fixed Norwegian sentences. The technical cause goes to ``detail`` (for the
# browser console), never into ``error``.
UNKNOWN_MESSAGE = "Veiviseren fikk en forespørsel den ikke kjenner. Last inn siden på nytt."
INTERNAL_ERROR = "Veiviseren fikk en intern feil. Svarene dine er ikke sendt noe sted; prøv igjen, eller last inn siden på nytt."


def _failure(error: str, detail: str) -> str:
    return json.dumps({"ok": False, "error": error, "detail": detail[:2000]}, ensure_ascii=True)


def handle(message: str, progress: Callable[[int, int], object] | None = None) -> str:
    """``progress(done, total)``: told how far a long call has come (guide_engine/progress.py)."""
    try:
        msg = json.loads(message)
        op = OPS.get(msg.get("op")) if isinstance(msg, dict) else None
        if op is None:
            return _failure(UNKNOWN_MESSAGE, "unknown op")
        with reporting(progress):
            result = op(msg)
        return json.dumps({"ok": True, "result": result}, ensure_ascii=False)
    except Exception as exc:  # the page must always get an answer (RecursionError included)
        return _failure(INTERNAL_ERROR, f"{type(exc).__name__}: {exc}")
