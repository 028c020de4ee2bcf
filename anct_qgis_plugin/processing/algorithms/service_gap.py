"""anct:service_gap and anct:mobile_coverage_gap — who lives too far from a facility.

Population units (polygons or points, or the catalogue's communes) are placed at one origin
each, measured in a projected CRS, and matched to the nearest facility in one pass: a k-d tree
in straight line, one multi-source Dijkstra on the road graph. Units are read, measured and
written in chunks, so a 2-million-cell grid stays in bounded memory.
"""
import itertools

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsWkbTypes,
)

from ...compat import (
    FAST_INSERT,
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POINT,
    NUMBER_DOUBLE,
    SOURCE_VECTOR_ANY,
    SOURCE_VECTOR_GEOMETRY,
    SOURCE_VECTOR_POINT,
    WKB_NOGEOMETRY,
    is_metres,
)
from ...core.errors import AnctError
from ...core.memory import cyclic_gc_paused
from ...core.service import AnctData
from ...core.territories import METROPOLE_CRS, OVERSEAS_BOXES, crs_for_lonlat, crs_zones
from ...diagnostics.gap import (
    DEFAULT_KINDS,
    FACILITY_KINDS,
    SUMMARY_COLUMNS,
    facility_kind,
    road_gap,
    straight_gap,
    summarise,
)
from ...diagnostics.nearest import NearestIndex, ZonedNearestIndex
from .atomic_outputs import atomic_outputs
from .base import AnctAlgorithm, tr
from .layer_reading import WGS84, crs_of, features_unchecked, lonlat_extent, report_progress
from .origins import origin_points, project_xy
from .post_processing import LoadedLayerPostProcessor
from .road_matcher import NETWORK_PROGRESS, RoadArea, add_network_parameters, road_travel_times
from .unit_pass import UnitPass, text

# Units are handled a thousand at a time: each chunk is walked several times (place, read, write),
# and a small one is still in the CPU cache on the next walk (2.3 M cells: 22 s against 34 s with
# chunks of 50,000). Memory stays bounded and Cancel answers within a chunk.
CHUNK = 1_000
LARGE = 1_000_000
ORIGINS = ("point_on_surface", "centroid", "matched_points")
MODES = ("straight", "road")
DEP_FIELDS = ("codeDepartement", "insee_dep", "code_insee_du_departement", "dep")
EPCI_FIELDS = ("codeEpci", "siren_epci", "epci")
COMMUNE_LIST_FIELDS = ("lcog_geo", "LCOG_GEO")  # Filosofi grid: the codes of the communes a cell touches
ID_FIELDS = ("code", "insee_com", "idcar_200m", "id", "fid")
FACILITY_ID_FIELDS = ("id_fs", "num_site", "id", "fid")
FACILITY_NAME_FIELDS = ("lib_fs", "nom_op", "name", "nom", "lib")


def _first_field(fields, candidates):
    names = fields.names()
    return next((name for name in candidates if name in names), None)


