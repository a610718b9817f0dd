"""Free text typed by a person (guide, CLI, queue): one normalisation and one fødselsnummer guard.

``clean_free_text(raw, multiline=..., max_length=...)`` is the only way a typed answer becomes text
the engine uses: Unicode NFC, no control or format characters (zero-width, bidi overrides, NUL, …),
line breaks only in multi-line fields, no surrounding space, no fødselsnummer or D-nummer. It returns
``(text, None)`` or ``(None, message)`` with a fixed Norwegian sentence for the field.

The fødselsnummer guard strips the separators people and word processors put inside a number
(spaces, dots, commas, colons, slashes, underscores, brackets, hyphens and dashes, zero-width
characters) and flags 11 digits whose first six are a possible birth date (fødselsnummer, D-nummer,
H-nummer, synthetic test number), whatever their control digits: a mistyped fødselsnummer is still
one, and the control digits change model from 2032. A birth date written with a four-digit year
before the five personal digits ("01.01.1999 12368") is flagged too. The scan is one linear pass,
and an answer far over its length limit is refused before it is scanned.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

MSG_NOT_TEXT = "Skriv svaret som tekst."
MSG_INVISIBLE = (
    "Svaret inneholder usynlige tegn eller styretegn (ofte fra tekst som er limt inn). "
    "Skriv svaret på nytt med vanlige bokstaver og tall."
)
MSG_ONE_LINE = "Svaret må stå på én linje. Fjern linjeskiftene."
MSG_FNR = (
    "Dette ser ut som et fødselsnummer eller D-nummer. Ikke skriv fødselsnummer her: "
    "bruk initialer eller kommunens saksnummer."
)


def msg_too_long(limit: int) -> str:
    return f"Svaret er for langt (høyst {limit} tegn)."


# Line breaks a multi-line field keeps (as "\n"; \x0b is Word's manual line break); a one-line field
# refuses every one of them. The information separators \x1c-\x1e are control characters, not breaks.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
# Control (Cc), format (Cf) and surrogate (Cs) categories are refused. Unassigned code points are
# not: their category depends on the Unicode version (CPython 3.11 and Pyodide's 3.14 differ).
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs"}
# NFC composes at most a few code points into one, so raw text this many times over the limit can
# never come under it.
_RAW_LENGTH_FACTOR = 4


def clean_free_text(raw: Any, *, multiline: bool = False, max_length: int | None = None) -> tuple[str | None, str | None]:
    """``(text, None)`` for acceptable free text (NFC, stripped; "" when blank) or ``(None, message)``."""
    if not isinstance(raw, str):
        return None, MSG_NOT_TEXT
    if max_length is not None and len(raw) > _RAW_LENGTH_FACTOR * max_length + 64:
        # far over the limit whatever normalisation does: say so before scanning megabytes of text
        return None, msg_too_long(max_length)
    if contains_fnr(raw):  # first: of all reasons, this is the one the person must hear
        return None, MSG_FNR
    text = raw.replace("\t", " ")
    if _LINE_BREAKS.search(text):
        if not multiline:
            return None, MSG_ONE_LINE
        text = _LINE_BREAKS.sub("\n", text)
    if any(ch != "\n" and unicodedata.category(ch) in _REFUSED_CATEGORIES for ch in text):
        return None, MSG_INVISIBLE
    text = unicodedata.normalize("NFC", text).strip()
    if multiline:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    if max_length is not None and len(text) > max_length:
        return None, msg_too_long(max_length)
    return text, None


# --- fødselsnummer / D-nummer ---------------------------------------------------------------------

# What may stand between the digits of one number: whitespace (incl. no-break spaces), dots, commas,
# colons, slashes, underscores, brackets, hyphens and dashes (hyphen-minus, Unicode hyphens,
# figure/en/em dashes, minus sign) and invisible characters (zero-width space/joiners, word joiner,
# soft hyphen, BOM).
_SEPARATOR = r"[\s.,:/_()\-\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff]"
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _control(digits: list[int], weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(d * w for d, w in zip(digits, weights)) % 11
    return 0 if k == 11 else (None if k == 10 else k)


def _possible_birth_date(d: str) -> bool:
    """DDMM of a fødselsnummer (day +40 for a D-nummer; month +40 for an H-nummer, +80 synthetic)."""
    day, month = int(d[0:2]), int(d[2:4])
    if day > 40:
        day -= 40
    if month > 80:
        month -= 80
    elif month > 40:
        month -= 40
    return 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]


def is_fnr(digits: str) -> bool:
    """Eleven digits that are a possible fødselsnummer or D-nummer (birth date and control digits)."""
    if not has_fnr_shape(digits):
        return False
    d = [int(c) for c in digits]
    return _control(d[:9], _W1) == d[9] and _control(d[:10], _W2) == d[10]


def has_fnr_shape(digits: str) -> bool:
    """Eleven digits whose first six are a possible birth date: a fødselsnummer or D-nummer, perhaps
    mistyped. The control digits are not asked: a wrong one is a typo, not a reason to let it through."""
    return len(digits) == 11 and digits.isascii() and digits.isdigit() and _possible_birth_date(digits)


def _has_long_year_shape(digits: str) -> bool:
    """13 digits written as a birth date with its four-digit year (DDMMÅÅÅÅ) and the five personal digits."""
    return len(digits) == 13 and digits[4:6] in ("19", "20") and _possible_birth_date(digits)


# Candidates are found by one regular expression, in C: a run of whole digit groups (it starts where
# no digit precedes and ends where none follows) whose first four digits can be a day and a month
# (D-nummer, H-nummer and synthetic offsets included), with 7 more digits, or with the year in full
# (19.. or 20..) and 7 more. Each candidate is then checked exactly (the days of its month).
_S = _SEPARATOR
_DAY = rf"(?:0{_S}*[1-9]|[12]{_S}*[0-9]|3{_S}*[01]|4{_S}*[1-9]|[56]{_S}*[0-9]|7{_S}*[01])"
_MONTH = rf"(?:0{_S}*[1-9]|1{_S}*[0-2]|4{_S}*[1-9]|5{_S}*[0-2]|8{_S}*[1-9]|9{_S}*[0-2])"
_MORE = rf"(?:{_S}*[0-9]){{7}}"
_CANDIDATE = re.compile(
    rf"(?<![0-9])(?=({_DAY}{_S}*{_MONTH}{_MORE})(?![0-9])|({_DAY}{_S}*{_MONTH}{_S}*(?:1{_S}*9|2{_S}*0){_MORE})(?![0-9]))")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
# 12 to 24 digits in a row: a fødselsnummer glued to at most 13 other digits (a prefix, a phone
# number). A longer run is no number a person types about a person (and checking every window of
# a megabyte of digits would cost seconds).
_LONG_RUN = re.compile(r"(?<![0-9])[0-9]{12,24}(?![0-9])")
# inside such a run: every 11 digits that begin with a day and a month (overlapping)
_GLUED = re.compile(r"(?=((?:0[1-9]|[12][0-9]|3[01]|4[1-9]|[56][0-9]|7[01])(?:0[1-9]|1[0-2]|4[1-9]|5[0-2]|8[1-9]|9[0-2])[0-9]{7}))")
_NOT_DIGIT = re.compile(r"[^0-9]")


def contains_fnr(text: str) -> bool:
    """Whether any number in the text, written with any separators, holds a fødselsnummer or D-nummer:
    "010199 12345", "0101 9912345", "01.01.99 123 45", the number inside "tlf 12 34 56 78
    01019912345", "01.01.1999 12345". One linear pass; it stops at the first one."""
    if not isinstance(text, str):
        return False
    if not text.isascii():  # int() reads every decimal digit (Arabic-Indic, full-width, …) as its ASCII value
        text = _OTHER_DIGIT.sub(lambda m: str(int(m.group())), text)
    if sum(map(text.count, "0123456789")) < 11:  # most text: counted in C, no scan needed
        return False
    for m in _CANDIDATE.finditer(text):
        eleven, thirteen = m.group(1), m.group(2)
        if eleven and has_fnr_shape(_NOT_DIGIT.sub("", eleven)):
            return True
        if thirteen and _has_long_year_shape(_NOT_DIGIT.sub("", thirteen)):
            return True
    # a longer group may hold the number with other digits glued on; there only the control digits
    # tell a fødselsnummer from any long number that happens to contain a date
    return any(is_fnr(c.group(1)) for m in _LONG_RUN.finditer(text) for c in _GLUED.finditer(m.group()))


# --- echoing what was typed ----------------------------------------------------------------------

_UNSAFE_IN_ECHO = _REFUSED_CATEGORIES | {"Zl", "Zp"}
FNR_REMOVED = "[fødselsnummer fjernet]"


def plain_text(raw: Any, fnr_mark: str = FNR_REMOVED) -> str:
    """Typed text made safe to show again (a message, a spreadsheet cell): NFC, one line, every control
    or format character a space, runs of space one space; ``fnr_mark`` instead of text holding a
    fødselsnummer."""
    text = raw if isinstance(raw, str) else str(raw)
    if contains_fnr(text):
        return fnr_mark
    if not text.isprintable():  # printable text holds no control, format, surrogate or line-separator character
        text = "".join(" " if unicodedata.category(ch) in _UNSAFE_IN_ECHO else ch for ch in text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def echo(raw: Any, limit: int = 40) -> str:
    """Typed text safe to quote in a message (see ``plain_text``), at most ``limit`` characters."""
    text = raw if isinstance(raw, str) else str(raw)
    return plain_text(text[: limit * 4], fnr_mark="…")[:limit]
