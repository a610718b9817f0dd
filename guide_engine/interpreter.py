"""Who orders and who pays the interpreter for the career guidance session.

General rule: the county's own routine decides (county facts ``interpreter_orders``,
``interpreter_pays`` and ``interpreter_refund``). Exception: where the county has no routine on the
date, the law gives no answer of its own — the county shall provide the guidance (integreringsloven
§§ 4 and 11) and a public body shall use a qualified interpreter when it is needed (tolkeloven § 6) —
so the result is ``unknown`` and the municipality must ask the county.
"""

from __future__ import annotations

from datetime import date

from .data_loader import County

TOLKELOVEN_FROM = date(2022, 1, 1)  # lov 11. juni 2021 nr. 79 (tolkeloven) in force


def decide(county: County, on: date, needed: bool | None, language: str | None) -> dict:
    orders = county.fact("interpreter_orders", on)
    pays = county.fact("interpreter_pays", on)
    refund = county.fact("interpreter_refund", on)
    result: dict = {
        "needed": needed,
        "language": language if needed else None,
        "orders": orders.value if orders else "unknown",
        "pays": pays.value if pays else "unknown",
        "refund": refund.value if refund else None,
        "reasons": [],
        "references": [],
        "sources": [],
    }
    reasons, refs, sources = result["reasons"], result["references"], result["sources"]
    for f in (orders, pays, refund):
        if f is not None:
            reasons.append(f.text)
            sources.append(f.source)
            refs.extend(f.references)
    if orders is None or pays is None:
        missing = " og ".join(x for x, f in (("hvem som bestiller", orders), ("hvem som betaler", pays)) if f is None)
        law = (
            " Et offentlig organ skal bruke tolk når det er nødvendig for rettssikkerheten eller for å gi forsvarlig hjelp "
            "og tjeneste (tolkeloven § 6)." if on >= TOLKELOVEN_FROM else ""
        )
        reasons.append(
            f"Ingen rutine registrert for {county.name} om {missing} tolk. Loven sier at fylkeskommunen skal sørge for "
            f"karriereveiledningen (integreringsloven §§ 4 og 11), men ikke hvem som bestiller og betaler tolk.{law} "
            "IMDi er fagmyndighet for tolking i offentlig sektor, veileder om bestilling og bruk av tolk og driver "
            "Nasjonalt tolkeregister over kvalifiserte tolker. Spør fylkeskommunen hvem som bestiller og betaler før veiledningen."
        )
        refs.extend(["integreringsloven-4", "integreringsloven-11"] + (["tolkeloven-6"] if law else []))
    elif orders.value == "municipality" and pays.value == "county":
        reasons.append("Kommunen bestiller tolken og krever kostnaden refundert fra fylkeskommunen.")
    if not refs:
        refs.append("integreringsloven-11")
    result["references"] = list(dict.fromkeys(refs))
    result["sources"] = list(dict.fromkeys(sources))
    return result
