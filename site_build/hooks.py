"""MkDocs hooks for the guide: runtime files (Pyodide, the engine wheel), boot data, CSP.

- on_pre_build: pack the engine wheel once (its hash busts caches).
- on_page_context: the guide page (front matter `guide: true`) gets its boot data: where Pyodide,
  the wheel and the worker are, and the questions, so the first question shows before Python runs.
- on_post_page: every page gets its Content-Security-Policy with the hashes of its inline scripts.
- on_post_build: copy the pinned Pyodide core and the guide's scripts into the site.
Other pages load none of the guide's files.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from site_build import csp
from site_build.runtime import Runtime, RuntimeMissing

_state: dict = {}


def _runtime() -> Runtime:
    if "runtime" not in _state:
        try:
            _state["runtime"] = Runtime.current()
        except RuntimeMissing as e:
            raise PluginError(str(e)) from None
    return _state["runtime"]


def on_pre_build(config) -> None:
    _state.pop("runtime", None)
    _runtime()


def is_guide(page) -> bool:
    return bool(page and page.meta.get("guide"))


def _boot_data() -> dict:
    from guide_engine.boot import boot_data  # CPython computes what the page shows before Pyodide runs

    return boot_data()


def on_page_context(context, page, config, nav):
    if not is_guide(page):
        return context
    rt = _runtime()
    boot = {
        "pyodide": rt.pyodide_dir + "/",
        "wheel": f"{rt.wheel_path}?v={rt.wheel_hash}",
        "worker": f"guide/worker.mjs?v={rt.assets_hash}",
        "snapshot": f"{rt.snapshot_path}?v={rt.snapshot_version}",
        **_boot_data(),
    }
    # Safe inside <script type="application/json">: no "</" can close the element early.
    context["guide_boot"] = json.dumps(boot, ensure_ascii=False).replace("</", "<\\/")
    context["guide_assets_hash"] = rt.assets_hash
    return context


def on_post_page(output: str, page, config) -> str:
    return csp.apply(output, wasm=is_guide(page))


def on_post_build(config) -> None:
    try:
        _runtime().install(Path(config["site_dir"]))
    except RuntimeMissing as e:
        raise PluginError(str(e)) from None
