"""CPU profiles: each link profile crossed with a CPU slow-down (Chromium's CPU throttling over CDP).

`Emulation.setCPUThrottlingRate` slows the page's main thread (Chromium pauses it for part of
every slice of time). Chromium 156 refuses the same command on a dedicated worker's target
("Operation is only supported for pages, not workers"), so the workers — the guide's engine
worker, which boots Pyodide, and the theme's search worker — run at the machine's speed.
`worker_throttling` asks the browser once per run and the JSON keeps its answer, so a browser
that does allow it is noticed (and then used: `throttle` throttles each worker as it starts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bench.link import Profile


def parse_cpu(text: str) -> list[float]:
    """`1,4` → [1.0, 4.0]; each rate ≥ 1 (1 = no slow-down), in the given order, no repeats."""
    rates: list[float] = []
    for part in text.split(","):
        part = part.strip().rstrip("x×")
        if not part:
            continue
        try:
            rate = float(part)
        except ValueError:
            raise ValueError(f"CPU slow-down {part!r} is not a number (e.g. --cpu 1,4)") from None
        if rate < 1:
            raise ValueError(f"CPU slow-down {rate:g} is below 1 (1 = as is, 4 = four times slower)")
        if rate not in rates:
            rates.append(rate)
    if not rates:
        raise ValueError("no CPU slow-down given (e.g. --cpu 1,4)")
    return rates


@dataclass(frozen=True)
class Cell:
    """One link profile at one CPU slow-down."""

    profile: Profile
    cpu: float

    @property
    def key(self) -> str:
        return self.profile.name if self.cpu == 1 else f"{self.profile.name}@cpu{self.cpu:g}x"

    @property
    def label(self) -> str:
        return f"{self.profile.label}, CPU {self.cpu:g}×"


def matrix(profiles: list[Profile], cpus: list[float]) -> list[Cell]:
    """Every link profile at every CPU slow-down: profile by profile, the CPU rates in the given order."""
    return [Cell(p, c) for p in profiles for c in cpus]


class Throttle:
    """A page's CPU slow-down, set over its CDP session before it navigates; workers too if allowed."""

    def __init__(self, ctx, page, rate: float, workers: bool = False):
        self.rate, self.worker_results = rate, []
        self.cdp = None
        if rate == 1:
            return
        self.cdp = ctx.new_cdp_session(page)
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        if workers:
            self.cdp.on("Target.attachedToTarget", self._attached)
            self.cdp.on("Target.receivedMessageFromTarget", self._message)
            self.cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True,
                                                   "flatten": False})

    def _send(self, session: str, id_: int, method: str, params: dict) -> None:
        # Playwright's CDPSession cannot address a flattened child session, so the message goes
        # through the page's session (Target.sendMessageToTarget, non-flat mode).
        self.cdp.send("Target.sendMessageToTarget", {
            "sessionId": session, "message": json.dumps({"id": id_, "method": method, "params": params})})

    def _attached(self, e: dict) -> None:
        sid, kind = e["sessionId"], e["targetInfo"]["type"]
        if kind == "worker":
            self._send(sid, 1, "Emulation.setCPUThrottlingRate", {"rate": self.rate})
        self._send(sid, 2, "Runtime.runIfWaitingForDebugger", {})

    def _message(self, e: dict) -> None:
        msg = json.loads(e["message"])
        if msg.get("id") == 1:
            self.worker_results.append(msg.get("error", {}).get("message") or "throttled")


def worker_throttling(browser, url: str) -> dict:
    """Ask the browser whether a dedicated worker's CPU can be throttled (on the bare-runtime page)."""
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        t = Throttle(ctx, page, 2, workers=True)
        page.goto(url, wait_until="commit")
        page.wait_for_timeout(1500)
        answers = t.worker_results
    finally:
        ctx.close()
    return {"supported": bool(answers) and all(a == "throttled" for a in answers),
            "answers": answers or ["no worker started within 1.5 s"]}
