"""The draft referral to the county's booking mailbox: subject and body in bokmål from
templates/referral_*.txt, with minimal personal data (a reference, never a national identity number).

Built complete, after the checklist: the caveats of every county fact the checklist and the
decisions the letter states rest on fill the body's notes slot, and where no booking address is
registered the draft says so and names the county page's contacts. A draft whose e-mail link
(mailto:) would pass MAILTO_LIMIT characters is marked ``long``: mail programs may cut it, so the page
offers copying first.
"""

from __future__ import annotations

from string import Template
from urllib.parse import quote

from ..case_facts import CaseFacts
from .context import Basis, Context
from ..counties import get_county
from ..data_loader import County, load_sources, load_statuses
from ..provenance import COUNTY, source_label
from ..dates import format_nb
from ..decisions import adviser, interpreter, priority
from ..texts import fill, fill_lines, sections, template

PART = "referral"
# Mail programs cut longer mailto: links (Outlook, and browsers handing the link over, near 2 000 characters).
MAILTO_LIMIT = 2000


def mailto_length(to: str | None, subject: str, body: str) -> int:
    """The length of the draft's mailto: link, encoded as the page encodes it (encodeURIComponent)."""
    enc = lambda s: quote(s or "", safe="!~*'()")  # noqa: E731
    return len(f"mailto:{enc(to)}?subject={enc(subject)}&body={enc(body)}")


def contact_route(county: County) -> dict:
    """What the referral says when no booking address is registered: that it is unknown, and the county page's contacts."""
    others = [c for c in county.contacts if c.email]
    other = (f" Adressen {others[0].email} i kilden er oppgitt til et annet formål ({others[0].role.split('.')[0].lower()}), "
             "ikke til henvisninger." if others else "")
    return {
        "reason": f"Ingen bestillingsadresse for henvisninger er registrert for {county.name} på datoen.{other} "
                  f"Finn riktig mottaker via kontaktinformasjonen på fylkessiden for {county.name}, eller spør fylkeskommunen.",
        "contact_page": f"counties/{county.id}/",
    }


def _not_applicable(to: str | None, reason: str) -> tuple[dict, Basis]:
    return ({"applicable": False, "to": to, "subject": "", "body": "", "reminder": template("referral_reminder").template,
             "reason": reason, "data_notes": [], "long": False}, Basis())


def _timing(L: dict, ctx: Context) -> str:
    a = ctx.answers
    deadlines = {d["id"]: d for d in ctx.deadlines}
    guidance_by = deadlines.get("guidance_by", {}).get("date_text")
    settled_timing = deadlines.get("guidance_by", {}).get("confirmed", True)
    planned = format_nb(a.get("planned_session_date")) if a.get("planned_session_date") else None
    if planned and guidance_by:
        return fill(L["timing_planned_deadline" if settled_timing else "timing_planned_deadline_unconfirmed"], planned=planned, guidance_by=guidance_by)
    if planned:
        return fill(L["timing_planned"], planned=planned)
    if guidance_by:
        return fill(L["timing_deadline" if settled_timing else "timing_deadline_unconfirmed"], guidance_by=guidance_by)
    return fill(L["timing_none"])


def _info(L: dict, ctx: Context) -> list[str]:
    """The lines for the counsellor: competence mapping, interpreter, adviser, plans, needs, priority."""
    a = ctx.answers
    info = [fill(L["competence_done" if a.get("competence_mapping_done") else "competence_missing"])]
    info.append(fill(L["interpreter"], text=ctx.interpreter["words"]["letter"]))  # the decision's own words
    if ctx.adviser["words"]["letter"]:  # the participant's wish, in the decision's own words
        info.append(fill(L["adviser"], text=ctx.adviser["words"]["letter"]))
    info.append(fill(L["plan_yes" if a.get("individual_plan_exists") else "plan_no"]))
    info.append(fill(L["norwegian_yes" if a.get("norwegian_plan_exists") else "norwegian_no"]))
    info.append(fill(L["practical"], text=a["practical_needs"]) if a.get("practical_needs") else fill(L["practical_none"]))
    prio = ctx.priority
    if prio.get("applies"):
        info.append(fill(L["priority"], reasons=f"{prio['label'].lower()}. " + " ".join(c["reason"] for c in prio["criteria"] if c["reason"])).rstrip())
    return info


