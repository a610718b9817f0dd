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


# ---- link profiles (bench/link.py) -------------------------------------------------------------

import pytest  # noqa: E402

from bench.link import PROFILES, Link, parse_profiles  # noqa: E402
from bench.run import group  # noqa: E402


def test_profiles_parse_in_order_and_reject_unknown_names():
    assert [p.name for p in parse_profiles("10mbit,loopback")] == ["10mbit", "loopback"]
    assert [p.name for p in parse_profiles("all")] == list(PROFILES)
    assert {"loopback", "50mbit", "10mbit", "4mbit", "1.6mbit"} <= set(PROFILES)
    with pytest.raises(ValueError, match="9mbit"):
        parse_profiles("loopback,9mbit")


class FakeClock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t

    def sleep(self, s):
        self.t += s


def test_the_link_sends_at_its_bandwidth_and_shares_it():
    """1 Mbit/s = 125 000 bytes/s: 250 kB take 2 s, and a second sender queues behind the first."""
    clock = FakeClock()
    link = Link(PROFILES["loopback"].__class__("t", 1, 100), clock=clock, sleep=clock.sleep)
    sent = []
    link.send(sent.append, b"x" * 250_000)
    assert sum(map(len, sent)) == 250_000
    assert clock.t == pytest.approx(2.0, rel=1e-6)
    assert link.reserve(125_000) == pytest.approx(3.0, rel=1e-6)  # booked after what is queued
    link.round_trip()
    assert clock.t == pytest.approx(2.1, rel=1e-6)


def test_loopback_has_no_limit():
    clock = FakeClock()
    link = Link(PROFILES["loopback"], clock=clock, sleep=clock.sleep)
    out = []
    link.send(out.append, b"y" * 10_000_000)
    link.round_trip()
    assert clock.t == 0 and len(out[0]) == 10_000_000


def test_bytes_are_grouped_by_runtime_file():
    assert group("/pyodide/v314.0.7/pyodide.asm.wasm") == "wasm"
    assert group("/guide/stdlib.zip?v=1") == group("/pyodide/v1/python_stdlib.zip") == "stdlib"
    assert group("/guide/engine.snap?v=2") == "snapshot"
    assert group("/guide/guide_engine-0.1.0-py3-none-any.whl?v=3") == "wheel"
    assert group("/veiviser/") == "page and theme"


def test_profile_targets_are_judged():
    one = lambda v: {"n": 3, "median": v, "min": v, "max": v}  # noqa: E731

    def kind(ready, first=200, failures=(), total=4_000_000):
        return {"ready_ms": one(ready), "ready_warm_ms": one(None) | {"n": 0}, "first_question_ms": one(first),
                "failures": list(failures), "from_snapshot": [False], "bytes": {"total": total, "groups": {}}}

    results = {"profiles": {"10mbit": {"label": "10 Mbit/s, 40 ms", "kinds": {
        "bare": kind(10_000), "guide": kind(9_000, first=1200, total=6_000_000), "nosnap": kind(8_000)}}}}
    rows = {r.metric: r.ok for r in stats.evaluate_profiles(results)}
    assert rows["10 Mbit/s, 40 ms: guide engine ready (cold)"] is False  # slower than the ordinary boot
    assert rows["10 Mbit/s, 40 ms: guide ready / bare boot"] is False  # 0.9 > 0.6
    assert rows["10 Mbit/s, 40 ms: first question usable"] is False
    assert rows["10 Mbit/s, 40 ms: bytes until ready, guide"] is False
    good = {"1.6mbit": {"label": "1.6", "kinds": {"bare": kind(30_000), "guide": kind(20_000), "nosnap": kind(20_000)},
                        "think": {"think_s": 4, "total_wait_ms": one(4000), "failed": 0}}}
    assert all(r.ok is not False for r in stats.evaluate_profiles({"profiles": good}))
    good["1.6mbit"]["kinds"]["guide"]["failures"] = ["timeout"]
    assert any(r.ok is False for r in stats.evaluate_profiles({"profiles": good}))
