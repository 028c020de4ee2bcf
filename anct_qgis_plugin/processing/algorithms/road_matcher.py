"""Road mode of the service-gap algorithms: the network given (read with a preset) or fetched
from IGN BD TOPO for the territory, turned into travel times to the nearest facility."""
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import NUMBER_DOUBLE, SOURCE_VECTOR_LINE
from ...core.road_source import extent_area, fetch_sections, territory_area
from ...diagnostics.network import BACKWARD, BOTH, FORWARD, TravelTimes, graph_from_vertices
from ...diagnostics.road_profiles import BdTopoProfile, CustomProfile, OsmProfile
from .base import tr
from .fetch_road_network import add_buffer_parameter
from .layer_reading import crs_of, extent_in, features_unchecked, report_progress
from .network_reader import read_network

NETWORK_PROGRESS = 40.0  # road mode: getting the network fills the first 40 % of the bar
NETWORK_FORMATS = ("auto", "bdtopo", "osm", "custom")


@dataclass
class RoadArea:
    """What tells where to fetch a network: the territory, else the population's extent."""
    data: object
    territory: object
    population: object


def add_network_parameters(algorithm):
    algorithm.add_help(QgsProcessingParameterFeatureSource(
        "NETWORK", tr("Road network"), [SOURCE_VECTOR_LINE], optional=True), tr(
        "Lines of the road network (road mode). Empty: IGN BD TOPO roads of the territory and its surroundings "
        "are fetched from the Géoplateforme (see anct:fetch_road_network)."))
    network_format = QgsProcessingParameterEnum("NETWORK_FORMAT", tr("Network format"), options=list(NETWORK_FORMATS),
                                                defaultValue="auto")
    network_format.setUsesStaticStrings(True)
    algorithm.add_help(network_format, tr(
        "bdtopo: BD TOPO fields (nature, importance, vitesse_moyenne_vl, sens_de_circulation, acces_vehicule_leger); "
        "osm: OpenStreetMap highway, maxspeed, oneway (columns or other_tags); custom: SPEED_FIELD and "
        "DIRECTION_FIELD; auto: custom when a speed or direction field is given or the layer has speed_kmh and "
        "direction, else bdtopo or osm from the fields found."))
    add_buffer_parameter(algorithm, "NETWORK_BUFFER_KM", advanced=True)
    algorithm.add_help(QgsProcessingParameterField("SPEED_FIELD", tr("Speed field (km/h)"), None, "NETWORK",
                                                   optional=True), tr("Speed of each line in km/h (custom format)."))
    algorithm.add_help(QgsProcessingParameterNumber("DEFAULT_SPEED", tr("Default speed (km/h)"), NUMBER_DOUBLE,
                                                    50.0, minValue=0.1),
                       tr("Speed of lines without a (positive) speed value (custom format)."), advanced=True)
    algorithm.add_help(QgsProcessingParameterField("DIRECTION_FIELD", tr("Direction field"), None, "NETWORK",
                                                   optional=True),
                       tr("One-way streets: VALUE_FORWARD, VALUE_BACKWARD or VALUE_BOTH (as in QGIS's "
                          "shortest-path algorithms); other values mean both ways."))
    for name, label, default in (("VALUE_FORWARD", tr("Value for one-way (digitising direction)"), "1"),
                                 ("VALUE_BACKWARD", tr("Value for one-way (reverse direction)"), "2"),
                                 ("VALUE_BOTH", tr("Value for both directions"), "0")):
        algorithm.add_help(QgsProcessingParameterString(name, label, default, optional=True),
                           tr("Direction field value (compared as text)."), advanced=True)


def road_travel_times(algorithm, parameters, context, area, crs, facilities, feedback):
    """(TravelTimes, where the network came from)."""
    try:
        import scipy.sparse.csgraph  # noqa: F401
    except ImportError:
        raise QgsProcessingException(tr("Road mode needs SciPy, which QGIS ships on Windows (OSGeo4W), macOS "
                                        "and Linux distributions; install python3-scipy.")) from None
    scaled = _Scaled(feedback, NETWORK_PROGRESS)
    network = algorithm.parameterAsSource(parameters, "NETWORK", context)
    if network is None:
        vertices, counts, speeds, directions, source = _fetched(algorithm, parameters, context, area, crs, scaled)
    else:
        vertices, counts, speeds, directions, source = _given(algorithm, parameters, context, network, crs, scaled)
    if counts.sum() == 0:
        raise QgsProcessingException(tr("The road network is empty."))
    try:
        graph = graph_from_vertices(vertices, counts, speeds, directions)
    except ValueError:
        raise QgsProcessingException(tr("No line of the road network can be driven (speeds are all zero, or the "
                                        "format does not fit: check NETWORK_FORMAT).")) from None
    feedback.pushInfo(tr("Road graph: {nodes} nodes, {edges} edges").format(
        nodes=len(graph.node_xy), edges=graph.edge_count))
    times = TravelTimes(graph, facilities)
    far = int((times.facility_snap_m > 1000).sum())
    if far:
        feedback.pushWarning(tr("{n} facilities are more than 1 km from any drivable road of the network: they are "
                                "joined to the nearest one all the same.").format(n=far))
    return times, source


