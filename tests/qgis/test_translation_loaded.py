"""The compiled French translation reaches the data layer's messages in QGIS."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRENCH = ROOT / "i18n" / "anct_qgis_plugin_fr.ts"


def test_compiled_french_translation_is_loaded(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = ROOT / "i18n" / "anct_qgis_plugin_fr.qm"
    if not qm.exists():
        subprocess.run(["lrelease", "-silent", str(FRENCH)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from anct_qgis_plugin.core.i18n import tr

        assert tr("Cancelled.") == "Annulé."
    finally:
        QCoreApplication.removeTranslator(translator)
