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
    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    from ..published.catalogue import Source
    from ..published.territories import Territory, TerritoryIndex
    from .build_context import BuildContext
    from .layer_info import SourceFile, SourceInfo


def native_layer(
    ctx: BuildContext,
    source: Source,
    files: list[SourceFile],
    territory: Territory,
    target: QgsCoordinateReferenceSystem,
    info_: SourceInfo,
) -> QgsVectorLayer:
    layer = None
    repaired = unplaceable = 0
    outline = None
    tally = CodeTally(ctx.index.codes)
    for file_ in files:
        source_layer, columns = open_source_vector(file_.path, source)
        if layer is None:
            # Commune outlines have geo.api's field names whichever service gave them (ADMIN
            # EXPRESS's code_insee is `code`): every consumer reads one shape.
            renamed = {found: key for key, found in columns.items()} if source.id in COMMUNE_OUTLINE_SOURCES else {}
            fields = QgsFields()
            # QgsFields iterates (sip gives it __iter__), which QGIS 3.22's .pyi do not say.
            for source_field in source_layer.fields():  # type: ignore[attr-defined]
                fields.append(plain_field(source_field, renamed.get(source_field.name(), source_field.name())))
            wkb = WKB_POINT if source_layer.geometryType() == GEOMETRY_POINT else WKB_MULTIPOLYGON
            layer = memory_layer(wkb, target, fields, source.id)
            names = source_layer.fields().names()  # read by the names of the file
        keep = keeper(source, columns, territory, tally)
        if keep is None and not territory.is_country:
            outline = outline or ctx.territory_outline(territory, source_layer.crs())
        transform = transform_between(source_layer.crs(), target)
        request = QgsFeatureRequest()
        if outline is not None:
            request.setFilterRect(outline.boundingBox())
        features = []
        for feature in source_layer.getFeatures(request):
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
            tr("{title}: no file to read for {territory}.").format(title=info_.title, territory=territory.label)
        )
    if repaired:
        info_.warnings.append(tr("{title}: {n} invalid geometries repaired.").format(title=info_.title, n=repaired))
    if unplaceable:
        info_.warnings.append(
            tr("{title}: {n} features outside the coordinate system's area left out.").format(
                title=info_.title, n=unplaceable
            )
        )
    if source.id in COMMUNE_OUTLINE_SOURCES:
        _table_population(layer, ctx.index)
    elif source.commune_column:
        report_unmapped(tally, info_)
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


def dissolved_layer(
    ctx: BuildContext,
    source: Source,
    files: list[SourceFile],
    territory: Territory,
    target: QgsCoordinateReferenceSystem,
    info_: SourceInfo,
) -> QgsVectorLayer:
    strategy = geometry_of(source, DissolveCommunes)
    communes = native_layer(ctx, source, files, territory, target, info_)
    names = {}
    if strategy.names_url:
        fetch_json = load_reference_json(ctx.fetcher, ctx.feedback)
        names = {
            e["code"]: e["nom"]
            for e in fetch_json(strategy.names_url, {"code": ("code",), "nom": ("nom",)}, False) or []
        }
    code_name = resolve_columns(
        communes.fields().names(), {strategy.by: source.columns[strategy.by]}, files[0].path, source.id
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
    layer = memory_layer(WKB_MULTIPOLYGON, target, fields, source.id)
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
