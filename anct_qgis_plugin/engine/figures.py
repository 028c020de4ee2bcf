"""Key figures of a territory beside its région and France: the engine of anct:territory_profile
and of the atlas sheets (the commune table, the levels, the areas, the service gaps, the table)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional, cast

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..core.building.layers import LayerBuilder
from ..core.errors import AnctError, CancelledError
from ..core.memberships.tables import Membership, read_memberships
from ..core.published.catalogue import KEY_FIGURE_PROGRAMMES, TYPOLOGY_IDS
from ..core.published.territories import Territory, TerritoryIndex
from ..core.report import warn
from ..core.service import AnctData
from ..diagnostics.profile import DENSITY_GRID, UNPLACED, key_figures, typology_figures
from .gap_slices import slice_run
from .i18n import tr

if TYPE_CHECKING:  # pandas is imported when a table is built
    import pandas as pd

# Collectivités d'outre-mer: in the national commune table, not in IGN's outlines of France.
COM_CODES = {"975", "977", "978", "984", "986", "987", "988", "989"}
# The tables the key figures use, not every programme of the catalogue.
BROADBAND = "france_thd"  # the catalogue's fixed-broadband source (Arcep)
BROADBAND_INDICATORS = ("broadband_premises", "ftth_premises_share", "without_wired_30_share")
# The commune typologies beside the density grid (population by level in the profile, not on the atlas sheet).
TYPOLOGIES = tuple(table for table in TYPOLOGY_IDS if table != DENSITY_GRID)
PROFILE_TABLES = ("qpv",) + KEY_FIGURE_PROGRAMMES + ("france_services", "mobile_sites", DENSITY_GRID) + TYPOLOGIES
# The atlas's sheets show no density figure: it does not read the grid.
ATLAS_TABLES = tuple(table for table in PROFILE_TABLES if table != DENSITY_GRID and table not in TYPOLOGIES)


def once(runs: Optional[dict], key: tuple, make: Callable[[], Any]) -> Any:
    """``make()`` the first time a run asks for ``key``, then the same value: what every sheet of
    a run shares (France's and each région's figures, the national tables) is computed once.
    ``runs``: the run's dict (see service_gaps); None computes every time."""
    if runs is None:
        return make()
    if key not in runs:
        runs[key] = make()
    return runs[key]


def commune_frame(index: TerritoryIndex) -> "pd.DataFrame":
    """The national commune table (population of its census year) as a DataFrame."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "code": c["code"],
                "nom": c.get("nom", ""),
                "dep": c.get("codeDepartement", ""),
                "reg": c.get("codeRegion", ""),
                "epci": c.get("codeEpci") or "",
                "population": float(c.get("population") or 0),
            }
            for c in index.communes.values()
        ]
    )


def level_codes(index: TerritoryIndex, territory: Territory) -> dict:
    """Commune codes of the territory, its région (when it has one) and France (None = all)."""
    region = None
    if len(territory.region_codes) == 1 and not territory.is_country:
        region = index.region(territory.region_codes[0]).commune_codes
    return {"territory": None if territory.is_country else territory.commune_codes, "region": region, "france": None}


def whole_departements(index: TerritoryIndex, territory: Territory) -> dict:
    """Département codes each level holds whole (None = all): where a row placed by its département
    only (its commune code maps to nothing) counts."""
    own = set(territory.departement_codes) if territory.kind in ("departement", "region") else set()
    region = set()
    if len(territory.region_codes) == 1 and not territory.is_country:
        region = {code for code, (_name, reg) in index.departements.items() if reg == territory.region_codes[0]}
    return {"territory": None if territory.is_country else own, "region": region, "france": None}


def ellipsoidal_km2(layer: QgsVectorLayer, code_field: str = "", codes: Optional[set] = None) -> float:
    """Area in km² on the GRS80 ellipsoid, whatever the layer's CRS."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), layer.transformContext())
    measure.setEllipsoid("EPSG:7019")
    return (
        sum(measure.measureArea(f.geometry()) for f in layer.getFeatures() if codes is None or f[code_field] in codes)
        / 1e6
    )


