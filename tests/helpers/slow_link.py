"""The built site behind the benchmark's bottleneck link (bench/link.py), and a record of every
message the engine's worker posts: for the tests of engine pages on slow and broken links."""

from __future__ import annotations

from contextlib import contextmanager

from bench.link import PROFILES, Link
from bench.run import Ledger, start_server

# Records every message the engine's worker posts (the pages themselves keep only the latest progress).
RECORD_WORKER_MESSAGES = """
(() => {
  const Native = window.Worker;
  window.__workerMessages = [];
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => window.__workerMessages.push({ t: performance.now(), ...e.data }));
    }
  };
})();
"""


@contextmanager
def served_behind(site, profile, ledger=None):
    """The site served behind a link of `profile` (a bench.link.Profile or a PROFILES name); its URL."""
    link = Link(PROFILES[profile] if isinstance(profile, str) else profile)
    server, url = start_server(site, ledger if ledger is not None else Ledger(), {"link": link})
    try:
        yield url
    finally:
        server.shutdown()


def worker_messages(page, kind: str | None = None) -> list[dict]:
    """What the worker has posted so far (RECORD_WORKER_MESSAGES), or only messages of one type."""
    return [m for m in page.evaluate("window.__workerMessages") if kind is None or m["type"] == kind]


def assert_steady_progress(messages: list[dict]) -> None:
    """The worker reported growing progress against a known total, for longer than its stall
    limit (15 s) would allow a silent download, then got ready, and never failed."""
    progress = [m for m in messages if m["type"] == "progress"]
    assert len(progress) >= 10
    loaded = [m["loaded"] for m in progress]
    assert loaded == sorted(loaded) and loaded[-1] > 3_000_000
    assert all(m["total"] and m["total"] >= m["loaded"] for m in progress)
    ready = next(m["t"] for m in messages if m["type"] == "ready")
    assert ready - progress[0]["t"] > 15_000
    assert not [m for m in messages if m["type"] == "failed"]
