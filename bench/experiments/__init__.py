"""Variants of the guide page, measured next to it with `python -m bench --experiments ...`.

Each variant is written into the benchmark's temporary site only (a copy of /veiviser/ at
/veiviser-<name>/, so relative URLs stay the same), never into docs/ or site_build/:

- snapshot: the worker restores a Pyodide memory snapshot made at "build time" (here: when the
  benchmark starts) by `node bench/experiments/make_snapshot.mjs`, with the engine already imported,
  instead of booting Python and importing the engine (worker-snapshot.mjs). The snapshot is served
  gzip'd (the benchmark adds `.snap` to site_build.serve.COMPRESSIBLE in its own process).
- early: guide.js with the worker started before the first question is drawn (engine.start()
  before guide.start()).
- async: both of "early" and the guide's script tag moved from the end of <body> to right after
  the boot data, as <script type="module" async>: it runs as soon as it has loaded, without
  waiting for the rest of the page to parse, the theme's bundle.js or the stylesheets.
- modulepreload: <link rel="modulepreload"> for guide.js in the page's <head>, so the script is
  fetched with the stylesheets instead of after the theme's bundle.js has run.
- preload: the page's <head> gets <link rel="preload" as="fetch" crossorigin> for
  pyodide.asm.wasm and python_stdlib.zip, so the page fetches them while its worker starts.
- nosearch: the theme's search form renamed, so mkdocs-material neither fetches the search index
  nor builds it in its search worker while Pyodide boots (measures what that costs on 2 cores;
  the search box does not work on this variant).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMES = ("snapshot", "early", "async", "modulepreload", "preload", "nosearch")


def _page(site: Path) -> str:
    return (site / "veiviser" / "index.html").read_text()


def _write(site: Path, name: str, html: str) -> str:
    out = site / f"veiviser-{name}"
    out.mkdir(exist_ok=True)
    (out / "index.html").write_text(html)
    return f"veiviser-{name}/"


def _pyodide_dir(site: Path) -> Path:
    return sorted((site / "pyodide").glob("v*"))[-1]


def snapshot(site: Path) -> tuple[str, dict]:
    import site_build.serve as serve

    wheel = sorted((site / "guide").glob("guide_engine-*.whl"))[-1]
    out = site / "guide" / "engine.snap"
    proc = subprocess.run(
        ["node", str(HERE / "make_snapshot.mjs"), str(_pyodide_dir(site)), str(wheel), str(out)],
        capture_output=True, text=True, timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"make_snapshot.mjs failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    serve.COMPRESSIBLE.add(".snap")  # this process only: a host would gzip it like the wasm
    shutil.copyfile(HERE / "worker-snapshot.mjs", site / "guide" / "worker-snapshot.mjs")
    html, n = re.subn(r'"worker": "guide/worker\.mjs\?', '"worker": "guide/worker-snapshot.mjs?', _page(site))
    assert n == 1, "the guide page's boot data names no worker"
    return _write(site, "snapshot", html), {"snapshot_bytes": info["bytes"], "snapshot_build_ms": info["ms"]}


def _early_js(site: Path) -> None:
    js = (site / "guide" / "guide.js").read_text()
    tail = 'guide.start();\nsetRootState("starting");\nengine.start();'
    assert js.count(tail) == 1, "guide.js's start sequence has changed"
    js = js.replace(tail, 'setRootState("starting");\nengine.start();\nguide.start();')
    (site / "guide" / "guide-early.js").write_text(js)


def early(site: Path) -> tuple[str, dict]:
    _early_js(site)
    html, n = re.subn(r'src="\.\./guide/guide\.js\?', 'src="../guide/guide-early.js?', _page(site))
    assert n == 1
    return _write(site, "early", html), {}


def async_(site: Path) -> tuple[str, dict]:
    _early_js(site)
    html = _page(site)
    m = re.search(r'<script type="module" src="(\.\./guide/)guide\.js(\?v=[0-9a-f]+)"></script>', html)
    assert m, "the guide's script tag has changed"
    html = html.replace(m.group(0), "")
    boot_end = html.index("</script>", html.index('id="guide-boot"')) + len("</script>")
    tag = f'<script type="module" async src="{m.group(1)}guide-early.js{m.group(2)}"></script>'
    return _write(site, "async", html[:boot_end] + tag + html[boot_end:]), {}


def modulepreload(site: Path) -> tuple[str, dict]:
    html = _page(site)
    m = re.search(r'<script type="module" src="(\.\./guide/guide\.js\?v=[0-9a-f]+)"></script>', html)
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
    return {name: globals()[name + "_" if name == "async" else name](site) for name in names}
