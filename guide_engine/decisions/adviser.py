"""Whether the programme adviser takes part in the session.

General rule: the county's routine (``adviser_participation``): ``required`` (a three-way
conversation), ``on_request`` (the participant decides) or ``case_by_case`` (assessed with the
municipality). The participant is always asked, also where the routine is that the adviser takes
part: whether forvaltningsloven § 12 (bringing a representative) applies to career guidance is
legally unsettled, so the adviser takes part because the participant wants it, never by default.
"§ 12" is the 1967 act's; the new forvaltningsloven (lov 20. juni 2025 nr. 81, in force: not confirmed)
has automated decisions in its § 12, and its representative rule has not been read.
"""


from __future__ import annotations

from ..case_facts import CaseFacts

UNSETTLED = (
    "Om retten til å ha med fullmektig (forvaltningsloven 1967 § 12) gjelder i karriereveiledningen, er juridisk uavklart; "
    "programrådgiveren er med fordi deltakeren ønsker det. "
    "En ny forvaltningslov (lov 20. juni 2025 nr. 81) skal erstatte loven fra 1967; når den trer i kraft, er ikke bekreftet, og i den nye loven handler § 12 om automatiserte avgjørelser, ikke om fullmektig."
)


PART = "adviser"


def decide(facts: CaseFacts, wants: bool | None) -> dict:
    """The adviser's part in the session for the case's county on its date (``wants``: the participant's answer)."""
    f = facts.get("adviser_participation", PART)
    mode = f.value if f else "unknown"
    refs = list(f.references) if f else []
    if mode == "required":
        if wants is False:
            present = None
            text = f.text + " Deltakeren ønsker ikke at programrådgiveren er med; avklar med karrieresenteret før veiledningen. " + UNSETTLED
        else:
            present, text = True, f.text + (" Deltakeren ønsker at programrådgiveren er med." if wants else "")
    elif mode == "on_request":
        present = wants
        text = f.text + (" Deltakeren ønsker at programrådgiveren er med." if wants else " Deltakeren ønsker ikke at programrådgiveren er med.")
    elif mode == "case_by_case":
        present = None
        text = f.text + (" Deltakeren ønsker at programrådgiveren er med; ta det med i vurderingen." if wants else " Deltakeren ønsker ikke at programrådgiveren er med; ta det med i vurderingen.")
    else:
        present = wants
        text = (
            f"Ingen rutine registrert for {facts.county.name} om programrådgiverens deltakelse. "
            + ("Deltakeren ønsker at programrådgiveren er med; avtal dette med fylkeskommunen. " if wants else "")
            + UNSETTLED
        )
        refs.append("forvaltningsloven-12")
    if "forvaltningsloven-12" not in refs:
        refs.append("forvaltningsloven-12")
    refs.append("forvaltningsloven-2025")  # the act that replaces the 1967 act (in force: not confirmed)
    return {
        "participation": mode,
        "wants_present": wants,
        "present": present,
        "text": text,
        "references": refs or ["integreringsloven-11"],
        "sources": [f.source] if f else [],
        "layer": f.layer if f else None,
        "data_notes": facts.note_texts(PART),
    }
