"""Import graphs in the tests: {module: its imports}."""

from __future__ import annotations


def assert_no_cycle(graph: dict[str, set[str] | list[str]]) -> None:
    """No module reaches itself through its imports; a cycle is named in the failure, A → B → A."""
    state: dict[str, str] = {}

    def visit(name, path):
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", " → ".join(path + [name])
        state[name] = "open"
        for dep in sorted(graph.get(name, ())):
            visit(dep, path + [name])
        state[name] = "done"

    for name in graph:
        visit(name, [])
