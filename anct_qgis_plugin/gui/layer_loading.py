"""Put built layers into the project: a group named after the territory, styled, with provenance.

The layers are written to a GeoPackage and loaded from it, not kept in memory: a saved project
reopens with its data. The GeoPackage lies beside the saved project (``<project>_anct.gpkg``),
else (no saved project, or its folder cannot be written) in the data folder of the settings
(Options; Documents/ANCT Territoires by default); when the project is saved, the layers of the
data folder move beside it (move_beside_project), so that the project moves with its folder.
Each load writes a new table (core/storage/gpkg_store.py), in the load task's thread (write_built),
and the layer it replaces, and its table, go only after that write succeeded (add_to_project, in
the main thread).
"""

import os
import re
from dataclasses import dataclass, field

from qgis.core import QgsDataProvider, QgsProject, QgsReadWriteContext

from ..core.building.provenance import apply_provenance, layer_metadata
from ..core.errors import AnctError, StorageError
from ..core.i18n import tr
from ..core.published.presentation import apply_presentation, drawing_rank
from ..core.storage.gpkg_store import drop_table, open_table, write_new_table
from ..core.travel.settings import default_data_dir, read_setting, ui_language
from ..resources_paths import resource_path


def table_stem(layer_id):
    """A layer id as a table name: an indicator's (observatoire:dataset.indic:level) in letters, digits, _."""
    return re.sub(r"[^0-9A-Za-z_]+", "_", layer_id)


def style_path(layer_id):
    return resource_path("styles", f"{layer_id}.qml")


def project_gpkg(project):
    """``<project>_anct.gpkg`` beside the saved project; "" for a project never saved."""
    if not project.fileName():
        return ""
    stem = os.path.splitext(os.path.basename(project.fileName()))[0]
    return os.path.join(project.absolutePath(), f"{stem}_anct.gpkg")


def data_paths(project, territory):
    """Where the layers may be written, best first: beside the saved project, then the data folder
    (a project in a read-only folder still gets its layers)."""
    table_prefix = re.sub(r"[^0-9A-Za-z]+", "_", territory.key).strip("_").lower() or "territory"
    data_folder = os.path.join(read_setting("data_dir") or default_data_dir(), "anct.gpkg")
    beside = project_gpkg(project)
    return [(beside, table_prefix), (data_folder, table_prefix)] if beside else [(data_folder, table_prefix)]


@dataclass
class Moved:
    """What moving the panel's layers beside a saved project did."""

    path: str = ""
    layers: list = field(default_factory=list)  # names of the layers now read from ``path``
    failures: list = field(default_factory=list)  # "name: why" of those left where they were


def move_beside_project(project, document):
    """The panel's layers read from another GeoPackage (the shared data folder's, where layers
    loaded before the first save went) copied into ``<project>_anct.gpkg`` and read from there:
    the saved project and its data move together. A layer that cannot be copied stays as it was.
    ``document``: the project's XML being written (QgsProject.writeProject), told the new sources."""
    target = project_gpkg(project)
    moved = Moved(target)
    if not target:
        return moved
    for layer in project.mapLayers().values():
        where = _gpkg_table(layer) if layer.metadata().identifier().startswith("anct:") else None
        if where is None or os.path.abspath(where[0]) == os.path.abspath(target):
            continue
        try:
            table = write_new_table(layer, target, where[1].rsplit("_", 1)[0], metadata=layer.metadata())
        except (OSError, StorageError) as error:
            moved.failures.append(f"{layer.name()}: {error}")
            continue
        layer.setDataSource(f"{target}|layername={table}", layer.name(), "ogr", QgsDataProvider.ProviderOptions())
        _write_source(document, layer, project)
        moved.layers.append(layer.name())
    return moved


def _write_source(document, layer, project):
    """The layer's new source in the project XML being written (relative to the project when the
    project saves relative paths, as QGIS itself writes it)."""
    context = QgsReadWriteContext()
    context.setPathResolver(project.pathResolver())
    encoded = layer.encodedSource(layer.source(), context)
    layers = document.elementsByTagName("maplayer")
    for index in range(layers.count()):
        element = layers.at(index).toElement()
        if element.firstChildElement("id").text() != layer.id():
            continue
        source = element.firstChildElement("datasource")
        while source.hasChildNodes():
            source.removeChild(source.firstChild())
        source.appendChild(document.createTextNode(encoded))
    nodes = document.elementsByTagName("layer-tree-layer")
    for index in range(nodes.count()):
        element = nodes.at(index).toElement()
        if element.attribute("id") == layer.id() and element.hasAttribute("source"):
            element.setAttribute("source", encoded)


