"""The queue page (/prioritering/) in Chromium: a Norwegian Excel CSV with one bad row, the order,
the row error, the capacity projection, the exports read back, keyboard use and axe."""

from __future__ import annotations

import csv
import io
from datetime import date

import icalendar
import pytest

from guide_engine import queue
from tests.helpers.queue_sheets import COLUMNS, ON, excel_sheet_with_bad_row, person, sheet
from tests.browser.test_accessibility import AXE, axe_violations

pytestmark = pytest.mark.browser

READY_MS = 90_000
RUN_MS = 60_000


def open_queue(page, site_url):
    page.goto(site_url + "prioritering/")
    page.wait_for_selector("#queue-form")
    page.wait_for_selector("#queue[data-state='ready']", timeout=READY_MS)


def table_rows(page) -> list[str]:
    return page.eval_on_selector_all("#queue-table tbody tr", "rows => rows.map(r => r.dataset.row)")


def read_download(page, button: str) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    return open(info.value.path(), "rb").read()


def test_excel_file_ordered_with_row_error_capacity_and_exports(page, site_url):
    """A semicolon CSV as Norwegian Excel writes it (BOM, DD.MM.YYYY, ja/nei) with one bad row."""
    text = excel_sheet_with_bad_row()
    expected = queue.evaluate(text, ON, 1, ON)
    open_queue(page, site_url)
    page.set_input_files("#queue-file", files=[{"name": "deltakere.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}])
    page.fill("#queue-on", ON)
    page.fill("#queue-per-week", "1")
    page.fill("#queue-from", ON)
    page.click("#queue-run")
    page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)

    # The order: overdue first, then the nearest latest-guidance date; the person not covered last.
    assert table_rows(page) == ["3", "4", "6", "2", "7"]
    assert table_rows(page) == [str(r["row"]) for r in expected["rows"] if r["status"] != "error"]
    rules = page.eval_on_selector_all("#queue-table tbody td.queue-rule", "cells => cells.map(c => c.dataset.rule)")
    assert rules == ["overdue", "deadline", "deadline", "deadline", "not_covered"]
    first_rule = page.inner_text("#queue-table tbody tr:first-child td.queue-rule")
    assert "Fristen er passert" in first_rule and "23. oktober 2026" in first_rule
    page.click("#queue-table tbody tr:first-child details summary")
    page.wait_for_selector("#queue-table tbody tr:first-child details[open] ul")
    assert "integreringsloven" in page.inner_text("#queue-table tbody tr:first-child details").lower()

    # The bad row: listed with its row number, column and Norwegian message, not in the table.
    errors = page.inner_text("#queue-row-errors")
    assert "Rader med feil (1)" in errors
    assert f"Rad 5, kolonne «permit_date»: «31.06.2026» er ikke en dato. {queue.DATE_MESSAGE}" in errors
    assert "5" not in table_rows(page)

    # Capacity: one session a week from 23.11.2026; the overdue row misses, the rest make it.
    assert page.inner_text("#queue-capacity-summary") == "Med 1 samtale i uka rekker 3 av 4 fristen; 1 trenger tidligere time."
    assert page.inner_text("#queue-table tbody tr[data-row='3'] td.queue-misses").startswith("23. november 2026")
    assert page.locator("#queue-table tbody tr.queue-row--misses").count() == 1

    # The CSV export opens in Norwegian Excel (BOM, semicolons) and reads back.
    data = read_download(page, "#queue-download-csv")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r["label"] for r in rows] == ["P-passert", "P-tidlig", "P-tolk", "P-sen", "P-arbeid", "P-feil"]
    assert [r["rang"] for r in rows] == ["1", "2", "3", "4", "", ""]
    assert rows[0]["time_i_planen"] == "23.11.2026" and rows[0]["rekker_fristen"] == "nei" and rows[0]["frist_passert"] == "ja"
    assert rows[1]["siste_dag_veiledning"] == "30.11.2026" and rows[1]["rekker_fristen"] == "ja"
    assert rows[-1]["status"] == "feil" and "permit_date" in rows[-1]["feil"]
    assert [r["label"] for r in queue.evaluate(data.decode("utf-8"), ON)["rows"] if r["rank"]] == ["P-passert", "P-tidlig", "P-tolk", "P-sen"]

    # The projected sessions as a calendar file.
    cal = icalendar.Calendar.from_ical(read_download(page, "#queue-download-ics"))
    starts = sorted(str(e.decoded("DTSTART")) for e in cal.walk("VEVENT"))
    assert starts == ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"]

    assert page.recorder.foreign_requests() == []
    assert page.recorder.console_errors() == [] and page.recorder.page_errors == []


def test_unclear_and_declined_rows_are_marked_in_the_table(page, site_url):
    """Chapter 6A after 1 July 2026: a participant with collective protection who declines is listed as
    "Ønsker ikke veiledning" and one who wants guidance as ranked, both marked "uavklart"; a refugee's
    row carries no mark. The marks are the engine's fields (status, unclear), as in the CSV."""
    collective = dict(permit_group="collective", interpreter_needed=False)
    rows = [person("R-flyktning", date(2026, 10, 20)),
            person("K-nei", date(2026, 9, 1), wants_guidance=False, **collective),
            person("K-ja", date(2026, 9, 1), wants_guidance=True, **collective)]
    text = sheet(rows, delimiter="\t", bom=False, columns=COLUMNS + ["wants_guidance"])
    engine = {r["label"]: r for r in queue.evaluate(text, ON)["rows"]}
    assert {k: (r["status"], r["unclear"]) for k, r in engine.items()} == {
        "R-flyktning": ("ranked", False), "K-nei": ("declined", True), "K-ja": ("ranked", True)}
    open_queue(page, site_url)
    page.fill("#queue-paste", text)
    page.fill("#queue-on", ON)
    page.click("#queue-run")
    page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
    for label, r in engine.items():
        tr = page.locator(f"#queue-table tbody tr[data-row='{r['row']}']")
        assert tr.get_attribute("data-status") == r["status"], label
        assert tr.locator(".queue-unclear[data-unclear='true']").count() == (1 if r["unclear"] else 0), label
    status = {label: page.inner_text(f"#queue-table tbody tr[data-row='{r['row']}'] td.queue-status") for label, r in engine.items()}
    assert status == {"R-flyktning": "Rangert", "K-nei": "Ønsker ikke veiledning (uavklart)", "K-ja": "Rangert (uavklart)"}
    assert page.locator("#queue-table thead th", has_text="Status").count() == 1


def test_county_criteria_are_named_with_their_source(page, site_url):
    """Trøndelag, 15 October 2020: the letter's criterion orders the rows, and the page says so."""
    rows = [person(f"T{i}", date(2020, 8, 1), county="trondelag",
                   permit_date=date(2020, 6, 1), arrival_date=date(2020, 3, 1), sector_hit_by_crisis=(i == 2)) for i in range(3)]
    open_queue(page, site_url)
    page.fill("#queue-paste", sheet(rows, delimiter="\t", bom=False))
    page.fill("#queue-on", "2020-10-15")
    page.click("#queue-run")
    page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
    assert table_rows(page) == ["4", "2", "3"]
    first = page.locator("#queue-table tbody tr:first-child td.queue-rule")
    assert first.get_attribute("data-rule") == "county_criteria"
    first.locator("summary").click()
    page.wait_for_selector("#queue-table tbody tr:first-child details[open] .guide-sources")
    text = first.inner_text()
    assert "Trøndelag prioriterer" in text and "bransje" in text and "Kilde: " in text


def test_missing_input_is_reported_at_the_field(page, site_url):
    open_queue(page, site_url)
    page.click("#queue-run")
    summary = page.wait_for_selector("#queue-error-summary")
    assert page.evaluate("document.activeElement.id") == "queue-error-summary"
    assert "Velg en fil eller lim inn listen" in summary.inner_text()
    assert page.get_attribute("#queue-paste", "aria-invalid") == "true"
    page.fill("#queue-paste", "navn;merknad\nOla;3\n")
    page.click("#queue-run")
    page.wait_for_selector("#queue-error-summary >> text=Fant ingen kjente kolonner")


def test_keyboard_only(browser, site_url):
    """Paste, capacity, run, then sort by a column: all with the keyboard."""
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    try:
        open_queue(page, site_url)
        text = sheet([person("B", date(2026, 9, 1)), person("A", date(2026, 8, 3)),
                      person("C", date(2026, 10, 1))], delimiter="\t", bom=False)
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.id") == "queue-paste":
                break
        else:
            raise AssertionError("Tab never reached the paste field")
        page.keyboard.insert_text(text)
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "queue-per-week":
                break
        page.keyboard.type("2")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "queue-run":
                break
        page.keyboard.press("Enter")
        page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
        assert page.evaluate("document.activeElement.id") == "queue-result-heading"
        on = page.input_value("#queue-on")
        expected = [str(r["row"]) for r in queue.evaluate(text, on, 2)["rows"]]
        assert table_rows(page) == expected
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.sort || ''") == "label":
                break
        else:
            raise AssertionError("Tab never reached the sort button")
        page.keyboard.press("Enter")
        assert page.get_attribute("#queue-table th:has(button[data-sort='label'])", "aria-sort") == "ascending"
        assert table_rows(page) == ["3", "2", "4"]  # A, B, C
        page.keyboard.press("Enter")  # focus stays on the button: again = descending
        assert page.get_attribute("#queue-table th:has(button[data-sort='label'])", "aria-sort") == "descending"
        assert table_rows(page) == ["4", "2", "3"]
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_queue_page_passes_axe(browser, site_url, scheme):
    """The form, the error state and the result (with a row error and capacity) pass axe-core."""
    context = browser.new_context(color_scheme=scheme, locale="nb-NO", reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    try:
        open_queue(page, site_url)
        failures = {}
        if v := axe_violations(page):
            failures["form"] = v
        page.click("#queue-run")
        page.wait_for_selector("#queue-error-summary")
        if v := axe_violations(page):
            failures["errors"] = v
        page.fill("#queue-paste", excel_sheet_with_bad_row())
        page.fill("#queue-on", ON)
        page.fill("#queue-per-week", "2")
        page.click("#queue-run")
        page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
        page.click("#queue-table tbody tr:first-child details summary")
        page.wait_for_selector("#queue-table tbody tr:first-child details[open] ul")
        if v := axe_violations(page):
            failures["result"] = v
        assert not failures, failures
    finally:
        context.close()


def test_print_view_shows_the_list_not_the_form(page, site_url):
    open_queue(page, site_url)
    page.fill("#queue-paste", excel_sheet_with_bad_row())
    page.fill("#queue-on", ON)
    page.click("#queue-run")
    page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
    page.emulate_media(media="print")
    assert not page.is_visible("#queue-form") and not page.is_visible("#queue-download-csv")
    assert not page.is_visible(".md-header")
    assert page.is_visible("#queue-table") and page.is_visible("#queue-row-errors") and page.is_visible("#queue-summary")
    page.emulate_media(media="screen")
    assert page.is_visible("#queue-form")


def test_older_excel_file_in_windows_1252_is_read_with_a_note(page, site_url):
    """Excel's older «CSV (semikolondelt)» is Windows-1252, not UTF-8: read, and the page says so."""
    rows = [person("Å-1", date(2026, 9, 1), municipality="Ålesund"), person("Ø-2", date(2026, 8, 3))]
    data = sheet(rows, bom=False).encode("cp1252")
    open_queue(page, site_url)
    page.set_input_files("#queue-file", files=[{"name": "gammel.csv", "mimeType": "text/csv", "buffer": data}])
    page.fill("#queue-on", ON)
    page.click("#queue-run")
    page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
    assert "Windows-1252" in page.inner_text("#queue-result")
    assert [page.inner_text(f"#queue-table tbody tr[data-row='{n}'] th").split(" (")[0] for n in (3, 2)] == ["Ø-2", "Å-1"]


def test_municipality_columns_and_a_refused_county(page, site_url):
    """Kommune and Kommunenummer columns show what the engine resolved from a name or a number; "Oslo" under Møre og Romsdal is a row error naming both."""
    rows = [person("A", date(2026, 9, 1), municipality="1506", county=None), person("B", date(2026, 9, 2), municipality="Oslo")]
    open_queue(page, site_url)
    page.fill("#queue-paste", sheet(rows))
    page.fill("#queue-on", ON)
    page.click("#queue-run")
    page.wait_for_selector("#queue[data-state='done']", timeout=RUN_MS)
    headers = page.eval_on_selector_all("#queue-table thead button", "bs => bs.map(b => b.textContent)")
    assert "Kommune" in headers and "Kommunenummer" in headers
    cells = page.eval_on_selector_all("#queue-table tbody tr[data-row='2'] td", "tds => tds.map(t => t.textContent)")
    assert "Molde" in cells and "1506" in cells and "Møre og Romsdal" in cells
    errors = page.inner_text("#queue-row-errors")
    assert "Rad 3, kolonne «municipality»:" in errors and "Oslo" in errors and "Møre og Romsdal" in errors
