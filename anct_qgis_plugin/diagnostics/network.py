"""Road graph and one multi-source shortest-path search from all facilities at once.

Every vertex of a polyline is a node (as in QGIS's graph builder); vertices that fall in the
same cell of a grid of ``tolerance`` metres are the same node. Each segment is an edge timed at
its line's speed. Residents go *to* the facility, so the search runs on the reversed graph from
the facilities: one Dijkstra (scipy.sparse.csgraph, ``min_only``) gives every node its time to
the nearest facility.

Units and facilities join the network where QGIS's shortest-path tools tie them: at the nearest
point of the nearest segment, not at its nearest vertex (on BD TOPO's Marseille 10e, vertex
snapping was 1.26 % off QGIS's times). A facility becomes a virtual source tied to both ends of
its segment, a unit reads the times of both ends of its own.

The straight leg between a place and its tie point (the access leg) is not on the network: an
``AccessLeg`` times it at a stated speed and, beyond its longest distance, says the place is not
reached (a site of Ajaccio tied to the streets of Marseille is no site of Marseille).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike
    from scipy.sparse import csr_matrix

BOTH, FORWARD, BACKWARD = 0, 1, 2
SAMPLE_SPACING_M = 100.0  # longest piece of a segment in the nearest-segment search


@dataclass(frozen=True)
class AccessLeg:
    """The straight leg from a unit or a facility to the network: ``speed_kmh`` times it (0: not
    timed, as QGIS's shortest-path tools); longer than ``max_m`` (0: no limit), the place is not reached."""

    speed_kmh: float = 0.0
    max_m: float = 0.0

    def seconds(self, metres: np.ndarray) -> np.ndarray:
        metres = np.asarray(metres, dtype=float)
        return metres / (self.speed_kmh / 3.6) if self.speed_kmh > 0 else np.zeros_like(metres)

    def too_far(self, metres: ArrayLike) -> np.ndarray:
        metres = np.asarray(metres, dtype=float)
        return metres > self.max_m if self.max_m > 0 else np.zeros(metres.shape, dtype=bool)


@dataclass
class RoadGraph:
    node_xy: np.ndarray  # (k, 2) metres
    seg_tail: np.ndarray  # each usable segment's first node…
    seg_head: np.ndarray  # …and last node
    seg_forward: np.ndarray  # seconds from tail to head (inf: one-way the other way)
    seg_backward: np.ndarray  # seconds from head to tail (inf: one-way)

    @property
    def edge_count(self) -> int:
        return int(np.isfinite(self.seg_forward).sum() + np.isfinite(self.seg_backward).sum())

    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(tails, heads, seconds) of the directed edges."""
        forward, backward = np.isfinite(self.seg_forward), np.isfinite(self.seg_backward)
        return (
            np.concatenate([self.seg_tail[forward], self.seg_head[backward]]),
            np.concatenate([self.seg_head[forward], self.seg_tail[backward]]),
            np.concatenate([self.seg_forward[forward], self.seg_backward[backward]]),
        )

    def matrix(
        self,
        reverse: bool = False,
        extra: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
        extra_nodes: int = 0,
    ) -> csr_matrix:
        """The sparse matrix of edge times; ``extra``: more (tails, heads, seconds) edges whose
        tails may be among ``extra_nodes`` nodes numbered after the graph's own."""
        from scipy.sparse import coo_matrix

        tails, heads, seconds = self.edges()
        rows, cols = (heads, tails) if reverse else (tails, heads)
        if extra is not None:
            rows, cols, seconds = (
                np.concatenate([rows, extra[0]]),
                np.concatenate([cols, extra[1]]),
                np.concatenate([seconds, extra[2]]),
            )
        size = len(self.node_xy) + extra_nodes
        # Parallel edges: keep the fastest (sum_duplicates would add them up).
        order = np.lexsort((seconds, cols, rows))
        rows, cols, seconds = rows[order], cols[order], seconds[order]
        first = np.ones(len(rows), dtype=bool)
        first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
        # csgraph reads an explicit 0 as "no edge": a zero-length edge gets a tiny time.
        weights = np.maximum(seconds[first], 1e-9)
        return coo_matrix((weights, (rows[first], cols[first])), shape=(size, size)).tocsr()


def graph_from_vertices(
    vertices: ArrayLike, counts: ArrayLike, speeds_kmh: ArrayLike, directions: ArrayLike, tolerance: float = 0.01
) -> RoadGraph:
    """The graph of lines given by every line's vertices one after the other (v×2, metres) and
    each line's vertex count, with one speed (km/h) and direction per line. A line whose speed
    is not positive is not driven: it is left out, and nothing snaps to it."""
    counts = np.asarray(counts, dtype=np.int64)
    if len(counts) == 0 or counts.sum() == 0:
        raise ValueError("empty network")
    vertices = np.asarray(vertices, dtype=float).reshape(-1, 2)
    first_index, node_of_vertex = _same_places(np.round(vertices / tolerance).astype(np.int64))
    # Segment i joins vertex i and i+1, except across the end of a line.
    line_of_vertex = np.repeat(np.arange(len(counts)), counts)
    starts = np.arange(len(vertices) - 1)
    starts = starts[line_of_vertex[starts] == line_of_vertex[starts + 1]]
    line = line_of_vertex[starts]
    length = np.hypot(*(vertices[starts + 1] - vertices[starts]).T)
    speed_ms = np.asarray(speeds_kmh, dtype=float)[line] / 3.6
    with np.errstate(divide="ignore", invalid="ignore"):
        seconds = length / speed_ms
    tail, head = node_of_vertex[starts], node_of_vertex[starts + 1]
    usable = (tail != head) & np.isfinite(seconds) & (speed_ms > 0)
    direction = np.asarray(directions, dtype=np.int64)[line][usable]
    seconds = seconds[usable]
    if not usable.any():
        raise ValueError("no drivable section")
    return RoadGraph(
        vertices[first_index],
        tail[usable],
        head[usable],
        np.where(direction != BACKWARD, seconds, np.inf),
        np.where(direction != FORWARD, seconds, np.inf),
    )


def _same_places(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first vertex of each node, node of each vertex) for grid keys (v×2 integers). The two
    columns are packed into one integer when they fit (unique on one column is several times
    faster than on rows)."""
    low = keys.min(axis=0)
    span = keys.max(axis=0) - low + 1
    if span[0] * span[1] < 2**62:
        packed = (keys[:, 0] - low[0]) * span[1] + (keys[:, 1] - low[1])
        _unique, first_index, node_of_vertex = np.unique(packed, return_index=True, return_inverse=True)
    else:
        _unique, first_index, node_of_vertex = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    return first_index, node_of_vertex.reshape(-1)


class SegmentIndex:
    """The nearest point of the nearest segment, exactly.

    Each segment is cut into pieces no longer than ``spacing`` metres and the middle of every
    piece goes into a k-d tree. Whatever segment is nearest, one of its pieces holds the point's
    nearest point, and that piece's middle is within (distance + spacing/2): so every segment
    with a middle within (distance to the nearest middle + spacing/2) is a candidate, and the
    exact distance chooses among them.
    """

    def __init__(self, node_xy: np.ndarray, tails: np.ndarray, heads: np.ndarray, spacing: float = SAMPLE_SPACING_M):
        from scipy.spatial import cKDTree

        self.a, self.b = node_xy[tails], node_xy[heads]
        self.spacing = spacing
        length = np.hypot(*(self.b - self.a).T)
        pieces = np.maximum(1, np.ceil(length / spacing).astype(np.int64))
        owner = np.repeat(np.arange(len(tails)), pieces)
        first = np.repeat(np.cumsum(pieces) - pieces, pieces)
        fraction = (np.arange(len(owner)) - first + 0.5) / pieces[owner]
        self.owner = owner
        # Unbalanced, uncompacted: built twice as fast for points this regular, queried as fast.
        self.tree = cKDTree(
            self.a[owner] + (self.b[owner] - self.a[owner]) * fraction[:, None],
            balanced_tree=False,
            compact_nodes=False,
        )

    def query(self, points: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(segment, fraction along it from its tail, distance) of each point."""
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(points) == 0:
            return np.empty(0, np.int64), np.empty(0), np.empty(0)
        nearest_middle, _index = self.tree.query(points, k=1)
        balls = self.tree.query_ball_point(points, nearest_middle + self.spacing / 2 + 1e-6)
        sizes = np.fromiter((len(ball) for ball in balls), dtype=np.int64, count=len(balls))
        point_of = np.repeat(np.arange(len(points)), sizes)
        segment = self.owner[np.fromiter((s for ball in balls for s in ball), dtype=np.int64, count=int(sizes.sum()))]
        # A segment with several pieces in a ball is measured once per piece: harmless.
        fraction, distance = _project(points[point_of], self.a[segment], self.b[segment])
        order = np.lexsort((distance, point_of))
        first = np.ones(len(order), dtype=bool)
        first[1:] = point_of[order][1:] != point_of[order][:-1]
        best = order[first]
        return segment[best], fraction[best], distance[best]


def _project(points: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fraction along a→b of each point's nearest point on the segment, and the distance."""
    ab = b - a
    squared = (ab**2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.clip(((points - a) * ab).sum(axis=1) / squared, 0.0, 1.0)
    fraction = np.where(squared > 0, fraction, 0.0)
    nearest = a + ab * fraction[:, None]
    return fraction, np.hypot(*(points - nearest).T)


def _part(share: np.ndarray | float, seconds: np.ndarray | float) -> np.ndarray:
    """The time of a share of a segment: none of a one-way segment costs nothing (not 0 × inf)."""
    with np.errstate(invalid="ignore"):
        return np.where(share > 0, share * seconds, 0.0)


class TravelTimes:
    """Time from every node to its nearest facility, computed once; then looked up per unit.

    With an ``access`` leg, times include both straight legs (unit to network, network to
    facility); facilities and units farther than its limit are not reached (``facility_off``,
    and ``off_network`` of a query)."""

    def __init__(
        self,
        graph: RoadGraph,
        facility_xy: ArrayLike,
        spacing: float = SAMPLE_SPACING_M,
        access: AccessLeg = AccessLeg(),
    ):
        from scipy.sparse.csgraph import dijkstra

        self.graph = graph
        self.access = access
        self.segments = SegmentIndex(graph.node_xy, graph.seg_tail, graph.seg_head, spacing)
        facility_seg, facility_t, self.facility_snap_m = self.segments.query(facility_xy)
        self.facility_off = access.too_far(self.facility_snap_m)
        self.facility_access_s = access.seconds(self.facility_snap_m)
        count, nodes = len(facility_seg), len(graph.node_xy)
        virtual = nodes + np.arange(count)
        # Reversed graph: from a facility back to the ends of its segment, by the time it takes to
        # drive from that end to the facility's tie point.
        extra = (
            np.concatenate([virtual, virtual]),
            np.concatenate([graph.seg_tail[facility_seg], graph.seg_head[facility_seg]]),
            np.concatenate(
                [
                    _part(facility_t, graph.seg_forward[facility_seg]) + self.facility_access_s,
                    _part(1 - facility_t, graph.seg_backward[facility_seg]) + self.facility_access_s,
                ]
            ),
        )
        keep = np.isfinite(extra[2]) & ~np.concatenate([self.facility_off, self.facility_off])
        extra = tuple(array[keep] for array in extra)
        seconds, _pred, reached_from = dijkstra(
            graph.matrix(reverse=True, extra=extra, extra_nodes=count),
            directed=True,
            indices=virtual,
            min_only=True,
            return_predecessors=True,
        )
        self.node_seconds = seconds[:nodes]
        self.node_facility = np.where(reached_from[:nodes] >= 0, reached_from[:nodes] - nodes, -1)
        self._facilities_on: dict[int, list[tuple[int, float]]] = {}
        reachable = (~self.facility_off).tolist()
        for facility, (segment, fraction) in enumerate(zip(facility_seg.tolist(), facility_t.tolist())):
            if reachable[facility]:
                self._facilities_on.setdefault(segment, []).append((facility, fraction))

    def off_network(self, access_m: ArrayLike) -> np.ndarray:
        """Whether units this far from the network are beyond the access leg's limit."""
        return self.access.too_far(access_m)

    def query(self, unit_xy: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(facility index or -1, seconds or inf, metres from the unit to the network). Seconds
        include the access legs; a unit beyond the access limit is not reached (-1, inf)."""
        graph = self.graph
        segment, fraction, snap_m = self.segments.query(unit_xy)
        via_head = _part(1 - fraction, graph.seg_forward[segment]) + self.node_seconds[graph.seg_head[segment]]
        via_tail = _part(fraction, graph.seg_backward[segment]) + self.node_seconds[graph.seg_tail[segment]]
        head_wins = via_head <= via_tail
        seconds = np.where(head_wins, via_head, via_tail)
        facility = np.where(
            head_wins, self.node_facility[graph.seg_head[segment]], self.node_facility[graph.seg_tail[segment]]
        )
        self._along_own_segment(segment, fraction, seconds, facility)
        seconds = np.where(self.off_network(snap_m), np.inf, seconds + self.access.seconds(snap_m))
        facility = np.where(np.isfinite(seconds), facility, -1)
        return facility, seconds, snap_m

    def _along_own_segment(
        self, segment: np.ndarray, fraction: np.ndarray, seconds: np.ndarray, facility: np.ndarray
    ) -> None:
        """A unit on the segment of a facility may drive straight along it (rare: a loop)."""
        if not self._facilities_on:
            return
        graph = self.graph
        for unit in np.flatnonzero(np.isin(segment, list(self._facilities_on))).tolist():
            seg, start = int(segment[unit]), fraction[unit]
            for candidate, end in self._facilities_on[seg]:
                time = (
                    _part(end - start, graph.seg_forward[seg])
                    if end >= start
                    else _part(start - end, graph.seg_backward[seg])
                ) + self.facility_access_s[candidate]
                if time < seconds[unit]:
                    seconds[unit], facility[unit] = time, candidate
