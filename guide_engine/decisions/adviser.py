"""Whether the programme adviser takes part in the session.

General rule: the county's routine (``adviser_participation``): ``required`` (a three-way
conversation), ``on_request`` (the participant decides) or ``case_by_case`` (assessed with the
municipality). The participant is always asked, also where the routine is that the adviser takes
part: whether forvaltningsloven § 12 (bringing a representative) applies to career guidance is
legally unsettled, so the adviser takes part because the participant wants it, never by default.
"§ 12" is the 1967 act's; the new forvaltningsloven (lov 20. juni 2025 nr. 81, in force: not confirmed)
has automated decisions in its § 12, and its representative rule has not been read.
Exception: where the routine says ``required`` and the participant says no, the participant's answer
wins; the decision says the conflict once (``conflict``) and what to do.

The decision says itself in words, once (``words``, from templates/adviser.txt): the letter's line
(the referral), which states the participant's wish; the checklist and the page render these.
"""


from __future__ import annotations

from ..case_facts import CaseFacts
from ..texts import fill, sections

PART = "adviser"


def _letter(mode: str, wants: bool | None) -> str | None:
    w = sections("adviser")
    if wants is None:
        return None
    if mode == "required":
        return fill(w["letter_required_yes" if wants else "letter_required_no"])
    return fill(w["letter_yes" if wants else "letter_no"])


def decide(facts: CaseFacts, wants: bool | None) -> dict:
    """The adviser's part in the session for the case's county on its date (``wants``: the participant's answer)."""
    w = sections("adviser")
    f = facts.get("adviser_participation", PART)
    mode = f.value if f else "unknown"
    refs = list(f.references) if f else []
    wish = [] if wants is None else [fill(w["wants_yes" if wants else "wants_no"])]
    unsettled = fill(w["unsettled_no" if wants is False else "unsettled_yes"])
    conflict = mode == "required" and wants is False
    if mode == "required":
        present = not conflict if wants is not None else True
        parts = [f.text] + ([fill(w["conflict"]), unsettled] if conflict else wish)
    elif mode == "on_request":
        present, parts = wants, [f.text] + wish
    elif mode == "case_by_case":
        present, parts = None, [f.text] + wish + ([fill(w["weigh"])] if wish else [])
    else:
        present = wants
        parts = [fill(w["no_routine"], county_name=facts.county.name)] + wish
        parts += ([fill(w["no_routine_yes"])] if wants else []) + [unsettled]
    if "forvaltningsloven-12" not in refs:
        refs.append("forvaltningsloven-12")
    refs.append("forvaltningsloven-2025")  # the act that replaces the 1967 act (in force: not confirmed)
    return {
        "participation": mode,
        "wants_present": wants,
        "present": present,
        "conflict": conflict,
        "text": " ".join(parts),
        "references": refs,
        "sources": [f.source] if f else [],
        "layer": f.layer if f else None,
        "data_notes": facts.note_ids(PART),
        "words": {"letter": _letter(mode, wants)},
    }
