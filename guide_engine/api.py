"""The engine's public API (called by the browser worker and by the CLI).

Everything here is total: JSON-able dicts and lists in and out, dates as ISO strings, and no
exception escapes for any JSON input. The result is a pure function of the answers, the data files
and the reference date ``on`` — the engine never reads the system clock.

    questions(on=None)          -> list[dict]
    path(answers, on)           -> list[str]
    next_question(answers, on)  -> str | None
    validate(answers, on)       -> list[{"field", "message"}]
    evaluate(answers, on=None)  -> dict   (``on`` may also be given as answers["on"])
"""

from __future__ import annotations

from datetime import date
from typing import Any

from . import __version__, adviser, checklist, deadlines, eligibility, interpreter, priority, referral
from .counties import data_problem, get_county
from .data_loader import County, load_references, load_sources
from .dates import parse_iso
from .questions import OPENING, definitions, question_map
from .validation import Answers, Missing, errors_for, unknown_fields

ON_MIN, ON_MAX = date(1990, 1, 1), date(2200, 12, 31)


def _on(answers: Any, on: Any) -> tuple[date | None, str | None]:
    raw = on if on is not None else (answers.get("on") if isinstance(answers, dict) else None)
    if raw is None:
        return None, "Datoen veiviseren regner fra mangler (ÅÅÅÅ-MM-DD)."
    d = parse_iso(raw)
    if d is None:
        return None, "Datoen veiviseren regner fra må være en gyldig dato på formen ÅÅÅÅ-MM-DD."
    if not ON_MIN <= d <= ON_MAX:
        return None, "Datoen veiviseren regner fra må ligge mellom 1990 og 2200."
    return d, None


def _walk(a: Answers) -> tuple[list[str], eligibility.Decision | None, County | None]:
    """The questions on the current path, the eligibility decision (None while undecided) and the county."""
    path = list(OPENING)
    try:
        decision = eligibility.decide(a)
    except Missing:
        decision = None
    path += [f for f in a.asked if f not in path]
    cid = a.value("county")
    county = get_county(cid)[0] if cid else None
    if decision is None or decision.status == eligibility.NOT_COVERED or decision.wants_guidance is False or county is None:
        return path, decision, county
    on = a.on
    path.append("interpreter_needed")
    if a.value("interpreter_needed"):
        path.append("interpreter_language")
    if adviser.asks_participant(county, on):
        path.append("wants_adviser_present")
    path += ["competence_mapping_done", "individual_plan_exists", "norwegian_plan_exists", "practical_needs", "planned_session_date"]
    path += priority.questions(county, on)
    return path, decision, county


def _guard(fn, fallback):
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as e:  # the last safety net: the API is total
            return fallback(e)
    wrapper.__name__, wrapper.__doc__ = fn.__name__, fn.__doc__
    return wrapper


def _internal(e: Exception) -> list[dict]:
    return [{"field": "_engine", "message": f"Intern feil i veiviseren ({type(e).__name__}). Svarene dine er ikke sendt noe sted; prøv igjen eller meld fra."}]


# --- the API ------------------------------------------------------------------------------------


def _questions(on: Any = None) -> list[dict]:
    """Every question definition; the county options are the counties existing on ``on`` (ISO date
    or None for all counties, current and historical)."""
    d = parse_iso(on) if on is not None else None
    return definitions(d)


def _path(answers: Any, on: Any = None) -> list[str]:
    """The ordered ids of the questions on the current path given the answers so far."""
    d, problem = _on(answers, on)
    if problem:
        return list(OPENING)
    return _walk(Answers(answers, d))[0]


def _next_question(answers: Any, on: Any = None) -> str | None:
    """The first question on the path without a valid answer (optional questions count as answered
    when their key is present, even as null or ""); None when ready for the result."""
    d, problem = _on(answers, on)
    if problem:
        return OPENING[0]
    a = Answers(answers, d)
    qs = question_map()
    for fid in _walk(a)[0]:
        value, message = a.check(fid)
        if message or (value is None and (qs[fid]["required"] or not a.present(fid))):
            return fid
    return None


