"""The queue benchmark runs and reports (a small CLI run; the browser part is exercised by the page tests)."""

from __future__ import annotations

import json

from bench import queue as bench_queue
from guide_engine import queue


def test_bench_sheet_is_a_valid_queue():
    r = queue.evaluate(bench_queue.sheet(60), bench_queue.ON, 6)
    assert r["row_errors"] == [] and r["counts"]["rows"] == 60 and r["capacity"]["per_week"] == 6


def test_cli_measurement_writes_json(tmp_path):
    out = tmp_path / "q.json"
    assert bench_queue.main(["--no-browser", "--runs", "1", "--cli-rows", "40", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["cli"]["rows"] == 40 and data["cli"]["runs"][0]["export_lines"] == 41
    assert data["cli"]["median_ms"] > 0 and len(data["load_average_before"]) == 3
