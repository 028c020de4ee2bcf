"""Layers read from a source's own geometries (commune, département and région outlines, zones,
sites): kept to the territory, repaired, reprojected; and communes dissolved into groups (EPCI)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsCsException, QgsFeature, QgsFeatureRequest, QgsField, QgsFields, QgsGeometry

from ...compat import FIELD_INT, FIELD_LONG, FIELD_STRING, GEOMETRY_POINT, WKB_MULTIPOLYGON, WKB_POINT
from ..errors import CancelledError, ParseError
from ..i18n import tr
from ..published.catalogue import DissolveCommunes
from ..published.commune_codes import CodeTally
from ..published.parsers import resolve_columns
from ..published.territories import load_reference_json
from ..report import is_cancelled
from .build_context import geometry_of
from .layer_geometry import as_polygons, memory_layer, plain_field, plain_value, transform_between
from .layer_info import report_unmapped
from .source_files import COMMUNE_OUTLINE_SOURCES, open_source_vector
from .territory_filter import keeper

if TYPE_CHECKING:
    from qgis.core import QgsVectorLayer

    from ..published.territories import TerritoryIndex
    from .build_context import BuildContext, BuildRequest


def native_layer(ctx: BuildContext, request: BuildRequest) -> QgsVectorLayer:
    layer = None
    repaired = unplaceable = 0
    outline = None
    tally = CodeTally(ctx.index.codes)
    for file_ in request.files:
        source_layer, columns = open_source_vector(file_.path, request.source)
        if layer is None:
            # Commune outlines have geo.api's field names whichever service gave them (ADMIN
            # EXPRESS's code_insee is `code`): every consumer reads one shape.
            renamed = (
                {found: key for key, found in columns.items()} if request.source.id in COMMUNE_OUTLINE_SOURCES else {}
            )
            fields = QgsFields()
            # QgsFields iterates (sip gives it __iter__), which QGIS 3.22's .pyi do not say.
            for source_field in source_layer.fields():  # type: ignore[attr-defined]
                fields.append(plain_field(source_field, renamed.get(source_field.name(), source_field.name())))
            wkb = WKB_POINT if source_layer.geometryType() == GEOMETRY_POINT else WKB_MULTIPOLYGON
            layer = memory_layer(wkb, request.target, fields, request.source.id)
            names = source_layer.fields().names()  # read by the names of the file
        keep = keeper(request.source, columns, request.territory, tally)
        if keep is None and not request.territory.is_country:
            outline = outline or ctx.territory_outline(request.territory, source_layer.crs())
        transform = transform_between(source_layer.crs(), request.target)
        within = QgsFeatureRequest()
        if outline is not None:
            within.setFilterRect(outline.boundingBox())
        features = []
        for feature in source_layer.getFeatures(within):
            if is_cancelled(ctx.feedback):
                raise CancelledError(tr("Cancelled."))
            if keep is not None and not keep(feature.attribute):
                continue
            geometry = feature.geometry()
            if outline is not None and not outline.intersects(geometry):
                continue
            if layer.wkbType() == WKB_MULTIPOLYGON and not geometry.isGeosValid():
                repaired += 1
            if layer.wkbType() == WKB_MULTIPOLYGON:
                geometry = as_polygons(geometry)
            try:
                geometry.transform(transform)
            except QgsCsException:
                unplaceable += 1
                continue
            out = QgsFeature(layer.fields())
            out.setAttributes([plain_value(feature.attribute(name)) for name in names])
            out.setGeometry(geometry)
            features.append(out)
        layer.dataProvider().addFeatures(features)
    if layer is None:
        raise ParseError(
            tr("{title}: no file to read for {territory}.").format(
                title=request.info.title, territory=request.territory.label
            )
        )
    if repaired:
        request.info.warnings.append(
            tr("{title}: {n} invalid geometries repaired.").format(title=request.info.title, n=repaired)
        )
    if unplaceable:
        request.info.warnings.append(
            tr("{title}: {n} features outside the coordinate system's area left out.").format(
                title=request.info.title, n=unplaceable
            )
        )
    if request.source.id in COMMUNE_OUTLINE_SOURCES:
        _table_population(layer, ctx.index)
    elif request.source.commune_column:
        report_unmapped(tally, request.info)
    return layer


def _table_population(layer: QgsVectorLayer, index: TerritoryIndex) -> None:
    """One population vintage per run: the national commune table's, not the outlines' own
    (geo.api's per-département answers may carry another census year)."""
    field_index = layer.fields().indexOf("population")
    if field_index < 0:
        return
    changes = {
        feature.id(): {field_index: index.communes.get(feature["code"], {}).get("population")}
        for feature in layer.getFeatures()
    }
    layer.dataProvider().changeAttributeValues(changes)


def dissolved_layer(ctx: BuildContext, request: BuildRequest) -> QgsVectorLayer:
    strategy = geometry_of(request.source, DissolveCommunes)
    communes = native_layer(ctx, request)
    names = {}
    if strategy.names_url:
        fetch_json = load_reference_json(ctx.fetcher, ctx.feedback)
        names = {
            e["code"]: e["nom"]
            for e in fetch_json(strategy.names_url, {"code": ("code",), "nom": ("nom",)}, False) or []
        }
    code_name = resolve_columns(
        communes.fields().names(),
        {strategy.by: request.source.columns[strategy.by]},
        request.files[0].path,
        request.source.id,
    )[strategy.by]
    groups: dict[str, list[QgsFeature]] = {}
    for feature in communes.getFeatures():
        groups.setdefault(feature[code_name] or "", []).append(feature)
    fields = QgsFields()
    for name, kind in (
        ("code", FIELD_STRING),
        ("nom", FIELD_STRING),
        ("population", FIELD_LONG),
        ("nb_communes", FIELD_INT),
    ):
        fields.append(QgsField(name, kind))
    layer = memory_layer(WKB_MULTIPOLYGON, request.target, fields, request.source.id)
    features = []
    for code, members in sorted(groups.items()):
        if not code:
            continue
        feature = QgsFeature(fields)
        population = sum(int(m["population"] or 0) for m in members)
        feature.setAttributes([code, names.get(code), population, len(members)])
        feature.setGeometry(as_polygons(QgsGeometry.unaryUnion([m.geometry() for m in members])))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer
