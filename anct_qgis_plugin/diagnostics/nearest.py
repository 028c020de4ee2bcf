"""Nearest facility in straight line: one k-d tree, one query for all units.

scipy's cKDTree when available (QGIS ships scipy on Debian, OSGeo4W and the macOS bundle);
otherwise an exact chunked numpy search, slower but with the same answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable

    from numpy.typing import ArrayLike

CHUNK = 4096


def _brute_force(points: np.ndarray, facilities: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    index = np.empty(len(points), dtype=np.int64)
    distance = np.empty(len(points))
    for start in range(0, len(points), CHUNK):
        block = points[start : start + CHUNK]
        squared = ((block[:, None, :] - facilities[None, :, :]) ** 2).sum(axis=2)
        best = squared.argmin(axis=1)  # first minimum: lowest facility index on ties
        index[start : start + CHUNK] = best
        distance[start : start + CHUNK] = np.sqrt(squared[np.arange(len(block)), best])
    return index, distance


class NearestIndex:
    """A reusable tree for chunked queries (2 million grid cells in bounded memory)."""

    def __init__(self, facilities: ArrayLike):
        self.facilities = np.asarray(facilities, dtype=float).reshape(-1, 2)
        if len(self.facilities) == 0:
            raise ValueError("no facility")
        try:
            from scipy.spatial import cKDTree

            self._tree = cKDTree(self.facilities)
        except ImportError:
            self._tree = None

    def query(self, points: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """The nearest facility's index and the distance, for each point (n×2)."""
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(points) == 0:
            return np.empty(0, dtype=np.int64), np.empty(0)
        if self._tree is None:
            return _brute_force(points, self.facilities)
        distance, index = self._tree.query(points, k=1)
        return index.astype(np.int64), distance


def nearest(points: ArrayLike, facilities: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """For each point (n×2, metres), the index of the nearest facility (m×2) and the distance.

    One row per point even when two facilities are equally near.
    """
    return NearestIndex(facilities).query(points)


class ZonedNearestIndex:
    """The nearest facility measured in each zone's own projected CRS (metropolitan France and
    each overseas département): a unit is matched among the facilities of its zone, in metres
    of that zone, so that a national run measures La Réunion in its own projection, not in
    Lambert-93.

    Points come in longitude/latitude. ``zone_of(lonlat)`` gives each point's zone key;
    ``project(zone, lonlat)`` its coordinates in metres in that zone. Units of a zone without
    any facility get no facility (-1) and an infinite distance.
    """

    def __init__(
        self,
        facility_lonlat: ArrayLike,
        zone_of: Callable[[np.ndarray], np.ndarray],
        project: Callable[[str, np.ndarray], np.ndarray],
    ):
        self.zone_of, self.project = zone_of, project
        facility_lonlat = np.asarray(facility_lonlat, dtype=float).reshape(-1, 2)
        if len(facility_lonlat) == 0:
            raise ValueError("no facility")
        zones = zone_of(facility_lonlat)
        self.trees = {}
        for zone in set(zones.tolist()):
            members = np.flatnonzero(zones == zone)
            self.trees[zone] = (members, NearestIndex(project(zone, facility_lonlat[members])))

    def query(self, lonlat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
        index = np.full(len(lonlat), -1, dtype=np.int64)
        distance = np.full(len(lonlat), np.inf)
        zones = self.zone_of(lonlat)
        for zone in set(zones.tolist()) & set(self.trees):
            rows = zones == zone
            members, tree = self.trees[zone]
            nearest_member, distance[rows] = tree.query(self.project(zone, lonlat[rows]))
            index[rows] = members[nearest_member]
        return index, distance
