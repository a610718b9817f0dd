"""The adviser's participation names the act it cites: forvaltningsloven 1967 § 12, and the new act that replaces it."""

from __future__ import annotations

from guide_engine import api
from tests.helpers.engine_helpers import case


def test_the_adviser_text_names_the_1967_act_and_the_new_act_with_its_unconfirmed_in_force_date():
    """In the new forvaltningsloven (lov 20. juni 2025 nr. 81) § 12 is about automated decisions: the result says which
    act «§ 12» means, that the new one's in-force date is not confirmed, and cites both."""
    r = api.evaluate(case(county="akershus", municipality="Asker", wants_adviser_present=True), "2026-11-23")
    assert r["ok"], r["errors"]
    text = r["adviser"]["text"]
    assert "forvaltningsloven 1967 § 12" in text and "lov 20. juni 2025 nr. 81" in text and "ikke bekreftet" in text
    assert {"forvaltningsloven-12", "forvaltningsloven-2025"} <= set(r["adviser"]["references"])
    assert "forvaltningsloven-2025" in r["references"]
    q = next(x for x in api.questions("2026-11-23") if x["id"] == "wants_adviser_present")
    assert "1967" in q["help"] and "lov 20. juni 2025 nr. 81" in q["help"]
