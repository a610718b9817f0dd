"""questions.toml (the guide's questions, their stage, ask_if and field rules) and checklist.toml
(the checklist tasks: who, text, basis, references). A question's options may come from a
vocabulary (``options_from``), so each value has one home."""

from __future__ import annotations

import re

from .files import cached, read_toml, tables
from .reader import DataError, Reader, enum, integer, text, text_list
from .sources import check_refs, cited_references
from .vocabularies import load_permit_groups

QUESTION_TYPES = ("choice", "date", "integer", "boolean", "text", "textarea", "municipality")
# "derived": never asked, follows from another answer (the county from the municipality); a value given must agree.
QUESTION_STAGES = ("derived", "opening", "eligibility", "preparation")
IN_QUEUE = ("column", "optional")  # see questions.toml: the queue's use of the field (absent: as the path needs it)
CHECK_RULES = ("not_after", "not_before", "days_ahead_at_most")
# The vocabularies a choice question may take its options from (value and label of each entry).
OPTION_VOCABULARIES = {"permit_groups": load_permit_groups}


def _options(r: Reader, kind: str, qid: str) -> list[dict] | None:
    """The question's options: listed in the file, or the entries of the vocabulary ``options_from`` names."""
    listed = r.get("options", lambda v: isinstance(v, list) and all(isinstance(o, dict) and {"value", "label"} <= set(o) for o in v),
                   False, "en liste med { value, label }")
    source = r.get("options_from", enum(*OPTION_VOCABULARIES), False)
    if listed and source:
        raise r.fail("options_from", "enten options eller options_from, ikke begge")
    if source:
        listed = [{"value": v.id, "label": v.label} for v in OPTION_VOCABULARIES[source]().values()]
    if kind == "choice" and not listed and qid != "county":
        raise r.fail("options", "mangler: et valgspørsmål trenger svaralternativer (options eller options_from)")
    return listed


@cached
def load_questions() -> tuple[dict, ...]:
    """data/questions.toml: the guide's questions, in order, each checked (options filled in from
    their vocabulary)."""
    name = "questions.toml"
    questions = read_toml(name).get("question")
    if not isinstance(questions, list) or not questions:
        raise DataError(name, "question", "forventet [[question]]-oppføringer")
    seen: set[str] = set()
    out = []
    for i, q in enumerate(questions):
        r = Reader(name, f"question[{i}]", q)
        qid = r.text("id")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", qid) or qid in seen:
            raise r.fail("id", f"{qid!r} er ugyldig eller brukt før")
        seen.add(qid)
        r.path = f"question.{qid}"
        r.text("text")
        r.text("help")
        kind = r.get("type", enum(*QUESTION_TYPES), True)
        r.flag("required")
        options = _options(r, kind, qid)
        for k in ("min", "max", "max_length"):
            r.get(k, lambda v: isinstance(v, int) and not isinstance(v, bool), False, "et heltall")
        r.text("range_message", required=False)
        stage = r.get("stage", enum(*QUESTION_STAGES), True)
        r.get("sheet_names", text_list, False)
        in_queue = r.get("in_queue", enum(*IN_QUEUE), False)
        # a derived answer (the county, from the municipality) is checked when given, never needed
        if in_queue == "optional" and stage not in ("preparation", "derived"):
            raise r.fail("in_queue", "\"optional\" bare for spørsmål som ikke avgjør målgruppen (stage = \"preparation\" eller \"derived\")")
        ask_if = r.get("ask_if", lambda v: text(v) or text_list(v), False, "et navngitt vilkår eller en liste av dem")
        if ask_if and stage != "preparation":
            raise r.fail("ask_if", "bare for stage = \"preparation\" (reglene henter selv spørsmålene de trenger)")
        checks = r.get("checks", lambda v: isinstance(v, list), False, "en liste med { rule, than | days, message }")
        for j, check in enumerate(checks or ()):
            _question_check(Reader(name, f"{r.path}.checks[{j}]", check), kind, seen)
        r.done()
        out.append({**q, "options": options} if options else dict(q))
    return tuple(out)


def _question_check(r: Reader, kind: str, earlier: set[str]) -> None:
    """One field rule of a date question: compares with "on" or an earlier date question, or limits days ahead."""
    if kind != "date":
        raise r.fail("rule", "regler (checks) finnes bare for datospørsmål")
    rule = r.get("rule", enum(*CHECK_RULES), True)
    if rule == "days_ahead_at_most":
        r.get("days", integer, True, "et antall dager")
    else:
        r.get("than", lambda v: v == "on" or v in earlier, True, "\"on\" eller et datospørsmål som står før")
    r.text("message")
    r.done()


CHECKLIST_WHO = ("municipality", "career_centre", "participant")


@cached
def load_checklist() -> dict[str, dict]:
    """data/checklist.toml: the checklist tasks (who, text, basis, references), each checked."""
    out: dict[str, dict] = {}
    for tid, r in tables("checklist.toml"):
        who = r.get("who", lambda v: v in CHECKLIST_WHO or (isinstance(v, str) and v.startswith("$")), True,
                    " / ".join(CHECKLIST_WHO) + " eller en $plassholder")
        refs = r.ids("references")
        if not refs:
            raise r.fail("references", "mangler: hver oppgave har et grunnlag i loven")
        check_refs(r, "references", refs)
        out[tid] = {"who": who, "text": r.text("text"), "basis": r.text("basis"), "references": list(refs)}
        old = cited_references(r, "references_introduksjonsloven", required=False)  # the basis under the old introduksjonsloven
        if old:
            out[tid]["references_introduksjonsloven"] = list(old)
    return out
