"""The site's owner (mkdocs.yml `extra: owner:`): on the pages and in the footer, or a placeholder."""

from __future__ import annotations

import html
import json
import logging
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from site_build import owner
from site_build.hooks import owner_pages

ROOT = Path(__file__).resolve().parents[2]
OWNER = {
    "name": "Testfylke fylkeskommune",
    "email": "postmottak@testfylke.example",
    "feedback": "https://www.testfylke.example/tilbakemelding",
    "statement_date": date(2027, 2, 3),
}
PAGES = ("index.html", "personvern/index.html", "tilgjengelighet/index.html", "404.html")


def _text(page: str) -> str:
    page = re.sub(r"<script\b.*?</script>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def _footer(page: str) -> str:
    return _text(page.split('<footer class="md-footer">', 1)[1])


@pytest.fixture(scope="module")
def owned_site(tmp_path_factory) -> tuple[Path, str]:
    """The site built from a copy of mkdocs.yml with every owner setting; the build's log."""
    tmp = tmp_path_factory.mktemp("owned")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / h) for h in config["hooks"]]
    config["extra"]["owner"] = OWNER
    (tmp / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    out = tmp / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp / "mkdocs.yml"), "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}"
    return out, proc.stdout + proc.stderr


def test_a_build_with_the_settings_names_the_owner_on_its_pages_and_in_every_footer(owned_site):
    """Name, e-mail and feedback address in the footer of every page; the statement's date; no placeholder."""
    site, log = owned_site
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pyodide" not in p.parts)
    assert set(PAGES) <= set(pages) and len(pages) > 20
    for rel in pages:
        footer = _footer(_read(site, rel))
        assert OWNER["name"] in footer and OWNER["email"] in footer and OWNER["feedback"] in footer, rel
        assert owner.PLACEHOLDER not in _text(_read(site, rel)), rel
    personvern = _read(site, "personvern/index.html")
    assert f'href="mailto:{OWNER["email"]}"' in personvern.split('<footer class="md-footer">')[0]
    statement = _read(site, "tilgjengelighet/index.html").split('<footer class="md-footer">')[0]
    assert "Erklæringen er skrevet 3. februar 2027." in _text(statement)
    assert f'href="{OWNER["feedback"]}"' in statement
    assert "saksliste" not in _text(statement) + _text(personvern)
    assert "Eieren av nettstedet mangler" not in log


def test_the_routine_page_sends_to_the_owners_email(owned_site):
    """The routine form's address is `extra.owner.email`: one place for the owner."""
    page = _read(owned_site[0], "meld-inn-rutine/index.html")
    boot = re.search(r'<script type="application/json" id="routine-boot">(.*?)</script>', page, re.S).group(1)
    assert json.loads(boot)["owner"] == OWNER["email"]


def test_a_build_without_the_settings_shows_the_placeholder(built_site):
    """mkdocs.yml as committed sets no owner: the footer, Personvern and Tilgjengelighet show the placeholder."""
    for rel in PAGES:
        assert owner.PLACEHOLDER in _footer(_read(built_site, rel)), rel
    assert owner.PLACEHOLDER in _text(_read(built_site, "personvern/index.html").split('<footer class="md-footer">')[0])
    statement = _text(_read(built_site, "tilgjengelighet/index.html").split('<footer class="md-footer">')[0])
    assert owner.PLACEHOLDER in statement and owner.NO_DATE in statement
    assert "saksliste" not in statement and "Erklæringen er skrevet" not in statement


def test_a_build_without_the_settings_says_so_in_its_log(caplog):
    """The build's log names the missing keys (a message, not a warning that would stop a strict build)."""
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.owner"):
        owner_pages.on_config({"extra": {"owner": {"name": "Testfylke"}}})
    (record,) = [r for r in caplog.records if r.name == "mkdocs.hooks.owner"]
    assert record.levelno == logging.INFO
    assert "email, feedback, statement_date" in record.getMessage()


@pytest.mark.parametrize(
    "settings, key",
    [
        ({"mail": "a@b.no"}, "ukjent nøkkel mail"),
        ({"email": "postmottak"}, "email"),
        ({"feedback": "www.eksempel.no"}, "feedback"),
        ({"feedback": "javascript:alert(1)"}, "feedback"),
        ({"statement_date": "23.11.2026"}, "statement_date"),
        ({"name": ["a"]}, "name"),
    ],
)
def test_a_wrong_setting_stops_the_build_naming_the_key(settings, key):
    """A value the pages cannot use is refused with a Norwegian message naming the key."""
    with pytest.raises(owner.OwnerError, match=key):
        owner.from_settings(settings)


def test_a_mailto_feedback_address_is_shown_as_the_address():
    """`feedback: mailto:…` links the address and shows it without the scheme."""
    o = owner.from_settings({"name": "X", "feedback": "mailto:innspill@x.example"})
    assert str(o.feedback_channel()) == 'Meld fra til X via <a href="mailto:innspill@x.example">innspill@x.example</a>.'
    assert owner.from_settings({"name": "<b>"}).contact().startswith("Nettstedet drives av &lt;b&gt;.")
