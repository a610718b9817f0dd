"""The engine's import graph has no cycle: every import statement counts, at module level, inside a
function or under ``if TYPE_CHECKING``, so no module needs another that needs it back."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "guide_engine"


def modules(root: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__) for every module below ``root``."""
    out = {}
    for p in sorted(root.rglob("*.py")):
        if "__pycache__" in p.parts:
            continue
        parts = list(p.relative_to(root.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (p, is_package)
    return out


def graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (``from . import x`` names the module x). Importing
    ``a.b.c`` runs the ``__init__`` of ``a.b`` first: that package is imported too, unless the
    importer lives in it (a package's own modules are run by, not before, its ``__init__``)."""
    mods = modules(root)
    out: dict[str, set[str]] = {}
    for name, (path, is_package) in mods.items():
        package = name if is_package else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                deps.update(f"{target}.{a.name}" if f"{target}.{a.name}" in mods else target for a in node.names)
        ancestors = {".".join(part.split(".")[:i]) for part in deps for i in range(2, len(part.split(".")))}
        own = {".".join(name.split(".")[:i]) for i in range(1, len(name.split(".")))}
        out[name] = {d for d in deps | (ancestors - own) if d in mods and d != name}
    return out


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Each cycle of the graph as the modules on it, in import order (one per strongly connected part)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return found


def test_the_engine_has_no_import_cycle():
    """No module of guide_engine imports, directly or through others, a module that imports it."""
    g = graph(ENGINE)
    assert len(g) > 30 and "guide_engine.data_loader.counties" in g  # the subpackages are read too
    assert cycles(g) == [], "import cycles (each list is one cycle's modules): " + repr(cycles(g))


def test_the_check_finds_a_cycle(tmp_path):
    """A lazy import inside a function and a TYPE_CHECKING import close a cycle the check reports."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text("from .sub import b\n", encoding="utf-8")
    (pkg / "sub" / "b.py").write_text("def f():\n    from ..c import x\n", encoding="utf-8")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\nx = 1\n", encoding="utf-8")
    (pkg / "d.py").write_text("from pkg import c\n", encoding="utf-8")
    g = graph(pkg)
    assert g["pkg.d"] == {"pkg.c"}
    assert cycles(g) == [["pkg.a", "pkg.c", "pkg.sub.b"]]


def test_the_check_finds_a_cycle_through_a_package_init(tmp_path):
    """A module that imports a package's submodule imports the package's __init__ first: when that
    __init__ imports the module back, the check reports the cycle (session -> result.context ->
    result/__init__ -> session would be one)."""
    pkg = tmp_path / "pkg"
    (pkg / "res").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "res" / "__init__.py").write_text("from ..session import S\n", encoding="utf-8")
    (pkg / "res" / "context.py").write_text("X = 1\n", encoding="utf-8")
    (pkg / "session.py").write_text("from .res.context import X\nS = 1\n", encoding="utf-8")
    g = graph(pkg)
    assert g["pkg.session"] == {"pkg.res.context", "pkg.res"} and g["pkg.res.context"] == set()
    assert cycles(g) == [["pkg.res", "pkg.session"]]
