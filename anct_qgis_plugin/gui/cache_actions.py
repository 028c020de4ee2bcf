"""The panel's cache actions on the ticked layers: Refresh (ask the sources whether they changed),
Purge (remove their files from the cache) and Save pack (one GeoPackage for offline work)."""

from typing import Optional

from qgis.core import QgsTask
from qgis.PyQt.QtWidgets import QFileDialog, QPushButton, QWidget

from ..compat import MESSAGE_CRITICAL, MESSAGE_INFO, MESSAGE_WARNING
from ..core.published.catalogue import get_source
from .catalogue_loading import CatalogueLoading
from .i18n import tr
from .panel import Panel
from .tasks import PackTask


class CacheActions:
    def __init__(self, panel: Panel, loading: CatalogueLoading, parent: QWidget):
        self.panel = panel
        self.loading = loading
        self.dialog_parent = parent
        self.pack_task: Optional[QgsTask] = None
        self.refresh_button = QPushButton(tr("Refresh"), parent)
        self.refresh_button.setToolTip(tr("Ask the sources whether the ticked layers changed, then load them"))
        self.refresh_button.clicked.connect(lambda: loading.load_checked(refresh=True))
        self.purge_button = QPushButton(tr("Purge"), parent)
        self.purge_button.setToolTip(tr("Remove the ticked layers from the cache"))
        self.purge_button.clicked.connect(self.purge_checked)
        self.pack_button = QPushButton(tr("Save pack…"), parent)
        self.pack_button.setToolTip(tr("Save the ticked layers of the territory in one GeoPackage, for offline work"))
        self.pack_button.clicked.connect(self.choose_pack_path)

    # --- purge -------------------------------------------------------------------------
    def purge_checked(self) -> None:
        panel = self.panel
        layer_ids = panel.tree.checked_ids()
        titles = ", ".join(get_source(layer_id).title(panel.data.language) for layer_id in layer_ids)
        if not layer_ids or not panel.confirm(
            tr("Remove from the cache the files of: {titles}? Files that other layers still use are kept.").format(
                titles=titles
            )
        ):
            return
        removed = panel.data.purge(layer_ids, panel.territory)
        self.loading.forget_fallbacks(layer_ids)
        panel.report(tr("Cache purged for {titles}: {n} files removed.").format(titles=titles, n=removed), MESSAGE_INFO)
        panel.refresh_statuses()

    # --- territory pack ----------------------------------------------------------------
    def choose_pack_path(self) -> None:
        territory = self.panel.territory
        name = f"anct_{territory.key.replace(':', '_')}.gpkg" if territory else "anct.gpkg"
        path, _filter = QFileDialog.getSaveFileName(
            self.dialog_parent, tr("Save the territory pack"), name, tr("GeoPackage (*.gpkg)")
        )
        if path:
            self.save_pack(path if path.lower().endswith(".gpkg") else path + ".gpkg")

    def save_pack(self, path: str) -> None:
        """The ticked layers of the territory into one GeoPackage, in the background."""
        panel = self.panel
        layer_ids = panel.tree.checked_ids()
        if panel.territory is None or not layer_ids:
            return
        self.pack_task = panel.start(PackTask(panel.data, panel.territory, layer_ids, path, self._pack_saved))

    def _pack_saved(self, task, ok):
        self.panel.done(task)
        self.pack_task = None
        if not ok:
            self.panel.report(task.error or tr("Cancelled."), MESSAGE_CRITICAL if task.error else MESSAGE_INFO)
            return
        unavailable = [entry.layer_id for entry in task.entries if entry.status != "ok"]
        self.panel.report(
            tr("Territory pack saved: {path} ({n} layers{missing}).").format(
                path=task.path,
                n=len(task.entries) - len(unavailable),
                missing=tr("; unavailable: {ids}").format(ids=", ".join(unavailable)) if unavailable else "",
            ),
            MESSAGE_WARNING if unavailable else MESSAGE_INFO,
        )
