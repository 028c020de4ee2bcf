"""Layers of points placed from a table's coordinate columns (sites, services), and the road
network's sections from the BD TOPO pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsFields

from ...compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, WKB_POINT
from ...diagnostics.road_profiles import BdTopoProfile
from ..errors import CancelledError, ParseError
from ..i18n import tr
from ..published.catalogue import PointsFromColumns
from ..published.commune_codes import CodeTally
from ..report import is_cancelled
from ..roads.road_layer import SectionWriter
from ..roads.road_network import check_page
from ..roads.road_sections import SectionReader
from .build_context import geometry_of
from .layer_geometry import memory_layer, placed_point, transform_between
from .layer_info import report_unmapped
from .source_tables import listed, number, read_table
from .territory_filter import keeper

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from qgis.core import QgsVectorDataProvider, QgsVectorLayer, QgsWkbTypes

    from .build_context import BuildContext, BuildRequest


def points_layer(ctx: BuildContext, request: BuildRequest) -> QgsVectorLayer:
    strategy = geometry_of(request.source, PointsFromColumns)
    table, columns, position = read_table(request.source, request.files[0])
    numeric = {position[name] for name in request.source.numeric_columns if name in position}
    fields = QgsFields()
    for i, name in enumerate(table.columns):
        fields.append(QgsField(name, FIELD_DOUBLE if i in numeric else FIELD_STRING))
    flags = [(position[columns[column]], value.lower()) for _name, column, value in strategy.flags]
    for name, _column, _value in strategy.flags:
        fields.append(QgsField(name, FIELD_INT))
    layer = memory_layer(WKB_POINT, request.target, fields, request.source.id)
    tally = CodeTally(ctx.index.codes)
    keep = keeper(request.source, columns, request.territory, tally)
    transform = transform_between(QgsCoordinateReferenceSystem(strategy.crs), request.target)
    x_at, y_at = position[columns[strategy.x]], position[columns[strategy.y]]
    features, dropped = [], 0
    for row in table.rows:
        if keep is not None and not keep(_cell_of(row, position)):
            continue
        values = [number(value) if i in numeric else value for i, value in enumerate(row)]
        values += [int(value in listed(row[at])) for at, value in flags]
        geometry = placed_point(values[x_at], values[y_at], transform)
        if geometry is None:
            dropped += 1
            continue
        feature = QgsFeature(fields)
        feature.setAttributes(values)
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    if dropped and not features:
        raise ParseError(
            tr("{file}: none of its {n} rows has coordinates that can be placed (columns {x}, {y}).").format(
                file=request.info.file_name or request.source.id,
                n=dropped,
                x=columns[strategy.x],
                y=columns[strategy.y],
            )
        )
    if dropped:
        request.info.warnings.append(
            tr(
                "{title}: {n} rows without valid coordinates left out (missing, not a "
                "number, or outside the coordinate system's area)."
            ).format(title=request.info.title, n=dropped)
        )
    if table.short_rows:
        request.info.warnings.append(
            tr("{title}: {n} rows have fewer cells than the header (read with empty cells).").format(
                title=request.info.title, n=table.short_rows
            )
        )
    report_unmapped(tally, request.info)
    return layer


def _cell_of(row: list[str], position: Mapping[str, int]) -> Callable[[str], str]:
    """A row's cell by column name, as territory_filter.keeper reads a row."""
    return lambda column: row[position[column]]


def road_lines_layer(ctx: BuildContext, request: BuildRequest) -> QgsVectorLayer:
    crs = QgsCoordinateReferenceSystem(request.territory.crs)
    layer = None

    def open_sink(fields: QgsFields, wkb_type: QgsWkbTypes.Type) -> QgsVectorDataProvider:
        nonlocal layer
        layer = memory_layer(wkb_type, request.target, fields, request.source.id)
        return layer.dataProvider()

    transform = transform_between(crs, request.target) if crs != request.target else None
    reader, writer = SectionReader(BdTopoProfile()), SectionWriter(open_sink, transform)
    for file_ in request.files:
        if is_cancelled(ctx.feedback):
            raise CancelledError(tr("Cancelled."))
        writer.write(reader.page(check_page(file_.path)))
    if layer is None:
        raise ParseError(tr("No road a car uses in {territory}.").format(territory=request.territory.label))
    return layer
