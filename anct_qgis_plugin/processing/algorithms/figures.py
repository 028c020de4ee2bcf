"""Inputs shared by the figure algorithms: the commune table, levels, areas, gaps."""
import dataclasses
from dataclasses import dataclass

from qgis.core import (
    QgsDistanceArea,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ...compat import NUMBER_DOUBLE, SOURCE_VECTOR_LINE
from ...core.errors import AnctError
from .base import tr

# Collectivités d'outre-mer: in the national commune table, not in IGN's outlines of France.
COM_CODES = {"975", "977", "978", "984", "986", "987", "988", "989"}


def commune_frame(index):
    """The national commune table (population of its census year) as a DataFrame."""
    import pandas as pd

    return pd.DataFrame([{"code": c["code"], "nom": c.get("nom", ""), "dep": c.get("codeDepartement", ""),
                          "reg": c.get("codeRegion", ""), "epci": c.get("codeEpci") or "",
                          "population": float(c.get("population") or 0)} for c in index.communes.values()])


def level_codes(index, territory):
    """Commune codes of the territory, its région (when it has one) and France (None = all)."""
    region = None
    if len(territory.region_codes) == 1 and not territory.is_country:
        region = index.region(territory.region_codes[0]).commune_codes
    return {"territory": None if territory.is_country else territory.commune_codes, "region": region,
            "france": None}


def whole_departements(index, territory):
    """Département codes each level holds whole (None = all): where a row placed by its département
    only (its commune code maps to nothing) counts."""
    own = set(territory.departement_codes) if territory.kind in ("departement", "region") else set()
    region = set()
    if len(territory.region_codes) == 1 and not territory.is_country:
        region = {code for code, (_name, reg) in index.departements.items() if reg == territory.region_codes[0]}
    return {"territory": None if territory.is_country else own, "region": region, "france": None}


def ellipsoidal_km2(layer, code_field=None, codes=None):
    """Area in km² on the GRS80 ellipsoid, whatever the layer's CRS."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), layer.transformContext())
    measure.setEllipsoid("EPSG:7019")
    return sum(measure.measureArea(f.geometry()) for f in layer.getFeatures()
               if codes is None or f[code_field] in codes) / 1e6


def areas(builder, territory, feedback):
    """(km² per level, département codes each area covers — None = all).

    The territory from its commune outlines, département by département; a département whose
    commune outlines cannot be had counts by its IGN outline (when the territory holds it whole).
    Région and France from IGN's région outlines, which cover metropolitan France and the DROM.
    """
    result = {"territory": None, "region": None, "france": None}
    covered = {"territory": None, "region": None, "france": None}
    try:
        regions = builder.build("regions", builder.index.country()).layer
        code_field = "code_insee" if "code_insee" in regions.fields().names() else "insee_reg"
        result["france"] = ellipsoidal_km2(regions)
        covered["france"] = set(builder.index.departements) - COM_CODES
        if len(territory.region_codes) == 1 and not territory.is_country:
            result["region"] = ellipsoidal_km2(regions, code_field, set(territory.region_codes))
    except AnctError as error:
        feedback.pushWarning(tr("Région and France areas unavailable: {error}").format(error=error))
    if territory.is_country:
        result["territory"], covered["territory"] = result["france"], covered["france"]
    else:
        result["territory"] = territory_km2(builder, territory, feedback)
    return result, covered


def territory_km2(builder, territory, feedback):
    """km² of a territory from its commune outlines, or its départements' outlines where those fail."""
    total, without_outlines = 0.0, []
    for code in territory.departement_codes:
        part = dataclasses.replace(territory, departement_codes=(code,))
        try:
            total += ellipsoidal_km2(builder.build("communes", part).layer)
        except AnctError as error:
            without_outlines.append((code, error))
    if not without_outlines:
        return total
    codes = {code for code, _error in without_outlines}
    whole = territory.kind in ("departement", "region")
    try:
        if not whole:
            raise without_outlines[0][1]
        departements = builder.build("departements", builder.index.country()).layer
        code_field = "code_insee" if "code_insee" in departements.fields().names() else "insee_dep"
        total += ellipsoidal_km2(departements, code_field, codes)
    except AnctError as error:
        feedback.pushWarning(tr("Area of {territory} unavailable: {error}").format(territory=territory.label,
                                                                                  error=error))
        return None
    feedback.pushInfo(tr("Area of {codes} from the IGN département outlines (commune outlines unavailable).").format(
        codes=", ".join(sorted(codes))))
    return total


@dataclass(frozen=True)
class GapMeasure:
    """How a figure measures the gap: ``straight`` (threshold in km) or ``road`` (minutes, on the
    given ``network`` or on the BD TOPO network fetched for the territory)."""
    mode: str = "straight"
    threshold: float = 20.0
    network: object = None

    @property
    def by_road(self) -> bool:
        return self.mode == "road"


STRAIGHT_DEFAULT = GapMeasure("straight", 20.0)
ROAD_DEFAULT = GapMeasure("road", 30.0)


def gap_measure(mode, threshold=None, network=None) -> GapMeasure:
    """A measure with the national defaults: 20 km in straight line, 30 minutes by road."""
    default = ROAD_DEFAULT if mode == "road" else STRAIGHT_DEFAULT
    return GapMeasure(default.mode, default.threshold if threshold in (None, "") else float(threshold), network)


def add_gap_parameters(algorithm, network=True):
    """GAP_MODE, THRESHOLD and (optionally) NETWORK, shared by the profile and the atlas."""
    mode = QgsProcessingParameterEnum("GAP_MODE", tr("Service gap measured"), options=["straight", "road"],
                                      defaultValue="straight")
    mode.setUsesStaticStrings(True)
    algorithm.add_help(mode, tr(
        "straight: straight-line distance (France and région compared too); road: travel time by road on the "
        "IGN BD TOPO network fetched for the territory (or NETWORK), for the territory only. When no network "
        "can be had, the straight-line figure is shown, and said so."))
    algorithm.add_help(QgsProcessingParameterNumber("THRESHOLD", tr("Service-gap threshold (km, or minutes by road)"),
                                                    NUMBER_DOUBLE, None, optional=True, minValue=0.1), tr(
        "Residents farther than this from the nearest France services site are counted. Default: 20 km in "
        "straight line, 30 minutes by road (the national goal)."))
    if network:
        algorithm.add_help(QgsProcessingParameterFeatureSource("NETWORK", tr("Road network (road mode)"),
                                                               [SOURCE_VECTOR_LINE], optional=True), tr(
            "Lines of a road network (any format anct:service_gap reads). Empty: fetched from IGN BD TOPO."),
            advanced=True)


def read_gap_parameters(algorithm, parameters, context) -> GapMeasure:
    mode = algorithm.parameterAsEnumString(parameters, "GAP_MODE", context) or "straight"
    threshold = parameters.get("THRESHOLD")
    threshold = algorithm.parameterAsDouble(parameters, "THRESHOLD", context) if threshold not in (None, "") \
        else None
    network = parameters.get("NETWORK") if mode == "road" and parameters.get("NETWORK") not in (None, "") else None
    return gap_measure(mode, threshold, network)


def service_gaps(territory, context, feedback, measure=STRAIGHT_DEFAULT, runs=None):
    """({level: (population beyond, population) or None}, the measure used), from anct:service_gap
    run as a child algorithm.

    In straight line the territory, its région and (for France) France are measured. By road only
    the territory is (a région's network is a million sections; France's is not fetched); when
    no road network can be had, the straight-line measure stands in, with a warning.
    ``runs`` (a dict) keeps each run's output and summary layers by (territory key, measure), and
    reuses them: an atlas of a région measures the région once, not once per département.
    """
    runs = {} if runs is None else runs
    if measure.by_road:
        key = (territory.key, measure)
        if key not in runs:
            runs[key] = _run_service_gap(territory.key, measure, context, feedback)
        if runs[key] is not None:
            return {"territory": (runs[key]["beyond"], runs[key]["population"]), "region": None, "france": None}, \
                measure
        feedback.pushWarning(tr("No road times for {territory}: the straight-line distance is shown instead.").format(
            territory=territory.label))
        measure = STRAIGHT_DEFAULT
    keys = {"territory": territory.key}
    if len(territory.region_codes) == 1 and not territory.is_country:
        keys["region"] = f"reg:{territory.region_codes[0]}"
    if territory.is_country:
        keys["france"] = "FR"
    result = {"territory": None, "region": None, "france": None}
    for level, key in keys.items():
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))
        if (key, measure) not in runs:
            runs[(key, measure)] = _run_service_gap(key, measure, context, feedback)
        run = runs[(key, measure)]
        if run is not None:
            result[level] = (run["beyond"], run["population"])
    if territory.is_country:
        result["territory"] = result["france"]
    return result, measure


def gap_run(runs, territory, measure):
    """The service-gap run of a territory kept in ``runs`` (layers for the atlas), or None."""
    return runs.get((territory.key, measure))


def _run_service_gap(key, measure, context, feedback):
    import processing

    parameters = {"TERRITORY": key, "MODE": measure.mode, "THRESHOLD": measure.threshold, "OUTPUT": "memory:",
                  "SUMMARY": "memory:"}
    if measure.network is not None:
        parameters["NETWORK"] = measure.network
    try:
        outputs = processing.run("anct:service_gap", parameters, context=context, feedback=feedback,
                                 is_child_algorithm=True)
    except QgsProcessingException as error:
        feedback.pushWarning(tr("Service gap for {key} unavailable: {error}").format(key=key, error=error))
        return None
    layer = QgsProcessingUtils.mapLayerFromString(outputs["OUTPUT"], context)
    return {"beyond": outputs["POPULATION_BEYOND"], "population": sum(f["population"] or 0 for f in layer.getFeatures()),
            "layer": layer, "summary": QgsProcessingUtils.mapLayerFromString(outputs["SUMMARY"], context),
            "network_source": outputs.get("NETWORK_SOURCE", "")}
