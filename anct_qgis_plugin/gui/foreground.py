"""The panel's one load at a time (ticked layers or an indicator): its progress bar, Cancel, and
the buttons that start work, greyed while it runs or while no territory is chosen."""

from typing import Callable, Optional

from qgis.core import QgsTask
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QProgressBar, QPushButton, QWidget

from .i18n import tr


class ForegroundLoad:
    def __init__(self, parent: QWidget, ready: Callable[[], bool]):
        self.task: Optional[QgsTask] = None  # the load running, None when idle
        self.ready = ready  # a territory is chosen
        self.buttons: list = []  # what starts work: enabled when ready and idle
        self.cancel_button = QPushButton(tr("Cancel"), parent)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(parent)
        self.progress.setRange(0, 100)

    def run(self, task: QgsTask, start: Callable[[QgsTask], QgsTask], text: str = "%p %") -> None:
        """Start ``task`` with ``start``, its progress shown under ``text`` (a QProgressBar format)."""
        self.task = task
        task.progressChanged.connect(self.show_progress)
        self.progress.setFormat(text)
        self.progress.setValue(0)
        start(task)
        self.show_state()

    def finish(self) -> None:
        self.task = None
        self.show_state()

    def show_state(self) -> None:
        busy = self.task is not None
        self.cancel_button.setEnabled(busy)
        for button in self.buttons:
            button.setEnabled(not busy and self.ready())
        self.progress.setVisible(busy)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def show_progress(self, value: float) -> None:
        if not sip.isdeleted(self.progress):
            self.progress.setValue(int(value))

    def show_status(self, text: str) -> None:
        """The current step before the percentage ("Downloading … — 40 %")."""
        if not sip.isdeleted(self.progress):
            self.progress.setFormat(f"{text} — %p %")
