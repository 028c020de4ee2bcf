"""The engines' errors are the plugin's (issue 25 §5): a panel task catches them as its own, the
user reading the translated message, and a cancelled engine is a CancelledError, which a task
ends on quietly. (The algorithms' runs that hit these errors keep their messages: the
service-gap, atlas and figures tests.)"""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def engine_task(work):
    """A panel task (gui/tasks.AnctTask) whose work is one engine call."""
    from anct_qgis_plugin.gui.tasks import AnctTask

    class EngineTask(AnctTask):
        def work(self, feedback):
            work(feedback)

    return EngineTask("ANCT: test", lambda *_args: None)


@pytest.fixture
def french(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = ROOT / "i18n" / "anct_qgis_plugin_fr.qm"
    if not qm.exists():
        subprocess.run(["lrelease", "-silent", str(qm.with_suffix(".ts"))], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_an_engine_raises_the_plugins_error(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    from anct_qgis_plugin.core.errors import AnctError
    from anct_qgis_plugin.engine.layer_reading import crs_of

    without_crs = QgsVectorLayer("Point", "units", "memory")
    without_crs.setCrs(QgsCoordinateReferenceSystem())
    with pytest.raises(AnctError, match="The population layer has no CRS: set it in the layer properties."):
        crs_of(without_crs, "population")


def test_a_panel_task_catches_an_atlas_error_in_the_users_language(french):
    from anct_qgis_plugin.cartography.sheets import departement_codes

    task = engine_task(lambda _feedback: departement_codes(None, " "))
    assert task.run() is False
    assert task.error == "Aucun département indiqué : un code (36), plusieurs (36,18), une région (reg:24) ou all."


def test_a_cancelled_engine_ends_a_panel_task_quietly(anct_env):
    from qgis.core import QgsProcessingContext

    from anct_qgis_plugin.core.errors import CancelledError
    from anct_qgis_plugin.core.service import AnctData
    from anct_qgis_plugin.engine.figures import service_gaps

    index = AnctData().territory_index()
    indre = index.resolve("36")
    task = engine_task(lambda feedback: service_gaps(indre, index, QgsProcessingContext(), feedback))
    task.feedback.cancel()
    with pytest.raises(CancelledError, match="Cancelled."):
        task.work(task.feedback)
    assert task.run() is False and task.error == ""
