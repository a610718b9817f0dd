"""The guide's own standard-library archive (site_build/runtime/stdlib.py) holds everything the engine
needs: the whole scenario table and every bridge message give the same results inside Pyodide
against that archive as CPython does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from guide_engine import api, bridge
from site_build.runtime import stdlib
from tests.helpers.scenario_table import rows
from tests.engine.test_pyodide_parity import generated_cases

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "helpers" / "pyodide_runner.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide"

pytestmark = [
    pytest.mark.pyodide,
    pytest.mark.skipif(shutil.which("node") is None or not PYODIDE.exists(), reason="needs node and node_modules/pyodide"),
]


@pytest.fixture(scope="module")
def archive_run(built_site, tmp_path_factory):
    archive = built_site / "guide" / "stdlib.zip"
    cases = [{"id": r["name"], "case": r["full_case"], "on": r["on"]} for r in rows()] + generated_cases(20)
    f = tmp_path_factory.mktemp("stdlib") / "cases.json"
    f.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["node", str(RUNNER), str(f)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "STDLIB_ZIP": str(archive)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return archive, cases, json.loads(proc.stdout)


def test_the_archive_is_compiled_and_a_fraction_of_pyodides_on_the_wire(archive_run, built_site):
    archive, _, out = archive_run
    full = next((built_site / "pyodide").glob("v*/python_stdlib.zip"))
    names = zipfile.ZipFile(archive).namelist()
    assert "json/__init__.pyc" in names and not [n for n in names if n.endswith(".py")]
    assert (archive.parent / (archive.name + ".br")).stat().st_size < full.stat().st_size / 2
    # …and it is really the one in use: modules it leaves out cannot be imported.
    assert out["missing"] == ["xml", "email", "sqlite3"]


def test_the_archive_puts_every_line_of_a_function_on_its_def_line(archive_run):
    """Cut line tables: a function's code reports its def line only, and tracebacks and warnings still work."""
    _, _, out = archive_run
    lines = out["lines"]
    assert lines["lines"] == [lines["first"]]
    assert "json/decoder.py" in lines["traceback"] and "JSONDecodeError" in lines["traceback"]
    filename, lineno, text = lines["warning"]
    assert filename.endswith("contextlib.py") and isinstance(lineno, int) and lineno > 0
    assert "UserWarning: prøve" in text


def test_every_scenario_gives_the_cpython_result_against_the_archive(archive_run):
    _, cases, out = archive_run
    differing = [c["id"] for c in cases
                 if out["results"][c["id"]] != json.loads(json.dumps(api.evaluate(c["case"], c["on"]), ensure_ascii=False))]
    assert differing == []


def test_every_bridge_message_gives_the_cpython_reply_against_the_archive(archive_run):
    _, cases, out = archive_run
    for c in cases:
        expected = [json.loads(bridge.handle(json.dumps({"op": op, "answers": c["case"], "on": c["on"]})))
                    for op in ("ping", "questions", "step", "evaluate")]
        expected[0]["result"]["python"] = out["ops"][c["id"]][0]["result"]["python"]  # 3.14 vs 3.11
        assert out["ops"][c["id"]] == expected, c["id"]
        assert all(r["ok"] for r in out["ops"][c["id"]]), c["id"]


def test_the_queue_pages_messages_give_the_cpython_reply_against_the_archive(archive_run):
    """The queue and its downloads (csv, the .ics's hashlib: imported by no guide step) work too."""
    from guide_engine.queue import template_csv

    _, _, out = archive_run
    msg = {"csv": template_csv(), "on": "2026-11-23", "per_week": 3, "from": "2026-11-23"}
    for op in ("queue", "queue_files"):
        assert out["queue_ops"][op]["ok"], out["queue_ops"][op]
        assert out["queue_ops"][op] == json.loads(bridge.handle(json.dumps({"op": op, **msg}))), op


def test_self_tests_windows_branches_and_compiled_in_fallbacks_are_not_followed():
    """`if __name__ == "__main__"`, Windows-only branches and the pure-Python fallback of a module
    compiled into Pyodide never run in the worker, so their imports stay out of the archive."""
    src = (
        "import re\n"
        "try:\n    from _datetime import *\nexcept ImportError:\n    from _pydatetime import *\n"
        "try:\n    import _missing\nexcept ImportError:\n    import fallback\n"
        "if sys.platform == 'win32':\n    import winreg\nelse:\n    import posix_only\n"
        "if os.name == 'nt':\n    import nt_only\n"
        "if __name__ == '__main__':\n    import doctest\n"
    )
    names = stdlib.imported_names(src, "m", False, top_level=True, builtin=frozenset({"_datetime"}))
    assert names == {"re", "_datetime", "_missing", "fallback", "posix_only"}
    # without knowing what is compiled in, every fallback is kept
    assert "_pydatetime" in stdlib.imported_names(src, "m", False, top_level=True)


def test_the_archive_leaves_out_what_only_the_command_line_and_self_tests_import(archive_run):
    """argparse (the engine's CLI), doctest/unittest/pdb (heapq's self-test) and Windows modules are not shipped."""
    archive, _, _ = archive_run
    names = set(zipfile.ZipFile(archive).namelist())
    for gone in ("argparse.pyc", "doctest.pyc", "pdb.pyc", "unittest/__init__.pyc", "_pydatetime.pyc",
                 "asyncio/windows_events.pyc"):
        assert gone not in names, gone
    assert {"csv.pyc", "hashlib.pyc", "tomllib/__init__.pyc", "asyncio/__init__.pyc"} <= names


def test_relative_imports_and_function_level_imports_are_followed():
    names = stdlib.imported_names("from . import a\nfrom ..b import c\ndef f():\n    import json\n", "p.q.m", False)
    assert {"p.q", "p.q.a", "p.b", "p.b.c", "json"} <= names
    top = stdlib.imported_names("import re\ndef f():\n    import json\n", "m", False, top_level=True)
    assert top == {"re"}
