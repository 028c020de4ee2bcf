"""anct:territory_profile — key figures of a territory beside its région and France."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ...compat import FAST_INSERT, FIELD_DOUBLE, FIELD_STRING, SOURCE_VECTOR_ANY, WKB_NOGEOMETRY
from ...core.report import warn
from ...core.service import AnctData
from ...core.tables import read_memberships
from ...diagnostics.profile import DENSITY_GRID, PROGRAMMES, UNPLACED, key_figures
from .atomic_outputs import atomic_outputs
from .base import AnctAlgorithm, tr
from .figures import (
    STRAIGHT_DEFAULT,
    add_gap_parameters,
    areas,
    commune_frame,
    level_codes,
    read_gap_parameters,
    service_gaps,
    whole_departements,
)

PROFILE_TABLES = ("qpv",) + PROGRAMMES + ("france_services", "mobile_sites", DENSITY_GRID)
# The atlas's sheets show no density figure: it does not read the grid.
ATLAS_TABLES = tuple(table for table in PROFILE_TABLES if table != DENSITY_GRID)


def gap_labels(measure):
    """(label of the population beyond, label of its share) for a gap measure."""
    if measure.by_road:
        return (tr("Population beyond {min:g} minutes by road of a France services site").format(min=measure.threshold),
                tr("Share of the population beyond {min:g} minutes by road of a France services site").format(
                    min=measure.threshold))
    return (tr("Population beyond {km:g} km of a France services site").format(km=measure.threshold),
            tr("Share of the population beyond {km:g} km of a France services site").format(km=measure.threshold))


def indicator_labels(measure=STRAIGHT_DEFAULT):
    """indicator id -> (label, unit), translated."""
    gap_population, gap_share = gap_labels(measure)
    programme_names = {"qpv": tr("QPV"), "action_coeur_de_ville": tr("Action cœur de ville"),
                       "petites_villes_de_demain": tr("Petites villes de demain"),
                       "territoires_industrie": tr("Territoires d'industrie"),
                       "villages_avenir": tr("Villages d'avenir")}
    labels = {"population": (tr("Population"), tr("inhabitants")), "area_km2": (tr("Area"), "km²"),
              "density": (tr("Density"), tr("inhabitants/km²")), "communes": (tr("Communes"), ""),
              "epci": (tr("EPCI"), ""), "france_services": (tr("France services sites"), ""),
              "france_services_per_10000": (tr("France services per 10,000 inhabitants"), ""),
              "mobile_sites": (tr("Mobile sites (Arcep)"), ""),
              "gap_population": (gap_population, tr("inhabitants")), "gap_share": (gap_share, "%")}
    for key, name in programme_names.items():
        labels[key] = (tr("{programme}: number").format(programme=name), "")
        labels[f"{key}_communes"] = (tr("{programme}: communes concerned").format(programme=name), "")
        labels[f"{key}_population"] = (tr("{programme}: population of the communes concerned").format(
            programme=name), tr("inhabitants"))
        labels[f"{key}_population_share"] = (tr("{programme}: share of the population in those communes").format(
            programme=name), "%")
    return labels


def density_labels(membership):
    """Labels of the population-by-density-level rows: INSEE's level names, the grid's year."""
    labels, year = {}, membership.source_date[:4]
    for level, name in membership.labels.items():
        labels[f"density_{level}_population"] = (tr("Population of the communes of density level {level}, {name} "
                                                    "(INSEE grid {year})").format(level=level, name=name, year=year),
                                                 tr("inhabitants"))
        labels[f"density_{level}_population_share"] = (tr("Share of the population in density level {level}, "
                                                          "{name}").format(level=level, name=name), "%")
    return labels


def warn_double_levels(membership, feedback):
    """Communes the grid lists at two levels (communes merged after its year): named, counted once."""
    doubles = sorted(code for code, levels in membership.ids_by_commune.items()
                     if not code.startswith(UNPLACED) and len(set(levels)) > 1)
    if doubles:
        warn(feedback, tr("{n} communes are at two density levels in the INSEE grid (communes merged since): each "
                          "counts at its denser level: {codes}").format(n=len(doubles), codes=", ".join(doubles[:10])))


def compute_profile(territory, data, context, feedback, measure=STRAIGHT_DEFAULT, runs=None, tables=PROFILE_TABLES):
    """The key-figure table (pandas), the memberships it used (shared with the atlas) and the gap
    measure it could use; ``runs`` keeps the service-gap runs (see figures.service_gaps)."""
    builder = data.builder(feedback)
    index = builder.index
    # The tables the key figures use, not every programme of the catalogue.
    memberships = read_memberships(builder, tables, feedback)
    usable = {key: (None if m.unavailable else m.ids_by_commune) for key, m in memberships.items()}
    if DENSITY_GRID in memberships and not memberships[DENSITY_GRID].unavailable:
        warn_double_levels(memberships[DENSITY_GRID], feedback)
    feedback.setProgress(30)
    area_km2, area_departements = areas(builder, territory, feedback)
    gaps, used = service_gaps(territory, context, feedback, measure, runs)
    table = key_figures(commune_frame(index), level_codes(index, territory), area_km2, usable, gaps,
                        area_departements, whole_departements(index, territory))
    return table, memberships, used


class TerritoryProfileAlgorithm(AnctAlgorithm):
    group_id = "diagnostics"

    def name(self):
        return "territory_profile"

    def displayName(self):
        return tr("Territory key figures")

    def initAlgorithm(self, config=None):
        self.add_help(QgsProcessingParameterString("TERRITORY", tr("Territory")), tr(
            "FR, a région (reg:24), a département (36), an EPCI SIREN, a commune code or a name."))
        add_gap_parameters(self)
        self.add_help(QgsProcessingParameterFeatureSink("OUTPUT", tr("Key figures"), SOURCE_VECTOR_ANY), tr(
            "One row per indicator: indicator, label, unit, territory, region, france (CSV, XLSX, GeoPackage…)."))

    def run_algorithm(self, parameters, context, feedback):
        with atomic_outputs(self, parameters, context) as outputs:
            return self._run(outputs, context, feedback)

    def _run(self, outputs, context, feedback):
        parameters = outputs.parameters
        data = AnctData()
        territory = data.resolve_territory(self.parameterAsString(parameters, "TERRITORY", context), feedback)
        measure = read_gap_parameters(self, parameters, context)
        table, memberships, used = compute_profile(territory, data, context, feedback, measure)
        fields = QgsFields()
        for name, kind in (("indicator", FIELD_STRING), ("label", FIELD_STRING), ("unit", FIELD_STRING),
                           ("territory", FIELD_DOUBLE), ("region", FIELD_DOUBLE), ("france", FIELD_DOUBLE)):
            fields.append(QgsField(name, kind))
        sink, dest_id = outputs.sink("OUTPUT", fields, WKB_NOGEOMETRY, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        labels = {**indicator_labels(used), **density_labels(memberships[DENSITY_GRID])}
        # One population vintage for every figure: say which, on the row and in the log.
        population_source = data.builder(feedback).population_source()
        labels["population"] = (f"{labels['population'][0]} — {population_source}", labels["population"][1])
        feedback.pushInfo(tr("Population: {source}").format(source=population_source))
        for row in table.itertuples(index=False):
            label, unit = labels.get(row.indicator, (row.indicator, ""))
            feature = QgsFeature(fields)
            digits = DIGITS.get(row.indicator.rsplit("_", 1)[-1] if row.indicator.endswith(("share", "density"))
                                else row.indicator)
            feature.setAttributes([row.indicator, label, unit] + [_value(getattr(row, level), digits)
                                                                  for level in ("territory", "region", "france")])
            sink.addFeature(feature, FAST_INSERT)
        feedback.pushInfo(tr("{n} indicators for {territory}").format(n=len(table), territory=territory.label))
        del sink  # closed before it is moved into place
        return {"OUTPUT": outputs.final_id(dest_id)}


# Shares, densities and rates are read, not recomputed: rounded as a reader wants them.
DIGITS = {"share": 1, "density": 1, "area_km2": 1, "france_services_per_10000": 2}


def _value(value, digits=None):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number:
        return None
    return round(number, digits) if digits is not None else number
