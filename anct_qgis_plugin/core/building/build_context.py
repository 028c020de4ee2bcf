"""What a layer's geometry strategy is handed (layers.LayerBuilder gives it): named here, below the
strategies, so that none of them imports its caller."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from ..errors import AnctError
from ..i18n import tr

if TYPE_CHECKING:
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry, QgsVectorLayer

    from ..published.catalogue import Source
    from ..published.territories import Territory, TerritoryIndex
    from ..travel.fetcher import Fetcher
    from .layer_info import SourceFile, SourceInfo

Strategy = TypeVar("Strategy")


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


@dataclass(frozen=True)
class BuildRequest:
    """One layer to build: the source, its files fetched for the territory, the CRS to draw it in, and
    the SourceInfo the strategy adds its warnings to (built once by layers.LayerBuilder)."""

    source: Source
    files: list[SourceFile]
    territory: Territory
    target: QgsCoordinateReferenceSystem
    info: SourceInfo


def geometry_of(source: Source, kind: type[Strategy]) -> Strategy:
    """The source's geometry strategy, checked to be the ``kind`` the caller builds (layers.LayerBuilder
    picks the strategy by it): an entry handed to another strategy is a catalogue mistake, said so."""
    geometry = source.geometry
    if not isinstance(geometry, kind):
        raise AnctError(
            tr(
                "Catalogue entry '{source}': its geometry is {geometry} where {kind} is expected (a mistake "
                "of the plugin's catalogue: please report it)."
            ).format(source=source.id, kind=kind.__name__, geometry=type(geometry).__name__)
        )
    return geometry
