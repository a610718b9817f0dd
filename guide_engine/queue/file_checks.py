"""What can be wrong with a file as a whole, told apart in Norwegian: its bytes in another encoding
(UTF-16 from Excel's «Unicode-tekst», Windows-1252 from older Excel: converted, with a note), text
that was decoded wrongly (explained or converted), a quote never closed (which would merge every
following row into one cell), a file with only its header, and the same reference on several rows."""

from __future__ import annotations

import csv
import io

from ..free_text import echo

UTF16_NOTE = "Filen var lagret som «Unicode-tekst» (UTF-16) og er gjort om til vanlig tekst."
CP1252_NOTE = "Filen var ikke lagret som UTF-8 og er lest som Windows-1252 (eldre Excel). Sjekk at æ, ø og å ser riktige ut."
MOJIBAKE_NOTE = "Filen var lagret som UTF-8, men limt inn eller åpnet som Windows-1252 (æ, ø og å stod som Ã¦, Ã¸ og Ã¥); teksten er rettet."
# The page decodes the file itself and says which encoding it found (guide_ui/queue/form.js).
ENCODING_NOTES = {"utf-16": UTF16_NOTE, "windows-1252": CP1252_NOTE}
NUL_MESSAGE = ("Filen ser ut til å være lagret som «Unicode-tekst» (UTF-16), men teksten er lest som et annet tegnsett. "
               "Velg filen med «Velg en CSV-fil» i stedet for å lime den inn, eller lagre den som «CSV UTF-8» fra Excel.")
HEADER_ONLY = ("Filen har bare overskriftsraden og ingen deltakere. Fyll inn én deltaker per rad under overskriftene "
               "og last inn filen på nytt.")


def _looks_utf16(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for UTF-16 text without a byte order mark (every other byte zero), else None."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) * 0.4 and even == 0:
        return "utf-16-le"
    if even > len(sample) * 0.4 and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """A file's bytes as text, and a note when it was not UTF-8 (the command line; the page does the
    same in guide_ui/queue/form.js)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), UTF16_NOTE
    guess = _looks_utf16(data)
    if guess:
        return data.decode(guess), UTF16_NOTE
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), CP1252_NOTE


def repair_text(text: str) -> tuple[str, str | None, str | None]:
    """(text, note, error): UTF-8 read as Windows-1252 turned back (with a note); UTF-16 read as
    single bytes explained (an error: the text is not usable)."""
    if text.count("\x00") > 2:
        return text, None, NUL_MESSAGE
    if any(m in text for m in ("Ã¦", "Ã¸", "Ã¥", "Ã†", "Ã˜", "Ã…")):
        try:
            return text.encode("cp1252").decode("utf-8"), MOJIBAKE_NOTE, None
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return text, None, None


def read_records(text: str, delim: str) -> tuple[list[list[str]], str | None]:
    """The file's records, and the message for a probable quote never closed (None when fine): the
    last record runs to the end of the file over several lines, with an odd number of quotes in the
    file or whole lines of cells inside one cell."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    records, start = [], 1
    last_start = 1
    for rec in reader:
        records.append(rec)
        last_start, start = start, reader.line_num + 1
    if not records or reader.line_num - last_start < 1:
        return records, None
    multi = [c for c in records[-1] if "\n" in c or "\r" in c]
    rows_inside = any(delim in line for c in multi for line in c.splitlines()[1:])
    if multi and (text.count('"') % 2 == 1 or rows_inside):
        n = len(records)  # the spreadsheet's row number of the last record (the header is row 1)
        return records, (f"Rad {n} har et anførselstegn (\") som ikke er lukket, så resten av filen (linje {last_start}–{reader.line_num}) "
                         f"ble lest som én celle. Fjern anførselstegnet eller lukk det i rad {n}, og last inn filen på nytt.")
    return records, None


def duplicate_warnings(rows: list[dict], fields: list[str | None], columns: list[str]) -> list[str]:
    """A warning for each reference (``participant_ref``, else the label column) on more than one row,
    compared without regard to case or surrounding spaces; the rows are all kept."""
    for fid in ("participant_ref", "label"):
        if fid in fields:
            i = fields.index(fid)
            break
    else:
        return []
    seen: dict[str, list[tuple[int, str]]] = {}
    for r in rows:
        raw = r["cells"][i].strip() if i < len(r["cells"]) else ""
        if raw:
            seen.setdefault(raw.casefold(), []).append((r["row"], raw))
    out = []
    for hits in seen.values():
        if len(hits) > 1:
            nums = [str(n) for n, _ in hits]
            listed = ", ".join(nums[:-1]) + " og " + nums[-1] if len(nums) <= 10 else ", ".join(nums[:10]) + f" og {len(nums) - 10} rader til"
            spelled = sorted({raw for _, raw in hits})
            also = f" (skrevet {', '.join('«' + echo(s) + '»' for s in spelled)})" if len(spelled) > 1 else ""
            out.append(f"«{echo(hits[0][1])}» i kolonnen «{echo(columns[i])}» står i rad {listed}{also}. "
                       "Sjekk om det er samme deltaker to ganger; alle radene er tatt med i listen.")
    return out
