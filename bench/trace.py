"""A Chromium trace read into a breakdown of where a thread's time went (pure: no browser, no I/O).

The benchmark records one trace per link × CPU cell (`python -m bench --trace`) with the categories
below; `breakdown` then takes the page's main thread (the renderer thread on which the page's
`navigationStart` was recorded) from navigation start to a given time (the first question
painted) and sums each event's *self* time (its duration minus that of the events nested in it)
into kinds of work: parse/compile, script evaluation (split by script URL), style, layout, paint,
HTML parsing, garbage collection, other work in tasks. The time in no task is `idle` (the thread
waited: for the network, for a worker, for the next frame).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "disabled-by-default-devtools.timeline.frame",
    "v8.execute",
    "v8",
    "v8.wasm",
    "blink.user_timing",
    "loading",
    "toplevel",
]

# Kinds of work, in the order they are printed.
KINDS = ("parse/compile", "script", "style", "layout", "paint", "html", "gc", "wasm compile", "other")

_STYLE = {"UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "StyleRecalc"}
_LAYOUT = {"Layout", "UpdateLayerTree", "IntersectionObserverController::computeIntersections",
           "ComputeIntersections"}
_PAINT = {"Paint", "PrePaint", "Layerize", "UpdateLayer", "Commit", "CompositeLayers", "PaintImage",
          "Decode Image", "ImageDecodeTask", "RasterTask", "PaintSetup"}
_SCRIPT = {"EvaluateScript", "v8.evaluateModule", "FunctionCall", "v8.callFunction", "v8.run",
           "RunMicrotasks", "TimerFire", "EventDispatch", "FireAnimationFrame", "FireIdleCallback",
           "HandlePostMessage", "v8.newInstance", "v8.callModuleMethod", "XHRReadyStateChange", "XHRLoad"}
_COMPILE_PREFIXES = ("v8.compile", "v8.parse", "v8.produce", "v8.deserialize", "cachescript", "v8.compilemodule")


def kind_of(name: str) -> str:
    """The kind of work an event's self time counts as."""
    low = name.lower()
    if name in ("MinorGC", "MajorGC") or low.startswith(("v8.gc", "blinkgc", "cppgc")):
        return "gc"
    if low.startswith(("wasm.", "v8.wasm")):
        return "wasm compile"
    if low.startswith(_COMPILE_PREFIXES) or (low.startswith("v8.") and any(
            w in low for w in ("compile", "parse", "maglev", "turbofan", "baseline", "optimiz"))):
        return "parse/compile"
    if name in _STYLE:
        return "style"
    if name in _LAYOUT:
        return "layout"
    if name in _PAINT:
        return "paint"
    if name == "ParseHTML":
        return "html"
    if name in _SCRIPT or low.startswith("v8."):
        return "script"
    return "other"


MODULES = "module:"  # v8.evaluateModule names no URL: the page's module scripts (guide.js and its imports)


def script_url(event: dict) -> str | None:
    """The script an event names (EvaluateScript, v8.compile, FunctionCall, v8.run …), if any."""
    args = event.get("args") or {}
    data = args.get("data") or {}
    return data.get("url") or args.get("fileName") or None


def label_url(url: str | None) -> str:
    """A short name for a script URL: the theme's bundle, its search worker, the guide's files, the page."""
    if not url:
        return "(no script URL)"
    if url == MODULES:
        return "module scripts (no URL in trace)"
    path = url.split("?")[0]
    if "://" in path:
        path = "/" + path.split("://", 1)[1].split("/", 1)[-1]
    name = path.rsplit("/", 1)[-1]
    if name == "probe.js":
        return "bench probe.js"
    if "/assets/javascripts/workers/search" in path:
        return "theme search worker"
    if "/assets/javascripts/bundle" in path:
        return "theme bundle"
    if "/assets/javascripts/" in path:
        return f"theme {name}"
    if path.startswith("/guide/"):
        return f"guide/{name}"
    if "/pyodide/" in path:
        return f"pyodide/{name}"
    if path.endswith("/") or path.endswith(".html"):
        return "page (inline scripts)"
    return path


def _complete_events(events: Iterable[dict], pid, tid) -> list[dict]:
    """The thread's complete ("X") events and B/E pairs as complete events, sorted for nesting."""
    out, open_ = [], defaultdict(list)
    for e in events:
        if e.get("pid") != pid or e.get("tid") != tid:
            continue
        ph = e.get("ph")
        if ph == "X" and e.get("dur") is not None:
            out.append(e)
        elif ph == "B":
            open_[e["name"]].append(e)
        elif ph == "E" and open_[e.get("name")]:
            b = open_[e["name"]].pop()
            out.append({**b, "ph": "X", "dur": e["ts"] - b["ts"]})
    out.sort(key=lambda e: (e["ts"], -e["dur"]))
    return out


