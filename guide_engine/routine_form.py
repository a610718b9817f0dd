"""The page «Meld inn eller bekreft rutinen»: what its form asks, the county file it makes, and how the
county page would look with it.

A career centre fills in its routine (the core fact kinds of data/fact_keys.toml, each with the document
it comes from and the date it holds from, and functional mailboxes) or presses «Rutinen stemmer». This
module writes the whole county file (``counties/<id>.toml``) from that, checks it with
``routine_check.check`` (the loader's own rules and messages: nothing of its own), and gives back the
file, each error at the form field it concerns, the preview of the county page, and a short summary to
mail to the site's owner. Nothing is sent anywhere.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from typing import Any

from . import data_loader, provenance, routine_check
from .data_loader import County
from .dates import format_as_of_nb, format_nb, parse_iso

# The fields of one document (a [sources."<key>"] table) and of one new mailbox, as the form names them.
DOCUMENT_FIELDS = ("title", "publisher", "kind", "as_of", "url")
CONTACT_FIELDS = ("name", "role", "email")
FACT_FIELDS = ("value", "text", "document", "valid_from")


# --- what the form asks (embedded in the page at build time) -------------------------------------


def fact_kinds() -> list[dict]:
    """The core fact keys (what a programme adviser needs before referring), with their labels and, for a
    choice, its options in the words of labels.toml."""
    labels = data_loader.load_labels()
    out = []
    for key, fk in data_loader.load_fact_keys().items():
        if not fk.core:
            continue
        words = labels.get(key) or labels["who"]
        out.append({"key": key, "label": fk.label, "type": fk.type,
                    "options": [{"value": v, "label": words.get(v, v)} for v in fk.values]})
    return out


def spec() -> dict:
    """The form's fact kinds and, per county that exists today, what the page shows now (for «Rutinen stemmer»)."""
    counties = [c for c in data_loader.load_counties().values() if c.period.valid_to is None]
    return {"facts": fact_kinds(), "counties": [
        {"id": c.id, "name": c.name, "has_routine": c.routine is not None, "email_domains": list(c.email_domains),
         "preview": preview(c, data_loader.load_sources())} for c in counties]}


# --- the county page as it would look ------------------------------------------------------------


def preview(county: County, sources: dict) -> dict:
    """What the county page shows of a county file: the routine, its facts with source and dates, what is
    not stated, the contacts and the county's confirmations (the page's own words come from the same data).
    ``sources``: the registry the file is read with (with the sources it carries)."""
    keys = data_loader.load_fact_keys()
    scopes = data_loader.load_labels()["confirmation_scope"]
    r = county.routine
    facts = [{"key": k, "label": keys[k].label, "text": f.text,
              "value": f.value if isinstance(f.value, list) else None,
              "source": f"{sources[f.source].title} ({provenance.date_label(sources[f.source])})",
              "from": format_nb(f.period.valid_from) if f.period.valid_from and not f.inherited else "",
              "verified": format_nb(f.verified)}
             for k in keys for f in county.facts.get(k, ())]
    return {
        "name": county.name,
        "routine": None if r is None else {
            "title": r.title, "source": sources[r.source].title, "source_date": provenance.date_label(sources[r.source]),
            "from": format_nb(r.period.valid_from)},
        "facts": facts,
        "unknown": [fk.label for k, fk in keys.items() if fk.core and k not in county.facts] if r else [],
        "contacts": [{"name": c.name, "role": c.role, "address": c.email or c.url or c.phone or "",
                      "as_of": format_as_of_nb(c.as_of)} for c in county.contacts],
        "confirmations": [{"date": format_nb(c.confirmed), "by": c.by,
                           "covers": [scopes.get(s) or keys[s].label.lower() for s in c.covers]} for c in county.confirmations],
    }


# --- writing the file ----------------------------------------------------------------------------


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped.
    return json.dumps(str(v), ensure_ascii=False).replace("\x7f", "\\u007f")


def _table(header: str, table: dict) -> str:
    return f"\n{header}\n" + "".join(f"{k} = {_value(v)}\n" for k, v in table.items() if v is not None)


