"""Users' pages speak to users: no built page's main content names a file path or a command."""

from __future__ import annotations

import html
import re
from pathlib import Path

# What belongs in MAINTAINERS.md, not on a page an adviser reads.
FORBIDDEN = re.compile(r"\.toml\b|\.py\b|\.txt\b|python -m|pytest|guide_engine/|site_build/|scripts/|Kjør testene", re.I)
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)


def main_text(page: str) -> str:
    """The page's main content as text (scripts and their boot data left out)."""
    m = ARTICLE.search(page)
    body = re.sub(r"<script\b.*?</script>", " ", m.group(1) if m else "", flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_pattern_catches_what_maintainers_wrote():
    """The check finds the phrases the pages used to have."""
    for said in ("guide_engine/data/counties/akershus.toml", "Kjør testene (pytest tests/x)", "python -m guide_engine ages"):
        assert FORBIDDEN.search(main_text(f"<article><p>{html.escape(said)}</p></article>"))
    assert not FORBIDDEN.search(main_text("<article><p>Pyodide kjører Python i nettleseren.</p></article>"))


def test_no_page_names_a_file_path_or_a_command(built_site):
    """Every built page's main content is free of file paths and commands."""
    pages = sorted(p for p in built_site.rglob("*.html") if "pyodide" not in p.parts)
    assert len(pages) > 20
    found = []
    for p in pages:
        text = main_text(p.read_text(encoding="utf-8"))
        found += [f"{p.relative_to(built_site)}: …{text[max(0, m.start() - 40):m.end() + 20]}…" for m in FORBIDDEN.finditer(text)]
    assert not found, "\n".join(found)
