"""Road graph and one multi-source shortest-path search from all facilities at once.

Every vertex of a polyline is a node (as in QGIS's graph builder); vertices that fall in the
same cell of a grid of ``tolerance`` metres are the same node. Each segment is an edge timed at its line's speed. Residents go
*to* the facility, so the search runs on the reversed graph from the facilities: one Dijkstra
(scipy.sparse.csgraph, ``min_only``) gives every node its time to the nearest facility.
"""
from dataclasses import dataclass

import numpy as np

BOTH, FORWARD, BACKWARD = 0, 1, 2


@dataclass
class RoadGraph:
    node_xy: np.ndarray  # (k, 2) metres
    tails: np.ndarray    # edge start nodes
    heads: np.ndarray    # edge end nodes
    seconds: np.ndarray  # edge travel time

    @property
    def edge_count(self):
        return len(self.tails)

    def matrix(self, reverse=False):
        from scipy.sparse import coo_matrix

        rows, cols = (self.heads, self.tails) if reverse else (self.tails, self.heads)
        size = len(self.node_xy)
        # Parallel edges: keep the fastest (sum_duplicates would add them up).
        order = np.lexsort((self.seconds, cols, rows))
        rows, cols, seconds = rows[order], cols[order], self.seconds[order]
        first = np.ones(len(rows), dtype=bool)
        first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
        # csgraph reads an explicit 0 as "no edge": a zero-length edge gets a tiny time.
        weights = np.maximum(seconds[first], 1e-9)
        return coo_matrix((weights, (rows[first], cols[first])), shape=(size, size)).tocsr()


def graph_from_vertices(vertices, counts, speeds_kmh, directions, tolerance=0.01):
    """The graph of lines given by every line's vertices one after the other (v×2, metres) and
    each line's vertex count, with one speed (km/h) and direction per line."""
    counts = np.asarray(counts, dtype=np.int64)
    if len(counts) == 0 or counts.sum() == 0:
        raise ValueError("empty network")
    vertices = np.asarray(vertices, dtype=float).reshape(-1, 2)
    keys = np.round(vertices / tolerance).astype(np.int64)
    _unique, first_index, node_of_vertex = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    node_of_vertex = node_of_vertex.reshape(-1)
    node_xy = vertices[first_index]
    # Segment i joins vertex i and i+1, except across the end of a line.
    line_of_vertex = np.repeat(np.arange(len(counts)), counts)
    starts = np.arange(len(vertices) - 1)
    same_line = line_of_vertex[starts] == line_of_vertex[starts + 1]
    starts = starts[same_line]
    line = line_of_vertex[starts]
    length = np.hypot(*(vertices[starts + 1] - vertices[starts]).T)
    speed_ms = np.asarray(speeds_kmh, dtype=float)[line] / 3.6
    seconds = length / speed_ms
    tail, head = node_of_vertex[starts], node_of_vertex[starts + 1]
    direction = np.asarray(directions, dtype=np.int64)[line]
    usable = (tail != head) & np.isfinite(seconds) & (speed_ms > 0)
    forward = usable & (direction != BACKWARD)
    backward = usable & (direction != FORWARD)
    return RoadGraph(node_xy,
                     np.concatenate([tail[forward], head[backward]]),
                     np.concatenate([head[forward], tail[backward]]),
                     np.concatenate([seconds[forward], seconds[backward]]))


class TravelTimes:
    """Time from every node to its nearest facility, computed once; then looked up per unit."""

    def __init__(self, graph, facility_xy):
        from scipy.sparse.csgraph import dijkstra

        from .nearest import NearestIndex

        self.nodes = NearestIndex(graph.node_xy)  # built once, queried for every chunk of units
        facility_nodes, self.facility_snap_m = self.nodes.query(facility_xy)
        sources = np.unique(facility_nodes)
        seconds, _pred, reached_from = dijkstra(graph.matrix(reverse=True), directed=True, indices=sources,
                                                min_only=True, return_predecessors=True)
        # Several facilities may share a node: report the first of them.
        facility_at_node = {}
        for facility, node in enumerate(facility_nodes):
            facility_at_node.setdefault(int(node), facility)
        lookup = np.full(len(graph.node_xy), -1, dtype=np.int64)
        reached = reached_from >= 0
        lookup[reached] = [facility_at_node[int(node)] for node in reached_from[reached]]
        self.graph = graph
        self.node_seconds = seconds
        self.node_facility = lookup

    def query(self, unit_xy):
        """(facility index or -1, seconds or inf, metres from the unit to the network)."""
        nodes, snap_m = self.nodes.query(unit_xy)
        return self.node_facility[nodes], self.node_seconds[nodes], snap_m
