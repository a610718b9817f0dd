"""The checklist: ordered tasks, each with who does it, its due date where there is one, and its basis.

Task texts live in data/checklist.toml; this module decides which tasks apply and their order:
prepare (assess, map competence, inform, plans) → book (referral, interpreter, adviser) →
the session (participant, career centre) → after (note, IMDi-nett, refund) → vedtak.
"""

from __future__ import annotations

from .eligibility import ASSESS_NEED, NOT_COVERED, RIGHT_ONLY
from .interpreter import TOLKELOVEN_FROM
from string import Template

from .context import Basis, Context
from .data_loader import load_labels
from .texts import checklist_tasks, fill


def build(ctx: Context) -> tuple[list[dict], Basis]:
    """The tasks for the result's context (its eligibility, interpreter, adviser, deadlines and county
    facts), and their basis (every task's references and sources)."""
    tasks = checklist_tasks()
    who_labels = load_labels()["who"]
    out: list[dict] = []
    due = {d["id"]: d for d in ctx.deadlines}

    def add(tid: str, due_id: str | None = None, sources: list[str] | None = None, **values) -> None:
        t = tasks[tid]
        refs = t.get("references_introduksjonsloven", t["references"]) if old_law else t["references"]
        who = fill(Template(t["who"]), **values)
        d = due.get(due_id) if due_id else None
        out.append({
            "id": tid,
            "order": len(out) + 1,
            "who": who,
            "who_label": who_labels.get(who, who),
            "task": fill(Template(t["text"]), **values),
            "due": d["date"] if d else None,
            "due_text": d["date_text"] if d else None,
            "deadline": due_id if d else None,
            "basis": t["basis"],
            "references": [r for r in refs if r != "tolkeloven-6" or ctx.on >= TOLKELOVEN_FROM] or ["integreringsloven-11"],
            "sources": sources or [],
        })

    elig = ctx.eligibility
    status = elig.get("acts_as") or elig["status"]  # an unclear status prepares for its covered outcome
    old_law = status == ASSESS_NEED
    for u in elig.get("unconfirmed", []):
        add("check_unconfirmed", text=u["text"])
    if elig.get("wants_guidance") is False:
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

    mailbox = ctx.fact_value("booking_mailbox")
    if mailbox:
        add("send_referral", "book_by" if "book_by" in due else None, [ctx.fact_source("booking_mailbox")], mailbox=mailbox)
    else:
        add("send_referral_unknown", county_name=county.name)

    interp = ctx.interpreter
    if interp["needed"]:
        lang = interp["language"] or "[språk]"
        if interp["orders"] == "municipality":
            add("interpreter_municipality", prep_due, interp["sources"], language=lang)
        elif interp["orders"] == "county":
            add("interpreter_county", prep_due, interp["sources"], language=lang)
        else:
            add("interpreter_unknown", prep_due, language=lang)

    minutes = ctx.fact_value("session_length_minutes")
    duration = f" Sett av ca. {minutes} minutter." if minutes else ""
    adv = ctx.adviser
    if adv["participation"] == "required":
        add("adviser_required", None, adv["sources"], duration=duration)
    elif adv["participation"] == "case_by_case":
        add("adviser_assess", prep_due, adv["sources"], wish="ønsker det" if adv["wants_present"] else "ønsker det ikke")
    elif adv["wants_present"]:
        add("adviser_wanted", None, adv["sources"])

    with_interpreter = " (med tolk)" if interp["needed"] else ""
    attend = {RIGHT_ONLY: "participant_attends_voluntary", ASSESS_NEED: "participant_attends_covid"}.get(status, "participant_attends")
    session = {RIGHT_ONLY: "session_no_recommendation", ASSESS_NEED: "session_covid"}.get(status, "session")
    session_due = "session_on" if "session_on" in due else "guidance_by"
    add(attend, session_due, [ctx.fact_source("session_length_minutes")] if minutes else None, with_interpreter=with_interpreter, duration=duration)
    add(session, session_due)

    if "note_by" in due:
        add("note", "note_by", [ctx.fact_source("note_due_working_days")])
    else:
        add("note_unknown", county_name=county.name)
    reg = ctx.fact_value("imdi_registration")
    if status == ASSESS_NEED:
        pass  # the old law's participants: no § 11 note to register under integreringsloven § 43
    elif reg in ("municipality", "county"):
        add("imdi_registration", None, [ctx.fact_source("imdi_registration")], who="municipality" if reg == "municipality" else "career_centre")
    else:
        add("imdi_registration_unknown")
    if interp["needed"] and interp["orders"] == "municipality" and interp["pays"] == "county" and interp["refund"]:
        add("interpreter_refund", None, interp["sources"], refund=interp["refund"])
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
