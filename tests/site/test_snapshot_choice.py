"""The worker's snapshot choice (guide_ui/engine/snapshot-choice.js, protocol.js) on a repeat visit: files a
service worker answered tell nothing of the link, so a slow device's first bytes never cost it the snapshot."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "guide_ui" / "engine"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

BASE = "https://example.test/pyodide/v1/"


def run_node(script: str, tmp_path: Path):
    f = tmp_path / "run.mjs"
    f.write_text(script, encoding="utf-8")
    proc = subprocess.run(["node", str(f)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def choice(entries: dict, page_first_byte_ms, tmp_path: Path):
    """useSnapshot with these Resource Timing entries (by file name) and the page's first byte."""
    return run_node(f"""
globalThis.self = globalThis;
const entries = {json.dumps(entries)};
globalThis.performance.getEntriesByName = (url) => {{
  const e = entries[url.split("/").pop()];
  return e ? [e] : [];
}};
const {{ useSnapshot }} = await import({json.dumps((ENGINE / "snapshot-choice.js").as_uri())});
const downloads = {{ expected: (k) => ({{ "pyodide.asm.wasm": 2_500_000, "engine.snap": 3_400_000 }})[k], get: () => null }};
const use = await useSnapshot(downloads, "{BASE}engine.snap", "{BASE}pyodide.asm.wasm", {json.dumps(page_first_byte_ms)});
console.log(JSON.stringify(use));
""", tmp_path)


def entry(first_byte_ms: float, worker: bool, cached: bool = False) -> dict:
    return {"requestStart": 100, "startTime": 90, "responseStart": 100 + first_byte_ms, "responseEnd": 130 + first_byte_ms,
            "transferSize": 0 if cached else 300, "decodedBodySize": 1000, "workerStart": 95 if worker else 0}


def test_files_from_the_service_worker_take_the_snapshot_if_it_is_cached(tmp_path):
    """Every file answered by the service worker, slowly (a busy device): the choice is "if-cached", not the ordinary boot."""
    files = {name: entry(40, worker=True) for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")}
    assert choice(files, None, tmp_path) == "if-cached"


def test_a_slow_first_byte_from_the_network_still_means_a_distant_server(tmp_path):
    """The same slow first bytes from the network: the server is not local, so the ordinary boot."""
    files = {name: entry(40, worker=False) for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")}
    assert choice(files, 40, tmp_path) is False


def test_the_page_answered_by_its_service_worker_reports_no_first_byte(tmp_path):
    """startMessage leaves out the page's first byte when a service worker answered the navigation."""
    def start(worker: bool):
        nav = {"requestStart": 10, "responseStart": 60, "workerStart": 5 if worker else 0}
        return run_node(f"""
globalThis.performance.getEntriesByType = () => [{json.dumps(nav)}];
const {{ startMessage }} = await import({json.dumps((ENGINE / "protocol.js").as_uri())});
console.log(JSON.stringify(startMessage({{ pyodide: "p", wheel: "w", snapshot: "s" }}).pageFirstByteMs));
""", tmp_path)
    assert start(worker=True) is None
    assert start(worker=False) == 50
