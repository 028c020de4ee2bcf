"""ANCT Territoires for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import AnctPlugin

    return AnctPlugin(iface)
