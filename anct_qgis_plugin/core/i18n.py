"""Translation for the data layer (no widgets: QCoreApplication only)."""
from qgis.PyQt.QtCore import QCoreApplication


def tr(message):
    """Translate a user-facing message of the data layer (context ``AnctCore``)."""
    return QCoreApplication.translate("AnctCore", message)
