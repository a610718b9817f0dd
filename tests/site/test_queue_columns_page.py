"""The queue page's table of columns and accepted values is built from the question data (site_build/hooks/queue_columns.py)."""

from __future__ import annotations

from site_build.hooks import queue_columns

from guide_engine.queue.columns import column_guide


class _Page:
    meta: dict = {}


def test_the_hook_fills_the_marker_with_every_column_from_the_data():
    out = queue_columns.on_page_markdown(f"Før\n\n{queue_columns.MARK}\n\nEtter", _Page(), {}, None)
    assert queue_columns.MARK not in out and out.startswith("Før") and out.endswith("Etter")
    rows = [line for line in out.splitlines() if line.startswith("| **")]
    assert [r.split("**")[1] for r in rows] == [c["heading"] for c in column_guide()]
    county = next(r for r in rows if r.startswith("| **Fylke**"))
    assert "Valgfri" in county and "Møre og Romsdal" in county  # it follows from the municipality
    municipality = next(r for r in rows if r.startswith("| **Kommune**"))
    assert "Må være med" in municipality and "Kommunenummer" in municipality
    assert "flyktning, overføringsflyktning" in next(r for r in rows if r.startswith("| **Oppholdsgrunnlag**"))
    assert "Valgfri" in next(r for r in rows if r.startswith("| **Tolk**"))
    assert queue_columns.on_page_markdown("Ingen tabell her", _Page(), {}, None) == "Ingen tabell her"


def test_the_built_queue_page_lists_the_columns_and_the_template_has_norwegian_headings(built_site):
    html = (built_site / "prioritering" / "index.html").read_text(encoding="utf-8")
    assert "kolonnetabell" not in html
    for c in column_guide():
        assert f"<strong>{c['heading']}</strong>" in html, c["heading"]
    template = (built_site / "prioritering" / "mal.csv").read_text(encoding="utf-8-sig")
    assert template.startswith("Deltaker;Kommune;Fylke;Saksnummer;Oppholdsgrunnlag")
