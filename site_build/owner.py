"""The site's owner: who runs the site, its contact e-mail, its feedback address and the date of its
accessibility statement, set once in mkdocs.yml (`extra: owner:` with `name`, `email`, `feedback`,
`statement_date`), and the texts the pages and the footer show from them. A setting left out shows a
neutral placeholder; a setting with a wrong value stops the build with a message naming the key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape

from markupsafe import Markup

from guide_engine.dates import format_nb, parse_iso

KEYS = ("name", "email", "feedback", "statement_date")
PLACEHOLDER = "Eieren av dette nettstedet har ikke oppgitt kontaktadresse ennå."
NO_NAME = "Eieren av dette nettstedet har ikke oppgitt navnet sitt ennå."
NO_DATE = "Eieren av dette nettstedet har ikke oppgitt datoen for erklæringen ennå."

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")


class OwnerError(ValueError):
    """A setting under `extra: owner:` that the build cannot use (the message names the key)."""


@dataclass(frozen=True)
class Owner:
    name: str | None = None
    email: str | None = None
    feedback: str | None = None  # an https:// address or mailto:
    statement_date: date | None = None

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(k for k in KEYS if getattr(self, k) is None)

    # --- pieces of text, escaped HTML -------------------------------------------------------

    def _email_link(self) -> str:
        return f'<a href="mailto:{escape(self.email)}">{escape(self.email)}</a>'

    def _feedback_link(self) -> str:
        label = self.feedback[len("mailto:"):] if self.feedback.startswith("mailto:") else self.feedback
        return f'<a href="{escape(self.feedback)}">{escape(label)}</a>'

    def contact(self) -> Markup:
        """Who runs the site and how to reach it: the privacy page's questions, the footer."""
        if self.email is None and self.feedback is None:
            lead = f"Nettstedet drives av {escape(self.name)}. " if self.name else ""
            return Markup(f'{lead}<span class="owner-missing">{PLACEHOLDER}</span>')
        parts = [f"Nettstedet drives av {escape(self.name)}." if self.name else NO_NAME]
        if self.email:
            parts.append(f"E-post: {self._email_link()}.")
        if self.feedback:
            parts.append(f"Tilbakemeldinger: {self._feedback_link()}.")
        return Markup(" ".join(parts))

    def feedback_channel(self) -> Markup:
        """Where to report a problem: the feedback address, else the e-mail, else the placeholder."""
        who = escape(self.name) if self.name else "eieren av nettstedet"
        if self.feedback:
            return Markup(f"Meld fra til {who} via {self._feedback_link()}.")
        if self.email:
            return Markup(f"Meld fra til {who} på e-post til {self._email_link()}.")
        return Markup(f'<span class="owner-missing">{PLACEHOLDER}</span>')

    def statement(self) -> Markup:
        """The accessibility statement's date line."""
        if self.statement_date is None:
            return Markup(f'<strong class="owner-missing">{NO_DATE}</strong>')
        return Markup(f"<strong>Erklæringen er skrevet {format_nb(self.statement_date)}.</strong>")

    def footer(self, statement_url: str) -> Markup:
        """The footer line on every page: the owner, contact, feedback and the accessibility statement."""
        link = f'<a href="{escape(statement_url)}">Tilgjengelighetserklæring</a>'
        return Markup(f"{self.contact()} {link}")


def _text(settings: dict, key: str) -> str | None:
    value = settings.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise OwnerError(f"mkdocs.yml, extra: owner: {key}: må være tekst, ikke {value!r}")
    return value.strip()


def from_settings(settings: object) -> Owner:
    """The owner from mkdocs.yml's `extra: owner:` (None or missing keys: placeholders)."""
    if settings is None:
        return Owner()
    if not isinstance(settings, dict):
        raise OwnerError("mkdocs.yml, extra: owner: må være en tabell med name, email, feedback og statement_date")
    unknown = sorted(set(settings) - set(KEYS))
    if unknown:
        raise OwnerError(f"mkdocs.yml, extra: owner: ukjent nøkkel {', '.join(map(str, unknown))} (tillatt: {', '.join(KEYS)})")
    email, feedback = _text(settings, "email"), _text(settings, "feedback")
    if email is not None and not _EMAIL.match(email):
        raise OwnerError(f"mkdocs.yml, extra: owner: email: «{email}» er ikke en e-postadresse")
    if feedback is not None:
        if feedback.startswith("mailto:") and _EMAIL.match(feedback[len("mailto:"):]):
            pass
        elif not _URL.match(feedback):
            raise OwnerError(
                f"mkdocs.yml, extra: owner: feedback: «{feedback}» må være en nettadresse (https://…) eller mailto:adresse"
            )
    raw_date = settings.get("statement_date")
    statement_date = None
    if raw_date not in (None, ""):
        statement_date = parse_iso(raw_date if isinstance(raw_date, date) else str(raw_date))
        if statement_date is None:
            raise OwnerError(f"mkdocs.yml, extra: owner: statement_date: «{raw_date}» er ikke en dato (ÅÅÅÅ-MM-DD)")
    return Owner(_text(settings, "name"), email, feedback, statement_date)


def from_config(config) -> Owner:
    return from_settings((config.get("extra") or {}).get("owner"))
