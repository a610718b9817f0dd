#!/usr/bin/env python3
"""Write guide_engine/data/municipalities/register.toml from the public extracts beside it.

    python3 scripts/make_municipality_register.py            # rewrite the committed register
    python3 scripts/make_municipality_register.py --out F    # write elsewhere (the tests do)
    python3 scripts/make_municipality_register.py --check    # fail unless the committed file is current

Standard library only. Every row of the register comes from the extracts in
guide_engine/data/municipalities/extracts/ (their origin: extracts/README.md); nothing here is a
row typed by hand. The script

1. reads Statistics Norway's municipality lists (KLASS 131, as SSB's own KOSTRA control programme
   publishes them for 2022-2026) and steps back to 2020 with the KLASS change tables;
2. checks every step against two independently retrieved copies of the KLASS change table (and the
   2026 step against SSB's change log), so every list follows from the one before;
3. cross-checks every row against every other copy that covers its dates (two lists of 2021 and
   2026 by an independent author, and a KLASS list of 1 January 2026 fetched by a third), and the
   county of every row against the county lists (KLASS 104);
4. fails, naming the row and the extract, on any disagreement that is not one of the documented
   omissions in KNOWN_DIFFERENCES, and on any row fewer than two independent origins confirm.
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "guide_engine" / "data"
HERE = DATA / "municipalities"
EXTRACTS = HERE / "extracts"
REGISTER = HERE / "register.toml"
COUNTIES = DATA / "counties"

START = date(2020, 1, 1)  # the register's first day
ONE_DAY = timedelta(days=1)


class Disagreement(Exception):
    """Two copies disagree, or a copy cannot be read as documented: the register is not written."""


# --- the extracts -------------------------------------------------------------------------------
# `origin` is the repository the copy was taken from: copies from one origin are not independent.
# `covers` is the stretch of time the copy describes: (first, last) day, last None = open.


@dataclass(frozen=True)
class Extract:
    id: str
    file: str
    origin: str
    path: str
    commit: str
    retrieved: str
    kind: str  # municipalities | changes | counties | municipalities-nb
    covers: tuple[str, str | None] | None = None
    change_date: str | None = None  # for a change log that names no dates itself


KOSTRA = "statisticsnorway/kostra-kontrollprogram"
SD = "Samarbeidsdesken/ssb-kommunenummer"
OP = "opisthokonta/kommuneendringer"
HG = "hogne67/321skole-translate"
TM = "tobiasmcvey/kommunale-nettsider"
RETRIEVED = "2026-12-07"


def _kostra(year: int, commit: str) -> Extract:
    return Extract(
        f"ssb-{year}", f"ssb-kostra-11cf-{year}-kommunenummer.md", KOSTRA,
        f"kravspesifikasjon/file_description_11CF_{year}.md", commit, RETRIEVED,
        "municipalities", (f"{year}-01-01", f"{year}-12-31"),
    )


EXTRACT_LIST: tuple[Extract, ...] = (
    _kostra(2022, "2c62e562fd905d313c148a1d239e7061ae5fa6b6"),
    _kostra(2023, "10f44386c0ad32cfdacedbc048e7c3121a7ebdb0"),
    _kostra(2024, "10f44386c0ad32cfdacedbc048e7c3121a7ebdb0"),
    _kostra(2025, "2c62e562fd905d313c148a1d239e7061ae5fa6b6"),
    _kostra(2026, "1717868257d68dbb1cee17a1d8642eca36304027"),
    Extract(
        "ssb-chg-2026", "ssb-kostra-11cf-changelog-2025-2026.md", KOSTRA,
        "kravspesifikasjon/changelog_for_11CF_from_2025_to_2026.md",
        "1f643d3a805366409e35e10aea17b4d6eb7085a1", RETRIEVED, "changes", change_date="2026-01-01",
    ),
    Extract(
        "ssb-fylke-2024", "ssb-kostra-53f-2024-fylkesnummer.md", KOSTRA,
        "kravspesifikasjon/file_description_53F_2024.md",
        "e0dcd9bbbeb5a277f26fc662c52cecb4470151e8", RETRIEVED, "counties", ("2024-01-01", "2024-12-31"),
    ),
    Extract(
        "ssb-fylke-2026", "ssb-kostra-53f-2026-fylkesnummer.md", KOSTRA,
        "kravspesifikasjon/file_description_53F_2026.md",
        "0639619a031a1b0848845c7e0a00a6afbe03b05a", RETRIEVED, "counties", ("2026-01-01", "2026-12-31"),
    ),
    Extract(
        "sd-chg", "samarbeidsdesken-klass131-changes-from-2022.extract", SD,
        "data.json", "424b33084713c7784e29e300a5fc87a4e8e03e8a", RETRIEVED, "changes",
    ),
    Extract(
        "op-chg", "opisthokonta-klass131-changes-from-2022.extract", OP,
        "data-raw/changetables.json", "75597a8db1b239c906151218c30225d7ae635830", RETRIEVED, "changes",
    ),
    Extract(
        "op-fylke", "opisthokonta-county-names-numbers.csv", OP,
        "data-raw/county_names_numbers.txt", "83dddb74b561f74a071973f0f3574dfe3313aa23", RETRIEVED,
        "counties", (START.isoformat(), None),
    ),
    Extract(
        "hg-2026", "hogne67-klass131-codesat-2026-01-01.extract", HG,
        "lib/geo/noMunicipalities.ts", "1ceba5bde1d79e663b88dfd483cf17f3d0598b56", RETRIEVED,
        "municipalities", ("2026-01-01", "2026-01-01"),
    ),
    Extract(
        "tm-2021", "tobiasmcvey-kommuner-2021-10-12.csv", TM, "kommuner.csv",
        "219f18e4a4dbd762de0c8966a29f8187cef6c851", RETRIEVED, "municipalities-nb", ("2021-10-12", "2021-10-12"),
    ),
    Extract(
        "tm-2026", "tobiasmcvey-kommuner-2026-01-05.csv", TM, "kommuner.csv",
        "0b18feab6a99c23488fff4b284873d948aecf146", RETRIEVED, "municipalities-nb", ("2026-01-05", "2026-01-05"),
    ),
)
EXTRACTS_BY_ID = {e.id: e for e in EXTRACT_LIST}

# Differences between copies that were looked at and are not errors in the register. Anything else
# stops the script; an entry here that no longer occurs stops it too (so this list cannot go stale).
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {
    ("tm-2026", "1580"): (
        "the list lacks 1580 Haram: its author renumbered the 2020 list for 2024 (commit a4ee589, "
        "24 July 2024) but did not add the municipality split from Ålesund; its README still says "
        "356 municipalities"
    ),
}


def d(s: str | None) -> date | None:
    return None if s is None else date.fromisoformat(s)


# --- reading each kind of extract -----------------------------------------------------------------


def _text(e: Extract, root: Path) -> str:
    path = root / e.file
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise Disagreement(f"{e.id}: cannot read {path}: {err}") from None


_KOSTRA_CODE = re.compile(r"`(\d{2}|\d{4})`: ([^<|]+)")


def read_kostra_list(e: Extract, root: Path, digits: int) -> dict[str, str]:
    """A KOSTRA code list: one markdown table row with "`0301`: Oslo<br/>…" (9999/99 = Uoppgitt)."""
    text = _text(e, root)
    out: dict[str, str] = {}
    for code, name in _KOSTRA_CODE.findall(text):
        if len(code) != digits or set(code) == {"9"}:
            continue
        if code in out:
            raise Disagreement(f"{e.id}: {code} is listed twice")
        out[code] = name.strip()
    if not out:
        raise Disagreement(f"{e.id}: no codes found")
    return out


@dataclass(frozen=True)
class Change:
    on: date
    old_code: str
    old_name: str
    new_code: str
    new_name: str


def read_changes(e: Extract, root: Path) -> list[Change]:
    text = _text(e, root)
    if e.id == "sd-chg":
        # Python literal lines (the repository's data.json is printed with str(), not json.dumps);
        # the extract is the tail of the list, so it ends with the list's "]".
        try:
            records = ast.literal_eval("[" + text)
        except (SyntaxError, ValueError) as err:
            raise Disagreement(f"{e.id}: not a Python list literal: {err}") from None
    elif e.id == "op-chg":
        # The tail of {"codeChanges":[…]} from one record on: it ends with "]}".
        body = text.rstrip()
        if not body.endswith("]}"):
            raise Disagreement(f"{e.id}: does not end with the end of the codeChanges list")
        try:
            records = json.loads("[" + body[:-1])
        except json.JSONDecodeError as err:
            raise Disagreement(f"{e.id}: not JSON: {err}") from None
    elif e.id == "ssb-chg-2026":
        row = [ln for ln in text.splitlines() if ln.startswith("| `KOMMNR_KVP_KOMM`")]
        if len(row) != 1:
            raise Disagreement(f"{e.id}: expected one KOMMNR_KVP_KOMM row")
        pairs = re.findall(r"`(\d{4})` : ([^<]+)<br/>endret til ([^<]+)<br/>", row[0])
        records = [
            {"oldCode": c, "oldName": o.strip(), "newCode": c, "newName": n.strip(), "changeOccurred": e.change_date}
            for c, o, n in pairs
        ]
    else:  # pragma: no cover - a new extract needs its reader
        raise Disagreement(f"{e.id}: no reader for this change extract")
    out = []
    for r in records:
        try:
            out.append(Change(d(r["changeOccurred"]), r["oldCode"], r["oldName"], r["newCode"], r["newName"]))
        except (KeyError, TypeError, ValueError) as err:
            raise Disagreement(f"{e.id}: malformed change record {r!r}: {err}") from None
    if not out:
        raise Disagreement(f"{e.id}: no change records")
    return out


def read_counties_csv(e: Extract, root: Path) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(_text(e, root))))
    out: dict[str, str] = {}
    for r in rows:
        code, name = r["county_code"].strip().zfill(2), r["county_name"].strip()
        if out.get(code, name) != name:
            raise Disagreement(f"{e.id}: county {code} has two names")
        out[code] = name
    return out


def read_hogne67(e: Extract, root: Path) -> dict[str, tuple[str, str]]:
    try:
        items = json.loads(_text(e, root))
    except json.JSONDecodeError as err:
        raise Disagreement(f"{e.id}: not JSON: {err}") from None
    out: dict[str, tuple[str, str]] = {}
    for it in items:
        if it["code"] == "9999":  # KLASS's "Uoppgitt" (not stated), not a municipality
            continue
        if it["code"] in out:
            raise Disagreement(f"{e.id}: {it['code']} is listed twice")
        out[it["code"]] = (it["name"], it["countyCode"])
    return out


def read_tobiasmcvey(e: Extract, root: Path) -> dict[str, tuple[str, str]]:
    """Nr,Kommunenavn,Adm. senter,Fylke,…: (Norwegian name, county name) by number."""
    out: dict[str, tuple[str, str]] = {}
    for r in csv.DictReader(io.StringIO(_text(e, root))):
        code = r["Nr"].strip().zfill(4)
        if code in out:
            raise Disagreement(f"{e.id}: {code} is listed twice")
        out[code] = (r["Kommunenavn"].strip(), r["Fylke"].strip())
    return out


# --- names ----------------------------------------------------------------------------------------

_QUALIFIER = re.compile(r"^(.*\S) \(([^()]+)\)$")


def name_parts(klass_name: str) -> list[str]:
    """"Kárášjohka - Karasjok" -> ["Kárášjohka", "Karasjok"]; "Herøy (Nordland)" -> ["Herøy"]."""
    parts = [p.strip() for p in klass_name.split(" - ")]
    return [(_QUALIFIER.match(p).group(1) if _QUALIFIER.match(p) else p) for p in parts]


def county_parts(name: str) -> list[str]:
    return [p.strip() for p in name.split(" - ")]


# --- the register ---------------------------------------------------------------------------------


@dataclass
class Row:
    number: str
    klass_name: str
    valid_from: date
    valid_to: date | None
    name: str = ""
    parallel_names: list[str] = field(default_factory=list)
    county: str = ""
    county_number: str = ""
    replaces: list[str] = field(default_factory=list)
    replaced_by: list[str] = field(default_factory=list)
    confirmed: dict[str, set[str]] = field(default_factory=dict)  # field -> extract ids

    def covers(self, first: date, last: date | None) -> bool:
        """True if the row is valid on some day of [first, last]."""
        return (last is None or self.valid_from <= last) and (self.valid_to is None or first <= self.valid_to)

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def confirm(self, what: str, extract_id: str) -> None:
        self.confirmed.setdefault(what, set()).add(extract_id)

    def label(self) -> str:
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{self.number} {self.klass_name} ({self.valid_from.isoformat()}–{end})"


def apply_changes(before: dict[str, str], changes: list[Change], source: str, day: str = "the day before") -> dict[str, str]:
    """The list after ``changes``, checked against the list of ``day`` they start from."""
    after = dict(before)
    for c in changes:
        if before.get(c.old_code) != c.old_name:
            raise Disagreement(
                f"{source}: change on {c.on}: {c.old_code} {c.old_name!r} -> {c.new_code} {c.new_name!r}, "
                f"but the list of {day} has {c.old_code} as {before.get(c.old_code)!r}"
            )
    for c in changes:
        after.pop(c.old_code, None)
    for c in changes:
        if after.get(c.new_code, c.new_name) != c.new_name:
            raise Disagreement(f"{source}: change on {c.on}: {c.new_code} gets two names")
        after[c.new_code] = c.new_name
    return after


def undo_changes(after: dict[str, str], changes: list[Change], source: str) -> dict[str, str]:
    """The list before ``changes``: the same changes applied backwards (new → old)."""
    backwards = [Change(c.on, c.new_code, c.new_name, c.old_code, c.old_name) for c in changes]
    return apply_changes(after, backwards, source, day="that day")


def compare_lists(expected: dict[str, str], got: dict[str, str], what: str) -> None:
    for code in sorted(set(expected) | set(got)):
        if expected.get(code) != got.get(code):
            raise Disagreement(
                f"{what}: municipality {code}: the year before and the changes give {expected.get(code)!r}, "
                f"this list has {got.get(code)!r}"
            )


def project_counties() -> list[dict]:
    out = []
    for p in sorted(COUNTIES.glob("*.toml")):
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
        out.append({"id": raw["id"], "name": raw["name"], "from": d(raw["valid_from"]), "to": d(raw.get("valid_to"))})
    return out


class Builder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.differences_seen: set[tuple[str, str]] = set()
        self.notes: list[str] = []
        self.tm_counties: dict[str, tuple[date, dict[str, str]]] = {}  # extract id -> (day, county by number)

    def differ(self, extract_id: str, number: str, message: str) -> None:
        key = (extract_id, number)
        if key in KNOWN_DIFFERENCES:
            self.differences_seen.add(key)
            self.notes.append(f"known difference, {extract_id} / {number}: {KNOWN_DIFFERENCES[key]}")
            return
        raise Disagreement(f"{extract_id}: municipality {number}: {message}")

    # 1-2: the lists, and every step between them
    def timeline(self) -> list[tuple[date, date | None, dict[str, str], str | None]]:
        E = EXTRACTS_BY_ID
        lists = {y: read_kostra_list(E[f"ssb-{y}"], self.root, 4) for y in range(2022, 2027)}
        sd = read_changes(E["sd-chg"], self.root)
        op = read_changes(E["op-chg"], self.root)
        ks = read_changes(E["ssb-chg-2026"], self.root)
        # The two copies of KLASS's change table (retrieved by different people, January and
        # October 2025) must hold the same records, in the same order.
        if len(sd) != len(op):
            raise Disagreement(f"sd-chg has {len(sd)} records, op-chg {len(op)}")
        for a, b in zip(sd, op):
            if a != b:
                raise Disagreement(f"change tables disagree: samarbeidsdesken {a} / opisthokonta {b}")
        if min(c.on for c in sd) != date(2022, 1, 1):
            raise Disagreement("the change extracts must start with the first change after 1 January 2020")
        self.changes = sd
        self.changes_2026 = ks
        by_day: dict[date, list[Change]] = {}
        for c in sd + ks:
            by_day.setdefault(c.on, []).append(c)
        for day in by_day:
            if day.month != 1 or day.day != 1 or not 2022 <= day.year <= 2026:
                raise Disagreement(f"a change on {day}: the register only knows changes on 1 January 2022-2026")
        if any(c.on != date(2026, 1, 1) for c in ks) or any(c.on.year == 2026 for c in sd):
            raise Disagreement("the 2026 changes come from SSB's change log only")
        src = "sd-chg = op-chg"
        first = undo_changes(lists[2022], by_day.get(date(2022, 1, 1), []), src)
        for y in range(2023, 2027):
            step = by_day.get(date(y, 1, 1), [])
            source = "ssb-chg-2026" if y == 2026 else src
            compare_lists(apply_changes(lists[y - 1], step, source), lists[y], f"ssb-{y}")
        periods: list[tuple[date, date | None, dict[str, str], str | None]] = [
            (START, date(2021, 12, 31), first, None),
        ]
        for y in range(2022, 2027):
            periods.append((date(y, 1, 1), None if y == 2026 else date(y, 12, 31), lists[y], f"ssb-{y}"))
        return periods

    def rows(self) -> list[Row]:
        periods = self.timeline()
        rows: list[Row] = []
        open_rows: dict[str, Row] = {}
        for first, last, names, source in periods:
            for number in sorted(names):
                row = open_rows.get(number)
                if row is not None and row.klass_name == names[number] and row.valid_to == first - ONE_DAY:
                    row.valid_to = last
                else:
                    row = Row(number, names[number], first, last)
                    rows.append(row)
                    open_rows[number] = row
                if source:
                    row.confirm("klass_name", source)
        rows.sort(key=lambda r: (r.number, r.valid_from))
        self.all_rows = rows
        return rows

    def on(self, day: date, number: str) -> Row | None:
        hits = [r for r in self.all_rows if r.number == number and r.valid_on(day)]
        return hits[0] if hits else None

    # links and the change tables' own confirmation of names
    def links(self) -> None:
        for src_id, changes in (
            ("sd-chg", self.changes),
            ("op-chg", self.changes),
            ("ssb-chg-2026", self.changes_2026),
        ):
            for c in changes:
                old, new = self.on(c.on - ONE_DAY, c.old_code), self.on(c.on, c.new_code)
                if old is None or old.valid_to != c.on - ONE_DAY or old.klass_name != c.old_name:
                    raise Disagreement(f"{src_id}: no row {c.old_code} {c.old_name!r} ending {c.on - ONE_DAY}")
                if new is None or new.valid_from != c.on or new.klass_name != c.new_name:
                    raise Disagreement(f"{src_id}: no row {c.new_code} {c.new_name!r} starting {c.on}")
                old.confirm("klass_name", src_id)
                new.confirm("klass_name", src_id)
                if c.old_code != c.new_code:
                    if c.new_code not in old.replaced_by:
                        old.replaced_by.append(c.new_code)
                    if c.old_code not in new.replaces:
                        new.replaces.append(c.old_code)

    # 3: every other copy that covers a row's dates
    def cross_check(self) -> None:
        E = EXTRACTS_BY_ID
        hg = read_hogne67(E["hg-2026"], self.root)
        day = d(E["hg-2026"].covers[0])
        self._check_point("hg-2026", day, {k: v[0] for k, v in hg.items()}, "klass_name")
        for code, (_, county) in hg.items():
            if county != code[:2]:
                self.differ("hg-2026", code, f"county code {county} is not the number's first two digits")
        for eid in ("tm-2021", "tm-2026"):
            tm = read_tobiasmcvey(E[eid], self.root)
            day = d(E[eid].covers[0])
            self._check_point(eid, day, {k: v[0] for k, v in tm.items()}, "name")
            self.tm_counties[eid] = (day, {k: v[1] for k, v in tm.items()})

    def _check_point(self, eid: str, day: date, copy: dict[str, str], what: str) -> None:
        valid = {r.number: r for r in self.all_rows if r.valid_on(day)}
        for number in sorted(set(valid) | set(copy)):
            row = valid.get(number)
            if row is None:
                self.differ(eid, number, f"listed as {copy[number]!r} but the register has no {number} on {day}")
                continue
            if number not in copy:
                self.differ(eid, number, f"missing, but the register has {row.label()} on {day}")
                continue
            if what == "klass_name":
                if copy[number] != row.klass_name:
                    self.differ(eid, number, f"{copy[number]!r} != {row.klass_name!r} ({row.label()})")
                    continue
                row.confirm("klass_name", eid)
            else:  # a Norwegian-only name: must be one of the official name's parts
                parts = name_parts(row.klass_name)
                if copy[number] not in parts:
                    self.differ(eid, number, f"{copy[number]!r} is none of {parts} ({row.label()})")
                    continue
                row.confirm("klass_name", eid)
                row.confirm("name:" + copy[number], eid)

    # the Norwegian name among the official name's parts
    def names(self) -> None:
        for row in self.all_rows:
            parts = name_parts(row.klass_name)
            if len(parts) == 1:
                row.name = parts[0]
            else:
                named = sorted({k.split(":", 1)[1] for k in row.confirmed if k.startswith("name:")})
                if not named:
                    # no Norwegian-only copy covers this row: take the number's name in the others
                    named = sorted(
                        {k.split(":", 1)[1] for r in self.all_rows if r.number == row.number
                         for k in r.confirmed if k.startswith("name:")} & set(parts)
                    )
                if len(named) != 1:
                    raise Disagreement(f"{row.label()}: cannot tell the Norwegian name among {parts} (copies: {named})")
                row.name = named[0]
            row.parallel_names = [p for p in parts if p != row.name]
            if len(row.parallel_names) != len(parts) - 1:
                raise Disagreement(f"{row.label()}: the Norwegian name {row.name!r} occurs twice in the official name")

    # counties: the number's first two digits, named by the county lists, mapped to a county file
    def counties(self) -> None:
        E = EXTRACTS_BY_ID
        op = read_counties_csv(E["op-fylke"], self.root)
        kostra = {
            eid: (d(E[eid].covers[0]), d(E[eid].covers[1]), read_kostra_list(E[eid], self.root, 2))
            for eid in ("ssb-fylke-2024", "ssb-fylke-2026")
        }
        files = project_counties()
        for row in self.all_rows:
            code = row.number[:2]
            row.county_number = code
            names: dict[str, str] = {}  # extract id -> county name as that copy gives it
            if code in op:
                names["op-fylke"] = op[code]
            for eid, (first, last, lst) in kostra.items():
                if row.covers(first, last):
                    if code not in lst:
                        raise Disagreement(f"{eid}: county {code} of {row.label()} is missing")
                    names[eid] = lst[code]
            for eid, (day, lst) in self.tm_counties.items():
                if row.valid_on(day) and row.number in lst:
                    names[eid] = lst[row.number]
            # the one county file whose name is a part of every copy's name and that exists
            # throughout the row's period
            fits = []
            for f in files:
                if all(f["name"] in county_parts(n) for n in names.values()) and f["from"] <= row.valid_from and (
                    f["to"] is None or (row.valid_to is not None and row.valid_to <= f["to"])
                ):
                    fits.append(f)
            if len(fits) != 1:
                raise Disagreement(
                    f"{row.label()}: county {code} named {names} fits {[f['id'] for f in fits]} "
                    "of guide_engine/data/counties/*.toml"
                )
            row.county = fits[0]["id"]
            for eid in names:
                row.confirm("county", eid)

    def build(self) -> list[Row]:
        self.rows()
        self.links()
        self.cross_check()
        self.names()
        self.counties()
        stale = set(KNOWN_DIFFERENCES) - self.differences_seen
        if stale:
            raise Disagreement(f"KNOWN_DIFFERENCES lists differences that no longer occur: {sorted(stale)}")
        for row in self.all_rows:
            for what in ("klass_name", "county"):
                origins = {EXTRACTS_BY_ID[e].origin for e in row.confirmed.get(what, ())}
                if len(origins) < 2:
                    raise Disagreement(f"{row.label()}: {what} confirmed by {sorted(origins)} only; two origins needed")
        return self.all_rows


# --- writing --------------------------------------------------------------------------------------


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a TOML basic string is a JSON string for these texts


def _list(xs) -> str:
    return "[" + ", ".join(_q(x) for x in xs) + "]"


def render(rows: list[Row]) -> str:
    out = [
        "# The municipalities of Norway from 1 January 2020, with their counties: one row per number",
        "# and period in which its name and county stayed the same.",
        "# GENERATED by scripts/make_municipality_register.py from the public extracts in extracts/",
        "# (origins and retrieval dates: extracts/README.md). Do not edit: change an extract or the",
        "# script and run it again. guide_engine/municipalities.py reads and validates this file.",
        "",
        f"start = {_q(START.isoformat())}",
        "",
    ]
    for e in EXTRACT_LIST:
        out += [
            f"[sources.{e.id}]",
            f"origin = {_q(e.origin)}",
            f"path = {_q(e.path)}",
            f"commit = {_q(e.commit)}",
            f"file = {_q('extracts/' + e.file)}",
            f"retrieved = {_q(e.retrieved)}",
            "",
        ]
    for r in rows:
        checked_against = sorted(set().union(*r.confirmed.values()))
        checked = max(EXTRACTS_BY_ID[e].retrieved for e in checked_against)
        out += ["[[municipality]]", f"number = {_q(r.number)}", f"name = {_q(r.name)}"]
        if r.parallel_names:
            out.append(f"parallel_names = {_list(r.parallel_names)}")
        if r.klass_name != r.name:  # absent = the same as name
            out.append(f"klass_name = {_q(r.klass_name)}")
        out += [
            f"county = {_q(r.county)}",
            f"valid_from = {_q(r.valid_from.isoformat())}",
        ]
        if r.valid_to is not None:
            out.append(f"valid_to = {_q(r.valid_to.isoformat())}")
        if r.replaces:
            out.append(f"replaces = {_list(sorted(r.replaces))}")
        if r.replaced_by:
            out.append(f"replaced_by = {_list(sorted(r.replaced_by))}")
        out += [f"checked_against = {_list(checked_against)}", f"checked = {_q(checked)}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extracts", type=Path, default=EXTRACTS, help="folder of the extracts")
    ap.add_argument("--out", type=Path, default=REGISTER, help="where to write the register")
    ap.add_argument("--check", action="store_true", help="fail unless --out already holds this register")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the known differences and counts")
    args = ap.parse_args(argv)
    builder = Builder(args.extracts)
    try:
        rows = builder.build()
    except Disagreement as err:
        print(f"make_municipality_register: {err}", file=sys.stderr)
        return 1
    text = render(rows)
    tomllib.loads(text)  # what we write must read back
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"make_municipality_register: {args.out} is not what the extracts give; run the script", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    if args.verbose:
        for note in sorted(set(builder.notes)):
            print(note)
        print(f"{len(rows)} rows written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
