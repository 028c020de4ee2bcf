"""Pages of BD TOPO road sections (GeoJSON dicts) read into what the graph needs, and the
sections a user keeps, each read once however many tiles returned it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ...diagnostics.road_profiles import RoadProfile

ID_PROPERTY = "cleabs"  # BD TOPO's own identifier of a section


def section_key(feature: dict) -> object:
    """A section's identity: its cleabs, else the feature id (None when it has neither)."""
    return (feature.get("properties") or {}).get(ID_PROPERTY) or feature.get("id")


class RoadLines:
    """What graph_from_vertices needs, gathered chunk by chunk (from a layer's lines: engine/network_reader.py;
    from BD TOPO pages: SectionReader)."""

    def __init__(self) -> None:
        self.vertices: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []
        self.speeds: list[np.ndarray] = []
        self.directions: list[np.ndarray] = []

    def add(self, vertices: np.ndarray, counts: np.ndarray, speeds: np.ndarray, directions: np.ndarray) -> None:
        self.vertices.append(vertices)
        self.counts.append(np.asarray(counts, dtype=np.int64))
        self.speeds.append(np.asarray(speeds, dtype=float))
        self.directions.append(np.asarray(directions, dtype=np.int64))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(vertices, counts, speeds, directions) of the lines gathered so far, one row of
        counts/speeds/directions per line."""
        if not self.counts:
            return np.empty((0, 2)), np.empty(0, np.int64), np.empty(0), np.empty(0, np.int64)
        return (
            np.concatenate(self.vertices),
            np.concatenate(self.counts),
            np.concatenate(self.speeds),
            np.concatenate(self.directions),
        )


@dataclass
class PageSections:
    features: list  # the kept sections of the page (GeoJSON features)
    speeds: np.ndarray  # km/h, 0 where the section is kept but not driven
    directions: np.ndarray


class SectionReader(RoadLines):
    """Reads pages one after the other with a road profile (see diagnostics.road_profiles).

    Sections without a line (``no_line``) and those with a vertex outside ``area`` (xmin, ymin,
    xmax, ymax: where the CRS is defined; ``outside``) are counted and left out."""

    def __init__(self, profile: RoadProfile, area: tuple[float, float, float, float] | None = None):
        self.profile = profile
        self.area = area
        self.seen: set = set()
        self.duplicates = 0
        self.read = 0
        self.no_line = 0
        self.outside = 0
        super().__init__()

    def page(self, page: dict) -> PageSections:
        """The sections of a page that the profile keeps, with their speeds and directions; their
        lines (the driven ones) are added to the network arrays."""
        features = []
        for feature in page["features"]:
            key = section_key(feature)
            if key is not None:
                if key in self.seen:
                    self.duplicates += 1
                    continue
                self.seen.add(key)
            features.append(feature)
        self.read += len(features)
        # Every position of the page in one array, once: the area check and the graph share it.
        parts_of = [_parts(feature.get("geometry") or {}) for feature in features]
        lengths = [[len(part) for part in parts] for parts in parts_of]
        xy = _xy([point for parts in parts_of for part in parts for point in part])
        placed = np.array([bool(parts) for parts in parts_of], dtype=bool)
        self.no_line += int((~placed).sum())
        points_of = np.array([sum(part_lengths) for part_lengths in lengths], dtype=np.int64)
        if self.area is not None and len(xy):
            xmin, ymin, xmax, ymax = self.area
            outside_point = ~((xy[:, 0] >= xmin) & (xy[:, 0] <= xmax) & (xy[:, 1] >= ymin) & (xy[:, 1] <= ymax))
            owner = np.repeat(np.arange(len(features)), points_of)
            outside = np.bincount(owner[outside_point], minlength=len(features)) > 0
            self.outside += int(outside.sum())
            placed &= ~outside
        fields = self.profile.fields
        rows = [tuple(map((feature.get("properties") or {}).get, fields)) for feature in features]
        speeds, directions, kept = self.profile.classify(rows)
        driven = np.flatnonzero((speeds > 0) & placed)
        self._add_lines(xy, points_of, lengths, driven, speeds[driven], directions[driven])
        kept_index = np.flatnonzero(kept & placed)
        return PageSections([features[i] for i in kept_index.tolist()], speeds[kept_index], directions[kept_index])

    def _add_lines(
        self,
        xy: np.ndarray,
        points_of: np.ndarray,
        lengths: list[list[int]],
        driven: np.ndarray,
        speeds: np.ndarray,
        directions: np.ndarray,
    ) -> None:
        """The driven sections' lines (one per part) from the page's positions ``xy``."""
        if len(driven) == 0:
            return
        owner = np.repeat(np.arange(len(points_of)), points_of)
        parts_per_section = np.array([len(lengths[i]) for i in driven.tolist()], dtype=np.int64)
        self.add(
            xy[np.isin(owner, driven)],
            np.array([n for i in driven.tolist() for n in lengths[i]], dtype=np.int64),
            np.repeat(speeds, parts_per_section),
            np.repeat(directions, parts_per_section),
        )


def _parts(geometry: dict) -> list:
    """The lines (of two positions or more) of a GeoJSON LineString or MultiLineString."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    parts = [coordinates] if kind == "LineString" else coordinates if kind == "MultiLineString" else []
    return [part for part in parts if len(part) > 1]


def _xy(points: list) -> np.ndarray:
    """x, y of GeoJSON positions (z dropped: times are measured in the plane)."""
    if not points:
        return np.empty((0, 2))
    try:
        array = np.array(points, dtype=float)
    except ValueError:  # 2D and 3D positions mixed
        array = np.array([point[:2] for point in points], dtype=float)
    return array.reshape(len(points), -1)[:, :2]
