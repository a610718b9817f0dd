"""The records the data files are read into: frozen, typed, and each field as data/README.md names it.

Nothing here reads a file; the loaders beside this module build these records and check them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    kind: str
    as_of: str
    language: str = "nb"  # optional in the file: the source's language ("nn" for nynorsk), for lang= on quotes
    url: str | None = None
    note: str | None = None
    as_of_text: str | None = None  # optional: the date in words where as_of is coarser ("høsten 2020")
    carried_by: str | None = None  # the county file that carries it ([sources."<key>"]), None for sources.toml


@dataclass(frozen=True)
class Reference:
    """A legal provision of references.toml; its id is also its anchor on the legal-basis page."""

    id: str
    label: str
    title: str
    url: str


@dataclass(frozen=True)
class Period:
    valid_from: date | None = None
    valid_to: date | None = None

    def covers(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class Fact:
    key: str
    value: Any
    text: str
    source: str
    verified: date
    period: Period = Period()
    quote: str | None = None
    references: tuple[str, ...] = ()
    period_note: str | None = None  # optional: the period is an estimate, and how it was chosen
    confirmed_until: date | None = None  # optional: after this date the fact still applies but is unconfirmed
    applies_to: tuple[str, ...] = ()  # optional: eligibility statuses it was written for (() = every case)
    inherited: bool = False  # the period (and its note) came from the routine, not the fact itself
    written_for: tuple[str, ...] = ()  # from its routine: the statuses its source was written for (() = every case);
    #   used for another status, the fact still answers, never as confirmed (provenance: "other_law")

    def applies(self, on: date, status: str | None = None) -> bool:
        """In force on ``on`` and written for a case of ``status`` (a scoped fact needs a status)."""
        return self.period.covers(on) and (not self.applies_to or status in self.applies_to)


@dataclass(frozen=True)
class Routine:
    title: str
    source: str
    period: Period
    period_note: str | None = None  # the period is an estimate (e.g. an undated letter's season)
    confirmed_until: date | None = None  # the source confirms the routine only until this date
    written_for: tuple[str, ...] = ()  # the statuses (law) the source was written for; () = every case


# What a county's confirmation may cover: the routine as the county page shows it, its contacts, or
# named fact keys (data/fact_keys.toml).
CONFIRMATION_SCOPES = ("routine", "contacts")


@dataclass(frozen=True)
class Confirmation:
    """The county's own word that what the page shows is right (``[[confirmations]]``): when, by which
    functional role or mailbox (never a person's name), and what it covers."""

    confirmed: date
    by: str
    covers: tuple[str, ...]  # "routine", "contacts" and/or fact keys
    note: str | None = None


@dataclass(frozen=True)
class Contact:
    """A published contact of a county: a functional mailbox or a person the county itself names."""

    kind: str  # "mailbox", "person" or "website" (the county's own website, from a page on that site)
    name: str
    role: str
    # Where it is published, when someone last checked it, and the date the publisher gave it.
    source: str
    verified: date
    as_of: str
    # Optional; an e-mail address is always on the county's own domains.
    email: str | None = None
    phone: str | None = None
    municipality: str | None = None
    url: str | None = None  # an https address on the same site as the source page (required for "website")


@dataclass(frozen=True)
class County:
    id: str
    name: str
    period: Period
    email_domains: tuple[str, ...]
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    summary: str | None = None
    routine: Routine | None = None
    facts: dict[str, tuple[Fact, ...]] = field(default_factory=dict)
    contacts: tuple[Contact, ...] = ()
    confirmations: tuple[Confirmation, ...] = ()  # in the file's order

    def exists_on(self, on: date) -> bool:
        return self.period.covers(on)

    def fact(self, key: str, on: date, status: str | None = None) -> Fact | None:
        """The fact in force on a date (for a case of ``status``), or None where the county's sources say nothing."""
        for f in self.facts.get(key, ()):
            if f.applies(on, status):
                return f
        return None

    def routine_on(self, on: date) -> Routine | None:
        if self.routine and self.routine.period.covers(on):
            return self.routine
        return None


@dataclass(frozen=True)
class FactKey:
    """A county fact key of fact_keys.toml: its value type, the county page's label, whether it is core."""

    key: str
    type: str
    label: str
    core: bool
    meaning: str
    check: Callable[[Any], bool]
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Criterion:
    """A priority criterion of priority.toml: met when the answer to ``question`` is ``met_when``
    (a yes/no question) or at least ``at_least`` (a number); ``weight`` rests on ``weight_source``
    or is the site's own reading (``weight_note``)."""

    id: str
    question: str
    met_when: bool | None
    at_least: int | None
    weight: int
    weight_source: str | None
    weight_note: str | None
    label: str
    texts: tuple[str, str]  # the reason when met, when not met


@dataclass(frozen=True)
class PermitGroup:
    """A permit group of vocabularies/permit_groups.toml: the permit_group question's option, how the
    eligibility reasons name it, the rule of guide_engine/decisions/eligibility.py that decides it, whether
    integreringsloven § 8 requires settlement by agreement with IMDi for it, whether the person may have
    applied from abroad (integreringsforskriften § 72: only then is the arrival date asked), the rule
    parameter holding the first date such a permit can have (with the message for an earlier one), and
    the words a queue spreadsheet may write for it."""

    id: str
    label: str
    text: str
    rule: str
    settlement_agreement: bool
    references: tuple[str, ...]
    provision: str
    applied_from_abroad: bool = False
    earliest_permit: str | None = None
    earliest_permit_message: str | None = None
    sheet_values: tuple[str, ...] = ()  # the words a queue spreadsheet may write for the group (the first: the template's)


@dataclass(frozen=True)
class Status:
    """An eligibility status of vocabularies/statuses.toml: its label, whether it is a settled outcome
    (every status but "unclear"; a county fact may be written for one), its provision, and, where a
    referral is drafted, how the letter words it (the subject's basis and the status line)."""

    id: str
    label: str
    settled: bool
    provision: str
    references: tuple[str, ...]
    referred: bool  # a draft referral is written for a case of this status
    letter_basis: str | None
    letter: str | None
    cases: str | None = None  # the cases a source written for this status serves, in words (settled statuses)


# What a search led to: a routine (or facts) added, only a way to reach the county, or nothing usable.
SEARCH_RESULTS = ("routine", "contact", "nothing")


@dataclass(frozen=True)
class Search:
    """One search for a county's routine and contacts (data/searches.toml): when, where, what was found."""

    county: str
    searched: date
    where: str
    queries: tuple[str, ...]
    result: str  # one of SEARCH_RESULTS
    found: str
    sources: tuple[str, ...] = ()
