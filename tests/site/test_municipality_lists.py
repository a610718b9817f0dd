"""The municipality register on the site: each county page's list, where a dissolved county's municipalities went, /data/municipalities.json."""

from __future__ import annotations

import json
from datetime import date

from site_build import municipality_lists
from tests.site.test_county_pages import _article, _text


def test_county_lists_today_and_where_the_ended_numbers_went():
    """Møre og Romsdal lists Molde today and 1507 Ålesund as ended, gone to Ålesund and Haram; Viken lists only ended rows."""
    mr = municipality_lists.county_lists("more-og-romsdal", date(2026, 11, 23))
    assert "1506" in [e["m"].number for e in mr["current"]]
    alesund = next(e for e in mr["ended"] if e["m"].number == "1507")
    assert sorted(s.name for s in alesund["after"]) == ["Haram", "Ålesund"]
    viken = municipality_lists.county_lists("viken", date(2026, 11, 23))
    assert viken["current"] == [] and len(viken["ended"]) > 40
    jevnaker = next(e for e in viken["ended"] if e["m"].name == "Jevnaker")
    assert [s.county for s in jevnaker["after"]] == ["akershus"]


def test_county_page_lists_its_municipalities(built_site):
    """The Møre og Romsdal page names Molde with 1506; Akershus names Jevnaker and that it came from Viken."""
    mr = _text(_article(built_site, "more-og-romsdal"))
    assert "Kommunene i Møre og Romsdal" in mr and "1506 Molde" in mr
    ak = _text(_article(built_site, "akershus"))
    assert "Jevnaker" in ak and "Viken" in ak


def test_dissolved_county_page_says_where_each_went(built_site):
    """The Viken page says Jevnaker went to Akershus and Hole to Buskerud on 1 January 2024."""
    article = _article(built_site, "viken")
    rows = {r.split("</th>")[0].rsplit(">", 1)[-1]: _text(r) for r in article.split("<tr>")[1:]}
    assert "Akershus" in rows["Jevnaker"] and "1. januar 2024" in rows["Jevnaker"]
    assert "Buskerud" in rows["Hole"]


def test_register_json_beside_the_county_data(built_site):
    """/data/municipalities.json holds every row with number, name, county, valid_from, valid_to and the sources."""
    data = json.loads((built_site / "data" / "municipalities.json").read_text(encoding="utf-8"))
    assert (built_site / "data" / "counties.json").exists()
    rows = data["municipalities"]
    assert {"number", "name", "county", "valid_from", "valid_to"} <= set(rows[0])
    on = "2022-06-01"
    assert sum(1 for r in rows if r["valid_from"] <= on and (r["valid_to"] is None or on <= r["valid_to"])) == 356
    assert data["sources"] and data["start"] == "2020-01-01"
