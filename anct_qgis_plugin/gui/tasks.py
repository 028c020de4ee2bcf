"""Background work for the panel: QgsTasks that call the data layer off the main thread.

Results are handed back through ``on_done(task)`` in the main thread (QgsTask.finished), where
widgets and the project may be touched.
"""

import threading

from qgis.core import QgsFeedback, QgsProject, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer, pyqtSignal

from ..compat import TASK_FLAGS
from ..core.errors import AnctError, CancelledError, DownloadError, NotPublishedError, TerritoryError
from ..core.published.catalogue import get_source
from .i18n import tr
from .layer_loading import data_paths, write_built
from .sizes import transfer_size


class AnctTask(QgsTask):
    """Runs ``self.work(feedback)``; keeps the error message; cancellable through its feedback."""

    def __init__(self, description, on_done):
        super().__init__(description, TASK_FLAGS)
        self.on_done = on_done
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self.setProgress)
        self.error = ""

    def run(self):
        try:
            self.work(self.feedback)
        except CancelledError:
            return False
        except AnctError as error:
            self.error = str(error)
            return False
        return not self.isCanceled()

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def finished(self, result):  # main thread
        # QGIS before 3.26 posts its own "Task complete: <description>" right after finished():
        # the panel's message, which says more, comes after it, on top.
        QTimer.singleShot(0, lambda: self.on_done(self, result))

    def detach(self) -> None:
        """Forget the panel (plugin unload): the task may report once more after the panel is gone,
        and a report reaching a deleted widget raises in a slot (which aborts QGIS)."""
        self.on_done = lambda *_args: None
        for signal in self.panel_signals():
            try:
                signal.disconnect()
            except TypeError:
                pass  # nothing connected

    def panel_signals(self) -> list:
        return [self.progressChanged]

    def work(self, feedback):
        raise NotImplementedError


class TransferFeedback(QgsFeedback):
    """A QgsFeedback that also hears the bytes of the current download (core.report.transferred),
    in the thread that downloads."""

    def __init__(self, on_transfer):
        super().__init__()
        self._on_transfer = on_transfer

    def show_transfer(self, received: int, expected: int) -> None:
        self._on_transfer(received, expected)


class IndexTask(AnctTask):
    """Loads the territory index (reference lists, cached)."""

    def __init__(self, data, on_done):
        super().__init__(tr("ANCT: loading territories"), on_done)
        self.data = data.for_run()
        self.index = None

    def work(self, feedback):
        self.index = self.data.territory_index(feedback)


class LoadLayersTask(AnctTask):
    """Builds the ticked layers for a territory and writes each into the project's GeoPackage (a
    lock held by another process is waited for here, not in the main thread); one failing layer
    does not stop the others. The main thread only loads the written tables (add_to_project).

    Progress is the whole load's, never going back: layer n of N counts for 1/N, its own
    progress (downloads, départements) moves inside that share; ``status`` says which layer and
    how much of its current download has come ("3/9 — Communes (1.2/2.0 Mo)"). Not named
    ``status``: that is QgsTask.status(), which QGIS and the panel call."""

    step = pyqtSignal(str)

    def __init__(self, data, territory, layer_ids, on_done):
        super().__init__(
            tr("ANCT: loading {n} layers for {territory}").format(n=len(layer_ids), territory=territory.label), on_done
        )
        self.data, self.territory, self.layer_ids = data.for_run(), territory, list(layer_ids)
        self.built, self.failures, self.no_answer = [], {}, set()
        # Where to write, read in the main thread (the project's file name, the settings).
        self.targets = data_paths(QgsProject.instance(), territory)
        self.written, self.unwritten = [], {}  # Written; layer id -> why its copy could not be written
        self.feedback.progressChanged.disconnect(self.setProgress)
        # Made here, in the main thread, like the task's own feedback: Cancel reaches it at once
        # (a feedback made in the worker thread would get the signal queued to a thread without
        # an event loop, never).
        self.layer_feedback = TransferFeedback(self._show_transfer)
        self.feedback.canceled.connect(self.layer_feedback.cancel)
        # Direct: the worker thread reports its own progress (a queued call would run later in
        # the main thread, racing with the worker's own reports).
        self.layer_feedback.progressChanged.connect(self._layer_progress, Qt.ConnectionType.DirectConnection)
        self._number = 0
        self._overall = 0.0
        self._lock = threading.Lock()
        self._layer_text = self._status_text = ""

    def _layer_progress(self, percent):
        self._advance(self._number, percent)

    def _advance(self, number, percent):
        overall = 100.0 * (number + max(0.0, min(percent, 100.0)) / 100.0) / len(self.layer_ids)
        with self._lock:
            if overall <= self._overall:
                return
            self._overall = overall
        self.setProgress(overall)

    def _show_layer(self, number, layer_id):
        self._number = number
        self._layer_text = tr("{n}/{total} — {title}").format(
            n=number + 1, total=len(self.layer_ids), title=get_source(layer_id).title(self.data.language)
        )
        self._show(self._layer_text)

    def _show_transfer(self, received, expected):
        self._show(f"{self._layer_text} ({transfer_size(received, expected)})")

    def _show(self, text):
        # Downloads report ten times a second: only a new text reaches the panel.
        if text != self._status_text:
            self._status_text = text
            self.step.emit(text)

    def panel_signals(self) -> list:
        return [self.progressChanged, self.step]

    def work(self, feedback):
        builder = self.data.builder(self.layer_feedback)
        main_thread = QCoreApplication.instance().thread()
        for number, layer_id in enumerate(self.layer_ids):
            if feedback.isCanceled():
                raise CancelledError(tr("Cancelled."))
            self._show_layer(number, layer_id)
            try:
                built = builder.build(layer_id, self.territory)
            except CancelledError:
                raise
            except AnctError as error:
                self.failures[layer_id] = str(error)
                if isinstance(error, DownloadError) and not isinstance(error, NotPublishedError) and not error.status:
                    self.no_answer.add(layer_id)  # a time-out or no connection: the summary says it once
                continue
            try:
                self.written.append(write_built(built, self.territory, self.targets, self.layer_feedback))
            except CancelledError:
                raise
            except AnctError as error:
                self.unwritten[layer_id] = str(error)
            # Layers made in this thread belong to it: hand them over to the main thread.
            built.layer.moveToThread(main_thread)
            self.built.append(built)
            self._advance(number, 100.0)


