"""Wires the plugin into QGIS: translator, Processing provider, menu actions."""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .core.service import ui_language
from .resources_paths import i18n_dir, resource_path

MENU = "&ANCT Territoires"


def tr(text):
    return QCoreApplication.translate("AnctPlugin", text)


class AnctPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.translator = QTranslator()
        path = os.path.join(i18n_dir(), f"anct_qgis_plugin_{ui_language()}.qm")
        if os.path.isfile(path) and self.translator.load(path):
            QCoreApplication.installTranslator(self.translator)
        else:
            self.translator = None

    def initProcessing(self):  # noqa: N802
        if self.provider is None:
            from .processing.provider import AnctProvider

            self.provider = AnctProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        for text, algorithm in ((tr("Fetch an ANCT layer…"), "anct:fetch_layer"),
                                (tr("Fetch a territory pack…"), "anct:fetch_territory_pack")):
            action = QAction(QIcon(resource_path("icons", "anct.svg")), text, self.iface.mainWindow())
            action.triggered.connect(lambda _checked=False, alg=algorithm: self._open_algorithm(alg))
            self.iface.addPluginToMenu(MENU, action)
            self.actions.append(action)

    @staticmethod
    def _open_algorithm(algorithm_id):
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id, {})

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
