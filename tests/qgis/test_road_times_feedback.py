"""Road mode's share of the progress bar (road_times._Scaled) is a real QgsFeedback, the type
core/'s fetches take: it passes progress (scaled), messages, bytes and cancellation on to the
algorithm's feedback."""

from qgis.core import QgsFeedback, QgsProcessingFeedback

from anct_qgis_plugin.core.report import info, is_cancelled, progress, transferred, warn
from anct_qgis_plugin.engine.road_times import NETWORK_PROGRESS, _Scaled


class Recording(QgsProcessingFeedback):
    """An algorithm's feedback that keeps what it is told (and hears bytes, as the panel's does)."""

    def __init__(self):
        super().__init__(False)
        self.heard = []

    def pushInfo(self, info):  # noqa: N802
        self.heard.append(("info", info))

    def pushWarning(self, warning):  # noqa: N802
        self.heard.append(("warning", warning))

    def show_transfer(self, received, expected):
        self.heard.append(("bytes", received, expected))


def test_the_network_share_is_a_feedback():
    assert isinstance(_Scaled(QgsProcessingFeedback(False), NETWORK_PROGRESS), QgsFeedback)


def test_its_progress_fills_the_first_share_of_the_bar():
    outer = QgsProcessingFeedback(False)
    progress(_Scaled(outer, 40.0), 50.0)
    assert outer.progress() == 20.0


def test_its_messages_and_bytes_reach_the_algorithm_feedback():
    outer = Recording()
    scaled = _Scaled(outer, 40.0)
    info(scaled, "page 1")
    warn(scaled, "page 2 late")
    transferred(scaled, 10, 100)
    assert outer.heard == [("info", "page 1"), ("warning", "page 2 late"), ("bytes", 10, 100)]


def test_a_cancel_reaches_the_reading_and_qgis_own_code():
    outer = QgsProcessingFeedback(False)
    scaled = _Scaled(outer, 40.0)
    assert not is_cancelled(scaled)
    outer.cancel()
    assert is_cancelled(scaled)
    # QGIS's C++ reads its own flag, which the canceled signal sets (also for a share made after).
    assert QgsFeedback.isCanceled(scaled)
    assert QgsFeedback.isCanceled(_Scaled(outer, 40.0))
