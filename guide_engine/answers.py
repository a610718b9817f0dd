"""The answers model: every answer of a case is parsed here once, with a Norwegian message tied to
the question when it is impossible or missing. Field rules that are data (not after the reference
date, not before another date, ranges) come from the question in questions.toml. Nothing here raises
for any JSON input."""

from __future__ import annotations

import re
from datetime import date
from string import Template
from typing import Any

from .counties import county_choices, get_county
from .data_loader import load_permit_groups
from .dates import format_nb, parse_iso
from .decisions import place
from .free_text import clean_free_text, echo
from .questions import question_map
from .rules import family

_TRUE = {"true", "ja", "yes", "1"}
_FALSE = {"false", "nei", "no", "0"}


class Missing(Exception):
    """A question the current path needs has no valid answer yet."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class Answers:
    """The answers of one case, parsed lazily and remembered, with the reference date."""

    def __init__(self, raw: Any, on: date) -> None:
        self.raw: dict = raw if isinstance(raw, dict) else {}
        self.on = on
        self._cache: dict[str, tuple[Any, str | None]] = {}
        self.asked: list[str] = []  # the fields the rules consulted, in order

    # -- presence and parsing ---------------------------------------------------------------
    def present(self, fid: str) -> bool:
        """Answered at all (for optional questions an explicit null or "" counts as skipped)."""
        return fid in self.raw

    def has_value(self, fid: str) -> bool:
        v = self.raw.get(fid)
        return v is not None and not (isinstance(v, str) and v.strip() == "")

    def check(self, fid: str) -> tuple[Any, str | None]:
        """(value, None) for a valid answer, (None, message) for an invalid one, (None, None) if blank."""
        if fid not in self._cache:
            self._cache[fid] = self._check(fid)
        return self._cache[fid]

    def value(self, fid: str) -> Any:
        return self.check(fid)[0]

    def need(self, fid: str) -> Any:
        """The valid answer to a question the rules need; records it on the path."""
        if fid not in self.asked:
            self.asked.append(fid)
        v, _ = self.check(fid)
        if v is None:
            raise Missing(fid)
        return v

    def _check(self, fid: str) -> tuple[Any, str | None]:
        q = question_map().get(fid)
        if q is None or not self.has_value(fid):
            return None, None
        raw = self.raw[fid]
        kind = q["type"]
        if kind == "choice":
            return self._choice(fid, q, raw)
        if kind == "boolean":
            if isinstance(raw, bool):
                return raw, None
            if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
                return raw.strip().lower() in _TRUE, None
            return None, "Svar ja eller nei."
        if kind == "integer":
            return self._integer(fid, q, raw)
        if kind == "municipality":
            return self._municipality(q, raw)
        if kind == "date":
            d = parse_iso(raw)
            if d is None:
                return None, "Skriv en gyldig dato på formen ÅÅÅÅ-MM-DD, for eksempel 2026-10-01."
            return self._date_rules(fid, d)
        # text / textarea: one normalisation for every free-text answer (free_text.py)
        text, message = clean_free_text(raw, multiline=kind == "textarea", max_length=q.get("max_length", 1000))
        if message:
            return None, message
        return (text or None), None

    def _choice(self, fid: str, q: dict, raw: Any) -> tuple[Any, str | None]:
        if fid == "county":
            return self._county(raw)
        allowed = [o["value"] for o in q.get("options", [])]
        if isinstance(raw, str) and raw in allowed:
            return raw, None
        return None, "Velg et av svarene i listen."

    def _county(self, raw: Any) -> tuple[Any, str | None]:
        if not isinstance(raw, str):
            return None, "Velg et fylke fra listen."
        county, problem = get_county(raw)
        if problem:
            return None, problem
        if county is None:
            return None, f"Ukjent fylke «{echo(raw)}». Velg et fylke fra listen."
        if not county.exists_on(self.on):
            names = ", ".join(label for cid, label in county_choices(self.on) if cid in county.successors)
            when = format_nb(self.on)
            if county.period.valid_to and self.on > county.period.valid_to:
                msg = f"{county.name} fantes ikke {when}: fylket ble avviklet etter {format_nb(county.period.valid_to)}."
                if names:
                    msg += f" Velg i stedet {names}."
            else:
                msg = f"{county.name} fantes ikke {when}. Velg et fylke som fantes på den datoen."
            return None, msg
        return county.id, None

    def _municipality(self, q: dict, raw: Any) -> tuple[Any, str | None]:
        """A name or kommunenummer, resolved against the register on the reference date (a
        Municipality); a county given as well must be its county (decisions/place.py)."""
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            return None, "Skriv navnet eller kommunenummeret og velg kommunen i listen."
        text, message = clean_free_text(raw, max_length=q.get("max_length", 100))
        if message:
            return None, message
        if not text:
            return None, None
        return place.resolve(text, self.on, self.value("county"))

    def _integer(self, fid: str, q: dict, raw: Any) -> tuple[Any, str | None]:
        n: int | None = None
        if isinstance(raw, bool):
            n = None
        elif isinstance(raw, int) and abs(raw) < 10**9:  # a huge int from a Python caller is no age
            n = raw
        elif isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e9:
            n = int(raw)
        elif isinstance(raw, str) and re.fullmatch(r"\s*-?\d{1,9}\s*", raw):
            n = int(raw)
        if n is None:
            return None, "Skriv et helt tall."
        lo, hi = q.get("min"), q.get("max")
        if lo is not None and n < lo or hi is not None and n > hi:
            message = Template(q.get("range_message", "Skriv et tall mellom $min og $max."))
            return None, message.safe_substitute(value=n, min=lo, max=hi)
        return n, None

    def _date_rules(self, fid: str, d: date) -> tuple[Any, str | None]:
        on = self.on
        for check in question_map()[fid].get("checks", ()):
            other = check.get("than")  # "on", or a question asked before this one on this case's path (else not compared)
            than = on if other == "on" else (self.value(other) if other in self.asked else None) if other else None
            rule = check["rule"]
            broken = (
                (rule == "not_after" and than is not None and d > than)
                or (rule == "not_before" and than is not None and d < than)
                or (rule == "days_ahead_at_most" and (d - on).days > check["days"])
            )
            if broken:
                return None, Template(check["message"]).safe_substitute(on=format_nb(on), than=format_nb(than), days=check.get("days"))
        if (on - d).days > 365 * 60:
            return None, "Datoen ligger for langt tilbake i tid. Sjekk årstallet."
        if fid == "permit_date":  # a kind of permit that did not exist yet (the group's option names its first date)
            first, message = self._earliest_permit()
            if first is not None and d < first:
                return None, Template(message).safe_substitute(than=format_nb(first))
        return d, None

    def _earliest_permit(self) -> tuple[date | None, str]:
        """The first date a permit of the chosen group can have: the group's earliest_permit
        (data/vocabularies/permit_groups.toml) names the rule parameter that holds it."""
        gid = self.value("permit_group") if "permit_group" in self.asked else None
        group = load_permit_groups().get(gid) if gid else None
        if group is None or group.earliest_permit is None:
            return None, ""
        rules = family("eligibility")
        if group.earliest_permit not in rules:  # reported as a data error by decisions/eligibility.py
            return None, ""
        first = rules[group.earliest_permit].values[0].value
        return date.fromisoformat(first), group.earliest_permit_message or ""


def errors_for(answers: Answers, path: list[str], optional: frozenset[str] = frozenset()) -> list[dict]:
    """Messages for the questions on the path: impossible answers, and required ones missing (except
    those in ``optional``: the queue does not demand what only the checklist uses)."""
    qs = question_map()
    out = []
    for fid in path:
        value, message = answers.check(fid)
        if message:
            out.append({"field": fid, "message": message})
        elif value is None and qs[fid]["required"] and fid not in optional:
            out.append({"field": fid, "message": f"Svar mangler: {qs[fid]['text']}"})
    return out


def unknown_fields(raw: Any) -> list[str]:
    if not isinstance(raw, dict):
        return []
    return sorted(str(k) for k in raw if k not in question_map() and k != "on")