class ServiceGapAlgorithm(AnctAlgorithm):
    group_id = "diagnostics"
    progress_start = 0.0  # the progress bar's share taken before the units (reading the network)
    facility_layer = "france_services"
    default_threshold = {"straight": 20.0, "road": 30.0}

    def name(self):
        return "service_gap"

    def displayName(self):
        return tr("Service gap (France services)")

    # --- parameters ------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        self.add_help(QgsProcessingParameterString("TERRITORY", tr("Territory"), optional=True), tr(
            "Territory whose communes are the population when POPULATION is empty (FR, 36, reg:24, "
            "a SIREN, a commune code or a name); also gives the CRS to measure in."))
        self.add_help(QgsProcessingParameterFeatureSource(
            "POPULATION", tr("Population units"), [SOURCE_VECTOR_GEOMETRY], optional=True), tr(
            "Polygons or points carrying a population (communes, IRIS, INSEE's Filosofi 200 m grid in "
            "EPSG:3035…). Empty: the communes of TERRITORY from the catalogue."))
        self.add_help(QgsProcessingParameterField(
            "POPULATION_FIELD", tr("Population field"), "population", "POPULATION", optional=True), tr(
            "Numeric field of inhabitants (population for communes, ind for the Filosofi grid)."))
        origin = QgsProcessingParameterEnum("ORIGIN", tr("Where a polygon's people are placed"), options=list(ORIGINS),
                                            defaultValue="point_on_surface")
        origin.setUsesStaticStrings(True)
        self.add_help(origin, tr("point_on_surface (default, always inside), centroid, or matched_points: a point "
                                 "layer matched by code (town halls, for instance)."), advanced=True)
        self.add_help(QgsProcessingParameterFeatureSource(
            "ORIGIN_POINTS", tr("Origin points (matched by code)"), [SOURCE_VECTOR_POINT], optional=True),
            tr("Used with ORIGIN=matched_points; units without a point fall back to point on surface."), advanced=True)
        self.add_help(QgsProcessingParameterField("ORIGIN_CODE_FIELD", tr("Code field of the origin points"),
                                                  "code", "ORIGIN_POINTS", optional=True),
                      tr("Field of ORIGIN_POINTS holding the unit's code."), advanced=True)
        self.add_help(QgsProcessingParameterField("POPULATION_CODE_FIELD", tr("Code field of the units"),
                                                  "code", "POPULATION", optional=True),
                      tr("Field of POPULATION matched with ORIGIN_CODE_FIELD."), advanced=True)
        self._facility_parameters()
        mode = QgsProcessingParameterEnum("MODE", tr("Distance"), options=list(MODES), defaultValue="straight")
        mode.setUsesStaticStrings(True)
        self.add_help(mode, tr("straight: straight-line distance; road: travel time on NETWORK."))
        add_network_parameters(self)
        self.add_help(QgsProcessingParameterNumber("THRESHOLD", tr("Threshold (km, or minutes by road)"),
                                                   NUMBER_DOUBLE, None, optional=True, minValue=0.0),
                      self._threshold_help())
        self.add_help(QgsProcessingParameterFeatureSink("OUTPUT", tr("Units with their nearest facility"),
                                                        SOURCE_VECTOR_GEOMETRY),
                      tr("Every unit with facility_id, facility_name, distance_m, time_min (road), access_m "
                         "(road: unit to the network) and beyond_threshold."))
        self.addOutput(QgsProcessingOutputNumber("UNITS", tr("Units measured")))
        self.addOutput(QgsProcessingOutputNumber("POPULATION_BEYOND", tr("Population beyond the threshold")))
        self.addOutput(QgsProcessingOutputString("NETWORK_SOURCE", tr("Road network used (road mode)")))
        self.add_help(QgsProcessingParameterFeatureSink("SUMMARY", tr("Summary by département and EPCI"),
                                                        SOURCE_VECTOR_ANY, optional=True),
                      tr("Population, population beyond the threshold, its share, units beyond and the worst "
                         "distance (m) or time (min), by département, by EPCI and in total."))

    def _threshold_help(self):
        return tr("Default: 20 km in straight line, 30 minutes by road (the national goal for France services).")

    def _facility_parameters(self):
        self.add_help(QgsProcessingParameterFeatureSource(
            "FACILITIES", tr("Facilities"), [SOURCE_VECTOR_POINT], optional=True), tr(
            "Points. Empty: France services sites of the whole country, so that border residents find "
            "sites across the border."))
        kinds = QgsProcessingParameterEnum("FACILITY_FILTER", tr("Sites that count"), options=list(FACILITY_KINDS),
                                           allowMultiple=True, defaultValue=list(DEFAULT_KINDS))
        kinds.setUsesStaticStrings(True)
        self.add_help(kinds, tr("fixed (Fixe, Multisites), antenna, bus, itinerant. Default: fixed sites and "
                                "antennas, not buses or itinerant services, which are not there every day. "
                                "Applies when the facilities have format_fs/type_fs fields."))

    # --- run -------------------------------------------------------------------------
    def run_algorithm(self, parameters, context, feedback):
        with atomic_outputs(self, parameters, context) as outputs, cyclic_gc_paused():
            results = self._run(outputs, context, feedback)
        self._style_on_load(context, results)
        return results

    def _run(self, outputs, context, feedback):
        parameters = outputs.parameters
        mode = self.parameterAsEnumString(parameters, "MODE", context)
        threshold = parameters.get("THRESHOLD")
        threshold = self.parameterAsDouble(parameters, "THRESHOLD", context) if threshold not in (None, "") \
            else self.default_threshold[mode]
        data = AnctData()
        territory_text = self.parameterAsString(parameters, "TERRITORY", context).strip()
        territory = data.resolve_territory(territory_text, feedback) if territory_text else None
        population = self.parameterAsSource(parameters, "POPULATION", context)
        if population is None and territory is None:
            raise QgsProcessingException(tr("Give POPULATION or a TERRITORY whose communes are the population."))
        if population is None:
            feedback.pushInfo(tr("Population: the communes of {territory}").format(territory=territory.label))
            population = data.build_layer("communes", territory, feedback=feedback).layer
        crs = self._measure_crs(population, territory, context)
        # A national run holds overseas units: in straight line each zone is measured in its own
        # CRS, so origins and facilities travel in longitude/latitude until their zone projects them.
        zoned = mode == "straight" and crs.authid() == METROPOLE_CRS and self._reaches_overseas(population, context)
        if zoned:
            crs = WGS84
            feedback.pushInfo(tr("Distances measured in EPSG:2154 in metropolitan France and in each overseas "
                                 "département's own CRS"))
        else:
            feedback.pushInfo(tr("Distances measured in {crs}").format(crs=crs.authid()))
        pop_field = self.parameterAsString(parameters, "POPULATION_FIELD", context) or "population"
        if pop_field not in population.fields().names():
            raise QgsProcessingException(tr("The population layer has no field '{field}'. Fields: {fields}").format(
                field=pop_field, fields=", ".join(population.fields().names())))
        facilities, names = self._facilities(parameters, context, data, crs, feedback)
        network_source = ""
        if mode == "road":
            times, network_source = road_travel_times(self, parameters, context, RoadArea(data, territory, population),
                                                      crs, facilities, feedback)
            self.progress_start = NETWORK_PROGRESS
            matcher = lambda points: road_gap(times, points, threshold)  # noqa: E731
        else:
            index = self._zoned_index(facilities, context) if zoned else NearestIndex(facilities)
            matcher = lambda points: straight_gap(index, points, threshold)  # noqa: E731
        self.level_names = self._level_names(data, territory, population.fields())
        results = self._measure_units(outputs, context, feedback, population, pop_field, crs, matcher,
                                      names, mode, threshold)
        results["NETWORK_SOURCE"] = network_source
        return results

    @staticmethod
    def _level_names(data, territory, fields):
        """Names of départements and EPCI for the summary, and each commune's (département, EPCI)
        for units that only list their communes (the grid), from the cache only: a user's layer
        must not wait for the network to print names (codes only when they are not cached)."""
        if _first_field(fields, DEP_FIELDS + EPCI_FIELDS + COMMUNE_LIST_FIELDS) is None:
            return {}, {}, {}
        try:
            index = data.territory_index() if territory is not None else \
                data.with_settings(offline=True).territory_index()
        except AnctError:
            return {}, {}, {}
        communes = {code: (commune.get("codeDepartement") or "", commune.get("codeEpci") or "")
                    for code, commune in index.communes.items()} \
            if _first_field(fields, COMMUNE_LIST_FIELDS) else {}
        return {code: name for code, (name, _r) in index.departements.items()}, dict(index.epci_names), communes

    def _measure_crs(self, population, territory, context):
        if territory is not None:
            return QgsCoordinateReferenceSystem(territory.crs)
        source_crs = crs_of(population, tr("population"))
        if is_metres(source_crs) and "+proj=merc" not in source_crs.toProj():
            return source_crs  # projected in metres (not Mercator, which stretches distances): measure there
        center = lonlat_extent(population, context).center()
        return QgsCoordinateReferenceSystem(crs_for_lonlat(center.x(), center.y()))

    @staticmethod
    def _reaches_overseas(population, context):
        try:
            extent = lonlat_extent(population, context)
        except QgsCsException:
            return False
        return any(extent.intersects(QgsRectangle(*box)) for box in OVERSEAS_BOXES.values())

    @staticmethod
    def _zoned_index(facility_lonlat, context):
        transforms = {}

        def project(zone, lonlat):
            if zone not in transforms:
                transforms[zone] = QgsCoordinateTransform(WGS84, QgsCoordinateReferenceSystem(zone),
                                                          context.transformContext())
            return project_xy(lonlat, transforms[zone])
        return ZonedNearestIndex(facility_lonlat, crs_zones, project)

    def _facilities(self, parameters, context, data, crs, feedback):
        """(m×2 array in the measuring CRS, list of (id, name))."""
        source = self.parameterAsSource(parameters, "FACILITIES", context)
        if source is None:
            feedback.pushInfo(tr("Facilities: {layer} of the whole country").format(layer=self.facility_layer))
            country = data.territory_index(feedback).country()
            source = data.build_layer(self.facility_layer, country, crs.authid(), feedback).layer
        source_crs = crs_of(source, tr("facilities"))
        transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
        keep = self._facility_filter(parameters, context, source.fields())
        id_field = _first_field(source.fields(), FACILITY_ID_FIELDS)
        name_field = _first_field(source.fields(), FACILITY_NAME_FIELDS)
        features = [feature for feature in source.getFeatures() if keep(feature)]
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))
        xy = origin_points([feature.geometry() for feature in features], "point", transform)
        placed = np.isfinite(xy[:, 0])
        points = xy[placed]
        names = [(text(feature[id_field]) if id_field else str(feature.id()),
                  text(feature[name_field]) if name_field else "")
                 for feature, ok in zip(features, placed.tolist()) if ok]
        if not names:
            raise QgsProcessingException(tr("No facility left to measure to (check FACILITIES and FACILITY_FILTER)."))
        feedback.pushInfo(tr("{n} facilities").format(n=len(points)))
        return points, names

    def _facility_filter(self, parameters, context, fields):
        kinds = set(self.parameterAsEnumStrings(parameters, "FACILITY_FILTER", context) or DEFAULT_KINDS)
        if "format_fs" not in fields.names() and "type_fs" not in fields.names():
            return lambda feature: True
        type_at = fields.indexOf("type_fs")
        format_at = fields.indexOf("format_fs")
        return lambda feature: facility_kind(feature[type_at] if type_at >= 0 else "",
                                             feature[format_at] if format_at >= 0 else "") in kinds

    def _origin_lookup(self, parameters, context, crs, population_fields):
        if self.parameterAsEnumString(parameters, "ORIGIN", context) != "matched_points":
            return None
        points = self.parameterAsSource(parameters, "ORIGIN_POINTS", context)
        code_field = self.parameterAsString(parameters, "ORIGIN_CODE_FIELD", context) or "code"
        if points is None or code_field not in points.fields().names():
            raise QgsProcessingException(tr("ORIGIN=matched_points needs ORIGIN_POINTS with the field '{field}'.")
                                         .format(field=code_field))
        unit_field = self.parameterAsString(parameters, "POPULATION_CODE_FIELD", context) or "code"
        if unit_field not in population_fields.names():
            raise QgsProcessingException(tr("ORIGIN=matched_points needs the field '{field}' in POPULATION "
                                            "(POPULATION_CODE_FIELD).").format(field=unit_field))
        transform = QgsCoordinateTransform(crs_of(points, tr("origin points")), crs, context.transformContext())
        lookup = {}
        for feature in points.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(transform)
            point = geometry.centroid().asPoint()
            lookup[str(feature[code_field])] = (point.x(), point.y())
        return lookup

    # --- the pass over the units -------------------------------------------------------
    def _output_fields(self, id_field):
        fields = QgsFields()
        # A GeoPackage's own "fid" cannot be written as text: call it unit_id.
        unit_id = id_field if id_field and id_field.lower() != "fid" else "unit_id"
        for name, kind in ((unit_id, FIELD_STRING), ("population", FIELD_DOUBLE),
                           ("departement", FIELD_STRING), ("epci", FIELD_STRING),
                           ("facility_id", FIELD_STRING), ("facility_name", FIELD_STRING),
                           ("distance_m", FIELD_DOUBLE), ("time_min", FIELD_DOUBLE), ("access_m", FIELD_DOUBLE),
                           ("beyond_threshold", FIELD_INT)):
            fields.append(QgsField(name, kind))
        return fields

    def _measure_units(self, outputs, context, feedback, population, pop_field, crs, matcher, names, mode,
                       threshold):
        parameters = outputs.parameters
        fields = population.fields()
        id_field = _first_field(fields, ID_FIELDS)
        dep_field, epci_field = _first_field(fields, DEP_FIELDS), _first_field(fields, EPCI_FIELDS)
        origin_lookup = self._origin_lookup(parameters, context, crs, fields)
        code_field = self.parameterAsString(parameters, "POPULATION_CODE_FIELD", context) or id_field
        # Without a département field, INSEE's grid still says which communes a cell touches.
        commune_list_field = _first_field(fields, COMMUNE_LIST_FIELDS) if dep_field is None else None
        columns = {name: fields.indexOf(field) if field else -1
                   for name, field in (("population", pop_field), ("id", id_field), ("departement", dep_field),
                                       ("epci", epci_field), ("code", code_field), ("communes", commune_list_field))}
        source_crs = crs_of(population, tr("population"))
        transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
        total = population.featureCount()
        # Building the R-tree of a GeoPackage of millions of cells costs as much as the whole
        # measure: above LARGE units it is left to the user (Layer Properties > Create spatial index).
        layer_options = ["SPATIAL_INDEX=NO"] if total > LARGE else []
        if layer_options:
            feedback.pushInfo(tr("{n} units: a GeoPackage output is written without spatial index; create it "
                                 "from the layer properties if you need one.").format(n=total))
        sink, dest_id = outputs.sink("OUTPUT", self._output_fields(id_field), population.wkbType(), source_crs,
                                     layerOptions=layer_options)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        wanted = [index for index in columns.values() if index >= 0]
        request = QgsFeatureRequest().setSubsetOfAttributes(sorted(set(wanted)))
        if QgsWkbTypes.geometryType(population.wkbType()) == GEOMETRY_POINT:
            placement = "point"
        else:
            placement = "centroid" if self.parameterAsEnumString(parameters, "ORIGIN", context) == "centroid" \
                else "point_on_surface"
        units = UnitPass(sink, columns, placement, transform, origin_lookup, matcher, names, mode,
                         self.level_names[2])
        features = features_unchecked(population, request)
        done = 0
        while True:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled."))
            chunk = list(itertools.islice(features, CHUNK))
            if not chunk:
                break
            done += units.add(chunk)
            report_progress(feedback, done, total, self.progress_start)
        if done == 0:
            raise QgsProcessingException(tr("The population layer is empty."))
        self._report_problems(units.problems, feedback)
        del sink, units.sink  # closes the output file before it is moved into place
        results = {"OUTPUT": outputs.final_id(dest_id), "UNITS": done}
        kept = {name: np.concatenate(arrays) for name, arrays in units.kept.items()}
        from_communes = columns["communes"] >= 0
        levels = {level: (kept[key], level_names) for level, key, level_names in (
            ("departement", "dep", self.level_names[0]), ("epci", "epci", self.level_names[1]))
            if columns[level] >= 0 or from_communes}
        table = summarise(levels, kept["pop"], kept["beyond"], kept["measure"])
        pop_beyond = float(table.loc[table["level"] == "total", "population_beyond"].sum())
        results["POPULATION_BEYOND"] = pop_beyond
        feedback.pushInfo(tr("{pop:,.0f} inhabitants beyond {threshold:g} {unit} ({units} units of {total})").format(
            pop=pop_beyond, threshold=threshold, unit="km" if mode == "straight" else "min",
            units=int(kept["beyond"].sum()), total=done))
        summary_sink, summary_id = outputs.sink("SUMMARY", self._summary_fields(), WKB_NOGEOMETRY,
                                                QgsCoordinateReferenceSystem())
        if summary_sink is not None:
            for row in table.itertuples(index=False):
                feature = QgsFeature(self._summary_fields())
                feature.setAttributes([_plain(value) for value in row])
                summary_sink.addFeature(feature, FAST_INSERT)
            del summary_sink
            results["SUMMARY"] = outputs.final_id(summary_id)
        results["_style"] = ("service_gap_road" if mode == "road" else "service_gap") + (
            "_points" if placement == "point" else "")
        return results

    @staticmethod
    def _style_on_load(context, results):
        """The output is styled when QGIS loads it (under its final name)."""
        style = results.pop("_style", None)
        if style and context.willLoadLayerOnCompletion(results["OUTPUT"]):
            context.layerToLoadOnCompletionDetails(results["OUTPUT"]).setPostProcessor(
                LoadedLayerPostProcessor.create(style))

    @staticmethod
    def _summary_fields():
        fields = QgsFields()
        for name in SUMMARY_COLUMNS:
            kind = FIELD_STRING if name in ("level", "code", "name") else FIELD_DOUBLE
            fields.append(QgsField(name, kind))
        return fields

    @staticmethod
    def _report_problems(problems, feedback):
        messages = {"null": tr("{n} units with a NULL or non-numeric population counted as 0"),
                    "negative": tr("{n} units with a negative population counted as 0"),
                    "unmatched": tr("{n} units without an origin point placed at their point on surface"),
                    "empty": tr("{n} units without geometry left out")}
        for key, count in problems.items():
            if count:
                feedback.pushWarning(messages[key].format(n=count))


