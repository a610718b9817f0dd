"""iCalendar (RFC 5545) files: a result's deadlines, and a queue's projected sessions, as all-day events.

Standard library only. No clock: DTSTAMP is the reference date the result was computed for, and each
UID is a hash of what the event says, so the same result always gives the same file. The only
personal detail written is the reference the user typed (participant_ref, or the queue's label).
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from .data_loader import load_references
from .dates import parse_iso
from .free_text import plain_text

PRODID = "-//Karriereveiledning § 11//Veiviser//NB"
UID_DOMAIN = "veiviser.karriereveiledning-11.invalid"


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: end before its character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # a continuation line starts with one space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _uid(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:24] + "@" + UID_DOMAIN


def calendar(events: list[dict], stamp: date, name: str) -> str:
    """A VCALENDAR of all-day events; each event: {"date": ISO, "summary", "description", "uid"}."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(name)}"]
    dtstamp = f"{stamp:%Y%m%d}T000000Z"
    for ev in events:
        d = parse_iso(ev["date"])
        if d is None:
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ev['uid']}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{d:%Y%m%d}",
            f"DTEND;VALUE=DATE:{d + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(ev['summary'])}",
            f"DESCRIPTION:{escape(ev['description'])}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _labels(result: dict, ids) -> str:
    refs = result.get("references") or {}
    return ", ".join(refs[i]["label"] if i in refs else i for i in dict.fromkeys(ids or []))


def deadlines_ics(result: dict, ref: str = "") -> str:
    """Every deadline of a guide result as an all-day event with the participant's reference ``ref``
    (as typed) and the basis; "" for a result without deadlines."""
    dls = result.get("deadlines") or []
    if not result.get("ok") or not dls:
        return ""
    on = parse_iso(result.get("on")) or date(1990, 1, 1)
    # one line, no control character, no fødselsnummer: whoever calls, the calendar gets only clean text
    ref = plain_text(ref, fnr_mark="") if isinstance(ref, str) else ""
    county = (result.get("county") or {}).get("name") or ""
    sources = result.get("sources") or {}
    events = []
    for d in dls:
        summary = d["label"] + (f" – {ref}" if ref else "")
        desc = [d.get("basis") or ""]
        if d.get("references"):
            desc.append("Grunnlag: " + _labels(result, d["references"]))
        if d.get("source") and d["source"] in sources:
            desc.append("Kilde: " + sources[d["source"]]["title"])
        if d.get("note"):
            desc.append(d["note"])
        if county:
            desc.append(f"Fylke: {county}. Regnet ut {result.get('on')} av veiviseren for karriereveiledning (integreringsloven § 11).")
        events.append({"date": d["date"], "summary": summary, "description": "\n".join(x for x in desc if x),
                       "uid": _uid(ref, d["id"], d["date"])})
    return calendar(events, on, "Frister for karriereveiledning" + (f" – {ref}" if ref else ""))


def sessions_ics(queue: dict) -> str:
    """The queue's projected sessions as all-day events (label, rank, latest-guidance date, rule);
    "" when no capacity was given."""
    if not queue.get("capacity"):
        return ""
    on = parse_iso(queue.get("on")) or date(1990, 1, 1)
    events = []
    for r in queue.get("rows") or []:
        if not r.get("projected"):
            continue
        desc = [f"Rang {r['rank']} i køen."]
        if r.get("guidance_by_text"):
            desc.append(f"Siste dag for karriereveiledningen: {r['guidance_by_text']}."
                        + (" Den planlagte timen er etter fristen: trenger tidligere time." if r.get("misses") else ""))
        rule = r.get("rule") or {}
        if rule.get("text"):
            desc.append(rule["text"])
        if (r.get("placement") or {}).get("text"):  # which rule of the chosen plan gave the date
            desc.append(r["placement"]["text"])
        if rule.get("references"):
            refs = load_references()
            desc.append("Grunnlag: " + ", ".join(refs[i].label if i in refs else i for i in rule["references"]))
        events.append({"date": r["projected"], "summary": f"Karriereveiledning – {r['label']}",
                       "description": "\n".join(desc), "uid": _uid(r["label"], str(r["row"]), r["projected"])})
    return calendar(events, on, "Planlagte karriereveiledninger")
