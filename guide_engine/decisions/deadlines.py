"""Deadlines, as dates, each with its basis, whether it is overdue, and a warning where it is missed.

The chain runs backwards from the law's deadline, so every step fits before the next:
  programme_start_by  The introduction programme starts within three months of settlement
                      (integreringsloven § 12): the last working day on or before that date.
  vedtak_by           The vedtak comes before the programme starts: the working day before.
  guidance_by         Career guidance "bør gjennomføres før det fattes vedtak etter § 12" (§ 11), and the
                      counsellor's note must reach the municipality before the vedtak (IMDi, Veileder til
                      integreringsloven, kapittel 5): the latest session date from which the county's
                      note (``note_due_working_days``) arrives by the working day before vedtak_by.
  book_by             Where the county asks for lead time (``booking_lead_days``, calendar days):
                      the session date minus the lead time, moved back to a working day.
  note_by             Where the county sets it: that many Norwegian working days after the session.
  session_on          The planned session date, when given (it must not be later than guidance_by).
The session date is the planned one if given, otherwise guidance_by. Every date is a working day (a
planned session on a holiday warns); a
deadline is overdue when it lies before the reference date. When the planned session, the note or
the booking falls after the date it must precede, that deadline carries a ``warning``.
"""

from __future__ import annotations

from datetime import date, timedelta

from .. import workdays
from . import deadline_steps as steps_of
from ..case_facts import CaseFacts
from ..dates import add_months, format_nb
from ..provenance import elsewhere
from .eligibility import ASSESS_NEED, Decision, RIGHT_AND_DUTY, RIGHT_ONLY, UNCLEAR
from ..rules import family

COVERED = (RIGHT_AND_DUTY, RIGHT_ONLY, ASSESS_NEED)
# 24 December is a working day (not a public holiday, workdays.py), so a deadline may fall on it; it is legal,
# but a soft warning says what the day is like (arbeidsmiljøloven § 10-10: free from 15:00).
CHRISTMAS_EVE = (
    "Siste dag for oppstart er 24. desember (julaften). Dagen er ikke en helligdag, så fristen er riktig regnet, men "
    "arbeidstakere har fri fra kl. 15 (arbeidsmiljøloven § 10-10), og mange kontorer har stengt eller kort dag. "
    "Planlegg oppstart og vedtak før julaften."
)
MONTH_WORDS = {1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}
PART = "deadline:"  # a deadline's part id is "deadline:<id>" (guide_engine/case_facts.py)
NOTE_DAYS, LEAD_DAYS = "note_due_working_days", "booking_lead_days"


def _item(facts: CaseFacts, did: str, label: str, d: date, basis: str, references: list[str], source: str | None = None,
          confirmed: bool = True, note: str | None = None, precedes: str | None = None, warning: str | None = None,
          rests_on: tuple[str, ...] = (), steps: list[str] | None = None) -> dict:
    """One deadline, complete: ``rests_on`` names the county facts it was computed from (their
    caveats stand beside it); ``steps`` says in words how the date was counted (deadline_steps.py);
    ``today`` marks a deadline that falls on the reference date."""
    part = PART + did
    for key in rests_on:
        facts.get(key, part)
    return {
        "id": did,
        "label": label,
        "date": d.isoformat(),
        "date_text": format_nb(d),
        "overdue": d < facts.on,
        "today": d == facts.on,
        "steps": steps or [],
        "basis": basis,
        "references": references,
        "source": source,
        "confirmed": confirmed,
        "note": note,
        "precedes": precedes,
        "warning": warning,
        "data_notes": facts.note_ids(part),
    }


