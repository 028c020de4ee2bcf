"""Every département's key figures, once per run, and a département's ranks among them: the
"rang N/101" of the atlas sheets and the rank column of anct:territory_profile."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Optional

from qgis.core import QgsProcessingContext, QgsProcessingFeedback

from ..core.errors import AnctError
from ..core.memberships.tables import read_memberships
from ..core.published.broadband import total_of
from ..core.published.catalogue import KEY_FIGURE_PROGRAMMES
from ..core.service import AnctData
from ..diagnostics.ranks import departement_figures, departement_ranks
from .figures import (
    COM_CODES,
    GapMeasure,
    Profile,
    broadband_premises,
    commune_frame,
    once,
    outline_km2,
    run_service_gap,
    territory_profile,
)
from .i18n import tr

if TYPE_CHECKING:
    import pandas as pd

    from ..core.published.territories import TerritoryIndex


def ranked_departements(index: TerritoryIndex) -> list[str]:
    """The départements a rank counts: every one but the collectivités d'outre-mer (101)."""
    return sorted(set(index.departements) - COM_CODES)


def departement_table(
    data: AnctData,
    tables: tuple,
    measure: GapMeasure,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    runs: Optional[dict] = None,
) -> pd.DataFrame:
    """Every département's figures (diagnostics.ranks.departement_figures) for a run, computed once.

    Areas from IGN's département outlines; the service gap from one national anct:service_gap run
    in straight line (by road there is no national measure: the gap is not ranked)."""
    runs = {} if runs is None else runs
    return once(
        runs, ("departement_table", tables, measure), lambda: _table(data, tables, measure, context, feedback, runs)
    )


def _table(
    data: AnctData,
    tables: tuple,
    measure: GapMeasure,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    runs: dict,
) -> pd.DataFrame:
    builder = data.builder(feedback)
    index = builder.index
    memberships = once(runs, ("memberships", tables), lambda: read_memberships(builder, tables, feedback))
    usable = {key: (None if m.unavailable else m.ids_by_commune) for key, m in memberships.items()}
    try:
        areas = outline_km2(builder.build("departements", index.country()).layer, "insee_dep")
    except AnctError as error:
        feedback.pushWarning(tr("Département areas unavailable (no density rank): {error}").format(error=error))
        areas = {}
    gaps = {}
    if not measure.by_road:
        if ("FR", measure) not in runs:
            feedback.pushInfo(tr("Service gap of every département, for the ranks"))
            runs[("FR", measure)] = run_service_gap("FR", measure, context, feedback)
        national = runs[("FR", measure)]
        if national is not None:
            for row in national.summary.getFeatures():
                if row["level"] == "departement":
                    gaps[str(row["code"])] = (row["population_beyond"], row["population"])
    frame = once(runs, ("commune_frame",), lambda: commune_frame(index))
    table = departement_figures(
        frame, ranked_departements(index), areas, usable, gaps, programmes=KEY_FIGURE_PROGRAMMES
    )
    # The share of premises eligible to FTTH, summed from each département's communes as its sheet sums it.
    premises = broadband_premises(builder, feedback)
    if premises is not None:
        by_departement = frame.groupby("dep")["code"].apply(list)
        table["ftth_premises_share"] = [
            total_of(premises, by_departement.get(code, [])).ftth_share for code in table.index
        ]
    return table


def with_ranks(
    profile: Profile,
    data: AnctData,
    tables: tuple,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    runs: Optional[dict] = None,
) -> Profile:
    """The profile with its ranks among the départements (a département's only; others unchanged).

    The département's own figures are those of its profile: its rank is that of the figure printed."""
    territory = profile.territory
    if territory.kind != "departement" or territory.code in COM_CODES:
        return profile
    table = departement_table(data, tables, profile.measure, context, feedback, runs)
    values = dict(zip(profile.table["indicator"], profile.table["territory"]))
    return dataclasses.replace(profile, ranks=departement_ranks(table, territory.code, values))


def ranked_territory_profile(
    territory_text: str, measure: GapMeasure, context: QgsProcessingContext, feedback: QgsProcessingFeedback
) -> Profile:
    """engine.figures.territory_profile with the département's ranks (anct:territory_profile)."""
    from .figures import PROFILE_TABLES

    runs: dict = {}
    data = AnctData()
    if data.resolve_territory(territory_text, feedback).kind == "departement":  # its runs come from the national one
        departement_table(data, PROFILE_TABLES, measure, context, feedback, runs)
    profile = territory_profile(territory_text, measure, context, feedback, runs)
    return with_ranks(profile, data, PROFILE_TABLES, context, feedback, runs)
