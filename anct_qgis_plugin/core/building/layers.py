"""A catalogue source for a territory -> a QGIS memory layer, with its provenance.

LayerBuilder fetches the source's files (source_files.py) and hands them to the strategy its
catalogue entry names: native geometries or communes dissolved into groups (native_layers.py),
points from coordinates or road sections (point_layers.py), a list joined to commune outlines
(commune_joins.py). Each keeps only the territory, repairs invalid polygons and reprojects into
the territory's projected CRS (or the one asked for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from ..errors import AnctError, CancelledError
from ..i18n import tr
from ..published.catalogue import (
    CommunePremises,
    DissolveCommunes,
    JoinCommunes,
    NativeGeometry,
    PointsFromColumns,
    RoadSectionLines,
    get_source,
)
from ..report import info, warn
from .build_context import BuildRequest
from .commune_joins import joined_layer, premises_layer
from .layer_info import BuiltLayer, population_source_text, source_info
from .native_layers import dissolved_layer, native_layer
from .outline_cache import OUTLINES
from .point_layers import points_layer, road_lines_layer
from .source_files import SourceFiles

if TYPE_CHECKING:
    from collections.abc import Callable

    from qgis.core import QgsFeedback, QgsVectorLayer

    from ..published.catalogue import Source
    from ..published.territories import Territory, TerritoryIndex
    from ..travel.fetcher import Fetcher
    from .build_context import BuildContext
    from .layer_info import SourceFile, SourceInfo

# The strategy that builds each kind of catalogue geometry from (builder, request).
_STRATEGIES: dict[type, Callable[[BuildContext, BuildRequest], QgsVectorLayer]] = {
    NativeGeometry: native_layer,
    PointsFromColumns: points_layer,
    JoinCommunes: joined_layer,
    CommunePremises: premises_layer,
    DissolveCommunes: dissolved_layer,
    RoadSectionLines: road_lines_layer,
}


class LayerBuilder:
    """Builds catalogue layers for territories. One instance per job (not thread-shared)."""

    def __init__(
        self,
        fetcher: Fetcher,
        territory_index: TerritoryIndex,
        language: str = "fr",
        feedback: QgsFeedback | None = None,
    ):
        self.fetcher = fetcher
        self.index = territory_index
        self.language = language
        self.feedback = feedback
        self._files = SourceFiles(fetcher, self, language, feedback)
        # (territory, its départements, CRS) -> the commune outlines built for it
        self._commune_layers: dict[tuple[str, tuple[str, ...], str], QgsVectorLayer] = {}

    def build(self, layer_id: str, territory: Territory, crs: str | None = None) -> BuiltLayer:
        source = get_source(layer_id)
        target = QgsCoordinateReferenceSystem(crs or territory.crs)
        request = self._request(source, territory, target)
        try:
            layer = self._layer(request)
        except CancelledError:
            raise
        except AnctError:
            # A new file that passed the quick check but does not build must not replace the
            # copy that did: go back to it and build again; without one, the error stands.
            if not any([self.fetcher.rollback(url, self.feedback) for url in request.info.fresh_urls]):  # every one
                raise
            request = self._request(source, territory, target, stale=True)
            layer = self._layer(request)
        info_ = request.info
        layer.setName(f"{info_.title} — {territory.label}")
        info_.feature_count = layer.featureCount()
        if "population" in layer.fields().names():
            info_.population_source = self.population_source()
        for message in info_.warnings:
            warn(self.feedback, message)
        return BuiltLayer(layer, info_)

    def _request(
        self, source: Source, territory: Territory, target: QgsCoordinateReferenceSystem, stale: bool = False
    ) -> BuildRequest:
        """What the source's strategy is handed: its files fetched for the territory, noted in a new SourceInfo."""
        info_ = source_info(source, self.language, stale=stale)
        return BuildRequest(source, self.fetch_files(source, territory, info_), territory, target, info_)

    def _layer(self, request: BuildRequest) -> QgsVectorLayer:
        """The strategy's layer; outlines already built from the same files are a copy of those."""
        source_id, info_ = request.source.id, request.info
        key = OUTLINES.key(source_id, request.territory, request.target, request.files)
        kept = OUTLINES.copy(key, self.index, source_id) if key is not None else None
        if kept is not None:
            layer, warnings = kept
            info_.warnings.extend(warnings)
            return layer
        said = len(info_.warnings)
        layer = _STRATEGIES[type(request.source.geometry)](self, request)
        if key is not None:
            OUTLINES.keep(key, self.index, layer, info_.warnings[said:])
        return layer

    def fetch_files(self, source: Source, territory: Territory, info_: SourceInfo) -> list[SourceFile]:
        """The source's files for the territory, through the cache, noted in ``info_``."""
        return self._files.fetch_files(source, territory, info_)

    def population_source(self) -> str:
        """Which population figures use: named with the date of the national table."""
        return population_source_text(self.fetcher)

    # --- commune outlines shared by joins and geometric restriction ---------------------
    def commune_layer(self, territory: Territory, target: QgsCoordinateReferenceSystem) -> QgsVectorLayer:
        key = (territory.key, territory.departement_codes, target.authid())
        if key not in self._commune_layers:
            info(self.feedback, tr("Commune outlines for {territory}").format(territory=territory.label))
            self._commune_layers[key] = self.build("communes", territory, target.authid()).layer
        return self._commune_layers[key]

    def territory_outline(self, territory: Territory, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        layer = self.commune_layer(territory, crs)
        return QgsGeometry.unaryUnion([f.geometry() for f in layer.getFeatures()])