def _rest_on_the_result(facts: CaseFacts, ctx: Context, tasks: list[dict]) -> None:
    """The letter rests on the facts of every task and of the decisions it states (the interpreter
    where one is needed, the adviser, the priority where it applies, the deadlines)."""
    parts = [f"checklist:{t['id']}" for t in tasks] + [adviser.PART] + [f"deadline:{d['id']}" for d in ctx.deadlines]
    parts += [interpreter.PART] if ctx.interpreter["needed"] else []
    parts += [priority.PART] if ctx.priority.get("applies") else []
    facts.rest_on(PART, *parts)


def _relied_on(L: dict, facts: CaseFacts) -> str:
    """The one line that tells the county which of its own documents (and their dates) the letter
    relied on; the caveats meant for the sender stay on the result page, never in the letter."""
    sources = load_sources()
    own = [s for s in dict.fromkeys(facts.get(k, None).source for k in facts.keys(PART)
                                    if facts.get(k, None).layer == COUNTY)]
    if not own:
        return ""
    docs = " og ".join(f"«{sources[s].title}» ({source_label(s)})" for s in own)
    return fill(L["relied_on"], documents=docs) + "\n"


def build(ctx: Context, tasks: list[dict]) -> tuple[dict, Basis]:
    """The draft referral for the result's context and its checklist ``tasks``, and its basis (the
    county facts it quotes)."""
    elig, county, facts = ctx.eligibility, ctx.county, ctx.facts
    status = load_statuses()[elig["status"]]
    if not status.referred:
        return _not_applicable(facts.value("booking_mailbox", None),
                               "Ingen henvisning: personen er ikke omfattet av karriereveiledning etter § 11.")
    declined_unclear = ctx.decision.declined and ctx.decision.duty_possible
    if ctx.decision.declined and not declined_unclear:
        return _not_applicable(facts.value("booking_mailbox", None),
                               "Ingen henvisning: deltakeren har rett, men ikke plikt, til karriereveiledning og ønsker det ikke nå.")
    L = sections("referral_lines")
    a = ctx.answers
    municipality = ctx.place["name"]
    ref = a.get("participant_ref") or "[initialer eller saksnummer]"
    to = facts.value("booking_mailbox", PART)
    organiser = facts.value("organiser", PART) or f"{county.name} fylkeskommune"
    change = ctx.county_change
    successor = get_county(change["to"])[0] if change and change["to"] else None
    if change:  # the county ends before the session: the letter goes to the county that will hold it
        organiser, to = f"{change['to_name']} fylkeskommune", None
    _rest_on_the_result(facts, ctx, tasks)
    notes = facts.note_ids(PART)  # for the sender, shown beside the draft; never in the letter itself
    subject = fill(template("referral_subject"), basis_label=status.letter_basis, municipality=municipality, participant_ref=ref)
    body = fill_lines(
        template("referral_body"),
        county_service=organiser,
        county_name=county.name,
        municipality=municipality,
        participant_ref=ref,
        county_change_line=fill(L["county_change"], **change) if change else "",
        status_line=(fill(L["declined_branch_line"]) if declined_unclear else
                     fill(Template(status.letter), alternatives=" ".join(f"{x['when']}: {x['label'].lower()}." for x in elig.get("alternatives", [])))),
        timing_line=_timing(L, ctx),
        info_lines="\n".join(_info(L, ctx)),
        relied_on="" if change else _relied_on(L, facts),  # the documents are the old county's, not the addressee's
    )
    basis = Basis().add(sources=[facts.source(k, PART) for k in ("booking_mailbox", "organiser")])
    draft = {"applicable": True, "to": to, "subject": subject, "body": body + "\n", "reminder": template("referral_reminder").template,
             "reason": fill(L["declined_branch_reason"]) if declined_unclear else None, "data_notes": notes,
             "long": mailto_length(to, subject, body + "\n") > MAILTO_LIMIT}
    return (draft if to else {**draft, **contact_route(successor or county)}), basis
