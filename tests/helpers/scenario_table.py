"""The scenario table (tests/scenarios/scenarios.json): loading rows and checking expectations.
Shared by the CPython scenario test and the Pyodide parity test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parents[1] / "scenarios" / "scenarios.json"
# The practice cases' rows: their case and date come from the practice case they name.
PRACTICE_TABLE = Path(__file__).resolve().parents[1] / "scenarios" / "practice.json"
COUNTIES = Path(__file__).resolve().parents[2] / "guide_engine" / "data" / "counties"


def rows() -> list[dict]:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    out = []
    for row in data["scenarios"]:
        case = dict(data["bases"].get(row.get("base"), {}))
        case.update(row.get("case", {}))
        out.append({**row, "full_case": case})
    return out + practice_rows()


def practice_rows() -> list[dict]:
    """Rows for the practice cases (guide_engine/data/practice.toml): the case and date are the practice case's."""
    from guide_engine.data_loader import load_practice

    cases = {c["id"]: c for c in load_practice()["cases"]}
    out = []
    for row in json.loads(PRACTICE_TABLE.read_text(encoding="utf-8"))["scenarios"]:
        c = cases.get(row["practice"])
        if c is None:
            raise KeyError(f"practice.json: {row['name']!r} names an unknown practice case {row['practice']!r}")
        out.append({**row, "on": c["on"], "full_case": dict(c["answers"])})
    return out


def county_missing(row: dict) -> bool:
    cid = row.get("requires_county")
    return bool(cid) and not (COUNTIES / f"{cid}.toml").exists()


def lookup(result: Any, dotted: str) -> Any:
    cur = result
    for part in dotted.split("."):
        if isinstance(cur, list):
            if part.isdigit():
                cur = cur[int(part)]
            else:  # a list of records with ids (deadlines): pick by id
                matches = [x for x in cur if isinstance(x, dict) and x.get("id") == part]
                if not matches:
                    raise KeyError(f"{dotted}: no item with id {part!r}")
                cur = matches[0]
        elif isinstance(cur, dict):
            if part not in cur:
                raise KeyError(f"{dotted}: no key {part!r}")
            cur = cur[part]
        else:
            raise KeyError(f"{dotted}: cannot descend into {cur!r}")
    return cur


def problems(row: dict, result: dict) -> list[str]:
    """Every way the result differs from the row's expectations (empty list = pass)."""
    out = []
    for key, want in row.get("expect", {}).items():
        try:
            got = lookup(result, key)
        except (KeyError, IndexError) as e:
            out.append(f"{key}: missing ({e})")
            continue
        if got != want:
            out.append(f"{key}: expected {want!r}, got {got!r}")
    for key, fragment in row.get("contains", {}).items():
        try:
            got = lookup(result, key)
        except (KeyError, IndexError) as e:
            out.append(f"{key}: missing ({e})")
            continue
        if isinstance(got, list) and got and all(isinstance(x, str) and x.startswith("note-") for x in got):
            texts = {n["id"]: n["note"] for n in result.get("data_notes") or []}  # a part carries note ids
            got = [texts.get(x, x) for x in got]
        text = " ".join(got) if isinstance(got, list) else str(got)
        if fragment not in text:
            out.append(f"{key}: {fragment!r} not in {text!r}")
    for key, fragment in row.get("excludes", {}).items():
        got = lookup(result, key)
        text = got if isinstance(got, str) else json.dumps(got, ensure_ascii=False)
        if fragment in text:
            out.append(f"{key}: {fragment!r} should not be in {text!r}")
    refs = set(result.get("references") or {})
    for r in row.get("references_include", []):
        if r not in refs:
            out.append(f"reference {r} not cited (cited: {sorted(refs)})")
    path = result.get("path") or []
    for q in row.get("path_includes", []):
        if q not in path:
            out.append(f"path should include {q}")
    for q in row.get("path_excludes", []):
        if q in path:
            out.append(f"path should not include {q}")
    ids = [c["id"] for c in result.get("checklist") or []]
    for t in row.get("checklist_includes", []):
        if t not in ids:
            out.append(f"checklist should include {t} (has {ids})")
    for t in row.get("checklist_excludes", []):
        if t in ids:
            out.append(f"checklist should not include {t}")
    if "error_fields" in row:
        fields = [e["field"] for e in result.get("errors") or []]
        if fields != row["error_fields"]:
            out.append(f"error fields: expected {row['error_fields']}, got {fields} ({result.get('errors')})")
    return out
