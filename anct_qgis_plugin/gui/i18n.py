"""Translation for the panel and its companions (context ``AnctPanel``)."""

from qgis.PyQt.QtCore import QCoreApplication


def tr(message):
    """Translate a string of the user interface (context ``AnctPanel``)."""
    return QCoreApplication.translate("AnctPanel", message)


def kind_label(kind: str) -> str:
    """A territory kind (core.territories.KINDS) as the suggestions and the locator show it."""
    # Translated at call time: the translator is installed after this module may be imported.
    labels = {
        "country": tr("country"),
        "region": tr("region"),
        "departement": tr("department"),
        "epci": tr("EPCI"),
        "commune": tr("commune"),
    }
    return labels.get(kind, kind)
