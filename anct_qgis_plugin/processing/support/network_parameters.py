"""The road-network parameters of the service-gap algorithms: declared, and read into the
engine's NetworkOptions."""

from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...compat import GEOMETRY_LINE, NUMBER_DOUBLE, SOURCE_VECTOR_LINE
from .base import tr

NETWORK_FORMATS = ("auto", "bdtopo", "osm", "custom")


def add_buffer_parameter(algorithm, name, advanced=False):
    """The roads fetched around a territory: BUFFER_KM of anct:fetch_road_network, NETWORK_BUFFER_KM
    of the service gaps."""
    algorithm.add_help(
        QgsProcessingParameterNumber(name, tr("Surroundings (km)"), NUMBER_DOUBLE, 20.0, minValue=0.0, maxValue=200.0),
        tr(
            "Roads this far around the territory are fetched too, so that residents near a border reach "
            "sites across it."
        ),
        advanced=advanced,
    )


def check_network_lines(algorithm, parameters, context, name="NETWORK"):
    """(ok, message) of Processing's parameter check: a NETWORK of points or polygons is refused."""
    if parameters.get(name) in (None, ""):
        return True, ""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is not None and QgsWkbTypes.geometryType(source.wkbType()) != GEOMETRY_LINE:
        return False, tr(
            "{name}: the road network must be a line layer; {layer} holds {kind} geometries. Give the roads' lines."
        ).format(name=name, layer=source.sourceName(), kind=QgsWkbTypes.displayString(source.wkbType()))
    return True, ""


class RoadNetworkParameters:
    """Mixed into an AnctAlgorithm: the NETWORK parameters, declared, checked and read."""

    NETWORK = "NETWORK"
    NETWORK_FORMAT = "NETWORK_FORMAT"
    NETWORK_BUFFER_KM = "NETWORK_BUFFER_KM"
    SPEED_FIELD = "SPEED_FIELD"
    DEFAULT_SPEED = "DEFAULT_SPEED"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    VALUE_FORWARD = "VALUE_FORWARD"
    VALUE_BACKWARD = "VALUE_BACKWARD"
    VALUE_BOTH = "VALUE_BOTH"
    ACCESS_SPEED = "ACCESS_SPEED"
    MAX_ACCESS_KM = "MAX_ACCESS_KM"

    def add_network_parameters(self):
        self.add_help(
            QgsProcessingParameterFeatureSource(self.NETWORK, tr("Road network"), [SOURCE_VECTOR_LINE], optional=True),
            tr(
                "Lines of the road network (road mode). Empty: IGN BD TOPO roads of the territory and its surroundings "
                "are fetched from the Géoplateforme (see anct:fetch_road_network)."
            ),
        )
        self.add_choice(
            self.NETWORK_FORMAT,
            tr("Network format"),
            NETWORK_FORMATS,
            "auto",
            tr(
                "bdtopo: BD TOPO fields (nature, importance, vitesse_moyenne_vl, sens_de_circulation, "
                "acces_vehicule_leger); osm: OpenStreetMap highway, maxspeed, oneway (columns or other_tags); "
                "custom: SPEED_FIELD and DIRECTION_FIELD; auto: custom when a speed or direction field is given or "
                "the layer has speed_kmh and direction, else bdtopo or osm from the fields found."
            ),
        )
        add_buffer_parameter(self, self.NETWORK_BUFFER_KM, advanced=True)
        self.add_help(
            QgsProcessingParameterField(self.SPEED_FIELD, tr("Speed field (km/h)"), None, self.NETWORK, optional=True),
            tr("Speed of each line in km/h (custom format)."),
        )
        self.add_help(
            QgsProcessingParameterNumber(
                self.DEFAULT_SPEED, tr("Default speed (km/h)"), NUMBER_DOUBLE, 50.0, minValue=0.1
            ),
            tr("Speed of lines without a (positive) speed value (custom format)."),
            advanced=True,
        )
        self.add_help(
            QgsProcessingParameterField(self.DIRECTION_FIELD, tr("Direction field"), None, self.NETWORK, optional=True),
            tr(
                "One-way streets: VALUE_FORWARD, VALUE_BACKWARD or VALUE_BOTH (as in QGIS's "
                "shortest-path algorithms); other values mean both ways."
            ),
        )
        for name, label, default in (
            (self.VALUE_FORWARD, tr("Value for one-way (digitising direction)"), "1"),
            (self.VALUE_BACKWARD, tr("Value for one-way (reverse direction)"), "2"),
            (self.VALUE_BOTH, tr("Value for both directions"), "0"),
        ):
            self.add_help(
                QgsProcessingParameterString(name, label, default, optional=True),
                tr("Direction field value (compared as text)."),
                advanced=True,
            )
        self.add_help(
            QgsProcessingParameterNumber(
                self.ACCESS_SPEED, tr("Access speed (km/h)"), NUMBER_DOUBLE, 20.0, minValue=1.0, maxValue=200.0
            ),
            tr(
                "The straight leg from a unit, or a facility, to the nearest drivable road is timed at this speed "
                "and counted in time_min (access_min). Default 20 km/h: a car on a drive or a track the network "
                "does not hold."
            ),
            advanced=True,
        )
        self.add_help(
            QgsProcessingParameterNumber(
                self.MAX_ACCESS_KM,
                tr("Longest access leg (km)"),
                NUMBER_DOUBLE,
                5.0,
                minValue=0.01,
                maxValue=1000.0,
            ),
            tr(
                "A unit farther than this from the network is not reached (off_network = 1, time_min empty, beyond "
                "the threshold), a facility farther than this is left out; both are counted in the log and the "
                "outputs. A network farther than this from every unit is refused."
            ),
            advanced=True,
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, message = super().checkParameterValues(parameters, context)
        return check_network_lines(self, parameters, context, self.NETWORK) if ok else (ok, message)

    def read_network_parameters(self, parameters, context):
        """The engine's NetworkOptions from the parameters declared above."""
        from ...engine.road_times import NetworkOptions  # at run time: the engine stays out of start-up

        return NetworkOptions(
            layer=self.parameterAsSource(parameters, self.NETWORK, context),
            format=self.parameterAsEnumString(parameters, self.NETWORK_FORMAT, context) or "auto",
            buffer_m=self.parameterAsDouble(parameters, self.NETWORK_BUFFER_KM, context) * 1000.0,
            speed_field=self.parameterAsString(parameters, self.SPEED_FIELD, context),
            direction_field=self.parameterAsString(parameters, self.DIRECTION_FIELD, context),
            default_speed=self.parameterAsDouble(parameters, self.DEFAULT_SPEED, context),
            value_forward=self.parameterAsString(parameters, self.VALUE_FORWARD, context),
            value_backward=self.parameterAsString(parameters, self.VALUE_BACKWARD, context),
            value_both=self.parameterAsString(parameters, self.VALUE_BOTH, context),
            access_speed_kmh=self.parameterAsDouble(parameters, self.ACCESS_SPEED, context),
            max_access_m=self.parameterAsDouble(parameters, self.MAX_ACCESS_KM, context) * 1000.0,
        )
