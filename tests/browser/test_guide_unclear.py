"""The guide shows the uavklart status in words an adviser can act on, and axe finds nothing there."""

from __future__ import annotations

import pytest

from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, open_guide, show_result
from tests.browser.test_accessibility import axe_violations, scheme_page  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser

# 57 years old at a 2026 permit: the 60-year limit of Prop. 81 L is not confirmed, so the answer is uavklart.
AGE_57 = {**MORE_OG_ROMSDAL_WITH_INTERPRETER, "age_at_permit": 57}


def test_unclear_status_says_both_outcomes_and_what_to_check(scheme_page, site_url):  # noqa: F811
    """The result names the uavklart status, both possible answers, what to check, and still gives the
    deadlines and a draft referral so no deadline is lost; axe finds no violation (light and dark)."""
    page = scheme_page
    open_guide(page, site_url)
    answer_until_review(page, AGE_57)
    show_result(page)
    assert page.get_attribute("#guide-eligibility .guide-status", "data-status") == "unclear"
    text = page.inner_text("#guide-eligibility")
    for words in ("Uavklart", "60 år", "55 år", "Dette må du sjekke", "Lovdata", "rett og plikt til karriereveiledning",
                  "ikke omfattet av integreringsloven § 11", "Ikke avvis personen"):
        assert words in text, words
    assert page.locator("#guide-deadlines tbody tr").count() > 0
    assert "Sjekk regelen før du avgjør saken" in page.inner_text("#guide-checklist")
    assert "ikke avklart" in page.inner_text("#guide-referral-body")
    assert axe_violations(page) == []
