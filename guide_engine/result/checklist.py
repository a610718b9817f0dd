"""The checklist: ordered tasks, each with who does it, its due date where there is one, and its basis.

Task texts live in data/checklist.toml; this module decides which tasks apply and their order:
prepare (assess, map competence, inform, plans) → book (referral, interpreter, adviser) →
the session (participant, career centre) → after (note, IMDi-nett, refund) → vedtak.

Each task is built complete: the county facts it quotes (``uses``) and the decisions it carries out
(``rests_on``: the interpreter's, the adviser's) are recorded as its own in the case's facts, and
their caveats (``data_notes``) and layers stand on it; a task resting only on national guidance
says so in its basis.
"""

from __future__ import annotations

from string import Template

from .context import Basis, Context
from ..data_loader import load_labels, load_sources
from ..decisions import adviser, interpreter
from ..decisions.eligibility import ASSESS_NEED, NOT_COVERED, RIGHT_ONLY, UNCLEAR
from ..decisions.interpreter import TOLKELOVEN_FROM
from ..provenance import NATIONAL, elsewhere, source_label
from ..texts import checklist_tasks, fill

PART = "checklist:"  # a task's part id is "checklist:<task id>" (guide_engine/case_facts.py)


def _national_basis(notes: list[dict]) -> str | None:
    """The basis of a task that rests on national guidance alone: whose guidance, and of when."""
    national = [n["source"] for n in notes if n["kind"] == "national"]
    if not national:
        return None
    src = load_sources()[national[0]]
    return f"Nasjonal veiledning fra {src.publisher.split(' (')[0]} ({source_label(src.id)}), ikke fylkets egen rutine."