def compute(decision: Decision, facts: CaseFacts, settled: date | None, planned: date | None) -> tuple[list[dict], list[str]]:
    """(deadlines, notes). Notes say why an expected deadline is missing."""
    on, county = facts.on, facts.county
    notes: list[str] = []
    status = decision.prepares
    if status not in COVERED:
        return [], ["Ingen frister: personen er ikke omfattet av karriereveiledning etter § 11."]
    if decision.declined and not decision.duty_possible:
        return [], ["Ingen frister: deltakeren ønsker ikke karriereveiledning nå."]

    unclear = decision.status == UNCLEAR
    six_a = status == RIGHT_ONLY or (unclear and decision.recommendation_expected is False)
    if unclear:
        caveat = "Regnet som om personen er omfattet, fordi regelen som avgjør det, ikke er bekreftet. Sjekk regelen først."
    elif six_a:
        caveat = ("Regnet etter hovedregelen. For personer med kollektiv beskyttelse har vi ikke kunnet bekrefte at kapittel 6A "
                  "knytter tidspunktet til vedtaket; avtal tidspunktet med fylkeskommunen.")
    else:
        caveat = None
    confirmed = caveat is None

    note_days = facts.get(NOTE_DAYS, None)
    guidance_by = note_latest = None
    by_id: dict[str, dict] = {}
    session = planned
    late = None
    if status in (RIGHT_AND_DUTY, RIGHT_ONLY) and settled is not None:
        p = family("eligibility")["programme_start_months"]
        months = (p.confirmed_on(settled) or p.values[0])
        start_limit = add_months(settled, months.value)
        start_by = workdays.on_or_before(start_limit)
        vedtak_by = workdays.before(start_by)
        note_latest = workdays.before(vedtak_by)
        guidance_by = workdays.subtract_working_days(note_latest, note_days.value if note_days else 0)
        session = planned or guidance_by
        facts.judge_on(session, planned is not None)  # the county facts are used for the session: their confirmed-until dates judged on it
        if planned and planned > guidance_by:
            late = (
                f"Ønsket dato for veiledningen ({format_nb(planned)}) er etter siste dag for veiledningen ({format_nb(guidance_by)}). "
                "Da rekker notatet trolig ikke fram før vedtaket. Velg en tidligere dato, eller avtal med fylket hvordan fristen kan holdes."
            )
        words = MONTH_WORDS.get(months.value, str(months.value))
        by_id["programme_start_by"] = _item(
            facts, "programme_start_by", "Siste dag for oppstart av introduksjonsprogram", start_by,
            f"Programmet skal starte senest {words} måneder etter bosetting ({format_nb(start_limit)}); flyttet til siste virkedag.",
            [months.reference], confirmed=confirmed, note=caveat,
            steps=steps_of.programme_start(settled, words, start_limit, start_by),
        )
        if (start_by.month, start_by.day) == (12, 24):  # legal, but hardly a day to start a programme
            by_id["programme_start_by"]["warning"] = CHRISTMAS_EVE
            notes.append(CHRISTMAS_EVE)
        by_id["vedtak_by"] = _item(
            facts, "vedtak_by", "Siste dag for vedtak om introduksjonsprogram", vedtak_by,
            "Vedtaket må komme før programmet starter: virkedagen før siste oppstartsdag.",
            [months.reference, "integreringsloven-11"], confirmed=confirmed, note=caveat, precedes="programme_start_by",
            steps=steps_of.working_day_before("Siste dag for oppstart", start_by, vedtak_by),
        )
        if note_days is not None:
            basis = (f"Karriereveiledningen bør være gjennomført, og notatet fra den være hos kommunen, før vedtaket. "
                     f"{county.name} sender notatet innen {note_days.value} virkedager, og det bør være hos kommunen senest "
                     f"{format_nb(note_latest)} (virkedagen før siste dag for vedtak).")
        else:
            basis = (f"Karriereveiledningen bør være gjennomført, og notatet fra den være hos kommunen, før vedtaket: senest "
                     f"{format_nb(note_latest)} (virkedagen før siste dag for vedtak). Ingen frist for notatet er registrert for "
                     f"{county.name}; avtal at notatet kommer før vedtaket.")
        by_id["guidance_by"] = _item(
            facts, "guidance_by", "Siste dag for karriereveiledningen", guidance_by, basis,
            ["integreringsloven-11", months.reference], confirmed=confirmed, note=caveat, precedes="vedtak_by", warning=late,
            rests_on=(NOTE_DAYS,), steps=steps_of.guidance(vedtak_by, note_latest, note_days.value if note_days else None, guidance_by),
        )
    elif status == ASSESS_NEED:
        notes.append("Ingen frist regnet fra bosetting: etter den midlertidige covid-loven vurderer kommunen behovet for deltakere som allerede er i program.")

    facts.judge_on(session, session is planned)  # a covid-law case: the planned session, if any
    if session is None:
        notes.append("Oppgi ønsket dato for veiledningen for å få siste bestillingsdag og frist for notatet.")
        return _ordered(by_id), notes
    session_text = "ønsket dato for veiledningen" if planned else "siste dag for karriereveiledningen"
    if planned:
        holiday = None if workdays.is_working_day(planned) else f"{format_nb(planned)} er ikke en virkedag (helg eller helligdag). Velg en annen dato."
        by_id["session_on"] = _item(
            facts, "session_on", "Ønsket dato for veiledningen", planned, "Datoen kommunen har oppgitt for veiledningen.",
            ["integreringsloven-11"], precedes="guidance_by" if guidance_by else None, warning=late or holiday,
        )

    lead = facts.get(LEAD_DAYS, None)
    if lead is not None:
        book_by = workdays.on_or_before(session - timedelta(days=lead.value))
        by_id["book_by"] = _item(
            facts, "book_by", "Siste dag for å bestille veiledningen", book_by,
            f"{county.name} ber om bestilling minst {lead.value} dager før veiledningen (regnet fra {session_text}, {format_nb(session)}); flyttet til siste virkedag.",
            list(lead.references) or ["integreringsloven-11"], lead.source,
            precedes="session_on" if planned else ("guidance_by" if guidance_by else None),
            warning=(f"Bestillingsfristen ({format_nb(book_by)}) er passert. Bestill straks og spør {county.name} om veiledningen kan holdes "
                     f"{format_nb(session)}, eller velg en senere dato innenfor fristene.") if book_by < on else None,
            rests_on=(LEAD_DAYS,), steps=steps_of.booking(session_text.capitalize(), session, lead.value, book_by),
        )
    else:
        other = elsewhere(county, LEAD_DAYS, on, facts.status)
        notes.append(f"{county.name} har registrert en bestillingsfrist på {other[0].value} dager {other[1]}, ikke for denne saken. "
                     "Bestill så tidlig som mulig." if other else
                     f"Ingen rutine registrert for {county.name} om hvor lang tid i forveien veiledningen må bestilles. Bestill så tidlig som mulig.")

    if note_days is not None:
        note_by = workdays.add_working_days(session, note_days.value)
        by_id["note_by"] = _item(
            facts, "note_by", "Frist for karriereveilederens notat", note_by,
            f"{county.name} sender notatet innen {note_days.value} virkedager etter veiledningen (regnet fra {session_text}, {format_nb(session)}).",
            list(note_days.references) or ["integreringsloven-11"], note_days.source, precedes="vedtak_by" if note_latest else None,
            warning=(f"Notatet kommer {format_nb(note_by)}, etter {format_nb(note_latest)}, som er virkedagen før siste dag for vedtak. "
                     "Da har kommunen ikke notatet når vedtaket skal fattes. Velg en tidligere dato for veiledningen.")
            if note_latest and note_by > note_latest else None,
            rests_on=(NOTE_DAYS,), steps=steps_of.note(session_text.capitalize(), session, note_days.value, note_by),
        )
    else:
        other = elsewhere(county, NOTE_DAYS, on, facts.status)
        notes.append(f"{county.name} har registrert en frist på {other[0].value} virkedager for notatet {other[1]}, ikke for denne saken."
                     if other else f"Ingen rutine registrert for {county.name} om når notatet fra veiledningen kommer.")
    return _ordered(by_id), notes


ORDER = ("book_by", "session_on", "guidance_by", "note_by", "vedtak_by", "programme_start_by")


def _ordered(by_id: dict[str, dict]) -> list[dict]:
    """The deadlines in the order they must be met."""
    return [by_id[k] for k in ORDER if k in by_id]
