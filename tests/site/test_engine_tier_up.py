"""After a snapshot restore the worker waits for V8 to optimise Python's interpreter
(guide_ui/engine/tier-up.js): its rule with a stand-in runtime, and the effect it waits for in the
site's own Pyodide under Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIER_UP = ROOT / "guide_ui" / "engine" / "tier-up.js"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")


def run_node(script: str, tmp_path: Path) -> dict:
    f = tmp_path / "run.mjs"
    f.write_text(script, encoding="utf-8")
    proc = subprocess.run(["node", str(f)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fake_runtime(times_ms: list[float], fail: bool = False) -> str:
    """A stand-in for Pyodide whose probe takes the given times in turn (the last one from then on)."""
    return f"""
const times = {json.dumps(times_ms)};
let calls = 0, destroyed = false;
const busy = (ms) => {{ const end = performance.now() + ms; while (performance.now() < end); }};
const probe = () => busy(times[Math.min(calls++, times.length - 1)]);
probe.destroy = () => {{ destroyed = true; }};
const py = {{
  runPython() {{ if ({json.dumps(fail)}) throw new Error("no Python"); }},
  globals: {{ get: () => probe }},
}};
"""


def test_it_stops_once_a_call_takes_at_most_the_ratio_of_the_first(tmp_path):
    """The optimised code is in use once a probe takes at most RATIO of the first one: no more probes after that."""
    out = run_node(fake_runtime([10, 9, 8, 3, 3, 3]) + f"""
const {{ tierUp }} = await import({json.dumps(TIER_UP.as_uri())});
const t = await tierUp(py, {{ ratio: 0.6, capProbes: 100, capMs: [5000, 5000] }});
console.log(JSON.stringify({{ ...t, calls, destroyed }}));
""", tmp_path)
    assert out["probes"] == 4 and out["calls"] == 4
    assert out["last"] <= 0.6 * out["first"]
    assert out["destroyed"] is True


def test_a_runtime_already_optimised_is_waited_for_only_up_to_the_cap(tmp_path):
    """Probes that never get faster end at the cap (CAP_PROBES × the first probe, within CAP_MS)."""
    out = run_node(fake_runtime([5]) + f"""
const {{ tierUp }} = await import({json.dumps(TIER_UP.as_uri())});
const t = await tierUp(py, {{ ratio: 0.6, capProbes: 20, capMs: [60, 1000] }});
console.log(JSON.stringify({{ ...t, calls }}));
""", tmp_path)
    assert 100 <= out["ms"] < 400  # 20 × 5 ms, then one more probe at most, and the event loop's turns
    assert out["probes"] > 3


def test_a_failing_runtime_is_never_fatal(tmp_path):
    """If Python cannot run the probe, tierUp still resolves (the engine's own calls report real faults)."""
    out = run_node(fake_runtime([5], fail=True) + f"""
const {{ tierUp }} = await import({json.dumps(TIER_UP.as_uri())});
console.info = () => {{}};
const t = await tierUp(py);
console.log(JSON.stringify({{ ...t, calls }}));
""", tmp_path)
    assert out["probes"] == 0 and out["calls"] == 0


@pytest.mark.pyodide
def test_after_a_restore_the_interpreter_gets_faster_and_an_ordinary_boot_starts_fast(built_site, tmp_path):
    """The cause it waits for is real: after a restore from the build's snapshot the first probe is slower than
    after an ordinary boot (whose start-up ran enough Python to be optimised), then drops to at most RATIO of it."""
    index = next((built_site / "pyodide").glob("v*"))
    guide = built_site / "guide"
    script = f"""
import {{ readFileSync }} from "node:fs";
const {{ loadPyodide }} = await import({json.dumps((index / "pyodide.mjs").as_uri())});
const {{ tierUp, RATIO }} = await import({json.dumps(TIER_UP.as_uri())});
const options = {{ indexURL: {json.dumps(str(index) + "/")}, fullStdLib: false, stdLibURL: {json.dumps(str(guide / "stdlib.zip"))} }};
const restored = await loadPyodide({{ ...options, _loadSnapshot: new Uint8Array(readFileSync({json.dumps(str(guide / "engine.snap"))})) }});
const r = await tierUp(restored, {{ capMs: [10000, 10000] }});
const ordinary = await loadPyodide(options);
const o = await tierUp(ordinary, {{ capMs: [1, 1] }});
console.log(JSON.stringify({{ restored: r, ordinary: o, ratio: RATIO }}));
"""
    out = run_node(script, tmp_path)
    r, o = out["restored"], out["ordinary"]
    assert r["last"] <= out["ratio"] * r["first"], r
    assert o["probes"] == 1
    assert o["first"] < r["first"], (o, r)
