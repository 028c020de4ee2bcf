"""tests/unit needs no QGIS. Run alone (``make test-unit``: ``-p no:qgis``), QGIS is made absent even
where it is installed, so that a test or a plugin module it reaches that imports QGIS fails here,
not later on a machine without it."""

import sys

import pytest


def pytest_configure(config):
    if config.pluginmanager.has_plugin("pytest_qgis"):
        return  # the whole suite: pytest-qgis has started QGIS, these tests just run beside the others
    if "qgis" in sys.modules:
        raise pytest.UsageError(
            "-p no:qgis with QGIS already imported: run tests/unit alone (make test-unit) "
            "or the whole suite with pytest-qgis (make test)"
        )
    sys.modules["qgis"] = None  # Python's mark of a missing module: any `import qgis...` raises ImportError
