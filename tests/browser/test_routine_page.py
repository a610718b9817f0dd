"""The routine page (/meld-inn-rutine/) in Chromium: a new routine for a county without one, the build's
messages at the fields, «Rutinen stemmer», keyboard use and axe."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from guide_engine import data_loader, routine_form
from guide_engine.data_loader import DataError
from tests.browser.test_accessibility import AXE, axe_violations

pytestmark = pytest.mark.browser

READY_MS = 90_000
RUN_MS = 60_000
BY = "Karrieresenteret i Akershus (karriere@afk.no)"
TITLE = "Rutine for karriereveiledning etter integreringsloven"


def fid(name: str) -> str:
    """The input's id for a form field (guide_ui/routine/form.js inputId)."""
    import re

    return "#routine-f-" + re.sub(r"-$", "", re.sub(r"[^a-z0-9]+", "-", name, flags=re.I)).lower()


def open_page(page, site_url):
    page.goto(site_url + "meld-inn-rutine/")
    page.wait_for_selector("#routine-form")
    page.wait_for_selector("#routine[data-state='ready']", timeout=READY_MS)


def fill_akershus(page, *, title: str = TITLE, mailbox: str = "karriere@afk.no") -> None:
    page.select_option(fid("county"), "akershus")
    page.fill(fid("by"), BY)
    page.fill(fid("routine.title"), title)
    page.fill(fid("routine.valid_from"), "2026-11-01")
    for f, v in (("title", "Rutine for karriereveiledning"), ("publisher", "Akershus fylkeskommune"), ("kind", "rutine"), ("as_of", "2026-11")):
        page.fill(fid(f"documents[0].{f}"), v)
    page.select_option(fid("facts.interpreter_orders.value"), "county")
    page.fill(fid("facts.interpreter_orders.text"), "Karrieresenteret bestiller tolk.")
    page.fill(fid("facts.session_length_minutes.value"), "60")
    page.fill(fid("facts.session_length_minutes.text"), "Veiledningen varer en time.")
    page.fill(fid("contacts[0].name"), "Karrieresenteret i Akershus")
    page.fill(fid("contacts[0].role"), "Bestilling av karriereveiledning")
    page.fill(fid("contacts[0].email"), mailbox)
    page.fill(fid("email_domains"), "afk.no")


def the_builds_message(tmp_path, page_form: dict) -> DataError:
    """What the build says of the file the engine makes from the same form (loaded in a copy of the data)."""
    toml = routine_form.build(page_form)["toml"]
    folder = tmp_path / "data"
    shutil.copytree(data_loader.files.package_data_dir(), folder)
    (folder / "counties" / "akershus.toml").write_text(toml, encoding="utf-8")
    with data_loader.use_data_dir(folder), pytest.raises(DataError) as err:
        data_loader.load_counties()
    return err.value


def read_page_form(page) -> dict:
    """The message the page sends, read from its own form (the same module the page uses)."""
    return page.evaluate(
        "() => ({ ...window.__routine.page.lastRequest })"
    )


def test_a_new_routine_gives_a_file_the_build_accepts_unchanged(page, site_url, tmp_path):
    """Akershus has no routine: the filled form gives a file that loads as it is, and the preview shows it."""
    open_page(page, site_url)
    fill_akershus(page)
    page.click("#routine-make")
    page.wait_for_selector("#routine[data-state='done']", timeout=RUN_MS)
    assert page.evaluate("document.activeElement.id") == "routine-result-heading"
    preview = page.inner_text("#routine-result .routine-preview")
    assert f"Rutine registrert: «{TITLE}»" in preview and "Karrieresenteret bestiller tolk." in preview
    assert f"Bekreftet av fylket {date.today().day}." in preview and "ikke oppgitt i kildene" in preview.lower()
    with page.expect_download() as info:
        page.click("#routine-download")
    assert info.value.suggested_filename == "akershus.toml"
    text = open(info.value.path(), encoding="utf-8").read()
    assert text == page.input_value("#routine-file")
    folder = tmp_path / "data"
    shutil.copytree(data_loader.files.package_data_dir(), folder)
    (folder / "counties" / "akershus.toml").write_text(text, encoding="utf-8")
    with data_loader.use_data_dir(folder):
        county = data_loader.load_counties()["akershus"]
        data_loader.check_verified_dates(data_loader.load_counties(), date.today())
        data_loader.load_searches()
        assert county.routine.title == TITLE and county.fact("interpreter_orders", date(2026, 12, 7)).value == "county"
        assert county.fact("session_length_minutes", date(2026, 12, 7)).value == 60
    assert page.is_visible("#routine-no-owner")  # mkdocs.yml gives no owner address: the page says so
    summary = page.input_value("#routine-summary")
    assert summary.startswith("Til: (nettstedet har ikke oppgitt noen adresse for innsending)") and f"Sendt av: {BY}" in summary


