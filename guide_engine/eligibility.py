"""Who has the right — and the duty — to career guidance under integreringsloven § 11.

Written Catala-style: each rule sits beside a paraphrase of its provision; the general rule comes
first and the exceptions are named and ordered. Dates and limits come from data/rules/eligibility.toml.

General rule (§ 11 first paragraph): persons covered by § 8 first paragraph have the right and the
duty to career guidance. § 8 first paragraph: aged 18–55 when the residence permit was granted, with
a permit named in § 9, settled in a municipality by agreement with IMDi (not a condition for family
members), and having lived in a municipality for less than two years.

Exceptions, in order:
  1. permit group outside § 9                                    → not covered
  2. transitional rule (§ 51; integreringsforskriften § 72): a permit granted before 1 January 2021
     follows the old introduksjonsloven, unless a resettlement refugee arrived after that date
     2a. while the temporary covid law (2020) applied, the municipality assesses the need for
         participants in the introduction programme                     → assess need
     2b. otherwise                                                      → not covered
  3. too young or too old when the permit was granted (§ 8)            → not covered
  4. lived in a municipality for two years or more (§ 8)               → not covered
  5. settled without agreement with IMDi (§ 8)                         → not covered
  6. family member whose reference person had lived in a municipality five years or more (§ 8/§ 9)
                                                                       → not covered
  7. collective protection (utlendingsloven § 34) while chapter 6A applies: a right but no duty,
     and no recommendation on sluttmål, varighet and innhold is expected → right only
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .dates import add_years, format_nb
from .rules import Parameter, Value, family
from .answers import Answers

RIGHT_AND_DUTY, RIGHT_ONLY, ASSESS_NEED, NOT_COVERED = "right_and_duty", "right_only", "assess_need", "not_covered"
LABELS = {
    RIGHT_AND_DUTY: "Rett og plikt til karriereveiledning",
    RIGHT_ONLY: "Rett, men ikke plikt, til karriereveiledning",
    ASSESS_NEED: "Kommunen vurderer behovet for karriereveiledning",
    NOT_COVERED: "Ikke omfattet av integreringsloven § 11",
}
AGREEMENT_GROUPS = ("refugee", "resettlement", "humanitarian", "collective")
GROUP_TEXT = {
    "refugee": "flyktning (utlendingsloven § 28)",
    "resettlement": "overføringsflyktning (utlendingsloven § 35 tredje ledd)",
    "humanitarian": "opphold på grunnlag av sterke menneskelige hensyn etter søknad om beskyttelse (utlendingsloven § 38)",
    "family": "familiemedlem til en person i målgruppen",
    "collective": "kollektiv beskyttelse (utlendingsloven § 34)",
}
OFFER_PROGRAMME = (
    "Kommunen kan likevel tilby introduksjonsprogram til personer utenfor målgruppen for rett og plikt, "
    "for eksempel personer over aldersgrensen eller bosatt uten avtale med IMDi (integreringsloven § 8)."
)
OFFER_CAREER_CENTRE = (
    "Personen kan bruke fylkets ordinære, gratis karriereveiledning for voksne ved karrieresenteret "
    "(dette er ikke veiledning etter § 11)."
)


@dataclass
class Decision:
    status: str
    reasons: list[str]
    references: list[str]
    confirmed: bool = True
    unconfirmed: list[dict] = field(default_factory=list)
    may_offer: list[str] = field(default_factory=list)
    recommendation_expected: bool = True
    law: str = "integreringsloven"

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "label": LABELS[self.status],
            "law": self.law,
            "confirmed": self.confirmed,
            "reasons": list(self.reasons),
            "references": _unique(self.references),
            "unconfirmed": list(self.unconfirmed),
            "recommendation_expected": self.recommendation_expected,
            "may_offer": list(self.may_offer),
        }


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


def _flag(d: Decision, v: Value, text: str) -> Decision:
    """Mark a decision as resting on data that is not confirmed for the date."""
    d.confirmed = False
    d.unconfirmed.append({"text": text, "note": v.note, "reference": v.reference, "from": v.start.isoformat()})
    d.references.append(v.reference)
    return d


def _first(p: Parameter) -> Value:
    return p.values[0]


def _at(p: Parameter, day: date) -> Value:
    """The confirmed value on ``day``, or the first value for days before the parameter starts."""
    return p.confirmed_on(day) or _first(p)


def decide(a: Answers) -> Decision:
    """The eligibility decision for the answers on ``a.on``. Raises answers.Missing(field) for the
    first question it needs that has no valid answer (that question is the next on the path)."""
    on = a.on
    R = family("eligibility")
    group = a.need("permit_group")

    # Exception 1 — § 9 lists the permits that give the right and the duty; others are not covered.
    if group == "other":
        return Decision(
            NOT_COVERED,
            ["Oppholdsgrunnlaget (for eksempel arbeid, studier eller EØS-opphold) er ikke blant grunnlagene i integreringsloven § 9."],
            ["integreringsloven-9", "integreringsloven-8", "integreringsloven-11"],
            may_offer=[OFFER_CAREER_CENTRE],
        )

    permit = a.need("permit_date")
    cutoff = date.fromisoformat(_first(R["new_law_permit_from"]).value)
    transitional_ref = _first(R["new_law_permit_from"]).reference

    # Exception 2 — § 51: permits granted before the law came into force follow introduksjonsloven,
    # except those who applied from abroad, got the permit before and arrived after (forskrift § 72).
    if permit < cutoff:
        arrived_after = False
        if group == "resettlement":
            arrived_after = a.need("settlement_date") >= cutoff
        if not arrived_after:
            return _old_law(a, R, cutoff, transitional_ref)

    reasons = [f"Oppholdsgrunnlaget er {GROUP_TEXT[group]}, som er nevnt i integreringsloven § 9."]
    refs = ["integreringsloven-8", "integreringsloven-9", "integreringsloven-11"]
    if permit < cutoff:
        reasons.append(
            "Tillatelsen ble gitt før 1. januar 2021, men overføringsflyktningen kom til Norge etter at "
            "integreringsloven trådte i kraft, og omfattes derfor av den (integreringsforskriften § 72)."
        )
        refs.append(transitional_ref)

    # Exception 3 — § 8 first paragraph: aged 18–55 when the permit was granted.
    age = a.need("age_at_permit")
    amin, amax = _at(R["age_min"], permit), _at(R["age_max"], permit)
    if age < amin.value:
        return Decision(
            NOT_COVERED,
            [f"Personen var {age} år da oppholdstillatelsen ble gitt, under aldersgrensen på {amin.value} år i integreringsloven § 8."],
            [amin.reference, "integreringsloven-11"],
            may_offer=["Karriereveiledning etter § 11 gjelder ikke. Andre tilbud for unge må vurderes for seg."],
        )
    if age > amax.value:
        d = Decision(
            NOT_COVERED,
            [f"Personen var {age} år da oppholdstillatelsen ble gitt, over aldersgrensen på {amax.value} år i integreringsloven § 8."],
            [amax.reference, "integreringsloven-11"],
            may_offer=[OFFER_PROGRAMME, OFFER_CAREER_CENTRE],
        )
        pending = R["age_max"].unconfirmed_on(permit)
        if pending is not None and age <= pending.value:
            _flag(d, pending, f"Med en aldersgrense på {pending.value} år ville personen vært i målgruppen. Sjekk om endringen gjelder før du avslutter saken.")
        return d

    # Exception 4 — § 8: lived in a municipality for less than two years.
    settled = a.need("settlement_date")
    years = _at(R["residence_years_max"], on)
    if add_years(settled, years.value) <= on:
        return Decision(
            NOT_COVERED,
            [f"Personen ble bosatt {format_nb(settled)} og har bodd i kommunen i {years.value} år eller mer ({format_nb(on)})."],
            [years.reference, "integreringsloven-11"],
            may_offer=[OFFER_CAREER_CENTRE],
        )

    # Exception 5 — § 8: settled by agreement between IMDi and the municipality (not for family members).
    if group in AGREEMENT_GROUPS and not a.need("settled_by_agreement"):
        return Decision(
            NOT_COVERED,
            ["Personen er ikke bosatt etter avtale mellom IMDi og kommunen, som integreringsloven § 8 krever for dette oppholdsgrunnlaget."],
            ["integreringsloven-8", "integreringsloven-11"],
            may_offer=[OFFER_PROGRAMME, OFFER_CAREER_CENTRE],
        )
    if group in AGREEMENT_GROUPS:
        reasons.append("Personen er bosatt etter avtale mellom IMDi og kommunen.")

    # Exception 6 — family members: the reference person had lived in a municipality < 5 years.
    if group == "family":
        if not a.need("family_reference_recent"):
            return Decision(
                NOT_COVERED,
                ["Referansepersonen hadde bodd i en kommune i fem år eller mer da det ble søkt om familiegjenforening (integreringsloven §§ 8 og 9)."],
                ["integreringsloven-8", "integreringsloven-9", "integreringsloven-11"],
                may_offer=[OFFER_PROGRAMME, OFFER_CAREER_CENTRE],
            )
        reasons.append("Referansepersonen hadde bodd i en kommune i mindre enn fem år da det ble søkt om familiegjenforening.")

    reasons.append(f"Personen var {age} år da tillatelsen ble gitt, og har bodd i kommunen siden {format_nb(settled)} (under {years.value} år).")

    # Exception 7 — chapter 6A: collective protection gives a right but no duty.
    if group == "collective":
        six_a = R["chapter_6a"]
        current, pending = _at(six_a, on), six_a.unconfirmed_on(on)
        if current.value:
            d = Decision(
                RIGHT_ONLY,
                reasons + [
                    "For personer med kollektiv beskyttelse gjelder de midlertidige reglene i integreringsloven kapittel 6A: "
                    "de har rett, men ikke plikt, til karriereveiledning, og fylkeskommunen forventes ikke å gi en anbefaling "
                    "om sluttmål, varighet og innhold i programmet."
                ],
                refs + [current.reference, "utlendingsloven-34"],
                recommendation_expected=False,
            )
        else:
            d = Decision(RIGHT_AND_DUTY, reasons + ["De midlertidige reglene i kapittel 6A gjelder ikke på datoen; hovedregelen gjelder."], refs + ["utlendingsloven-34"])
        if pending is not None and pending.value != current.value:
            _flag(d, pending, f"Det er ikke kontrollert hvilke regler som gjelder for kollektiv beskyttelse fra {format_nb(pending.start)}. Sjekk gjeldende regler hos IMDi eller på Lovdata.")
        return d

    # General rule — § 11 first paragraph.
    return Decision(RIGHT_AND_DUTY, reasons + ["Personen er i målgruppen i integreringsloven § 8 første ledd og har rett og plikt til karriereveiledning (§ 11)."], refs)


def _old_law(a: Answers, R: dict, cutoff: date, transitional_ref: str) -> Decision:
    """Exception 2: the old introduksjonsloven applies; § 11 does not."""
    on = a.on
    base = [
        f"Oppholdstillatelsen ble gitt før {format_nb(cutoff)}. Etter overgangsreglene følger personen introduksjonsloven, "
        "ikke integreringsloven, og har ikke rett og plikt til karriereveiledning etter § 11."
    ]
    refs = [transitional_ref, "introduksjonsloven"]
    covid = R["covid_law_guidance"]
    current = _at(covid, on)
    if current.value:
        in_programme = a.need("in_introduction_programme")
        if in_programme:
            return Decision(
                ASSESS_NEED,
                base + [
                    "Så lenge den midlertidige covid-loven fra 2020 gjaldt, skulle kommunen vurdere behovet for karriereveiledning "
                    "for deltakere i introduksjonsprogram etter introduksjonsloven. Momenter: om planen er usikker, om målet er en "
                    "bransje som er rammet av krisen, hvor lang tid som er igjen, og om deltakeren allerede har fått veiledning."
                ],
                refs + [current.reference],
                law="introduksjonsloven",
            )
        return Decision(
            NOT_COVERED,
            base + ["Den midlertidige covid-loven gjaldt bare for deltakere i introduksjonsprogram, og personen deltar ikke."],
            refs + [current.reference],
            may_offer=[OFFER_CAREER_CENTRE],
            law="introduksjonsloven",
        )
    ended = [v for v in covid.values if v.start <= on and v.value is False and v.start > covid.values[0].start]
    extra = (
        [f"Den midlertidige covid-lovens regel om å vurdere behovet for karriereveiledning gjaldt ikke lenger {format_nb(on)}."]
        if ended
        else ["Den midlertidige covid-lovens regel om karriereveiledning gjaldt ikke på datoen."]
    )
    return Decision(
        NOT_COVERED,
        base + extra,
        refs + [current.reference],
        may_offer=[OFFER_CAREER_CENTRE],
        law="introduksjonsloven",
    )
