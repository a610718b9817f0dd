"""Who has the right — and the duty — to career guidance under integreringsloven § 11.

Written Catala-style: each rule sits beside a paraphrase of its provision; the general rule comes
first and the exceptions are named and ordered. Dates and limits come from data/rules/eligibility.toml;
the permit groups (their wording, provision, whether § 8 asks for settlement by agreement, and which
rule below decides each) and the statuses (label and letter's words) from data/vocabularies/.

General rule (§ 11 first paragraph): persons covered by § 8 first paragraph have the right and the
duty to career guidance. § 8 first paragraph: aged 18–55 when the residence permit was granted, with
a permit named in § 9, settled in a municipality by agreement with IMDi (not a condition for § 9
first paragraph letters f and g: family members and independent grounds under utlendingsloven § 53),
and having lived in a municipality for less than two years.

Exceptions, in order:
  1. permit group outside § 9                                    → not covered
  2. transitional rule (§ 51; integreringsforskriften § 72): a permit before 1 January 2021 gives
     introduksjonsloven, unless the person applied from abroad and came to Norway from that date; the
     arrival date is asked only then, and only for the groups that may apply from abroad (the group's
     applied_from_abroad in data/vocabularies/permit_groups.toml — not asylum, applied for in Norway)
     2a. while the temporary covid law (2020) applied, the municipality assesses the need for
         participants in the introduction programme                     → assess need
     2b. otherwise                                                      → not covered
  3. too young or too old when the permit was granted (§ 8)            → not covered
  4. lived in a municipality for two years or more (§ 8)               → not covered
  5. settled without agreement with IMDi (§ 8; not letters f and g)    → not covered
  6. family member whose reference person had lived in a municipality five years or more (§ 8/§ 9)
                                                                       → not covered
  7. collective protection (utlendingsloven § 34) while chapter 6A applies: a right but no duty,
     and no recommendation on sluttmål, varighet and innhold is expected → right only; the
     participant is asked whether they want guidance

Unsettled law: where the answer turns on a rule value that is not confirmed for the date (the
60-year age limit of Prop. 81 L (2024–2025), chapter 6A after 1 July 2026, the end of the covid
law), and no other rule settles the case, the status is ``unclear`` (uavklart): the result names
both possible outcomes, what they depend on and what to check — never a confident answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..answers import Answers
from ..data_loader import DataError, PermitGroup, cached, load_permit_groups, load_statuses
from ..data_loader.vocabularies import PERMIT_GROUPS, STATUSES as STATUSES_FILE
from ..dates import add_years, format_nb
from ..rules import Parameter, Value, family

# The statuses the rules below give. Each is defined once, with its label, its provision and the
# letter's words, in data/vocabularies/statuses.toml; ``data_problem`` names any status the one
# gives that the other lacks.
RIGHT_AND_DUTY, RIGHT_ONLY, ASSESS_NEED, NOT_COVERED, UNCLEAR = "right_and_duty", "right_only", "assess_need", "not_covered", "unclear"
STATUSES = (RIGHT_AND_DUTY, RIGHT_ONLY, ASSESS_NEED, NOT_COVERED, UNCLEAR)

# The rules a permit group of data/vocabularies/permit_groups.toml names (its ``rule``): the general
# rule and the exceptions below that turn on the group. Whether § 8 asks for settlement by agreement
# is the group's own data (``settlement_agreement``), as are its wording and its provisions.
SECTION_9, FAMILY_MEMBER, COLLECTIVE_PROTECTION, OUTSIDE_SECTION_9 = "section_9", "family_member", "collective_protection", "outside_section_9"
GROUP_RULES = (SECTION_9, FAMILY_MEMBER, COLLECTIVE_PROTECTION, OUTSIDE_SECTION_9)


def label(status: str) -> str:
    """The status in bokmål (data/vocabularies/statuses.toml)."""
    return load_statuses()[status].label


@cached
def permit_groups() -> dict[str, PermitGroup]:
    """The permit groups of the data, each naming a rule of this module (DataError for one that does not)."""
    groups = load_permit_groups()
    for g in groups.values():
        if g.rule not in GROUP_RULES:
            raise DataError(PERMIT_GROUPS, f"{g.id}.rule", f"ingen regel {g.rule!r} i guide_engine/decisions/eligibility.py "
                                                           f"(reglene er {', '.join(GROUP_RULES)}); legg til regelen eller velg en av dem")
        if g.earliest_permit is not None:
            rules = family("eligibility")
            if g.earliest_permit not in rules:
                raise DataError(PERMIT_GROUPS, f"{g.id}.earliest_permit", f"ingen regelparameter {g.earliest_permit!r} i "
                                                                          "rules/eligibility.toml")
    return groups



@cached
def vocabulary_problems() -> tuple[str, ...]:
    """What the vocabularies' data say that these rules do not handle, each naming what is missing:
    a permit group without a rule here, a status no rule gives, a status given but not defined."""
    try:
        permit_groups()
        defined = load_statuses()
    except DataError as e:
        return (str(e),)
    given = [f"{STATUSES_FILE}: {s}: ingen regel i guide_engine/decisions/eligibility.py gir denne statusen (eligibility.STATUSES)"
             for s in defined if s not in STATUSES]
    lacking = [f"{STATUSES_FILE}: {s}: mangler (eligibility.py gir statusen, men den har ingen etikett eller brevtekst)"
               for s in STATUSES if s not in defined]
    return tuple(given + lacking)


def data_problem() -> str | None:
    """The first of ``vocabulary_problems``, or None."""
    return next(iter(vocabulary_problems()), None)


TRANSITION_RULE = (
    "Integreringsloven gjelder for den som fikk oppholdstillatelse fra og med 1. januar 2021, og for den som søkte om "
    "oppholdstillatelse fra utlandet, fikk den før 1. januar 2021, men kom til Norge fra og med den datoen. "
    "Introduksjonsloven gjelder for de andre (integreringsforskriften § 72)."
)
APPLIED_IN_NORWAY = (
    "Personen søkte beskyttelse i Norge og var i landet da tillatelsen ble gitt. Unntaket for den som søkte fra utlandet "
    "og kom til Norge etter 1. januar 2021, gjelder derfor ikke, og datoen personen kom til Norge, endrer ikke svaret."
)
OFFER_PROGRAMME = (
    "Kommunen kan likevel tilby introduksjonsprogram til personer utenfor målgruppen for rett og plikt, "
    "for eksempel personer over aldersgrensen eller bosatt uten avtale med IMDi (integreringsloven § 8)."
)
OFFER_CAREER_CENTRE = (
    "Personen kan bruke fylkets ordinære, gratis karriereveiledning for voksne ved karrieresenteret. "
    "Det tilbudet følger av opplæringslova, ikke av integreringsloven § 11."
)
CAREER_CENTRE_REF = "opplaringslova-karriererettleiing"
WANTS_UNCLEAR = "Deltakeren ønsker karriereveiledning."
DECLINED_UNCLEAR = (
    "Deltakeren ønsker ikke karriereveiledning nå. Gjelder kapittel 6A fortsatt, har deltakeren rett, men ikke plikt: "
    "da sendes ingen henvisning, og deltakeren kan ombestemme seg. Gjelder kapittel 6A ikke lenger, har deltakeren plikt "
    "til karriereveiledning (integreringsloven § 11): da er et nei ikke et fritt valg, og deltakeren må få vite at "
    "veiledningen er en del av det hen skal gjennomføre. Ingen av delene er avklart: sjekk med IMDi eller statsforvalteren "
    "om kapittel 6A er forlenget, før du henviser eller avslutter saken."
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
    alternatives: list[dict] = field(default_factory=list)  # for UNCLEAR: the possible outcomes
    acts_as: str | None = None  # for UNCLEAR: the covered outcome to prepare for while checking
    wants_guidance: bool | None = None  # for RIGHT_ONLY: the participant's answer

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "label": label(self.status),
            "law": self.law,
            "confirmed": self.confirmed,
            "reasons": list(self.reasons),
            "references": _unique(self.references),
            "unconfirmed": list(self.unconfirmed),
            "recommendation_expected": self.recommendation_expected,
            "may_offer": list(self.may_offer),
            "alternatives": [dict(x) for x in self.alternatives],
            "acts_as": self.acts_as,
            "wants_guidance": self.wants_guidance,
            "declined": self.declined,
        }

    @property
    def declined(self) -> bool:
        """The participant said no to guidance (asked where "right only" is a possible outcome)."""
        return self.wants_guidance is False

    @property
    def duty_possible(self) -> bool:
        """A duty is the outcome, or one of an unclear case's possible outcomes."""
        return self.status == RIGHT_AND_DUTY or any(x["status"] == RIGHT_AND_DUTY for x in self.alternatives)

    @property
    def guided(self) -> bool:
        """Covered, and guidance not declined where no duty is possible: the preparation questions are
        asked and the result prepares (a right-only participant's "no" ends it; an unclear case's "no"
        is prepared for its duty branch, so no deadline is lost while the rule is checked)."""
        return self.status != NOT_COVERED and (not self.declined or self.duty_possible)

    @property
    def prepares(self) -> str:
        """The status the preparation (deadlines, checklist, referral) follows."""
        return self.acts_as or self.status


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


