"""The draft referral's length mark: a draft whose mailto: link mail programs may cut is marked long."""

from __future__ import annotations

from guide_engine import api
from guide_engine.result import referral
from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER

ON = "2026-11-23"


def draft(**answers) -> dict:
    result = api.evaluate(dict(MORE_OG_ROMSDAL_WITH_INTERPRETER, **answers), ON)
    assert result["ok"], result["errors"]
    return result["referral"]


def test_an_ordinary_draft_is_not_long():
    """The issue's case: its link is under the limit, and the draft is not marked."""
    d = draft()
    assert referral.mailto_length(d["to"], d["subject"], d["body"]) <= referral.MAILTO_LIMIT
    assert d["long"] is False


def test_a_draft_with_long_practical_needs_is_long():
    """A thousand characters of practical needs push the link past the limit: the draft is marked long."""
    d = draft(practical_needs="Trenger tilrettelegging på grunn av lang reisevei og barnepass. " * 15)
    assert referral.mailto_length(d["to"], d["subject"], d["body"]) > referral.MAILTO_LIMIT
    assert d["long"] is True


def test_the_length_is_counted_as_the_page_encodes_it():
    """Letters encodeURIComponent leaves alone count one; æ (two bytes in UTF-8) counts six; a space three."""
    base = referral.mailto_length("a@b.no", "", "")
    assert referral.mailto_length("a@b.no", "", "x!*'()~") == base + 7
    assert referral.mailto_length("a@b.no", "", "æ") == base + 6
    assert referral.mailto_length("a@b.no", "", " ") == base + 3


def test_no_draft_is_never_long():
    """A case without a draft has nothing to cut."""
    result = api.evaluate(dict(MORE_OG_ROMSDAL_WITH_INTERPRETER, permit_group="other"), ON)
    assert result["ok"] and result["referral"]["long"] is False
