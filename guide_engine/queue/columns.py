"""Which column is which field, and which cell which answer, in a centre's own spreadsheet.

Headings: a field's id, its question text or one of its ``sheet_names`` (questions.toml); the row's
label column by ``label`` or the names in vocabularies/sheet.toml. Values: a yes/no field by the
words in vocabularies/sheet.toml; the permit group by its id, its label or its ``sheet_values``
(permit_groups.toml); the county by its id or name. Everything is matched ignoring case, accents
and spacing (``fold``). The words are data; this module only matches them and words the messages,
which name the column as the file does and list what is accepted.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

from ..counties import all_counties
from ..data_loader import DataError, cached, load_permit_groups, load_sheet_words
from ..dates import parse_iso
from ..free_text import echo
from ..questions import question_map

LABEL = "label"
_NB_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
DATE_MESSAGE = "Skriv datoen som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, for eksempel 01.03.2026."


@lru_cache(maxsize=4096)  # the same few words on every row
def fold(text: str) -> str:
    """``text`` as compared: case and accents ignored (é → e, å → a; æ and ø are letters of their
    own), runs of spaces and underscores one space, § followed by one space, no trailing ?, :, * or ."""
    t = unicodedata.normalize("NFKD", text.casefold())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"§\s*", "§ ", re.sub(r"[\s_]+", " ", t))
    return t.strip(" ?:*.")


def csv_date(value: str) -> date | None:
    """A date from ``2026-03-01`` or ``01.03.2026`` (also ``1.3.2026``); None otherwise."""
    m = _NB_DATE.match(value)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return parse_iso(value)


def _unique(pairs: list[tuple[str, str, str]], file: str) -> dict[str, str]:
    """{folded word: value} from (word, value, where); one word for two values is a data error."""
    out: dict[str, str] = {}
    for word, value, where in pairs:
        key = fold(word)
        if out.setdefault(key, value) != value:
            raise DataError(file, where, f"«{word}» står også for {out[key]!r}: et ord kan bare bety én ting i regnearket")
    return out


@cached
def _headings() -> dict[str, str]:
    pairs = [(LABEL, LABEL, "label"), *((n, LABEL, "label.names") for n in load_sheet_words()["label_names"])]
    for fid, q in question_map().items():
        pairs += [(fid, fid, f"question.{fid}.id"), (q["text"], fid, f"question.{fid}.text")]
        pairs += [(n, fid, f"question.{fid}.sheet_names") for n in q.get("sheet_names", ())]
    return _unique(pairs, "questions.toml")


def field_of(heading: str) -> str | None:
    """The field a column heading names (``label`` for the row's label), or None."""
    return _headings().get(fold(heading))


def heading(fid: str) -> str:
    """The heading the template gives field ``fid``: its first sheet name (else its id)."""
    if fid == LABEL:
        return load_sheet_words()["label_names"][0]
    return (question_map()[fid].get("sheet_names") or [fid])[0]


def needed_columns() -> list[str]:
    """The fields every file must have a column for (``in_queue = "column"``): ranking rests on them."""
    return [fid for fid, q in question_map().items() if q.get("in_queue") == "column"]


@cached
def optional_fields() -> frozenset[str]:
    """The required questions the queue never demands (``in_queue = "optional"``)."""
    return frozenset(fid for fid, q in question_map().items() if q.get("in_queue") == "optional")


@cached
def _permit_words() -> dict[str, str]:
    pairs = []
    for gid, g in load_permit_groups().items():
        pairs += [(gid, gid, f"{gid}"), (g.label, gid, f"{gid}.label")] + [(w, gid, f"{gid}.sheet_values") for w in g.sheet_values]
    return _unique(pairs, "vocabularies/permit_groups.toml")


@cached
def _yes_no() -> dict[str, bool]:
    words = load_sheet_words()
    return {fold(w): True for w in words["yes"]} | {fold(w): False for w in words["no"]}


@cached
def _county_words() -> dict[str, str]:
    out: dict[str, str] = {}
    for cid, c in all_counties().items():
        out[fold(cid)] = cid
        out.setdefault(fold(c.name), cid)
    return out


def accepted(fid: str) -> list[str]:
    """The values a cell of field ``fid`` may hold, as the page and the messages list them ([] when free)."""
    q = question_map()[fid]
    if q["type"] == "boolean":
        words = load_sheet_words()
        return list(words["yes"]) + list(words["no"])
    if fid == "permit_group":
        return [permit_word(gid) for gid in load_permit_groups()]
    if fid == "county":
        return sorted({c.name for c in all_counties().values()})
    if q["type"] == "date":
        return ["DD.MM.ÅÅÅÅ", "ÅÅÅÅ-MM-DD"]
    if q["type"] == "integer":
        return [f"et helt tall fra {q.get('min', 0)} til {q.get('max')}"]
    return []


def permit_word(gid: str) -> str:
    """How a sheet writes permit group ``gid`` (the template, the lists): its first short form, else its label."""
    g = load_permit_groups()[gid]
    return g.sheet_values[0] if g.sheet_values else g.label


def yes_no_text() -> str:
    """How the messages and the page name the yes/no words: "ja (j, x, …) eller nei (n, …)"."""
    words = load_sheet_words()
    return f"{words['yes'][0]} ({', '.join(words['yes'][1:])}) eller {words['no'][0]} ({', '.join(words['no'][1:])})"


_SPREADSHEET_NUMBER = re.compile(r"^(\d{3,4})[.,]0+$")


def municipality_cell(raw: str) -> str:
    """The municipality cell as the engine resolves it (name or kommunenummer, decisions/place.py):
    a number a spreadsheet wrote as a decimal ("1506,0") or without its leading zero ("301") is
    the kommunenummer; anything else goes as written."""
    m = _SPREADSHEET_NUMBER.match(raw)
    number = m.group(1) if m else raw
    return number.zfill(4) if number.isdigit() and len(number) == 3 else number


def cell_value(fid: str, raw: str) -> tuple[Any, str | None]:
    """The answer cell ``raw`` (not blank) of field ``fid`` gives, or a message listing what is accepted
    (the error carries the column as the file names it: ``sheet.to_case``)."""
    kind = question_map()[fid]["type"]
    if kind == "date":
        d = csv_date(raw)
        return (d.isoformat(), None) if d else (None, f"«{echo(raw)}» er ikke en dato. {DATE_MESSAGE}")
    if kind == "boolean":
        v = _yes_no().get(fold(raw))
        return (v, None) if v is not None else (None, f"«{echo(raw)}» er ikke ja eller nei. Skriv {yes_no_text()}.")
    if fid == "permit_group":
        g = _permit_words().get(fold(raw))
        return (g, None) if g else (None, f"«{echo(raw)}» er ikke et oppholdsgrunnlag veiviseren kjenner. "
                                          f"Skriv ett av disse: {', '.join(accepted(fid))}.")
    if fid == "municipality":
        return municipality_cell(raw), None  # the engine resolves it (decisions/place.py) and names what is wrong
    if fid == "county":
        c = _county_words().get(fold(raw))
        return (c, None) if c else (None, f"«{echo(raw)}» er ikke et fylke veiviseren kjenner. "
                                          f"Skriv fylkets navn, ett av disse: {', '.join(accepted(fid))}.")
    return raw, None


def _also(fid: str, q: dict) -> list[str]:
    """The other headings the page lists for a field: its id and its further sheet names."""
    names = list(q.get("sheet_names", ()))
    return [fid, *names[1:]] if names else []


def column_guide() -> list[dict]:
    """The columns as the queue page lists them (built into the page from this data): each field's
    template heading, the other headings accepted, whether the queue needs it ("column": in every
    file; "path": where the case needs the answer, as in the guide; "optional": never demanded), and
    the values accepted."""
    out = [{"field": LABEL, "heading": heading(LABEL), "also": [LABEL, *load_sheet_words()["label_names"][1:]],
            "need": "optional", "values": [], "text": load_sheet_words()["label_text"]}]
    for fid, q in question_map().items():
        need = q.get("in_queue") or ("path" if q["required"] else "optional")
        values = accepted(fid)
        if q["type"] == "boolean":
            values = [yes_no_text()]
        out.append({"field": fid, "heading": heading(fid), "also": _also(fid, q), "need": need,
                    "values": values, "text": q["text"]})
    return out
