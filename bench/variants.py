"""Copies of a built page with its boot data changed: the benchmark's variants (the guide booted
from the snapshot on every link or never, bench/experiments; the queue page booted either way,
bench/queue.py). Each is written beside the page, /<page>-<name>/, in the benchmark's copy of the
site only, so its relative URLs stay the same; never into docs/ or site_build/."""

from __future__ import annotations

import json
import re
from pathlib import Path


def boot_block(html: str, block: str) -> re.Match:
    """The JSON data block with the id ``block`` in a page (group 2: its text)."""
    m = re.search(rf'(<script type="application/json" id="{block}">)(.*?)(</script>)', html, re.S)
    if not m:
        raise SystemExit(f"the page's {block} data has changed")
    return m


def boot_data(site: Path, page: str, block: str) -> dict:
    """The boot data ``block`` of /<page>/ in the built site."""
    return json.loads(boot_block((site / page / "index.html").read_text(encoding="utf-8"), block).group(2))


def write(site: Path, page: str, name: str, html: str) -> str:
    """``html`` as /<page>-<name>/ of the site: its URL path."""
    out = site / f"{page}-{name}"
    out.mkdir(exist_ok=True)
    (out / "index.html").write_text(html, encoding="utf-8")
    return f"{page}-{name}/"


def with_boot(site: Path, page: str, name: str, change, blocks: tuple[str, ...]) -> str:
    """A copy of /<page>/ as /<page>-<name>/ with ``change`` applied to each of its boot data
    ``blocks``: its URL path."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    for block in blocks:
        m = boot_block(html, block)
        boot = json.loads(m.group(2))
        change(boot)
        data = json.dumps(boot, ensure_ascii=False).replace("</", "<\\/")
        html = html[:m.start(2)] + data + html[m.end(2):]
    return write(site, page, name, html)
