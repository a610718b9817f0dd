"""The guide's browser UI (``guide_ui/``: ES modules and styles) as the site serves it.

Every module is served with the content hash of the UI in its URL (``?v=``), including the
relative imports between modules, which are rewritten on the way into the site; so a new build is
fetched at once although the files are cached as immutable.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "guide_ui"
ENTRY = "guide.js"
# `from "./x.js"`, `import "./x.js"` and `import("./x.js")`, with a relative specifier.
_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.\.?/[^"'?]+\.js)\2""")


def files() -> list[Path]:
    """Every file of the UI, in a stable order."""
    return sorted(p for p in UI.rglob("*") if p.is_file() and p.suffix in (".js", ".css"))


def modules() -> list[str]:
    """The UI's modules as site-relative paths under ``guide/`` (for modulepreload), entry first."""
    rel = sorted(p.relative_to(UI).as_posix() for p in files() if p.suffix == ".js")
    rel.sort(key=lambda r: r != ENTRY)
    return [f"guide/{r}" for r in rel]


def update_hash(h) -> None:
    for p in files():
        h.update(p.relative_to(UI).as_posix().encode())
        h.update(p.read_bytes())


def content_hash() -> str:
    h = hashlib.sha256()
    update_hash(h)
    return h.hexdigest()[:12]


def versioned(source: str, version: str) -> str:
    """The module's source with ``?v=version`` on every relative import."""
    return _IMPORT.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}?v={version}{m.group(2)}", source)


def install(out: Path, version: str) -> None:
    """Write the UI into ``out`` (the site's ``guide/`` folder), imports versioned."""
    for p in files():
        target = out / p.relative_to(UI)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = p.read_text(encoding="utf-8")
        target.write_text(versioned(text, version) if p.suffix == ".js" else text, encoding="utf-8")


def opening(on: str) -> dict:
    """The questions every path asks first, and the path each answer to the last of them leads to
    (``then[question][JSON of the answer]``): the page asks these while the engine loads."""
    import json

    from guide_engine import api

    path = api.path({}, on)
    last = next((q for q in api.questions(None) if path and q["id"] == path[-1]), None)
    then = {}
    if last and last.get("options"):
        then[last["id"]] = {
            json.dumps(o["value"], ensure_ascii=False, separators=(",", ":")): api.path({last["id"]: o["value"]}, on)
            for o in last["options"]
        }
    return {"path": path, "then": then}
