"""Shared fixtures: the project on sys.path, a loopback mirror of the fixtures, an isolated
cache and settings per test, the provider registered per test, and a run_alg helper."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_MIRROR = ROOT / "tests" / "fixtures" / "mirror"
SHARED_MIRROR = ROOT.parent / "shared" / "mirror"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from loopback import MirrorServer  # noqa: E402

ANCT_VARIABLES = ("ANCT_QGIS_CACHE_DIR", "ANCT_QGIS_MIRROR", "ANCT_QGIS_OFFLINE", "ANCT_QGIS_TTL_HOURS",
                  "ANCT_QGIS_TIMEOUT", "ANCT_QGIS_RETRIES", "ANCT_QGIS_MAX_RETRY_WAIT",
                  "ANCT_QGIS_ARCEP_QUARTER", "ANCT_QGIS_DEADLINE", "ANCT_QGIS_MAX_DOWNLOAD_MB",
                  "ANCT_QGIS_DATA_DIR")


@pytest.fixture(scope="session")
def mirror_server():
    from wfs_roads import ROUTE_PREFIX, RoadWfs, indre_grid

    with MirrorServer(str(FIXTURE_MIRROR)) as server:
        server.add_route(ROUTE_PREFIX, RoadWfs(indre_grid()))  # BD TOPO roads of Indre, paged like the WFS
        yield server


@pytest.fixture
def anct_env(tmp_path, monkeypatch, mirror_server):
    """Settings for one test: fresh cache, the loopback mirror, short time-outs, no retries wait."""
    from anct_qgis_plugin.core import service

    for name in ANCT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv("ANCT_QGIS_CACHE_DIR", str(cache))
    monkeypatch.setenv("ANCT_QGIS_DATA_DIR", str(tmp_path / "data"))  # where the panel keeps loaded layers
    monkeypatch.setenv("ANCT_QGIS_MIRROR", mirror_server.base_url)
    monkeypatch.setenv("ANCT_QGIS_TIMEOUT", "2")
    monkeypatch.setenv("ANCT_QGIS_RETRIES", "1")
    monkeypatch.setenv("ANCT_QGIS_MAX_RETRY_WAIT", "1")
    mirror_server.clear_faults()
    service._INDEX_MEMO.clear()
    yield cache
    mirror_server.clear_faults()
    service._INDEX_MEMO.clear()


@pytest.fixture
def provider(qgis_processing):
    from qgis.core import QgsApplication

    from anct_qgis_plugin.processing.provider import AnctProvider

    registry = QgsApplication.processingRegistry()
    anct = AnctProvider()
    registry.addProvider(anct)
    yield anct
    registry.removeProvider(anct)


def _feedback_class():
    from qgis.core import QgsProcessingFeedback

    class RecordingFeedback(QgsProcessingFeedback):
        """Keeps what an algorithm tells its user, to assert on warnings."""

        def __init__(self):
            super().__init__()
            self.infos, self.warnings = [], []

        def pushInfo(self, info):  # noqa: N802
            self.infos.append(info)
            super().pushInfo(info)

        def pushWarning(self, warning):  # noqa: N802
            self.warnings.append(warning)
            super().pushWarning(warning)

    return RecordingFeedback


@pytest.fixture
def feedback():
    return _feedback_class()()


@pytest.fixture
def run_alg(provider, feedback):
    """run_alg("anct:fetch_layer", {...}) -> results, with ``feedback`` recording messages."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    def run(algorithm_id, parameters):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(algorithm_id, parameters, context=context, feedback=feedback)

    return run


def _url_recorder():
    from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot

    class UrlRecorder(QObject):
        """Receives the file URLs the plugin asks Qt to open (QDesktopServices.setUrlHandler)."""

        def __init__(self):
            super().__init__()
            self.urls = []

        @pyqtSlot(QUrl)
        def open(self, url):  # noqa: A003 - the slot's name given to Qt
            self.urls.append(url)

    return UrlRecorder()


@pytest.fixture(autouse=True)
def opened_files():
    """The file URLs opened during a test, through Qt's own handler mechanism: no test ever starts
    a PDF viewer or a browser."""
    from qgis.PyQt.QtGui import QDesktopServices

    recorder = _url_recorder()
    QDesktopServices.setUrlHandler("file", recorder, "open")
    yield recorder.urls
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def french_ui():
    """QGIS's interface in French for one test (what ui_language() and the plugin read)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    yield
    for key, value in saved.items():
        settings.remove(key) if value is None else settings.setValue(key, value)


@pytest.fixture
def shared_mirror():
    if not SHARED_MIRROR.is_dir():
        pytest.skip("../shared/mirror is absent (realistic tier)")
    return SHARED_MIRROR


def cache_files(cache_dir):
    """Every file under the cache folder, with its bytes: to prove a failure left it untouched."""
    return {str(p.relative_to(cache_dir)): p.read_bytes() for p in Path(cache_dir).rglob("*") if p.is_file()
            and p.name != ".lock"}
