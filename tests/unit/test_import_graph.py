"""The plugin's modules import each other without a cycle: a cycle works or breaks depending on
which module is imported first (the old cartography/__init__.py hid one with charts.py behind a
function-level import). Read with ast, so no QGIS is needed; imports inside functions count, and
so do those under ``if TYPE_CHECKING:``: a lower module naming its caller's type is an arrow
upward all the same (the type moves down instead)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "anct_qgis_plugin"


def _module(path, package):
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package=PACKAGE):
    """{module: modules of the package it imports}."""
    modules = {_module(path, package): path for path in package.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = here.split(".")[: len(here.split(".")) - node.level + 1] if node.level else []
                base = ".".join(base + ([node.module] if node.module else []))
                # "from . import charts" imports a module; "from .template import X" the module itself
                targets.update(
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names
                )
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def find_cycle(graph):
    """One cycle as a list of modules (first == last), or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_check_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_imports_for_type_hints_count(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from . import a\n")
    graph = import_graph(package)
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}}
    assert find_cycle(graph) == ["pkg.a", "pkg.b", "pkg.a"]


def test_cartography_modules_are_found():
    graph = import_graph()
    assert {"anct_qgis_plugin.cartography.template", "anct_qgis_plugin.cartography.texts"} <= set(graph)
    assert "anct_qgis_plugin.cartography.texts" in graph["anct_qgis_plugin.cartography.charts"]


def test_no_import_cycle_in_the_plugin():
    assert find_cycle(import_graph()) is None


def test_cartography_package_holds_no_code():
    tree = ast.parse((PACKAGE / "cartography" / "__init__.py").read_text(encoding="utf-8"))
    assert all(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in tree.body)