def build(ctx: Context) -> tuple[list[dict], Basis]:
    """The tasks for the result's context (its eligibility, interpreter, adviser, deadlines and county
    facts), and their basis (every task's references and sources)."""
    tasks = checklist_tasks()
    facts = ctx.facts
    who_labels = load_labels()["who"]
    out: list[dict] = []
    due = {d["id"]: d for d in ctx.deadlines}

    def add(tid: str, due_id: str | None = None, sources: list[str] | None = None, uses: tuple[str, ...] = (),
            rests_on: tuple[str, ...] = (), **values) -> None:
        t = tasks[tid]
        refs = t.get("references_introduksjonsloven", t["references"]) if old_law else t["references"]
        who = fill(Template(t["who"]), **values)
        d = due.get(due_id) if due_id else None
        part = PART + tid
        for key in uses:
            facts.get(key, part)
        facts.rest_on(part, *rests_on)
        notes, layers = facts.notes(part), facts.layers(part)
        national = layers and all(v == NATIONAL for v in layers.values())
        out.append({
            "id": tid,
            "order": len(out) + 1,
            "who": who,
            "who_label": who_labels.get(who, who),
            "task": fill(Template(t["text"]), **values),
            "due": d["date"] if d else None,
            "due_text": d["date_text"] if d else None,
            "deadline": due_id if d else None,
            "basis": (national and _national_basis(notes)) or fill(Template(t["basis"]), **values),
            "references": [r for r in refs if r != "tolkeloven-6" or ctx.on >= TOLKELOVEN_FROM] or ["integreringsloven-11"],
            "sources": sources or [],
            "data_notes": [n["id"] for n in notes],
            "layers": layers,
        })

    elig = ctx.eligibility
    status = elig.get("acts_as") or elig["status"]  # an unclear status prepares for its covered outcome
    old_law = status == ASSESS_NEED
    for u in elig.get("unconfirmed", []):
        add("check_unconfirmed", text=u["text"])
    if ctx.decision.declined:  # the participant's "no": no duty task, whatever the routine
        if ctx.decision.duty_possible:  # unclear: both branches, nothing stated as settled
            add("declined_unclear", "book_by" if "book_by" in due else "guidance_by")
        else:
            add("declined_inform")
        return out, _basis(out)
    if status == NOT_COVERED:
        add("not_covered_inform")
        for offer in elig.get("may_offer", []):
            add("not_covered_offer", offer=offer)
        return out, _basis(out)

    county, a = ctx.county, ctx.answers
    prep_due = "book_by" if "book_by" in due else ("session_on" if "session_on" in due else "guidance_by")
    if status == ASSESS_NEED:
        add("assess_need")
    add("competence_mapping_share" if a.get("competence_mapping_done") else "competence_mapping_do", prep_due)
    add("inform_participant", prep_due)
    plans = [label for key, label in (("individual_plan_exists", "individuell plan / integreringsplan"),
                                        ("norwegian_plan_exists", "plan for norskopplæringen")) if a.get(key)]
    if plans:
        add("plans_share", prep_due, plans=" og ".join(plans))

    mailbox = facts.get("booking_mailbox", None)
    if mailbox:
        add("send_referral", "book_by" if "book_by" in due else None, [mailbox.source], uses=("booking_mailbox",), mailbox=mailbox.value)
    else:
        add("send_referral_unknown", county_name=county.name)

    interp = ctx.interpreter
    if interp["needed"]:  # the decision's own words: what to do, and on what basis
        tid = {"municipality": "interpreter_municipality", "county": "interpreter_county"}.get(interp["orders"], "interpreter_unknown")
        add(tid, prep_due, interp["sources"] if tid != "interpreter_unknown" else None, rests_on=(interpreter.PART,),
            task=interp["words"]["task"], basis=interp["words"]["basis"])

    length = facts.get("session_length_minutes", None)
    duration = f" Sett av ca. {length.value} minutter." if length else ""
    minutes = ("session_length_minutes",) if length else ()
    adv = ctx.adviser
    if adv["conflict"]:  # the participant's "no" wins over the routine's three-way conversation
        add("adviser_conflict", prep_due, adv["sources"], rests_on=(adviser.PART,))
    elif adv["participation"] == "required":
        add("adviser_required", None, adv["sources"], uses=minutes, rests_on=(adviser.PART,), duration=duration)
    elif adv["participation"] == "case_by_case":
        add("adviser_assess", prep_due, adv["sources"], rests_on=(adviser.PART,), wish="ønsker det" if adv["wants_present"] else "ønsker det ikke")
    elif adv["wants_present"]:
        add("adviser_wanted", None, adv["sources"], rests_on=(adviser.PART,))

    with_interpreter = " (med tolk)" if interp["needed"] else ""
    attend = {RIGHT_ONLY: "participant_attends_voluntary", ASSESS_NEED: "participant_attends_covid"}.get(status, "participant_attends")
    if attend == "participant_attends" and elig["status"] == UNCLEAR:  # the duty is one branch, not settled
        attend = "participant_attends_unclear"
    branches = " ".join(f"{x['when']}: {x['label'].lower()}." for x in elig.get("alternatives", []))  # as the decision's reasons word them
    session = {RIGHT_ONLY: "session_no_recommendation", ASSESS_NEED: "session_covid"}.get(status, "session")
    session_due = "session_on" if "session_on" in due else "guidance_by"
    add(attend, session_due, [length.source] if length else None, uses=minutes, with_interpreter=with_interpreter, duration=duration,
        alternatives=branches)
    add(session, session_due)

    note_days = facts.get("note_due_working_days", None)
    other = elsewhere(county, "note_due_working_days", ctx.on, status) if note_days is None else None
    if "note_by" in due:
        add("note", "note_by", [note_days.source], uses=("note_due_working_days",))
    elif note_days is not None:  # a deadline, but no session date to count from
        add("note_days", None, [note_days.source], uses=("note_due_working_days",), days=note_days.value)
    elif other is not None:  # registered for other cases or another period: said, never applied
        add("note_elsewhere", None, [other[0].source], county_name=county.name, days=other[0].value, scope=other[1])
    else:
        add("note_unknown", county_name=county.name, uses=("note_due_working_days",))
    reg = facts.get("imdi_registration", None) if status != ASSESS_NEED else None
    if status == ASSESS_NEED:
        pass  # the old law's participants: no § 11 note to register under integreringsloven § 43
    elif reg is not None and reg.value in ("municipality", "county"):
        add("imdi_registration", None, [reg.source], uses=("imdi_registration",),
            who="municipality" if reg.value == "municipality" else "career_centre")
    else:
        add("imdi_registration_unknown", uses=("imdi_registration",))
    if interp["needed"] and interp["orders"] == "municipality" and interp["pays"] == "county" and interp["refund"]:
        add("interpreter_refund", None, interp["sources"], uses=("interpreter_refund",), refund=interp["refund"])
    if status != ASSESS_NEED:
        add("vedtak", "vedtak_by")
    return out, _basis(out)


def _basis(tasks: list[dict]) -> Basis:
    b = Basis()
    for t in tasks:
        b.add(t["references"], t["sources"])
    return b


def as_text(items: list[dict], reference_labels: dict[str, str]) -> str:
    """The checklist as plain bokmål text (used for printing and the golden files)."""
    lines = []
    for it in items:
        due = f" Frist: {it['due_text']}." if it.get("due_text") else ""
        refs = ", ".join(reference_labels.get(r, r) for r in it["references"])
        lines.append(f"{it['order']}. {it['who_label']}: {it['task']}{due}")
        lines.append(f"   Grunnlag: {it['basis']} ({refs})")
    return "\n".join(lines) + "\n"
