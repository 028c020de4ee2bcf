"""Translation of the engines' messages."""

from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    # The algorithms' context: these messages were theirs before the engines moved out, and the
    # French translation files them there.
    return QCoreApplication.translate("AnctAlgorithm", text)
