"""The commune × programme matrix, with totals by EPCI and département (pandas)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import pandas as pd


def programme_matrix(
    communes: pd.DataFrame, memberships: Mapping[str, Mapping[str, list[str]] | None], table_ids: Iterable[str]
) -> tuple[pd.DataFrame, list[str]]:
    """Rows: every commune (its programme ids joined by ', '), then per EPCI and département the
    number of communes in each programme of ``table_ids`` (in that order).
    communes: DataFrame(code, nom, epci, dep, population)."""
    import pandas as pd

    frame = communes[["code", "nom", "epci", "dep", "population"]].copy()
    frame.insert(0, "level", "commune")
    present = []
    for table_id in table_ids:
        ids_by_commune = memberships.get(table_id)
        if ids_by_commune is None:
            continue
        present.append(table_id)
        frame[table_id] = [", ".join(sorted(set(ids_by_commune.get(code, [])))) for code in frame["code"]]
    frame["nb_programmes"] = (frame[present] != "").sum(axis=1) if present else 0
    totals = []
    for level, key in (("epci", "epci"), ("departement", "dep")):
        flags = frame[present].ne("").astype(int) if present else pd.DataFrame(index=frame.index)
        grouped = pd.concat([frame[[key, "population"]], flags], axis=1).groupby(key, sort=True)
        table = grouped.sum(numeric_only=True).reset_index().rename(columns={key: "code"})
        table["communes"] = grouped.size().values
        table.insert(0, "level", level)
        totals.append(table)
    frame["communes"] = 1
    result = pd.concat([frame] + totals, ignore_index=True)
    for column in present:  # totals are counts: keep the column as text for one table schema
        result[column] = result[column].map(lambda v: v if isinstance(v, str) else str(int(v)))
    return result.replace({np.nan: None}), present
