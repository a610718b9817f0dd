"""The vocabularies other files name values from, each defined once: labels.toml (shared labels),
vocabularies/permit_groups.toml and vocabularies/statuses.toml (the permit groups and the eligibility
statuses, each with its provision and its words), vocabularies/sheet.toml (the queue spreadsheet's
words that belong to no question: the label column, yes and no)."""

from __future__ import annotations

from typing import Any

from .files import cached, read_toml, tables
from .reader import Reader, text_list
from .records import PermitGroup, Status
from .sources import cited_references


@cached
def load_labels() -> dict[str, Any]:
    """data/labels.toml: month names and the label sets the result, the county pages and the guide share."""
    name = "labels.toml"
    raw = read_toml(name)
    r = Reader(name, "", raw)
    months = r.get("months", lambda v: text_list(v) and len(v) == 12, True, "tolv månedsnavn")
    out: dict[str, Any] = {"months": list(months)}
    for group in ("who", "contact_kind", "priority_level", "routine_change", "confirmation_scope", "adviser_participation"):
        _, table = r.raw(group, required=True)
        g = Reader(name, group, table)
        out[group] = {k: g.text(k) for k in g.table}
    r.done()
    return out


MAILBOXES = "vocabularies/mailboxes.toml"


@cached
def load_mailbox_stems() -> tuple[str, ...]:
    """vocabularies/mailboxes.toml: the word stems that mark an address as a functional mailbox."""
    r = Reader(MAILBOXES, "", read_toml(MAILBOXES))
    stems = r.get("stems", lambda v: text_list(v) and all(x == x.lower() for x in v), True, "en liste med små bokstaver")
    r.done()
    return tuple(stems)


PERMIT_GROUPS = "vocabularies/permit_groups.toml"
STATUSES = "vocabularies/statuses.toml"
SHEET = "vocabularies/sheet.toml"


@cached
def load_permit_groups() -> dict[str, PermitGroup]:
    """vocabularies/permit_groups.toml: the permit groups, in the order the question lists them.
    Which rule decides each (``rule``) is checked by guide_engine/decisions/eligibility.py, which holds the rules."""
    out: dict[str, PermitGroup] = {}
    for gid, r in tables(PERMIT_GROUPS):
        earliest = r.text("earliest_permit", required=False)
        message = r.text("earliest_permit_message", required=earliest is not None)
        if earliest is None and message is not None:
            raise r.fail("earliest_permit_message", "bare der earliest_permit er satt")
        out[gid] = PermitGroup(gid, r.text("label"), r.text("text"), r.text("rule"), r.flag("settlement_agreement"),
                               cited_references(r, required=False), r.text("provision"), r.flag("applied_from_abroad"),
                               earliest, message, tuple(r.get("sheet_values", text_list, False) or ()))
    return out


@cached
def load_statuses() -> dict[str, Status]:
    """vocabularies/statuses.toml: the eligibility statuses guide_engine/decisions/eligibility.py decides, in order."""
    out: dict[str, Status] = {}
    for sid, r in tables(STATUSES):
        referred = r.flag("referred")
        letter_basis, letter = r.text("letter_basis", required=referred), r.text("letter", required=referred)
        if not referred and (letter_basis or letter):
            raise r.fail("letter" if letter else "letter_basis", "bare der referred = true (ingen henvisning, ingen brevtekst)")
        out[sid] = Status(sid, r.text("label"), r.flag("settled"), r.text("provision"), cited_references(r, required=False),
                          referred, letter_basis, letter, r.text("cases", required=False))
    return out


def settled_statuses() -> tuple[str, ...]:
    """The statuses that are a settled outcome (a county fact may be written for one; not "unclear")."""
    return tuple(s.id for s in load_statuses().values() if s.settled)


@cached
def load_sheet_words() -> dict[str, Any]:
    """vocabularies/sheet.toml: the label column's headings and description, and the words for yes and no."""
    raw = read_toml(SHEET)
    r = Reader(SHEET, "", raw)
    _, label = r.raw("label", required=True)
    lr = Reader(SHEET, "label", label)
    out = {"label_names": tuple(lr.get("names", text_list, True)), "label_text": lr.text("text")}
    lr.done()
    _, yes_no = r.raw("yes_no", required=True)
    yr = Reader(SHEET, "yes_no", yes_no)
    out["yes"], out["no"] = tuple(yr.get("yes", text_list, True)), tuple(yr.get("no", text_list, True))
    yr.done()
    if {w.lower() for w in out["yes"]} & {w.lower() for w in out["no"]}:
        raise yr.fail("no", "et ord kan ikke bety både ja og nei")
    r.done()
    return out
