"""guide_engine/progress.py: a long call says how far it has come, only to a listener, never breaking the work."""

from __future__ import annotations

import json
from datetime import date

from guide_engine import bridge, progress
from tests.helpers.queue_sheets import ON, person, sheet


def test_reports_every_step_and_the_last_item_only_while_listened_to():
    """done(n, total) reaches the listener every STEP items and at the last; outside ``reporting`` nothing is sent."""
    seen = []
    progress.done(progress.STEP, 120)  # no listener: nothing, no error
    with progress.reporting(lambda n, t: seen.append((n, t))):
        for n in range(1, 121):
            progress.done(n, 120)
    progress.done(progress.STEP, 120)
    assert seen == [(n, 120) for n in range(progress.STEP, 121, progress.STEP)] + ([(120, 120)] if 120 % progress.STEP else [])


def test_a_failing_listener_never_breaks_the_work():
    """A listener that raises (a page gone) is ignored, and the previous listener comes back after the block."""
    outer = []
    with progress.reporting(lambda n, t: outer.append(n)):
        with progress.reporting(lambda n, t: 1 / 0):
            progress.done(progress.STEP, progress.STEP)
        progress.done(progress.STEP, progress.STEP)
    assert outer == [progress.STEP]


def test_the_bridge_passes_the_listener_to_the_queue():
    """bridge.handle(message, progress): the queue's rows are reported as they are evaluated, and the reply is unchanged."""
    rows = [person(f"R{i}", date(2026, 8, 1 + i % 28)) for i in range(70)]
    message = json.dumps({"op": "queue", "csv": sheet(rows), "on": ON, "per_week": 3})
    seen = []
    with_listener = json.loads(bridge.handle(message, lambda n, t: seen.append((n, t))))
    assert seen == [(50, 70), (70, 70)]
    progress_free = json.loads(bridge.handle(message.replace('"per_week": 3', '"per_week": 3 ')))
    assert with_listener == progress_free
