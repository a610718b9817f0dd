"""The hostile-sheet benchmark's sheets are what it says: at the page's size limit, and the queue reads them."""

from __future__ import annotations

from bench import hostile
from guide_engine import queue


def test_worst_sheets_are_at_the_page_limit_and_are_read():
    """Each sheet is within 15 % under the page's 5 MB limit, and the queue reads every row (a digit-group cell that looks like a fødselsnummer is a row error)."""
    sheets = hostile.worst_sheets()
    assert len(sheets) == 4
    for name, text in sheets.items():
        size = len(text.encode("utf-8"))
        assert 0.85 * hostile.PAGE_LIMIT <= size <= hostile.PAGE_LIMIT, name
    small = next(t for n, t in sheets.items() if n.startswith("36 rows"))
    r = queue.evaluate(small, hostile.ON, 6)
    assert r["counts"]["rows"] == 36 and len(r["rows"]) == 36