def areas(
    builder: LayerBuilder, territory: Territory, feedback: QgsProcessingFeedback, runs: Optional[dict] = None
) -> "tuple[dict, dict]":
    """(km² per level, département codes each area covers — None = all).

    The territory from its commune outlines, département by département; a département whose
    commune outlines cannot be had counts by its IGN outline (when the territory holds it whole).
    Région and France from IGN's région outlines, which cover metropolitan France and the DROM.
    """
    result: dict[str, Optional[float]] = {"territory": None, "region": None, "france": None}
    covered: dict[str, Optional[set]] = {"territory": None, "region": None, "france": None}
    try:
        region_km2 = once(runs, ("region_km2",), lambda: _region_km2(builder))
        result["france"] = sum(region_km2.values())
        covered["france"] = set(builder.index.departements) - COM_CODES
        if len(territory.region_codes) == 1 and not territory.is_country:
            result["region"] = region_km2.get(territory.region_codes[0], 0.0)
    except AnctError as error:
        feedback.pushWarning(tr("Région and France areas unavailable: {error}").format(error=error))
    if territory.is_country:
        result["territory"], covered["territory"] = result["france"], covered["france"]
    else:
        result["territory"] = territory_km2(builder, territory, feedback)
    return result, covered


def _region_km2(builder: LayerBuilder) -> dict:
    """km² of every région from IGN's outlines (metropolitan France and the DROM)."""
    return outline_km2(builder.build("regions", builder.index.country()).layer, "insee_reg")


def outline_km2(layer: QgsVectorLayer, other_code_field: str) -> dict:
    """{code: km²} of an IGN outline layer (ADMIN EXPRESS's code_insee, or ``other_code_field``)."""
    code_field = "code_insee" if "code_insee" in layer.fields().names() else other_code_field
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), layer.transformContext())
    measure.setEllipsoid("EPSG:7019")
    result: dict[str, float] = {}
    for feature in layer.getFeatures():
        code = str(feature[code_field])
        result[code] = result.get(code, 0.0) + measure.measureArea(feature.geometry()) / 1e6
    return result


def territory_km2(builder: LayerBuilder, territory: Territory, feedback: QgsProcessingFeedback) -> Optional[float]:
    """km² of a territory from its commune outlines, or its départements' outlines where those fail."""
    total, without_outlines = 0.0, []
    for code in territory.departement_codes:
        part = dataclasses.replace(territory, departement_codes=(code,))
        try:
            # The builder's own copy: the sheet's programme layers join the same outlines.
            total += ellipsoidal_km2(builder.commune_layer(part, QgsCoordinateReferenceSystem(part.crs)))
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
        feedback.pushWarning(
            tr("Area of {territory} unavailable: {error}").format(territory=territory.label, error=error)
        )
        return None
    feedback.pushInfo(
        tr("Area of {codes} from the IGN département outlines (commune outlines unavailable).").format(
            codes=", ".join(sorted(codes))
        )
    )
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


def gap_measure(mode: str, threshold: Optional[float] = None, network: object = None) -> GapMeasure:
    """A measure with the national defaults: 20 km in straight line, 30 minutes by road."""
    default = ROAD_DEFAULT if mode == "road" else STRAIGHT_DEFAULT
    return GapMeasure(default.mode, default.threshold if threshold in (None, "") else float(threshold), network)


@dataclass(frozen=True)
class GapRun:
    """One anct:service_gap run of a territory: its figures, its output and summary layers and the
    codes of the units it measured (communes: those whose outline could be had)."""

    beyond: float
    population: float
    layer: QgsVectorLayer
    summary: QgsVectorLayer
    network_source: str
    units: frozenset = frozenset()


@dataclass(frozen=True)
class Partial:
    """Figures of a level that only part of its communes could give (the others have no outline
    here): ``counted`` of its ``total`` communes. Such a figure is not given (None), only said.
    ``name``: the level's (the territory's label, the région's name, France)."""

    level: str
    name: str
    indicators: tuple
    counted: int
    total: int


GAP_INDICATORS = ("gap_population", "gap_share")


@dataclass(frozen=True)
class LevelGaps:
    """{level: (population beyond, population) or None}, the measure that could be used, and the
    levels measured on part of their communes (their figures are None)."""

    levels: dict
    measure: GapMeasure
    partial: tuple = ()


def gap_coverage(index: TerritoryIndex, territory: Territory, level: str, run: GapRun) -> Optional[Partial]:
    """A Partial when the run of ``level`` missed communes of that level, else None.

    The communes of the collectivités d'outre-mer have no outline anywhere (IGN's France is
    metropolitan France and the DROM): France's measure leaves them out by definition, not by a
    missing file, so they are not expected.
    """
    codes = level_codes(index, territory)[level]
    expected = {
        code
        for code in (index.communes if codes is None else codes)
        if index.communes.get(code, {}).get("codeDepartement", "") not in COM_CODES
    }
    counted = len(expected & run.units)
    if counted == len(expected):
        return None
    return Partial(level, level_name(index, territory, level), GAP_INDICATORS, counted, len(expected))


