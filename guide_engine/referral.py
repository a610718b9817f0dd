"""The draft referral to the county's booking mailbox: subject and body in bokmål from
templates/referral_*.txt, with minimal personal data (a reference, never a national identity number)."""

from __future__ import annotations

from .context import Basis, Context
from .dates import format_nb
from .eligibility import NOT_COVERED
from .texts import fill, sections, template


def build(ctx: Context) -> tuple[dict, Basis]:
    """The draft referral for the result's context, and its basis (the county facts it quotes)."""
    elig = ctx.eligibility
    county = ctx.county
    to = ctx.fact_value("booking_mailbox")
    reminder = template("referral_reminder").template
    if elig["status"] == NOT_COVERED:
        return ({"applicable": False, "to": to, "subject": "", "body": "", "reminder": reminder,
                 "reason": "Ingen henvisning: personen er ikke omfattet av karriereveiledning etter § 11."}, Basis())
    if elig.get("wants_guidance") is False:
        return ({"applicable": False, "to": to, "subject": "", "body": "", "reminder": reminder,
                 "reason": "Ingen henvisning: deltakeren har rett, men ikke plikt, til karriereveiledning og ønsker det ikke nå."}, Basis())
    L = sections("referral_lines")
    a = ctx.answers
    municipality = a.get("municipality") or "[kommune]"
    ref = a.get("participant_ref") or "[initialer eller saksnummer]"
    deadlines = {d["id"]: d for d in ctx.deadlines}
    guidance_by = deadlines.get("guidance_by", {}).get("date_text")
    settled_timing = deadlines.get("guidance_by", {}).get("confirmed", True)
    planned = format_nb(a.get("planned_session_date")) if a.get("planned_session_date") else None
    if planned and guidance_by:
        timing = fill(L["timing_planned_deadline" if settled_timing else "timing_planned_deadline_unconfirmed"], planned=planned, guidance_by=guidance_by)
    elif planned:
        timing = fill(L["timing_planned"], planned=planned)
    elif guidance_by:
        timing = fill(L["timing_deadline" if settled_timing else "timing_deadline_unconfirmed"], guidance_by=guidance_by)
    else:
        timing = fill(L["timing_none"])

    before = ctx.fact_value("before_session") or []
    if before:
        before_text = "\n".join(fill(L["before_session_item"], item=i) for i in before)
    else:
        before_text = fill(L["before_session_none"], county_name=county.name)

    info = [fill(L["competence_done" if a.get("competence_mapping_done") else "competence_missing"])]
    interp = ctx.interpreter
    if not interp["needed"]:
        info.append(fill(L["interpreter_none"]))
    else:
        lang = interp["language"] or "[språk]"
        if interp["orders"] == "county":
            national = interp.get("layer") == "national"
            info.append(fill(L["interpreter_county_national" if national else "interpreter_county"], language=lang))
        elif interp["orders"] == "municipality":
            pays = " og sender refusjonskrav til fylkeskommunen" if interp["pays"] == "county" else ""
            info.append(fill(L["interpreter_municipality"], language=lang, pays_text=pays))
        else:
            info.append(fill(L["interpreter_unknown"], language=lang))
    adv = ctx.adviser
    if adv["participation"] == "required":
        info.append(fill(L["adviser_required"]))
    elif adv["wants_present"] is not None:
        info.append(fill(L["adviser_yes" if adv["wants_present"] else "adviser_no"]))
    info.append(fill(L["plan_yes" if a.get("individual_plan_exists") else "plan_no"]))
    info.append(fill(L["norwegian_yes" if a.get("norwegian_plan_exists") else "norwegian_no"]))
    info.append(fill(L["practical"], text=a["practical_needs"]) if a.get("practical_needs") else fill(L["practical_none"]))
    prio = ctx.priority
    if prio.get("applies"):
        info.append(fill(L["priority"], reasons=f"{prio['label'].lower()}. " + " ".join(c["reason"] for c in prio["criteria"] if c["reason"])).rstrip())

    status = elig["status"]
    organiser = ctx.fact_value("organiser") or f"{county.name} fylkeskommune"
    subject = fill(template("referral_subject"), basis_label=fill(L[f"basis_{status}"]), municipality=municipality, participant_ref=ref)
    body = fill(
        template("referral_body"),
        county_service=organiser,
        county_name=county.name,
        municipality=municipality,
        participant_ref=ref,
        status_line=fill(L[f"status_{status}"], alternatives=" ".join(f"{x['when']}: {x['label'].lower()}." for x in elig.get("alternatives", []))),
        timing_line=timing,
        before_session=before_text,
        info_lines="\n".join(info),
    )
    basis = Basis().add(sources=[ctx.fact_source(k) for k in ("booking_mailbox", "before_session", "organiser")])
    return ({"applicable": True, "to": to, "subject": subject, "body": body + "\n", "reminder": reminder,
            "reason": None if to else f"Ingen bestillingsadresse registrert for {county.name}. Spør fylkeskommunen hvor henvisningen skal sendes."}, basis)
