"""Put built layers into the project: a group named after the territory, styled, with provenance."""
import os

from qgis.core import QgsProject

from ..compat import GEOMETRY_POINT
from ..core.provenance import apply_provenance
from ..resources_paths import resource_path


def style_path(layer_id):
    return resource_path("styles", f"{layer_id}.qml")


def add_to_project(built_layers, territory, project=None):
    """Add the layers under the territory's group (reused when it exists); return the group."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(territory.label) or root.insertGroup(0, territory.label)
    for built in built_layers:
        layer = built.layer
        apply_provenance(layer, built.info, territory.label)
        if os.path.isfile(style_path(built.info.layer_id)):
            layer.loadNamedStyle(style_path(built.info.layer_id))
        for old in group.findLayers():  # loading again replaces the previous copy
            if old.layer() is not None and old.layer().metadata().identifier() == layer.metadata().identifier():
                project.removeMapLayer(old.layer().id())
        project.addMapLayer(layer, False)
        # Points above polygons, programmes above administrative outlines.
        group.insertLayer(0 if layer.geometryType() == GEOMETRY_POINT else len(group.children()), layer)
    return group
