"""The code must load on Qt6 (QGIS 4): no Qt5-only spellings outside the compatibility module."""

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "anct_qgis_plugin"
FORBIDDEN = {
    r"\bexec_\(": "use exec()",
    r"^\s*(from|import) PyQt[56]": "import Qt through qgis.PyQt",
    r"\bQVariant\.(String|Int|Double|LongLong|DateTime|Bool)\b": "use the compat FIELD_* names",
    # QGIS's own checker (scripts/pyqt5_to_pyqt6.py) reports QVariant.Type, annotations included.
    r"\bQVariant\.Type\b": "PyQt6 has no QVariant.Type: use compat.FieldType",
    r"\bQt\.(Align[A-Z]\w*|Checked|Unchecked|UserRole|DisplayRole|ItemIs\w+|WaitCursor|"
    r"LeftDockWidgetArea|RightDockWidgetArea|Horizontal|Vertical|red|blue|black|white)\b": (
        "use fully scoped Qt enums (Qt.AlignmentFlag.AlignLeft)"
    ),
    r"\bQgsProcessing\.Type\w+": "use the compat SOURCE_* names",
    r"\bQgsWkbTypes\.(Point|MultiPolygon|Polygon|LineString|NoGeometry)\b": "use the compat WKB_* names",
    r"\bQgis\.(Info|Warning|Critical|Success)\b": "use the compat MESSAGE_* names",
    r"\bQgsProcessingParameter\w+\.(Flag\w+|Double|Integer)\b": "use the compat FLAG_*/NUMBER_* names",
}


def sources():
    return [p for p in PACKAGE.rglob("*.py") if p.name != "compat.py"]


@pytest.mark.parametrize("pattern, advice", FORBIDDEN.items())
def test_no_qt5_only_spelling(pattern, advice):
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(pattern, line)
    ]
    assert not offenders, f"{advice}:\n" + "\n".join(offenders)


def test_scanner_catches_a_qt5_spelling():
    def caught(line):
        return [pattern for pattern in FORBIDDEN if re.search(pattern, line)]

    assert caught("dialog.exec_()") and caught("label.setAlignment(Qt.AlignLeft)")
    assert caught("def kind(value) -> QMetaType.Type | QVariant.Type | None:")
    assert not caught("label.setAlignment(Qt.AlignmentFlag.AlignLeft)")


def test_metadata_declares_qgis_4_the_current_way():
    metadata = (PACKAGE.parent / "metadata.txt").read_text(encoding="utf-8")
    # The repository's validator deprecated supportsQt6: QGIS 4 is declared by the maximum version.
    assert "qgisMaximumVersion=4.99" in metadata and "qgisMinimumVersion=3.22" in metadata
    assert "supportsQt6" not in metadata
