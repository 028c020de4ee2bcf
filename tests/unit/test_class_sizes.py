"""Small modules with one job, and no class over 300 lines (docs/architecture.md): a class that grows
past it is split by job into collaborators (as gui/dock.py's AnctDock and core/building/layers.py
were). Read with ast, so no QGIS is needed."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "anct_qgis_plugin"
MOST_LINES = 300


def long_classes(package=PACKAGE, most=MOST_LINES):
    """["path:Class (n lines)"] for each class of ``package`` longer than ``most`` lines."""
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > most:
                    found.append(f"{path.relative_to(package.parent)}:{node.name} ({lines} lines)")
    return found


def test_no_class_is_over_300_lines():
    assert long_classes() == []


def test_a_long_class_is_named(tmp_path):
    (tmp_path / "big.py").write_text("class Big:\n" + "    x = 1\n" * MOST_LINES, encoding="utf-8")
    (tmp_path / "small.py").write_text("class Small:\n    x = 1\n", encoding="utf-8")
    assert long_classes(tmp_path) == [f"{tmp_path.name}/big.py:Big ({MOST_LINES + 1} lines)"]
