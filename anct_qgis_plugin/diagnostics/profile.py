"""Key figures of a territory beside its région and France (pandas, plain inputs).

Every figure is computed the same way at the three levels, from the same commune table and
programme memberships, so the comparison is fair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    import pandas as pd

LEVELS = ("territory", "region", "france")
DENSITY_GRID = "grille_densite"  # INSEE's levels 1 (dense) to 7, as "programme ids" of each commune


def _share(part: float | None, whole: float | None) -> float | None:
    return None if part is None or not whole else 100.0 * part / whole


UNPLACED = "dep:"  # ids whose commune maps to nothing, by département ("dep:36"; "dep:" = unknown)


def _programme_figures(
    frame: pd.DataFrame,
    ids_by_commune: Mapping[str, Iterable[str]],
    whole_departements: Collection[str] | None = frozenset(),
) -> tuple[int, int, float]:
    """(number of programme ids, communes covered, population covered) in a commune frame.

    Ids whose commune code maps to no commune of today count for the départements the level
    holds whole (``whole_departements``; None = every one, France, where ``dep:`` counts too).
    """
    covered = frame[frame["code"].isin(ids_by_commune.keys())]
    ids = {ident for code in covered["code"] for ident in ids_by_commune[code]}
    for key, unplaced in ids_by_commune.items():
        if key.startswith(UNPLACED) and (whole_departements is None or key[len(UNPLACED) :] in whole_departements):
            ids.update(unplaced)
    return len(ids), len(covered), float(covered["population"].sum())


def densest_level(ids_by_commune: Mapping[str, Collection[str]], code: str) -> str | None:
    """The commune's density level; a commune listed under two (communes merged after the grid's
    year) counts in the denser, so each inhabitant counts once."""
    levels = ids_by_commune.get(code)
    return min(levels, key=int) if levels else None


def density_levels(ids_by_commune: Mapping[str, Iterable[str]]) -> list[str]:
    """Every level the grid gives, in order (the rows of the table)."""
    return sorted(
        {level for key, levels in ids_by_commune.items() if not key.startswith(UNPLACED) for level in levels}, key=int
    )


def key_figures(
    communes: pd.DataFrame,
    level_codes: Mapping[str, Collection[str] | None],
    areas: Mapping[str, float | None],
    memberships: Mapping[str, Mapping[str, list[str]] | None],
    gaps: Mapping[str, tuple[float, float] | None],
    area_departements: Mapping[str, Collection[str] | None] | None = None,
    whole_departements: Mapping[str, Collection[str] | None] | None = None,
    known: Mapping[str, Mapping[str, object]] | None = None,
    *,
    programmes: Iterable[str],
) -> pd.DataFrame:
    """One row per indicator, columns territory / region / france (None where unavailable).

    "France" is every commune of the table (metropolitan France, the DROM and the COM it lists)
    for population and counts. ``area_departements`` (level -> département codes, None = all)
    says which départements an area covers: density divides the population of those only
    (IGN's outlines of France cover metropolitan France and the DROM, not the COM).
    ``whole_departements`` (level -> codes of the départements it holds whole; default: France
    only) places the ids whose commune code maps to nothing.

    communes: DataFrame(code, epci, population); level_codes: level -> commune codes (None =
    all); areas: level -> km² or None; memberships: table id -> {commune: [ids]} or None;
    gaps: level -> (population beyond, population measured) or None. With the density grid among
    the memberships, the population of each density level follows. ``known``: levels already
    computed ({level: {indicator: value}}, e.g. France's, the same for every sheet of a run).
    ``programmes``: the programme tables counted (the catalogue's key-figure programmes).
    """
    import pandas as pd

    rows: dict[str, dict[str, Any]] = {}
    whole = whole_departements if whole_departements is not None else {"france": None}
    density = memberships.get(DENSITY_GRID)
    commune_levels = None if density is None else communes["code"].map(lambda code: densest_level(density, code))
    for level in LEVELS:
        if known and level in known:
            for indicator, value in known[level].items():
                rows.setdefault(indicator, dict.fromkeys(LEVELS))[level] = value
            continue
        codes = level_codes.get(level)
        frame = communes if codes is None else communes[communes["code"].isin(codes)]
        figures = level_figures(
            frame,
            areas.get(level),
            (area_departements or {}).get(level),
            memberships,
            gaps.get(level),
            whole.get(level, frozenset()),
            commune_levels,
            programmes=programmes,
        )
        for indicator, value in figures.items():
            rows.setdefault(indicator, dict.fromkeys(LEVELS))[level] = value
    return pd.DataFrame([{"indicator": key, **values} for key, values in rows.items()])


def level_slug(level: str) -> str:
    """A typology level as part of an indicator id: ``Centre majeur d'équipements…`` ->
    ``centre_majeur_d_equipements…``."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", level).encode("ascii", "ignore").decode("ascii").lower()
    return "_".join(part for part in "".join(c if c.isalnum() else " " for c in plain).split())


def typology_figures(
    communes: pd.DataFrame,
    level_codes: Mapping[str, Collection[str] | None],
    typologies: Mapping[str, Mapping[str, Iterable[str]] | None],
) -> pd.DataFrame:
    """Population of the communes at each level of each typology (``<typology>_<level slug>_population`` and
    ``…_population_share``), at the three levels; a typology that could not be read gives no rows.
    communes: DataFrame(code, population); typologies: table id -> {commune: [level]}."""
    import pandas as pd

    rows: dict[str, dict[str, Any]] = {}
    for table_id, levels_by_commune in typologies.items():
        if levels_by_commune is None:
            continue
        placed = {code: ids for code, ids in levels_by_commune.items() if not code.startswith(UNPLACED)}
        known = sorted({level for ids in placed.values() for level in ids})
        level_of = communes["code"].map({code: next(iter(ids), None) for code, ids in placed.items()})
        for level in LEVELS:
            codes = level_codes.get(level)
            frame = communes if codes is None else communes[communes["code"].isin(codes)]
            population = float(frame["population"].sum())
            by_level = frame["population"].groupby(level_of[frame.index]).sum()
            for name in known:
                key = f"{table_id}_{level_slug(name)}_population"
                inhabitants = float(by_level.get(name, 0.0))
                rows.setdefault(key, {"indicator": key})[level] = inhabitants
                rows.setdefault(key + "_share", {"indicator": key + "_share"})[level] = _share(inhabitants, population)
    return pd.DataFrame(list(rows.values()), columns=["indicator", *LEVELS])


def level_figures(
    frame: pd.DataFrame,
    area: float | None,
    area_departements: Collection[str] | None,
    memberships: Mapping[str, Mapping[str, list[str]] | None],
    gap: tuple[float, float] | None,
    whole: Collection[str] | None = frozenset(),
    commune_levels: pd.Series | None = None,
    *,
    programmes: Iterable[str],
) -> dict:
    """{indicator: value} of one level: the communes of ``frame``, its ``area`` (km², covering
    ``area_departements``: None = every one), the ``gap`` (population beyond, measured), the
    départements it holds ``whole`` (see key_figures) and the ``programmes`` it counts."""
    values: dict[str, float | None] = {}
    population = float(frame["population"].sum())
    values["population"] = population
    values["area_km2"] = area
    area_population = (
        population
        if area_departements is None
        else float(frame[frame["dep"].isin(area_departements)]["population"].sum())
    )
    values["density"] = area_population / area if area else None
    values["communes"] = len(frame)
    values["epci"] = int(frame["epci"].replace("", np.nan).nunique())
    for table_id in ("qpv", *programmes):
        membership = memberships.get(table_id)
        if membership is None:
            for suffix in ("", "_communes", "_population", "_population_share"):
                values[table_id + suffix] = None
            continue
        count, covered, covered_population = _programme_figures(frame, membership, whole)
        values[table_id] = count
        values[f"{table_id}_communes"] = covered
        values[f"{table_id}_population"] = covered_population
        values[f"{table_id}_population_share"] = _share(covered_population, population)
    for table_id in ("france_services", "mobile_sites"):
        membership = memberships.get(table_id)
        values[table_id] = None if membership is None else _programme_figures(frame, membership, whole)[0]
    sites = values["france_services"]
    values["france_services_per_10000"] = None if sites is None or not population else sites * 1e4 / population
    values["gap_population"] = None if gap is None else gap[0]
    values["gap_share"] = None if gap is None else _share(gap[0], gap[1])
    density = memberships.get(DENSITY_GRID)
    if commune_levels is not None and density is not None:  # density_<level>_population, _share
        by_level = frame["population"].groupby(commune_levels[frame.index]).sum()
        for density_level in density_levels(density):
            inhabitants = float(by_level.get(density_level, 0.0))
            values[f"density_{density_level}_population"] = inhabitants
            values[f"density_{density_level}_population_share"] = _share(inhabitants, population)
    return values
