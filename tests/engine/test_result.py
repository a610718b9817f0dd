"""The result pipeline builds each part complete: nothing changes a part after the function that
built it returns (the checklist's tasks are not annotated afterwards, the referral is not patched,
the deadlines and the priority get no notes added later)."""

from __future__ import annotations

import copy

import pytest

from guide_engine.decisions import adviser, deadlines, eligibility, interpreter, priority
from guide_engine import api, result
from guide_engine.result import checklist, referral, summary
from tests.helpers.scenario_table import county_missing, rows

BUILDERS = [(interpreter, "decide"), (adviser, "decide"), (deadlines, "compute"), (priority, "decide"), (priority, "not_covered"),
            (checklist, "build"), (referral, "build"), (summary, "build"), (eligibility.Decision, "to_dict"), (result, "_county_block")]


def frozen_parts(monkeypatch) -> list[tuple[str, object, object]]:
    """Wrap every builder of a result part: each call records (name, what it returned, a deep copy
    taken as it returned)."""
    seen: list[tuple[str, object, object]] = []
    for owner, name in BUILDERS:
        real = getattr(owner, name)

        def wrapped(*args, _real=real, _name=f"{getattr(owner, '__name__', owner)}.{name}", **kwargs):
            out = _real(*args, **kwargs)
            seen.append((_name, out, copy.deepcopy(out)))
            return out

        monkeypatch.setattr(owner, name, wrapped)
    return seen


def changed_after_built(seen) -> list[str]:
    return [name for name, out, at_return in seen if out != at_return]


OK_ROWS = [r for r in rows() if not county_missing(r) and r.get("expect", {}).get("ok", True)]


@pytest.mark.parametrize("row", OK_ROWS, ids=lambda r: r["name"][:50])
def test_no_part_changes_after_its_builder_returns(monkeypatch, row):
    """Every part (decisions, deadlines, priority, checklist, referral, summary, county block) is the
    same at the end of the evaluation as when the function that built it returned."""
    seen = frozen_parts(monkeypatch)
    res = api.evaluate(row["full_case"], row["on"])
    if not res["ok"]:
        pytest.skip("a row with errors")
    built = {name.rsplit(".", 2)[-2] + "." + name.rsplit(".", 1)[-1] for name, _, _ in seen}
    assert {"interpreter.decide", "adviser.decide", "deadlines.compute", "Decision.to_dict", "result._county_block"} <= built, built
    if res["referral"]:
        assert {"checklist.build", "referral.build", "summary.build"} <= built, built
    assert changed_after_built(seen) == []


def test_the_freeze_check_sees_a_part_changed_later(monkeypatch):
    """A builder that edits the checklist after it was built (as provenance.annotate did) is caught."""
    seen = frozen_parts(monkeypatch)
    real_summary = summary.build

    def editing_summary(res):
        res["checklist"][0]["data_notes"] = ["lagt til etterpå"]
        return real_summary(res)

    monkeypatch.setattr(summary, "build", editing_summary)
    row = OK_ROWS[0]
    assert api.evaluate(row["full_case"], row["on"])["ok"]
    assert any(name.endswith("checklist.build") for name in changed_after_built(seen))
