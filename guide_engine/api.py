"""The engine's public API (called by the browser worker and by the CLI): the thin, total boundary.

Everything here is total: JSON-able dicts and lists in and out, dates as ISO strings, and no
exception escapes for any JSON input. The result is a pure function of the answers, the data files
and the reference date ``on`` — the engine never reads the system clock. Each call builds one
``Session`` (answers parsed once, eligibility decided once).

    questions(on=None)          -> list[dict]
    path(answers, on)           -> list[str]
    next_question(answers, on)  -> str | None
    validate(answers, on)       -> list[{"field", "message"}]
    step(answers, on)           -> {"path", "next", "errors"}   (one pass for all three)
    evaluate(answers, on=None)  -> dict   (``on`` may also be given as answers["on"])
"""

from __future__ import annotations

from typing import Any

from .data_loader import DataError
from .dates import parse_iso
from .questions import definitions, opening
from .result import build, checklist, empty
from .session import Session


def _guard(fn, fallback):
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as e:  # the last safety net: the API is total
            return fallback(e)
    wrapper.__name__, wrapper.__doc__ = fn.__name__, fn.__doc__
    return wrapper


def _internal(e: Exception) -> list[dict]:
    """A fixed sentence for the user; the exception itself is not shown (the bridge's ``detail`` is for
    that). A data file that breaks its rules is named as such, never called an internal error."""
    if isinstance(e, DataError):
        return [{"field": "_data", "message": f"Dataene kan ikke leses: {e}"}]
    return [{"field": "_engine", "message": "Veiviseren fikk en intern feil. Svarene dine er ikke sendt noe sted; prøv igjen, eller meld fra hvis det skjer igjen."}]


def _opening(e: Exception | None = None) -> list[str]:
    try:
        return list(opening())
    except Exception:  # the data cannot be read: the municipality is still the first question
        return ["municipality"]


# --- the API ------------------------------------------------------------------------------------


def _questions(on: Any = None) -> list[dict]:
    """Every question definition; the county options are the counties existing on ``on`` (ISO date
    or None for all counties, current and historical)."""
    d = parse_iso(on) if on is not None else None
    return definitions(d)


def _path(answers: Any, on: Any = None) -> list[str]:
    """The ordered ids of the questions on the current path given the answers so far."""
    return Session(answers, on).path


def _next_question(answers: Any, on: Any = None) -> str | None:
    """The first question on the path without a valid answer; None when ready for the result."""
    return Session(answers, on).next_question()


def _validate(answers: Any, on: Any = None) -> list[dict]:
    """Norwegian messages, per field, for impossible answers and required answers missing on the path."""
    return Session(answers, on).errors()


def _step(answers: Any, on: Any = None) -> dict:
    """The path, the next question and the errors, from one pass over the answers."""
    return Session(answers, on).step()


def _evaluate(answers: Any, on: Any = None) -> dict:
    """The result for a case with its summary block on top (see guide_engine/schema/result.schema.json)."""
    return build(Session(answers, on))


def checklist_text(result: dict) -> str:
    """The checklist of a result as plain text (empty for a result with errors)."""
    labels = {k: v["label"] for k, v in (result.get("references") or {}).items()}
    return checklist.as_text(result.get("checklist") or [], labels) if result.get("checklist") else ""


questions = _guard(_questions, lambda e: [])
path = _guard(_path, _opening)
next_question = _guard(_next_question, lambda e: _opening()[0])
validate = _guard(_validate, _internal)
step = _guard(_step, lambda e: {"path": _opening(), "next": _opening()[0], "errors": _internal(e)})
evaluate = _guard(_evaluate, lambda e: empty(None, _internal(e), [], _opening()))
