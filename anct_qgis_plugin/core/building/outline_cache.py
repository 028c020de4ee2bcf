"""Outline layers (communes, EPCI, départements, régions) kept for the session once built.

Building the outlines of every commune of France costs seconds (34,875 polygons read, checked,
reprojected); an indicator, a programme join or an atlas sheet asks for them again and again.
A built layer is kept by what it was made of: the territory, the CRS, the territory index (whose
population the outlines carry) and every file read, by path, modification time and size, so a
refreshed or rewritten cache file builds afresh. Each caller gets its own memory layer, a copy:
a caller that edits it (the panel lets users) cannot change what the next one gets.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .layer_geometry import memory_layer

if TYPE_CHECKING:
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsFields, QgsVectorLayer, QgsWkbTypes

    from ..published.territories import Territory, TerritoryIndex
    from .layer_info import SourceFile

OUTLINE_LAYERS = ("communes", "epci", "departements", "regions")
# About two national commune layers: a département's outlines are a few hundred features.
_MAX_FEATURES = 80_000


@dataclass(frozen=True)
class _Kept:
    index: TerritoryIndex  # the same object, not an equal one: a new commune table is a new index
    fields: QgsFields
    wkb_type: QgsWkbTypes.Type
    crs: QgsCoordinateReferenceSystem
    features: list[QgsFeature]
    warnings: tuple[str, ...]  # what building it said (repaired geometries…), said again


class OutlineCache:
    """Built outline layers by (layer id, territory, CRS, files); the oldest go past _MAX_FEATURES."""

    def __init__(self, max_features: int = _MAX_FEATURES):
        self.max_features = max_features
        self._kept: OrderedDict[tuple, _Kept] = OrderedDict()
        self._lock = threading.Lock()  # panel tasks build on worker threads

    @staticmethod
    def key(
        layer_id: str, territory: Territory, target: QgsCoordinateReferenceSystem, files: list[SourceFile]
    ) -> tuple | None:
        """The key of an outline layer built from these files, or None (not an outline layer, or a
        file that is gone)."""
        if layer_id not in OUTLINE_LAYERS:
            return None
        try:
            status = [(f.path, os.stat(f.path)) for f in files]
        except OSError:
            return None
        versions = tuple((path, stat.st_mtime_ns, stat.st_size) for path, stat in status)
        return (layer_id, territory, target.authid(), versions)

    def copy(self, key: tuple, index: TerritoryIndex, name: str) -> tuple[QgsVectorLayer, tuple[str, ...]] | None:
        """A new layer with the kept features and what building them said, or None."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept.index is not index:
                return None
            self._kept.move_to_end(key)
        layer = memory_layer(kept.wkb_type, kept.crs, kept.fields, name)
        layer.dataProvider().addFeatures(kept.features)  # copies: QgsFeature and QgsGeometry are copy-on-write
        return layer, kept.warnings

    def keep(self, key: tuple, index: TerritoryIndex, layer: QgsVectorLayer, warnings: list[str]) -> None:
        kept = _Kept(index, layer.fields(), layer.wkbType(), layer.crs(), list(layer.getFeatures()), tuple(warnings))
        with self._lock:
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while len(self._kept) > 1 and sum(len(k.features) for k in self._kept.values()) > self.max_features:
                self._kept.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


OUTLINES = OutlineCache()  # the session's
