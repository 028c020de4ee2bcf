"""Pages of BD TOPO road sections (GeoJSON dicts) read into what the graph needs, and the
sections a user keeps, each read once however many tiles returned it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..diagnostics.road_profiles import RoadProfile

ID_PROPERTY = "cleabs"  # BD TOPO's own identifier of a section


@dataclass
class PageSections:
    features: list  # the kept sections of the page (GeoJSON features)
    speeds: np.ndarray  # km/h, 0 where the section is kept but not driven
    directions: np.ndarray


class SectionReader:
    """Reads pages one after the other with a road profile (see diagnostics.road_profiles)."""

    def __init__(self, profile: RoadProfile):
        self.profile = profile
        self.seen = set()
        self.duplicates = 0
        self.read = 0
        self.vertices, self.counts, self.speeds, self.directions = [], [], [], []

    def page(self, page: dict) -> PageSections:
        """The sections of a page that the profile keeps, with their speeds and directions; their
        lines (the driven ones) are added to the network arrays."""
        features = []
        for feature in page["features"]:
            key = (feature.get("properties") or {}).get(ID_PROPERTY) or feature.get("id")
            if key is not None:
                if key in self.seen:
                    self.duplicates += 1
                    continue
                self.seen.add(key)
            features.append(feature)
        self.read += len(features)
        fields = self.profile.fields
        rows = [tuple(map((feature.get("properties") or {}).get, fields)) for feature in features]
        speeds, directions, kept = self.profile.classify(rows)
        driven = np.flatnonzero(speeds > 0)
        self._add_lines([features[i] for i in driven.tolist()], speeds[driven], directions[driven])
        kept_index = np.flatnonzero(kept)
        return PageSections([features[i] for i in kept_index.tolist()], speeds[kept_index], directions[kept_index])

    def _add_lines(self, features: list[dict], speeds: np.ndarray, directions: np.ndarray) -> None:
        parts, owners = [], []
        for owner, feature in enumerate(features):
            geometry = feature.get("geometry") or {}
            kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
            if kind == "LineString" and len(coordinates) > 1:
                parts.append(coordinates)
                owners.append(owner)
            elif kind == "MultiLineString":
                for part in coordinates:
                    if len(part) > 1:
                        parts.append(part)
                        owners.append(owner)
        if not parts:
            return
        self.vertices.append(_xy([point for part in parts for point in part]))
        self.counts.append(np.array([len(part) for part in parts], dtype=np.int64))
        owners = np.array(owners, dtype=np.int64)
        self.speeds.append(np.asarray(speeds, dtype=float)[owners])
        self.directions.append(np.asarray(directions, dtype=np.int64)[owners])

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(vertices, counts, speeds, directions) of the driven lines read so far."""
        if not self.counts:
            return np.empty((0, 2)), np.empty(0, np.int64), np.empty(0), np.empty(0, np.int64)
        return (
            np.concatenate(self.vertices),
            np.concatenate(self.counts),
            np.concatenate(self.speeds),
            np.concatenate(self.directions),
        )


def _xy(points: list) -> np.ndarray:
    """x, y of GeoJSON positions (z dropped: times are measured in the plane)."""
    try:
        array = np.array(points, dtype=float)
    except ValueError:  # 2D and 3D positions mixed
        array = np.array([point[:2] for point in points], dtype=float)
    return array.reshape(len(points), -1)[:, :2]
