"""The road network's lines as plain arrays: every vertex, the vertex count of each line, and
each line's speed and direction.

Reading a polyline as QgsPointXY objects costs several Python calls per vertex, which made
80 % of a road run. A chunk of lines is instead gathered into one multilinestring, reprojected
and exported in C++, and its vertices are cut out of the WKB with numpy. Chunks that do not
fit (multipart or null lines, curves) are read line by line.
"""

from __future__ import annotations

import itertools
import struct
from typing import Callable, Iterator, Optional, Protocol, Sequence

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsFeature, QgsGeometry

from ..compat import WKB_SINGLE_LINES
from ..core.roads.road_sections import RoadLines
from ..diagnostics.road_profiles import RoadProfile
from .origins import collected_wkb

CHUNK = 1_000
_WKB_MULTILINESTRING = 5  # ISO WKB type of a 2D multilinestring
_HEADER = 9  # byte order (1), type (4), number of parts or points (4)


class Cancellable(Protocol):
    """A QgsFeedback, or what stands for one (road_times' share of the progress bar): the reading
    only asks whether to stop."""

    def isCanceled(self) -> bool: ...  # noqa: N802 - the feedback's own name


def line_vertices(
    geometries: Sequence[QgsGeometry], transform: Optional[QgsCoordinateTransform] = None
) -> Optional[tuple]:
    """(vertices v×2, vertex count of each line) of single-part lines, or None when the chunk
    holds a null, multipart or curved geometry (the parts would not line up with the lines).

    Each line's type is checked first: a multipart line beside a null one gives as many parts
    as lines, and the parts would be given to the wrong lines (wrong speeds and directions).
    """
    if any(geometry.wkbType() not in WKB_SINGLE_LINES for geometry in geometries):
        return None
    wkb = collected_wkb(geometries, transform)
    if wkb is None:
        return None
    order = "<" if wkb[0] == 1 else ">"
    kind, parts = struct.unpack_from(order + "II", wkb, 1)
    if kind != _WKB_MULTILINESTRING or parts != len(geometries):
        return None
    starts: list[int] = []
    point_counts: list[int] = []
    offset = _HEADER
    point_count = struct.Struct(order + "I")
    for _part in range(parts):
        count = point_count.unpack_from(wkb, offset + 5)[0]
        starts.append(offset + _HEADER)
        point_counts.append(count)
        offset += _HEADER + 16 * count
    counts = np.array(point_counts, dtype=np.int64)
    sizes = counts * 16
    # The byte index of every coordinate byte: each line's block, one after the other.
    block_start = np.repeat(np.array(starts, dtype=np.int64) - np.concatenate(([0], np.cumsum(sizes)[:-1])), sizes)
    raw = np.frombuffer(wkb, dtype=np.uint8)[block_start + np.arange(int(sizes.sum()))]
    return raw.view(order + "f8").reshape(-1, 2).astype(float), counts


def _polylines_one_by_one(
    geometries: Sequence[QgsGeometry], transform: Optional[QgsCoordinateTransform]
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """The slow path: (vertices, counts, owner index) for any line geometry, curves included."""
    vertices: list[tuple[float, float]] = []
    counts: list[int] = []
    owners: list[int] = []
    for owner, geometry in enumerate(geometries):
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry = QgsGeometry(geometry)
        if transform is not None and not transform.isShortCircuited():
            geometry.transform(transform)
        for part in geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]:
            vertices.extend((point.x(), point.y()) for point in part)
            counts.append(len(part))
            owners.append(owner)
    return np.array(vertices, dtype=float).reshape(-1, 2), np.array(counts, dtype=np.int64), owners


def read_network(
    features: Iterator[QgsFeature],
    transform: Optional[QgsCoordinateTransform],
    field_indexes: Sequence[int],
    profile: RoadProfile,
    feedback: Cancellable,
    cancelled: Exception,
    progress: Optional[Callable[[int], None]] = None,
) -> RoadLines:
    """RoadLines of the line features of an iterator. ``field_indexes``: the index of each of the
    profile's fields (-1: absent, read as empty); ``profile``: a road profile giving speeds and
    directions; ``cancelled``: the exception to raise when the user cancels; ``progress``:
    called with the number of lines read so far."""
    lines = RoadLines()
    read_so_far = 0
    while True:
        if feedback.isCanceled():
            raise cancelled
        chunk = list(itertools.islice(features, CHUNK))
        if not chunk:
            return lines
        read_so_far += len(chunk)
        if progress is not None:
            progress(read_so_far)
        geometries = [feature.geometry() for feature in chunk]
        # Column by column, then zipped: a generator per feature would cost a third of the read.
        columns = [[feature[at] for feature in chunk] if at >= 0 else [None] * len(chunk) for at in field_indexes]
        rows = list(zip(*columns))
        speeds, directions = profile.speeds_directions(rows)
        read = line_vertices(geometries, transform)
        if read is not None:
            lines.add(read[0], read[1], speeds, directions)
        else:
            vertices, counts, owners = _polylines_one_by_one(geometries, transform)
            lines.add(vertices, counts, speeds[owners], directions[owners])