def service_gaps(
    territory: Territory,
    index: TerritoryIndex,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    measure: GapMeasure = STRAIGHT_DEFAULT,
    runs: Optional[dict] = None,
) -> LevelGaps:
    """The service gap of the territory and its région and France, from anct:service_gap run as a
    child algorithm.

    In straight line the territory, its région and (for France) France are measured. By road only
    the territory is (a région's network is a million sections; France's is not fetched); when
    no road network can be had, the straight-line measure stands in, with a warning.
    ``runs`` (a dict) keeps each run's output and summary layers by (territory key, measure), and
    reuses them: an atlas of a région measures the région once, not once per département.
    A level whose run missed some of its communes (outlines that could not be had) gets None and
    a Partial saying how many it counted.
    """
    runs = {} if runs is None else runs
    if measure.by_road:
        run_key = (territory.key, measure)
        if run_key not in runs:
            runs[run_key] = run_service_gap(territory.key, measure, context, feedback)
        if runs[run_key] is not None:
            return _level_gaps(index, territory, {"territory": runs[run_key]}, measure, feedback)
        feedback.pushWarning(
            tr("No road times for {territory}: the straight-line distance is shown instead.").format(
                territory=territory.label
            )
        )
        measure = STRAIGHT_DEFAULT
    keys = {"territory": territory.key}
    if len(territory.region_codes) == 1 and not territory.is_country:
        keys["region"] = f"reg:{territory.region_codes[0]}"
    if territory.is_country:
        keys["france"] = "FR"
    # Whole départements (a département, a région) can be cut out of a national run of the same
    # measure when the run has one (the atlas's ranks need it): the same figures, measured once.
    whole = {"territory": territory.departement_codes if territory.kind in ("departement", "region") else None}
    if "region" in keys:
        whole["region"] = index.region(territory.region_codes[0]).departement_codes
    national = runs.get(("FR", measure))
    level_runs = {}
    for level, key in keys.items():
        if feedback.isCanceled():
            raise CancelledError(tr("Cancelled."))
        if (key, measure) not in runs:
            codes = whole.get(level)
            if national is not None and codes:
                beyond, population, layer, summary, units = slice_run(national.layer, national.summary, codes)
                runs[(key, measure)] = GapRun(beyond, population, layer, summary, national.network_source, units)
            else:
                runs[(key, measure)] = run_service_gap(key, measure, context, feedback)
        level_runs[level] = runs[(key, measure)]
    if national is not None and not territory.is_country:  # France's own figure, when the run has it
        level_runs["france"] = national
    if territory.is_country:
        level_runs["territory"] = level_runs["france"]
    return _level_gaps(index, territory, level_runs, measure, feedback)


def level_name(index: TerritoryIndex, territory: Territory, level: str) -> str:
    """The territory's label, its région's name or France."""
    if level == "region":
        return index.regions.get(territory.region_codes[0], territory.region_codes[0])
    return territory.label if level == "territory" else "France"


def _level_gaps(
    index: TerritoryIndex, territory: Territory, level_runs: dict, measure: GapMeasure, feedback: QgsProcessingFeedback
) -> LevelGaps:
    """The figures of each level's run (None for a failed run or one that missed communes)."""
    result: dict[str, Optional[tuple]] = {"territory": None, "region": None, "france": None}
    partial = []
    for level, run in level_runs.items():
        if run is None:
            continue
        missed = gap_coverage(index, territory, level, run)
        if missed is None:
            result[level] = (run.beyond, run.population)
            continue
        partial.append(missed)
        warn(
            feedback,
            tr(
                "Service gap of {name} not given: only {n} of its {total} communes could be measured "
                "(the others' outlines could not be had)."
            ).format(name=missed.name, n=missed.counted, total=missed.total),
        )
    return LevelGaps(result, measure, tuple(partial))


def gap_run(runs: dict, territory: Territory, measure: GapMeasure) -> Optional[GapRun]:
    """The service-gap run of a territory kept in ``runs`` (layers for the atlas), or None."""
    return runs.get((territory.key, measure))


