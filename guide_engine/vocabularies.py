"""The engine's vocabularies — the permit groups and the eligibility statuses — each defined once, in
data/vocabularies/, and every other home of their values checked against that one.

The other homes: the rules that decide them (guide_engine/decisions/eligibility.py: a rule for each permit
group, each status given by a rule), the question that asks for the permit group (its options come
from the data), the JSON schemas (the case's permit_group, the result's statuses), and the
templates, which word no value themselves (a value's words are the data's). ``problems`` lists each
disagreement, naming what is missing and where; tests/engine/test_vocabularies.py runs it with the
test strategies as one more home, so a value added to one home alone fails the tests (and the
engine reports data its rules cannot handle as a data error, never deciding on it).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Callable, Iterable

from .data_loader import DataError, load_permit_groups, load_statuses
from .data_loader.vocabularies import PERMIT_GROUPS, STATUSES
from .decisions import eligibility
from .questions import question_map

CASE_SCHEMA, RESULT_SCHEMA = "schema/case.schema.json", "schema/result.schema.json"
TEMPLATES = resources.files("guide_engine") / "templates"


def _file(path: str) -> str:
    p = resources.files("guide_engine")
    for part in path.split("/"):
        p = p / part
    return p.read_text(encoding="utf-8")


def compare(home: str, found: Iterable, data_file: str, wanted: Iterable) -> list[str]:
    """What ``home`` lacks of the values ``wanted`` (defined in ``data_file``), and what it has besides."""
    found, wanted = list(found), list(wanted)
    return ([f"{home} lacks {v!r}, which {data_file} defines" for v in wanted if v not in found]
            + [f"{home} has {v!r}, which {data_file} does not define" for v in found if v not in wanted])


def _schema_problems(groups: list[str], statuses: dict) -> list[str]:
    case, result = json.loads(_file(CASE_SCHEMA)), json.loads(_file(RESULT_SCHEMA))
    elig = result["properties"]["eligibility"]["properties"]
    settled = [s for s, v in statuses.items() if v.settled]
    prepared = [s for s in settled if statuses[s].referred]  # what an unclear case prepares for
    return (compare(f"{CASE_SCHEMA} permit_group.enum", case["properties"]["permit_group"]["enum"], PERMIT_GROUPS, groups + [None])
            + compare(f"{RESULT_SCHEMA} eligibility.status.enum", elig["status"]["enum"], STATUSES, list(statuses))
            + compare(f"{RESULT_SCHEMA} eligibility.alternatives.status.enum", elig["alternatives"]["items"]["properties"]["status"]["enum"],
                      STATUSES + " (settled = true)", settled)
            + compare(f"{RESULT_SCHEMA} eligibility.acts_as.enum", elig["acts_as"]["enum"], STATUSES + " (settled and referred)",
                      prepared + [None]))


def _template_problems(values: dict[str, str]) -> list[str]:
    """No template section is named for a value (basis_right_only, …): a value's words live in its data."""
    out = []
    for entry in sorted(TEMPLATES.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".txt"):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            name = line[3:].strip() if line.startswith("## ") else ""
            for value, data_file in values.items():
                if name and (name == value or name.endswith("_" + value) or name.startswith(value + "_")):
                    out.append(f"templates/{entry.name}: section {name!r} words {value!r} itself; its words belong in {data_file}")
    return out


def problems(more_homes: dict[str, tuple[str, Callable[[], Iterable]]] | None = None) -> list[str]:
    """Every disagreement between the vocabularies' data and their other homes; ``more_homes`` maps a
    home's name to (the vocabulary, "permit_groups" or "statuses"; a function giving the values it holds)."""
    try:
        groups, statuses = list(load_permit_groups()), load_statuses()
    except DataError as e:
        return [str(e)]
    out = list(eligibility.vocabulary_problems())
    options = [o["value"] for o in question_map()["permit_group"].get("options", [])]
    out += compare("questions.toml permit_group options", options, PERMIT_GROUPS, groups)
    out += _schema_problems(groups, statuses)
    out += _template_problems({**{g: PERMIT_GROUPS for g in groups}, **{s: STATUSES for s in statuses}})
    wanted = {"permit_groups": (PERMIT_GROUPS, groups), "statuses": (STATUSES, list(statuses))}
    for home, (vocabulary, values) in (more_homes or {}).items():
        data_file, defined = wanted[vocabulary]
        out += compare(home, values(), data_file, defined)
    return out
