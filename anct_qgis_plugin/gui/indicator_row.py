"""The panel's Observatoire indicator row, shown while an indicator is selected in the catalogue:
the level to map it at, and its Load (IndicatorTask), the layer styled as the legend names it."""

from qgis.core import QgsSettings
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ..compat import MESSAGE_CRITICAL, MESSAGE_INFO, MESSAGE_WARNING
from ..core.building.indicator_layer import OUTLINES
from ..core.building.indicator_style import style_indicator
from ..core.travel.settings import GROUP
from .foreground import ForegroundLoad
from .i18n import tr
from .layer_loading import add_to_project
from .panel import Panel
from .tasks import IndicatorTask

INDICATOR_LEVEL = f"{GROUP}/ui/indicator_level"


def level_label(level: str) -> str:
    """A level of anct:fetch_indicator (a key of indicator_layer.OUTLINES) as the panel names it."""
    return {
        "communes": tr("Communes"),
        "epci": tr("EPCI"),
        "departements": tr("Departments"),
        "regions": tr("Regions"),
    }[level]


class IndicatorRow(QWidget):
    def __init__(self, panel: Panel, foreground: ForegroundLoad, parent: QWidget):
        super().__init__(parent)
        self.panel = panel
        self.foreground = foreground
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Level:"), self))
        self.level_combo = QComboBox(self)
        for level in OUTLINES:
            self.level_combo.addItem(level_label(level), level)
        self.level_combo.setToolTip(
            tr(
                "The places the indicator is mapped on, in the territory; regions only where the Observatoire "
                "publishes them."
            )
        )
        layout.addWidget(self.level_combo, 1)
        self.indicator_button = QPushButton(tr("Load indicator"), self)
        self.indicator_button.setToolTip(tr("Map the selected indicator for the territory at the chosen level"))
        self.indicator_button.clicked.connect(self.load_indicator)
        layout.addWidget(self.indicator_button)
        panel.tree.itemSelectionChanged.connect(self._indicator_selected)
        panel.tree.itemDoubleClicked.connect(lambda item, _column: self.load_indicator())
        self.setVisible(False)

    def _indicator_selected(self):
        self.setVisible(self.panel.tree.selected_indicator() is not None)

    def restore(self, settings: QgsSettings) -> None:
        """The level chosen last time."""
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(settings.value(INDICATOR_LEVEL, "communes"))))

    def load_indicator(self) -> None:
        """The selected indicator for the territory at the chosen level, in the background."""
        panel = self.panel
        indicator_id = panel.tree.selected_indicator()
        if panel.territory is None or indicator_id is None or self.foreground.task is not None:
            return
        level = self.level_combo.currentData()
        QgsSettings().setValue(INDICATOR_LEVEL, level)
        task = IndicatorTask(panel.data, panel.territory, indicator_id, level, self._indicator_loaded)
        self.foreground.run(task, panel.start, tr("{id} — %p %").format(id=indicator_id))

    def _indicator_loaded(self, task, ok):
        panel = self.panel
        panel.done(task)
        self.foreground.finish()
        if not ok:
            panel.report(task.error or tr("Loading cancelled."), MESSAGE_CRITICAL if task.error else MESSAGE_INFO)
            return
        result = task.result
        placed = add_to_project(task.written, task.territory, unwritten=task.unwritten)
        layer = placed.layers.get(result.info.layer_id)
        if layer is None:
            panel.report(placed.failures.get(result.info.layer_id, ""), MESSAGE_CRITICAL)
            return
        # The legend's title: label (unit), year — and the level, as one group may hold several.
        style_indicator(layer, result.field, result.kind, f"{result.title} — {level_label(task.level)}")
        layer.triggerRepaint()
        for message in result.info.warnings + placed.notes:
            panel.report(message, MESSAGE_WARNING, bar=False)
        panel.report(
            tr("{title}: {n} places of {territory} ({level}).").format(
                title=result.title,
                n=result.info.feature_count,
                territory=task.territory.label,
                level=level_label(task.level),
            ),
            MESSAGE_WARNING if result.info.warnings else MESSAGE_INFO,
        )
