"""Deadlines, as dates, each with its basis and whether it is overdue on the reference date.

  programme_start_by  The introduction programme starts within three months of settlement
                      (integreringsloven § 12); the last working day on or before that date.
  guidance_by         Career guidance "bør gjennomføres før det fattes vedtak etter § 12" (§ 11):
                      the last working day before programme_start_by, so the vedtak and the start
                      can follow it.
  book_by             Where the county asks for lead time (``booking_lead_days``, calendar days):
                      the session date minus the lead time, moved back to a working day.
  note_by             Where the county sets it (``note_due_working_days``): that many Norwegian
                      working days after the session.
The session date is the planned one if given, otherwise guidance_by. Every date is a working day;
a deadline is overdue when it lies before the reference date.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import workdays
from .data_loader import County
from .dates import add_months, format_nb
from .eligibility import ASSESS_NEED, RIGHT_AND_DUTY, RIGHT_ONLY, Decision
from .rules import family


def _item(did: str, label: str, d: date, on: date, basis: str, references: list[str], source: str | None = None,
          confirmed: bool = True, note: str | None = None) -> dict:
    return {
        "id": did,
        "label": label,
        "date": d.isoformat(),
        "date_text": format_nb(d),
        "overdue": d < on,
        "basis": basis,
        "references": references,
        "source": source,
        "confirmed": confirmed,
        "note": note,
    }


def compute(decision: Decision, county: County, on: date, settled: date | None, planned: date | None) -> tuple[list[dict], list[str]]:
    """(deadlines, notes). Notes say why an expected deadline is missing."""
    out: list[dict] = []
    notes: list[str] = []
    if decision.status not in (RIGHT_AND_DUTY, RIGHT_ONLY, ASSESS_NEED):
        return out, ["Ingen frister: personen er ikke omfattet av karriereveiledning etter § 11."]

    guidance_by = None
    if decision.status in (RIGHT_AND_DUTY, RIGHT_ONLY) and settled is not None:
        p = family("eligibility")["programme_start_months"]
        months = (p.confirmed_on(settled) or p.values[0])
        start_limit = add_months(settled, months.value)
        start_by = workdays.on_or_before(start_limit)
        guidance_by = workdays.before(start_by)
        six_a = decision.status == RIGHT_ONLY
        caveat = (
            "Regnet etter hovedregelen. Kapittel 6A kan ha egne regler om oppstart for personer med kollektiv beskyttelse; sjekk dem."
            if six_a else None
        )
        out.append(_item(
            "programme_start_by", "Siste dag for oppstart av introduksjonsprogram", start_by, on,
            f"Programmet skal starte senest {months.value} måneder etter bosetting ({format_nb(start_limit)}); flyttet til siste virkedag.",
            [months.reference], confirmed=not six_a, note=caveat,
        ))
        out.append(_item(
            "guidance_by", "Siste dag for karriereveiledningen", guidance_by, on,
            "Karriereveiledningen bør gjennomføres før vedtaket om introduksjonsprogram, og programmet skal starte innen tre måneder etter bosetting: siste virkedag før siste oppstartsdag.",
            ["integreringsloven-11", months.reference], confirmed=not six_a, note=caveat,
        ))
    elif decision.status == ASSESS_NEED:
        notes.append("Ingen frist regnet fra bosetting: etter den midlertidige covid-loven vurderer kommunen behovet for deltakere som allerede er i program.")

    session = planned or guidance_by
    if session is None:
        notes.append("Oppgi ønsket dato for veiledningen for å få siste bestillingsdag og frist for notatet.")
        return out, notes
    session_text = "ønsket dato for veiledningen" if planned else "siste dag for karriereveiledningen"

    lead = county.fact("booking_lead_days", on)
    if lead is not None:
        book_by = workdays.on_or_before(session - timedelta(days=lead.value))
        out.append(_item(
            "book_by", "Siste dag for å bestille veiledningen", book_by, on,
            f"{county.name} ber om bestilling minst {lead.value} dager før veiledningen (regnet fra {session_text}, {format_nb(session)}); flyttet til siste virkedag.",
            list(lead.references) or ["integreringsloven-11"], lead.source,
        ))
    else:
        notes.append(f"Ingen rutine registrert for {county.name} om hvor lang tid i forveien veiledningen må bestilles. Bestill så tidlig som mulig.")

    note_days = county.fact("note_due_working_days", on)
    if note_days is not None:
        note_by = workdays.add_working_days(session, note_days.value)
        out.append(_item(
            "note_by", "Frist for karriereveilederens notat", note_by, on,
            f"{county.name} sender notatet innen {note_days.value} virkedager etter veiledningen (regnet fra {session_text}, {format_nb(session)}).",
            list(note_days.references) or ["integreringsloven-11"], note_days.source,
        ))
    else:
        notes.append(f"Ingen rutine registrert for {county.name} om når notatet fra veiledningen kommer.")
    return out, notes
