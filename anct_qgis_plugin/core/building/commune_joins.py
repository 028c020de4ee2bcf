"""Layers drawn on commune outlines: a programme list joined to its communes and dissolved per
programme, and the fixed-broadband premises of each commune."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry

from ...compat import FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, WKB_MULTIPOLYGON
from ..i18n import tr
from ..published.broadband import read_premises
from ..published.catalogue import JoinCommunes, get_source
from ..published.commune_codes import CodeTally
from ..published.parsers import iso_date, resolve_columns, split_values
from .build_context import geometry_of
from .layer_geometry import as_polygons, memory_layer
from .layer_info import report_unmapped
from .source_tables import read_list_table, side_labels

if TYPE_CHECKING:
    from collections.abc import Mapping

    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    from ..published.catalogue import Source
    from ..published.parsers import Table
    from ..published.territories import Territory, TerritoryIndex
    from .build_context import BuildContext, BuildRequest

# The fixed-broadband layer's fields: counts as published, shares computed from them (broadband.py).
PREMISES_FIELDS = (
    ("code_insee", FIELD_STRING),
    ("nom", FIELD_STRING),
    ("locaux", FIELD_LONG),
    ("locaux_ftth", FIELD_LONG),
    ("part_ftth", FIELD_DOUBLE),
    ("locaux_sans_filaire_30", FIELD_LONG),
    ("part_sans_filaire_30", FIELD_DOUBLE),
    ("date", FIELD_STRING),
)


def _programme_groups(
    source: Source,
    strategy: JoinCommunes,
    read: tuple[Table, dict, dict],
    territory: Territory,
    names: dict | None,
    tally: CodeTally,
) -> dict[str, dict]:
    """programme id -> {"label", "date", "communes"} from the list's rows, its communes of today
    within the territory."""
    table, columns, position = read
    commune_at = position[columns[source.commune_column]]
    # Published spellings may differ in case from the canonical names (INSEE's LIBDENS).
    label_at = position.get(columns.get(strategy.label_column, strategy.label_column)) if names is None else None
    date_at = position.get(columns.get(strategy.date_column, strategy.date_column))
    id_at = position[columns.get(strategy.id_column, strategy.id_column)]
    groups: dict[str, dict] = {}
    for row in table.rows:
        codes = [
            c
            for c in tally.today_all(split_values(row[commune_at]))
            if territory.is_country or c in territory.commune_codes
        ]
        if not codes:
            continue
        ids = [i for i in split_values(row[id_at]) if i not in strategy.not_member]
        labels = split_values(row[label_at], commas=False) if label_at is not None else []
        for n, programme in enumerate(ids):
            group = groups.setdefault(programme, {"label": "", "date": "", "communes": []})
            if labels:
                group["label"] = labels[n] if len(labels) == len(ids) else row[label_at]
            elif names is not None:
                group["label"] = names.get(programme, "")
            if date_at is not None and row[date_at]:
                group["date"] = iso_date(row[date_at])
            group["communes"].extend(codes)
    return groups


def joined_layer(ctx: BuildContext, request: BuildRequest) -> QgsVectorLayer:
    strategy = geometry_of(request.source, JoinCommunes)
    table, columns, position = read_list_table(
        request.source, request.files[0].path, request.source.columns, ctx.index.communes
    )
    names = side_labels(request.source, request.files)
    labelled = names is not None or position.get(columns.get(strategy.label_column, strategy.label_column)) is not None
    dated = position.get(columns.get(strategy.date_column, strategy.date_column)) is not None
    tally = CodeTally(ctx.index.codes)
    groups = _programme_groups(request.source, strategy, (table, columns, position), request.territory, names, tally)
    fields = QgsFields()
    fields.append(QgsField(strategy.id_column, FIELD_STRING))
    if labelled:
        fields.append(QgsField(strategy.label_column, FIELD_STRING))
    if dated:
        fields.append(QgsField(strategy.date_column, FIELD_STRING))
    for name, kind in (("insee_com", FIELD_STRING), ("nb_communes", FIELD_INT), ("population", FIELD_LONG)):
        fields.append(QgsField(name, kind))
    layer = memory_layer(WKB_MULTIPOLYGON, request.target, fields, request.source.id)
    outlines = commune_outlines(ctx, request.territory, groups, request.target)
    features: list[QgsFeature] = []
    missing: set[str] = set()
    for programme, group in sorted(groups.items()):
        communes = sorted(set(group["communes"]))
        found = [outlines[c] for c in communes if c in outlines]
        missing.update(c for c in communes if c not in outlines)
        if not found:  # listed all the same, without geometry: a programme does not vanish
            request.info.undrawn.append(f"{programme} {group['label']}".strip())
        values = [programme] + ([group["label"]] if labelled else [])
        values += [group["date"] or None] if dated else []
        values += [", ".join(communes), len(communes), _population(ctx.index, communes)]
        feature = QgsFeature(fields)
        feature.setAttributes(values)
        feature.setGeometry(as_polygons(QgsGeometry.unaryUnion([g for g, _p in found])) if found else QgsGeometry())
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    report_unmapped(tally, request.info)
    if missing:
        request.info.warnings.append(
            tr("{title}: {n} communes have no outline here (their programmes are drawn without them): {codes}").format(
                title=request.info.title, n=len(missing), codes=", ".join(sorted(missing)[:10])
            )
        )
    if request.info.undrawn:
        request.info.warnings.append(
            tr("{title}: {n} listed without geometry, none of their communes has an outline here: {programmes}").format(
                title=request.info.title, n=len(request.info.undrawn), programmes=", ".join(request.info.undrawn)
            )
        )
    return layer


def premises_layer(ctx: BuildContext, request: BuildRequest) -> QgsVectorLayer:
    """The territory's communes with their premises counts and the shares computed from them."""
    premises, tally = read_premises(request.files[0].path, request.files[1].path, ctx.index.codes, request.source.id)
    fields = QgsFields()
    for name, kind in PREMISES_FIELDS:
        fields.append(QgsField(name, kind))
    layer = memory_layer(WKB_MULTIPOLYGON, request.target, fields, request.source.id)
    outlines = ctx.commune_layer(request.territory, request.target)
    code_name = _code_field(outlines)
    features = []
    for outline in outlines.getFeatures():
        code = outline[code_name]
        found = premises.get(code)
        feature = QgsFeature(fields)
        commune_name = ctx.index.communes.get(code, {}).get("nom")  # the file's names are damaged
        if found is None:
            feature.setAttributes([code, commune_name] + [None] * (len(PREMISES_FIELDS) - 2))
        else:
            feature.setAttributes(
                [code, commune_name, found.premises, found.ftth, found.ftth_share, found.without_wired_30]
                + [found.without_wired_30_share, found.date or None]
            )
        feature.setGeometry(as_polygons(outline.geometry()))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    report_unmapped(tally, request.info)
    return layer


