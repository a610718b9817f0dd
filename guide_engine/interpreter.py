"""Who orders and who pays the interpreter for the career guidance session.

General rule: the county's own routine decides (county facts ``interpreter_orders``,
``interpreter_pays`` and ``interpreter_refund``); where it is silent, IMDi's national guidance
(data/national.toml: the county arranges and pays), labelled as such (``layer``, ``data_notes``).
Exception: where neither says anything on the date (before 2021), the law gives no answer of its own — the county shall provide the guidance (integreringsloven
§§ 4 and 11) and a public body shall use a qualified interpreter when it is needed (tolkeloven § 6) —
so the result is ``unknown`` and the municipality must ask the county.
"""

from __future__ import annotations

from datetime import date

from .case_facts import CaseFacts
from .provenance import NATIONAL

TOLKELOVEN_FROM = date(2022, 1, 1)  # lov 11. juni 2021 nr. 79 (tolkeloven) in force


PART = "interpreter"


def decide(facts: CaseFacts, needed: bool | None, language: str | None) -> dict:
    """Who orders and who pays for the case's county on its date (``needed``: the participant's answer)."""
    on = facts.on
    orders = facts.get("interpreter_orders", PART)
    pays = facts.get("interpreter_pays", PART)
    refund = facts.get("interpreter_refund", PART)
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
            f"Ingen rutine registrert for {facts.county.name} om {missing} tolk. Loven sier at fylkeskommunen skal sørge for "
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
    used = [a for a in (orders, pays, refund) if a is not None]
    result["layer"] = (NATIONAL if any(a.layer == NATIONAL for a in used) else "county") if used else None
    result["data_notes"] = facts.note_texts(PART)
    return result