class IndicatorTask(AnctTask):
    """An Observatoire indicator on the outlines of a level of the territory: the same core call as
    anct:fetch_indicator (AnctData.indicator_layer)."""

    def __init__(self, data, territory, indicator_id, level, on_done):
        super().__init__(
            tr("ANCT: indicator {id} for {territory}").format(id=indicator_id, territory=territory.label), on_done
        )
        self.data, self.territory, self.indicator_id, self.level = data.for_run(), territory, indicator_id, level
        self.targets = data_paths(QgsProject.instance(), territory)  # read in the main thread, as LoadLayersTask
        self.result = None
        self.written, self.unwritten = [], {}

    def work(self, feedback):
        from ..core.building.indicator_layer import IndicatorRequest
        from ..core.published.observatoire import parse_indicator

        request = IndicatorRequest(parse_indicator(self.indicator_id), self.level, self.territory)
        result = self.data.indicator_layer(request, feedback)
        try:  # written here like the catalogue's layers: a locked GeoPackage is waited for off the main thread
            self.written.append(write_built(result, self.territory, self.targets, feedback))
        except CancelledError:
            raise
        except AnctError as error:
            self.unwritten[result.info.layer_id] = str(error)
        result.layer.moveToThread(QCoreApplication.instance().thread())  # made in this thread: handed over
        self.result = result


class ExtentTask(AnctTask):
    def __init__(self, data, rectangle, crs, label, on_done):
        super().__init__(tr("ANCT: communes in the map extent"), on_done)
        self.data, self.rectangle, self.crs, self.label = data.for_run(), rectangle, crs, label
        self.territory = None

    def work(self, feedback):
        self.territory = self.data.extent_territory(self.rectangle, self.crs, self.label, feedback)


class CardTask(AnctTask):
    """The card of a commune, given by its code or by a small box around a click."""

    def __init__(self, data, on_done, code=None, rectangle=None, crs=None):
        super().__init__(tr("ANCT: commune card"), on_done)
        self.data, self.code, self.rectangle, self.crs, self.card = data.for_run(), code, rectangle, crs, None

    def work(self, feedback):
        if self.code is None:
            territory = self.data.extent_territory(self.rectangle, self.crs, "", feedback)
            if not territory.commune_codes:
                raise TerritoryError(tr("No commune here."))
            self.code = sorted(territory.commune_codes)[0]
        self.card = self.data.commune_card(self.code, feedback)


class PackTask(AnctTask):
    """Writes the ticked layers of a territory into one GeoPackage (an offline pack)."""

    def __init__(self, data, territory, layer_ids, path, on_done):
        super().__init__(tr("ANCT: territory pack for {territory}").format(territory=territory.label), on_done)
        self.data, self.territory, self.layer_ids, self.path = data.for_run(), territory, list(layer_ids), path
        self.entries = []

    def work(self, feedback):
        from ..core.storage.pack import write_pack

        try:
            self.entries = write_pack(
                self.data.builder(feedback), self.territory, self.path, layer_ids=self.layer_ids, feedback=feedback
            )
        except OSError as error:
            raise AnctError(tr("Cannot write {path}: {error}").format(path=self.path, error=error)) from error