@pytest.mark.parametrize("scenario, fill, field", [
    ("the routine's name left empty", lambda p: fill_akershus(p, title=""), "routine.title"),
    ("a person's address as the mailbox", lambda p: fill_akershus(p, mailbox="ola.nordmann@afk.no"), "contacts[0].email"),
])
def test_an_empty_field_or_a_private_address_gets_the_builds_message(page, site_url, tmp_path, scenario, fill, field):
    """The message at the field, and in the summary, is the one the build gives for the same file."""
    open_page(page, site_url)
    fill(page)
    page.click("#routine-make")
    page.wait_for_selector("#routine-error-summary", timeout=RUN_MS)
    assert page.evaluate("document.activeElement.id") == "routine-error-summary"
    build = the_builds_message(tmp_path, read_page_form(page))
    input_id = fid(field)[1:]
    assert page.inner_text(f"#{input_id}-error") == build.message
    assert page.get_attribute(f"#{input_id}", "aria-invalid") == "true"
    assert f"{input_id}-error" in page.get_attribute(f"#{input_id}", "aria-describedby")
    assert str(build) in page.inner_text("#routine-error-summary")
    if field == "contacts[0].email":
        assert "ser ut som en persons e-postadresse" in build.message


def tab_to(page, element_id: str, most: int) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_rutinen_stemmer_with_the_keyboard_gives_a_dated_confirmation(browser, site_url):
    """Choose Møre og Romsdal, write who confirms, press «Rutinen stemmer»: all with the keyboard."""
    context = browser.new_context(locale="nb-NO", service_workers="block")
    page = context.new_page()
    try:
        open_page(page, site_url)
        tab_to(page, "routine-f-county", 80)
        names = page.eval_on_selector_all("#routine-f-county option", "os => os.map(o => o.value)")
        for _ in range(names.index("more-og-romsdal")):
            page.keyboard.press("ArrowDown")
        assert page.input_value("#routine-f-county") == "more-og-romsdal"
        page.keyboard.press("Tab")
        page.keyboard.type("Karriere Møre og Romsdal (karrieremr@mrfylke.no)")
        tab_to(page, "routine-confirm", 40)
        page.keyboard.press("Enter")
        page.wait_for_selector("#routine[data-state='done']", timeout=RUN_MS)
        assert page.evaluate("document.activeElement.id") == "routine-result-heading"
        today = (data_loader.files.package_data_dir() / "counties" / "more-og-romsdal.toml").read_text(encoding="utf-8")
        assert page.input_value("#routine-file").startswith(today.rstrip("\n"))
        assert page.eval_on_selector_all("#routine-changes li", "ls => ls.map(l => l.textContent.split(':')[0])") == ["Bekreftelse"]
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_routine_page_passes_axe(browser, site_url, scheme):
    """The form with a county chosen, the error state and the result pass axe-core (WCAG 2.1 A and AA)."""
    context = browser.new_context(color_scheme=scheme, locale="nb-NO", reduced_motion="reduce", service_workers="block")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    try:
        open_page(page, site_url)
        failures = {}
        page.select_option(fid("county"), "more-og-romsdal")
        if v := axe_violations(page):
            failures["form"] = v
        fill_akershus(page, title="")
        page.click("#routine-make")
        page.wait_for_selector("#routine-error-summary", timeout=RUN_MS)
        if v := axe_violations(page):
            failures["errors"] = v
        page.fill(fid("routine.title"), TITLE)
        page.click("#routine-make")
        page.wait_for_selector("#routine[data-state='done']", timeout=RUN_MS)
        if v := axe_violations(page):
            failures["result"] = v
        assert not failures, failures
    finally:
        context.close()
