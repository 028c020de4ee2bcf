"""The panel's territory: a search field over the territory index (suggestions as you type), the
map extent button, and the label saying which territory the panel works on."""

from qgis.core import QgsSettings
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import QStringListModel, Qt
from qgis.PyQt.QtWidgets import QCompleter, QLabel, QToolButton, QWidget

from ..compat import MESSAGE_WARNING
from ..core.errors import AnctError
from ..core.travel.settings import GROUP
from .foreground import ForegroundLoad
from .i18n import kind_label, tr
from .panel import Panel
from .tasks import ExtentTask, IndexTask

LAST_TERRITORY = f"{GROUP}/ui/last_territory"


def shown_label(territory) -> str:
    """How the panel names a territory: the map extent by its name alone (its code is "extent")."""
    return territory.name if territory.kind == "extent" else territory.label


class SuggestionCompleter(QCompleter):
    """Shows every suggestion of the territory index: it already matched them without accents or
    case ('chateauroux' finds 'Châteauroux'), which Qt's own prefix filter would undo."""

    def splitPath(self, path):  # noqa: N802
        return [""]


class TerritoryChooser:
    def __init__(self, panel: Panel, foreground: ForegroundLoad, parent: QWidget):
        self.panel = panel
        self.foreground = foreground  # its buttons follow the territory
        self._choices: dict[str, str] = {}  # suggestion shown -> what the index resolves
        self.edit = QgsFilterLineEdit(parent)
        self.edit.setPlaceholderText(tr("Commune, EPCI, département, région or code…"))
        self.completer_model = QStringListModel(parent)
        completer = SuggestionCompleter(self.completer_model, parent)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit.setCompleter(completer)
        self.edit.textEdited.connect(self.suggest)
        completer.activated.connect(self.choose)
        self.edit.returnPressed.connect(lambda: self.choose(self.edit.text()))
        self.extent_button = QToolButton(parent)
        self.extent_button.setText(tr("Map extent"))
        self.extent_button.setToolTip(tr("Use the communes visible in the map canvas"))
        self.extent_button.clicked.connect(self.use_map_extent)
        self.label = QLabel(tr("Loading territories…"), parent)
        self.label.setWordWrap(True)

    def remember(self, settings: QgsSettings) -> None:
        """The territory chosen, for the next start (a map extent is not kept)."""
        territory = self.panel.territory
        if territory is not None and territory.kind != "extent":
            settings.setValue(LAST_TERRITORY, territory.key)

    # --- the territory index -----------------------------------------------------------
    def load_index(self) -> None:
        if self.panel.index is None and not any(isinstance(t, IndexTask) for t in self.panel.tasks):
            self.label.setText(tr("Loading territories…"))
            self.panel.start(IndexTask(self.panel.data, self.index_loaded))

    def index_loaded(self, task: IndexTask, ok: bool) -> None:
        self.panel.done(task)
        if not ok:
            # Often the first start without network: a warning the user can act on, with Retry.
            message = tr("Territories unavailable: {error}").format(error=task.error or tr("cancelled"))
            self.label.setText(message)
            self.panel.report(message, MESSAGE_WARNING)
            self.panel.offer_retry(index_failed=True)
            return
        self.panel.index = task.index
        self.panel.offer_retry(index_failed=False)
        last = QgsSettings().value(LAST_TERRITORY, "")
        if self.edit.text().strip():
            self.suggest(self.edit.text())  # typed while the list loaded: kept, not overwritten
        elif last:
            self.choose(last)
        else:
            self.label.setText(tr("Choose a territory."))

    # --- search and choice -------------------------------------------------------------
    def suggest(self, text: str) -> None:
        index = self.panel.index
        if index is None:
            return
        self._choices = {}
        for kind, code, name in index.search(text, 25):
            label = f"{name} — {kind_label(kind)} {code}" if kind != "country" else name
            self._choices[label] = {"region": f"reg:{code}"}.get(kind, code)
        self.completer_model.setStringList(list(self._choices))
        if self._choices and self.edit.hasFocus():
            self.edit.completer().complete()
        territory = self.panel.territory
        if territory is not None and text != territory.label:
            self.clear(tr("Choose a territory."))  # the label and Load follow the text

    def choose(self, text: str) -> None:
        index, territory = self.panel.index, self.panel.territory
        if index is None or (territory is not None and text == shown_label(territory)):
            return  # Enter on the territory shown (the map extent has no code to resolve)
        try:
            chosen = index.resolve(self._choices.get(text, text))
        except AnctError as error:
            self.panel.report(str(error), MESSAGE_WARNING)
            self.clear(str(error))  # never keep pointing at the previous territory
            return
        self.set_territory(chosen)

    def clear(self, message: str) -> None:
        self.panel.territory = None
        self.label.setText(message)
        self.foreground.show_state()

    def set_territory(self, territory) -> None:
        self.panel.territory = territory
        self.label.setText(
            tr("Territory: {label} — {n} communes, CRS {crs}").format(
                label=shown_label(territory), n=self.commune_count(territory), crs=territory.crs
            )
        )
        if self.edit.text() != shown_label(territory):  # the field says what the label says
            self.edit.setText(shown_label(territory))
        self.panel.save_state()
        self.panel.refresh_statuses()
        self.foreground.show_state()

    def commune_count(self, territory) -> int:
        """The communes of ``territory``; the country lists none (no restriction): all the index knows."""
        index = self.panel.index
        return len(index.communes) if territory.is_country and index else len(territory.commune_codes)

    # --- the map extent ----------------------------------------------------------------
    def use_map_extent(self) -> None:
        canvas = self.panel.iface.mapCanvas()
        task = ExtentTask(
            self.panel.data,
            canvas.extent(),
            canvas.mapSettings().destinationCrs().authid(),
            tr("Map extent"),
            self._extent_ready,
        )
        self.panel.start(task)

    def _extent_ready(self, task, ok):
        self.panel.done(task)
        if ok:
            self.set_territory(task.territory)
        else:
            self.panel.report(task.error or tr("Cancelled."), MESSAGE_WARNING)
