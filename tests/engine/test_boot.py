"""The boot data the guide page embeds: first questions, labels, reference and source names."""

from __future__ import annotations

from guide_engine.boot import boot_data
from guide_engine.data_loader import load_labels


def test_boot_data_carries_the_engines_labels():
    """The page gets month names and who-labels from the engine's data, so it needs no copy of its own."""
    boot = boot_data()
    assert boot["labels"] == load_labels()
    assert boot["labels"]["months"][10] == "november"
    assert boot["labels"]["who"]["county"] == "Fylkeskommunen"


def test_boot_data_carries_the_questions():
    """The first question is usable before Python runs in the browser."""
    boot = boot_data()
    assert boot["questions"] and boot["questions"][0]["id"] == "municipality"
    assert {c["id"] for c in boot["counties"]} >= {"oslo", "viken"}


def test_boot_data_carries_the_municipality_register():
    """The type-ahead gets every register row (number, name, label, county, period), so it works before Python runs."""
    m = boot_data()["municipalities"]
    rows = [dict(zip(m["fields"], r)) for r in m["rows"]]
    assert {"number", "name", "county", "valid_from", "valid_to"} <= set(m["fields"])
    on = "2024-06-01"
    assert sum(1 for r in rows if r["valid_from"] <= on and (r["valid_to"] is None or on <= r["valid_to"])) == 357
    molde = next(r for r in rows if r["number"] == "1506")
    assert molde["name"] == "Molde" and molde["county"] == "more-og-romsdal"
