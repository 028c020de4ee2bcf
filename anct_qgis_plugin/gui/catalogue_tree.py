"""The catalogue tree: layers grouped by theme, ticked for loading, with date, licence, cache."""

import time

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidget, QTreeWidgetItem

from ..core.checks.status import ABSENT, FRESH, OFFLINE, STALE
from ..core.published.catalogue import LICENCE, SOURCES, THEMES
from ..core.published.observatoire_indicators import CURATED
from ..core.published.territories import normalise
from ..core.travel.fetcher import copy_age
from .i18n import tr
from .sizes import human_size

ID_ROLE = Qt.ItemDataRole.UserRole
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 1  # dataset.indic of an Observatoire indicator


def licence_label(licence):
    """Short name of a source's licence for the narrow column (the full name is its tooltip)."""
    return tr("Open Licence 2.0") if licence == LICENCE else licence


def cache_text(status):
    day = time.strftime("%Y-%m-%d", time.localtime(status.fetched_at)) if status.fetched_at else ""
    return {
        ABSENT: tr("not cached"),
        FRESH: tr("cached on {date}").format(date=day),
        STALE: tr("stale (cached on {date})").format(date=day),
        OFFLINE: tr("offline (cached on {date})").format(date=day),
    }[status.state]


class CatalogueTree(QTreeWidget):
    def __init__(self, language, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([tr("Layer"), tr("Source date"), tr("Cache"), tr("Size"), tr("Licence")])
        self.setRootIsDecorated(True)
        self.setAlternatingRowColors(True)
        self.items = {}
        themes = {}
        for source in SOURCES:
            if source.theme not in themes:
                label = THEMES[source.theme][0 if language == "fr" else 1]
                themes[source.theme] = QTreeWidgetItem(self, [label])
                themes[source.theme].setFlags(Qt.ItemFlag.ItemIsEnabled)
            item = QTreeWidgetItem(
                themes[source.theme], [source.title(language), "", "", "", licence_label(source.licence)]
            )
            item.setData(0, ID_ROLE, source.id)
            item.setToolTip(0, f"{source.id} — {source.abstract(language)}\n{source.publisher}")
            item.setToolTip(4, source.licence)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            self.items[source.id] = item
        self.indicators = self._add_indicators(language)
        self.expandAll()
        self.header().setStretchLastSection(False)
        self.header().setMinimumSectionSize(24)
        self._fit_columns()

    def _add_indicators(self, language):
        """The curated Observatoire indicators, under their own theme: picked (selected) rather than
        ticked, since each is loaded at a level the user chooses."""
        theme = QTreeWidgetItem(self, [tr("Indicators — Observatoire des territoires")])
        theme.setFlags(Qt.ItemFlag.ItemIsEnabled)
        theme.setToolTip(0, tr("Select an indicator, choose the level below the list, then Load indicator."))
        items = {}
        for entry in CURATED:
            item = QTreeWidgetItem(theme, [entry.label(language), "", "", "", licence_label(LICENCE)])
            item.setData(0, INDICATOR_ROLE, entry.id)
            item.setToolTip(
                0,
                tr("{id} — {label}\nUnit: {unit}\nTheme: {theme}\nObservatoire des territoires (ANCT)").format(
                    id=entry.id,
                    label=entry.label(language),
                    unit=entry.unit(language),
                    theme=entry.theme_label(language),
                ),
            )
            item.setToolTip(4, LICENCE)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            items[entry.id] = item
        return items

    def selected_indicator(self):
        """The id (dataset.indic) of the selected indicator, else None."""
        for item in self.selectedItems():
            if item.data(0, INDICATOR_ROLE):
                return item.data(0, INDICATOR_ROLE)
        return None

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self):
        """Every column inside the panel's width: the wanted widths when they fit; else the layer
        names keep at least 40 %, the date and the size stay whole, and the cache state and the
        licence share the rest (their text elided, whole in its tooltip)."""
        available = self.viewport().width()
        wanted = [max(self.sizeHintForColumn(column), self.header().sectionSizeHint(column)) for column in range(5)]
        name = max(available - sum(wanted[1:]), min(wanted[0], int(available * 0.4)))
        squeezable = wanted[2] + wanted[4]
        room = max(0, available - name - wanted[1] - wanted[3])
        scale = min(1.0, room / squeezable) if squeezable else 1.0
        widths = [name, wanted[1], int(wanted[2] * scale), wanted[3], int(wanted[4] * scale)]
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def checked_ids(self):
        return [layer_id for layer_id, item in self.items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def set_checked(self, layer_ids):
        for layer_id, item in self.items.items():
            item.setCheckState(0, Qt.CheckState.Checked if layer_id in layer_ids else Qt.CheckState.Unchecked)

    def show_status(self, layer_id, status, fallback=None):
        """``fallback``: the StaleCopy of the layer's last load, when its refresh failed."""
        item = self.items[layer_id]
        item.setText(1, status.source_date or "")
        if fallback is not None:
            item.setText(2, tr("refresh failed: copy from {age} ago").format(age=copy_age(fallback.fetched_at)))
            item.setToolTip(2, fallback.message())
        else:
            item.setText(2, cache_text(status))
            item.setToolTip(2, item.text(2))
        item.setText(3, human_size(status.size) if status.size else "")
        item.setToolTip(1, item.text(1))
        self._fit_columns()

    def apply_filter(self, text):
        wanted = normalise(text)
        for layer_id, item in {**self.items, **self.indicators}.items():
            haystack = normalise(f"{item.text(0)} {layer_id} {item.toolTip(0)}")
            item.setHidden(bool(wanted) and wanted not in haystack)
        for index in range(self.topLevelItemCount()):
            theme = self.topLevelItem(index)
            theme.setHidden(all(theme.child(i).isHidden() for i in range(theme.childCount())))
