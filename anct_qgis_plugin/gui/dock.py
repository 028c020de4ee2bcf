"""The "ANCT Territoires" panel: pick a territory, tick catalogue layers, load them in the
background, refresh or purge them, work offline. The dock lays out its parts (territory_chooser,
catalogue_loading, indicator_row, cache_actions, foreground) and holds what they share."""

from qgis.core import QgsApplication, QgsMessageLog, QgsProject, QgsSettings
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QCheckBox, QHBoxLayout, QMessageBox, QToolButton, QVBoxLayout, QWidget

from ..compat import MESSAGE_INFO, MESSAGE_WARNING
from ..core.report import LOG_TAG
from ..core.service import AnctData
from ..core.travel.settings import GROUP, read_setting, write_setting
from ..resources_paths import GUIDE_URL, guide_path
from .cache_actions import CacheActions
from .catalogue_loading import CatalogueLoading
from .catalogue_tree import CatalogueTree
from .commune_card import CommuneCardDialog
from .foreground import ForegroundLoad
from .i18n import tr
from .indicator_row import IndicatorRow
from .layer_loading import move_beside_project
from .tasks import CardTask
from .territory_chooser import TerritoryChooser

CHECKED_LAYERS = f"{GROUP}/ui/checked_layers"


class AnctDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("ANCT Territoires"), parent)
        self.setObjectName("AnctTerritoiresDock")
        self.iface = iface
        self.data = AnctData()
        self.index = None
        self.territory = None
        self.tasks = set()  # QgsTaskManager holds raw pointers: keep the Python objects alive
        self.card_dialog = None
        self._build_ui()
        self._restore()
        QgsProject.instance().writeProject.connect(self.project_writing)

    # --- widgets ---------------------------------------------------------------------
    def _build_ui(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.foreground = ForegroundLoad(body, lambda: self.territory is not None)
        self.chooser = TerritoryChooser(self, self.foreground, body)
        self.help_button = QToolButton(body)
        self.help_button.setText("?")
        self.help_button.setToolTip(tr("User guide (French)"))
        self.help_button.clicked.connect(self.open_guide)
        row = QHBoxLayout()
        row.addWidget(self.chooser.edit, 1)
        row.addWidget(self.chooser.extent_button)
        row.addWidget(self.help_button)
        layout.addLayout(row)
        layout.addWidget(self.chooser.label)
        self.filter_edit = QgsFilterLineEdit(body)
        self.filter_edit.setPlaceholderText(tr("Filter the catalogue"))
        layout.addWidget(self.filter_edit)
        self.tree = CatalogueTree(self.data.language, body)
        self.filter_edit.textChanged.connect(self.tree.apply_filter)
        layout.addWidget(self.tree, 1)
        self.indicator_row = IndicatorRow(self, self.foreground, body)
        layout.addWidget(self.indicator_row)
        self.loading = CatalogueLoading(self, self.foreground, body)
        self.loading.retry_button.clicked.connect(self.retry_failed)
        self.cache = CacheActions(self, self.loading, body)
        buttons = QHBoxLayout()
        for button in (
            self.loading.load_button,
            self.foreground.cancel_button,
            self.cache.refresh_button,
            self.cache.purge_button,
            self.cache.pack_button,
            self.loading.retry_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.offline_box = QCheckBox(tr("Offline (cache only)"), body)
        self.offline_box.toggled.connect(self.set_offline)
        layout.addWidget(self.offline_box)
        layout.addWidget(self.foreground.progress)
        self.setWidget(body)
        self._name_the_parts()
        # Tab goes through the panel as it is laid out, whichever part made the widget first.
        order = [
            self.territory_edit,
            self.extent_button,
            self.help_button,
            self.filter_edit,
            self.tree,
            self.level_combo,
            self.indicator_button,
            self.load_button,
            self.cancel_button,
            self.refresh_button,
            self.purge_button,
            self.pack_button,
            self.retry_button,
            self.offline_box,
        ]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.foreground.buttons = [
            self.load_button,
            self.refresh_button,
            self.purge_button,
            self.pack_button,
            self.indicator_button,
        ]
        self.foreground.show_state()

    def _name_the_parts(self):
        """The widgets plugin.py, the tests and scripts/desktop_screenshot.py reach on the dock."""
        self.territory_edit = self.chooser.edit
        self.completer_model = self.chooser.completer_model
        self.extent_button = self.chooser.extent_button
        self.territory_label = self.chooser.label
        self.level_combo = self.indicator_row.level_combo
        self.indicator_button = self.indicator_row.indicator_button
        self.load_button = self.loading.load_button
        self.retry_button = self.loading.retry_button
        self.cancel_button = self.foreground.cancel_button
        self.progress = self.foreground.progress
        self.refresh_button = self.cache.refresh_button
        self.purge_button = self.cache.purge_button
        self.pack_button = self.cache.pack_button

    @property
    def load_task(self):
        """The load running (layers or an indicator), None when idle."""
        return self.foreground.task

    @property
    def pack_task(self):
        return self.cache.pack_task

    # --- state -----------------------------------------------------------------------
    def _restore(self):
        settings = QgsSettings()
        checked = settings.value(CHECKED_LAYERS, "france_services,qpv,communes") or ""
        self.tree.set_checked(checked.split(",") if isinstance(checked, str) else checked)
        self.offline_box.blockSignals(True)
        self.offline_box.setChecked(read_setting("offline"))
        self.offline_box.blockSignals(False)
        self.indicator_row.restore(settings)

    def showEvent(self, event):  # noqa: N802
        # The territory index is read when the panel is first shown, not at QGIS start-up.
        super().showEvent(event)
        self.load_index()

    def load_index(self):
        self.chooser.load_index()

    def save_state(self):
        settings = QgsSettings()
        settings.setValue(CHECKED_LAYERS, ",".join(self.tree.checked_ids()))
        self.chooser.remember(settings)

    def start(self, task):
        self.tasks.add(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def done(self, task):
        self.tasks.discard(task)

    _start = start  # the name the tests use

    # --- the parts' entries the plugin and the tests call ------------------------------
    def _index_loaded(self, task, ok):
        self.chooser.index_loaded(task, ok)

    def _suggest(self, text):
        self.chooser.suggest(text)

    def choose_territory(self, text):
        self.chooser.choose(text)

    def refresh_statuses(self):
        self.loading.refresh_statuses()

    def load_checked(self, refresh=False):
        self.loading.load_checked(refresh)

    def save_pack(self, path):
        self.cache.save_pack(path)

    def offer_retry(self, index_failed):
        self.loading.offer_retry(index_failed)

    def retry_failed(self):
        """Load again what could not be had (after fixing the proxy or the mirror, say): the
        territories first when they could not be read."""
        if self.index is None:
            self.load_index()
        else:
            self.loading.retry()

    # --- guide, settings -------------------------------------------------------------
    def guide_url(self):
        path = guide_path()
        return QUrl.fromLocalFile(path) if path else QUrl(GUIDE_URL)

    def open_guide(self):
        QDesktopServices.openUrl(self.guide_url())

    def confirm(self, question):
        answer = QMessageBox.question(self, tr("ANCT Territoires"), question)
        return answer == QMessageBox.StandardButton.Yes

    def set_offline(self, offline):
        write_setting("offline", offline)
        self.reload_settings()

    def reload_settings(self):
        """Settings changed (offline toggle, options page): use a new data layer; what failed
        (perhaps for the setting just fixed) is tried again."""
        self.data = AnctData()
        self.offline_box.blockSignals(True)
        self.offline_box.setChecked(self.data.config.offline)
        self.offline_box.blockSignals(False)
        self.refresh_statuses()
        if self.index is None and self.isVisible():
            self.load_index()
        elif self.loading.failed_layers and self.load_task is None and self.territory is not None:
            self.retry_failed()

    # --- commune card ----------------------------------------------------------------
    def show_card(self, code=None, rectangle=None, crs=None):
        self.start(CardTask(self.data, self._card_ready, code=code, rectangle=rectangle, crs=crs))

    def _card_ready(self, task, ok):
        self.done(task)
        if not ok:
            self.report(task.error or tr("Cancelled."), MESSAGE_WARNING)
            return
        self.card_dialog = CommuneCardDialog(task.card, self.iface.mainWindow())
        self.card_dialog.show()

    # --- the saved project -----------------------------------------------------------
    def project_writing(self, document):
        """Layers loaded before the first save live in the shared data folder: they move beside the
        project as it is written, and the file being written names them there (it opens after its
        folder moved)."""
        project = QgsProject.instance()
        moved = move_beside_project(project, document)
        if moved.layers:
            self.report(
                tr("{n} layers moved into {path}, beside the project: move the project with its folder.").format(
                    n=len(moved.layers), path=moved.path
                ),
                MESSAGE_INFO,
            )
        if moved.failures:
            self.report(
                tr(
                    "These layers stay in the data folder, outside the project's folder: {items}. Check that the "
                    "project's folder can be written, then save again."
                ).format(items="; ".join(moved.failures)),
                MESSAGE_WARNING,
            )

    # --- messages --------------------------------------------------------------------
    def report(self, message, level, bar=True):
        """Everything goes to the "ANCT" log tab; what the user must see also to the message bar."""
        if not message:
            return
        QgsMessageLog.logMessage(message, LOG_TAG, level)
        if bar:
            self.iface.messageBar().pushMessage(tr("ANCT"), message, level, 8)

    def shutdown(self):
        """Cancel running tasks (plugin unload)."""
        QgsProject.instance().writeProject.disconnect(self.project_writing)
        for task in list(self.tasks):
            task.detach()
            task.cancel()
        self.tasks.clear()
        self.foreground.task = None