def _fetched(algorithm, parameters, context, area, crs, feedback):
    buffer_m = algorithm.parameterAsDouble(parameters, "NETWORK_BUFFER_KM", context) * 1000.0
    if area.territory is not None:
        box, keep_tile = territory_area(area.data.builder(feedback), area.territory, crs.authid(), buffer_m)
    else:
        box, keep_tile = extent_area(extent_in(area.population, crs, context), buffer_m)
    feedback.pushInfo(tr("No NETWORK given: fetching the IGN BD TOPO road network, {km:g} km around").format(
        km=buffer_m / 1000))
    reader, pages = fetch_sections(area.data.fetcher, box, crs.authid(), keep_tile, BdTopoProfile(), feedback)
    source = pages.describe()
    feedback.pushInfo(tr("Road network: {source} — {n} sections").format(source=source, n=reader.read))
    return (*reader.arrays(), source)


def _given(algorithm, parameters, context, network, crs, feedback):
    fields = network.fields()
    profile, field_names, label = _profile(algorithm, parameters, context, fields)
    feedback.pushInfo(tr("Network format: {format}").format(format=label))
    indexes = tuple(fields.indexOf(name) if name else -1 for name in field_names)
    transform = QgsCoordinateTransform(crs_of(network, tr("road network")), crs, context.transformContext())
    request = QgsFeatureRequest().setSubsetOfAttributes(sorted({at for at in indexes if at >= 0}))
    total = network.featureCount()
    lines = read_network(features_unchecked(network, request), transform, indexes, profile, feedback,
                         QgsProcessingException(tr("Cancelled.")),
                         lambda read: report_progress(feedback, read, total))
    if profile.unknown:
        feedback.pushWarning(tr("Values the road profile does not know, left out of the network: {values}").format(
            values=", ".join(f"{value} ({n})" for value, n in profile.unknown.most_common())))
    return (*lines.arrays(), tr("the layer {name} ({format})").format(
        name=network.sourceName() if hasattr(network, "sourceName") else "NETWORK", format=label))


def _profile(algorithm, parameters, context, fields):
    """(profile, the network field read for each of the profile's fields, format label)."""
    names = set(fields.names())
    chosen = algorithm.parameterAsEnumString(parameters, "NETWORK_FORMAT", context) or "auto"
    speed_field = algorithm.parameterAsString(parameters, "SPEED_FIELD", context)
    direction_field = algorithm.parameterAsString(parameters, "DIRECTION_FIELD", context)
    values = {algorithm.parameterAsString(parameters, "VALUE_FORWARD", context): FORWARD,
              algorithm.parameterAsString(parameters, "VALUE_BACKWARD", context): BACKWARD,
              algorithm.parameterAsString(parameters, "VALUE_BOTH", context): BOTH}
    if chosen == "auto":
        if not speed_field and not direction_field and {"speed_kmh", "direction"} <= names:
            speed_field, direction_field, values = "speed_kmh", "direction", {"1": FORWARD, "2": BACKWARD, "0": BOTH}
            chosen = "custom"
        elif speed_field or direction_field:
            chosen = "custom"
        elif {"nature", "vitesse_moyenne_vl"} <= names:
            chosen = "bdtopo"
        elif "highway" in names:
            chosen = "osm"
        else:
            chosen = "custom"
    if chosen == "custom":
        profile = CustomProfile(algorithm.parameterAsDouble(parameters, "DEFAULT_SPEED", context), values)
        return profile, (speed_field, direction_field), "custom"
    profile = BdTopoProfile() if chosen == "bdtopo" else OsmProfile()
    required = "nature" if chosen == "bdtopo" else "highway"
    if required not in names:
        raise QgsProcessingException(tr("NETWORK_FORMAT={format} needs the field {field} in the network. Fields: "
                                        "{fields}").format(format=chosen, field=required, fields=", ".join(fields.names())))
    return profile, tuple(name if name in names else "" for name in profile.fields), chosen


class _Scaled:
    """The feedback seen by the network's reading: its 0–100 % fill the first ``share`` %."""

    def __init__(self, feedback, share):
        self._feedback, self._share = feedback, share

    def setProgress(self, percent):  # noqa: N802 - the feedback's own name
        self._feedback.setProgress(percent * self._share / 100.0)

    def __getattr__(self, name):
        return getattr(self._feedback, name)