@dataclass
class Written:
    """A built layer written to a new table of a GeoPackage (write_built), to be loaded from there;
    ``note``: it went to the data folder, as the project's GeoPackage could not be written."""

    built: object
    path: str
    table: str
    note: str = ""


def write_built(built, territory, targets, feedback=None):
    """The built memory layer written to a new table of the first GeoPackage of ``targets``
    (data_paths) that can be written. Runs in the load task's thread, not the main one: a
    GeoPackage another process holds locked is waited for there (Cancel ends the wait through
    ``feedback``), while QGIS stays usable; nothing here touches the project. Raises AnctError,
    naming every file tried, when it could be written nowhere."""
    errors = []
    for path, prefix in targets:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            table = write_new_table(
                built.layer,
                path,
                f"{prefix}_{table_stem(built.info.layer_id)}",
                metadata=layer_metadata(built.info, territory.label),
                feedback=feedback,
            )
        except (OSError, StorageError) as error:
            errors.append(str(error) if path in str(error) else f"{path}: {error}")
            continue
        written = Written(built, path, table)
        if open_table(path, table, built.layer.name(), feedback=feedback) is None:
            drop_table(path, table, wait_s=1.0)
            errors.append(tr("The layer could not be read back from {path}.").format(path=path))
            continue
        if errors:
            written.note = tr(
                "{title}: written to {path}, as the project's GeoPackage cannot be written ({error})."
            ).format(title=built.info.title, path=path, error=errors[0])
        return written
    raise AnctError(" ; ".join(errors))


@dataclass
class Placed:
    """What loading into the project did: the group, the layers that could not be written (id ->
    message), notes (a layer written to the data folder instead) and the layers added."""

    group: object
    failures: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    layers: dict = field(default_factory=dict)  # layer id -> the layer added


def add_to_project(written_layers, territory, project=None, unwritten=None):
    """Add the layers the load task wrote (Written) under the territory's group (reused when it
    exists), read from their new tables. A layer already there is replaced only now, its new copy
    written; a copy that could not be written (``unwritten``: layer id -> message) leaves it as it
    was and is told in ``Placed.failures``."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(territory.label) or root.insertGroup(0, territory.label)
    placed = Placed(group, dict(unwritten or {}))
    for written in written_layers:
        built = written.built
        # In the main thread: another process's commit is waited for a moment only.
        layer = open_table(written.path, written.table, built.layer.name(), wait_s=2.0)
        if layer is None:
            drop_table(written.path, written.table, wait_s=1.0)
            placed.failures[built.info.layer_id] = tr("The layer could not be read back from {path}.").format(
                path=written.path
            )
            continue
        if written.note:
            placed.notes.append(written.note)
        identifier = f"anct:{built.info.layer_id}"
        replaced = [
            old.layer()
            for old in group.findLayers()
            if old.layer() is not None and old.layer().metadata().identifier() == identifier
        ]
        old_tables = [_gpkg_table(old) for old in replaced]
        for old in replaced:  # loading again replaces the previous copy
            project.removeMapLayer(old.id())
        apply_provenance(layer, built.info, territory.label)
        if os.path.isfile(style_path(built.info.layer_id)):
            layer.loadNamedStyle(style_path(built.info.layer_id))
        apply_presentation(layer, built.info.layer_id, ui_language())
        project.addMapLayer(layer, False)
        node = group.insertLayer(_position(group, built.info.layer_id), layer)
        node.setCustomProperty("showFeatureCount", True)
        placed.layers[built.info.layer_id] = layer
        in_use = {_gpkg_table(other) for other in project.mapLayers().values()}
        for old_table in old_tables:
            if old_table is not None and old_table not in in_use:
                drop_table(*old_table, wait_s=2.0)  # best effort: a table left is only space
    return placed


def _gpkg_table(layer):
    """(path, table) of a layer read from one of our GeoPackage tables, else None."""
    parts = layer.source().split("|layername=")
    if layer.providerType() != "ogr" or len(parts) != 2 or not parts[0].lower().endswith(".gpkg"):
        return None
    return parts[0], parts[1].split("|")[0]


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
