"""The checklist and the referral print cleanly on A4: the print media rendered to PDF in Chromium
(page.pdf), read back with pdfminer. The PDFs are written to test-artifacts/ (not committed)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from guide_engine import api
from tests.helpers.guide_driver import MORE_OG_ROMSDAL_WITH_INTERPRETER, answer_until_review, open_guide, show_result

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TODAY = date.today().isoformat()
A4 = (595, 842)  # points


def words(text: str) -> str:
    return " ".join(text.split())


def read_pdf(data: bytes) -> tuple[list[tuple[float, float]], str]:
    """The page sizes (points) and the text of a PDF."""
    from pdfminer.high_level import extract_pages, extract_text

    sizes = [(round(p.width), round(p.height)) for p in extract_pages(io.BytesIO(data))]
    return sizes, words(extract_text(io.BytesIO(data)))


@pytest.fixture(scope="module")
def printed(browser, site_url):
    """The Møre og Romsdal result printed three ways (checklist, referral, both) and the engine's result."""
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    open_guide(page, site_url)
    asked = answer_until_review(page, MORE_OG_ROMSDAL_WITH_INTERPRETER)
    show_result(page)
    want = api.evaluate({k: MORE_OG_ROMSDAL_WITH_INTERPRETER[k] for k in asked}, TODAY)
    page.emulate_media(media="print")
    out = {}
    ARTIFACTS.mkdir(exist_ok=True)
    for what in ("checklist", "referral", "all"):
        # What the print buttons mark before window.print() (result/index.js printOnly).
        page.evaluate("(what) => { document.body.dataset.guidePrint = what; }", what)
        data = page.pdf(prefer_css_page_size=True)
        (ARTIFACTS / f"print-{what}.pdf").write_bytes(data)
        out[what] = read_pdf(data)
    context.close()
    return out, want


def test_checklist_prints_alone_on_a4(printed):
    """The checklist prints on A4 with every task, and without the site's menus, buttons or the referral."""
    out, want = printed
    sizes, text = out["checklist"]
    assert sizes and all(s == A4 for s in sizes), sizes
    assert len(sizes) <= 2, f"the checklist takes {len(sizes)} pages"
    assert "Sjekkliste" in text
    for task in want["checklist"]:
        assert words(task["task"]) in text, task["task"]
    for absent in ("Utkast til henvisning", "Skriv ut", "Lovgrunnlag Prosessen", "Rett og plikt til karriereveiledning"):
        assert absent not in text, absent


def test_referral_prints_alone_on_a4(printed):
    """The referral prints on A4 with its addressee, subject and whole text, and without the checklist."""
    out, want = printed
    sizes, text = out["referral"]
    assert sizes and all(s == A4 for s in sizes), sizes
    assert len(sizes) <= 2, f"the referral takes {len(sizes)} pages"
    ref = want["referral"]
    assert ref["to"] in text and words(ref["subject"]) in text
    for line in ref["body"].splitlines():
        if line.strip():
            assert words(line) in text, line
    assert "Sjekkliste" not in text and "Kopier" not in text


def test_both_print_together_referral_on_its_own_page(printed):
    """"Skriv ut sjekkliste og henvisning" prints both, the referral starting on a new page."""
    out, _ = printed
    sizes, text = out["all"]
    checklist_pages = len(out["checklist"][0])
    assert len(sizes) == checklist_pages + len(out["referral"][0])
    assert "Sjekkliste" in text and "Utkast til henvisning" in text
