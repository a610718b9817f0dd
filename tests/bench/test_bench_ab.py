"""bench/ab.py: two builds compared by alternating cold guide loads (a real Chromium run)."""

from __future__ import annotations

import pytest

from bench import ab

pytestmark = pytest.mark.browser


def test_ab_times_both_sites_in_alternation(browser, built_site):
    """Each site gets its runs, each with the guide's own ready and first-question marks and the probe's painted time."""
    results = ab.compare({"A": built_site, "B": built_site}, "loopback", runs=2, min_idle=0, browser=browser)
    assert [len(rows) for rows in results.values()] == [2, 2]
    for rows in results.values():
        for r in rows:
            assert 0 < r["first_question_ms"] < r["ready_ms"] < 60_000
            assert 0 < r["painted_ms"] < r["ready_ms"]
