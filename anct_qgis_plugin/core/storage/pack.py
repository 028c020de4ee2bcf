"""Every catalogue layer for a territory into one GeoPackage, plus a table of sources.

It doubles as an offline pack. The file is written under a temporary name and moved into place
at the end, so a failure never leaves a half-written pack where a good one was.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsField, QgsFields, QgsVectorFileWriter

from ...compat import FIELD_INT, FIELD_STRING, OVERWRITE_FILE, OVERWRITE_LAYER, WKB_NOGEOMETRY, WRITER_NO_ERROR
from ..building.layer_geometry import memory_layer
from ..building.provenance import layer_metadata
from ..errors import AnctError, CancelledError, StorageError
from ..i18n import tr
from ..published.catalogue import PACK_LAYER_IDS
from ..published.table_names import SOURCES_TABLE
from ..report import is_cancelled, progress, warn
from .part_files import part_path
from .part_files import sweep_stale_parts as sweep_parts

if TYPE_CHECKING:
    from collections.abc import Sequence

    from qgis.core import QgsFeedback, QgsLayerMetadata, QgsVectorLayer

    from ..building.layers import LayerBuilder
    from ..published.territories import Territory

SOURCE_COLUMNS = (
    "layer_id",
    "title",
    "status",
    "features",
    "source_date",
    "fetched_at",
    "file",
    "urls",
    "page",
    "licence",
    "attribution",
    "population_source",
    "unmapped_codes",
    "message",
)


@dataclass
class PackEntry:
    layer_id: str
    status: str  # "ok" or "unavailable"
    features: int
    message: str


def write_layer(
    layer: QgsVectorLayer,
    path: str,
    table: str,
    first: bool,
    metadata: QgsLayerMetadata | None = None,
    target: str = "",
) -> None:
    """Write ``layer`` as ``table`` of the GeoPackage ``path``; ``target``: the file the user chose,
    named in messages when ``path`` is its temporary name."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = OVERWRITE_FILE if first else OVERWRITE_LAYER
    if metadata is not None:
        options.layerMetadata = metadata
        options.saveMetadata = True
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    if result[0] != WRITER_NO_ERROR:
        error = StorageError(
            tr(
                "Cannot write the table {table} into {path} ({error}): check that its disk has room and its "
                "folder can be written, or choose another file."
            ).format(table=table, path=target or path, error=_tail(result[1]))
        )
        error.driver_message = str(result[1])  # whole: the message keeps only its end, a lock shows earlier
        raise error


def _tail(error: str, chars: int = 160) -> str:
    """The end of a driver's message: SQLite puts the statement first and the reason last."""
    error = " ".join(str(error).split())
    return error if len(error) <= chars else "…" + error[-chars:]


def _sources_layer(rows: list[dict]) -> QgsVectorLayer:
    fields = QgsFields()
    for name in SOURCE_COLUMNS:
        fields.append(QgsField(name, FIELD_INT if name == "features" else FIELD_STRING))
    layer = memory_layer(WKB_NOGEOMETRY, None, fields, SOURCES_TABLE)
    features = []
    for row in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([row.get(name) for name in SOURCE_COLUMNS])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _part_path(path: str) -> str:
    """A temporary name unique to this run (two packs to one path in one process do not share it)."""
    return part_path(f"{path}.part-", ".gpkg")


def sweep_stale_parts(path: str) -> None:
    """Remove the temporary files that runs killed before their end (kill -9) left beside ``path``."""
    sweep_parts(f"{path}.part-")


def write_pack(
    builder: LayerBuilder,
    territory: Territory,
    path: str,
    crs: str | None = None,
    layer_ids: Sequence[str] = PACK_LAYER_IDS,
    feedback: QgsFeedback | None = None,
) -> list[PackEntry]:
    """Build each layer; a layer that cannot be had is recorded, not fatal. Returns PackEntry list."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OSError(2, tr("The folder does not exist"), folder)
    if os.path.isdir(path):
        raise StorageError(
            tr("{path} is a folder: give the pack a file name, e.g. {example}.").format(
                path=path, example=os.path.join(path, "territory.gpkg")
            )
        )
    sweep_stale_parts(path)
    part = _part_path(path)
    rows, entries = [], []
    try:
        for number, layer_id in enumerate(layer_ids):
            if is_cancelled(feedback):
                raise CancelledError(tr("Cancelled."))
            try:
                built = builder.build(layer_id, territory, crs)
            except CancelledError:
                raise
            except AnctError as error:
                warn(feedback, tr("{layer}: unavailable — {error}").format(layer=layer_id, error=error))
                entries.append(PackEntry(layer_id, "unavailable", 0, str(error)))
                rows.append({"layer_id": layer_id, "status": "unavailable", "features": 0, "message": str(error)})
                continue
            write_layer(
                built.layer,
                part,
                layer_id,
                first=not os.path.exists(part),
                metadata=layer_metadata(built.info, territory.label),
                target=path,
            )
            info_ = built.info
            entries.append(PackEntry(layer_id, "ok", info_.feature_count, "; ".join(info_.warnings)))
            rows.append(
                {
                    "layer_id": layer_id,
                    "title": info_.title,
                    "status": "ok",
                    "features": info_.feature_count,
                    "source_date": info_.source_date,
                    "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(info_.fetched_at)),
                    "file": info_.file_name,
                    "urls": " ".join(info_.urls),
                    "page": info_.page,
                    "licence": info_.licence,
                    "attribution": info_.attribution,
                    "population_source": info_.population_source,
                    "unmapped_codes": info_.unmapped_codes,
                    "message": "; ".join(info_.warnings),
                }
            )
            progress(feedback, 100.0 * (number + 1) / len(layer_ids))
        write_layer(_sources_layer(rows), part, SOURCES_TABLE, first=not os.path.exists(part), target=path)
        try:
            os.replace(part, path)
        except OSError as error:
            raise StorageError(
                tr("Cannot replace {path} ({error}): choose another file or close the program that holds it.").format(
                    path=path, error=error.strerror or error
                )
            ) from None
    finally:
        for leftover in (part, part + "-wal", part + "-shm", part + "-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return entries
