"""The documented JSON Schemas (guide_engine/schema/) match what the engine takes and gives."""

from __future__ import annotations

import json
from importlib import resources

from hypothesis import given, settings

from guide_engine import api
from guide_engine.questions import question_map
from tests.helpers.scenario_table import rows
from tests.helpers.strategies import plausible_case


def schema(name):
    return json.loads((resources.files("guide_engine") / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def conforms(value, s, root, where="$") -> list[str]:
    """A small JSON Schema subset (type, enum, required, properties, items, additionalProperties, $ref, minItems)."""
    if "$ref" in s:
        s = root["$defs"][s["$ref"].split("/")[-1]]
    errs = []
    if "enum" in s and value not in s["enum"]:
        return [f"{where}: {value!r} not in {s['enum']}"]
    if "type" in s:
        types = s["type"] if isinstance(s["type"], list) else [s["type"]]
        ok = any((t == "integer" and isinstance(value, int) and not isinstance(value, bool))
                 or (t != "integer" and isinstance(value, TYPES[t]) and not (t != "boolean" and isinstance(value, bool)))
                 for t in types)
        if not ok:
            return [f"{where}: {value!r} is not {types}"]
    if isinstance(value, dict):
        for k in s.get("required", []):
            if k not in value:
                errs.append(f"{where}: missing {k}")
        for k, v in value.items():
            if k in s.get("properties", {}):
                errs += conforms(v, s["properties"][k], root, f"{where}.{k}")
            elif isinstance(s.get("additionalProperties"), dict):
                errs += conforms(v, s["additionalProperties"], root, f"{where}.{k}")
    if isinstance(value, list):
        if len(value) < s.get("minItems", 0):
            errs.append(f"{where}: fewer than {s['minItems']} items")
        if "items" in s:
            for i, v in enumerate(value):
                errs += conforms(v, s["items"], root, f"{where}[{i}]")
    return errs


def test_case_schema_lists_every_question():
    """The case schema documents exactly the question ids (plus "on")."""
    assert set(schema("case")["properties"]) == set(question_map()) | {"on"}


def test_scenario_results_conform():
    """Every scenario result conforms to the result schema."""
    s = schema("result")
    for r in rows():
        assert conforms(api.evaluate(r["full_case"], r["on"]), s, s) == [], r["name"]


def test_the_validator_can_fail():
    """The schema check rejects a result with a wrong status or a missing key."""
    s = schema("result")
    good = api.evaluate(rows()[0]["full_case"], rows()[0]["on"])
    bad = json.loads(json.dumps(good))
    bad["eligibility"]["status"] = "maybe"
    del bad["referral"]
    assert len(conforms(bad, s, s)) == 2


@settings(max_examples=200, deadline=None)
@given(plausible_case())
def test_generated_results_conform(sample):
    """Results for generated cases conform to the result schema."""
    s = schema("result")
    assert conforms(api.evaluate(sample["case"], sample["on"]), s, s) == []
