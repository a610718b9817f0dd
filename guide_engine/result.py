"""The result of a case, built in one pass from a session.

A ``Context`` is built once (reference date, county, the parsed answers on the path, the eligibility
decision); each part of the result is decided from it in turn and returns its basis (the references
and sources it cites) beside its value; the result's top-level ``references`` and ``sources`` are the
union of the parts' bases, labelled from references.toml and sources.toml. A cited id that is not in
those files is an error, not silently dropped.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from . import __version__, adviser, checklist, deadlines, interpreter, priority, provenance, referral, summary
from .context import Basis, ConsultedCounty, Context
from .data_loader import County, load_references, load_sources
from .dates import format_nb
from .free_text import echo

if TYPE_CHECKING:
    from .session import Session


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


def _county_block(county: County, on: date) -> tuple[dict, Basis]:
    routine = county.routine_on(on)
    block = {
        "id": county.id,
        "name": county.name,
        "routine": ({"title": routine.title, "source": routine.source,
                     "valid_from": routine.period.valid_from.isoformat() if routine.period.valid_from else None,
                     "valid_to": routine.period.valid_to.isoformat() if routine.period.valid_to else None}
                    if routine else None),
        "routine_text": routine.title if routine else f"Ingen rutine registrert for {county.name} på datoen. Veiviseren bruker nasjonal veiledning (IMDi, HK-dir) der den finnes, ellers lovens minstekrav, og sier fra hvor.",
    }
    if routine:
        block["sources"] = [routine.source]
    return block, Basis().add(sources=[routine.source] if routine else [])


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


def build(session: "Session", brief: bool = False) -> dict:
    """The result for the session's case (see guide_engine/schema/result.schema.json); ``brief``
    leaves out the checklist, the draft referral and the summary (the queue ranks many cases)."""
    warnings = [f"Ukjent felt «{echo(k)}» er ikke brukt." for k in session.unknown_fields()]
    if session.on_problem:
        return empty(None, session.errors(), warnings, session.path)
    errors = session.errors()
    if errors or session.decision is None or session.county is None:
        if not errors:  # defensive: should not happen, the errors cover the path
            errors = [{"field": session.path[-1] if session.path else "county", "message": "Svar mangler."}]
        return empty(session.on, errors, warnings, session.path)

    on, a = session.on, session.answers
    status = session.decision.prepares  # facts written for one law are scoped by the outcome prepared for
    county = ConsultedCounty(session.county, status)
    ctx = Context(on, county, session.decision, {fid: a.value(fid) for fid in session.path})
    val = ctx.answers
    block, basis = _county_block(session.county, on)
    ctx.eligibility = ctx.decision.to_dict()
    ctx.interpreter = interpreter.decide(county, on, val.get("interpreter_needed") if ctx.covered else None, val.get("interpreter_language"), status)
    ctx.adviser = adviser.decide(county, on, val.get("wants_adviser_present"), status)
    ctx.deadlines, ctx.deadline_notes = deadlines.compute(ctx.decision, county, on, val.get("settlement_date"), val.get("planned_session_date"))
    ctx.priority = priority.decide(county, on, val, ctx.nearest_deadline(), status) if ctx.covered else priority.not_covered()
    if brief:  # the queue ranks many cases: no checklist, no draft, no caveats on them
        tasks, task_basis, draft, referral_basis, notes = [], Basis(), None, Basis(), []
    else:
        tasks, task_basis = checklist.build(ctx)
        draft, referral_basis = referral.build(ctx)
        # The caveats of every county fact and national guidance the tasks rest on, on each task and in the draft.
        notes = provenance.annotate(session.county, on, status, tasks, draft)
        for d in ctx.deadlines:  # beside the deadline and the priority that rest on county facts
            d["data_notes"] = provenance.notes_of(session.county, provenance.DEADLINE_FACTS.get(d["id"], ()), on, status)
        if ctx.priority.get("applies"):
            ctx.priority["data_notes"] = provenance.notes_of(session.county, provenance.PRIORITY_FACTS, on, status)
        if not draft.get("to"):
            draft.update(provenance.contact_route(session.county, on))

    basis.of(ctx.eligibility, ctx.interpreter, ctx.adviser).merge(_deadline_basis(ctx.deadlines)).of(ctx.priority)
    basis.merge(task_basis).merge(referral_basis).add(sources=[n["source"] for n in notes])
    references, sources = _labelled(basis)

    result = empty(on, [], warnings, session.path)
    result.update({
        "ok": True,
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
