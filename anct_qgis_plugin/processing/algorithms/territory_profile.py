"""anct:territory_profile — key figures of a territory beside its région and France (the
engine: engine/figures.py)."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ...compat import FAST_INSERT, FIELD_DOUBLE, FIELD_INT, FIELD_STRING, SOURCE_VECTOR_ANY, WKB_NOGEOMETRY
from ...core.published.observatoire_indicators import CURATED
from ..support.base import AnctAlgorithm, tr
from ..support.gap_parameters import GapParameters


def gap_labels(measure):
    """(label of the population beyond, label of its share) for a gap measure."""
    if measure.by_road:
        return (
            tr("Population beyond {min:g} minutes by road of a France services site").format(min=measure.threshold),
            tr("Share of the population beyond {min:g} minutes by road of a France services site").format(
                min=measure.threshold
            ),
        )
    return (
        tr("Population beyond {km:g} km of a France services site").format(km=measure.threshold),
        tr("Share of the population beyond {km:g} km of a France services site").format(km=measure.threshold),
    )


def indicator_labels(measure):
    """indicator id -> (label, unit), translated."""
    gap_population, gap_share = gap_labels(measure)
    from ...core.published.catalogue import KEY_FIGURE_PROGRAMMES, get_source

    programme_names = {"qpv": tr("QPV"), **{key: get_source(key).title() for key in KEY_FIGURE_PROGRAMMES}}
    labels = {
        "population": (tr("Population"), tr("inhabitants")),
        "area_km2": (tr("Area"), "km²"),
        "density": (tr("Density"), tr("inhabitants/km²")),
        "communes": (tr("Communes"), ""),
        "epci": (tr("EPCI"), ""),
        "france_services": (tr("France services sites"), ""),
        "france_services_per_10000": (tr("France services per 10,000 inhabitants"), ""),
        "mobile_sites": (tr("Mobile sites (Arcep)"), ""),
        "gap_population": (gap_population, tr("inhabitants")),
        "gap_share": (gap_share, "%"),
        "broadband_premises": (tr("Premises (Arcep, fixed broadband)"), tr("premises")),
        "ftth_premises_share": (tr("Share of premises eligible to fibre (FTTH)"), "%"),
        "without_wired_30_share": (tr("Share of premises without a wired offer of 30 Mbit/s or more"), "%"),
    }
    for key, name in programme_names.items():
        labels[key] = (tr("{programme}: number").format(programme=name), "")
        labels[f"{key}_communes"] = (tr("{programme}: communes concerned").format(programme=name), "")
        labels[f"{key}_population"] = (
            tr("{programme}: population of the communes concerned").format(programme=name),
            tr("inhabitants"),
        )
        labels[f"{key}_population_share"] = (
            tr("{programme}: share of the population in those communes").format(programme=name),
            "%",
        )
    return labels


def density_labels(membership):
    """Labels of the population-by-density-level rows: INSEE's level names, the grid's year."""
    labels, year = {}, membership.source_date[:4]
    for level, name in membership.labels.items():
        labels[f"density_{level}_population"] = (
            tr("Population of the communes of density level {level}, {name} (INSEE grid {year})").format(
                level=level, name=name, year=year
            ),
            tr("inhabitants"),
        )
        labels[f"density_{level}_population_share"] = (
            tr("Share of the population in density level {level}, {name}").format(level=level, name=name),
            "%",
        )
    return labels


def typology_labels(memberships):
    """Labels of the population-by-level rows of the commune typologies: the typology's title and the level."""
    from ...core.published.catalogue import get_source
    from ...diagnostics.profile import UNPLACED, level_slug
    from ...engine.figures import TYPOLOGIES

    labels = {}
    for table_id in TYPOLOGIES:
        membership = memberships.get(table_id)
        if membership is None or membership.unavailable:
            continue
        title = get_source(table_id).title()
        for key, levels in membership.ids_by_commune.items():
            for level in () if key.startswith(UNPLACED) else levels:
                indicator = f"{table_id}_{level_slug(level)}_population"
                labels[indicator] = (
                    tr("Population of the communes: {typology} — {level}").format(typology=title, level=level),
                    tr("inhabitants"),
                )
                labels[indicator + "_share"] = (
                    tr("Share of the population: {typology} — {level}").format(typology=title, level=level),
                    "%",
                )
    return labels


