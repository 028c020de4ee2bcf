"""Put built layers into the project: a group named after the territory, styled, with provenance.

The layers are written to a GeoPackage and loaded from it, not kept in memory: a saved project
reopens with its data. The GeoPackage lies beside the saved project (``<project>_anct.gpkg``),
else in the data folder of the settings (Options; Documents/ANCT Territoires by default).
"""

import os
import re

from qgis.core import QgsProject, QgsVectorLayer

from ..core.errors import AnctError
from ..core.i18n import tr
from ..core.pack import write_layer
from ..core.presentation import apply_presentation, drawing_rank
from ..core.provenance import apply_provenance, layer_metadata
from ..core.settings import default_data_dir, read_setting, ui_language
from ..resources_paths import resource_path


def style_path(layer_id):
    return resource_path("styles", f"{layer_id}.qml")


def data_path(project, territory):
    """The GeoPackage that keeps the panel's layers of a territory for this project."""
    if project.fileName():
        stem = os.path.splitext(os.path.basename(project.fileName()))[0]
        folder, name = project.absolutePath(), f"{stem}_anct.gpkg"
    else:
        folder, name = read_setting("data_dir") or default_data_dir(), "anct.gpkg"
    table_prefix = re.sub(r"[^0-9A-Za-z]+", "_", territory.key).strip("_").lower() or "territory"
    return os.path.join(folder, name), table_prefix


def persisted(built, territory, project):
    """The built memory layer written to the project's GeoPackage, loaded from there."""
    path, prefix = data_path(project, territory)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    table = f"{prefix}_{built.info.layer_id}"
    write_layer(
        built.layer, path, table, first=not os.path.exists(path), metadata=layer_metadata(built.info, territory.label)
    )
    layer = QgsVectorLayer(f"{path}|layername={table}", built.layer.name(), "ogr")
    if not layer.isValid():
        raise AnctError(tr("The layer could not be read back from {path}.").format(path=path))
    return layer


def add_to_project(built_layers, territory, project=None):
    """Add the layers under the territory's group (reused when it exists); return the group."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(territory.label) or root.insertGroup(0, territory.label)
    for built in built_layers:
        identifier = f"anct:{built.info.layer_id}"
        for old in group.findLayers():  # loading again replaces the previous copy
            if old.layer() is not None and old.layer().metadata().identifier() == identifier:
                project.removeMapLayer(old.layer().id())
        layer = persisted(built, territory, project)
        apply_provenance(layer, built.info, territory.label)
        if os.path.isfile(style_path(built.info.layer_id)):
            layer.loadNamedStyle(style_path(built.info.layer_id))
        apply_presentation(layer, built.info.layer_id, ui_language())
        project.addMapLayer(layer, False)
        node = group.insertLayer(_position(group, built.info.layer_id), layer)
        node.setCustomProperty("showFeatureCount", True)
    return group


def _position(group, layer_id):
    """Where a layer goes in its group: points on top, small programmes above large ones."""
    rank = drawing_rank(layer_id)
    for position, child in enumerate(group.children()):
        other = (
            child.layer().metadata().identifier().removeprefix("anct:")
            if hasattr(child, "layer") and child.layer() is not None
            else ""
        )
        if drawing_rank(other) > rank:
            return position
    return len(group.children())
