"""What a layer's geometry strategy is handed (layers.LayerBuilder gives it): named here, below the
strategies, so that none of them imports its caller."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry, QgsVectorLayer

    from .fetcher import Fetcher
    from .territories import Territory, TerritoryIndex


class BuildContext(Protocol):
    fetcher: Fetcher
    index: TerritoryIndex
    feedback: QgsFeedback | None

    def commune_layer(self, territory: Territory, target: QgsCoordinateReferenceSystem) -> QgsVectorLayer:
        """The territory's commune outlines in ``target`` (built once per builder)."""
        ...

    def territory_outline(self, territory: Territory, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        """The union of the territory's communes."""
        ...
