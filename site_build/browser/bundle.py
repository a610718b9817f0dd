"""Everything the browser runs (``guide_ui/``) as the site serves it: bundled by esbuild, one hash.

The modules are the source; the site serves one file per page and one per worker, bundled at build
time by esbuild (npm, package-lock.json), in the site's ``guide/`` folder: ``guide.js`` (the guide),
``practice.js`` (the practice cases), ``queue.js`` (the queue), ``routine.js`` (the routine form), ``worker.mjs`` (the engine's Web
Worker) and the styles. One request instead of twenty matters on a slow link: over HTTP/1.1 a
browser opens six connections to a host, so twenty modules arrive in four round trips, and the
guide's first question and its worker waited for the last of them (bench/README.md). The bundles
keep the modules' names (only white space and syntax are minified), so a stack trace still reads.

Two pieces are not served as files of their own: the guide page's starter (``engine/starter.js``),
which the page's head carries inline so the worker starts before anything else loads, and the
service worker (``offline/sw.js``), written to ``veiviser/sw.js`` once the site is built
(offline.py). Facts only the build knows (the runtime files' sizes, the service worker's list) go
into a bundle as its first lines, ``const NAME = <JSON>;``, which the module names as a global.

Every served URL carries the hash of all the bundles together (``?v=``), so a new build is fetched
at once although the files are cached as immutable.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from site_build.paths import NODE_MODULES, ROOT

UI = ROOT / "guide_ui"
ESBUILD = NODE_MODULES / ".bin" / "esbuild"
# What the site serves in its guide/ folder, and the source each is bundled from (under guide_ui/).
PAGES = {"guide.js": "guide/main.js", "practice.js": "practice/main.js", "queue.js": "queue/main.js", "routine.js": "routine/main.js"}
WORKER = ("worker.mjs", "engine/worker.js")  # the worker's URL is fixed: its security headers name it
STYLES = {name: f"styles/{name}" for name in ("guide.css", "print.css", "practice.css", "queue.css", "routine.css")}
STARTER = "engine/starter.js"
SERVICE_WORKER = "offline/sw.js"


class BundleError(RuntimeError):
    pass


def files() -> list[Path]:
    """Every source file of the browser code, in a stable order."""
    return sorted(p for p in UI.rglob("*") if p.is_file() and p.suffix in (".js", ".css"))


def bundle(entry: str, *, iife: bool = False, facts: dict | None = None) -> str:
    """The module ``entry`` (relative to guide_ui/) with everything it imports, as one file: an ES
    module, or with ``iife`` a classic script; ``facts`` become its first lines."""
    if not ESBUILD.exists():
        raise BundleError("esbuild mangler: node_modules/.bin/esbuild finnes ikke. Kjør `npm ci` (scripts/setup.sh gjør det).")
    args = [str(ESBUILD), str(UI / entry), "--bundle", "--target=es2022", "--charset=utf8", "--minify-whitespace",
            "--minify-syntax", "--legal-comments=none", "--log-level=error"]
    if entry.endswith(".js"):
        args.append("--format=iife" if iife else "--format=esm")
    if facts:
        args.append("--banner:js=" + "\n".join(f"const {k} = {json.dumps(v, sort_keys=True)};" for k, v in facts.items()))
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise BundleError(f"esbuild kunne ikke pakke {entry}:\n{proc.stderr[-2000:]}")
    return proc.stdout


@dataclass(frozen=True)
class Bundles:
    served: dict[str, str]  # file name in the site's guide/ folder -> its content
    starter: str  # the guide page's inline script
    version: str  # hash of all of it

    @classmethod
    def build(cls, worker_facts: dict) -> "Bundles":
        """Bundle every page, the worker (carrying ``worker_facts`` as its BUILD), the styles and the starter."""
        served = {name: bundle(src) for name, src in {**PAGES, **STYLES}.items()}
        served[WORKER[0]] = bundle(WORKER[1], facts={"BUILD": worker_facts})
        starter = bundle(STARTER, iife=True).strip()
        if "</script" in starter.lower():
            raise BundleError(f"{STARTER} kan ikke stå i sidens <script>: den inneholder «</script».")
        h = hashlib.sha256()
        for name, text in sorted({**served, "": starter}.items()):
            h.update(name.encode() + b"\0" + text.encode() + b"\0")
        return cls(served=served, starter=starter, version=h.hexdigest()[:12])

    def url(self, name: str) -> str:
        """The site-relative URL of a served file, with the version."""
        return f"guide/{name}?v={self.version}"

    def install(self, out: Path) -> None:
        """Write the served files into ``out`` (the site's ``guide/`` folder)."""
        out.mkdir(parents=True, exist_ok=True)
        for name, text in self.served.items():
            (out / name).write_text(text, encoding="utf-8")
