"""bench/trace.py: a Chromium trace read into where the main thread's time went (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import trace

FIXTURE = Path(__file__).parent / "fixtures" / "trace-loopback-1x.json"
URL = "http://127.0.0.1:8000/veiviser/"


def _x(name, ts, dur, url=None, tid=1):
    return {"name": name, "ph": "X", "ts": ts, "dur": dur, "pid": 1, "tid": tid,
            "args": {"data": {"url": url}} if url else {}}


def _synthetic():
    """Navigation at 1000 µs; nested events whose self times are known by hand."""
    return [
        {"name": "thread_name", "ph": "M", "pid": 1, "tid": 1, "args": {"name": "CrRendererMain"}},
        {"name": "thread_name", "ph": "M", "pid": 1, "tid": 2, "args": {"name": "DedicatedWorker thread"}},
        {"name": "navigationStart", "ph": "R", "ts": 1000, "pid": 1, "tid": 1,
         "args": {"data": {"documentLoaderURL": URL}}},
        _x("RunTask", 1000, 10_000),  # 10 ms task: 2 ms of its own
        _x("EvaluateScript", 1000, 6_000),  # no URL of its own: gets its v8.compile's
        _x("v8.compile", 1000, 2_000, url="http://127.0.0.1:8000/assets/javascripts/bundle.abc.min.js"),
        _x("UpdateLayoutTree", 7000, 1_000),
        _x("Layout", 8000, 1_000),
        _x("v8.evaluateModule", 20_000, 4_000),  # a module: no URL in the trace
        _x("Paint", 30_000, 5_000),  # 2.5 ms of it before the window's end (32 500 µs)
        _x("FunctionCall", 5000, 3_000, url="http://127.0.0.1:8000/guide/worker.mjs", tid=2),  # starts at 4 ms
    ]


def test_self_times_and_kinds_add_up_within_the_window():
    b = trace.page_breakdown(_synthetic(), URL, 31.5)  # until 1000 + 31 500 µs
    m = b["main"]
    assert m["kinds_ms"] == {"parse/compile": 2.0, "script": 8.0, "style": 1.0, "layout": 1.0, "paint": 2.5,
                             "other": 2.0}
    assert m["busy_ms"] == pytest.approx(16.5) and m["idle_ms"] == pytest.approx(15.0)
    assert m["scripts_ms"] == {"theme bundle (script)": 4.0, "module scripts (no URL in trace) (script)": 4.0,
                               "theme bundle (parse/compile)": 2.0}
    assert m["other_ms"] == {"RunTask": 2.0}
    (name, worker), = b["threads"].items()
    assert "guide/worker.mjs" in name and worker["kinds_ms"] == {"script": 3.0} and worker["first_task_ms"] == 4.0


def test_no_navigation_or_no_end_means_no_breakdown():
    assert trace.page_breakdown(_synthetic(), "http://elsewhere/", 10) is None
    assert trace.page_breakdown(_synthetic(), URL, None) is None


def test_begin_end_pairs_count_like_complete_events():
    ev = [{"name": "navigationStart", "ph": "R", "ts": 0, "pid": 1, "tid": 1,
           "args": {"data": {"documentLoaderURL": URL}}},
          {"name": "Layout", "ph": "B", "ts": 100, "pid": 1, "tid": 1},
          {"name": "Layout", "ph": "E", "ts": 2100, "pid": 1, "tid": 1}]
    assert trace.page_breakdown(ev, URL, 5)["main"]["kinds_ms"] == {"layout": 2.0}


@pytest.mark.parametrize("name, kind", [
    ("V8.CompileCode", "parse/compile"), ("v8.compileModule", "parse/compile"), ("V8.ParseProgram", "parse/compile"),
    ("MinorGC", "gc"), ("V8.GC_SCAVENGER", "gc"), ("wasm.CompileLazy", "wasm compile"),
    ("UpdateLayoutTree", "style"), ("Layout", "layout"), ("PrePaint", "paint"), ("ParseHTML", "html"),
    ("FunctionCall", "script"), ("V8.StackGuard", "script"), ("Receive mojo message", "other"),
])
def test_event_names_map_to_kinds(name, kind):
    assert trace.kind_of(name) == kind


def test_urls_get_short_names():
    assert trace.label_url("http://h/assets/javascripts/bundle.f1.min.js") == "theme bundle"
    assert trace.label_url("http://h/assets/javascripts/workers/search.a7.min.js") == "theme search worker"
    assert trace.label_url("http://h/guide/guide.js?v=1") == "guide/guide.js"
    assert trace.label_url("http://h/veiviser/") == "page (inline scripts)"
    assert trace.label_url(None) == "(no script URL)"


def test_a_recorded_trace_reads_into_a_consistent_breakdown():
    """A real trace (loopback, 1× CPU, cold; events under 0.3 ms dropped) until the first question painted."""
    events = json.loads(FIXTURE.read_text())["traceEvents"]
    b = trace.page_breakdown(events, URL, 284)
    m = b["main"]
    assert m["window_ms"] == 284
    assert sum(m["kinds_ms"].values()) == pytest.approx(m["busy_ms"], abs=0.5)
    assert m["busy_ms"] + m["idle_ms"] == pytest.approx(284, abs=0.5)
    assert 200 < m["busy_ms"] < 284  # a busy main thread before the first question
    assert m["scripts_ms"]["module scripts (no URL in trace) (script)"] > 30  # the guide's modules
    assert "theme bundle (script)" in m["scripts_ms"]
    assert list(b["threads"]) == ["DedicatedWorker thread 3603: guide/worker.mjs"]  # the engine, off the main thread
    shorter = trace.page_breakdown(events, URL, 100)["main"]
    assert shorter["busy_ms"] < m["busy_ms"]


def test_requests_are_paired_by_id_and_timed_from_navigation():
    def ev(name, ts, **data):
        return {"name": name, "ph": "I", "ts": ts, "pid": 1, "tid": 1, "args": {"data": data}}
    events = [ev("ResourceSendRequest", 2000, requestId="a", url="http://h/guide/engine.snap?v=1"),
              ev("ResourceSendRequest", 1500, requestId="b", url="http://h/pyodide/v1/pyodide.asm.wasm"),
              ev("ResourceFinish", 9000, requestId="a", encodedDataLength=3_000_000),
              {**ev("ResourceSendRequest", 1000, requestId="c", url="http://h/other/x.js"), "pid": 2}]
    assert trace.requests(events, 1, 1000) == [
        {"file": "v1/pyodide.asm.wasm", "start_ms": 0.5, "end_ms": None, "bytes": None},
        {"file": "guide/engine.snap", "start_ms": 1.0, "end_ms": 8.0, "bytes": 3_000_000}]


def test_long_tasks_are_listed_in_order_with_their_parts():
    t = trace.tasks(_synthetic(), 1, 1, 1000, 32_500, min_ms=4)
    assert t == [{"at_ms": 0.0, "ms": 10.0, "top": {"script: theme bundle": 4.0, "parse/compile: theme bundle": 2.0,
                                                     "other": 2.0, "style": 1.0}},
                 {"at_ms": 19.0, "ms": 4.0, "top": {"script: module scripts (no URL in trace)": 4.0}},
                 {"at_ms": 29.0, "ms": 5.0, "top": {"paint": 5.0}}]  # a task is shown whole
    assert trace.tasks(_synthetic(), 1, 1, 1000, 32_500, min_ms=20) == []
