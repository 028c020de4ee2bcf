"""Reading input layers the way the diagnostics need them: their CRS checked, their features
without Processing's validity check, progress over a count that may be unknown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureIterator,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsRectangle,
)

from ..compat import SKIP_GEOMETRY_CHECKS
from ..core.errors import AnctError
from .i18n import tr

if TYPE_CHECKING:
    from typing import Protocol

    class Progress(Protocol):
        """A QgsFeedback, or what stands for one (road_times._Scaled): anything with setProgress."""

        def setProgress(self, progress: float) -> None: ...  # noqa: N802 - the feedback's own name


WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def crs_of(source: QgsFeatureSource | QgsMapLayer, what: str) -> QgsCoordinateReferenceSystem:
    """The CRS of a source or a layer; a layer without one cannot be measured."""
    crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
    if not crs.isValid():
        raise AnctError(tr("The {what} layer has no CRS: set it in the layer properties.").format(what=what))
    return crs


def report_progress(feedback: Progress, done: int, total: int, start: float = 0.0, end: float = 100.0) -> None:
    """The bar from start to end %; a provider that cannot count (-1) gets none, not a wrong one."""
    if total > 0:
        feedback.setProgress(start + (end - start) * min(done / total, 1.0))


def extent_in(
    source: QgsFeatureSource | QgsMapLayer, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext
) -> QgsRectangle:
    """The extent of a source or a layer in ``crs``."""
    extent = source.sourceExtent() if hasattr(source, "sourceExtent") else source.extent()
    return QgsCoordinateTransform(
        crs_of(source, tr("population")), crs, context.transformContext()
    ).transformBoundingBox(extent)


def lonlat_extent(source: QgsFeatureSource, context: QgsProcessingContext) -> QgsRectangle:
    """The extent of a source or a layer in WGS84 longitude/latitude."""
    return extent_in(source, WGS84, context)


def features_unchecked(source: QgsFeatureSource, request: QgsFeatureRequest) -> QgsFeatureIterator:
    """Features without Processing's geometry validity check. Only a point per unit (or the
    vertices of each road) is needed, and GEOS places a point on an invalid outline too: the
    check would cost a third of the read of a 2-million-cell grid and stop a national run on
    one self-intersecting commune."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, SKIP_GEOMETRY_CHECKS)
    return source.getFeatures(request)