def _validate(answers: Any, on: Any = None) -> list[dict]:
    """Norwegian messages, per field, for impossible answers and required answers missing on the path."""
    d, problem = _on(answers, on)
    if problem:
        return [{"field": "on", "message": problem}]
    errs = []
    if not isinstance(answers, dict):
        errs.append({"field": "_case", "message": "Saken må være et JSON-objekt med svar, for eksempel {\"county\": \"more-og-romsdal\"}."})
    dp = data_problem()
    if dp:
        errs.append({"field": "_data", "message": f"Dataene kan ikke leses: {dp}"})
    a = Answers(answers, d)
    return errs + errors_for(a, _walk(a)[0])


def _reference_labels(ids) -> dict:
    refs = load_references()
    return {r: {"label": refs[r].label, "title": refs[r].title, "url": refs[r].url} for r in ids if r in refs}


def _collect(obj: Any, plural: str, singular: str, out: list[str]) -> None:
    """Every id cited anywhere in the result under `plural` (a list) or `singular` (one id)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == plural and isinstance(v, list):
                out.extend(x for x in v if isinstance(x, str))
            elif k == singular and isinstance(v, str):
                out.append(v)
            else:
                _collect(v, plural, singular, out)
    elif isinstance(obj, list):
        for v in obj:
            _collect(v, plural, singular, out)


def _empty(on: date | None, errors: list[dict], warnings: list[str], path: list[str]) -> dict:
    return {
        "engine_version": __version__,
        "on": on.isoformat() if on else None,
        "ok": False,
        "errors": errors,
        "warnings": warnings,
        "path": path,
        "county": None,
        "eligibility": None,
        "interpreter": None,
        "adviser": None,
        "deadlines": [],
        "deadline_notes": [],
        "priority": None,
        "checklist": [],
        "referral": None,
        "references": {},
        "sources": {},
        "data_notes": [],
    }


USED_FACTS = ("session_length_minutes", "interpreter_orders", "interpreter_pays", "interpreter_refund", "adviser_participation", "booking_mailbox",
              "booking_lead_days", "note_due_working_days", "imdi_registration", "before_session")


def _data_notes(county: County, on: date, covered: bool, prioritised: bool) -> list[dict]:
    """Where a county fact the result uses has an estimated period (``period_note``), say so."""
    keys = (USED_FACTS if covered else ()) + (("capacity", "priority_criteria") if prioritised else ())
    notes, seen = [], set()
    for key in keys:
        f = county.fact(key, on)
        note = getattr(f, "period_note", None) if f else None
        if note and note not in seen:
            seen.add(note)
            notes.append({"fact": key, "note": note, "source": f.source})
    return notes


def _evaluate(answers: Any, on: Any = None) -> dict:
    """The result for a case (see guide_engine/schema/result.schema.json)."""
    d, problem = _on(answers, on)
    warnings = [f"Ukjent felt «{k[:40]}» er ikke brukt." for k in unknown_fields(answers)]
    if problem:
        return _empty(None, [{"field": "on", "message": problem}], warnings, list(OPENING))
    errors = _validate(answers, d.isoformat())
    a = Answers(answers, d)
    path, decision, county = _walk(a)
    if errors or decision is None or county is None:
        if not errors:  # defensive: should not happen, validate covers the path
            errors = [{"field": path[-1] if path else "county", "message": "Svar mangler."}]
        return _empty(d, errors, warnings, path)

    on_d = d
    val = {fid: a.value(fid) for fid in path}
    elig = decision.to_dict()
    facts_src = {k: f.source for k in ("booking_mailbox", "note_due_working_days", "imdi_registration", "before_session", "session_length_minutes")
                 if (f := county.fact(k, on_d)) is not None}
    routine = county.routine_on(on_d)
    county_block = {
        "id": county.id,
        "name": county.name,
        "routine": ({"title": routine.title, "source": routine.source,
                     "valid_from": routine.period.valid_from.isoformat() if routine.period.valid_from else None,
                     "valid_to": routine.period.valid_to.isoformat() if routine.period.valid_to else None}
                    if routine else None),
        "routine_text": routine.title if routine else f"Ingen rutine registrert for {county.name} på datoen. Veiviseren bruker lovens minstekrav.",
    }
    covered = decision.status != eligibility.NOT_COVERED and decision.wants_guidance is not False
    interp = interpreter.decide(county, on_d, val.get("interpreter_needed") if covered else None, val.get("interpreter_language"))
    adv = adviser.decide(county, on_d, val.get("wants_adviser_present"))
    dl, dl_notes = deadlines.compute(decision, county, on_d, val.get("settlement_date"), val.get("planned_session_date"))
    candidates = [date.fromisoformat(x["date"]) for x in dl if x["id"] in ("guidance_by", "book_by")]
    if val.get("planned_session_date"):
        candidates.append(val["planned_session_date"])
    nearest = min(candidates, default=None)
    prio = priority.decide(county, on_d, val, nearest) if covered else {
        "applies": False, "score": None, "max_score": None, "level": None, "sort_key": None, "criteria": [],
        "reasons": ["Ingen prioritering: personen er ikke omfattet."], "references": ["integreringsloven-11"], "sources": []}
    mailbox = county.fact("booking_mailbox", on_d)
    before = county.fact("before_session", on_d)
    organiser = county.fact("organiser", on_d)
    reg = county.fact("imdi_registration", on_d)
    length = county.fact("session_length_minutes", on_d)
    ctx = {
        "on": on_d, "answers": val, "county": county, "eligibility": elig, "interpreter": interp, "adviser": adv,
        "deadlines": dl, "priority": prio, "referral_to": mailbox.value if mailbox else None,
        "before_session": list(before.value) if before else [], "organiser": organiser.value if organiser else None,
        "imdi_registration": reg.value if reg else None, "county_sources": {k: [v] for k, v in facts_src.items()},
        "session_minutes": length.value if length else None,
    }
    result = _empty(on_d, [], warnings, path)
    result["data_notes"] = _data_notes(county, on_d, covered, prio["applies"])
    result.update({
        "ok": True,
        "county": county_block,
        "eligibility": elig,
        "interpreter": interp,
        "adviser": adv,
        "deadlines": dl,
        "deadline_notes": dl_notes,
        "priority": prio,
        "checklist": checklist.build(ctx),
        "referral": referral.build(ctx),
    })
    if routine:
        result["county"]["sources"] = [routine.source]
    ref_ids: list[str] = []
    _collect(result, "references", "reference", ref_ids)
    result["references"] = _reference_labels(dict.fromkeys(ref_ids))
    src_ids: list[str] = []
    _collect(result, "sources", "source", src_ids)
    srcs = load_sources()
    result["sources"] = {s: {"title": srcs[s].title, "publisher": srcs[s].publisher, "as_of": srcs[s].as_of}
                         for s in dict.fromkeys(src_ids) if s in srcs}
    return result


def checklist_text(result: dict) -> str:
    """The checklist of a result as plain text (empty for a result with errors)."""
    labels = {k: v["label"] for k, v in (result.get("references") or {}).items()}
    return checklist.as_text(result.get("checklist") or [], labels) if result.get("checklist") else ""


questions = _guard(_questions, lambda e: [])
path = _guard(_path, lambda e: list(OPENING))
next_question = _guard(_next_question, lambda e: OPENING[0])
validate = _guard(_validate, _internal)
evaluate = _guard(_evaluate, lambda e: _empty(None, _internal(e), [], list(OPENING)))