class TerritoryProfileAlgorithm(GapParameters, AnctAlgorithm):
    group_id = "diagnostics"
    INDICATORS = "INDICATORS"

    def name(self):
        return "territory_profile"

    def displayName(self):
        return tr("Territory key figures")

    def menu_text(self):
        return tr("Territory key figures…")

    def initAlgorithm(self, config=None):
        self.add_territory_parameter()
        self.add_gap_parameters()
        self.add_help(
            QgsProcessingParameterString(self.INDICATORS, tr("Observatoire des territoires indicators"), optional=True),
            tr(
                "Ids dataset.indic (or map links), separated by commas or spaces: one row each with the "
                "Observatoire's own figure for the territory, its région and France, n.d. where it publishes none "
                "(never averaged from the communes). Curated ids: {ids}"
            ).format(ids=", ".join(entry.id for entry in CURATED)),
        )
        self.add_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Key figures"), SOURCE_VECTOR_ANY),
            tr(
                "One row per indicator: indicator, label, unit, territory, region, france (CSV, XLSX, "
                "GeoPackage…), and a note when a figure is not given because only part of a level's "
                "communes could be measured. For a département, rank and rank_of: its rank among the "
                "départements (1 = the largest value) and how many have the figure (101)."
            ),
        )

    def run_algorithm(self, parameters, context, feedback):
        from ...core.published.observatoire import parse_indicators
        from ...core.service import AnctData
        from ...engine.national import ranked_territory_profile
        from ..support.atomic_outputs import atomic_outputs

        indicators = parse_indicators(self.parameterAsString(parameters, self.INDICATORS, context))
        with atomic_outputs(self, parameters, context) as outputs:
            profile = ranked_territory_profile(
                self.parameterAsString(outputs.parameters, self.TERRITORY, context),
                self.read_gap_parameters(outputs.parameters, context),
                context,
                feedback,
            )
            figures = AnctData().indicator_figures(profile.territory, indicators, feedback) if indicators else []
            return self._write(profile, outputs, feedback, figures)

    def _write(self, profile, outputs, feedback, figures=()):
        from ...diagnostics.profile import DENSITY_GRID

        table = profile.table
        fields = QgsFields()
        for name, kind in (
            ("indicator", FIELD_STRING),
            ("label", FIELD_STRING),
            ("unit", FIELD_STRING),
            ("territory", FIELD_DOUBLE),
            ("region", FIELD_DOUBLE),
            ("france", FIELD_DOUBLE),
            ("note", FIELD_STRING),
            ("rank", FIELD_INT),
            ("rank_of", FIELD_INT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = outputs.required_sink(self.OUTPUT, fields, WKB_NOGEOMETRY, QgsCoordinateReferenceSystem())
        labels = {**indicator_labels(profile.measure), **density_labels(profile.memberships[DENSITY_GRID])}
        labels.update(typology_labels(profile.memberships))
        # One population vintage for every figure: say which, on the row and in the log.
        population_source = profile.population_source
        labels["population"] = (f"{labels['population'][0]} — {population_source}", labels["population"][1])
        feedback.pushInfo(tr("Population: {source}").format(source=population_source))
        from ...engine.figures import source_lines

        for line in source_lines(profile.sources):  # which file each figure came from
            feedback.pushInfo(line)
        notes = partial_notes(profile.partial)
        for row in table.itertuples(index=False):
            label, unit = labels.get(row.indicator, (row.indicator, ""))
            feature = QgsFeature(fields)
            digits = DIGITS.get(
                row.indicator.rsplit("_", 1)[-1] if row.indicator.endswith(("share", "density")) else row.indicator
            )
            feature.setAttributes(
                [row.indicator, label, unit]
                + [_value(getattr(row, level), digits) for level in ("territory", "region", "france")]
                + [notes.get(row.indicator)]
                + list(profile.ranks.get(row.indicator, (None, None)))
            )
            sink.addFeature(feature, FAST_INSERT)
        for figure in figures:
            sink.addFeature(indicator_feature(fields, figure), FAST_INSERT)
        feedback.pushInfo(
            tr("{n} indicators for {territory}").format(n=len(table) + len(figures), territory=profile.territory.label)
        )
        del sink  # closed before it is moved into place
        return {self.OUTPUT: outputs.final_id(dest_id)}


def indicator_feature(fields, figure):
    """An Observatoire indicator's row: the id, its label and year, its unit, the three levels' own
    figures (NULL: n.d.) and why a level is n.d."""
    feature = QgsFeature(fields)  # by name: the other columns of the key figures stay NULL
    feature.setAttribute("indicator", str(figure.indicator))
    feature.setAttribute("label", f"{figure.label}, {figure.year}" if figure.year else figure.label)
    feature.setAttribute("unit", figure.unit)
    for level in ("territory", "region", "france"):
        feature.setAttribute(level, figure.values.get(level))
    feature.setAttribute("note", "; ".join(figure.notes) or None)
    return feature


def partial_notes(partial):
    """indicator -> why some of its levels are empty: a figure only part of a level's communes gave
    (engine.figures.Partial) is not printed as the level's."""
    notes = {}
    for missed in partial:
        text = tr("{name}: not given, only {n} of its {total} communes could be measured (outlines missing)").format(
            name=missed.name, n=missed.counted, total=missed.total
        )
        for indicator in missed.indicators:
            notes[indicator] = f"{notes[indicator]}; {text}" if indicator in notes else text
    return notes


# Shares, densities and rates are read, not recomputed: rounded as a reader wants them.
DIGITS = {"share": 1, "density": 1, "area_km2": 1, "france_services_per_10000": 2}


def _value(value, digits=None):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number:
        return None
    if digits is None:
        return number
    rounded = round(number, digits)
    # A share above 0 is not 0: one that rounds to 0.0 keeps its first two significant digits (0.031).
    return float(f"{number:.2g}") if rounded == 0 and number != 0 else rounded
