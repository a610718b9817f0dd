"""The same scenario table (plus a batch of generated cases) run inside Pyodide under Node gives
exactly the same results as CPython."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from guide_engine import api
from guide_engine.counties import all_counties
from tests.helpers.scenario_table import rows

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "helpers" / "pyodide_runner.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"

pytestmark = [
    pytest.mark.pyodide,
    pytest.mark.skipif(shutil.which("node") is None or not PYODIDE.exists(), reason="needs node and node_modules/pyodide"),
]


def generated_cases(n: int = 60) -> list[dict]:
    """Deterministic pseudo-random cases (valid, missing and impossible answers mixed)."""
    rnd = random.Random(20261123)
    base = rows()[0]["full_case"]
    out = []
    for i in range(n):
        c = dict(base)
        c["county"] = rnd.choice(["more-og-romsdal", "trondelag", "viken", "oslo", "atlantis"])
        c["permit_group"] = rnd.choice(["refugee", "resettlement", "humanitarian", "family", "collective", "other"])
        c["permit_date"] = f"{rnd.randint(2019, 2026)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        c["settlement_date"] = f"{rnd.randint(2019, 2027)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        c["age_at_permit"] = rnd.choice([17, 18, 30, 55, 57, 60, 61, 300])
        c["family_reference_recent"] = rnd.choice([True, False])
        c["in_introduction_programme"] = rnd.choice([True, False])
        c["sector_hit_by_crisis"] = rnd.choice([True, False])
        on = f"{rnd.randint(2020, 2026)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        out.append({"id": f"generated-{i}", "case": c, "on": on})
    return out


# Typed text the normalisation must judge alike in both Pythons (their Unicode versions differ).
HOSTILE_TEXT = ["Molde\u202e", "\u200b", "Mol\x00de", "Molde\r\nBcc: x", "Ale\u0301sund", "Barne\u00adpass", "\u2066x\u2069",
                "010199\u201312368", "01.01.99 123 68", "41019912351", "2026/12345", "Linje 1\u2028Linje 2", "ﬁne\u200d"]


def hostile_cases() -> list[dict]:
    """Every free-text field with each hostile text, on the first scenario's case."""
    base, on = rows()[0]["full_case"], rows()[0]["on"]
    fields = ("municipality", "participant_ref", "interpreter_language", "practical_needs")
    return [{"id": f"hostile-{f}-{i}", "case": {**base, f: t}, "on": on} for f in fields for i, t in enumerate(HOSTILE_TEXT)]


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    cases = [{"id": r["name"], "case": r["full_case"], "on": r["on"]} for r in rows()] + generated_cases() + hostile_cases()
    f = tmp_path_factory.mktemp("pyodide") / "cases.json"
    f.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["node", str(RUNNER), str(f)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return cases, json.loads(proc.stdout)


def test_runs_a_python_3_14_interpreter(pyodide_run):
    """The Pyodide run is the npm package's Python (3.14), not CPython."""
    _, out = pyodide_run
    assert out["python"].startswith("3.14")


def test_same_counties(pyodide_run):
    """Pyodide reads the same county files."""
    assert pyodide_run[1]["counties"] == list(all_counties())


def test_same_results_as_cpython(pyodide_run):
    """Every scenario and generated case gives the identical result in Pyodide and CPython."""
    cases, out = pyodide_run
    differing = []
    for c in cases:
        expected = json.loads(json.dumps(api.evaluate(c["case"], c["on"]), ensure_ascii=False))
        if out["results"][c["id"]] != expected:
            differing.append(c["id"])
    assert differing == []
    statuses = {(r.get("eligibility") or {}).get("status") for r in out["results"].values()}
    assert {"right_and_duty", "right_only", "assess_need", "not_covered", None} <= statuses


def test_scenarios_pass_inside_pyodide(pyodide_run):
    """The scenario table's expectations hold for the results computed inside Pyodide."""
    from tests.helpers.scenario_table import county_missing, problems

    _, out = pyodide_run
    failing = {r["name"]: problems(r, out["results"][r["name"]]) for r in rows() if not county_missing(r)}
    assert {k: v for k, v in failing.items() if v} == {}
