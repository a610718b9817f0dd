"""The performance benchmark: the guide against the bare Pyodide runtime, in one Chromium session.

    .venv/bin/python -m bench [--site DIR] [--runs 5] [--warm 3] [--answers 60] [--json PATH]

Without --site it builds the site (`mkdocs build --strict`) into a temporary folder. It adds a
bare-runtime page (bench/bare/, only in that served folder, never in the published site), serves
the folder with site_build.serve's handler on 127.0.0.1 (port 0) and drives Debian's Chromium:

- cold runs (a new browser context each, so the HTTP cache is empty), alternating bare/guide:
  navigation → bare boot; navigation → first question usable; navigation → engine ready;
- warm runs (one reused context: files come from the HTTP cache);
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
from site_build.chromium import CHROMIUM, CHROMIUM_ARGS

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
  return {
    bench: window.__bench || null,
    bare: window.__bare || null,
    marks,
    paint,
    nav: nav ? { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive,
                 domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    engine: g ? { state: g.engine.state, bootMs: g.engine.bootMs ?? null, failure: g.engine.failure ?? null } : null,
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


def start_server(site: Path, ledger: Ledger):
    from site_build.serve import Handler, Server

    class CountingHandler(Handler):
        def setup(self):
            super().setup()
            self.wfile = _CountingWriter(self.wfile, self, ledger)

        def send_head(self):
            ledger.request(self.path)
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


def load_until_ready(ctx, url: str, kind: str, ledger: Ledger) -> dict:
    """Navigate; wait until the bare runtime or the guide's engine is ready; collect the times."""
    page = ctx.new_page()
    ledger.reset()
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    sel = "html[data-state='ready'], html[data-state='failed']" if kind == "bare" else \
        "#guide[data-state='ready'], #guide[data-state='failed']"
    page.wait_for_selector(sel, state="attached", timeout=READY_TIMEOUT_MS)
    wall = (time.perf_counter() - t0) * 1000
    data = page.evaluate(COLLECT_JS)
    data["bytes"] = ledger.snapshot()
    data["wall_ms"] = wall
    data["page"] = page
    return data


def bare_times(d: dict) -> dict:
    if not d["bare"] or "error" in d["bare"]:
        raise RuntimeError(f"bare runtime failed: {d['bare']}")
    return {"ready_ms": d["marks"]["bare:ready"][0], "worker_boot_ms": d["bare"]["bootMs"],
            "python": d["bare"].get("python")}


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


