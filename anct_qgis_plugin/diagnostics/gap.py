"""Service gap: who lives beyond a threshold from the nearest facility, and the summary by
département and EPCI. Plain arrays in, pandas tables out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Mapping

    import pandas as pd
    from numpy.typing import ArrayLike

    from .nearest import NearestIndex, ZonedNearestIndex
    from .network import TravelTimes


def facility_kind(type_fs: Any, format_fs: Any) -> str:  # text, None or QGIS's NULL: all read as text
    """France services sites: Fixe/Multisites -> fixed, Antenne -> antenna, Bus -> bus,
    Itinérante -> itinerant (format_fs first, type_fs for antennas of a fixed site)."""
    text = (format_fs or "").lower()
    if "bus" in text:
        return "bus"
    if "itin" in text:
        return "itinerant"
    if "antenne" in text or (type_fs or "").strip().lower() == "antenne":
        return "antenna"
    return "fixed"


@dataclass
class GapResult:
    facility: np.ndarray  # index of the nearest facility, -1 when unreachable
    distance_m: np.ndarray  # straight distance (straight mode) or NaN
    time_min: np.ndarray  # road time (road mode) or NaN
    access_m: np.ndarray  # unit to the nearest point of the network (road mode) or NaN
    beyond: np.ndarray  # bool
    access_min: np.ndarray  # the two access legs in time_min (road mode) or NaN
    off_network: np.ndarray  # bool: farther from the network than the access limit (road mode)


def straight_gap(index: NearestIndex | ZonedNearestIndex, points: np.ndarray, threshold_km: float) -> GapResult:
    facility, distance = index.query(points)
    nan = np.full(len(points), np.nan)
    return GapResult(
        facility, distance, nan, nan.copy(), distance > threshold_km * 1000.0, nan.copy(), np.zeros(len(points), bool)
    )


def road_gap(travel_times: TravelTimes, points: np.ndarray, threshold_min: float) -> GapResult:
    """Road times (access legs included); a unit off the network is not reached."""
    facility, seconds, access = travel_times.query(points)
    minutes = seconds / 60.0
    reached = facility >= 0
    access_s = travel_times.access.seconds(access) + np.where(
        reached, travel_times.facility_access_s[np.where(reached, facility, 0)], 0.0
    )
    return GapResult(
        facility,
        np.full(len(points), np.nan),
        minutes,
        access,
        ~np.isfinite(minutes) | (minutes > threshold_min),
        np.where(reached, access_s / 60.0, np.nan),
        travel_times.off_network(access),
    )


SUMMARY_COLUMNS = (
    "level",
    "code",
    "name",
    "population",
    "population_beyond",
    "share_beyond",
    "units",
    "units_beyond",
    "units_unreachable",
    "worst",
)


def summarise(
    levels: Mapping[str, tuple[ArrayLike, Mapping[str, str]]],
    population: ArrayLike,
    beyond: ArrayLike,
    measure: ArrayLike,
) -> pd.DataFrame:
    """Rows by level ('departement', 'epci'…) and a 'total' row.

    ``levels`` maps a level name to (codes array, {code: name}). ``measure`` is the distance (m)
    or time (min) of each unit; unreachable units (inf) count as beyond and as unreachable.
    """
    import pandas as pd

    frame = pd.DataFrame(
        {
            "population": np.asarray(population, dtype=float),
            "beyond": np.asarray(beyond, dtype=bool),
            "measure": np.asarray(measure, dtype=float),
        }
    )
    frame["unreachable"] = ~np.isfinite(frame["measure"])
    frame["population_beyond"] = frame["population"].where(frame["beyond"], 0.0)
    frame["finite"] = frame["measure"].where(~frame["unreachable"])
    tables = []
    groups = dict(levels)
    groups["total"] = (np.full(len(frame), "FR" if len(frame) else ""), {"FR": "Total"})
    for level, (codes, names) in groups.items():
        frame["code"] = np.asarray(codes, dtype=object)
        table = (
            frame.groupby("code", sort=True)
            .agg(
                population=("population", "sum"),
                population_beyond=("population_beyond", "sum"),
                units=("beyond", "size"),
                units_beyond=("beyond", "sum"),
                units_unreachable=("unreachable", "sum"),
                worst=("finite", "max"),
            )
            .reset_index()
        )
        if level != "total":  # units whose code is unknown only count in the total
            table = table[table["code"] != ""]
        table.insert(0, "level", level)
        table.insert(2, "name", table["code"].map(lambda code, n=names: n.get(code, "")))
        table["share_beyond"] = np.where(
            table["population"] > 0,
            table["population_beyond"] / table["population"].where(table["population"] > 0, 1),
            0.0,
        )
        tables.append(table[list(SUMMARY_COLUMNS)])
    return pd.concat(tables, ignore_index=True)
