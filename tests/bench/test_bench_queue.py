"""The queue benchmark runs and reports (a small CLI run, the tiering and returning-visitor rows in Chromium; the rest of the browser part is exercised by the page tests)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

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


@pytest.mark.browser
def test_tiering_times_each_list_after_each_boot(browser, built_site, tmp_path):
    """--tiering: after a snapshot restore and after an ordinary boot, the warm-up list and each timed list, on pages that really boot so."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, copy_function=os.link)  # the boot variants are written into it
    [run] = bench_queue.tiering_runs(site, runs=1, rows=12, lists=2, warm_rows=6, browser=browser)
    for boot in ("snapshot", "ordinary"):
        assert run[boot]["warm_ms"] > 0 and len(run[boot]["lists_ms"]) == 2 and all(ms > 0 for ms in run[boot]["lists_ms"])


@pytest.mark.browser
def test_returning_visitor_row_meets_the_cached_compiled_code(browser, built_site, tmp_path):
    """--returning: a profile on disk per boot, two visits before; each boot's visit really boots so, and its wasm module comes from Chromium's code cache."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, copy_function=os.link)
    [run] = bench_queue.returning_runs(site, runs=1, rows=12, browser=browser)
    for boot in ("snapshot", "ordinary"):
        assert run[boot]["engine_ms"] > 0 and run[boot]["code_from_cache"] is True, (boot, run[boot])
        assert run[boot]["optimised"] >= 0


@pytest.mark.browser
def test_a_first_visit_has_no_cached_compiled_code(browser, built_site, tmp_path):
    """The returning row's cache check can fail: a profile with no visit before compiles the wasm afresh."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, copy_function=os.link)
    [run] = bench_queue.returning_runs(site, runs=1, rows=12, visits_before=0, browser=browser)
    assert run["snapshot"]["code_from_cache"] is False and run["ordinary"]["code_from_cache"] is False
