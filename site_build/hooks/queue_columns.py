"""MkDocs hook: the queue page's table of columns and accepted values, built from the question data
(``guide_engine.queue.columns.column_guide``), so the page lists exactly what the queue reads. A page
writes ``<!-- kolonnetabell -->`` where the table goes."""

from __future__ import annotations

from guide_engine.queue.columns import column_guide

MARK = "<!-- kolonnetabell -->"
NEED = {
    "column": "**Må være med** (rangeringen bygger på den)",
    "path": "Når saken trenger svaret, som i veiviseren",
    "optional": "Valgfri: brukes når den er fylt ut",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table() -> str:
    """The Markdown table: heading, also accepted, needed, values, what the column holds."""
    lines = ["| Kolonne | Også godtatt | Trengs | Verdier | Hva |", "|---|---|---|---|---|"]
    for c in column_guide():
        also = ", ".join(f"`{_cell(a)}`" if a == c["field"] else _cell(a) for a in c["also"])  # the field's id as code
        values = ", ".join(_cell(v) for v in c["values"]) or "fritekst"
        lines.append(f"| **{_cell(c['heading'])}** | {also} | {NEED[c['need']]} | {values} | {_cell(c['text'])} |")
    return "\n".join(lines)


def on_page_markdown(markdown: str, page, config, files):
    # in a block of its own, so its long words may break (docs/assets/site.css): the table then fits the
    # content width, and no scrolling region without a keyboard way in is left (axe: scrollable-region-focusable)
    block = '<div class="queue-columns" markdown>\n\n' + table() + "\n\n</div>"
    return markdown.replace(MARK, block) if MARK in markdown else markdown