def run_service_gap(
    key: str, measure: GapMeasure, context: QgsProcessingContext, feedback: QgsProcessingFeedback
) -> Optional[GapRun]:
    import processing

    parameters = {
        "TERRITORY": key,
        "MODE": measure.mode,
        "THRESHOLD": measure.threshold,
        "OUTPUT": "memory:",
        "SUMMARY": "memory:",
    }
    if measure.network is not None:
        parameters["NETWORK"] = measure.network
    try:
        outputs = processing.run(
            "anct:service_gap", parameters, context=context, feedback=feedback, is_child_algorithm=True
        )
    except QgsProcessingException as error:
        feedback.pushWarning(tr("Service gap for {key} unavailable: {error}").format(key=key, error=error))
        return None
    # anct:service_gap's OUTPUT and SUMMARY are vector layers.
    layer = cast(QgsVectorLayer, QgsProcessingUtils.mapLayerFromString(outputs["OUTPUT"], context))
    features = list(layer.getFeatures())
    return GapRun(
        outputs["POPULATION_BEYOND"],
        sum(f["population"] or 0 for f in features),
        layer,
        cast(QgsVectorLayer, QgsProcessingUtils.mapLayerFromString(outputs["SUMMARY"], context)),
        outputs.get("NETWORK_SOURCE", ""),
        frozenset(str(f[0]) for f in features),  # the unit id comes first (engine/service_gap.output_fields)
    )


@dataclass(frozen=True)
class FigureSource:
    """Which file a group of figures was read from: its title, publisher, file name(s), date and licence,
    and ``origin`` (a programme's own list, ANCT's cross-table or a list newer than it: Membership.origin)."""

    title: str
    publisher: str
    file_name: str
    source_date: str
    licence: str
    origin: str = "list"


def membership_sources(memberships: dict) -> dict:
    """{table: FigureSource} of the memberships that could be read."""
    from ..core.memberships.tables import MEMBERSHIP_SOURCES

    return {
        key: FigureSource(
            m.title,
            MEMBERSHIP_SOURCES[key][0].publisher,
            m.file_name,
            m.source_date,
            MEMBERSHIP_SOURCES[key][0].licence,
            m.origin,
        )
        for key, m in memberships.items()
        if not m.unavailable
    }


def source_lines(sources: dict) -> list:
    """'<table>: <file>, <date> (<origin>)' for each FigureSource: which file each figure came from."""
    origins = {"cross_table": tr("ANCT cross-table"), "newer_list": tr("list newer than the cross-table")}
    return [
        tr("{table}: {file}, {date} ({origin})").format(
            table=table,
            file=source.file_name or "-",
            date=source.source_date or "-",
            origin=origins.get(source.origin, tr("list")),
        )
        for table, source in sources.items()
    ]


@dataclass(frozen=True)
class Profile:
    """The key-figure table (pandas: indicator, territory, region, france), the memberships it
    used (shared with the atlas), the gap measure it could use and the population's source."""

    territory: Territory
    table: "pd.DataFrame"
    memberships: dict
    measure: GapMeasure
    population_source: str = ""
    partial: tuple = ()  # Partial: figures left out because part of a level's communes gave them
    ranks: dict = dataclasses.field(default_factory=dict)  # indicator -> (rank, count) among départements
    sources: dict = dataclasses.field(default_factory=dict)  # table (or BROADBAND) -> FigureSource of its figures


def _warn_double_levels(membership: Membership, feedback: QgsProcessingFeedback) -> None:
    """Communes the grid lists at two levels (communes merged after its year): named, counted once."""
    doubles = sorted(
        code
        for code, levels in membership.ids_by_commune.items()
        if not code.startswith(UNPLACED) and len(set(levels)) > 1
    )
    if doubles:
        warn(
            feedback,
            tr(
                "{n} communes are at two density levels in the INSEE grid (communes merged since): each "
                "counts at its denser level: {codes}"
            ).format(n=len(doubles), codes=", ".join(doubles[:10])),
        )


