"""Golden files for the referral and the checklist text (regenerate with UPDATE_GOLDEN=1).

The goldens are reviewed text: a change in wording or order shows up as a diff to read, not as a
silently updated expectation. Rows needing a county file that is not there yet are skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide_engine import api
from tests.helpers.scenario_table import county_missing, rows

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# Scenario rows (by name prefix) whose referral and checklist are kept as golden text.
CHOSEN = {
    "mr-rett-og-plikt": "Møre og Romsdal: flyktning bosatt etter avtale",
    "mr-kollektiv-2023": "Ukrainsk flyktning med kollektiv beskyttelse i 2023",
    "for-gammel-ubekreftet": "57 år med tillatelse i 2026",
    "oslo-ingen-rutine": "Oslo: ingen rutine registrert",
    "trondelag-2020-prioritert": "Trøndelag høsten 2020: mål i en bransje",
    "viken-2022": "Viken 2022",
}


def _row(prefix):
    return next(r for r in rows() if r["name"].startswith(prefix))


def referral_text(result) -> str:
    r = result["referral"]
    if not r["applicable"]:
        return f"(ingen henvisning) {r['reason']}\n"
    return f"Til: {r['to'] or '(ingen adresse registrert)'}\nEmne: {r['subject']}\n\n{r['body']}\n{r['reminder']}\n"


@pytest.mark.parametrize("slug", sorted(CHOSEN))
@pytest.mark.parametrize("kind", ["referral", "checklist"])
def test_golden(slug, kind):
    """The referral and checklist text match the reviewed golden file."""
    row = _row(CHOSEN[slug])
    if county_missing(row):
        pytest.skip(f"county file {row['requires_county']}.toml not there yet")
    result = api.evaluate(row["full_case"], row["on"])
    assert result["ok"], result["errors"]
    text = referral_text(result) if kind == "referral" else api.checklist_text(result)
    path = GOLDEN / f"{slug}.{kind}.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden {path.name}: run UPDATE_GOLDEN=1 pytest tests/engine/test_golden.py and review it"
    assert text == path.read_text(encoding="utf-8")


def test_referral_carries_no_identity_number():
    """The referral uses the reference the adviser gave and never asks for a national identity number."""
    result = api.evaluate(_row(CHOSEN["mr-rett-og-plikt"])["full_case"], "2026-11-23")
    body = result["referral"]["body"]
    assert "AB-12" in body and "fødselsnummer" not in body
    assert "fødselsnummer" in result["referral"]["reminder"]
