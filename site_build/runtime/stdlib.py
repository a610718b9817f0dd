"""The guide's standard-library archive: only the modules the engine (and Pyodide's boot) can import.

Pyodide's `python_stdlib.zip` holds the whole standard library as sources (2.5 MB, deflated, so it
does not compress further), and Python compiles every module it imports on each boot. The guide's
worker loads its own archive instead (`loadPyodide({stdLibURL})`): only the modules chosen here,
compiled to .pyc by Pyodide's own Python at build time (node.compiled_stdlib), in a stored zip
that brotli compresses as a whole (1.1 MB on the wire). The modules come from two lists:

- every module the engine's sources can import, followed through the standard library's own
  imports (static: each `import` statement, at any depth, in any branch, so lazy and conditional
  imports are included);
- every module that was actually imported when Pyodide booted, unpacked the wheel and ran the
  engine under Node (make_snapshot.mjs `modules`): Pyodide's own start-up modules.

Three kinds of import statement are not followed, because they never run in the guide's worker:
code under `if __name__ == "__main__":` (heapq's self-test pulled in doctest, unittest and pdb);
branches for Windows (`if sys.platform == "win32":`, `os.name == "nt"`); and the pure-Python
fallback in `try: import _c ... except ImportError: import _py`, where every module the `try`
imports is compiled into Pyodide itself (datetime's `_pydatetime`, abc's `_py_abc`). The engine's
command line (`guide_engine/__main__.py`, argparse) is not a root: the browser never runs it.

tests/site/test_stdlib_archive.py runs the whole scenario table inside Pyodide against the archive.
"""

from __future__ import annotations

import ast
import io
import zipfile
from pathlib import Path

from site_build.paths import ROOT

ENGINE_DIR = ROOT / "guide_engine"
_EPOCH = (2021, 1, 1, 0, 0, 0)
# Codecs looked up by name at run time (not by an import statement): the ones a text file, a
# JSON message or a traceback can need.
ALWAYS = ("encodings.utf_8", "encodings.utf_8_sig", "encodings.latin_1", "encodings.ascii",
          "encodings.aliases", "encodings.utf_16", "encodings.utf_32", "encodings.cp1252")


class Stdlib:
    """The names in a python_stdlib.zip: module name → file name in the zip."""

    def __init__(self, data: bytes):
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.files: dict[str, str] = {}
        for name in self.zip.namelist():
            if not name.endswith(".py"):
                continue
            mod = name[:-3].replace("/", ".")
            if mod.endswith(".__init__"):
                mod = mod[: -len(".__init__")]
            self.files[mod] = name

    def is_package(self, mod: str) -> bool:
        return self.files.get(mod, "").endswith("/__init__.py")

    def source(self, mod: str) -> str:
        return self.zip.read(self.files[mod]).decode("utf-8")


# Modules of the engine's package that the browser never imports (the command line).
NOT_IN_BROWSER = ("__main__.py",)
_WINDOWS = {"win32", "nt", "cygwin"}


def _is_main_guard(test: ast.expr) -> bool:
    """`__name__ == "__main__"`: a module's self-test or script part."""
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__"
            and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)
            and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value == "__main__")


def _is_windows_test(test: ast.expr) -> bool:
    """`sys.platform == "win32"`, `os.name == "nt"` (any module alias): true only on Windows."""
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Attribute)
            and test.left.attr in ("platform", "name") and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)
            and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value in _WINDOWS)


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def _try_imports(body: list[ast.stmt]) -> set[str]:
    out = set()
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                out.add(node.module)
    return out


def _children(node: ast.AST, builtin: frozenset[str]):
    """The child nodes whose imports can run on import in the worker (see the module's docstring)."""
    if isinstance(node, ast.If):
        if _is_main_guard(node.test):
            return node.orelse
        if _is_windows_test(node.test):
            return node.orelse
    if isinstance(node, ast.Try) and builtin:
        tried = _try_imports(node.body)
        if tried and tried <= builtin:  # the fallback for a module Pyodide has compiled in
            return [*node.body, *[h for h in node.handlers if not _catches_import_error(h)], *node.orelse,
                    *node.finalbody]
    return list(ast.iter_child_nodes(node))