def compute_profile(
    territory: Territory,
    data: AnctData,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    measure: GapMeasure = STRAIGHT_DEFAULT,
    runs: Optional[dict] = None,
    tables: tuple = PROFILE_TABLES,
    builder: Optional[LayerBuilder] = None,
) -> Profile:
    """The key figures of a territory from ``tables``; ``runs`` keeps the service-gap runs (see
    service_gaps); ``builder``: the caller's, to share the layers it has read (data's otherwise)."""
    builder = builder or data.builder(feedback)
    index = builder.index
    memberships = once(runs, ("memberships", tables), lambda: read_memberships(builder, tables, feedback))
    usable = {key: (None if m.unavailable else m.ids_by_commune) for key, m in memberships.items()}
    if DENSITY_GRID in memberships and not memberships[DENSITY_GRID].unavailable:
        _warn_double_levels(memberships[DENSITY_GRID], feedback)
    feedback.setProgress(30)
    area_km2, area_departements = areas(builder, territory, feedback, runs)
    gaps = service_gaps(territory, index, context, feedback, measure, runs)
    # France's and the région's figures are the same for every sheet of a run measured alike.
    shared = {"france": ("FR",), "region": territory.region_codes}
    keys = {level: ("level", level, codes, gaps.measure, tables) for level, codes in shared.items()}
    known = {level: runs[key] for level, key in keys.items() if runs is not None and key in runs}
    table = key_figures(
        once(runs, ("commune_frame",), lambda: commune_frame(index)),
        level_codes(index, territory),
        area_km2,
        usable,
        gaps.levels,
        area_departements,
        whole_departements(index, territory),
        known,
        programmes=KEY_FIGURE_PROGRAMMES,
    )
    if runs is not None and not territory.is_country and len(territory.region_codes) == 1:
        for level, key in keys.items():  # the key figures only: the rows below are computed per sheet
            runs.setdefault(key, dict(zip(table["indicator"], table[level])))
    import pandas as pd

    levels = level_codes(index, territory)
    typologies = {key: usable[key] for key in TYPOLOGIES if key in usable}
    frame = once(runs, ("commune_frame",), lambda: commune_frame(index))
    broadband, broadband_from = broadband_figures(builder, levels, feedback)
    table = pd.concat([table, broadband, typology_figures(frame, levels, typologies)], ignore_index=True)
    sources = membership_sources(memberships)
    if broadband_from is not None:
        sources[BROADBAND] = broadband_from
    return Profile(territory, table, memberships, gaps.measure, partial=gaps.partial, sources=sources)


def broadband_premises(builder: LayerBuilder, feedback: QgsProcessingFeedback) -> Optional[dict]:
    """Every commune's Premises (core.broadband), or None (said) when Arcep's files cannot be had."""
    from ..core.building.broadband_files import national_premises

    try:
        return national_premises(builder, BROADBAND)
    except AnctError as error:
        warn(feedback, tr("Fixed broadband (Arcep) unavailable: {error}").format(error=error))
        return None


def broadband_source(builder: LayerBuilder, premises: dict) -> FigureSource:
    """The Arcep files the broadband figures come from, with the edition's date (their ``date`` column)."""
    from ..core.published.catalogue import CommunePremises, FixedUrl, get_source

    source = get_source(BROADBAND)
    # The catalogue's france_thd: one fixed file, its companion the wired-speed file.
    names = (cast(FixedUrl, source.locator).url, cast(CommunePremises, source.geometry).companion.url)
    return FigureSource(
        source.title(builder.language),
        source.publisher,
        ", ".join(url.rsplit("/", 1)[-1] for url in names),
        next((found.date for found in premises.values() if found.date), ""),
        source.licence,
    )


def broadband_figures(
    builder: LayerBuilder, levels: dict, feedback: QgsProcessingFeedback
) -> "tuple[pd.DataFrame, Optional[FigureSource]]":
    """Fixed broadband at the three levels, summed from the communes' premises counts (never an average of
    their shares): premises, share eligible to FTTH, share without a wired offer of 30 Mbit/s or more; and
    the files they come from (None when they cannot be had)."""
    import pandas as pd

    from ..core.published.broadband import total_of
    from ..diagnostics.profile import LEVELS

    premises = broadband_premises(builder, feedback)
    rows: dict[str, dict[str, Any]] = {key: {"indicator": key} for key in BROADBAND_INDICATORS}
    for level in LEVELS:
        area = None if premises is None else total_of(premises, levels.get(level))
        rows["broadband_premises"][level] = None if area is None else area.premises
        rows["ftth_premises_share"][level] = None if area is None else area.ftth_share
        rows["without_wired_30_share"][level] = None if area is None else area.without_wired_30_share
    return pd.DataFrame(list(rows.values())), None if premises is None else broadband_source(builder, premises)


def territory_profile(
    territory_text: str,
    measure: GapMeasure,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    runs: Optional[dict] = None,
) -> Profile:
    """The key figures of the territory named by ``territory_text`` (FR, 36, reg:24, a name…)."""
    data = AnctData()
    territory = data.resolve_territory(territory_text, feedback)
    profile = compute_profile(territory, data, context, feedback, measure, runs)
    # One population vintage for every figure: the output says which.
    return dataclasses.replace(profile, population_source=data.builder(feedback).population_source())