def _flag(d: Decision, v: Value, text: str) -> Decision:
    """Mark a decision as resting on data that is not confirmed for the date."""
    d.confirmed = False
    d.unconfirmed.append({"text": text, "note": v.note, "reference": v.reference, "from": v.start.isoformat()})
    d.references.append(v.reference)
    return d


def _unclear(d: Decision, v: Value, depends: str, check: str, outcomes: list[tuple[str, str]], acts_as: str | None) -> Decision:
    """Turn a decision into UNCLEAR: both outcomes, what they depend on and what to check, in words."""
    d.status = UNCLEAR
    d.acts_as = acts_as
    d.alternatives = [{"status": s, "label": label(s), "when": when} for s, when in outcomes]
    d.reasons.append(f"Svaret avhenger av {depends}. Det har vi ikke kunnet bekrefte.")
    for s, when in outcomes:
        d.reasons.append(f"{when}: {label(s).lower()}.")
    d.reasons.append(f"Dette må du sjekke: {check}")
    if acts_as:
        d.reasons.append(
            f"Til det er avklart, regner veiviseren frister og sjekkliste som for «{label(acts_as).lower()}», "
            "så ingen frist går tapt. Ikke avvis personen før du har sjekket."
        )
    return _flag(d, v, f"{depends[0].upper()}{depends[1:]}. Sjekk: {check}")


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
    group = permit_groups()[a.need("permit_group")]  # the question's options are the groups of the data

    # Exception 1 — § 9 lists the permits that give the right and the duty; others are not covered.
    if group.rule == OUTSIDE_SECTION_9:
        return Decision(
            NOT_COVERED,
            [f"Personen har oppholdstillatelse {group.text}."],
            ["integreringsloven-9", "integreringsloven-8", "integreringsloven-11", *group.references, CAREER_CENTRE_REF],
            may_offer=[OFFER_CAREER_CENTRE],
        )

    permit = a.need("permit_date")
    cut = _first(R["new_law_permit_from"])
    cutoff = date.fromisoformat(cut.value)

    # Exception 2 — § 51 and integreringsforskriften § 72: a permit before 1 January 2021 gives
    # introduksjonsloven, unless the person applied from abroad and came to Norway from that date.
    arrived = None
    if permit < cutoff:
        if not group.applied_from_abroad:  # the group's data (vocabularies/permit_groups.toml)
            return _old_law(a, R, cutoff, cut.reference, APPLIED_IN_NORWAY)
        arrived = a.need("arrival_date")
        if arrived < cutoff:
            return _old_law(a, R, cutoff, cut.reference)

    reasons = [f"Personen har oppholdstillatelse {group.text}, som er nevnt i integreringsloven § 9."]
    refs = ["integreringsloven-8", "integreringsloven-9", "integreringsloven-11", *group.references]
    if arrived is not None:
        reasons.append(
            f"Tillatelsen ble gitt {format_nb(permit)}, før {format_nb(cutoff)}, men personen kom til Norge {format_nb(arrived)}. "
            + TRANSITION_RULE
        )
        refs.append(cut.reference)

    # Exception 3 — § 8 first paragraph: aged 18–55 when the permit was granted. The limits in force
    # on the reference date apply (a vedtak is made under the law in force when it is made).
    age = a.need("age_at_permit")
    amin, amax = _at(R["age_min"], on), _at(R["age_max"], on)
    if age < amin.value:
        return Decision(
            NOT_COVERED,
            [f"Personen var {age} år da oppholdstillatelsen ble gitt, under aldersgrensen på {amin.value} år i integreringsloven § 8."],
            [amin.reference, "integreringsloven-11"],
            may_offer=["Karriereveiledning etter § 11 gjelder ikke. Andre tilbud for unge må vurderes for seg."],
        )
    age_pending = None
    if age > amax.value:
        pending = R["age_max"].unconfirmed_on(on)
        if pending is None or age > pending.value:
            return Decision(
                NOT_COVERED,
                [f"Personen var {age} år da oppholdstillatelsen ble gitt, over aldersgrensen på {amax.value} år i integreringsloven § 8"
                 + (f", og også over {pending.value} år, som Prop. 81 L (2024–2025) foreslo." if pending is not None else ".")],
                [amax.reference, "integreringsloven-11", CAREER_CENTRE_REF] + ([pending.reference] if pending is not None else []),
                may_offer=[OFFER_PROGRAMME, OFFER_CAREER_CENTRE],
            )
        age_pending = pending  # decisive only if nothing else excludes the person: checked below

    # Exception 4 — § 8: lived in a municipality for less than two years.
    settled = a.need("settlement_date")
    years = _at(R["residence_years_max"], on)
    if add_years(settled, years.value) <= on:
        return Decision(
            NOT_COVERED,
            [f"Personen ble bosatt {format_nb(settled)} og har bodd i kommunen i {years.value} år eller mer ({format_nb(on)}).",
             # which day the residence is counted to is not settled in the sources read (docs/apne-sporsmal.md#to-ar-botid)
             f"Veiviseren regner botiden fram til {format_nb(on)}. Ble vedtaket om introduksjonsprogram (§ 12) fattet før personen "
             f"hadde bodd {years.value} år i kommunen, regnes botiden kanskje til vedtaket: sjekk vedtaksdatoen før du avviser personen."],
            [years.reference, "integreringsloven-11", CAREER_CENTRE_REF],
            may_offer=[OFFER_CAREER_CENTRE],
        )

    # Exception 5 — § 8: settled by agreement between IMDi and the municipality (not for § 9 letters f and g).
    if group.settlement_agreement and not a.need("settled_by_agreement"):
        return Decision(
            NOT_COVERED,
            ["Personen er ikke bosatt etter avtale mellom IMDi og kommunen, som integreringsloven § 8 krever for dette oppholdsgrunnlaget."],
            ["integreringsloven-8", "integreringsloven-11", CAREER_CENTRE_REF],
            may_offer=[OFFER_PROGRAMME, OFFER_CAREER_CENTRE],
        )
    if group.settlement_agreement:
        reasons.append("Personen er bosatt etter avtale mellom IMDi og kommunen.")
    else:
        reasons.append("Kravet om bosetting etter avtale med IMDi gjelder ikke for dette oppholdsgrunnlaget (integreringsloven § 8 andre ledd).")

    # Exception 6 — family members: the reference person had lived in a municipality < 5 years.
    if group.rule == FAMILY_MEMBER:
        if not a.need("family_reference_recent"):
            return Decision(
                NOT_COVERED,
                ["Referansepersonen hadde bodd i en kommune i fem år eller mer da det ble søkt om familiegjenforening (integreringsloven §§ 8 og 9)."],
                ["integreringsloven-8", "integreringsloven-9", "integreringsloven-11", CAREER_CENTRE_REF],
                may_offer=[OFFER_PROGRAMME, OFFER_CAREER_CENTRE],
            )
        reasons.append("Referansepersonen hadde bodd i en kommune i mindre enn fem år da det ble søkt om familiegjenforening.")

    if age_pending is not None:
        reasons.append(f"Personen var {age} år da tillatelsen ble gitt, og har bodd i kommunen siden {format_nb(settled)} (under {years.value} år).")
        d = Decision(UNCLEAR, reasons, refs + [amax.reference, "innst-410-l-2024-2025"], may_offer=[OFFER_PROGRAMME])
        covered = RIGHT_AND_DUTY
        if group.rule == COLLECTIVE_PROTECTION:
            # Under the raised limit, exception 7 still decides what collective protection gives (right
            # only while chapter 6A applies; where 6A is itself unsettled, what its check prepares for),
            # and the participant's answer to whether they want guidance counts.
            inner = _collective(a, R, list(reasons), refs, permit)
            covered = inner.prepares
            d.reasons += inner.reasons[len(reasons):]
            d.references += [r for r in inner.references if r not in d.references]
            d.unconfirmed += inner.unconfirmed
            d.recommendation_expected, d.wants_guidance = inner.recommendation_expected, inner.wants_guidance
        return _unclear(
            d, age_pending,
            f"om aldersgrensen i integreringsloven § 8 er hevet fra {amax.value} til {age_pending.value} år for denne personen "
            f"(Prop. 81 L (2024–2025), behandlet i Stortinget {format_nb(age_pending.start)})",
            f"om endringen er trådt i kraft, og om overgangsreglene gjelder for en tillatelse gitt {format_nb(permit)}. "
            "Se integreringsloven § 8 på Lovdata, eller spør IMDi eller statsforvalteren.",
            [(covered, f"Gjelder grensen på {age_pending.value} år"), (NOT_COVERED, f"Gjelder grensen på {amax.value} år fortsatt")],
            covered,
        )

    reasons.append(f"Personen var {age} år da tillatelsen ble gitt, og har bodd i kommunen siden {format_nb(settled)} (under {years.value} år).")

    # Exception 7 — chapter 6A: collective protection gives a right but no duty.
    if group.rule == COLLECTIVE_PROTECTION:
        return _collective(a, R, reasons, refs, permit)

    # General rule — § 11 first paragraph.
    return Decision(RIGHT_AND_DUTY, reasons + ["Personen er i målgruppen i integreringsloven § 8 første ledd og har rett og plikt til karriereveiledning (§ 11)."], refs)


