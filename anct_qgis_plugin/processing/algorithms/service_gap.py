"""anct:service_gap and anct:mobile_coverage_gap — who lives too far from a facility (the
engine: engine/service_gap.py)."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...compat import NUMBER_DOUBLE, SOURCE_VECTOR_ANY, SOURCE_VECTOR_GEOMETRY, SOURCE_VECTOR_POINT
from ...diagnostics.vocabulary import DEFAULT_KINDS, FACILITY_KINDS
from ..support.base import AnctAlgorithm, tr
from ..support.network_parameters import RoadNetworkParameters

ORIGINS = ("point_on_surface", "centroid", "matched_points")
MODES = ("straight", "road")


class ServiceGapAlgorithm(RoadNetworkParameters, AnctAlgorithm):
    group_id = "diagnostics"
    facility_layer = "france_services"
    default_threshold = {"straight": 20.0, "road": 30.0}
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    ORIGIN = "ORIGIN"
    ORIGIN_POINTS = "ORIGIN_POINTS"
    ORIGIN_CODE_FIELD = "ORIGIN_CODE_FIELD"
    POPULATION_CODE_FIELD = "POPULATION_CODE_FIELD"
    FACILITIES = "FACILITIES"
    FACILITY_FILTER = "FACILITY_FILTER"
    MODE = "MODE"
    THRESHOLD = "THRESHOLD"
    UNITS = "UNITS"
    POPULATION_BEYOND = "POPULATION_BEYOND"
    NETWORK_SOURCE = "NETWORK_SOURCE"
    UNITS_OFF_NETWORK = "UNITS_OFF_NETWORK"
    FACILITIES_OFF_NETWORK = "FACILITIES_OFF_NETWORK"
    SUMMARY = "SUMMARY"

    def name(self):
        return "service_gap"

    def displayName(self):
        return tr("Service gap (France services)")

    def menu_text(self):
        return tr("Service gap…")

    # --- parameters ------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        self.add_territory_parameter(optional=True)
        self.add_help(
            QgsProcessingParameterFeatureSource(
                self.POPULATION, tr("Population units"), [SOURCE_VECTOR_GEOMETRY], optional=True
            ),
            tr(
                "Polygons or points carrying a population (communes, IRIS, INSEE's Filosofi 200 m grid in "
                "EPSG:3035…). Empty: the communes of TERRITORY from the catalogue."
            ),
        )
        self.add_help(
            QgsProcessingParameterField(
                self.POPULATION_FIELD, tr("Population field"), "population", self.POPULATION, optional=True
            ),
            tr("Numeric field of inhabitants (population for communes, ind for the Filosofi grid)."),
        )
        self.add_choice(
            self.ORIGIN,
            tr("Where a polygon's people are placed"),
            ORIGINS,
            "point_on_surface",
            tr(
                "point_on_surface (default, always inside), centroid, or matched_points: a point "
                "layer matched by code (town halls, for instance)."
            ),
            advanced=True,
        )
        self.add_help(
            QgsProcessingParameterFeatureSource(
                self.ORIGIN_POINTS, tr("Origin points (matched by code)"), [SOURCE_VECTOR_POINT], optional=True
            ),
            tr("Used with ORIGIN=matched_points; units without a point fall back to point on surface."),
            advanced=True,
        )
        self.add_help(
            QgsProcessingParameterField(
                self.ORIGIN_CODE_FIELD, tr("Code field of the origin points"), "code", self.ORIGIN_POINTS, optional=True
            ),
            tr("Field of ORIGIN_POINTS holding the unit's code."),
            advanced=True,
        )
        self.add_help(
            QgsProcessingParameterField(
                self.POPULATION_CODE_FIELD, tr("Code field of the units"), "code", self.POPULATION, optional=True
            ),
            tr("Field of POPULATION matched with ORIGIN_CODE_FIELD."),
            advanced=True,
        )
        self._facility_parameters()
        self.add_choice(
            self.MODE,
            tr("Distance"),
            MODES,
            "straight",
            tr("straight: straight-line distance; road: travel time on NETWORK."),
        )
        self.add_network_parameters()
        self.add_help(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                tr("Threshold (km, or minutes by road)"),
                NUMBER_DOUBLE,
                None,
                optional=True,
                minValue=0.0,
            ),
            self._threshold_help(),
        )
        self.add_help(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Units with their nearest facility"), SOURCE_VECTOR_GEOMETRY
            ),
            tr(
                "Every unit with facility_id, facility_name, distance_m, time_min (road, access legs included), "
                "access_m (road: unit to the network), beyond_threshold, access_min (road: the access legs in "
                "time_min) and off_network (road: 1 when the unit is farther than MAX_ACCESS_KM from the network)."
            ),
        )
        self.addOutput(QgsProcessingOutputNumber(self.UNITS, tr("Units measured")))
        self.addOutput(QgsProcessingOutputNumber(self.POPULATION_BEYOND, tr("Population beyond the threshold")))
        self.addOutput(QgsProcessingOutputString(self.NETWORK_SOURCE, tr("Road network used (road mode)")))
        self.addOutput(
            QgsProcessingOutputNumber(self.UNITS_OFF_NETWORK, tr("Units not reached: too far from the road network"))
        )
        self.addOutput(
            QgsProcessingOutputNumber(
                self.FACILITIES_OFF_NETWORK, tr("Facilities left out: too far from the road network")
            )
        )
        self.add_help(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY, tr("Summary by département and EPCI"), SOURCE_VECTOR_ANY, optional=True
            ),
            tr(
                "Population, population beyond the threshold, its share, units beyond and the worst "
                "distance (m) or time (min), by département, by EPCI and in total."
            ),
        )

    def _threshold_help(self):
        return tr("Default: 20 km in straight line, 30 minutes by road (the national goal for France services).")

    def _facility_parameters(self):
        self.add_help(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES, tr("Facilities"), [SOURCE_VECTOR_POINT], optional=True
            ),
            tr(
                "Points. Empty: France services sites of the whole country, so that border residents find "
                "sites across the border."
            ),
        )
        self.add_choice(
            self.FACILITY_FILTER,
            tr("Sites that count"),
            FACILITY_KINDS,
            list(DEFAULT_KINDS),
            tr(
                "fixed (Fixe, Multisites), antenna, bus, itinerant. Default: fixed sites and "
                "antennas, not buses or itinerant services, which are not there every day. "
                "Applies when the facilities have format_fs/type_fs fields."
            ),
            multiple=True,
        )

    def _facility_kinds(self, parameters, context):
        from ...engine.service_gap import FranceServicesKinds

        return FranceServicesKinds(frozenset(self.parameterAsEnumStrings(parameters, self.FACILITY_FILTER, context)))

    # --- run -------------------------------------------------------------------------
    def run_algorithm(self, parameters, context, feedback):
        from ...engine.service_gap import measure_service_gap
        from ..support.atomic_outputs import atomic_outputs
        from ..support.post_processing import style_on_load

        with atomic_outputs(self, parameters, context) as outputs:
            result = measure_service_gap(self._request(outputs.parameters, context), outputs, context, feedback)
            results = {
                self.OUTPUT: outputs.final_id(result.output),
                self.UNITS: result.units,
                self.POPULATION_BEYOND: result.population_beyond,
                self.NETWORK_SOURCE: result.network_source,
                self.UNITS_OFF_NETWORK: result.units_off_network,
                self.FACILITIES_OFF_NETWORK: result.facilities_off_network,
            }
            if result.summary is not None:
                results[self.SUMMARY] = outputs.final_id(result.summary)
        style_on_load(context, results[self.OUTPUT], result.style)  # under its final name
        return results

    def _request(self, parameters, context):
        from ...engine.service_gap import Facilities, Origins, ServiceGapRequest

        mode = self.parameterAsEnumString(parameters, self.MODE, context)
        threshold = (
            self.parameterAsDouble(parameters, self.THRESHOLD, context)
            if parameters.get(self.THRESHOLD) not in (None, "")
            else self.default_threshold[mode]
        )
        return ServiceGapRequest(
            mode=mode,
            threshold=threshold,
            territory_text=self.parameterAsString(parameters, self.TERRITORY, context),
            population=self.parameterAsSource(parameters, self.POPULATION, context),
            population_field=self.parameterAsString(parameters, self.POPULATION_FIELD, context),
            origins=Origins(
                self.parameterAsEnumString(parameters, self.ORIGIN, context),
                self.parameterAsSource(parameters, self.ORIGIN_POINTS, context),
                self.parameterAsString(parameters, self.ORIGIN_CODE_FIELD, context),
                self.parameterAsString(parameters, self.POPULATION_CODE_FIELD, context),
            ),
            facilities=Facilities(
                self.parameterAsSource(parameters, self.FACILITIES, context),
                self.facility_layer,
                self._facility_kinds(parameters, context),
            ),
            network=self.read_network_parameters(parameters, context),
        )


class MobileCoverageGapAlgorithm(ServiceGapAlgorithm):
    facility_layer = "mobile_sites"
    default_threshold = {"straight": 5.0, "road": 15.0}
    SITE_KIND = "SITE_KIND"

    def name(self):
        return "mobile_coverage_gap"

    def displayName(self):
        return tr("Mobile coverage gap (Arcep sites)")

    def menu_text(self):
        return ""  # not in the menu (the service gap's entry would otherwise be inherited)

    def _threshold_help(self):
        return tr("Default: 5 km from the nearest site in straight line (15 minutes by road).")

    def _facility_parameters(self):
        self.add_help(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES, tr("Mobile sites"), [SOURCE_VECTOR_POINT], optional=True
            ),
            tr("Points of mobile sites. Empty: the Arcep site list of the whole country (metropolitan France)."),
        )
        self.add_choice(
            self.SITE_KIND,
            tr("Sites that count"),
            ["4g", "targeted", "all"],
            "4g",
            tr(
                "4g: sites with site_4g = 1; targeted: New Deal mobile targeted-coverage sites "
                "(site_DCC = 1); all: every site."
            ),
        )

    def _facility_kinds(self, parameters, context):
        from ...engine.service_gap import MobileSiteKind

        return MobileSiteKind(self.parameterAsEnumString(parameters, self.SITE_KIND, context) or "4g")
