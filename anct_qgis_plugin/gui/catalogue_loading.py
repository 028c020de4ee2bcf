"""Loading the ticked catalogue layers for the panel's territory in the background
(LoadLayersTask): one summary at the right level, the details in the log, the cache column of the
tree, and Retry for what could not be had."""

from qgis.PyQt.QtWidgets import QPushButton, QWidget

from ..compat import MESSAGE_CRITICAL, MESSAGE_INFO, MESSAGE_WARNING
from .foreground import ForegroundLoad
from .i18n import tr
from .layer_loading import add_to_project
from .panel import Panel
from .summary import is_worrying, load_summary
from .tasks import LoadLayersTask


class CatalogueLoading:
    def __init__(self, panel: Panel, foreground: ForegroundLoad, parent: QWidget):
        self.panel = panel
        self.foreground = foreground
        self.failed_layers: list[str] = []  # what the last load could not have, for Retry
        # (territory key, layer id) -> StaleCopy: the refresh failed, a cached copy was loaded
        self.fallbacks: dict = {}
        self.load_button = QPushButton(tr("Load"), parent)
        self.load_button.clicked.connect(self.load_checked)
        self.retry_button = QPushButton(tr("Retry"), parent)  # clicked: the panel's retry (territories first)
        self.retry_button.setToolTip(tr("Load again the layers that could not be had"))
        self.retry_button.setVisible(False)

    def refresh_statuses(self) -> None:
        territory = self.panel.territory
        for layer_id in self.panel.tree.items:
            status = self.panel.data.cache_status(layer_id, territory)
            key = (territory.key if territory is not None else "", layer_id)
            self.panel.tree.show_status(layer_id, status, self.fallbacks.get(key))

    def load_checked(self, refresh: bool = False) -> None:
        """The ticked layers for the territory, in the background; ``refresh`` asks the sources
        whether they changed (no cache lifetime)."""
        panel = self.panel
        layer_ids = panel.tree.checked_ids()
        if panel.territory is None or not layer_ids or self.foreground.task is not None:
            return
        panel.save_state()
        data = panel.data.with_settings(ttl_hours=0) if refresh else panel.data
        self.retry_button.setVisible(False)
        task = LoadLayersTask(data, panel.territory, layer_ids, self._layers_loaded)
        task.step.connect(self.foreground.show_status)
        self.foreground.run(task, panel.start)

    def _layers_loaded(self, task, ok):
        panel = self.panel
        panel.done(task)
        self.foreground.finish()
        placed = add_to_project(task.written, task.territory, unwritten=task.unwritten) if task.built else None
        for built in task.built:
            for warning in built.info.warnings:
                panel.report(warning, MESSAGE_WARNING, bar=False)
            key = (task.territory.key, built.info.layer_id)
            if built.info.fallbacks:
                self.fallbacks[key] = min(built.info.fallbacks, key=lambda copy: copy.fetched_at)
            else:
                self.fallbacks.pop(key, None)
        failures = {**task.failures, **(placed.failures if placed else {})}
        for layer_id, message in failures.items():
            panel.report(f"{layer_id}: {message}", MESSAGE_CRITICAL, bar=False)  # the details, in the log
        self.failed_layers = list(failures)
        self.retry_button.setVisible(bool(failures))
        if task.built or task.failures:
            panel.report(
                load_summary(task, panel.data.language, panel.data.mirror_label(), placed),
                MESSAGE_WARNING if is_worrying(task, placed) else MESSAGE_INFO,
            )
        if not ok:
            panel.report(task.error or tr("Loading cancelled."), MESSAGE_CRITICAL if task.error else MESSAGE_INFO)
        self.refresh_statuses()

    def retry(self) -> None:
        """Load again the layers that failed (ticked again)."""
        if self.failed_layers:
            self.panel.tree.set_checked(self.failed_layers)
            self.load_checked()

    def offer_retry(self, index_failed: bool) -> None:
        self.retry_button.setVisible(index_failed or bool(self.failed_layers))

    def forget_fallbacks(self, layer_ids: list) -> None:
        """Purged layers no longer have a cached copy standing in for them."""
        self.fallbacks = {key: copy for key, copy in self.fallbacks.items() if key[1] not in layer_ids}
