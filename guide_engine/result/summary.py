"""The summary at the top of a result: status, interpreter, the next deadline and what to do now.

Each part is read from the result itself (nothing is decided twice) and names the id of the
guide's result section it sums up (``anchor``), so the page can link each line to its section.
Texts are in templates/summary.txt.
"""

from __future__ import annotations

from ..texts import fill, sections

ANCHORS = {
    "status": "guide-eligibility",
    "interpreter": "guide-interpreter",
    "deadline": "guide-deadlines",
    "now": "guide-checklist",
}


def _t(key: str, **values: object) -> str:
    return fill(sections("summary")[key], **values)


def status(elig: dict) -> dict:
    """The eligibility status in one line, flagged when it rests on an unconfirmed rule."""
    confirmed = bool(elig.get("confirmed", True))
    label = elig.get("label") or elig.get("status") or ""
    return {
        "value": elig.get("status"),
        "confirmed": confirmed,
        "text": label if confirmed else _t("status_unconfirmed", label=label),
        "anchor": ANCHORS["status"],
    }


def interpreter(interp: dict | None) -> dict | None:
    """Who orders and who pays the interpreter, in the decision's own words; None when the result
    has no interpreter part (not covered)."""
    if not interp or interp.get("needed") is None:
        return None
    return {"needed": interp["needed"], "orders": interp["orders"], "pays": interp["pays"], "text": interp["words"]["summary"],
            "confirmed": interp.get("confirmed", True),
            "anchor": ANCHORS["interpreter"]}


def next_deadline(deadlines: list[dict]) -> dict:
    """The earliest deadline not yet passed (else the latest passed one), and the passed ones; one that falls
    on the reference date is marked "i dag" (``today``, from the deadline decision)."""
    ahead = sorted((d for d in deadlines if not d.get("overdue")), key=lambda d: d["date"])
    passed = sorted((d for d in deadlines if d.get("overdue")), key=lambda d: d["date"])
    pick = ahead[0] if ahead else (passed[-1] if passed else None)
    out: dict = {"anchor": ANCHORS["deadline"], "id": None, "label": None, "date": None, "date_text": None, "overdue": False, "today": False}
    if pick is None:
        out["text"] = _t("deadline_none")
    else:
        out.update({k: pick.get(k) for k in ("id", "label", "date", "date_text", "overdue")})
        out["today"] = bool(pick.get("today"))
        key = "deadline_overdue" if pick.get("overdue") else "deadline_today" if out["today"] else "deadline"
        out["text"] = _t(key, label=pick.get("label"), date_text=pick.get("date_text"))
    out["passed"] = [
        {"id": d["id"], "text": _t("overdue", label=d.get("label"), date_text=d.get("date_text"))}
        for d in passed if d is not pick
    ]
    return out


def now(checklist: list[dict]) -> dict | None:
    """The first task on the checklist: what to do now."""
    if not checklist:
        return None
    first = min(checklist, key=lambda t: t.get("order", 0))
    return {
        "task_id": first.get("id"),
        "who": first.get("who"),
        "text": _t("now", who=first.get("who_label") or first.get("who"), task=first.get("task")),
        "due": first.get("due"),
        "due_text": first.get("due_text"),
        "anchor": ANCHORS["now"],
    }


def build(result: dict) -> dict | None:
    """The summary of an ``ok`` result; None for a result with errors."""
    if not isinstance(result, dict) or not result.get("ok") or not result.get("eligibility"):
        return None
    return {
        "status": status(result["eligibility"]),
        "interpreter": interpreter(result.get("interpreter")),
        "deadline": next_deadline(result.get("deadlines") or []),
        "now": now(result.get("checklist") or []),
    }
