"""The benchmark's pure helpers (bench/stats.py, bench/run.py): no browser, nothing timed."""

from __future__ import annotations

from bench import stats
from bench.run import Ledger, MR_CASE, category


def test_summarize_median_min_max_and_drops_none():
    assert stats.summarize([3, 1, None, 2]) == {"n": 3, "median": 2.0, "min": 1.0, "max": 3.0}
    assert stats.summarize([]) == {"n": 0, "median": None, "min": None, "max": None}


def test_round_trips_pair_each_click_with_the_next_step():
    assert stats.round_trips([10, 30], [5, 12, 41, 50]) == [2, 11]
    assert stats.round_trips([60], [5, 12]) == []


def test_paired_ratios_skip_missing_runs():
    assert stats.paired_ratios([110, None, 90], [100, 100, 0]) == [1.1]


def test_bytes_are_split_by_category():
    led = Ledger()
    led.add("/pyodide/v314.0.7/pyodide.asm.wasm", 100)
    led.add("/guide/worker.mjs?v=abc", 10)
    led.add("/veiviser/", 5)
    led.add("/veiviser/", 1)
    snap = led.snapshot()
    assert (snap["total"], snap["pyodide"], snap["guide"], snap["other"]) == (116, 100, 10, 6)
    assert category("/bench-bare/worker.mjs") == "bench"


def _results(first=120.0, bare=1000.0, ready=1050.0, answer=12.0, ordinary_pyodide=0):
    one = lambda v: {"n": 5, "median": v, "min": v, "max": v}  # noqa: E731
    return {
        "metrics": {
            "guide_first_question_ms": one(first),
            "bare_ready_ms": one(bare),
            "guide_ready_ms": one(ready),
            "answer_round_trip_ms": one(answer),
        },
        "bytes": {
            "guide": {"total": 7_000_000, "pyodide": 6_400_000},
            "bare": {"total": 6_400_000},
            "ordinary": {"total": 120_000, "pyodide": ordinary_pyodide, "guide": 0},
        },
    }


def test_targets_are_judged_on_the_medians():
    rows = stats.evaluate(_results())
    assert all(r.ok is not False for r in rows)
    bad = {r.metric: r.ok for r in stats.evaluate(_results(first=400, ready=1200, answer=31, ordinary_pyodide=1))}
    assert bad["guide: first question usable (cold)"] is False
    assert bad["guide: engine ready (cold)"] is False
    assert bad["guide: answer → next step (median)"] is False
    assert bad["  of which Pyodide or guide files"] is False


def test_table_has_a_header_and_one_line_per_row():
    rows = stats.evaluate(_results())
    lines = stats.table(rows).splitlines()
    assert lines[0].split(" | ")[0].strip() == "metric"
    assert len(lines) == len(rows) + 2
    assert "1.05 ×" in stats.table(rows)


def test_the_case_answers_every_question_on_its_path():
    from guide_engine import api

    assert api.next_question(MR_CASE, "2026-11-23") is None
    assert api.validate(MR_CASE, "2026-11-23") == []
