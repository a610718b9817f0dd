"""The engine is plain standard-library Python and never reads the clock (only the CLI may)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "guide_engine"
CLOCK = {"today", "now", "utcnow", "time", "monotonic", "perf_counter"}


def modules():
    """Every module of the package, subpackages included."""
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def test_standard_library_only():
    """Every import in guide_engine is relative or from the standard library."""
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "guide_engine", f"{path.relative_to(ENGINE)} imports {name}"


def test_no_clock_outside_the_cli():
    """No module but __main__.py calls date.today(), datetime.now() or time.time()."""
    for path in modules():
        if path.relative_to(ENGINE).as_posix() == "__main__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CLOCK:
                raise AssertionError(f"{path.relative_to(ENGINE)}:{node.lineno} reads the clock ({node.func.attr})")
