"""Who lives too far from a facility: the engine of anct:service_gap and anct:mobile_coverage_gap.

Population units (polygons or points, or the catalogue's communes) are placed at one origin
each, measured in a projected CRS, and matched to the nearest facility in one pass: a k-d tree
in straight line, one multi-source Dijkstra on the road graph. Units are read, measured and
written in chunks, so a 2-million-cell grid stays in bounded memory.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol, Union

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsWkbTypes,
)

from ..compat import FAST_INSERT, FIELD_DOUBLE, FIELD_INT, FIELD_STRING, GEOMETRY_POINT, WKB_NOGEOMETRY, is_metres
from ..core.errors import AnctError, CancelledError
from ..core.memory import cyclic_gc_paused
from ..core.published.territories import METROPOLE_CRS, OVERSEAS_BOXES, Territory, crs_for_lonlat, crs_zones
from ..core.service import AnctData
from ..diagnostics.gap import SUMMARY_COLUMNS, facility_kind, road_gap, straight_gap, summarise
from ..diagnostics.nearest import NearestIndex, ZonedNearestIndex
from ..diagnostics.vocabulary import DEFAULT_KINDS
from .i18n import tr
from .layer_reading import WGS84, crs_of, features_unchecked, lonlat_extent, report_progress
from .origins import origin_points, project_xy
from .road_times import NETWORK_PROGRESS, NetworkOptions, RoadArea, road_travel_times
from .unit_pass import UnitPass, text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..diagnostics.gap import GapResult

# Units are handled a thousand at a time: each chunk is walked several times (place, read, write),
# and a small one is still in the CPU cache on the next walk (2.3 M cells: 22 s against 34 s with
# chunks of 50,000). Memory stays bounded and Cancel answers within a chunk.
CHUNK = 1_000
LARGE = 1_000_000
DEP_FIELDS = ("codeDepartement", "insee_dep", "code_insee_du_departement", "dep")
EPCI_FIELDS = ("codeEpci", "siren_epci", "epci")
COMMUNE_LIST_FIELDS = ("lcog_geo", "LCOG_GEO")  # Filosofi grid: the codes of the communes a cell touches
ID_FIELDS = ("code", "insee_com", "idcar_200m", "id", "fid")
FACILITY_ID_FIELDS = ("id_fs", "num_site", "id", "fid")
FACILITY_NAME_FIELDS = ("lib_fs", "nom_op", "name", "nom", "lib")

FeatureTest = Callable[[QgsFeature], bool]


class Sinks(Protocol):
    """Where the outputs go (the algorithm's AtomicOutputs): ``sink`` answers (None, "") for an
    output not asked for, ``required_sink`` raises."""

    def sink(
        self,
        name: str,
        fields: QgsFields,
        wkb_type: QgsWkbTypes.Type,
        crs: QgsCoordinateReferenceSystem,
        **options: Any,
    ) -> tuple: ...

    def required_sink(
        self,
        name: str,
        fields: QgsFields,
        wkb_type: QgsWkbTypes.Type,
        crs: QgsCoordinateReferenceSystem,
        **options: Any,
    ) -> tuple: ...


@dataclass(frozen=True)
class FranceServicesKinds:
    """France services sites that count, by kind (fixed, antenna, bus, itinerant)."""

    kinds: frozenset = frozenset()  # empty: DEFAULT_KINDS

    def test(self, fields: QgsFields) -> FeatureTest:
        if "format_fs" not in fields.names() and "type_fs" not in fields.names():
            return lambda feature: True
        kinds = self.kinds or frozenset(DEFAULT_KINDS)
        type_at = fields.indexOf("type_fs")
        format_at = fields.indexOf("format_fs")
        return lambda feature: (
            facility_kind(feature[type_at] if type_at >= 0 else "", feature[format_at] if format_at >= 0 else "")
            in kinds
        )


@dataclass(frozen=True)
class MobileSiteKind:
    """Mobile sites that count: 4g (site_4g = 1), targeted (site_DCC = 1) or all."""

    kind: str = "4g"

    def test(self, fields: QgsFields) -> FeatureTest:
        column = {"4g": "site_4g", "targeted": "site_dcc"}.get(self.kind)
        if column is None:
            return lambda feature: True
        at = next((i for i, name in enumerate(fields.names()) if name.lower() == column), -1)
        if at < 0:
            raise AnctError(
                tr("SITE_KIND={kind} needs the field {field} in the mobile sites.").format(kind=self.kind, field=column)
            )
        return lambda feature: str(feature[at]).strip() in ("1", "1.0", "True", "true")


@dataclass(frozen=True)
class Facilities:
    """The facilities measured to: a point source, or (None) the catalogue layer of the whole
    country; ``kinds`` tells which of them count."""

    source: Optional[QgsFeatureSource]
    catalogue_layer: str
    kinds: Union[FranceServicesKinds, MobileSiteKind]


@dataclass(frozen=True)
class Origins:
    """Where a polygon's people are placed: point_on_surface, centroid, or matched_points (the
    point of ``points`` whose ``points_code_field`` equals the unit's ``units_code_field``)."""

    placement: str = "point_on_surface"
    points: Optional[QgsFeatureSource] = None
    points_code_field: str = ""
    units_code_field: str = ""


@dataclass(frozen=True)
class ServiceGapRequest:
    """One measure: the population (a source, else the communes of ``territory_text``), the
    facilities, straight or road ``mode`` and the ``threshold`` (km, or minutes by road)."""

    mode: str
    threshold: float
    territory_text: str
    population: Optional[QgsFeatureSource]
    population_field: str
    origins: Origins
    facilities: Facilities
    network: NetworkOptions = field(default_factory=NetworkOptions)


@dataclass(frozen=True)
class ServiceGapResult:
    """Destination ids as the sinks named them, and the figures of the run."""

    output: str
    units: int
    population_beyond: float
    network_source: str
    summary: Optional[str]
    style: str  # the QML style of the output
    units_off_network: int = 0  # road mode: units farther from the network than the access limit
    facilities_off_network: int = 0  # road mode: facilities left out for the same reason


@dataclass(frozen=True)
class _LevelNames:
    """Names of départements and EPCI, and each commune's (département, EPCI)."""

    departements: dict = field(default_factory=dict)
    epci: dict = field(default_factory=dict)
    commune_levels: dict = field(default_factory=dict)


def _first_field(fields: QgsFields, candidates: Sequence[str]) -> Optional[str]:
    names = fields.names()
    return next((name for name in candidates if name in names), None)


def measure_service_gap(
    request: ServiceGapRequest, sinks: Sinks, context: QgsProcessingContext, feedback: QgsProcessingFeedback
) -> ServiceGapResult:
    """Measure every unit to its nearest facility, write it to the OUTPUT sink and the summary by
    département and EPCI to the SUMMARY sink (when asked for)."""
    with cyclic_gc_paused():
        return _measure(request, sinks, context, feedback)


def _measure(
    request: ServiceGapRequest, sinks: Sinks, context: QgsProcessingContext, feedback: QgsProcessingFeedback
) -> ServiceGapResult:
    data = AnctData()
    territory_text = request.territory_text.strip()
    territory = data.resolve_territory(territory_text, feedback) if territory_text else None
    population = request.population
    if population is None:
        if territory is None:
            raise AnctError(tr("Give POPULATION or a TERRITORY whose communes are the population."))
        feedback.pushInfo(tr("Population: the communes of {territory}").format(territory=territory.label))
        population = data.build_layer("communes", territory, feedback=feedback).layer
    crs = _measure_crs(population, territory, context)
    # A national run holds overseas units: in straight line each zone is measured in its own
    # CRS, so origins and facilities travel in longitude/latitude until their zone projects them.
    zoned = request.mode == "straight" and crs.authid() == METROPOLE_CRS and _reaches_overseas(population, context)
    if zoned:
        crs = WGS84
        feedback.pushInfo(
            tr("Distances measured in EPSG:2154 in metropolitan France and in each overseas département's own CRS")
        )
    else:
        feedback.pushInfo(tr("Distances measured in {crs}").format(crs=crs.authid()))
    pop_field = request.population_field or "population"
    if pop_field not in population.fields().names():
        raise AnctError(
            tr("The population layer has no field '{field}'. Fields: {fields}").format(
                field=pop_field, fields=", ".join(population.fields().names())
            )
        )
    facilities, names = _facilities(request.facilities, context, data, crs, feedback)
    network_source = ""
    progress_start = 0.0  # the progress bar's share taken before the units (reading the network)
    threshold = request.threshold
    facilities_off = 0
    if request.mode == "road":
        times, network_source = road_travel_times(
            request.network,
            context,
            RoadArea(data, territory, population),
            crs,
            facilities,
            feedback,
            [" ".join(filter(None, pair)) for pair in names],
        )
        facilities_off = int(times.facility_off.sum())
        progress_start = NETWORK_PROGRESS
        matcher = lambda points: road_gap(times, points, threshold)  # noqa: E731
    else:
        index = _zoned_index(facilities, context) if zoned else NearestIndex(facilities)
        matcher = lambda points: straight_gap(index, points, threshold)  # noqa: E731
    level_names = _level_names(data, territory, population.fields())
    result = _measure_units(
        request, sinks, context, feedback, population, crs, matcher, names, level_names, progress_start, network_source
    )
    return dataclasses.replace(result, facilities_off_network=facilities_off)


def _level_names(data: AnctData, territory: Optional[Territory], fields: QgsFields) -> _LevelNames:
    """Names of départements and EPCI for the summary, and each commune's (département, EPCI)
    for units that only list their communes (the grid), from the cache only: a user's layer
    must not wait for the network to print names (codes only when they are not cached)."""
    if _first_field(fields, DEP_FIELDS + EPCI_FIELDS + COMMUNE_LIST_FIELDS) is None:
        return _LevelNames()
    try:
        index = data.territory_index() if territory is not None else data.with_settings(offline=True).territory_index()
    except AnctError:
        return _LevelNames()
    communes = (
        {
            code: (commune.get("codeDepartement") or "", commune.get("codeEpci") or "")
            for code, commune in index.communes.items()
        }
        if _first_field(fields, COMMUNE_LIST_FIELDS)
        else {}
    )
    return _LevelNames(
        {code: name for code, (name, _r) in index.departements.items()}, dict(index.epci_names), communes
    )


def _measure_crs(
    population: QgsFeatureSource, territory: Optional[Territory], context: QgsProcessingContext
) -> QgsCoordinateReferenceSystem:
    if territory is not None:
        return QgsCoordinateReferenceSystem(territory.crs)
    source_crs = crs_of(population, tr("population"))
    if is_metres(source_crs) and "+proj=merc" not in source_crs.toProj():
        return source_crs  # projected in metres (not Mercator, which stretches distances): measure there
    center = lonlat_extent(population, context).center()
    return QgsCoordinateReferenceSystem(crs_for_lonlat(center.x(), center.y()))


def _reaches_overseas(population: QgsFeatureSource, context: QgsProcessingContext) -> bool:
    try:
        extent = lonlat_extent(population, context)
    except QgsCsException:
        return False
    return any(extent.intersects(QgsRectangle(*box)) for box in OVERSEAS_BOXES.values())


def _zoned_index(facility_lonlat: np.ndarray, context: QgsProcessingContext) -> ZonedNearestIndex:
    transforms = {}

    def project(zone: str, lonlat: np.ndarray) -> np.ndarray:
        if zone not in transforms:
            transforms[zone] = QgsCoordinateTransform(
                WGS84, QgsCoordinateReferenceSystem(zone), context.transformContext()
            )
        return project_xy(lonlat, transforms[zone])

    return ZonedNearestIndex(facility_lonlat, crs_zones, project)


def _facilities(
    wanted: Facilities,
    context: QgsProcessingContext,
    data: AnctData,
    crs: QgsCoordinateReferenceSystem,
    feedback: QgsProcessingFeedback,
) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """(m×2 array in the measuring CRS, list of (id, name))."""
    source = wanted.source
    if source is None:
        feedback.pushInfo(tr("Facilities: {layer} of the whole country").format(layer=wanted.catalogue_layer))
        country = data.territory_index(feedback).country()
        source = data.build_layer(wanted.catalogue_layer, country, crs.authid(), feedback).layer
    source_crs = crs_of(source, tr("facilities"))
    transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
    keep = wanted.kinds.test(source.fields())
    id_field = _first_field(source.fields(), FACILITY_ID_FIELDS)
    name_field = _first_field(source.fields(), FACILITY_NAME_FIELDS)
    features = [feature for feature in source.getFeatures() if keep(feature)]
    if feedback.isCanceled():
        raise CancelledError(tr("Cancelled."))
    xy = origin_points([feature.geometry() for feature in features], "point", transform)
    placed = np.isfinite(xy[:, 0])
    points = xy[placed]
    names = [
        (text(feature[id_field]) if id_field else str(feature.id()), text(feature[name_field]) if name_field else "")
        for feature, ok in zip(features, placed.tolist())
        if ok
    ]
    if not names:
        raise AnctError(tr("No facility left to measure to (check FACILITIES and FACILITY_FILTER)."))
    feedback.pushInfo(tr("{n} facilities").format(n=len(points)))
    return points, names


def _origin_lookup(
    origins: Origins, context: QgsProcessingContext, crs: QgsCoordinateReferenceSystem, population_fields: QgsFields
) -> Optional[dict[str, tuple[float, float]]]:
    if origins.placement != "matched_points":
        return None
    points = origins.points
    code_field = origins.points_code_field or "code"
    if points is None or code_field not in points.fields().names():
        raise AnctError(
            tr("ORIGIN=matched_points needs ORIGIN_POINTS with the field '{field}'.").format(field=code_field)
        )
    unit_field = origins.units_code_field or "code"
    if unit_field not in population_fields.names():
        raise AnctError(
            tr("ORIGIN=matched_points needs the field '{field}' in POPULATION (POPULATION_CODE_FIELD).").format(
                field=unit_field
            )
        )
    transform = QgsCoordinateTransform(crs_of(points, tr("origin points")), crs, context.transformContext())
    lookup = {}
    for feature in points.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        point = geometry.centroid().asPoint()
        lookup[str(feature[code_field])] = (point.x(), point.y())
    return lookup


# --- the pass over the units -------------------------------------------------------
def output_fields(id_field: Optional[str]) -> QgsFields:
    """The fields of the OUTPUT layer, the unit's id under ``id_field``."""
    fields = QgsFields()
    # A GeoPackage's own "fid" cannot be written as text: call it unit_id.
    unit_id = id_field if id_field and id_field.lower() != "fid" else "unit_id"
    for name, kind in (
        (unit_id, FIELD_STRING),
        ("population", FIELD_DOUBLE),
        ("departement", FIELD_STRING),
        ("epci", FIELD_STRING),
        ("facility_id", FIELD_STRING),
        ("facility_name", FIELD_STRING),
        ("distance_m", FIELD_DOUBLE),
        ("time_min", FIELD_DOUBLE),
        ("access_m", FIELD_DOUBLE),
        ("beyond_threshold", FIELD_INT),
        ("access_min", FIELD_DOUBLE),
        ("off_network", FIELD_INT),
    ):
        fields.append(QgsField(name, kind))
    return fields


def _measure_units(
    request: ServiceGapRequest,
    sinks: Sinks,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    population: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    matcher: Callable[[np.ndarray], GapResult],
    names: list[tuple[str, str]],
    level_names: _LevelNames,
    progress_start: float,
    network_source: str,
) -> ServiceGapResult:
    mode, threshold = request.mode, request.threshold
    fields = population.fields()
    id_field = _first_field(fields, ID_FIELDS)
    dep_field, epci_field = _first_field(fields, DEP_FIELDS), _first_field(fields, EPCI_FIELDS)
    origin_lookup = _origin_lookup(request.origins, context, crs, fields)
    code_field = request.origins.units_code_field or id_field
    # Without a département field, INSEE's grid still says which communes a cell touches.
    commune_list_field = _first_field(fields, COMMUNE_LIST_FIELDS) if dep_field is None else None
    columns = {
        name: fields.indexOf(field) if field else -1
        for name, field in (
            ("population", request.population_field or "population"),
            ("id", id_field),
            ("departement", dep_field),
            ("epci", epci_field),
            ("code", code_field),
            ("communes", commune_list_field),
        )
    }
    source_crs = crs_of(population, tr("population"))
    transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
    total = population.featureCount()
    # Building the R-tree of a GeoPackage of millions of cells costs as much as the whole
    # measure: above LARGE units it is left to the user (Layer Properties > Create spatial index).
    layer_options = ["SPATIAL_INDEX=NO"] if total > LARGE else []
    if layer_options:
        feedback.pushInfo(
            tr(
                "{n} units: a GeoPackage output is written without spatial index; create it "
                "from the layer properties if you need one."
            ).format(n=total)
        )
    sink, dest_id = sinks.required_sink(
        "OUTPUT", output_fields(id_field), population.wkbType(), source_crs, layerOptions=layer_options
    )
    wanted = [index for index in columns.values() if index >= 0]
    request_attributes = QgsFeatureRequest().setSubsetOfAttributes(sorted(set(wanted)))
    if QgsWkbTypes.geometryType(population.wkbType()) == GEOMETRY_POINT:
        placement = "point"
    else:
        placement = "centroid" if request.origins.placement == "centroid" else "point_on_surface"
    units = UnitPass(
        sink, columns, placement, transform, origin_lookup, matcher, names, mode, level_names.commune_levels
    )
    features = features_unchecked(population, request_attributes)
    done = 0
    while True:
        if feedback.isCanceled():
            raise CancelledError(tr("Cancelled."))
        chunk = list(itertools.islice(features, CHUNK))
        if not chunk:
            break
        done += units.add(chunk)
        report_progress(feedback, done, total, progress_start)
    if done == 0:
        raise AnctError(tr("The population layer is empty."))
    off_network = units.problems["off_network"]
    if off_network == done:
        raise AnctError(
            tr(
                "Every unit is more than {km:g} km from the road network (MAX_ACCESS_KM): the network does not "
                "cover the population. Give the NETWORK of the units' area, or none (BD TOPO is then fetched)."
            ).format(km=request.network.max_access_m / 1000)
        )
    _report_problems(units.problems, feedback, request.network.max_access_m / 1000)
    del sink, units.sink  # closes the output file before it is moved into place
    kept = {name: np.concatenate(arrays) for name, arrays in units.kept.items()}
    from_communes = columns["communes"] >= 0
    levels = {
        level: (kept[key], names_of_level)
        for level, key, names_of_level in (
            ("departement", "dep", level_names.departements),
            ("epci", "epci", level_names.epci),
        )
        if columns[level] >= 0 or from_communes
    }
    table = summarise(levels, kept["pop"], kept["beyond"], kept["measure"])
    pop_beyond = float(table.loc[table["level"] == "total", "population_beyond"].sum())
    feedback.pushInfo(
        tr("{pop:,.0f} inhabitants beyond {threshold:g} {unit} ({units} units of {total})").format(
            pop=pop_beyond,
            threshold=threshold,
            unit="km" if mode == "straight" else "min",
            units=int(kept["beyond"].sum()),
            total=done,
        )
    )
    fields_of_summary = summary_fields()
    summary_sink, summary_id = sinks.sink("SUMMARY", fields_of_summary, WKB_NOGEOMETRY, QgsCoordinateReferenceSystem())
    if summary_sink is None:
        summary_id = None
    else:
        for row in table.itertuples(index=False):
            feature = QgsFeature(fields_of_summary)
            feature.setAttributes([_plain(value) for value in row])
            summary_sink.addFeature(feature, FAST_INSERT)
        del summary_sink  # closed before it is moved into place
    style = ("service_gap_road" if mode == "road" else "service_gap") + ("_points" if placement == "point" else "")
    return ServiceGapResult(dest_id, done, pop_beyond, network_source, summary_id, style, off_network)


def summary_fields() -> QgsFields:
    """The fields of the SUMMARY table (diagnostics.gap.SUMMARY_COLUMNS)."""
    fields = QgsFields()
    for name in SUMMARY_COLUMNS:
        kind = FIELD_STRING if name in ("level", "code", "name") else FIELD_DOUBLE
        fields.append(QgsField(name, kind))
    return fields


def _report_problems(problems: dict[str, int], feedback: QgsProcessingFeedback, max_access_km: float) -> None:
    messages = {
        "null": tr("{n} units with a NULL or non-numeric population counted as 0"),
        "negative": tr("{n} units with a negative population counted as 0"),
        "unmatched": tr("{n} units without an origin point placed at their point on surface"),
        "empty": tr("{n} units without geometry left out"),
        "off_network": tr(
            "{n} units are more than {km:g} km from any drivable road of the network (MAX_ACCESS_KM): not "
            "reached, counted beyond the threshold (off_network = 1)"
        ),
    }
    for key, count in problems.items():
        if count:
            feedback.pushWarning(messages[key].format(n=count, km=max_access_km))


def _plain(value: Any) -> Any:
    if isinstance(value, (np.floating, np.integer)):
        return None if not np.isfinite(value) else float(value)
    return value
