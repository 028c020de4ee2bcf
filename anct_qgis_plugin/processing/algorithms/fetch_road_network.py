"""anct:fetch_road_network — IGN BD TOPO road sections of a territory and its surroundings,
ready for road times: the published fields, plus ``speed_kmh`` and ``direction``."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLineString,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import FAST_INSERT, FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, NUMBER_DOUBLE, WKB_LINESTRING
from ...core.service import AnctData
from ...diagnostics.road_profiles import BDTOPO_CAR_NATURES, BDTOPO_NATURES, BdTopoProfile
from .atomic_outputs import atomic_outputs
from .base import AnctAlgorithm, tr
from .post_processing import LoadedLayerPostProcessor
from .road_source import fetch_sections, territory_area

ADDED_FIELDS = (("speed_kmh", FIELD_DOUBLE), ("direction", FIELD_INT))


def add_buffer_parameter(algorithm, name, advanced=False):
    algorithm.add_help(QgsProcessingParameterNumber(name, tr("Surroundings (km)"), NUMBER_DOUBLE, 20.0,
                                                    minValue=0.0, maxValue=200.0), tr(
        "Roads this far around the territory are fetched too, so that residents near a border reach "
        "sites across it."), advanced=advanced)


class FetchRoadNetworkAlgorithm(AnctAlgorithm):
    group_id = "data"

    def name(self):
        return "fetch_road_network"

    def displayName(self):
        return tr("Fetch the road network (IGN BD TOPO)")

    def initAlgorithm(self, config=None):
        self.add_help(QgsProcessingParameterString("TERRITORY", tr("Territory")), tr(
            "A département (36), a région (reg:24), an EPCI SIREN, a commune code or an unambiguous name."))
        add_buffer_parameter(self, "BUFFER_KM")
        classes = QgsProcessingParameterEnum("ROAD_CLASSES", tr("Road natures kept"), options=list(BDTOPO_NATURES),
                                             allowMultiple=True, defaultValue=list(BDTOPO_CAR_NATURES))
        classes.setUsesStaticStrings(True)
        self.add_help(classes, tr(
            "BD TOPO 'nature' values kept. Default: the roads a car uses (Type autoroutier, Route à 2 chaussées, "
            "Route à 1 chaussée, Bretelle, Rond-point, Route empierrée). Left out: Chemin (tracks, 1 km/h in BD "
            "TOPO), Sentier and Escalier (on foot), Piste cyclable, Bac ou liaison maritime (timetables). Sections "
            "closed to light vehicles are always left out."))
        self.add_help(QgsProcessingParameterFeatureSink("OUTPUT", tr("Road network")), tr(
            "Lines with every published field, speed_kmh (vitesse_moyenne_vl, or a default by nature and "
            "importance) and direction (0 both ways, 1 digitising direction, 2 reverse)."))
        self.addOutput(QgsProcessingOutputNumber("SECTION_COUNT", tr("Road sections")))
        self.addOutput(QgsProcessingOutputString("SOURCE", tr("Source and date")))

    def run_algorithm(self, parameters, context, feedback):
        data = AnctData()
        territory = data.resolve_territory(self.parameterAsString(parameters, "TERRITORY", context), feedback)
        buffer_m = self.parameterAsDouble(parameters, "BUFFER_KM", context) * 1000.0
        natures = self.parameterAsEnumStrings(parameters, "ROAD_CLASSES", context) or list(BDTOPO_CAR_NATURES)
        box, keep_tile = territory_area(data, territory, territory.crs, buffer_m, feedback)
        feedback.pushInfo(tr("Road sections of {territory} and {km:g} km around").format(
            territory=territory.label, km=buffer_m / 1000))
        with atomic_outputs(self, parameters, context) as outputs:
            writer = _SectionWriter(outputs, QgsCoordinateReferenceSystem(territory.crs), feedback)
            reader, pages = fetch_sections(data, box, territory.crs, keep_tile, BdTopoProfile(natures), feedback,
                                           writer.write)
            if writer.sink is None:
                raise QgsProcessingException(tr("No section of the natures kept ({natures}) in {territory}.").format(
                    natures=", ".join(natures), territory=territory.label))
            dest_id = writer.close()
            results = {"OUTPUT": outputs.final_id(dest_id), "SECTION_COUNT": writer.count,
                       "SOURCE": pages.describe(data.language)}
        feedback.pushInfo(tr("{n} sections kept of {read} read; {source}").format(
            n=writer.count, read=reader.read, source=results["SOURCE"]))
        if context.willLoadLayerOnCompletion(results["OUTPUT"]):
            context.layerToLoadOnCompletionDetails(results["OUTPUT"]).setPostProcessor(
                LoadedLayerPostProcessor.create("road_network"))
        return results


class _SectionWriter:
    """Writes pages of sections; the fields are those of the first page that holds any."""

    def __init__(self, outputs, crs, feedback):
        self.outputs, self.crs, self.feedback = outputs, crs, feedback
        self.sink = self.dest_id = None
        self.fields = QgsFields()
        self.names = []
        self.count = 0

    def write(self, sections):
        if not sections.features:
            return
        if self.sink is None:
            self._open(sections.features)
        for feature, speed, direction in zip(sections.features, sections.speeds.tolist(),
                                             sections.directions.tolist()):
            properties = feature.get("properties") or {}
            attributes = [_value(properties.get(name)) for name in self.names] + [speed, direction]
            for line in _lines(feature.get("geometry") or {}):  # a multipart section: one feature per part
                out = QgsFeature(self.fields)
                out.setGeometry(QgsGeometry(line))
                out.setAttributes(attributes)
                if not self.sink.addFeature(out, FAST_INSERT):
                    raise QgsProcessingException(tr("Cannot write to the output: {error}").format(
                        error=self.sink.lastError() if hasattr(self.sink, "lastError") else ""))
            self.count += 1

    def _open(self, features):
        kinds = {}
        for feature in features:
            for name, value in (feature.get("properties") or {}).items():
                if name not in kinds or kinds[name] is None:
                    kinds[name] = _kind(value)
        self.names = [name for name in kinds if name not in dict(ADDED_FIELDS)]
        for name in self.names:
            self.fields.append(QgsField(name, kinds[name] or FIELD_STRING))
        for name, kind in ADDED_FIELDS:
            self.fields.append(QgsField(name, kind))
        self.sink, self.dest_id = self.outputs.sink("OUTPUT", self.fields, WKB_LINESTRING, self.crs)
        if self.sink is None:
            raise QgsProcessingException(tr("Cannot create the output layer."))

    def close(self):
        self.sink = None  # closes the file before it is moved into place
        return self.dest_id


def _kind(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return FIELD_STRING  # BD TOPO booleans are written "true"/"false" by some services: kept as text
    if isinstance(value, int):
        return FIELD_LONG
    if isinstance(value, float):
        return FIELD_DOUBLE
    return FIELD_STRING


def _value(value):
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return str(value)
    return value


def _lines(geometry):
    """2D lines from GeoJSON coordinates (z dropped: road times are measured in the plane)."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    parts = [coordinates] if kind == "LineString" else coordinates if kind == "MultiLineString" else []
    return [QgsLineString([p[0] for p in part], [p[1] for p in part]) for part in parts if len(part) > 1]