def to_toml(raw: dict, comment: str) -> str:
    """A county file (as tomllib reads one) written back in the order of data/README.md."""
    out = [f"# {line}\n" for line in comment.splitlines()]
    out += [f"{k} = {_value(v)}\n" for k, v in raw.items() if not isinstance(v, (dict, list)) or
            (isinstance(v, list) and not any(isinstance(x, dict) for x in v))]
    if "routine" in raw:
        out.append(_table("[routine]", raw["routine"]))
    for key, entries in raw.get("facts", {}).items():
        out += [_table(f"[[facts.{key}]]", e) for e in entries]
    for name in ("contacts", "confirmations"):
        out += [_table(f"[[{name}]]", e) for e in raw.get(name, [])]
    for sid, s in raw.get("sources", {}).items():
        out.append(_table(f"[sources.{_value(sid)}]", s))
    return "".join(out)


def _text(msg: dict, *path: Any) -> str:
    v: Any = msg
    for p in path:
        v = v.get(p) if isinstance(v, dict) else (v[p] if isinstance(v, list) and isinstance(p, int) and p < len(v) else None)
    return v.strip() if isinstance(v, str) else ""


def _tables(msg: dict, key: str, most: int = 5) -> list[dict]:
    """The form's list under ``key`` (documents, contacts): its tables only, at most ``most``."""
    v = msg.get(key)
    return [d for d in v if isinstance(d, dict)][:most] if isinstance(v, list) else []


def _typed(kind: str, text: str) -> Any:
    """A form value as its fact type wants it; what does not fit is written as typed, for the loader's message."""
    if kind == "integer" and re.fullmatch(r"\d{1,9}", text):
        return int(text)
    if kind == "text_list":
        return [line.strip() for line in text.splitlines() if line.strip()] or [""]
    return text


def source_key(cid: str, on: str, i: int) -> str:
    return f"{cid}-innmeldt-{on}-{i + 1}"


def routine_raw(today: dict, msg: dict, on: str) -> dict:
    """Today's county file with the routine from the form in place of the registered one: its facts, the
    documents they rest on (carried sources), new mailboxes, and the county's confirmation of it."""
    cid = today["id"]
    raw = {k: v for k, v in today.items() if k not in ("routine", "facts", "summary", "contacts", "confirmations", "sources")}
    raw["email_domains"] = [d.strip().lower() for d in re.split(r"[,\s]+", _text(msg, "email_domains")) if d.strip()]
    documents = _tables(msg, "documents") or [{}]
    keys = [source_key(cid, on, i) for i in range(len(documents))]
    raw["routine"] = {"title": _text(msg, "routine", "title"), "source": keys[0], "valid_from": _text(msg, "routine", "valid_from")}
    facts: dict[str, list] = {}
    for kind in fact_kinds():
        k = kind["key"]
        value, text = _text(msg, "facts", k, "value"), _text(msg, "facts", k, "text")
        if not value and not text:
            continue  # not stated: the page lists it as «ikke oppgitt»
        doc = _text(msg, "facts", k, "document")
        entry = {"value": _typed(kind["type"], value), "text": text,
                 "source": keys[int(doc)] if doc.isdigit() and int(doc) < len(keys) else keys[0], "verified": on}
        since = _text(msg, "facts", k, "valid_from")
        if since and since != raw["routine"]["valid_from"]:
            entry["valid_from"] = since
        facts[k] = [entry]
    raw["facts"] = facts
    raw["contacts"] = list(today.get("contacts", [])) + [
        {"kind": "mailbox", "name": _text(c, "name"), "role": _text(c, "role"), "email": _text(c, "email") or None,
         "source": keys[0], "verified": on, "as_of": on}
        for c in _tables(msg, "contacts") if any(_text(c, f) for f in CONTACT_FIELDS)]
    raw["confirmations"] = list(today.get("confirmations", [])) + [{"date": on, "by": _text(msg, "by"), "covers": ["routine"]}]
    raw["sources"] = dict(today.get("sources", {}))
    for sid, d in zip(keys, documents):
        raw["sources"][sid] = {f: _text(d, f) for f in DOCUMENT_FIELDS if f != "url" or _text(d, f)}
    return raw


def confirmation_text(today_text: str, msg: dict, on: str) -> str:
    """Today's file unchanged (comments and all) with one more [[confirmations]] entry: «Rutinen stemmer»."""
    entry = {"date": on, "by": _text(msg, "by"), "covers": ["routine"]}
    return today_text.rstrip("\n") + "\n" + _table("# Bekreftet fra siden «Meld inn eller bekreft rutinen».\n[[confirmations]]", entry)


# --- errors at the form's fields -----------------------------------------------------------------


