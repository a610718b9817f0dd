"""The browser's entry point: one JSON message in, one JSON message out.

The Web Worker calls ``handle`` with a JSON string; whatever happens, a JSON string comes back
(an unexpected fault becomes ``{"ok": false, "error": <a fixed Norwegian sentence>, "detail": <the
Python exception, for the console>}``), so the page never hangs on Python and never shows a traceback.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable


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
    """The whole queue in one message: {csv, on, per_week?, from?} -> rows, order, export CSV, .ics."""
    from . import calendar_ics, queue

    result = queue.evaluate(msg.get("csv"), _on(msg), msg.get("per_week"), msg.get("from"))
    page = queue.for_page(result)
    page["export_csv"] = queue.export_csv(result) if result["rows"] else ""
    page["ics"] = calendar_ics.sessions_ics(result)
    return page


def _ics(msg: dict) -> dict:
    """A guide result's deadlines as an .ics text: {answers, on} -> {"ics", "filename"}."""
    from . import calendar_ics

    answers = msg.get("answers") or {}
    result = _api().evaluate(answers, _on(msg))
    ref = answers.get("participant_ref") if result.get("ok") and isinstance(answers.get("participant_ref"), str) else ""
    return {"ics": calendar_ics.deadlines_ics(result, ref), "filename": "frister-karriereveiledning.ics"}


OPS: dict[str, Callable[[dict], Any]] = {
    "ping": lambda msg: {"python": sys.version.split()[0]},
    "questions": _questions,
    "step": _step,
    "evaluate": _evaluate,
    "queue": _queue,
    "ics": _ics,
}


# What the page may show: fixed Norwegian sentences. The technical cause goes to ``detail`` (for the
# browser console), never into ``error``.
UNKNOWN_MESSAGE = "Veiviseren fikk en forespørsel den ikke kjenner. Last inn siden på nytt."
INTERNAL_ERROR = "Veiviseren fikk en intern feil. Svarene dine er ikke sendt noe sted; prøv igjen, eller last inn siden på nytt."


def _failure(error: str, detail: str) -> str:
    return json.dumps({"ok": False, "error": error, "detail": detail[:2000]}, ensure_ascii=True)


def handle(message: str) -> str:
    try:
        msg = json.loads(message)
        op = OPS.get(msg.get("op")) if isinstance(msg, dict) else None
        if op is None:
            return _failure(UNKNOWN_MESSAGE, "unknown op")
        result = op(msg)
        return json.dumps({"ok": True, "result": result}, ensure_ascii=False)
    except Exception as exc:  # the page must always get an answer (RecursionError included)
        return _failure(INTERNAL_ERROR, f"{type(exc).__name__}: {exc}")
