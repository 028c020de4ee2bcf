"""The small geometry and field tools every layer builder uses: memory layers, plain fields and
values, valid multipolygons, placed points, transforms."""

from __future__ import annotations

import math
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...compat import FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, GEOMETRY_POLYGON


def memory_layer(
    wkb_type: QgsWkbTypes.Type, crs: QgsCoordinateReferenceSystem | None, fields: QgsFields, name: str
) -> QgsVectorLayer:
    """A memory layer; ``crs`` None for a table without geometry."""
    uri = f"{QgsWkbTypes.displayString(wkb_type)}?crs={crs.authid()}" if crs is not None else "None"
    layer = QgsVectorLayer(uri, name, "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    return layer


def plain_field(source_field: QgsField, name: str = "") -> QgsField:
    """Memory and GeoPackage friendly copy of a field (lists and other types become text), under
    ``name`` when given."""
    if source_field.type() in (FIELD_INT, FIELD_LONG, FIELD_DOUBLE, FIELD_STRING):
        return QgsField(name or source_field.name(), source_field.type())
    return QgsField(name or source_field.name(), FIELD_STRING)


def plain_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def as_polygons(geometry: QgsGeometry | None) -> QgsGeometry:
    """Valid multipolygon, whatever makeValid returned (a collection, lines, nothing); a null
    geometry when nothing polygonal is left."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return QgsGeometry()
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
        if geometry.isNull():
            return QgsGeometry()
        if QgsWkbTypes.geometryType(geometry.wkbType()) != GEOMETRY_POLYGON:
            # Keeps the polygons of a collection, in place; False when there are none.
            if not geometry.convertGeometryCollectionToSubclass(GEOMETRY_POLYGON) or geometry.isEmpty():
                return QgsGeometry()
    geometry.convertToMultiType()
    return geometry


def transform_between(
    source_crs: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem
) -> QgsCoordinateTransform:
    return QgsCoordinateTransform(source_crs, target, QgsCoordinateTransformContext())


def placed_point(x: float | None, y: float | None, transform: QgsCoordinateTransform) -> QgsGeometry | None:
    """The point in the target CRS, or None for coordinates that are missing, NaN, infinite or
    outside what the transform can project (a latitude of 460 in one row of a national file)."""
    if x is None or y is None or not (math.isfinite(x) and math.isfinite(y)):
        return None
    geometry = QgsGeometry.fromPointXY(QgsPointXY(x, y))
    try:
        geometry.transform(transform)
    except QgsCsException:
        return None
    point = geometry.asPoint()
    return geometry if math.isfinite(point.x()) and math.isfinite(point.y()) else None
