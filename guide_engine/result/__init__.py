"""The result of a case, built in one pass from a session.

The decisions (guide_engine/decisions/) are made first, each complete; a ``Context`` holding them is
made once (context.py); the checklist (checklist.py) and the draft referral (referral.py) are built
from it, and the summary (summary.py) from the result. Each part returns its basis (the references
and sources it cites) beside its value; the result's top-level ``references`` and ``sources`` are the
union of the parts' bases, labelled from references.toml and sources.toml. A cited id that is not in
those files is an error, not silently dropped.
"""

from __future__ import annotations

from datetime import date

from .. import __version__
from . import checklist, referral, summary
from .context import Basis, Context
from ..data_loader import County, load_references, load_sources
from ..dates import format_nb, parse_iso
from ..decisions import adviser, deadlines, interpreter, place, priority
from ..free_text import echo
from ..session import Session


class UnknownCitation(KeyError):
    """A part of the result cites a reference or source id that the data files do not have."""


def empty(on: date | None, errors: list[dict], warnings: list[str], path: list[str]) -> dict:
    """A result without a decision (``ok`` false): the errors say why."""
    return {
        "engine_version": __version__,
        "on": on.isoformat() if on else None,
        "on_text": format_nb(on) if on else None,
        "ok": False,
        "errors": errors,
        "warnings": warnings,
        "path": path,
        "municipality": None,
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
        "summary": None,
    }


def _county_block(county: County, on: date, change: dict | None) -> tuple[dict, Basis]:
    """The county (derived from the municipality: the result's ``municipality``), its routine on the
    date, and ``change``: the county that holds the session when this one ends before it (decisions/place.py)."""
    routine = county.routine_on(on)
    block = {
        "id": county.id,
        "name": county.name,
        "change": change,
        "routine": ({"title": routine.title, "source": routine.source,
                     "valid_from": routine.period.valid_from.isoformat() if routine.period.valid_from else None,
                     "valid_to": routine.period.valid_to.isoformat() if routine.period.valid_to else None}
                    if routine else None),
        "routine_text": routine.title if routine else f"Ingen rutine registrert for {county.name} på datoen. Veiviseren bruker nasjonal veiledning (IMDi, HK-dir) der den finnes, ellers lovens minstekrav, og sier fra hvor.",
    }
    if routine:
        block["sources"] = [routine.source]
    return block, Basis().add(sources=[routine.source] if routine else [])


def session_day(items: list[dict]) -> date | None:
    """The day the guidance is held: the planned day, else the latest day for it (None: neither)."""
    by_id = {d["id"]: d for d in items}
    day = (by_id.get("session_on") or by_id.get("guidance_by") or {}).get("date")
    return parse_iso(day) if day else None


def _deadline_basis(items: list[dict]) -> Basis:
    b = Basis()
    for d in items:
        b.add(d.get("references") or [], [d["source"]] if d.get("source") else [])
    return b


def _labelled(basis: Basis) -> tuple[dict, dict]:
    refs, srcs = load_references(), load_sources()
    unknown = [r for r in basis.references if r not in refs] + [s for s in basis.sources if s not in srcs]
    if unknown:
        raise UnknownCitation(f"the result cites ids that are not in references.toml or sources.toml: {unknown}")
    return (
        {r: {"label": refs[r].label, "title": refs[r].title, "url": refs[r].url} for r in basis.references},
        {s: {"title": srcs[s].title, "publisher": srcs[s].publisher, "as_of": srcs[s].as_of} for s in basis.sources},
    )


def build(session: Session, brief: bool = False) -> dict:
    """The result for the session's case (see guide_engine/schema/result.schema.json); ``brief``
    leaves out the interpreter, the adviser, the checklist, the draft referral and the summary (the
    queue ranks many cases and shows none of them).

    Each part is built complete, in order, from what was built before it, and nothing changes it
    afterwards: the decisions (eligibility, interpreter, adviser, deadlines, priority), then the
    checklist from them, then the referral from both, then the summary from the result."""
    warnings = [f"Ukjent felt «{echo(k)}» er ikke brukt." for k in session.unknown_fields()]
    if session.on_problem:
        return empty(None, session.errors(), warnings, session.path)
    errors = session.errors()
    if errors or session.decision is None or session.county is None or session.facts is None:
        if not errors:  # defensive: should not happen, the errors cover the path
            errors = [{"field": session.path[-1] if session.path else "municipality", "message": "Svar mangler."}]
        return empty(session.on, errors, warnings, session.path)

    on, a, facts, decision = session.on, session.answers, session.facts, session.decision
    val = {fid: a.value(fid) for fid in session.path}
    covered = decision.guided
    dls, dl_notes = deadlines.compute(decision, facts, val.get("settlement_date"), val.get("planned_session_date"))
    where = place.derived(session.municipality, on)
    change = place.county_change(session.municipality, on, session_day(dls)) if covered else None
    block, county_basis = _county_block(session.county, on, change)
    ctx = Context(
        on=on, county=session.county, facts=facts, decision=decision, answers=val,
        eligibility=decision.to_dict(),
        # The queue (brief) shows neither: a fifth of its time per row went to deciding them.
        interpreter=None if brief else interpreter.decide(facts, val.get("interpreter_needed") if covered else None, val.get("interpreter_language")),
        adviser=None if brief else adviser.decide(facts, val.get("wants_adviser_present")),
        deadlines=dls, deadline_notes=dl_notes,
        priority=priority.decide(facts, val) if covered else priority.not_covered(),
        place=where, county_change=change,
    )
    if brief:  # the queue ranks many cases: no checklist, no draft, no caveats on them
        tasks, task_basis, draft, referral_basis, notes = [], Basis(), None, Basis(), []
    else:
        tasks, task_basis = checklist.build(ctx)
        draft, referral_basis = referral.build(ctx, tasks)
        # Each caveat once, with the facts and the parts it concerns: those of the tasks and the letter.
        notes = facts.notes(*[checklist.PART + t["id"] for t in tasks], referral.PART)

    basis = Basis().merge(county_basis).of(ctx.eligibility, ctx.interpreter, ctx.adviser).merge(_deadline_basis(ctx.deadlines))
    basis.of(ctx.priority).merge(task_basis).merge(referral_basis).add(sources=[n["source"] for n in notes])
    references, sources = _labelled(basis)

    result = empty(on, [], warnings, session.path)
    result.update({
        "ok": True,
        "municipality": where,
        "county": block,
        "eligibility": ctx.eligibility,
        "interpreter": ctx.interpreter,
        "adviser": ctx.adviser,
        "deadlines": ctx.deadlines,
        "deadline_notes": ctx.deadline_notes,
        "priority": ctx.priority,
        "checklist": tasks,
        "referral": draft,
        "references": references,
        "sources": sources,
        "data_notes": notes,
    })
    result["summary"] = summary.build(result) if not brief else None
    return result
