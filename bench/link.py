"""A bottleneck link inside the benchmark's own server: one shared bandwidth, one round trip per response.

The server (127.0.0.1 only) holds every response back by one round-trip time before its first byte
and then sends all responses through one shared token bucket at the link's bandwidth, in small
slices, so parallel downloads share the link as they would on a real one. Loopback = no limit.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

SLICE = 8 * 1024  # bytes sent per token-bucket reservation: small, so parallel responses interleave


@dataclass(frozen=True)
class Profile:
    name: str
    mbit: float | None  # None: no bandwidth limit (loopback)
    rtt_ms: float

    @property
    def label(self) -> str:
        if self.mbit is None:
            return "loopback"
        return f"{self.mbit:g} Mbit/s, {self.rtt_ms:g} ms"


PROFILES = {
    p.name: p
    for p in (
        Profile("loopback", None, 0),
        Profile("50mbit", 50, 20),
        Profile("10mbit", 10, 40),
        Profile("4mbit", 4, 80),
        Profile("1.6mbit", 1.6, 150),
    )
}


def parse_profiles(text: str) -> list[Profile]:
    """`loopback,10mbit` or `all` → the profiles, in the given order; an unknown name is an error."""
    names = list(PROFILES) if text.strip() == "all" else [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in PROFILES]
    if unknown:
        raise ValueError(f"unknown link profile(s) {', '.join(unknown)}; known: {', '.join(PROFILES)}")
    return [PROFILES[n] for n in names]


class Link:
    """A shared token bucket at `mbit` Mbit/s (a virtual clock of when the link is next free)."""

    def __init__(self, profile: Profile, clock=time.monotonic, sleep=time.sleep):
        self.profile = profile
        self.rate = None if profile.mbit is None else profile.mbit * 1_000_000 / 8  # bytes per second
        self.rtt = profile.rtt_ms / 1000
        self._clock, self._sleep = clock, sleep
        self._free_at = 0.0
        self._lock = threading.Lock()

    def reserve(self, n: int) -> float:
        """Book n bytes on the link; return the time at which they have been sent."""
        with self._lock:
            start = max(self._clock(), self._free_at)
            self._free_at = start + n / self.rate
            return self._free_at

    def send(self, write, data: bytes) -> None:
        """Write data through the link: slice by slice, each when the bucket allows it."""
        if self.rate is None:
            write(data)
            return
        view = memoryview(data)
        for i in range(0, len(view), SLICE):
            piece = view[i:i + SLICE]
            delay = self.reserve(len(piece)) - self._clock()
            if delay > 0:
                self._sleep(delay)
            write(piece)

    def round_trip(self) -> None:
        """One round trip before a response starts."""
        if self.rtt:
            self._sleep(self.rtt)
