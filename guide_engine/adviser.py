"""Whether the programme adviser takes part in the session.

General rule: the county's routine (``adviser_participation``): ``required`` (a three-way
conversation), ``on_request`` (the participant decides; forvaltningsloven § 12 lets anyone bring a
representative) or ``case_by_case`` (assessed with the municipality). Where the county has no
routine, the participant's right to bring a representative (forvaltningsloven § 12) is the minimum.
"""

from __future__ import annotations

from datetime import date

from .data_loader import County
from .provenance import answer


def participation(county: County, on: date, status: str | None = None) -> str:
    f = answer(county, "adviser_participation", on, status)
    return f.value if f else "unknown"


def asks_participant(county: County, on: date, status: str | None = None) -> bool:
    """The participant's wish is asked unless the county requires the adviser to take part."""
    return participation(county, on, status) != "required"


def decide(county: County, on: date, wants: bool | None, status: str | None = None) -> dict:
    f = answer(county, "adviser_participation", on, status)
    mode = f.value if f else "unknown"
    refs = list(f.references) if f else []
    if mode == "required":
        present, text = True, f.text
    elif mode == "on_request":
        present = wants
        text = f.text + (" Deltakeren ønsker at programrådgiveren er med." if wants else " Deltakeren ønsker ikke at programrådgiveren er med.")
    elif mode == "case_by_case":
        present = None
        text = f.text + (" Deltakeren ønsker at programrådgiveren er med; ta det med i vurderingen." if wants else " Deltakeren ønsker ikke at programrådgiveren er med; ta det med i vurderingen.")
    else:
        present = wants
        text = (
            f"Ingen rutine registrert for {county.name} om programrådgiverens deltakelse. Deltakeren kan ta med "
            "programrådgiveren som fullmektig (forvaltningsloven § 12); avtal dette med fylkeskommunen."
        )
        refs.append("forvaltningsloven-12")
    if "forvaltningsloven-12" not in refs and mode in ("on_request", "case_by_case"):
        refs.append("forvaltningsloven-12")
    return {
        "participation": mode,
        "wants_present": wants,
        "present": present,
        "text": text,
        "references": refs or ["integreringsloven-11"],
        "sources": [f.source] if f else [],
        "layer": f.layer if f else None,
        "data_notes": [n["note"] for n in f.notes] if f else [],
    }
