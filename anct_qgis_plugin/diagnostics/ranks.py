"""Every département's key figures and a département's rank among them (pandas, plain inputs).

The figures of each département are computed as a sheet computes its own (profile.level_figures),
from the same commune table and lists, so a rank compares like with like.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .profile import level_figures

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    import pandas as pd


def departement_figures(
    communes: pd.DataFrame,
    codes: Collection[str],
    areas: Mapping[str, float],
    memberships: Mapping[str, Mapping[str, list[str]] | None],
    gaps: Mapping[str, tuple[float, float]],
    *,
    programmes: Iterable[str],
) -> pd.DataFrame:
    """One row per département of ``codes`` (index: its code), one column per indicator; ``programmes``:
    the programme tables counted (profile.key_figures).

    communes: DataFrame(code, dep, epci, population); areas: code -> km²; gaps: code ->
    (population beyond, population measured); a département missing from either gets None."""
    import pandas as pd

    rows = {}
    for code, frame in communes.groupby("dep", sort=True):
        if code in codes:
            rows[code] = level_figures(
                frame, areas.get(code), None, memberships, gaps.get(code), {code}, programmes=programmes
            )
    return pd.DataFrame.from_dict(rows, orient="index")


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def rank_of(value: object, others: Iterable[object]) -> tuple[int, int] | None:
    """(rank, count) of ``value`` among itself and ``others``: 1 = the largest, equal values share
    the better rank; missing values are not counted. None when ``value`` is missing."""
    value = _number(value)
    if value is None:
        return None
    numbers = [number for number in map(_number, others) if number is not None]
    return 1 + sum(number > value for number in numbers), 1 + len(numbers)


def departement_ranks(table: pd.DataFrame, code: str, values: Mapping[str, object]) -> dict:
    """{indicator: (rank, count)} of département ``code`` in ``table`` (departement_figures), its
    own value taken from ``values`` (its sheet's figures: the rank is that of the figure printed)."""
    others = table.drop(index=code, errors="ignore")
    ranks = {}
    for indicator in table.columns:
        found = rank_of(values.get(indicator), others[indicator])
        if found is not None:
            ranks[indicator] = found
    return ranks
