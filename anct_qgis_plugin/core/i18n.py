"""Translation for the data layer (no widgets: QCoreApplication only).

Qt is imported with the first message, not with this module, so that the pure parts of ``core/``
(parsers, mirror, catalogue, quarters) import and run in plain Python: there no translator is
installed, and the English source is what Qt would have returned anyway.
"""


def tr(message: str) -> str:
    """Translate a user-facing message of the data layer (context ``AnctCore``)."""
    try:
        from qgis.PyQt.QtCore import QCoreApplication
    except ImportError:
        return message
    return QCoreApplication.translate("AnctCore", message)
