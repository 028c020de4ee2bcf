"""Fixtures of the tests that run in QGIS: the provider, a recording feedback, run_alg, the file
URLs opened, the interface in French, a throw-away PostGIS."""

import pytest

from tests.qgis.postgis import postgis  # noqa: F401 - the throw-away PostGIS cluster, for every test here


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
