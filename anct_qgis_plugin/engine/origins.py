"""Where each population unit's people are placed, as one n×2 array per chunk of units.

Asking each point for x() and y() costs several Python calls per unit, which at 2 million grid
cells is seconds. Here the chunk's points are gathered into one multipoint, reprojected and
exported in C++, and the coordinates are read from its WKB with numpy. Units that do not fit
that path (no geometry, empty or multipart points) are then placed one by one.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsCsException, QgsGeometry

_WKB_MULTIPOINT = 4  # ISO WKB type of a 2D multipoint
_HEADER = 9  # byte order (1), type (4), number of parts (4)


def _part_dtype(byte_order: int) -> np.dtype:
    endian = "<" if byte_order == 1 else ">"
    return np.dtype([("order", "u1"), ("type", endian + "u4"), ("x", endian + "f8"), ("y", endian + "f8")])


def collected_wkb(
    geometries: Sequence[QgsGeometry], transform: Optional[QgsCoordinateTransform] = None
) -> Optional[bytes]:
    """One multi-geometry of the given ones (multipart ones flattened, null ones skipped),
    reprojected and reduced to x, y in C++, as WKB bytes; None when nothing is left."""
    collected = QgsGeometry.collectGeometry(geometries)
    if collected.isNull():
        return None
    if transform is not None and not transform.isShortCircuited():
        collected.transform(transform)
    shape = collected.get()
    shape.dropZValue()
    shape.dropMValue()
    return bytes(collected.asWkb())


def xy_array(points: Sequence[QgsGeometry], transform: Optional[QgsCoordinateTransform] = None) -> Optional[np.ndarray]:
    """Coordinates of single point geometries (n×2), or None when one of them is null, empty
    or multipart (the parts would not line up with the units)."""
    wkb = collected_wkb(points, transform)
    return None if wkb is None else _multipoint_xy(wkb, len(points))


def _multipoint_xy(wkb: bytes, expected: int) -> Optional[np.ndarray]:
    dtype = _part_dtype(wkb[0])
    header = np.frombuffer(wkb, dtype=dtype["type"], count=1, offset=1)[0]
    count = np.frombuffer(wkb, dtype=dtype["type"], count=1, offset=5)[0]
    if header != _WKB_MULTIPOINT or count != expected or len(wkb) != _HEADER + count * dtype.itemsize:
        return None
    parts = np.frombuffer(wkb, dtype=dtype, offset=_HEADER)
    xy = np.column_stack((parts["x"], parts["y"])).astype(float)
    return xy if np.isfinite(xy).all() else None


def project_xy(xy: np.ndarray, transform: QgsCoordinateTransform) -> np.ndarray:
    """An n×2 array of coordinates through a QgsCoordinateTransform, in one C++ call (the array
    becomes one multipoint's WKB and back)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if len(xy) == 0 or transform.isShortCircuited():
        return xy.copy()
    parts = np.empty(len(xy), dtype=_part_dtype(1))
    parts["order"], parts["type"], parts["x"], parts["y"] = 1, 1, xy[:, 0], xy[:, 1]  # little-endian points
    geometry = QgsGeometry()
    geometry.fromWkb(
        np.array([1], dtype="u1").tobytes()
        + np.array([_WKB_MULTIPOINT, len(xy)], dtype="<u4").tobytes()
        + parts.tobytes()
    )
    geometry.transform(transform)
    projected = _multipoint_xy(bytes(geometry.asWkb()), len(xy))
    if projected is None:  # a point PROJ placed at infinity: the error QGIS raises for a failed transform
        raise QgsCsException(f"points not transformable to {transform.destinationCrs().authid()}")
    return projected


def origin_points(
    geometries: Sequence[QgsGeometry], placement: str, transform: Optional[QgsCoordinateTransform] = None
) -> np.ndarray:
    """Origins of a chunk of unit geometries in the measuring CRS; rows of NaN for units
    without geometry. ``placement``: "point" (the unit is a point), "point_on_surface" or
    "centroid" (polygons and lines)."""
    if placement == "point":
        candidates = geometries
    elif placement == "centroid":
        candidates = [geometry.centroid() for geometry in geometries]
    else:
        candidates = [geometry.pointOnSurface() for geometry in geometries]
    xy = xy_array(candidates, transform)
    if xy is not None:
        return xy
    xy = np.full((len(geometries), 2), np.nan)
    for at, point in enumerate(candidates):  # a chunk with odd units: one by one
        if point.isNull() or point.isEmpty():
            if geometries[at].isNull() or geometries[at].isEmpty():
                continue
            point = geometries[at].centroid()  # GEOS found no point on an invalid outline
            if point.isNull() or point.isEmpty():
                continue
        one = xy_array([point.centroid() if point.isMultipart() else point], transform)
        if one is not None:
            xy[at] = one[0]
    return xy
