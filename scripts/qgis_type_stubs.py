"""A stub tree for mypy from the QGIS the distribution installed (``make typecheck``).

qgis.core, qgis.gui … are Python packages that re-export the compiled qgis._core, qgis._gui …, and
qgis.PyQt.QtCore … re-export PyQt5's. Debian ships the .pyi of the compiled modules but no py.typed
marker, so mypy would not read them: this writes, under the folder given, stubs that re-export them
(the .pyi themselves are linked, not copied). When the distribution ships none, nothing is written
and mypy reads qgis as an untyped package (ignore_missing_imports in pyproject.toml).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# The compiled modules and the packages that re-export them.
COMPILED = {"_core": "core", "_gui": "gui", "_analysis": "analysis"}
# qgis.core also exports NULL (a null QVariant of qgis.PyQt.QtCore) and the exceptions SIP makes,
# which the .pyi leave out.
EXCEPTIONS = ("QgsException", "QgsCsException", "QgsNotSupportedException", "QgsProcessingException")
EXTRA = {
    "core": "from qgis.PyQt.QtCore import NULL as NULL\n"
    + "".join(f"class {name}(Exception): ...\n" for name in EXCEPTIONS)
}
# qgis.PyQt.QtCore adds NULL to PyQt5's.
QT_EXTRA = {"QtCore": "NULL: QVariant\n"}


def _qgis_folder() -> Path | None:
    try:
        import qgis  # located, not used: mypy reads the stubs
    except ImportError:
        return None
    return Path(qgis.__file__).parent


def _qt_folder() -> Path | None:
    try:
        import PyQt5
    except ImportError:
        return None
    return Path(PyQt5.__file__).parent


def write_stubs(target: Path) -> list[str]:
    """Write the stub tree into ``target`` (emptied first); return the modules written."""
    shutil.rmtree(target, ignore_errors=True)
    qgis, qt = _qgis_folder(), _qt_folder()
    if qgis is None or not (qgis / "_core.pyi").exists():
        return []
    root = target / "qgis"
    root.mkdir(parents=True)
    (root / "__init__.pyi").write_text("")
    written = []
    for compiled, package in COMPILED.items():
        if not (qgis / f"{compiled}.pyi").exists():
            continue
        os.symlink(qgis / f"{compiled}.pyi", root / f"{compiled}.pyi")
        (root / package).mkdir()
        (root / package / "__init__.pyi").write_text(f"from qgis.{compiled} import *\n" + EXTRA.get(package, ""))
        written.append(f"qgis.{package}")
    if qt is not None and (qgis / "PyQt").is_dir():
        (root / "PyQt").mkdir()
        (root / "PyQt" / "__init__.pyi").write_text("")
        for module in sorted((qgis / "PyQt").glob("Qt*.py")):
            if (qt / f"{module.stem}.pyi").exists():
                extra = QT_EXTRA.get(module.stem, "")
                (root / "PyQt" / f"{module.stem}.pyi").write_text(f"from PyQt5.{module.stem} import *\n{extra}")
                written.append(f"qgis.PyQt.{module.stem}")
        if (qt / "sip.pyi").exists():
            (root / "PyQt" / "sip.pyi").write_text("from PyQt5.sip import *\n")
    return written


if __name__ == "__main__":
    modules = write_stubs(Path(sys.argv[1]))
    print(f"QGIS stubs: {', '.join(modules)}" if modules else "QGIS ships no .pyi here: qgis read as untyped")
