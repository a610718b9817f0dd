"""The guide's first step as plain HTML, written into /veiviser/ by the build (hooks/engine_pages.py).

The page paints the first question without waiting for any script; the guide's script then takes the
form over (guide_ui/guide/prerendered.js) and keeps what the user typed, the focus and the caret.
Everything the form says comes from the boot data the script reads too (guide_engine/boot.py: the
question's text and help, the municipalities and counties); the markup is the one the script draws
(guide_ui/guide/views/question.js, widgets.js), so taking it over changes nothing on screen. Before
the script arrives, the municipality field is an <input list> over a <datalist> of the municipalities
on the build's date (the browser's own suggestions); the script's type-ahead replaces the list. The
list comes after the form: the page's first frame waits for «Neste» (guide.html, rel=expect), not
for the 357 options, which on a slow link are some 4 kB more to wait for.
"""

from __future__ import annotations

from html import escape

# The words of the step's frame, as the script draws them (guide_ui/guide/views/): the first step is
# "Spørsmål 1" with a "Neste" button. tests/browser/test_guide_first_step.py checks they are the same.
PROGRESS = "Spørsmål 1"
NEXT = "Neste"


# Norwegian order: æ, ø, å after z (the script sorts with localeCompare(…, "nb")).
_NB_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # the three characters after "z"


def _attr(value: str) -> str:
    return escape(value, quote=True)


def municipalities_on(boot: dict, on: str) -> list[tuple[str, str]]:
    """(label, "label (number), county") for each municipality that exists on ``on`` (ISO), sorted as the
    script sorts them (name, then number)."""
    data = boot.get("municipalities") or {"fields": [], "rows": []}
    at = {f: i for i, f in enumerate(data["fields"])}
    names = {c["id"]: c["name"] for c in boot.get("counties") or []}
    rows = [r for r in data["rows"] if r[at["valid_from"]] <= on and (not r[at["valid_to"]] or on <= r[at["valid_to"]])]
    rows.sort(key=lambda r: (r[at["name"]].casefold().translate(_NB_LAST), r[at["number"]]))
    return [(r[at["label"]], f"{r[at['label']]} ({r[at['number']]}), {names.get(r[at['county']], r[at['county']])}") for r in rows]


def _suggestions(q: dict, boot: dict, on: str) -> str:
    options = "".join(f'<option value="{_attr(value)}">{escape(text)}</option>' for value, text in municipalities_on(boot, on))
    return f'<datalist id="q-{_attr(q["id"])}-suggestions">{options}</datalist>'


def _municipality_field(q: dict) -> str:
    qid = _attr(q["id"])
    maxlength = f' maxlength="{int(q["max_length"])}"' if q.get("max_length") else ""
    return (
        f'<div class="guide-field">'
        f'<h3 id="guide-question-heading" class="guide-question" tabindex="-1"><label for="q-{qid}">{escape(q["text"])}</label></h3>'
        f'<p id="q-{qid}-help" class="guide-help">{escape(q["help"])}</p>'
        f'<div class="guide-combobox">'
        f'<input id="q-{qid}" name="{qid}" type="text" autocomplete="off" spellcheck="false"{maxlength}'
        f' aria-describedby="q-{qid}-help" aria-required="true" list="q-{qid}-suggestions">'
        f"</div></div>"
    )


def first_step_html(boot: dict, on: str) -> str:
    """The form of the first question the guide asks (``boot["opening"]["path"][0]``), or "" when it is
    of a kind the build does not write (then the script draws it, as before)."""
    path = (boot.get("opening") or {}).get("path") or [q["id"] for q in boot.get("questions", [])[:1]]
    q = next((q for q in boot.get("questions", []) if path and q["id"] == path[0]), None)
    if not q or q.get("type") != "municipality" or not q.get("required"):
        return ""
    return (
        f'<form id="guide-step" novalidate data-question="{_attr(q["id"])}" data-prerendered'
        f' aria-labelledby="guide-question-heading">'
        f'<p class="guide-progress" id="guide-progress">{PROGRESS}</p>'
        f"{_municipality_field(q)}"
        f'<div class="guide-actions"><button type="submit" class="md-button md-button--primary" id="guide-next">{NEXT}</button></div>'
        f"</form>{_suggestions(q, boot, on)}"
    )
