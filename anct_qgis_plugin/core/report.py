"""Messages to whoever watches: Processing feedback when there is one, the QGIS log otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .secrets import shown

if TYPE_CHECKING:
    from qgis.core import QgsFeedback

LOG_TAG = "ANCT"


def info(feedback: QgsFeedback | None, message: str) -> None:
    message = shown(message)
    if feedback is not None and hasattr(feedback, "pushInfo"):
        feedback.pushInfo(message)
    else:
        _log(message, warning=False)


def warn(feedback: QgsFeedback | None, message: str) -> None:
    message = shown(message)
    if feedback is not None and hasattr(feedback, "pushWarning"):
        feedback.pushWarning(message)
    elif feedback is not None and hasattr(feedback, "reportError"):
        feedback.reportError(message, False)
    else:
        _log(message, warning=True)


def _log(message: str, warning: bool) -> None:
    # QGIS is imported here, where the log is written, so that the pure modules reporting through a
    # feedback (quarters, road pages, territories) import without it.
    from qgis.core import QgsMessageLog

    from ..compat import MESSAGE_INFO, MESSAGE_WARNING

    QgsMessageLog.logMessage(message, LOG_TAG, MESSAGE_WARNING if warning else MESSAGE_INFO)


def is_cancelled(feedback: QgsFeedback | None) -> bool:
    return feedback is not None and feedback.isCanceled()


def progress(feedback: QgsFeedback | None, percent: float) -> None:
    if feedback is not None:
        feedback.setProgress(max(0.0, min(100.0, percent)))


def transferred(feedback: QgsFeedback | None, received: int, expected: int = 0) -> None:
    """Bytes of the current download so far (``expected`` 0 when the server did not say), for a
    feedback that can show them (one with ``show_transfer``, the panel's); others see only the
    percentage."""
    show = getattr(feedback, "show_transfer", None)
    if show is not None:
        show(received, expected)
