"""Free text: one normalisation (NFC, no control or format characters, line breaks only where allowed)
and a fødselsnummer guard that goes by the number's shape (a birth date and five digits), whatever its
separators and control digits."""

from __future__ import annotations

import pytest

from guide_engine.free_text import (
    MSG_FNR, MSG_INVISIBLE, MSG_NOT_TEXT, MSG_ONE_LINE, clean_free_text, contains_fnr, echo, has_fnr_shape, is_fnr, msg_too_long,
    plain_text,
)

FNR = "01019912368"  # 1 January 1999, individual number 123, control digits 6 and 8
D_NUMBER = "41019912351"  # the same date as a D-nummer (day + 40)


@pytest.mark.parametrize("spelling", [
    FNR,
    "010199 12368",
    "01.01.99 12368",
    "0101 9912368",
    "010199  12368",
    "010199–12368",  # en dash, as Word and Outlook write it
    "010199—12368",  # em dash
    "010199-12368",
    "010199 123 68",
    "010199\u200b12368",  # zero-width space
    "010199\u00a012368",  # no-break space
    "01 01 99 123 68",
    "Se 010199 12368, ring i morgen",
    "tlf 12 34 56 78 01019912368",
    "٠١٠١٩٩١٢٣٦٨",  # Arabic-Indic digits
    D_NUMBER,
    "410199-12351",
    "01019912345",  # a birth date with wrong control digits: a mistyped fødselsnummer
    "01/01/99 12368",
    "01_01_99_12368",
    "(010199) 12368",
    "010199,12368",
    "01:01:99 12368",
    "01.01.1999 12368",  # the year written in full
    "0101199912345",
    "Født 01.01.2001, nr 010101 99999",
])
def test_guard_sees_through_separators(spelling):
    """Every way of writing a fødselsnummer or D-nummer is caught."""
    assert contains_fnr(spelling)
    assert clean_free_text(spelling) == (None, MSG_FNR)


@pytest.mark.parametrize("ordinary", [
    "2026/12345",
    "2026-12345",
    "20260012345",  # month 26 is no birth month
    "9710.05.12345",  # an account number whose first four digits are no birth date
    "01.01.1999",  # a date alone
    "Sak 2024/01012345",
    "12345678901",
    "+47 912 34 567",
    "Sak 24/01234-5",
])
def test_guard_lets_ordinary_numbers_through(ordinary):
    """Case, account and telephone numbers are not mistaken for a fødselsnummer."""
    assert not contains_fnr(ordinary)
    assert clean_free_text(ordinary) == (ordinary, None)


def test_shape_decides_not_control_digits():
    """Any pair of control digits after a birth date and individual number is caught: a typo stays a fødselsnummer."""
    for k in range(100):
        number = FNR[:9] + f"{k:02d}"
        assert has_fnr_shape(number) and contains_fnr(number) and contains_fnr(f"{number[:6]} {number[6:]}")


def test_no_birth_date_no_alarm():
    """Eleven digits whose first four are no day and month (even as D- or H-nummer) pass."""
    assert not has_fnr_shape("32019912368") and not has_fnr_shape("01139912368") and not has_fnr_shape("30029912368")
    assert has_fnr_shape("29029912368") and has_fnr_shape("01419912368") and has_fnr_shape("01819912368")


def test_far_too_long_is_refused_before_it_is_scanned():
    """A huge paste into a short field gets the length message (the scan never sees it)."""
    assert clean_free_text("1 " * 500_000, max_length=100) == (None, msg_too_long(100))
    assert clean_free_text("x" * 120, max_length=100) == (None, msg_too_long(100))


def test_control_digits_decide():
    """Changing any single digit of a valid fødselsnummer breaks its control digits (used for digits glued to others)."""
    assert is_fnr(FNR)
    for i in range(11):
        for d in "0123456789":
            if d != FNR[i]:
                assert not is_fnr(FNR[:i] + d + FNR[i + 1:]), (i, d)


@pytest.mark.parametrize("raw", [
    "Molde\x00", "Mol\x07de", "Molde\x7f", "Mol\x9bde", "Molde\x1c", "\u200b", "\u200b\u200c", "Molde\u202e", "\u2066Molde\u2069",
    "Mol\u00adde", "\ufeffMolde", "Molde\u200f", "\ud800Molde",
])
def test_control_and_format_characters_are_refused(raw):
    """NUL, C0/C1 controls, DEL, zero-width, bidi, soft hyphen, BOM and lone surrogates are refused."""
    for multiline in (False, True):
        assert clean_free_text(raw, multiline=multiline) == (None, MSG_INVISIBLE)


@pytest.mark.parametrize("raw", ["Molde\r\nBcc: x@y.no", "Molde\nBcc", "Molde\rBcc", "Molde\u2028Bcc", "Molde\u2029", "a\x0bb", "a\x0cb", "Mol\x85de"])
def test_line_breaks_only_in_multiline_fields(raw):
    """A one-line field refuses every kind of line break; a multi-line field keeps them as \\n."""
    assert clean_free_text(raw) == (None, MSG_ONE_LINE)
    text, message = clean_free_text(raw, multiline=True)
    assert message is None and "\r" not in text and "\u2028" not in text and "\u2029" not in text
    assert "\n" in text or text == "Molde"


def test_nfc_strip_and_length():
    """Text is NFC, without surrounding space; the length limit counts the normalised text."""
    assert clean_free_text("  Ale\u0301sund ") == ("Alésund", None)
    assert clean_free_text("e\u0301" * 5, max_length=5) == ("é" * 5, None)
    assert clean_free_text("x" * 6, max_length=5)[1] == "Svaret er for langt (høyst 5 tegn)."
    assert clean_free_text("a\tb") == ("a b", None)
    assert clean_free_text(12) == (None, MSG_NOT_TEXT)
    assert clean_free_text("Barnepass\r\n  \r\nTolk  ", multiline=True) == ("Barnepass\n\nTolk", None)


def test_echo_is_safe_to_quote():
    """Quoted input has no control, format or line-break character and no fødselsnummer."""
    assert echo("atl\u202eantis\r\nBcc: x") == "atl antis Bcc: x"
    assert echo("x" * 100) == "x" * 40
    assert echo(f"ref {FNR}") == "…"


def test_plain_text_for_cells_and_messages():
    """Text shown again (a spreadsheet cell) keeps its words but no banned character or fødselsnummer."""
    assert plain_text("Barne\u200bpass\r\ntirsdag\u202e ") == "Barne pass tirsdag"
    assert plain_text(f"Se {FNR[:6]}–{FNR[6:]}") == "[fødselsnummer fjernet]"
    assert plain_text("Ålesund") == "Ålesund"


def test_a_number_glued_to_other_digits_is_caught_within_a_run_of_24():
    """A fødselsnummer glued to up to 13 other digits is found by its control digits; a longer run of digits is no personal number."""
    assert contains_fnr("tlf 1234567890" + FNR) and contains_fnr("sak2024" + FNR)
    assert not contains_fnr("1234567890" + FNR[:-1] + "9")  # glued, and the control digits are wrong: an ordinary long number
    assert not contains_fnr("0" * 14 + FNR)


def test_megabytes_of_digits_are_scanned_once():
    """Megabytes of digits, digit groups and impossible dates raise no alarm (the benchmark bench/hostile.py times them)."""
    for text in ("7" * 1_000_000, "0101" * 250_000, "1 3 " * 250_000, "31.02 " * 150_000):
        assert contains_fnr(text) is False
