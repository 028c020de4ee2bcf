"""Inputs shared by the figure algorithms: the commune table, levels, areas, gaps."""
from qgis.core import QgsDistanceArea, QgsProcessingException, QgsProcessingUtils

from ...core.errors import AnctError
from .base import tr


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


def ellipsoidal_km2(layer, code_field=None, codes=None):
    """Area in km² on the GRS80 ellipsoid, whatever the layer's CRS."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), layer.transformContext())
    measure.setEllipsoid("EPSG:7019")
    return sum(measure.measureArea(f.geometry()) for f in layer.getFeatures()
               if codes is None or f[code_field] in codes) / 1e6


def areas(builder, territory, feedback):
    """km² per level: the territory from its commune outlines, région and France from IGN outlines."""
    result = {"territory": None, "region": None, "france": None}
    try:
        communes = builder.build("communes", territory).layer
        result["territory"] = ellipsoidal_km2(communes)
    except AnctError as error:
        feedback.pushWarning(tr("Area of {territory} unavailable: {error}").format(territory=territory.label,
                                                                                  error=error))
    try:
        regions = builder.build("regions", builder.index.country()).layer
        code_field = "code_insee" if "code_insee" in regions.fields().names() else "insee_reg"
        result["france"] = ellipsoidal_km2(regions)
        if len(territory.region_codes) == 1 and not territory.is_country:
            result["region"] = ellipsoidal_km2(regions, code_field, set(territory.region_codes))
        if territory.is_country:
            result["territory"] = result["france"]
    except AnctError as error:
        feedback.pushWarning(tr("Région and France areas unavailable: {error}").format(error=error))
    return result


def service_gaps(territory, context, feedback, threshold_km=20.0, runs=None):
    """(population beyond, population) per level, from anct:service_gap run as a child algorithm.

    France is measured only when the territory is France (101 départements of outlines).
    ``runs`` (a dict) keeps each run's output and summary layers by territory key, and reuses
    them: an atlas of a région measures the région once, not once per département.
    """
    keys = {"territory": territory.key}
    if len(territory.region_codes) == 1 and not territory.is_country:
        keys["region"] = f"reg:{territory.region_codes[0]}"
    if territory.is_country:
        keys["france"] = "FR"
    runs = {} if runs is None else runs
    result = {"territory": None, "region": None, "france": None}
    for level, key in keys.items():
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))
        if key not in runs:
            runs[key] = _run_service_gap(key, threshold_km, context, feedback)
        if runs[key] is not None:
            result[level] = (runs[key]["beyond"], runs[key]["population"])
    if territory.is_country:
        result["territory"] = result["france"]
    return result


def _run_service_gap(key, threshold_km, context, feedback):
    import processing

    try:
        outputs = processing.run("anct:service_gap", {"TERRITORY": key, "THRESHOLD": threshold_km,
                                                      "OUTPUT": "memory:", "SUMMARY": "memory:"},
                                 context=context, feedback=feedback, is_child_algorithm=True)
    except QgsProcessingException as error:
        feedback.pushWarning(tr("Service gap for {key} unavailable: {error}").format(key=key, error=error))
        return None
    layer = QgsProcessingUtils.mapLayerFromString(outputs["OUTPUT"], context)
    return {"beyond": outputs["POPULATION_BEYOND"], "population": sum(f["population"] or 0 for f in layer.getFeatures()),
            "layer": layer, "summary": QgsProcessingUtils.mapLayerFromString(outputs["SUMMARY"], context)}
