"""The "ANCT Territoires" panel: pick a territory, tick catalogue layers, load them in the
background, refresh or purge them, work offline."""

from qgis.core import QgsApplication, QgsMessageLog, QgsProject, QgsSettings
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QStringListModel, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..compat import MESSAGE_CRITICAL, MESSAGE_INFO, MESSAGE_WARNING
from ..core.building.indicator_layer import OUTLINES
from ..core.building.indicator_style import style_indicator
from ..core.errors import AnctError
from ..core.published.catalogue import get_source
from ..core.report import LOG_TAG
from ..core.service import AnctData
from ..core.travel.settings import GROUP, read_setting, write_setting
from ..resources_paths import GUIDE_URL, guide_path
from .catalogue_tree import CatalogueTree
from .commune_card import CommuneCardDialog
from .i18n import kind_label, tr
from .layer_loading import add_to_project, move_beside_project
from .summary import is_worrying, load_summary
from .tasks import CardTask, ExtentTask, IndexTask, IndicatorTask, LoadLayersTask, PackTask

LAST_TERRITORY = f"{GROUP}/ui/last_territory"
CHECKED_LAYERS = f"{GROUP}/ui/checked_layers"
INDICATOR_LEVEL = f"{GROUP}/ui/indicator_level"


def level_label(level):
    """A level of anct:fetch_indicator (a key of indicator_layer.OUTLINES) as the panel names it."""
    return {
        "communes": tr("Communes"),
        "epci": tr("EPCI"),
        "departements": tr("Departments"),
        "regions": tr("Regions"),
    }[level]


def shown_label(territory):
    """How the panel names a territory: the map extent by its name alone (its code is "extent")."""
    return territory.name if territory.kind == "extent" else territory.label


class SuggestionCompleter(QCompleter):
    """Shows every suggestion of the territory index: it already matched them without accents or
    case ('chateauroux' finds 'Châteauroux'), which Qt's own prefix filter would undo."""

    def splitPath(self, path):  # noqa: N802
        return [""]


class AnctDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("ANCT Territoires"), parent)
        self.setObjectName("AnctTerritoiresDock")
        self.iface = iface
        self.failed_layers = []
        self.fallbacks = {}  # (territory key, layer id) -> StaleCopy: the refresh failed, a cached copy was loaded
        self.pack_task = None
        self.data = AnctData()
        self.index = None
        self.territory = None
        self.tasks = set()  # QgsTaskManager holds raw pointers: keep the Python objects alive
        self.load_task = None
        self.card_dialog = None
        self._choices = {}
        self._build_ui()
        self._restore()
        QgsProject.instance().writeProject.connect(self.project_writing)

    # --- widgets ---------------------------------------------------------------------
    def _build_ui(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        self.territory_edit = QgsFilterLineEdit(body)
        self.territory_edit.setPlaceholderText(tr("Commune, EPCI, département, région or code…"))
        self.completer_model = QStringListModel(self)
        completer = SuggestionCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.territory_edit.setCompleter(completer)
        self.territory_edit.textEdited.connect(self._suggest)
        completer.activated.connect(self.choose_territory)
        self.territory_edit.returnPressed.connect(lambda: self.choose_territory(self.territory_edit.text()))
        self.extent_button = QToolButton(body)
        self.extent_button.setText(tr("Map extent"))
        self.extent_button.setToolTip(tr("Use the communes visible in the map canvas"))
        self.extent_button.clicked.connect(self.use_map_extent)
        self.help_button = QToolButton(body)
        self.help_button.setText("?")
        self.help_button.setToolTip(tr("User guide (French)"))
        self.help_button.clicked.connect(self.open_guide)
        row.addWidget(self.territory_edit, 1)
        row.addWidget(self.extent_button)
        row.addWidget(self.help_button)
        layout.addLayout(row)
        self.territory_label = QLabel(tr("Loading territories…"), body)
        self.territory_label.setWordWrap(True)
        layout.addWidget(self.territory_label)
        self.filter_edit = QgsFilterLineEdit(body)
        self.filter_edit.setPlaceholderText(tr("Filter the catalogue"))
        layout.addWidget(self.filter_edit)
        self.tree = CatalogueTree(self.data.language, body)
        self.filter_edit.textChanged.connect(self.tree.apply_filter)
        layout.addWidget(self.tree, 1)
        self.indicator_row = self._indicator_row(body)
        layout.addWidget(self.indicator_row)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(tr("Load"), body)
        self.load_button.clicked.connect(self.load_checked)
        self.cancel_button = QPushButton(tr("Cancel"), body)
        self.cancel_button.clicked.connect(self.cancel_load)
        self.refresh_button = QPushButton(tr("Refresh"), body)
        self.refresh_button.setToolTip(tr("Ask the sources whether the ticked layers changed, then load them"))
        self.refresh_button.clicked.connect(lambda: self.load_checked(refresh=True))
        self.purge_button = QPushButton(tr("Purge"), body)
        self.purge_button.setToolTip(tr("Remove the ticked layers from the cache"))
        self.purge_button.clicked.connect(self.purge_checked)
        self.pack_button = QPushButton(tr("Save pack…"), body)
        self.pack_button.setToolTip(tr("Save the ticked layers of the territory in one GeoPackage, for offline work"))
        self.pack_button.clicked.connect(self.choose_pack_path)
        self.retry_button = QPushButton(tr("Retry"), body)
        self.retry_button.setToolTip(tr("Load again the layers that could not be had"))
        self.retry_button.clicked.connect(self.retry_failed)
        self.retry_button.setVisible(False)
        for button in (
            self.load_button,
            self.cancel_button,
            self.refresh_button,
            self.purge_button,
            self.pack_button,
            self.retry_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.offline_box = QCheckBox(tr("Offline (cache only)"), body)
        self.offline_box.toggled.connect(self.set_offline)
        layout.addWidget(self.offline_box)
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        self.setWidget(body)
        self._set_busy(False)

    def _indicator_row(self, body):
        """Shown while an Observatoire indicator is selected: the level to map it at, and its Load."""
        row = QWidget(body)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Level:"), row))
        self.level_combo = QComboBox(row)
        for level in OUTLINES:
            self.level_combo.addItem(level_label(level), level)
        self.level_combo.setToolTip(
            tr(
                "The places the indicator is mapped on, in the territory; regions only where the Observatoire "
                "publishes them."
            )
        )
        layout.addWidget(self.level_combo, 1)
        self.indicator_button = QPushButton(tr("Load indicator"), row)
        self.indicator_button.setToolTip(tr("Map the selected indicator for the territory at the chosen level"))
        self.indicator_button.clicked.connect(self.load_indicator)
        layout.addWidget(self.indicator_button)
        self.tree.itemSelectionChanged.connect(self._indicator_selected)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.load_indicator())
        row.setVisible(False)
        return row

    def _indicator_selected(self):
        self.indicator_row.setVisible(self.tree.selected_indicator() is not None)

    def _set_busy(self, busy):
        self.cancel_button.setEnabled(busy)
        for button in (
            self.load_button,
            self.refresh_button,
            self.purge_button,
            self.pack_button,
            self.indicator_button,
        ):
            button.setEnabled(not busy and self.territory is not None)
        self.progress.setVisible(busy)

    # --- state -----------------------------------------------------------------------
    def _restore(self):
        settings = QgsSettings()
        checked = settings.value(CHECKED_LAYERS, "france_services,qpv,communes") or ""
        self.tree.set_checked(checked.split(",") if isinstance(checked, str) else checked)
        self.offline_box.blockSignals(True)
        self.offline_box.setChecked(read_setting("offline"))
        self.offline_box.blockSignals(False)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(settings.value(INDICATOR_LEVEL, "communes"))))

    def showEvent(self, event):  # noqa: N802
        # The territory index is read when the panel is first shown, not at QGIS start-up.
        super().showEvent(event)
        self.load_index()

    def load_index(self):
        if self.index is None and not any(isinstance(t, IndexTask) for t in self.tasks):
            self.territory_label.setText(tr("Loading territories…"))
            self._start(IndexTask(self.data, self._index_loaded))

    def save_state(self):
        settings = QgsSettings()
        settings.setValue(CHECKED_LAYERS, ",".join(self.tree.checked_ids()))
        if self.territory is not None and self.territory.kind != "extent":
            settings.setValue(LAST_TERRITORY, self.territory.key)

    def _start(self, task):
        self.tasks.add(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def _done(self, task):
        self.tasks.discard(task)

    # --- territory -------------------------------------------------------------------
    def _index_loaded(self, task, ok):
        self._done(task)
        if not ok:
            # Often the first start without network: a warning the user can act on, with Retry.
            message = tr("Territories unavailable: {error}").format(error=task.error or tr("cancelled"))
            self.territory_label.setText(message)
            self.report(message, MESSAGE_WARNING)
            self.retry_button.setVisible(True)
            return
        self.index = task.index
        self.retry_button.setVisible(bool(self.failed_layers))
        last = QgsSettings().value(LAST_TERRITORY, "")
        if self.territory_edit.text().strip():
            self._suggest(self.territory_edit.text())  # typed while the list loaded: kept, not overwritten
        elif last:
            self.choose_territory(last)
        else:
            self.territory_label.setText(tr("Choose a territory."))

    def _suggest(self, text):
        if self.index is None:
            return
        self._choices = {}
        for kind, code, name in self.index.search(text, 25):
            label = f"{name} — {kind_label(kind)} {code}" if kind != "country" else name
            self._choices[label] = {"region": f"reg:{code}"}.get(kind, code)
        self.completer_model.setStringList(list(self._choices))
        if self._choices and self.territory_edit.hasFocus():
            self.territory_edit.completer().complete()
        if self.territory is not None and text != self.territory.label:
            self._clear_territory(tr("Choose a territory."))  # the label and Load follow the text

    def choose_territory(self, text):
        if self.index is None or (self.territory is not None and text == shown_label(self.territory)):
            return  # Enter on the territory shown (the map extent has no code to resolve)
        try:
            territory = self.index.resolve(self._choices.get(text, text))
        except AnctError as error:
            self.report(str(error), MESSAGE_WARNING)
            self._clear_territory(str(error))  # never keep pointing at the previous territory
            return
        self.set_territory(territory)

    def _clear_territory(self, message):
        self.territory = None
        self.territory_label.setText(message)
        self._set_busy(self.load_task is not None)

    def set_territory(self, territory):
        self.territory = territory
        self.territory_label.setText(
            tr("Territory: {label} — {n} communes, CRS {crs}").format(
                label=shown_label(territory), n=self.commune_count(territory), crs=territory.crs
            )
        )
        if self.territory_edit.text() != shown_label(territory):  # the field says what the label says
            self.territory_edit.setText(shown_label(territory))
        self.save_state()
        self.refresh_statuses()
        self._set_busy(self.load_task is not None)

    def commune_count(self, territory):
        """The communes of ``territory``; the country lists none (no restriction): all the index knows."""
        return len(self.index.communes) if territory.is_country and self.index else len(territory.commune_codes)

    def use_map_extent(self):
        canvas = self.iface.mapCanvas()
        task = ExtentTask(
            self.data,
            canvas.extent(),
            canvas.mapSettings().destinationCrs().authid(),
            tr("Map extent"),
            self._extent_ready,
        )
        self._start(task)

    def _extent_ready(self, task, ok):
        self._done(task)
        if ok:
            self.set_territory(task.territory)
        else:
            self.report(task.error or tr("Cancelled."), MESSAGE_WARNING)

    # --- catalogue -------------------------------------------------------------------
    def refresh_statuses(self):
        for layer_id in self.tree.items:
            status = self.data.cache_status(layer_id, self.territory)
            key = (self.territory.key if self.territory is not None else "", layer_id)
            self.tree.show_status(layer_id, status, self.fallbacks.get(key))

    def load_checked(self, refresh=False):
        layer_ids = self.tree.checked_ids()
        if self.territory is None or not layer_ids or self.load_task is not None:
            return
        self.save_state()
        data = self.data.with_settings(ttl_hours=0) if refresh else self.data
        self.retry_button.setVisible(False)
        self.load_task = LoadLayersTask(data, self.territory, layer_ids, self._layers_loaded)
        self.load_task.progressChanged.connect(self._show_progress)
        self.load_task.step.connect(self._show_status)
        self.progress.setFormat("%p %")
        self.progress.setValue(0)
        self._start(self.load_task)
        self._set_busy(True)

    def _show_progress(self, value):
        if not sip.isdeleted(self.progress):
            self.progress.setValue(int(value))

    def _show_status(self, text):
        if not sip.isdeleted(self.progress):
            self.progress.setFormat(f"{text} — %p %")

    def cancel_load(self):
        if self.load_task is not None:
            self.load_task.cancel()

    def _layers_loaded(self, task, ok):
        self._done(task)
        self.load_task = None
        self._set_busy(False)
        placed = add_to_project(task.written, task.territory, unwritten=task.unwritten) if task.built else None
        for built in task.built:
            for warning in built.info.warnings:
                self.report(warning, MESSAGE_WARNING, bar=False)
            key = (task.territory.key, built.info.layer_id)
            if built.info.fallbacks:
                self.fallbacks[key] = min(built.info.fallbacks, key=lambda copy: copy.fetched_at)
            else:
                self.fallbacks.pop(key, None)
        failures = {**task.failures, **(placed.failures if placed else {})}
        for layer_id, message in failures.items():
            self.report(f"{layer_id}: {message}", MESSAGE_CRITICAL, bar=False)  # the details, in the log
        self.failed_layers = list(failures)
        self.retry_button.setVisible(bool(failures))
        if task.built or task.failures:
            self.report(
                load_summary(task, self.data.language, self.data.mirror_label(), placed),
                MESSAGE_WARNING if is_worrying(task, placed) else MESSAGE_INFO,
            )
        if not ok:
            self.report(task.error or tr("Loading cancelled."), MESSAGE_CRITICAL if task.error else MESSAGE_INFO)
        self.refresh_statuses()

    # --- Observatoire indicators -----------------------------------------------------
    def load_indicator(self):
        """The selected indicator for the territory at the chosen level, in the background."""
        indicator_id = self.tree.selected_indicator()
        if self.territory is None or indicator_id is None or self.load_task is not None:
            return
        level = self.level_combo.currentData()
        QgsSettings().setValue(INDICATOR_LEVEL, level)
        self.load_task = IndicatorTask(self.data, self.territory, indicator_id, level, self._indicator_loaded)
        self.load_task.progressChanged.connect(self._show_progress)
        self.progress.setFormat(tr("{id} — %p %").format(id=indicator_id))
        self.progress.setValue(0)
        self._start(self.load_task)
        self._set_busy(True)

    def _indicator_loaded(self, task, ok):
        self._done(task)
        self.load_task = None
        self._set_busy(False)
        if not ok:
            self.report(task.error or tr("Loading cancelled."), MESSAGE_CRITICAL if task.error else MESSAGE_INFO)
            return
        result = task.result
        placed = add_to_project(task.written, task.territory, unwritten=task.unwritten)
        layer = placed.layers.get(result.info.layer_id)
        if layer is None:
            self.report(placed.failures.get(result.info.layer_id, ""), MESSAGE_CRITICAL)
            return
        # The legend's title: label (unit), year — and the level, as one group may hold several.
        style_indicator(layer, result.field, result.kind, f"{result.title} — {level_label(task.level)}")
        layer.triggerRepaint()
        for message in result.info.warnings + placed.notes:
            self.report(message, MESSAGE_WARNING, bar=False)
        self.report(
            tr("{title}: {n} places of {territory} ({level}).").format(
                title=result.title,
                n=result.info.feature_count,
                territory=task.territory.label,
                level=level_label(task.level),
            ),
            MESSAGE_WARNING if result.info.warnings else MESSAGE_INFO,
        )

    def choose_pack_path(self):
        name = f"anct_{self.territory.key.replace(':', '_')}.gpkg" if self.territory else "anct.gpkg"
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Save the territory pack"), name, tr("GeoPackage (*.gpkg)")
        )
        if path:
            self.save_pack(path if path.lower().endswith(".gpkg") else path + ".gpkg")

    def save_pack(self, path):
        """The ticked layers of the territory into one GeoPackage, in the background."""
        layer_ids = self.tree.checked_ids()
        if self.territory is None or not layer_ids:
            return
        self.pack_task = self._start(PackTask(self.data, self.territory, layer_ids, path, self._pack_saved))

    def _pack_saved(self, task, ok):
        self._done(task)
        self.pack_task = None
        if not ok:
            self.report(task.error or tr("Cancelled."), MESSAGE_CRITICAL if task.error else MESSAGE_INFO)
            return
        unavailable = [entry.layer_id for entry in task.entries if entry.status != "ok"]
        self.report(
            tr("Territory pack saved: {path} ({n} layers{missing}).").format(
                path=task.path,
                n=len(task.entries) - len(unavailable),
                missing=tr("; unavailable: {ids}").format(ids=", ".join(unavailable)) if unavailable else "",
            ),
            MESSAGE_WARNING if unavailable else MESSAGE_INFO,
        )

    def guide_url(self):
        path = guide_path()
        return QUrl.fromLocalFile(path) if path else QUrl(GUIDE_URL)

    def open_guide(self):
        QDesktopServices.openUrl(self.guide_url())

    def retry_failed(self):
        """Load again what could not be had (after fixing the proxy or the mirror, say): the
        territories first when they could not be read."""
        if self.index is None:
            self.load_index()
        elif self.failed_layers:
            self.tree.set_checked(self.failed_layers)
            self.load_checked()

    def purge_checked(self):
        layer_ids = self.tree.checked_ids()
        titles = ", ".join(get_source(layer_id).title(self.data.language) for layer_id in layer_ids)
        if not layer_ids or not self.confirm(
            tr("Remove from the cache the files of: {titles}? Files that other layers still use are kept.").format(
                titles=titles
            )
        ):
            return
        removed = self.data.purge(layer_ids, self.territory)
        self.fallbacks = {key: copy for key, copy in self.fallbacks.items() if key[1] not in layer_ids}
        self.report(tr("Cache purged for {titles}: {n} files removed.").format(titles=titles, n=removed), MESSAGE_INFO)
        self.refresh_statuses()

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
        elif self.failed_layers and self.load_task is None and self.territory is not None:
            self.retry_failed()

    # --- commune card ----------------------------------------------------------------
    def show_card(self, code=None, rectangle=None, crs=None):
        self._start(CardTask(self.data, self._card_ready, code=code, rectangle=rectangle, crs=crs))

    def _card_ready(self, task, ok):
        self._done(task)
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
        self.load_task = None
