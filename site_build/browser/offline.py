"""The service workers of the pages that work offline (from guide_ui/offline/sw.js): the guide's
(``veiviser/sw.js``), the queue's (``prioritering/sw.js``) and the practice page's (``ovelser/sw.js``),
each in its page's folder (its scope) with its own cache; and the site's (``sw.js``, scope the
whole site, registered by the pages that start the engine), which keeps every other page (the
county pages, the legal references, the open questions: what a result links to) so an offline
result's links open too, and the engine's runtime (below).
Which files each keeps, under which version.

Written after the site is built, from the built files themselves, so the list cannot drift from
what the page loads: every stylesheet, script, preload and icon its HTML names, the theme's
search worker and index.

The engine's runtime (the worker, Pyodide's core, the stdlib archive, the engine wheel: the boot
data and the worker's build facts) is the site's worker's, not the page's: the browser puts a
dedicated worker under the service worker whose scope holds the worker's own URL, and the engine's
worker is ``guide/worker.mjs`` (a fixed URL, which its security headers name), in the site's scope,
outside every page's folder. So the site's worker is the one that sees the runtime's requests, and
it keeps them. The snapshot is optional and large: the site's worker keeps it only where the page
took it (sw.js: at install from the HTTP cache, or when fetched), and the engine's worker reads a
kept one from the cache at once (guide_ui/engine/snapshot-choice.js).
The version is a hash of the list and of every listed file's content, so any change to any of
them is a new cache, and the old one is deleted when the new worker activates.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from site_build.browser.bundle import SERVICE_WORKER, bundle
from site_build.csp import SERVICE_WORKER_PATHS

PAGE = "veiviser/"  # the guide's folder: the worker's scope
TARGET = PAGE + "sw.js"
# Each offline page's folder (its worker's scope and its cache's prefix) and the id of its boot data.
PAGES = {PAGE: "guide-boot", "prioritering/": "engine-boot", "ovelser/": "engine-boot"}
# The site's own worker (sw.js at the site's root): every page outside PAGES, with what it loads.
SITE = ""
# Pyodide's files that the guide's boot fetches (not python_stdlib.zip nor the lock file: the
# worker brings its own archive and lock).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


class OfflineError(RuntimeError):
    pass


class _Refs(HTMLParser):
    """Same-document references a page loads: link href (not navigation links), script src, and the
    JSON data blocks by id."""

    LOADED = {"stylesheet", "modulepreload", "preload", "icon"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.data: dict[str, str] = {}
        self._block: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href") and self.LOADED & set((a.get("rel") or "").split()):
            self.urls.append(a["href"])
        elif tag == "script":
            if a.get("src"):
                self.urls.append(a["src"])
            elif a.get("id") and a.get("type") == "application/json":
                self._block = a["id"]

    def handle_data(self, data):
        if self._block:
            self.data[self._block] = self.data.get(self._block, "") + data

    def handle_endtag(self, tag):
        if tag == "script":
            self._block = None


def _site_path(url: str, base: str) -> str | None:
    """A site-relative path with its query ("guide/guide.js?v=…"), or None for another origin."""
    parts = urlsplit(urljoin("https://site.invalid/" + base, url))
    if parts.netloc != "site.invalid":
        return None
    return parts.path.lstrip("/") + (f"?{parts.query}" if parts.query else "")


def guide_files(site_dir: Path) -> list[str]:
    """Site-relative URLs of everything the guide page needs to run, in a stable order."""
    return page_files(site_dir, PAGE)


def page_files(site_dir: Path, folder: str) -> list[str]:
    """Site-relative URLs of the offline page in ``folder`` and of what it loads itself, in a stable
    order (its engine's runtime is the site's worker's: runtime_files)."""
    page = site_dir / folder / "index.html"
    if not page.exists():
        raise OfflineError(f"{folder}index.html mangler i {site_dir}")
    refs = _Refs()
    refs.feed(page.read_text(encoding="utf-8"))
    files = {folder}
    files.update(p for u in refs.urls if (p := _site_path(u, folder)))
    try:
        config = json.loads(refs.data.get("__config", "{}"))
    except ValueError as e:
        raise OfflineError(f"{folder}index.html: {e}") from None
    if config.get("search"):
        files.add(_site_path(config["search"], folder))
        if (site_dir / "search" / "search_index.json").exists():
            files.add("search/search_index.json")
    missing = sorted(f for f in files if f != folder and not (site_dir / f.split("?")[0]).is_file())
    if missing:
        raise OfflineError(f"{folder}index.html viser til filer som mangler i nettstedet: {', '.join(missing)}")
    return sorted(files)


def _boot(site_dir: Path, folder: str) -> dict:
    refs = _Refs()
    page = site_dir / folder / "index.html"
    if not page.exists():
        raise OfflineError(f"{folder}index.html mangler i {site_dir}")
    refs.feed(page.read_text(encoding="utf-8"))
    try:
        return json.loads(refs.data[PAGES[folder]])
    except (KeyError, ValueError) as e:
        raise OfflineError(f"{folder}index.html mangler oppstartsdataene ({e})") from None


def runtime_files(site_dir: Path) -> list[str]:
    """Site-relative URLs of what the engine's worker fetches, for every page that starts it: the
    worker, Pyodide's core, the stdlib archive, the engine wheel (the site's worker keeps them)."""
    files: set[str] = set()
    for folder in PAGES:
        boot = _boot(site_dir, folder)
        # The boot data's URLs are site-relative; the worker's build facts relative to the worker.
        worker = _site_path(boot["worker"], "")
        files.update((worker, _site_path(boot["wheel"], "")))
        files.update(_site_path(boot["pyodide"] + name, "") for name in PYODIDE_FILES)
        build = _worker_build(site_dir / worker.split("?")[0])
        files.add(_site_path(build["stdlib"], worker))
    missing = sorted(f for f in files if not (site_dir / f.split("?")[0]).is_file())
    if missing:
        raise OfflineError(f"motoren viser til filer som mangler i nettstedet: {', '.join(missing)}")
    return sorted(files)


def site_files(site_dir: Path) -> list[str]:
    """Site-relative URLs of every page outside the offline pages' folders, of what each loads, and of
    the engine's runtime (runtime_files)."""
    files: set[str] = set(runtime_files(site_dir))
    for html in sorted(site_dir.rglob("index.html")):
        folder = "" if html.parent == site_dir else html.parent.relative_to(site_dir).as_posix() + "/"
        if any(folder.startswith(p) for p in PAGES):
            continue
        refs = _Refs()
        refs.feed(html.read_text(encoding="utf-8"))
        files.add(folder)
        files.update(p for u in refs.urls if (p := _site_path(u, folder)))
        search = _json(refs.data.get("__config", "{}")).get("search")
        if search:
            files.add(_site_path(search, folder))
    if (site_dir / "search" / "search_index.json").exists():
        files.add("search/search_index.json")
    missing = sorted(f for f in files if not f.endswith("/") and f and not (site_dir / f.split("?")[0]).is_file())
    if missing:
        raise OfflineError(f"sidene viser til filer som mangler i nettstedet: {', '.join(missing)}")
    return sorted(files)


def _json(text: str) -> dict:
    try:
        return json.loads(text)
    except ValueError:
        return {}


def optional_files(site_dir: Path) -> list[str]:
    """Site-relative URLs the site's worker keeps only once a page has fetched them: the snapshots."""
    return sorted({_site_path(b["snapshot"], "") for f in PAGES if (b := _boot(site_dir, f)).get("snapshot")})


def _worker_build(worker: Path) -> dict:
    m = re.search(r"^const BUILD = (\{.*\});$", worker.read_text(encoding="utf-8"), re.M)
    if not m:
        raise OfflineError(f"{worker.name} mangler byggefaktaene (BUILD)")
    return json.loads(m.group(1))


def version(site_dir: Path, files: list[str]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.encode() + b"\0")
        path = site_dir / f.split("?")[0]
        h.update((path / "index.html" if f == "" or f.endswith("/") else path).read_bytes())
    return h.hexdigest()[:16]


def write_service_worker(site_dir: Path) -> str:
    """Write each offline page's ``sw.js`` and the site's for the built site in ``site_dir``; return the guide's version."""
    versions = {}
    for folder in (*PAGES, SITE):
        if folder + "sw.js" not in SERVICE_WORKER_PATHS:  # the deploy headers (site_build/csp.py) must know it
            raise OfflineError(f"{folder}sw.js mangler i site_build/csp.py SERVICE_WORKER_PATHS")
        files = site_files(site_dir) if folder == SITE else page_files(site_dir, folder)
        versions[folder] = version(site_dir, files)
        # URLs relative to sw.js (in its page's folder), so the site works under any base path.
        up = "../" * folder.count("/")
        relative = ["./" if f == folder else up + f for f in files]
        # each cache apart: a worker deletes only its own old ones
        prefix = (folder.strip("/").replace("/", "-") or "sider") + "-"
        optional = optional_files(site_dir) if folder == SITE else []
        src = bundle(SERVICE_WORKER, facts={"VERSION": versions[folder], "FILES": relative, "OPTIONAL": optional, "PREFIX": prefix})
        (site_dir / folder / "sw.js").write_text(src, encoding="utf-8")
    return versions[PAGE]
