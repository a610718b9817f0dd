"""Two built sites side by side: cold guide loads, alternating A and B, on one link profile.

    .venv/bin/python -m bench.ab SITE_A SITE_B [--profile loopback] [--runs 12] [--cpu 1]

Each site is served by its own server behind its own copy of the link (bench/link.py); the runs
alternate (A B, then B A, …) in one Chromium, each in a new context with service workers blocked,
after the CPUs are idle again, so a drift in the machine's load falls on both alike, the page's
main thread slowed --cpu times (bench/cpu.py). Prints for each site the median engine-ready and
first-question times (the guide's own performance marks) and when the first question was painted
(bench/probe.js, as `python -m bench` times it).
Use it to compare a change with the build before it, e.g. a site built from an older commit.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from bench.cpu import Throttle
from bench.link import PROFILES, Link
from bench.run import BENCH, Ledger, painted, start_server, wait_quiet

MARKS = "() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))"


def compare(sites: dict[str, Path], profile: str, runs: int, min_idle: float = 0.9, browser=None,
            cpu: float = 1) -> dict[str, list[dict]]:
    """Each site's runs; `browser`: a Playwright browser to use (default: Debian's Chromium, started here)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                return compare(sites, profile, runs, min_idle, own, cpu)
            finally:
                own.close()
    servers = {name: start_server(path, Ledger(), {"link": Link(PROFILES[profile])}) for name, path in sites.items()}
    results: dict[str, list[dict]] = {name: [] for name in sites}
    names = list(sites)
    try:
        for i in range(runs):
            for name in names if i % 2 == 0 else names[::-1]:
                wait_quiet(min_idle, 20)
                ctx = browser.new_context(service_workers="block")
                try:
                    ctx.add_init_script(path=str(BENCH / "probe.js"))
                    page = ctx.new_page()
                    Throttle(ctx, page, cpu)
                    page.goto(servers[name][1] + "veiviser/", wait_until="commit")
                    page.wait_for_selector("#guide[data-state='ready']", state="attached", timeout=120_000)
                    marks = page.evaluate(MARKS)
                    results[name].append({"ready_ms": marks["guide:engine-ready"],
                                          "first_question_ms": marks["guide:first-question"],
                                          "painted_ms": painted(page.evaluate("window.__bench")),
                                          "snapshot": bool(page.evaluate("window.__guide.engine.fromSnapshot"))})
                finally:
                    ctx.close()
    finally:
        for server, _ in servers.values():
            server.shutdown()
    return results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.ab", description=__doc__.split("\n\n")[0])
    ap.add_argument("site_a", type=Path)
    ap.add_argument("site_b", type=Path)
    ap.add_argument("--profile", default="loopback", choices=list(PROFILES))
    ap.add_argument("--runs", type=int, default=12)
    ap.add_argument("--cpu", type=float, default=1, help="slow the page's main thread this many times (bench/cpu.py)")
    args = ap.parse_args(argv)
    results = compare({"A": args.site_a, "B": args.site_b}, args.profile, args.runs, cpu=args.cpu)
    for name, rows in results.items():
        ready = statistics.median(r["ready_ms"] for r in rows)
        first = statistics.median(r["first_question_ms"] for r in rows)
        shown = [r["painted_ms"] for r in rows if r["painted_ms"] is not None]
        paint = f"{statistics.median(shown):.0f} ms ({min(shown):.0f}–{max(shown):.0f}, N={len(shown)})" if shown else "–"
        print(f"{name} ({getattr(args, 'site_' + name.lower())}): engine ready {ready:.0f} ms, first question "
              f"{first:.0f} ms, painted {paint} (medians of {len(rows)}), snapshot in {sum(r['snapshot'] for r in rows)}")


if __name__ == "__main__":
    main()