class MobileCoverageGapAlgorithm(ServiceGapAlgorithm):
    facility_layer = "mobile_sites"
    default_threshold = {"straight": 5.0, "road": 15.0}

    def name(self):
        return "mobile_coverage_gap"

    def displayName(self):
        return tr("Mobile coverage gap (Arcep sites)")

    def _threshold_help(self):
        return tr("Default: 5 km from the nearest site in straight line (15 minutes by road).")

    def _facility_parameters(self):
        self.add_help(QgsProcessingParameterFeatureSource(
            "FACILITIES", tr("Mobile sites"), [SOURCE_VECTOR_POINT], optional=True), tr(
            "Points of mobile sites. Empty: the Arcep site list of the whole country (metropolitan France)."))
        kinds = QgsProcessingParameterEnum("SITE_KIND", tr("Sites that count"), options=["4g", "targeted", "all"],
                                           defaultValue="4g")
        kinds.setUsesStaticStrings(True)
        self.add_help(kinds, tr("4g: sites with site_4g = 1; targeted: New Deal mobile targeted-coverage sites "
                                "(site_DCC = 1); all: every site."))

    def _facility_filter(self, parameters, context, fields):
        kind = self.parameterAsEnumString(parameters, "SITE_KIND", context) or "4g"
        column = {"4g": "site_4g", "targeted": "site_dcc"}.get(kind)
        if column is None:
            return lambda feature: True
        at = next((i for i, name in enumerate(fields.names()) if name.lower() == column), -1)
        if at < 0:
            raise QgsProcessingException(tr("SITE_KIND={kind} needs the field {field} in the mobile sites.").format(
                kind=kind, field=column))
        return lambda feature: str(feature[at]).strip() in ("1", "1.0", "True", "true")


def _plain(value):
    if isinstance(value, (np.floating, np.integer)):
        return None if not np.isfinite(value) else float(value)
    return value
