"""Wires the plugin into QGIS: translator, Processing provider, panel, commune card tool,
locator filter and options page. initGui stays light: the panel reads its data when shown."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .core.travel.settings import ui_language
from .resources_paths import i18n_dir, resource_path

MENU = "&ANCT Territoires"


def tr(text):
    return QCoreApplication.translate("AnctPlugin", text)


class AnctPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.dock = None
        self.map_tool = None
        self.locator = None
        self.options = None
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
        from .gui.commune_card import CommuneMapTool
        from .gui.dock import AnctDock
        from .gui.locator import AnctLocatorFilter
        from .gui.options import AnctOptionsFactory
        from .processing.provider import menu_entries

        self.initProcessing()
        icon = QIcon(resource_path("icons", "anct.svg"))
        self.dock = AnctDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        panel_action = self.dock.toggleViewAction()
        panel_action.setIcon(icon)
        panel_action.setText(tr("ANCT Territoires panel"))
        self.iface.addToolBarIcon(panel_action)
        self.iface.addPluginToMenu(MENU, panel_action)
        self.actions.append(panel_action)

        self.map_tool = CommuneMapTool(
            self.iface.mapCanvas(), lambda rectangle, crs: self.dock.show_card(rectangle=rectangle, crs=crs)
        )
        card_action = QAction(icon, tr("Commune card (click a commune)"), self.iface.mainWindow())
        card_action.setCheckable(True)
        card_action.triggered.connect(self._toggle_map_tool)
        self.map_tool.setAction(card_action)
        self.iface.addPluginToMenu(MENU, card_action)
        self.actions.append(card_action)

        for text, algorithm in menu_entries():  # the algorithms with a menu_text
            action = QAction(icon, text, self.iface.mainWindow())
            action.triggered.connect(lambda _checked=False, alg=algorithm: self._open_algorithm(alg))
            self.iface.addPluginToMenu(MENU, action)
            self.actions.append(action)

        self.locator = AnctLocatorFilter(
            lambda: self.dock.index if self.dock else None,
            lambda code: self.dock.show_card(code=code),
            self._locate_territory,
        )
        self.iface.registerLocatorFilter(self.locator)
        self.options = AnctOptionsFactory(lambda: self.dock.reload_settings() if self.dock else None)
        self.iface.registerOptionsWidgetFactory(self.options)

    def _toggle_map_tool(self, checked):
        if checked:
            self.iface.mapCanvas().setMapTool(self.map_tool)
        else:
            self.iface.mapCanvas().unsetMapTool(self.map_tool)

    def _locate_territory(self, key):
        self.dock.show()
        self.dock.choose_territory(key)

    @staticmethod
    def _open_algorithm(algorithm_id):
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id, {})

    def unload(self):
        if self.locator is not None:
            self.iface.deregisterLocatorFilter(self.locator)
            self.locator = None
        if self.options is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options)
            self.options = None
        if self.map_tool is not None:
            self.iface.mapCanvas().unsetMapTool(self.map_tool)
            self.map_tool = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            self.iface.removeToolBarIcon(action)
        self.actions = []
        if self.dock is not None:
            self.dock.save_state()
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
