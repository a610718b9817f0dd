"""site_build/ builds and nothing else, in modules whose imports form no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

from site_build.paths import ROOT
from tests.helpers.graphs import assert_no_cycle

PACKAGE = ROOT / "site_build"


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Each site_build module and the site_build modules it imports (at any depth in its code)."""
    modules = {_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            deps.update(t for t in targets if t in modules and t != name)
        graph[name] = deps
    return graph


def test_the_build_code_imports_form_no_cycle():
    graph = _graph()
    assert "site_build.hooks.engine_pages" in graph and "site_build.runtime.node" in graph["site_build.runtime"]
    assert_no_cycle(graph)


def test_the_hooks_are_the_only_modules_mkdocs_loads():
    """mkdocs.yml names the hook modules of site_build/hooks/, and nothing else."""
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "python"))
    hooks = sorted(config["hooks"])
    assert hooks == sorted(p.relative_to(ROOT).as_posix() for p in (PACKAGE / "hooks").glob("*.py") if p.name != "__init__.py")
