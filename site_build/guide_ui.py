"""The guide's browser UI (``guide_ui/``: ES modules and styles) as the site serves it.

The modules are the source; the site serves one file per page, bundled at build time by esbuild
(npm, package-lock.json): ``guide/guide.js`` for the guide, ``guide/practice/practice.js`` for the
practice cases. One request instead of twenty matters on a slow link: over HTTP/1.1 a browser opens
six connections to a host, so twenty modules arrive in four round trips, and the guide's first
question and its worker waited for the last of them (bench/README.md). The bundle keeps the
modules' names (only white space and syntax are minified), so a stack trace still reads.
Every URL carries the content hash of the UI (``?v=``), so a new build is fetched at once although
the files are cached as immutable.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "guide_ui"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# Each page's entry module (relative to guide_ui/), bundled with everything it imports.
ENTRIES = ("guide.js", "practice/practice.js")
ENTRY = ENTRIES[0]


class BundleError(RuntimeError):
    pass


def files() -> list[Path]:
    """Every source file of the UI, in a stable order."""
    return sorted(p for p in UI.rglob("*") if p.is_file() and p.suffix in (".js", ".css"))


def modules() -> list[str]:
    """What the guide page preloads: its one bundle (site-relative, under ``guide/``)."""
    return [f"guide/{ENTRY}"]


def update_hash(h) -> None:
    for p in files():
        h.update(p.relative_to(UI).as_posix().encode())
        h.update(p.read_bytes())


def content_hash() -> str:
    h = hashlib.sha256()
    update_hash(h)
    return h.hexdigest()[:12]


def bundle(entry: str) -> str:
    """The entry module with everything it imports, as one ES module (esbuild)."""
    if not ESBUILD.exists():
        raise BundleError("esbuild mangler: node_modules/.bin/esbuild finnes ikke. Kjør `npm ci` (scripts/setup.sh gjør det).")
    proc = subprocess.run(
        [str(ESBUILD), str(UI / entry), "--bundle", "--format=esm", "--target=es2022", "--charset=utf8",
         "--minify-whitespace", "--minify-syntax", "--legal-comments=none", "--log-level=error"],
        capture_output=True, text=True, timeout=120,
    )
    if proc.returncode != 0:
        raise BundleError(f"esbuild kunne ikke pakke {entry}:\n{proc.stderr[-2000:]}")
    return proc.stdout


def install(out: Path) -> None:
    """Write each page's bundle and the styles into ``out`` (the site's ``guide/`` folder)."""
    for name in ENTRIES:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bundle(name), encoding="utf-8")
    for p in files():
        if p.suffix == ".css":
            target = out / p.relative_to(UI)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(p.read_text(encoding="utf-8"), encoding="utf-8")


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