def field_of(key: str, existing_contacts: int) -> str:
    """The form field a DataError key concerns (``_file`` when it is none of the form's)."""
    m = re.fullmatch(r"facts\.(\w+)(?:\[\d+\](?:\.(\w+))?)?", key)
    if m:
        part = {"source": "document", None: "value"}.get(m.group(2), m.group(2))
        return f"facts.{m.group(1)}.{part if part in FACT_FIELDS else 'value'}"
    m = re.fullmatch(r"routine\.(\w+)", key)
    if m:
        return "documents[0].title" if m.group(1) == "source" else f"routine.{m.group(1)}"
    m = re.fullmatch(r"sources\.[a-z0-9-]+-innmeldt-\d{4}-\d{2}-\d{2}-(\d+)(?:\.(\w+))?", key)
    if m:
        return f"documents[{int(m.group(1)) - 1}].{m.group(2) if m.group(2) in DOCUMENT_FIELDS else 'title'}"
    m = re.fullmatch(r"contacts\[(\d+)\](?:\.(\w+))?", key)
    if m and int(m.group(1)) >= existing_contacts:
        return f"contacts[{int(m.group(1)) - existing_contacts}].{m.group(2) if m.group(2) in CONTACT_FIELDS else 'email'}"
    if key.startswith("confirmations["):
        return "by"
    if key in ("email_domains", "routine"):
        return "email_domains" if key == "email_domains" else "routine.title"
    return "_file"


# --- one request from the page -------------------------------------------------------------------


def build(msg: dict) -> dict:
    """{county, on, mode: "routine" | "confirm", by, routine, documents, facts, contacts, email_domains, owner}
    -> {ok, file, toml, errors: [{field, message, build}], changes, preview, summary}."""
    county = data_loader.load_counties().get(msg.get("county") if isinstance(msg.get("county"), str) else "")
    on = parse_iso(msg.get("on"))
    if county is None or county.period.valid_to is not None or on is None:
        return {"ok": False, "errors": [{"field": "county", "message": "Velg et fylke som finnes i dag.", "build": ""}]}
    folder = data_loader.files.data_dir() / "counties" / f"{county.id}.toml"
    today_text = folder.read_text(encoding="utf-8")
    today = tomllib.loads(today_text)
    if msg.get("mode") == "confirm":
        if county.routine is None:
            return {"ok": False, "errors": [{"field": "county", "message": f"Det er ingen registrert rutine for {county.name} å bekrefte.", "build": ""}]}
        text = confirmation_text(today_text, msg, on.isoformat())
    else:
        text = to_toml(routine_raw(today, msg, on.isoformat()), f"{county.name}: rutinen innmeldt av fylkeskommunen {on.isoformat()} fra siden «Meld inn eller bekreft "
                            "rutinen».\nTatt inn etter MAINTAINERS.md (python -m guide_engine routine check).")
    report = routine_check.check(text, f"{county.id}.toml", on)
    out: dict = {"ok": report.ok, "file": report.file, "toml": text, "errors": []}
    if not report.ok:
        e = report.error
        out["errors"] = [{"field": field_of(e.key, len(today.get("contacts", []))) if e.file == report.file else "_file",
                          "message": e.message, "build": str(e)}]
        return out
    words = data_loader.load_labels()["routine_change"]
    out["changes"] = [{"kind": c.kind, "word": words[c.kind], "what": c.what, "detail": c.detail} for c in report.changes]
    out["preview"] = preview(report.county, report.sources)
    out["summary"] = summary(report, msg, on)
    return out


def summary(report: routine_check.Report, msg: dict, on: date) -> str:
    """The short text to mail with the file to the site's owner (the page adds nothing of its own)."""
    county = report.county
    owner = _text(msg, "owner") or "(nettstedet har ikke oppgitt noen adresse for innsending)"
    what = ("bekrefter at rutinen som vises for " + county.name + " på nettstedet, stemmer"
            if report.confirmation_only else f"melder inn rutinen «{county.routine.title}» fra {format_nb(county.routine.period.valid_from)}")
    lines = [f"Til: {owner}",
             f"Emne: Karriereveiledning i {county.name}: {'bekreftelse' if report.confirmation_only else 'ny rutine'} {format_nb(on)}",
             "",
             f"Vedlagt er filen {report.file}, laget på siden «Meld inn eller bekreft rutinen» {format_nb(on)}.",
             f"Den {what}.",
             f"Sendt av: {_text(msg, 'by')}",
             "",
             "Dette endres mot dataene på nettstedet:"]
    words = data_loader.load_labels()["routine_change"]
    lines += [f"- {words[c.kind]}: {c.what}: {c.detail}" for c in report.changes]
    return "\n".join(lines) + "\n"