def _import_nodes(tree: ast.AST, top_level: bool, builtin: frozenset[str] = frozenset()):
    """Import statements: all of them, or only those that run when the module is imported."""
    if not top_level:
        yield from ast.walk(tree)
        return
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for child in _children(node, builtin):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                todo.append(child)


def imported_names(source: str, module: str, is_package: bool, top_level: bool = False,
                   builtin: frozenset[str] = frozenset()) -> set[str]:
    """Module names an import statement in `source` can load (relative imports resolved); with
    top_level, only the statements that run on import in the worker (not those inside functions,
    nor the branches the module's docstring names; `builtin`: the modules compiled into Pyodide)."""
    out: set[str] = set()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return out
    package = module if is_package else module.rpartition(".")[0]
    for node in _import_nodes(tree, top_level, builtin):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                base_parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base:
                out.add(base)
                out.update(f"{base}.{a.name}" for a in node.names if a.name != "*")
    return out


def _with_parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def closure(stdlib: Stdlib, roots: set[str], builtin: frozenset[str] = frozenset()) -> set[str]:
    """The stdlib modules that importing `roots` loads (their top-level imports, parents included).

    Imports inside a standard-library function are not followed (they run only when that function
    does): the engine's own lazy imports are roots, and what Pyodide and the engine really import at
    run time is in `loaded` (see select)."""
    seen: set[str] = set()
    todo = [p for r in roots for p in _with_parents(r)]
    while todo:
        mod = todo.pop()
        if mod in seen or mod not in stdlib.files:
            continue
        seen.add(mod)
        for name in imported_names(stdlib.source(mod), mod, stdlib.is_package(mod), top_level=True, builtin=builtin):
            todo.extend(_with_parents(name))
    return seen


def engine_roots(engine_dir: Path = ENGINE_DIR) -> set[str]:
    """Top-level and dotted names the engine's own sources import (its own package excluded)."""
    names: set[str] = set()
    for p in sorted(engine_dir.rglob("*.py")):
        if p.relative_to(engine_dir).as_posix() in NOT_IN_BROWSER:
            continue
        rel = p.relative_to(engine_dir.parent).with_suffix("")
        mod = ".".join(rel.parts)
        is_pkg = p.name == "__init__.py"
        if is_pkg:
            mod = mod.rpartition(".")[0]
        names |= imported_names(p.read_text(encoding="utf-8"), mod, is_pkg)
    return {n for n in names if n.split(".")[0] != engine_dir.name}


def select(stdlib: Stdlib, loaded: set[str], engine_dir: Path = ENGINE_DIR) -> set[str]:
    """The modules the archive keeps: the engine's import closure, what was loaded, and ALWAYS.
    What was loaded but is not in the archive's sources is compiled into Pyodide (`builtin`)."""
    builtin = frozenset(m for m in loaded if m not in stdlib.files)
    return closure(stdlib, engine_roots(engine_dir) | set(loaded) | set(ALWAYS), builtin)


def build_archive(stdlib: Stdlib, modules: set[str]) -> bytes:
    """A deterministic zip of the chosen modules' sources (plus the archive's top-level data files);
    node.compiled_stdlib turns it into the .pyc archive the guide ships."""
    keep = {stdlib.files[m] for m in modules if m in stdlib.files}
    extra = {n for n in stdlib.zip.namelist() if not n.endswith(".py") and not n.endswith("/")
             and n.count("/") == 0}  # e.g. the sysconfig data's companions at the top level
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name in sorted(keep | extra):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, stdlib.zip.read(name), compresslevel=9)
    return buf.getvalue()
