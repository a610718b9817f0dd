"""Who orders and who pays the interpreter for the career guidance session.

General rule: the county's own routine decides (county facts ``interpreter_orders``,
``interpreter_pays`` and ``interpreter_refund``); where it is silent, IMDi's national guidance
(data/national.toml: the county arranges and pays), labelled as such (``layer``, ``data_notes``).
Exception: where neither says anything on the date (before 2021), the law gives no answer of its own — the county shall provide the guidance (integreringsloven
§§ 4 and 11) and a public body shall use a qualified interpreter when it is needed (tolkeloven § 6) —
so the result is ``unknown`` and the municipality must ask the county.

The decision says itself in words, once (``words``, from templates/interpreter.txt): who orders and
pays in one line (the summary), what the municipality does and on what basis (the checklist task),
and the letter's line (the referral); every surface renders these and decides nothing again.
"""

from __future__ import annotations

from datetime import date

from ..case_facts import CaseFacts
from ..data_loader import load_labels
from ..provenance import NATIONAL, UNSURE
from ..texts import fill, sections

TOLKELOVEN_FROM = date(2022, 1, 1)  # lov 11. juni 2021 nr. 79 (tolkeloven) in force
PART = "interpreter"


def who_label(value: str | None) -> str:
    """Fylkeskommunen / Kommunen / Ikke avklart (data/labels.toml)."""
    who = load_labels()["who"]
    return who.get(value or "unknown", who["unknown"])


def words(needed: bool | None, orders: str, pays: str, layer: str | None, language: str | None, confirmed: bool = True) -> dict:
    """The decision in words (templates/interpreter.txt): ``summary`` (who orders and pays, one line),
    ``task`` and ``basis`` (what the municipality does, and why; None when no interpreter is needed),
    ``letter`` (the referral's line). None where the case has no interpreter question (not covered)."""
    if needed is None:
        return {"summary": None, "task": None, "basis": None, "letter": None}
    w = sections("interpreter")
    if not needed:
        return {"summary": fill(w["summary_not_needed"]), "task": None, "basis": None, "letter": fill(w["letter_not_needed"])}
    lang = language or "[språk]"
    who = orders if orders in ("municipality", "county") else "unknown"
    if orders == "unknown" and pays == "unknown":
        summary = fill(w["summary_unknown"])
    else:
        summary = fill(w["summary_same" if orders == pays else "summary"], orders=who_label(orders), pays=who_label(pays).lower())
    if layer == NATIONAL:
        summary += " " + fill(w["summary_national"])
    if not confirmed:
        summary += " " + fill(w["summary_unconfirmed"])
    letter = {"county": "letter_county_national" if layer == NATIONAL else "letter_county",
              "municipality": "letter_municipality_refund" if pays == "county" else "letter_municipality"}.get(who, "letter_unknown")
    return {"summary": summary, "task": fill(w[f"task_{who}"], language=lang), "basis": fill(w[f"basis_{who}"]),
            "letter": fill(w[letter], language=lang)}


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
    result["data_notes"] = facts.note_ids(PART)
    # How sure: a fact used after the date its source confirms, or from an old source, is not confirmed.
    result["confirmed"] = not any(n["kind"] in UNSURE for n in facts.notes(PART))
    result["orders_label"], result["pays_label"] = who_label(result["orders"]), who_label(result["pays"])
    result["words"] = words(needed, result["orders"], result["pays"], result["layer"], result["language"], result["confirmed"])
    return result
