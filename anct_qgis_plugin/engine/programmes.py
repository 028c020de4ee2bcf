"""Which programmes each commune of a territory is in: the engine of anct:programme_matrix."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from qgis.core import QgsProcessingFeedback

from ..core.memberships.tables import read_memberships
from ..core.published.table_names import PROGRAMME_TABLES
from ..core.service import AnctData
from ..diagnostics.programmes import programme_matrix
from .figures import commune_frame, membership_sources, source_lines

if TYPE_CHECKING:  # pandas is imported when a table is built
    import pandas as pd


@dataclass(frozen=True)
class ProgrammeMatrix:
    """Rows by commune, EPCI and département (level, code, nom, epci, dep, population, communes,
    one column per programme present, nb_programmes) and the programmes present."""

    table: "pd.DataFrame"
    programmes: list

    @property
    def columns(self) -> list:
        return ["level", "code", "nom", "epci", "dep", "population", "communes"] + self.programmes + ["nb_programmes"]


def programme_matrix_of(territory_text: str, cross_table: bool, feedback: QgsProcessingFeedback) -> ProgrammeMatrix:
    """The matrix of the territory named by ``territory_text``; ``cross_table``: the programmes
    read from ANCT's cross-table (one download) where it is not older than their own lists."""
    data = AnctData()
    territory = data.resolve_territory(territory_text, feedback)
    builder = data.builder(feedback)
    memberships = read_memberships(builder, PROGRAMME_TABLES, feedback, cross_table)
    for line in source_lines(membership_sources(memberships)):  # which file each column came from
        feedback.pushInfo(line)
    communes = commune_frame(builder.index)
    if not territory.is_country:
        communes = communes[communes["code"].isin(territory.commune_codes)]
    matrix, present = programme_matrix(
        communes, {k: (None if m.unavailable else m.ids_by_commune) for k, m in memberships.items()}, PROGRAMME_TABLES
    )
    names = {**{code: name for code, (name, _r) in builder.index.departements.items()}, **builder.index.epci_names}
    matrix.loc[matrix["level"] != "commune", "nom"] = matrix.loc[matrix["level"] != "commune", "code"].map(
        lambda code: names.get(code, "")
    )
    return ProgrammeMatrix(matrix, present)
