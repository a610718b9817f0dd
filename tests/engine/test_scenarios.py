"""The scenario table, written from the counties' sources and the law, run through the API in CPython."""

from __future__ import annotations

import pytest

from guide_engine import api
from tests.helpers.scenario_table import county_missing, problems, rows

ROWS = rows()


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_scenario(row):
    """Each scenario gives the result an adviser would expect from the sources."""
    if county_missing(row):
        pytest.skip(f"county file {row['requires_county']}.toml not there yet")
    result = api.evaluate(row["full_case"], row["on"])
    assert problems(row, result) == []


def test_table_is_not_trivial():
    """The table covers every status, the three county routines and validation."""
    statuses = {r.get("expect", {}).get("eligibility.status") for r in ROWS}
    assert {"right_and_duty", "right_only", "assess_need", "not_covered", "unclear"} <= statuses
    assert {"more-og-romsdal", "trondelag", "viken"} <= {r["full_case"].get("county") for r in ROWS}
    assert sum(1 for r in ROWS if r.get("error_fields")) >= 5
