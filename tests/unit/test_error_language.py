"""One error language (issue 25 §5): the engines and the atlas raise the plugin's errors
(core/errors.py: AnctError, CancelledError when the user cancels), so the panel's tasks catch
them as their own; only the algorithms turn them into Processing's (AnctAlgorithm.processAlgorithm).
Read with ast, so no QGIS is needed."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "anct_qgis_plugin"
PROCESSING_ERROR = "QgsProcessingException"


def processing_errors_named(tree):
    """Lines where Processing's exception is named other than to catch it: a raise, a call, a
    type hint. Catching it stays allowed: processing.run (a child algorithm) raises it."""
    caught = {
        id(node)
        for handler in ast.walk(tree)
        if isinstance(handler, ast.ExceptHandler) and handler.type is not None
        for node in ast.walk(handler.type)
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, (ast.Name, ast.Attribute))
        and (node.id if isinstance(node, ast.Name) else node.attr) == PROCESSING_ERROR
        and id(node) not in caught
    ]


def test_the_check_sees_a_raise_and_lets_a_catch_pass():
    raising = ast.parse("from qgis.core import QgsProcessingException\nraise QgsProcessingException('x')\n")
    assert processing_errors_named(raising) == [2]
    catching = ast.parse("try:\n    run()\nexcept (QgsProcessingException, OSError):\n    pass\n")
    assert processing_errors_named(catching) == []


def test_engines_and_cartography_raise_the_plugins_errors():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for room in ("engine", "cartography")
        for path in sorted((PACKAGE / room).rglob("*.py"))
        for line in processing_errors_named(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not offenders, "raise AnctError (core/errors.py), not QgsProcessingException:\n" + "\n".join(offenders)