def run(site: Path, runs: int, warm: int, answers: int, min_idle: float = 0.0, max_wait: float = 0.0,
        experiments: list[str] | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    install_bare_page(site)
    urls = {"bare": BARE, "guide": GUIDE}
    variant_facts = {}
    if experiments:
        from bench import experiments as ex

        for name, (url, facts) in ex.install(site, experiments).items():
            urls[name] = url
            variant_facts[name] = facts
    kinds = list(urls)
    ledger = Ledger()
    server, base = start_server(site, ledger)
    cold = {k: [] for k in kinds}
    warm_runs = {k: [] for k in kinds}
    bytes_ = {}

    def measure(ctx, kind):
        d = load_until_ready(ctx, base + urls[kind], "bare" if kind == "bare" else "guide", ledger)
        d.pop("page").close()
        return d

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            machine = machine_info(browser)
            # Cold: a fresh context (empty HTTP cache) per run; the order rotates every run.
            for i in range(runs):
                order = kinds[i % len(kinds):] + kinds[:i % len(kinds)]
                for kind in order:
                    idle = wait_quiet(min_idle, max_wait)
                    ctx = new_context(browser)
                    d = measure(ctx, kind)
                    ctx.close()
                    t = _times(kind, d)
                    t["cpu_idle_before"] = idle
                    cold[kind].append(t)
                    if i == 0:
                        bytes_[kind] = d["bytes"]
                    print(f"  cold {kind:8} run {i + 1}/{runs}: ready {t['ready_ms']:7.0f} ms"
                          + (f", first question {t['first_question_ms']:5.0f} ms" if kind != "bare" else "")
                          + f" (cpu idle before: {idle})", file=sys.stderr, flush=True)
            # Warm: one context, primed once; files now come from the HTTP cache.
            if warm:
                ctx = new_context(browser)
                for kind in kinds:
                    measure(ctx, kind)
                for i in range(warm):
                    for kind in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:
                        idle = wait_quiet(min_idle, max_wait)
                        t = _times(kind, measure(ctx, kind))
                        t["cpu_idle_before"] = idle
                        warm_runs[kind].append(t)
                        print(f"  warm {kind:8} run {i + 1}/{warm}: ready {t['ready_ms']:7.0f} ms (cpu idle before: {idle})",
                              file=sys.stderr, flush=True)
                ctx.close()
            # Answers.
            wait_quiet(min_idle, max_wait)
            ctx = new_context(browser)
            trips = answer_round_trips(ctx, base, answers, ledger)
            ctx.close()
            print(f"  answers: {trips['answers']} round trips", file=sys.stderr, flush=True)
            # An ordinary page, cold.
            ctx = new_context(browser)
            page = ctx.new_page()
            ledger.reset()
            page.goto(base + ORDINARY, wait_until="networkidle")
            page.wait_for_timeout(500)
            bytes_["ordinary"] = ledger.snapshot()
            ctx.close()
            browser.close()
    finally:
        server.shutdown()
    machine["loadavg_end"] = os.getloadavg()

    def col(rows, key):
        return [r[key] for r in rows]

    metrics = {
        "bare_ready_ms": stats.summarize(col(cold["bare"], "ready_ms")),
        "bare_worker_boot_ms": stats.summarize(col(cold["bare"], "worker_boot_ms")),
        "bare_before_worker_ms": stats.summarize(col(cold["bare"], "before_worker_ms")),
        "guide_first_question_ms": stats.summarize(col(cold["guide"], "first_question_ms")),
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
            "bytes": {k: v for k, v in bytes_[name].items() if k != "files"},
        }
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "pyodide": pyodide_dir(site).split("/v")[-1],
        "python_in_pyodide": cold["bare"][0].get("python") if cold["bare"] else None,
        "git": git_info(),
        "runs": {"cold": runs, "warm": warm, "min_idle": min_idle, "max_wait_s": max_wait},
        "cpu_idle_before_runs": stats.summarize(
            [r["cpu_idle_before"] for rs in cold.values() for r in rs if r.get("cpu_idle_before") is not None], 2),
        "targets": {"first_question_ms": stats.FIRST_QUESTION_MS, "ready_ratio": stats.READY_RATIO,
                    "answer_ms": stats.ANSWER_MS, "ordinary_pyodide_bytes": 0},
        "metrics": metrics,
        "experiments": exp,
        "bytes": {k: bytes_[k] for k in ("guide", "bare", "ordinary")},
        "cold": cold,
        "warm": warm_runs,
        "answers": trips,
        "timing_source": cold["guide"][0]["source"] if cold["guide"] else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    ap.add_argument("--runs", type=int, default=5, help="cold runs of each page (default 5)")
    ap.add_argument("--warm", type=int, default=3, help="warm-cache runs of each page (default 3; 0: none)")
    ap.add_argument("--answers", type=int, default=60, help="answers to time, at least (default 60)")
    ap.add_argument("--min-idle", type=float, default=0.6,
                    help="before each run wait until this fraction of the CPUs is idle (default 0.6)")
    ap.add_argument("--max-wait", type=float, default=30.0, help="… but at most this many seconds (default 30)")
    ap.add_argument("--experiments", default="",
                    help="comma-separated variants of the guide to measure too: modulepreload, preload, nosearch, all")
    ap.add_argument("--json", type=Path, default=BENCH / "results" / "latest.json")
    args = ap.parse_args(argv)

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
        results = run(site, args.runs, args.warm, args.answers, args.min_idle, args.max_wait, exps)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        elif args.site:  # leave the given site as it was
            shutil.rmtree(site / "bench-bare", ignore_errors=True)
            for extra in site.glob("veiviser-*"):
                shutil.rmtree(extra, ignore_errors=True)
    rows = stats.evaluate(results)
    results["table"] = [dict(zip(["metric", "measured", "target", "ok"], r.cells())) for r in rows]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    m = results["machine"]
    print(f"\nKarriereveiledning § 11 — guide vs bare Pyodide {results['pyodide']} — {results['date']}")
    print(f"{m['cores']} cores ({m['cpu']}), Chromium {m['chromium']}, commit {results['git']['commit']}"
          f"{' (dirty)' if results['git']['dirty'] else ''}; load average {m['loadavg_start'][0]:.1f} → "
          f"{m['loadavg_end'][0]:.1f}, CPU idle before runs (median) {results['cpu_idle_before_runs']['median']}\n")
    print(stats.table(rows))
    print(f"\nJSON: {args.json}")
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
