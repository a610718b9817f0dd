"""The performance benchmark: the guide against the bare Pyodide runtime, in one Chromium session.

    .venv/bin/python -m bench [--site DIR] [--runs 5] [--warm 3] [--answers 60] [--json PATH]

Without --site it builds the site (`mkdocs build --strict`) into a temporary folder. It adds a
bare-runtime page (bench/bare/, only in that served folder, never in the published site), serves
the folder with site_build.serve's handler on 127.0.0.1 (port 0) and drives Debian's Chromium:

- cold runs (a new browser context each, so the HTTP cache is empty), alternating bare/guide:
  navigation → bare boot; navigation → first question usable; navigation → engine ready;
- warm runs (one reused context, by default a browser profile on disk as a returning user has one,
  --warm-profile: files come from the caches and the pages' service workers);
- answer round trips: a full Møre og Romsdal case answered again and again, click on "Neste" →
  next step rendered;
- bytes: what the server sent (headers + compressed bodies) for the guide until ready, the bare
  page, and an ordinary page (/lovgrunnlag/), split into Pyodide / guide files / the rest.

Prints a table (metric | measured | target | ok) and writes JSON (default bench/results/latest.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

from bench import stats
from bench.cpu import parse_cpu
from bench.trace import fmt_breakdown
from bench.link import PROFILES, Link, Profile, parse_profiles
from bench.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
READY_TIMEOUT_MS = 120_000

# The Møre og Romsdal case of tests/scenarios/scenarios.json (base "mr_refugee", with the planned
# session date of its fourth row): 15 questions. The two optional questions get an answer, because
# the guide cannot skip a blank optional question yet (guide.js drops the key, the engine then
# asks the same question again).
MR_CASE = {
    "county": "more-og-romsdal",
    "municipality": "Molde",
    "participant_ref": "AB-12",
    "permit_group": "refugee",
    "permit_date": "2026-08-01",
    "age_at_permit": 34,
    "settlement_date": "2026-10-01",
    "settled_by_agreement": True,
    "interpreter_needed": True,
    "interpreter_language": "tigrinja",
    "wants_adviser_present": True,
    "competence_mapping_done": True,
    "individual_plan_exists": True,
    "norwegian_plan_exists": False,
    "practical_needs": "Ingen",
    "planned_session_date": "2026-12-08",
}

COLLECT_JS = """() => {
  const marks = {};
  for (const m of performance.getEntriesByType("mark")) (marks[m.name] ||= []).push(m.startTime);
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = {};
  for (const p of performance.getEntriesByType("paint")) paint[p.name] = p.startTime;
  const g = window.__guide;
  const field = document.querySelector("#guide-step input, #guide-step select, #guide-step textarea");
  return {
    fieldTop: field ? Math.round(field.getBoundingClientRect().top + scrollY) : null,
    viewportHeight: innerHeight,
    serviceWorker: window.__bench ? window.__bench.serviceWorker : null,
    bench: window.__bench || null,
    bare: window.__bare || null,
    marks,
    paint,
    nav: nav ? { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive,
                 domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    engine: g ? { state: g.engine.state, bootMs: g.engine.bootMs ?? null, failure: g.engine.failure ?? null,
                  fromSnapshot: g.engine.fromSnapshot ?? null } : null,
  };
}"""


# ---- the server: site_build.serve's handler, counting the bytes it sends -----------------------


class Ledger:
    """Bytes sent per URL path (headers + bodies as on the wire), thread-safe."""

    def __init__(self):
        self._lock = threading.Lock()
        self._bytes: dict[str, int] = defaultdict(int)
        self._requests: dict[str, int] = defaultdict(int)

    def reset(self):
        with self._lock:
            self._bytes.clear()
            self._requests.clear()

    def add(self, path: str, n: int):
        with self._lock:
            self._bytes[path] += n

    def request(self, path: str):
        with self._lock:
            self._requests[path] += 1

    def snapshot(self) -> dict:
        with self._lock:
            files = dict(self._bytes)
            requests = sum(self._requests.values())
        out = {"total": 0, "pyodide": 0, "guide": 0, "bench": 0, "other": 0, "requests": requests}
        for path, n in files.items():
            out["total"] += n
            out[category(path)] += n
        out["files"] = dict(sorted(files.items(), key=lambda kv: -kv[1]))
        return out


def category(path: str) -> str:
    p = path.split("?")[0]
    if "/pyodide/" in p:
        return "pyodide"
    if p.startswith("/guide/"):
        return "guide"
    if p.startswith("/bench-bare/"):
        return "bench"
    return "other"


class _CountingWriter:
    def __init__(self, raw, handler, ledger: Ledger):
        self._raw, self._handler, self._ledger = raw, handler, ledger

    def write(self, data):
        n = self._raw.write(data)
        self._ledger.add(getattr(self._handler, "path", "?"), len(data) if n is None else n)
        return n

    def __getattr__(self, name):
        return getattr(self._raw, name)


class _LinkWriter:
    """The socket's writer behind the benchmark's bottleneck link (bench/link.py)."""

    def __init__(self, raw, holder: dict):
        self._raw, self._holder = raw, holder

    def write(self, data):
        self._holder["link"].send(self._raw.write, bytes(data))
        return len(data)

    def __getattr__(self, name):
        return getattr(self._raw, name)


def start_server(site: Path, ledger: Ledger, holder: dict | None = None):
    """site_build.serve's handler on 127.0.0.1, counting bytes, behind holder["link"] (changeable)."""
    from site_build.serve import Handler, Server

    holder = holder if holder is not None else {"link": Link(PROFILES["loopback"])}

    class CountingHandler(Handler):
        def setup(self):
            super().setup()
            self.wfile = _CountingWriter(_LinkWriter(self.wfile, holder), self, ledger)

        def send_head(self):
            ledger.request(self.path)
            holder["link"].round_trip()
            return super().send_head()

    class QuietServer(Server):
        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], ConnectionError):  # a closed page dropped a download
                super().handle_error(request, client_address)

    server = QuietServer(("127.0.0.1", 0), partial(CountingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---- the site ---------------------------------------------------------------------------------


def build_site(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")


def pyodide_dir(site: Path) -> str:
    dirs = sorted((site / "pyodide").glob("v*"))
    if not dirs:
        sys.exit(f"{site} has no pyodide/v*/ folder: is it a built site?")
    return f"pyodide/{dirs[-1].name}"


def install_bare_page(site: Path) -> None:
    """The bare-runtime page goes into the served (temporary) folder only."""
    out = site / "bench-bare"
    out.mkdir(exist_ok=True)
    html = (BENCH / "bare" / "index.html.in").read_text().replace("@PYODIDE_DIR@", pyodide_dir(site))
    (out / "index.html").write_text(html)
    for name in ("bare.js", "worker.mjs"):
        shutil.copyfile(BENCH / "bare" / name, out / name)


# ---- the machine: other work on it skews every figure, so each run records how idle it was -----


def _cpu_times() -> tuple[int, int]:
    f = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return f[3] + f[4], sum(f)  # idle + iowait, total


def cpu_idle(interval: float = 0.5) -> float | None:
    """Fraction of all cores idle over `interval` seconds (None where /proc/stat is missing)."""
    try:
        i0, t0 = _cpu_times()
        time.sleep(interval)
        i1, t1 = _cpu_times()
    except OSError:
        return None
    return round((i1 - i0) / max(1, t1 - t0), 2)


def wait_quiet(min_idle: float, max_wait: float) -> float | None:
    """Wait (at most max_wait s) until the CPUs are at least min_idle idle; return the last reading."""
    deadline = time.monotonic() + max_wait
    idle = cpu_idle()
    while idle is not None and idle < min_idle and time.monotonic() < deadline:
        idle = cpu_idle()
    return idle


# ---- the browser ------------------------------------------------------------------------------

GUIDE, BARE, ORDINARY = "veiviser/", "bench-bare/", "lovgrunnlag/"


def new_context(browser):
    ctx = browser.new_context()
    ctx.add_init_script(path=str(BENCH / "probe.js"))
    return ctx


WARM_PROFILES = ("disk", "memory")


def warm_context(playwright, browser, where: str):
    """The warm runs' context and what closes it. "disk": a browser profile in a folder, as a
    returning user's browser keeps its caches and service workers (a persistent context, in a
    Chromium of its own); "memory": a fresh context of the running browser, everything in memory
    like a private window (loopback, 2 cores: 0.2 s slower to ready than "disk", README)."""
    if where == "memory":
        ctx = new_context(browser)
        return ctx, ctx.close
    ctx, close = profile_on_disk(playwright.chromium)
    ctx.add_init_script(path=str(BENCH / "probe.js"))
    return ctx, close


def profile_on_disk(browser_type, **options):
    """A Chromium of its own with a new browser profile in a folder (its HTTP cache, service workers and
    cached compiled code kept on disk, as a returning user's browser keeps them) and what closes it and
    removes the folder. ``options``: Playwright's context options (locale, service_workers, …)."""
    folder = tempfile.mkdtemp(prefix="bench-profile-")
    ctx = browser_type.launch_persistent_context(folder, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, **options)

    def close():
        ctx.close()
        shutil.rmtree(folder, ignore_errors=True)

    return ctx, close


def load_until_ready(ctx, url: str, kind: str, ledger: Ledger, cpu: float = 1.0, workers: bool = False,
                     trace_browser=None) -> dict:
    """Navigate; wait until the bare runtime or the guide's engine is ready; collect the times.

    The page is slowed `cpu` times (bench/cpu.py) from before it navigates. The wait is for the
    probe's "bench:done" console message, so nothing is injected into the page while it loads. With
    `trace_browser`, a Chromium trace (bench/trace.py's categories) is recorded until then."""
    from bench.cpu import Throttle
    from bench.trace import CATEGORIES

    page = ctx.new_page()
    throttle = Throttle(ctx, page, cpu, workers=workers)
    ledger.reset()
    if trace_browser is not None:
        trace_browser.start_tracing(page=page, categories=CATEGORIES)
    t0 = time.perf_counter()
    with page.expect_console_message(lambda m: m.text.startswith("bench:done"), timeout=READY_TIMEOUT_MS):
        page.goto(url, wait_until="commit")
    wall = (time.perf_counter() - t0) * 1000
    raw_trace = trace_browser.stop_tracing() if trace_browser is not None else None
    if kind != "bare":  # the paint report comes from a PerformanceObserver: give it a moment
        try:
            page.wait_for_function("() => { const b = window.__bench; return b.firstQuestion === null || "
                                   "b.painted !== null || b.frameAfterUsable !== null; }", timeout=5_000)
        except Exception:  # noqa: BLE001 - then it is reported as missing
            pass
    data = page.evaluate(COLLECT_JS)
    data["bytes"] = ledger.snapshot()
    data["wall_ms"] = wall
    data["page"] = page
    data["url"] = page.url
    data["worker_throttling"] = throttle.worker_results
    if raw_trace is not None:
        data["trace"] = json.loads(raw_trace)
    return data


def bare_times(d: dict) -> dict:
    if not d["bare"] or "error" in d["bare"]:
        raise RuntimeError(f"bare runtime failed: {d['bare']}")
    return {"ready_ms": d["marks"]["bare:ready"][0], "worker_boot_ms": d["bare"]["bootMs"],
            "python": d["bare"].get("python")}


def painted(b: dict) -> float | None:
    """When the first question was painted usable: Element Timing, else the frame after it was usable."""
    return b.get("painted") if b.get("painted") is not None else b.get("frameAfterUsable")


def guide_times(d: dict) -> dict:
    b, marks = d["bench"], d["marks"]
    if d["engine"] and d["engine"]["state"] != "ready":
        raise RuntimeError(f"guide engine failed: {d['engine']}")
    first_mark = (marks.get("guide:first-question") or [None])[0]
    ready_mark = (marks.get("guide:engine-ready") or [None])[0]
    return {
        # performance.mark in guide.js when present, else the probe's MutationObserver.
        "first_question_ms": first_mark if first_mark is not None else b["firstQuestion"],
        "ready_ms": ready_mark if ready_mark is not None else b["engineReady"],
        "first_question_probe_ms": b["firstQuestion"],
        # Seen from outside the page: the question's label and "Neste" painted once usable (probe.js).
        "first_question_painted_ms": painted(b),
        "paint_source": "element-timing" if b.get("painted") is not None else
        ("frame after usable" if b.get("frameAfterUsable") is not None else None),
        "paint_on_screen": b.get("paintOnScreen"),
        "field_top_px": d.get("fieldTop"),
        "ready_probe_ms": b["engineReady"],
        "worker_boot_ms": d["engine"]["bootMs"],
        "first_contentful_paint_ms": d["paint"].get("first-contentful-paint"),
        "dom_content_loaded_ms": d["nav"]["domContentLoaded"] if d["nav"] else None,
        "source": "performance.mark" if first_mark is not None and ready_mark is not None else "MutationObserver",
    }


def fill(page, qid: str, value) -> None:
    if page.query_selector(f"input[type='radio'][name='q-{qid}']"):
        if value is None:
            value = False
        page.check(f"input[name='q-{qid}'][value='{json.dumps(value)}']")
    elif page.query_selector(f"select#q-{qid}"):
        page.select_option(f"select#q-{qid}", json.dumps(value) if value is not None else "")
    else:
        page.fill(f"#q-{qid}", "" if value is None else str(value))


def answer_round_trips(ctx, base: str, want: int, ledger: Ledger) -> dict:
    """Answer the Møre og Romsdal case until `want` answers are timed (restart after each review)."""
    d = load_until_ready(ctx, base + GUIDE, "guide", ledger)
    page = d.pop("page")
    passes = 0
    answered = 0
    while answered < want:
        passes += 1
        for _ in range(40):
            page.wait_for_selector("#guide-step, #guide-review", state="attached")
            if page.query_selector("#guide-review"):
                break
            qid = page.get_attribute("#guide-step", "data-question")
            fill(page, qid, MR_CASE.get(qid))
            page.click("#guide-next")
            page.wait_for_selector(f"#guide-review, #guide-step:not([data-question='{qid}'])", state="attached",
                                   timeout=15_000)
            answered += 1
        else:
            raise RuntimeError("the case never reached the review")
        page.evaluate("() => window.__guide.guide.restart()")
    b = page.evaluate("() => window.__bench")
    marks = page.evaluate("() => performance.getEntriesByName('guide:step-rendered').map((m) => m.startTime)")
    page.close()
    # guide.js's performance.mark at the end of showQuestion/showReview when present, else the probe.
    steps = marks if marks else [s["t"] for s in b["steps"]]
    trips = stats.round_trips(b["clicks"], steps)
    return {"passes": passes, "answers": len(trips), "round_trips_ms": [round(t, 2) for t in trips],
            "source": "performance.mark" if marks else "MutationObserver"}


def machine_info(browser) -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_bytes": mem,
        "os": platform.platform(),
        "chromium": browser.version,
        "python": platform.python_version(),
        "loadavg_start": os.getloadavg(),
    }


def git_info() -> dict:
    def git(*a):
        try:
            return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except Exception:  # noqa: BLE001 - not a git checkout: fine
            return ""
    return {"commit": git("rev-parse", "--short", "HEAD"), "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}


def _times(kind: str, d: dict) -> dict:
    t = bare_times(d) if kind == "bare" else guide_times(d)
    # What the page does before its worker starts booting (the worker's own clock starts at t0).
    t["before_worker_ms"] = t["ready_ms"] - t["worker_boot_ms"]
    t["bytes"] = {k: v for k, v in d["bytes"].items() if k != "files"}
    return t


def group(path: str) -> str:
    """A finer split of the bytes: the file groups of the guide's boot."""
    p = path.split("?")[0]
    name = p.rsplit("/", 1)[-1]
    if name == "pyodide.asm.wasm":
        return "wasm"
    if name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide-lock.json"):
        return "pyodide js"
    if name in ("python_stdlib.zip", "stdlib.zip"):
        return "stdlib"
    if name == "engine.snap":
        return "snapshot"
    if name.endswith(".whl"):
        return "wheel"
    if p.startswith("/guide/") or p.startswith("/bench-bare/"):
        return "guide js/css"
    return "page and theme"


def groups(files: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for path, n in files.items():
        out[group(path)] += n
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def think_session(ctx, base: str, url: str, think_s: float, ledger: Ledger) -> dict:
    """Answer the Møre og Romsdal case as a user would: `think_s` seconds on each question, from the
    moment the first question is usable; the user waits from each click on "Neste" until the next
    step is drawn (whatever the page does meanwhile)."""
    page = ctx.new_page()
    ledger.reset()
    page.goto(base + url, wait_until="commit")
    page.wait_for_function("() => window.__bench && window.__bench.firstQuestion !== null", timeout=READY_TIMEOUT_MS)
    answered = 0
    for _ in range(40):
        page.wait_for_timeout(think_s * 1000)
        if page.query_selector("#guide-review") or page.query_selector("#guide[data-state='failed']"):
            break
        qid = page.get_attribute("#guide-step", "data-question")
        fill(page, qid, MR_CASE.get(qid))
        page.click("#guide-next")
        page.wait_for_selector(f"#guide-review, #guide-step:not([data-question='{qid}']), #guide[data-state='failed']",
                               state="attached", timeout=READY_TIMEOUT_MS)
        answered += 1
    b = page.evaluate("() => window.__bench")
    page.close()
    waits = stats.round_trips(b["clicks"], [s["t"] for s in b["steps"]])
    return {"answers": answered, "first_question_ms": b["firstQuestion"], "engine_ready_ms": b["engineReady"],
            "failed": b["failed"] is not None, "waits_ms": [round(w, 1) for w in waits],
            "total_wait_ms": round(sum(waits), 1), "think_s": think_s}


def _trace_summary(d: dict, name: str, trace_dir: Path) -> dict:
    """The trace of one run read into breakdowns (bench/trace.py); the raw trace is kept, gzip'd."""
    import gzip

    from bench.trace import page_breakdown

    events = d["trace"]["traceEvents"] if isinstance(d["trace"], dict) else d["trace"]
    trace_dir.mkdir(parents=True, exist_ok=True)
    raw = trace_dir / f"{name}.json.gz"
    raw.write_bytes(gzip.compress(json.dumps(d["trace"]).encode()))
    try:
        t = guide_times(d)
    except RuntimeError as e:
        return {"failed": str(e), "file": str(raw)}
    painted_ms = t["first_question_painted_ms"]
    return {
        "file": str(raw),
        "first_question_painted_ms": painted_ms,
        "ready_ms": t["ready_ms"],
        "worker_boot_ms": t["worker_boot_ms"],
        "from_snapshot": (d.get("engine") or {}).get("fromSnapshot"),
        "until_first_question": page_breakdown(events, d["url"], painted_ms),
        "until_ready": page_breakdown(events, d["url"], t["ready_ms"]),
    }


def trace_cell(browser, kinds, measure, prime, quiet, cpu: float, key: str, warm: bool, trace_dir: Path) -> dict:
    """One traced cold run of the guide; with warm runs, one traced warm run of the guide and of
    each snapshot variant (after a priming visit in the same context). Not counted in the medians:
    tracing slows the page."""
    out = {}
    quiet()
    ctx = new_context(browser)
    out["cold guide"] = _trace_summary(measure(ctx, "guide", cpu, trace_browser=browser), f"{key}-cold-guide",
                                       trace_dir)
    ctx.close()
    if warm:
        for kind in [k for k in ("guide", "nosnap", "snap") if k in kinds]:
            ctx = new_context(browser)
            prime(ctx, kind, cpu)
            quiet()
            out[f"warm {kind}"] = _trace_summary(measure(ctx, kind, cpu, trace_browser=browser), f"{key}-warm-{kind}",
                                                 trace_dir)
            ctx.close()
    for name, tr in out.items():
        b = tr.get("until_first_question")
        print(f"  trace {name}: painted {tr.get('first_question_painted_ms')} ms, ready {tr.get('ready_ms')} ms"
              + ("" if not b else f", main thread busy {b['main']['busy_ms']:.0f} ms before the first question"),
              file=sys.stderr, flush=True)
    return out


def _profile_summary(cold: dict, warm_runs: dict, bytes_: dict, failures: dict) -> dict:
    def col(rows, key):
        return [r[key] for r in rows if r.get(key) is not None]

    out = {}
    for kind in cold:
        out[kind] = {
            "ready_ms": stats.summarize(col(cold[kind], "ready_ms")),
            "ready_warm_ms": stats.summarize(col(warm_runs.get(kind, []), "ready_ms")),
            "first_question_ms": stats.summarize(col(cold[kind], "first_question_ms")),
            "first_question_painted_ms": stats.summarize(col(cold[kind], "first_question_painted_ms")),
            "first_question_painted_warm_ms": stats.summarize(col(warm_runs.get(kind, []),
                                                                   "first_question_painted_ms")),
            "paint_on_screen": [r.get("paint_on_screen") for r in cold[kind] if kind != "bare"],
            "from_snapshot": [r.get("from_snapshot") for r in cold[kind]],
            "failures": failures.get(kind, []),
            "bytes": bytes_.get(kind),
        }
        if kind != "bare":
            out[kind]["ready_ratio_paired"] = stats.summarize(
                stats.paired_ratios(col(cold[kind], "ready_ms"), col(cold["bare"], "ready_ms")), 3)
    return out


def run(site: Path, runs: int, warm: int, answers: int, min_idle: float = 0.0, max_wait: float = 0.0,
        experiments: list[str] | None = None, profiles: list[Profile] | None = None,
        think: float = 4.0, think_runs: int = 1, think_profiles: list[Profile] | None = None,
        guide_runs: int = 0, cpus: list[float] | None = None, trace: bool = False,
        variants: tuple[str, ...] = ("nosnap", "snap"), trace_dir: Path | None = None,
        warm_profile: str = "disk") -> dict:
    from playwright.sync_api import sync_playwright

    from bench import experiments as ex

    from bench.cpu import matrix, worker_throttling

    profiles = profiles or [PROFILES["loopback"]]
    cells = matrix(profiles, cpus or [1.0])
    install_bare_page(site)
    urls = {"bare": BARE, "guide": GUIDE}
    variant_facts = {}
    for name in (*variants, *(experiments or [])):
        url, facts = getattr(ex, name)(site)
        urls[name] = url
        variant_facts[name] = facts
    kinds = list(urls)
    ledger = Ledger()
    holder = {"link": Link(profiles[0])}
    server, base = start_server(site, ledger, holder)
    per_profile: dict[str, dict] = {}
    first: dict | None = None
    trips = None
    bytes_ordinary = None
    sessions: dict[str, list] = {}

    workers = {"supported": False}

    def measure(ctx, kind, cpu, trace_browser=None):
        d = load_until_ready(ctx, base + urls[kind], "bare" if kind == "bare" else "guide", ledger, cpu,
                             workers["supported"], trace_browser)
        d.pop("page").close()
        return d

    def prime(ctx, kind, cpu):
        """A first visit before the warm runs; the guide's own page also hands over to its service
        worker (registered once the engine is ready), as a user's second visit would find it."""
        d = load_until_ready(ctx, base + urls[kind], "bare" if kind == "bare" else "guide", ledger, cpu,
                             workers["supported"])
        page = d.pop("page")
        if kind == "guide":
            try:
                page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
            except Exception as e:  # noqa: BLE001 - measured without it, and said so
                print(f"  the guide's service worker did not take over: {e}", file=sys.stderr, flush=True)
        page.close()

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            machine = machine_info(browser)
            workers.update(worker_throttling(browser, base + BARE))
            print(f"worker CPU throttling: {workers}", file=sys.stderr, flush=True)
            for cell in cells:
                prof, cpu = cell.profile, cell.cpu
                holder["link"] = Link(prof)
                cold = {k: [] for k in kinds}
                warm_runs = {k: [] for k in kinds}
                bytes_: dict[str, dict] = {}
                failures: dict[str, list] = defaultdict(list)
                print(f"link {cell.label}:", file=sys.stderr, flush=True)

                def one(ctx, kind, i, label, into):
                    idle = wait_quiet(min_idle, max_wait)
                    d = measure(ctx, kind, cpu)
                    try:
                        t = _times(kind, d)
                    except RuntimeError as e:  # a failed boot is a result on a slow link, not a crash
                        failures[kind].append(str(e))
                        print(f"  {label} {kind:8} run {i + 1}: FAILED {e}", file=sys.stderr, flush=True)
                        return None
                    t["cpu_idle_before"] = idle
                    t["from_snapshot"] = (d.get("engine") or {}).get("fromSnapshot")
                    t["service_worker"] = d.get("serviceWorker")
                    t["cpu"] = cpu
                    into[kind].append(t)
                    fqp = t.get("first_question_painted_ms")
                    print(f"  {label} {kind:8} run {i + 1}: ready {t['ready_ms']:7.0f} ms"
                          + (f", first question {t['first_question_ms']:5.0f} ms" if kind != "bare" else "")
                          + (f", painted {fqp:5.0f} ms" if fqp is not None else "")
                          + (" (snapshot)" if t["from_snapshot"] else "")
                          + (" (service worker)" if t["service_worker"] else "")
                          + f" (cpu idle before: {idle})", file=sys.stderr, flush=True)
                    return d

                # Cold: a fresh context (empty HTTP cache) per run; the order rotates every run.
                for i in range(runs):
                    for kind in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:
                        ctx = new_context(browser)
                        d = one(ctx, kind, i, "cold", cold)
                        ctx.close()
                        if d is not None and kind not in bytes_:
                            bytes_[kind] = {**{k: v for k, v in d["bytes"].items() if k != "files"},
                                            "groups": groups(d["bytes"]["files"])}
                # Extra cold runs of the guide alone (e.g. "no failure in 10 cold runs").
                for i in range(runs, max(runs, guide_runs)):
                    ctx = new_context(browser)
                    one(ctx, "guide", i, "cold", cold)
                    ctx.close()
                # Warm: one context, primed once; files now come from the caches.
                if warm:
                    ctx, close = warm_context(p, browser, warm_profile)
                    for kind in kinds:
                        prime(ctx, kind, cpu)
                    for i in range(warm):
                        for kind in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:
                            one(ctx, kind, i, "warm", warm_runs)
                    close()
                traces = {}
                if trace:
                    traces = trace_cell(browser, kinds, measure, prime, partial(wait_quiet, min_idle, max_wait),
                                        cpu, cell.key.replace("@", "-"), warm > 0,
                                        trace_dir or BENCH / "results" / "traces")
                summary = _profile_summary(cold, warm_runs, bytes_, failures)
                per_profile[cell.key] = {"label": cell.label, "profile": prof.name, "cpu": cpu, "mbit": prof.mbit,
                                         "rtt_ms": prof.rtt_ms, "kinds": summary, "trace": traces}
                if first is None:
                    first = {"cold": cold, "warm": warm_runs, "bytes": bytes_}
                if prof.name == "loopback" and answers and cell is cells[0]:
                    wait_quiet(min_idle, max_wait)
                    ctx = new_context(browser)
                    trips = answer_round_trips(ctx, base, answers, ledger)
                    ctx.close()
                    print(f"  answers: {trips['answers']} round trips", file=sys.stderr, flush=True)
                    ctx = new_context(browser)
                    page = ctx.new_page()
                    ledger.reset()
                    page.goto(base + ORDINARY, wait_until="networkidle")
                    page.wait_for_timeout(500)
                    bytes_ordinary = ledger.snapshot()
                    ctx.close()
                if think_profiles and prof in think_profiles and cpu == cells[0].cpu:
                    for i in range(think_runs):
                        ctx = new_context(browser)
                        s = think_session(ctx, base, GUIDE, think, ledger)
                        ctx.close()
                        sessions.setdefault(prof.name, []).append(s)
                        print(f"  think {think:g} s, session {i + 1}: waited {s['total_wait_ms']:.0f} ms in all "
                              f"over {s['answers']} answers{' (FAILED)' if s['failed'] else ''}",
                              file=sys.stderr, flush=True)
                    per_profile[cell.key]["think"] = {
                        "think_s": think,
                        "total_wait_ms": stats.summarize([s["total_wait_ms"] for s in sessions[prof.name]]),
                        "failed": sum(s["failed"] for s in sessions[prof.name]),
                        "sessions": sessions[prof.name],
                    }
            browser.close()
    finally:
        server.shutdown()
    machine["loadavg_end"] = os.getloadavg()

    def col(rows, key):
        return [r[key] for r in rows]

    cold, warm_runs, bytes_ = first["cold"], first["warm"], first["bytes"]
    trips = trips or {"round_trips_ms": [], "answers": 0, "passes": 0, "source": None}
    metrics = {
        "bare_ready_ms": stats.summarize(col(cold["bare"], "ready_ms")),
        "bare_worker_boot_ms": stats.summarize(col(cold["bare"], "worker_boot_ms")),
        "bare_before_worker_ms": stats.summarize(col(cold["bare"], "before_worker_ms")),
        "guide_first_question_ms": stats.summarize(col(cold["guide"], "first_question_ms")),
        "guide_first_question_painted_ms": stats.summarize(col(cold["guide"], "first_question_painted_ms")),
        "guide_ready_ms": stats.summarize(col(cold["guide"], "ready_ms")),
        "guide_worker_boot_ms": stats.summarize(col(cold["guide"], "worker_boot_ms")),
        "guide_before_worker_ms": stats.summarize(col(cold["guide"], "before_worker_ms")),
        "guide_first_contentful_paint_ms": stats.summarize(col(cold["guide"], "first_contentful_paint_ms")),
        "bare_ready_warm_ms": stats.summarize(col(warm_runs["bare"], "ready_ms")),
        "guide_ready_warm_ms": stats.summarize(col(warm_runs["guide"], "ready_ms")),
        "guide_first_question_warm_ms": stats.summarize(col(warm_runs["guide"], "first_question_ms")),
        "guide_ready_ratio_paired": stats.summarize(
            stats.paired_ratios(col(cold["guide"], "ready_ms"), col(cold["bare"], "ready_ms")), 3),
        "answer_round_trip_ms": stats.summarize(trips["round_trips_ms"]),
        "answer_round_trip_after_first_ms": stats.summarize(trips["round_trips_ms"][1:]),
        "first_answer_ms": stats.summarize(trips["round_trips_ms"][:1]),
    }
    exp = {}
    for name in variant_facts:
        exp[name] = {
            **variant_facts[name],
            "ready_ms": stats.summarize(col(cold[name], "ready_ms")),
            "ready_warm_ms": stats.summarize(col(warm_runs[name], "ready_ms")),
            "ready_ratio_paired": stats.summarize(
                stats.paired_ratios(col(cold[name], "ready_ms"), col(cold["bare"], "ready_ms")), 3),
            "first_question_ms": stats.summarize(col(cold[name], "first_question_ms")),
            "worker_boot_ms": stats.summarize(col(cold[name], "worker_boot_ms")),
            "before_worker_ms": stats.summarize(col(cold[name], "before_worker_ms")),
            "bytes": (bytes_.get(name) or {"total": None}),
        }
    empty = {"total": 0, "pyodide": 0, "guide": 0}
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "pyodide": pyodide_dir(site).split("/v")[-1],
        "python_in_pyodide": cold["bare"][0].get("python") if cold["bare"] else None,
        "git": git_info(),
        "runs": {"cold": runs, "warm": warm, "warm_profile": warm_profile, "min_idle": min_idle, "max_wait_s": max_wait,
                 "profiles": [p.name for p in profiles], "cpu": cpus or [1.0],
                 "guide_runs": guide_runs, "trace": trace, "variants": list(variants)},
        "worker_cpu_throttling": workers,
        # Whether the build's HTML already holds the first question (plain HTML, enhanced later).
        "first_question_in_html": 'id="guide-step"' in (site / "veiviser" / "index.html").read_text(),
        "cpu_idle_before_runs": stats.summarize(
            [r["cpu_idle_before"] for rs in cold.values() for r in rs if r.get("cpu_idle_before") is not None], 2),
        "targets": {"first_question_ms": stats.FIRST_QUESTION_MS, "ready_ratio": stats.READY_RATIO,
                    "answer_ms": stats.ANSWER_MS, "ordinary_pyodide_bytes": 0},
        "metrics": metrics,
        "experiments": exp,
        "bytes": {"guide": bytes_.get("guide", empty), "bare": bytes_.get("bare", empty),
                  "ordinary": bytes_ordinary or empty},
        "profile_of_metrics": profiles[0].name,
        "profiles": per_profile,
        "cold": cold,
        "warm": warm_runs,
        "answers": trips,
        "timing_source": cold["guide"][0]["source"] if cold["guide"] else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    ap.add_argument("--runs", type=int, default=5, help="cold runs of each page per link profile (default 5)")
    ap.add_argument("--warm", type=int, default=3, help="warm-cache runs of each page (default 3; 0: none)")
    ap.add_argument("--answers", type=int, default=60, help="answers to time on loopback, at least (default 60)")
    ap.add_argument("--profiles", default="loopback",
                    help=f"link profiles, comma-separated or all: {', '.join(PROFILES)} (default loopback)")
    ap.add_argument("--guide-runs", type=int, default=0,
                    help="cold runs of the guide alone per profile, at least (to count failures; default 0)")
    ap.add_argument("--think", type=float, default=4.0, help="think time per answer in the user session (s)")
    ap.add_argument("--think-runs", type=int, default=1, help="user sessions per think profile (default 1)")
    ap.add_argument("--think-profiles", default="",
                    help="profiles on which to time a user session with think time (default: none)")
    ap.add_argument("--min-idle", type=float, default=0.6,
                    help="before each run wait until this fraction of the CPUs is idle (default 0.6)")
    ap.add_argument("--max-wait", type=float, default=30.0, help="… but at most this many seconds (default 30)")
    ap.add_argument("--experiments", default="",
                    help="comma-separated variants of the guide to measure too: modulepreload, preload, nosearch, all")
    ap.add_argument("--cpu", default="1",
                    help="CPU slow-downs of the page's main thread, comma-separated (default 1; e.g. 1,4)")
    ap.add_argument("--trace", action="store_true",
                    help="per link × CPU: one traced cold run (and warm runs with --warm) read into a breakdown; "
                         "the raw traces go to traces/ next to the JSON")
    ap.add_argument("--variants", default="nosnap,snap",
                    help="snapshot variants measured next to the guide (default nosnap,snap; '' for none)")
    ap.add_argument("--warm-profile", choices=WARM_PROFILES, default="disk",
                    help="where the warm runs' browser keeps its caches: disk (a returning user's profile; "
                         "default) or memory (a private window)")
    ap.add_argument("--json", type=Path, default=BENCH / "results" / "latest.json")
    args = ap.parse_args(argv)
    try:
        profiles = parse_profiles(args.profiles)
        think_profiles = parse_profiles(args.think_profiles) if args.think_profiles else []
        cpus = parse_cpu(args.cpu)
        variants = tuple(v.strip() for v in args.variants.split(",") if v.strip())
        if set(variants) - {"nosnap", "snap"}:
            raise ValueError(f"unknown variant(s) {', '.join(set(variants) - {'nosnap', 'snap'})}: nosnap, snap")
    except ValueError as e:
        ap.error(str(e))
    profiles += [p for p in think_profiles if p not in profiles]

    tmp = None
    if args.site:
        site = args.site.resolve()
    else:
        tmp = Path(tempfile.mkdtemp(prefix="bench-site-"))
        print(f"building the site into {tmp} …", file=sys.stderr, flush=True)
        build_site(tmp)
        site = tmp
    try:
        exps = [e.strip() for e in args.experiments.split(",") if e.strip()]
        if exps == ["all"]:
            from bench.experiments import NAMES

            exps = list(NAMES)
        results = run(site, args.runs, args.warm, args.answers, args.min_idle, args.max_wait, exps,
                      profiles, args.think, args.think_runs, think_profiles, args.guide_runs, cpus, args.trace,
                      variants, args.json.parent / "traces", args.warm_profile)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        elif args.site:  # leave the given site as it was
            shutil.rmtree(site / "bench-bare", ignore_errors=True)
            for extra in site.glob("veiviser-*"):
                shutil.rmtree(extra, ignore_errors=True)
    rows = stats.evaluate(results)
    results["table"] = [dict(zip(["metric", "measured", "target", "ok"], r.cells())) for r in rows]
    prows = stats.evaluate_profiles(results)
    results["profile_table"] = [dict(zip(["metric", "measured", "target", "ok"], r.cells())) for r in prows]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    m = results["machine"]
    print(f"\nKarriereveiledning § 11 — guide vs bare Pyodide {results['pyodide']} — {results['date']}")
    print(f"{m['cores']} cores ({m['cpu']}), Chromium {m['chromium']}, commit {results['git']['commit']}"
          f"{' (dirty)' if results['git']['dirty'] else ''}; load average {m['loadavg_start'][0]:.1f} → "
          f"{m['loadavg_end'][0]:.1f}, CPU idle before runs (median) {results['cpu_idle_before_runs']['median']}\n")
    print(f"link: {profiles[0].label}")
    print(stats.table(rows))
    if prows:
        print("\nlink profiles")
        print(stats.table(prows))
    print(f"\nlink × CPU (medians, min–max, N; worker CPU throttled: "
          f"{'yes' if results['worker_cpu_throttling']['supported'] else 'no — the page main thread only'})")
    print(stats.grid(stats.CPU_HEAD, stats.cpu_rows(results)))
    for prof in results["profiles"].values():
        for name, tr in (prof.get("trace") or {}).items():
            print(f"\ntrace, {prof['label']}, {name} (one run; painted {tr.get('first_question_painted_ms')} ms, "
                  f"ready {tr.get('ready_ms')} ms, snapshot: {tr.get('from_snapshot')})")
            if name.startswith("cold"):
                print(fmt_breakdown(tr.get("until_first_question")))
            print("  until engine ready:")
            print(fmt_breakdown(tr.get("until_ready")))
    print(f"\nJSON: {args.json}")
    return 0 if all(r.ok is not False for r in rows + prows) and not stats.cpu_failed(results) else 1


if __name__ == "__main__":
    sys.exit(main())
