"""The home page's own content has a way in for each audience (issue 25: the front door)."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _Cards(HTMLParser):
    """The cards (list items) of the home page's content, each with its text and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.depth = 0
        self.cards: list[dict] = []
        self.card_depth: int | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if not self.in_article:
            return
        self.depth += 1
        if tag == "li" and self.card_depth is None:
            self.card_depth = self.depth
            self.cards.append({"text": "", "links": []})
        elif tag == "a" and self.card_depth is not None:
            self.cards[-1]["links"].append(a.get("href", ""))

    def handle_endtag(self, tag):
        if not self.in_article:
            return
        if tag == "li" and self.card_depth == self.depth:
            self.card_depth = None
        self.depth -= 1
        if tag == "article":
            self.in_article -= 1

    def handle_data(self, data):
        if self.card_depth is not None:
            self.cards[-1]["text"] += data


def _card(cards: list[dict], audience: str) -> dict:
    found = [c for c in cards if re.search(audience, c["text"])]
    assert len(found) == 1, (audience, [c["text"][:60] for c in cards])
    return found[0]


def test_each_audience_has_a_way_in_on_the_home_page(built_site):
    """Adviser → the guide, centre → the queue, new staff → Ny i rollen and the practice cases, in the page's own content."""
    parser = _Cards()
    parser.feed((built_site / "index.html").read_text(encoding="utf-8"))
    cards = parser.cards
    assert any("veiviser/" in h for h in _card(cards, r"Programrådgiver")["links"])
    assert any("prioritering/" in h for h in _card(cards, r"Karrieresenter")["links"])
    new_staff = _card(cards, r"Ny i rollen\?")["links"]
    assert any("ny-i-rollen/" in h for h in new_staff) and any("ovelser/" in h for h in new_staff)