def _code_field(outlines: QgsVectorLayer) -> str:
    """The commune code's field of an outline layer."""
    wanted = {"code": get_source("communes").columns["code"]}
    return resolve_columns(outlines.fields().names(), wanted, "communes", "communes")["code"]


def _population(index: TerritoryIndex, communes: list[str]) -> int:
    """A programme's population: the national table's for each of its communes, drawn or not
    (the outlines carry the same, see native_layers._table_population)."""
    return sum(int(index.communes.get(code, {}).get("population") or 0) for code in communes)


def commune_outlines(
    ctx: BuildContext, territory: Territory, groups: Mapping[str, dict], target: QgsCoordinateReferenceSystem
) -> dict[str, tuple]:
    """code -> (geometry, population) for the communes the groups refer to."""
    if territory.is_country:
        wanted_deps = {
            ctx.index.communes[c]["codeDepartement"]
            for g in groups.values()
            for c in g["communes"]
            if c in ctx.index.communes
        }
        # Only the départements the programme touches: not 101 requests for a few towns.
        territory = dataclasses.replace(ctx.index.country(), departement_codes=tuple(sorted(wanted_deps)))
    layer = ctx.commune_layer(territory, target)
    code = _code_field(layer)
    return {f[code]: (f.geometry(), f["population"]) for f in layer.getFeatures()}