def _collective(a: Answers, R: dict, reasons: list[str], refs: list[str], permit: date) -> Decision:
    """Exception 7: chapter 6A for a § 34 permit granted from 11 March 2022, while the chapter applies."""
    on = a.on
    six_a = R["chapter_6a"]
    current, pending = _at(six_a, on), six_a.unconfirmed_on(on)
    since = _first(R["chapter_6a_permit_from"])
    if permit < date.fromisoformat(since.value):
        return Decision(RIGHT_AND_DUTY, reasons + [
            f"Kapittel 6A gjelder bare tillatelser gitt fra og med {format_nb(date.fromisoformat(since.value))}; hovedregelen om rett og plikt gjelder."],
            refs + [since.reference])
    if pending is not None and pending.value != current.value:
        # Deliberate boilerplate, the same shape as the covid law's _unclear call below: each unsettled
        # rule states its own question, what to check and both outcomes beside its provision.
        d = Decision(UNCLEAR, reasons, refs + [current.reference], recommendation_expected=False)
        # "Right only" is a possible outcome, so the participant is asked first, as in the settled case.
        d.wants_guidance = a.need("wants_guidance")
        d = _unclear(
            d, pending,
            f"om de midlertidige reglene i integreringsloven kapittel 6A fortsatt gjelder etter {format_nb(pending.start - _ONE_DAY)}",
            "om kapittel 6A er forlenget, endret eller opphevet. Se integreringsloven kapittel 6A på Lovdata eller IMDis veileder, kapittel 8.",
            [(RIGHT_ONLY, "Gjelder kapittel 6A fortsatt"), (RIGHT_AND_DUTY, "Gjelder kapittel 6A ikke lenger")],
            RIGHT_AND_DUTY,
        )
        d.reasons.append(WANTS_UNCLEAR if d.wants_guidance else DECLINED_UNCLEAR)
        return d
    if not current.value:
        return Decision(RIGHT_AND_DUTY, reasons + ["De midlertidige reglene i kapittel 6A gjaldt ikke på datoen; hovedregelen om rett og plikt gjelder."], refs)
    text = ("For personer med kollektiv beskyttelse gjelder de midlertidige reglene i integreringsloven kapittel 6A: "
            "de har rett, men ikke plikt, til karriereveiledning, og fylkeskommunen forventes ikke å gi en anbefaling "
            "om sluttmål, varighet og innhold i programmet.")
    d = Decision(RIGHT_ONLY, reasons + [text], refs + [current.reference], recommendation_expected=False)
    # A right but no duty: the participant decides whether to have guidance, before any referral.
    d.wants_guidance = a.need("wants_guidance")
    d.reasons.append("Deltakeren ønsker karriereveiledning." if d.wants_guidance else
                     "Deltakeren ønsker ikke karriereveiledning nå. Det skal ikke sendes henvisning; deltakeren kan ombestemme seg.")
    return d


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)


def _old_law(a: Answers, R: dict, cutoff: date, transitional_ref: str, why: str | None = None) -> Decision:
    """Exception 2: the old introduksjonsloven applies; § 11 does not."""
    on = a.on
    base = [
        (f"Personen fikk oppholdstillatelse før {format_nb(cutoff)}. {why} " if why else
         f"Personen fikk oppholdstillatelse og kom til Norge før {format_nb(cutoff)}. ") + TRANSITION_RULE
        + " Introduksjonsloven har ingen rett og plikt til karriereveiledning som integreringsloven § 11."
    ]
    refs = [transitional_ref, "integreringsloven-51", "introduksjonsloven"]
    covid = R["covid_law_guidance"]
    current, pending = _at(covid, on), covid.unconfirmed_on(on)
    if not current.value and (pending is None or not pending.value):
        extra = (f"Den midlertidige covid-lovens regel om å vurdere behovet for karriereveiledning gjaldt ikke {format_nb(on)}.")
        return Decision(NOT_COVERED, base + [extra], refs + [current.reference, CAREER_CENTRE_REF],
                        may_offer=[OFFER_CAREER_CENTRE], law="introduksjonsloven")
    in_programme = a.need("in_introduction_programme")
    if not in_programme:
        return Decision(
            NOT_COVERED,
            base + ["Den midlertidige covid-loven gjaldt bare for deltakere i introduksjonsprogram, og personen deltar ikke."],
            refs + [current.reference, CAREER_CENTRE_REF],
            may_offer=[OFFER_CAREER_CENTRE],
            law="introduksjonsloven",
        )
    assess = base + [
        "Så lenge den midlertidige covid-loven fra 2020 gjaldt, skulle kommunen vurdere behovet for karriereveiledning "
        "for deltakere i introduksjonsprogram etter introduksjonsloven. Momenter: om planen er usikker, om målet er en "
        "bransje som er rammet av krisen, hvor lang tid som er igjen, og om deltakeren allerede har fått veiledning."
    ]
    if pending is not None and pending.value != current.value:
        d = Decision(UNCLEAR, assess, refs + [current.reference, "prop-137-l-2020-2021", CAREER_CENTRE_REF], may_offer=[OFFER_CAREER_CENTRE],
                     law="introduksjonsloven")
        other_parts_end = R["covid_law_adaptations"].values[-1].start  # the law's other parts: a fixed end date
        return _unclear(
            d, pending,
            f"om covid-lovens regel om karriereveiledning (midlertidig lov 26. mai 2020 nr. 53 kapittel 1) fortsatt gjaldt {format_nb(on)}",
            "når kapittel 1, der regelen står, ble opphevet. Kapittel 1 «oppheves fra den tid Kongen bestemmer» (Prop. 137 L "
            f"(2020–2021)); sluttdatoen {format_nb(other_parts_end)} gjelder lovens andre deler, ikke kapittel 1. Det avgjøres av den "
            "kongelige resolusjonen eller endringsloven som opphevet kapittel 1: se loven med endringshistorikk på Lovdata.",
            [(ASSESS_NEED, "Gjaldt regelen fortsatt"), (NOT_COVERED, "Var regelen opphevet")],
            ASSESS_NEED,
        )
    return Decision(ASSESS_NEED, assess, refs + [current.reference], law="introduksjonsloven")
