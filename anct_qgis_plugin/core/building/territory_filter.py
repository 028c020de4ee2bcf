"""Which rows of a source belong to a territory: by their commune codes of every vintage, their
département or their région."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..published.commune_codes import padded_departement
from ..published.parsers import split_values

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ..published.catalogue import Source
    from ..published.commune_codes import CodeTally
    from ..published.territories import Territory


def keeper(
    source: Source, columns: Mapping[str, str], territory: Territory, tally: CodeTally
) -> Callable[[Callable[[str], Any]], bool] | None:
    """A function row_values(column) -> bool keeping the rows of the territory, or None.

    Commune codes of every vintage count for today's commune (``tally`` counts those that
    map to nothing; such rows are kept only for the whole country).
    """
    if source.commune_column:
        column = columns[source.commune_column]
        if territory.is_country:

            def count_codes(get: Callable[[str], Any]) -> bool:  # every row is kept; its codes are still counted
                tally.today_all(split_values(str(get(column) or "")))
                return True

            return count_codes
        wanted = territory.commune_codes
        # A row whose commune maps to nothing still belongs to a whole département it names.
        departement = columns.get(source.departement_column) if territory.kind in ("departement", "region") else None
        deps = set(territory.departement_codes)

        def keep(get: Callable[[str], Any]) -> bool:
            published = split_values(str(get(column) or ""))
            codes = tally.today_all(published)
            if codes:
                return any(c in wanted for c in codes)
            return departement is not None and padded_departement(str(get(departement) or "")) in deps

        return keep
    if territory.is_country:
        return None
    if source.departement_column:
        column, departements = columns[source.departement_column], set(territory.departement_codes)
        return lambda get: any(padded_departement(c) in departements for c in split_values(str(get(column) or "")))
    if source.region_column:
        column, regions = columns[source.region_column], set(territory.region_codes)
        return lambda get: any(code in regions for code in split_values(str(get(column) or "")))
    return None
