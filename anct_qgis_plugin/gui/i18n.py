from qgis.PyQt.QtCore import QCoreApplication


def tr(message):
    """Translate a string of the user interface (context ``AnctPanel``)."""
    return QCoreApplication.translate("AnctPanel", message)
