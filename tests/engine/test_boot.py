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
    assert boot["questions"] and boot["questions"][0]["id"] == "county"
    assert {c["id"] for c in boot["counties"]} >= {"oslo", "viken"}
