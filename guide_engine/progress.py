"""How far a long call has come, for the page that waits for it (a list of 2,000 rows takes seconds
on a slow device): the browser's worker gives ``bridge.handle`` a callback, and the work says how
many of its items are done. Nothing is reported when no one listens (the CLI, the tests)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

Callback = Callable[[int, int], object]
STEP = 50  # items between two reports: often enough for a progress bar, rare enough to cost nothing

_listener: Callback | None = None


@contextmanager
def reporting(callback: Callback | None) -> Iterator[None]:
    """Send ``done(n, total)`` reports to ``callback`` (None: to no one) while the block runs."""
    global _listener
    before, _listener = _listener, callback
    try:
        yield
    finally:
        _listener = before


def done(n: int, total: int) -> None:
    """``n`` of ``total`` items are done; reported every STEP items and at the last one."""
    if _listener is None or (n % STEP and n != total):
        return
    try:
        _listener(n, total)
    except Exception:  # a listener that fails (a closed page) must never break the work it watches
        pass
