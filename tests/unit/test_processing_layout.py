"""processing/algorithms/ holds the algorithms only, and nothing lists them by hand (issue 25 §7):
the provider finds them in their modules, the plugin's menu takes the ones with a menu_text.
What they share lives in processing/support/. Read with ast, so no QGIS is needed."""

import ast
from pathlib import Path

PROCESSING = Path(__file__).resolve().parents[2] / "anct_qgis_plugin" / "processing"


def tree(path):
    return ast.parse(path.read_text(encoding="utf-8"))


def test_every_module_of_algorithms_defines_an_algorithm():
    modules = sorted(path for path in (PROCESSING / "algorithms").glob("*.py") if path.name != "__init__.py")
    without = [
        path.name
        for path in modules
        if not any(isinstance(node, ast.ClassDef) and node.name.endswith("Algorithm") for node in tree(path).body)
    ]
    assert len(modules) >= 9 and not without, f"move to processing/support/: {without}"


def test_the_provider_imports_no_algorithm_by_name():
    named = [
        node.module
        for node in ast.walk(tree(PROCESSING / "provider.py"))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("algorithms.")
    ]
    assert named == [], "the provider finds the algorithms in processing/algorithms/"


def test_the_plugin_menu_names_no_algorithm():
    plugin = PROCESSING.parent / "plugin.py"
    ids = [
        node.value
        for node in ast.walk(tree(plugin))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("anct:")
    ]
    assert ids == [], "the menu's entries come from the algorithms' menu_text"
