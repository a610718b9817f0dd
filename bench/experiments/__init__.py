"""Variants of the guide page, measured next to it with `python -m bench --experiments ...`.

Each variant is written into the benchmark's temporary site only (a copy of /veiviser/ at
/veiviser-<name>/, so relative URLs stay the same), never into docs/ or site_build/:

Adopted into the site and removed from here (see the README's performance section): the build-time
memory snapshot, starting the worker before the first question is drawn, and the guide's script as
an async module right after the boot data.

- modulepreload: <link rel="modulepreload"> for guide.js in the page's <head>, so the script is
  fetched with the stylesheets instead of after the theme's bundle.js has run.
- preload: the page's <head> gets <link rel="preload" as="fetch" crossorigin> for
  pyodide.asm.wasm and python_stdlib.zip, so the page fetches them while its worker starts.
- nosearch: the theme's search form renamed, so mkdocs-material neither fetches the search index
  nor builds it in its search worker while Pyodide boots (measures what that costs on 2 cores;
  the search box does not work on this variant).
"""

from __future__ import annotations

import re
from pathlib import Path

from bench import variants

HERE = Path(__file__).resolve().parent
NAMES = ("modulepreload", "preload", "nosearch")


def _page(site: Path) -> str:
    return (site / "veiviser" / "index.html").read_text(encoding="utf-8")


def _write(site: Path, name: str, html: str) -> str:
    return variants.write(site, "veiviser", name, html)


def _pyodide_dir(site: Path) -> Path:
    return sorted((site / "pyodide").glob("v*"))[-1]


def modulepreload(site: Path) -> tuple[str, dict]:
    html = _page(site)
    m = re.search(r'<script type="module" async src="(\.\./guide/guide\.js\?v=[0-9a-f]+)"></script>', html)
    assert m, "the guide's script tag has changed"
    i = html.index("<head>") + len("<head>")
    return _write(site, "modulepreload", html[:i] + f'<link rel="modulepreload" href="{m.group(1)}">' + html[i:]), {}


def preload(site: Path) -> tuple[str, dict]:
    rel = f"../pyodide/{_pyodide_dir(site).name}/"
    links = (
        f'<link rel="preload" href="{rel}pyodide.asm.wasm" as="fetch" type="application/wasm" crossorigin>'
        f'<link rel="preload" href="{rel}python_stdlib.zip" as="fetch" crossorigin>'
    )
    html = _page(site)
    i = html.index("<head>") + len("<head>")
    return _write(site, "preload", html[:i] + links + html[i:]), {}


def nosearch(site: Path) -> tuple[str, dict]:
    html, n = re.subn(r'<form class="md-search__form" name="search">', '<form class="md-search__form">', _page(site))
    assert n == 1, "the theme's search form has changed"
    return _write(site, "nosearch", html), {}


def install(site: Path, names: list[str]) -> dict[str, tuple[str, dict]]:
    """Write the chosen variants into `site`; {name: (url path, facts)}."""
    return {name: globals()[name](site) for name in names}


# ---- the same build with its snapshot choice fixed (for the link profiles; not in NAMES) -------


def _with_boot(site: Path, name: str, change) -> str:
    """The guide page with `change` applied to its boot data and to the runtime block in its head,
    from which the head's inline script starts the worker (guide.html)."""
    return variants.with_boot(site, "veiviser", name, change, ("guide-runtime", "guide-boot"))


def nosnap(site: Path) -> tuple[str, dict]:
    """The ordinary boot of the same build: no snapshot URL in the boot data."""
    return _with_boot(site, "nosnap", lambda b: b.__setitem__("snapshot", None)), {}


def snap(site: Path) -> tuple[str, dict]:
    """The snapshot on every link: `#always` tells the worker to skip its link probe."""
    return _with_boot(site, "snap", lambda b: b.__setitem__("snapshot", b["snapshot"] + "#always")), {}
