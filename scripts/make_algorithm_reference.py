#!/usr/bin/env python3
"""Write docs/algorithms.md, the parameter reference of every algorithm, from the declarations
themselves (tests/qgis/test_algorithm_reference.py keeps the file equal to the code).

Usage: /usr/bin/python3 scripts/make_algorithm_reference.py   (needs QGIS's Python)
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "algorithms.md"

HEADER = """# Algorithms — parameter reference

Generated from the algorithms' own declarations by `scripts/make_algorithm_reference.py` (a test
keeps it equal to the code). Each algorithm's help page in QGIS (and `qgis_process help anct:<name>`)
says more; the README shows examples. Names in `code` are what `qgis_process` and scripts use.
"""


def _cell(text) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _default(definition) -> str:
    value = definition.defaultValue()
    if value is None or value == "":
        return ""
    if definition.type() == "enum" and not definition.usesStaticStrings():
        return f"`{definition.options()[int(value)]}`"
    return f"`{str(value).replace(str(Path.home()), '~')}`"  # the same reference on every machine


def _kind(definition) -> str:
    kind = definition.type()
    if kind == "enum":
        return "one of " + ", ".join(f"`{option}`" for option in definition.options())
    return kind


def algorithm_section(algorithm) -> str:
    """One algorithm's section: title, description, its parameters and outputs as declared."""
    from anct_qgis_plugin.compat import FLAG_ADVANCED, FLAG_OPTIONAL

    lines = [
        f"## {algorithm.name()}",
        "",
        f"**{_cell(algorithm.displayName())}** (`{algorithm.id()}`, group {algorithm.group()}) — "
        f"{_cell(algorithm.shortDescription())}",
        "",
        "| Parameter | Name | Type | Default | Optional | Help |",
        "|---|---|---|---|---|---|",
    ]
    for definition in algorithm.parameterDefinitions():
        optional = bool(definition.flags() & FLAG_OPTIONAL)
        note = " (advanced)" if definition.flags() & FLAG_ADVANCED else ""
        lines.append(
            f"| {_cell(definition.description())}{note} | `{definition.name()}` | {_cell(_kind(definition))} | "
            f"{_cell(_default(definition))} | {'yes' if optional else ''} | {_cell(definition.help())} |"
        )
    lines += ["", "| Output | Name | Type |", "|---|---|---|"]
    for output in algorithm.outputDefinitions():
        lines.append(f"| {_cell(output.description())} | `{output.name()}` | {output.type()} |")
    return "\n".join(lines) + "\n"


def own_algorithms(provider) -> list:
    """The provider's algorithms, not the example models (they document themselves in the designer)."""
    from qgis.core import QgsProcessingModelAlgorithm

    return [algorithm for algorithm in provider.algorithms() if not isinstance(algorithm, QgsProcessingModelAlgorithm)]


def reference(algorithms) -> str:
    """The whole reference, algorithms in the provider's order."""
    return HEADER + "".join("\n" + algorithm_section(algorithm) for algorithm in algorithms)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    from anct_qgis_plugin.processing.provider import AnctProvider

    provider = AnctProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    TARGET.write_text(reference(own_algorithms(provider)), encoding="utf-8")
    print(TARGET.relative_to(ROOT))


if __name__ == "__main__":
    main()