def self_times(events: list[dict], start: float, end: float) -> list[tuple[dict, float, str | None]]:
    """(event, self time in µs within [start, end], its script URL) for nested complete events.

    An event's URL is its own, else its nearest ancestor's; an EvaluateScript without one gets the
    URL of the first event nested in it that names one (its v8.compile or v8.run); a module's
    evaluation (v8.evaluateModule) names none and counts as MODULES."""
    roots: list[dict] = []
    stack: list[dict] = []
    for e in events:
        node = {"e": e, "end": e["ts"] + e["dur"], "children": []}
        while stack and stack[-1]["end"] <= e["ts"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(node)
        stack.append(node)

    def clip(a, b):
        return max(0.0, min(b, end) - max(a, start))

    def first_url(node):
        u = script_url(node["e"])
        if u:
            return u
        for c in node["children"]:
            u = first_url(c)
            if u:
                return u
        return None

    out = []

    def walk(node, inherited):
        e = node["e"]
        url = script_url(e) or inherited
        if not url and e["name"] == "EvaluateScript":
            url = first_url(node)  # its v8.compile / v8.run names the script
        if not url and e["name"] == "v8.evaluateModule":
            url = MODULES
        own = clip(e["ts"], node["end"]) - sum(clip(c["e"]["ts"], c["end"]) for c in node["children"])
        out.append((e, max(0.0, own), url))
        for c in node["children"]:
            walk(c, url)

    for r in roots:
        walk(r, None)
    return out


def tasks(events: list[dict], pid, tid, start_us: float, end_us: float, min_ms: float = 8.0) -> list[dict]:
    """The thread's long top-level tasks in the window, in order: start and length (ms after
    `start_us`) and the four largest kinds of work in each (script split by URL), e.g.
    `{"at_ms": 835.4, "ms": 364.6, "top": {"layout": 156.0, "style": 74.0, …}}`."""
    evs = _complete_events(events, pid, tid)
    out, end_of_last = [], float("-inf")
    for e in evs:
        if e["ts"] < end_of_last or e["ts"] < start_us:
            continue  # nested in the task before, or before the window
        end_of_last = e["ts"] + e["dur"]
        if e["ts"] > end_us:
            break
        if e["dur"] < min_ms * 1000:
            continue
        inner: dict[str, float] = defaultdict(float)
        for x, own, url in self_times([y for y in evs if e["ts"] <= y["ts"] < end_of_last], e["ts"], end_of_last):
            k = kind_of(x["name"])
            inner[f"{k}: {label_url(url)}" if k in ("script", "parse/compile") else k] += own
        out.append({"at_ms": round((e["ts"] - start_us) / 1000, 1), "ms": round(e["dur"] / 1000, 1),
                    "top": _top(inner, 4)})
    return out


def thread_names(events: Iterable[dict]) -> dict[tuple, str]:
    return {(e["pid"], e["tid"]): e["args"]["name"] for e in events
            if e.get("ph") == "M" and e.get("name") == "thread_name"}


def navigation(events: list[dict], url: str) -> tuple | None:
    """(pid, tid, ts) of the page's navigationStart for `url` (the page's main thread), if recorded."""
    for e in sorted(events, key=lambda e: e.get("ts", 0)):
        if e.get("name") == "navigationStart" and \
                ((e.get("args") or {}).get("data") or {}).get("documentLoaderURL") == url:
            return e["pid"], e["tid"], e["ts"]
    return None


def breakdown(events: list[dict], pid, tid, start_us: float, end_us: float) -> dict:
    """Where one thread's time went between two trace timestamps (µs): ms per kind, script ms per URL."""
    kinds: dict[str, float] = defaultdict(float)
    first = None
    scripts: dict[str, float] = defaultdict(float)
    other: dict[str, float] = defaultdict(float)
    for e, own, url in self_times(_complete_events(events, pid, tid), start_us, end_us):
        if own <= 0:
            continue
        first = e["ts"] if first is None else min(first, e["ts"])
        k = kind_of(e["name"])
        kinds[k] += own
        if k == "other":
            other[e["name"]] += own
        if k in ("script", "parse/compile"):
            scripts[f"{label_url(url)} ({k})"] += own
    window = (end_us - start_us) / 1000
    busy = sum(kinds.values()) / 1000
    return {
        "window_ms": round(window, 1),
        "busy_ms": round(busy, 1),
        "idle_ms": round(max(0.0, window - busy), 1),
        # When the thread first ran in the window (a worker: about when it started).
        "first_task_ms": None if first is None else round(max(0.0, first - start_us) / 1000, 1),
        "kinds_ms": {k: round(kinds[k] / 1000, 1) for k in KINDS if kinds.get(k)},
        "scripts_ms": _top(scripts),
        "other_ms": _top(other, 5),  # what "other" was: task overhead, IPC ("Receive mojo message"), …
    }


def _top(times: dict[str, float], n: int | None = None) -> dict[str, float]:
    """µs → ms, largest first, those of at least 0.5 ms (the first n)."""
    items = [(k, round(v / 1000, 1)) for k, v in sorted(times.items(), key=lambda kv: -kv[1]) if v >= 500]
    return dict(items[:n])


def page_breakdown(events: list[dict], url: str, until_ms: float | None) -> dict | None:
    """The page's main thread from navigation start to `until_ms` (ms after it), plus every other
    thread of the page's renderer that ran script (its workers) over the same window."""
    nav = navigation(events, url)
    if nav is None or until_ms is None:
        return None
    pid, tid, t0 = nav
    t1 = t0 + until_ms * 1000
    names = thread_names(events)
    out = {"until_ms": round(until_ms, 1), "main": breakdown(events, pid, tid, t0, t1), "threads": {},
           "main_tasks": tasks(events, pid, tid, t0, t1),
           "requests": [r for r in requests(events, pid, t0) if r["start_ms"] <= until_ms]}
    for (p, t), name in sorted(names.items()):
        if p != pid or t == tid or "Worker thread" not in name:
            continue
        b = breakdown(events, p, t, t0, t1)
        if b["busy_ms"] >= 1:
            first = next((script_url(e) for e in _complete_events(events, p, t) if script_url(e)), None)
            out["threads"][f"{name} {t}: {label_url(first)}"] = b
    return out


def requests(events: Iterable[dict], pid, start_us: float) -> list[dict]:
    """The renderer's requests (ResourceSendRequest → ResourceFinish): file, start and end in ms
    after `start_us`, bytes; in the order sent. On a warm visit: how long the files took to come."""
    sent, done = {}, {}
    for e in events:
        if e.get("pid") != pid or e.get("name") not in ("ResourceSendRequest", "ResourceFinish"):
            continue
        d = (e.get("args") or {}).get("data") or {}
        if e["name"] == "ResourceSendRequest" and d.get("url"):
            sent.setdefault(d.get("requestId"), (e["ts"], d["url"]))
        elif e["name"] == "ResourceFinish":
            done.setdefault(d.get("requestId"), (e["ts"], d.get("encodedDataLength")))
    out = []
    for rid, (ts, url) in sorted(sent.items(), key=lambda kv: kv[1][0]):
        end = done.get(rid)
        out.append({"file": url.split("?")[0].rsplit("/", 2)[-2] + "/" + url.split("?")[0].rsplit("/", 1)[-1],
                    "start_ms": round((ts - start_us) / 1000, 1),
                    "end_ms": None if end is None else round((end[0] - start_us) / 1000, 1),
                    "bytes": None if end is None else end[1]})
    return out


def fmt_breakdown(b: dict | None) -> str:
    """One line per kind, then the scripts, e.g. for the printed report."""
    if not b:
        return "  (no trace)"
    m = b["main"]
    lines = [f"  main thread, navigation → {b['until_ms']:.0f} ms: busy {m['busy_ms']:.0f} ms, "
             f"idle {m['idle_ms']:.0f} ms"]
    lines += [f"    {k:14} {v:7.1f} ms" for k, v in m["kinds_ms"].items()]
    lines += [f"      {u:44} {v:7.1f} ms" for u, v in m["scripts_ms"].items()]
    lines.append("    long tasks (at, length: largest parts):")
    lines += [f"      {t['at_ms']:7.0f} ms +{t['ms']:5.0f} ms: "
              + ", ".join(f"{k} {v:.0f}" for k, v in t["top"].items()) for t in b.get("main_tasks", [])]
    for name, t in b["threads"].items():
        lines.append(f"  {name}: from {t['first_task_ms']:.0f} ms, busy {t['busy_ms']:.0f} ms ("
                     + ", ".join(f"{k} {v:.0f}" for k, v in t["kinds_ms"].items()) + ")")
    return "\n".join(lines)
