"""The computations on plain arrays: nearest facility, road graph, summary table."""

import numpy as np
import pytest

from anct_qgis_plugin.diagnostics import nearest as nearest_module
from anct_qgis_plugin.diagnostics.gap import facility_kind, summarise
from anct_qgis_plugin.diagnostics.nearest import nearest
from anct_qgis_plugin.diagnostics.network import BACKWARD, BOTH, FORWARD, TravelTimes, graph_from_vertices


def test_numpy_fallback_matches_the_kd_tree():
    rng = np.random.default_rng(1)
    units, sites = rng.uniform(0, 1e5, (5000, 2)), rng.uniform(0, 1e5, (300, 2))
    tree_index, tree_distance = nearest(units, sites)
    brute_index, brute_distance = nearest_module._brute_force(units, sites)
    assert np.allclose(tree_distance, brute_distance)
    assert (tree_index == brute_index).mean() > 0.999  # ties aside


def test_no_facility_is_an_error_and_no_unit_is_empty():
    with pytest.raises(ValueError):
        nearest(np.zeros((1, 2)), np.zeros((0, 2)))
    index, distance = nearest(np.zeros((0, 2)), np.zeros((1, 2)))
    assert len(index) == len(distance) == 0


def build_graph(lines, speeds, directions):
    """The graph of a list of polylines (each a p×2 array)."""
    return graph_from_vertices(np.concatenate(lines), [len(line) for line in lines], speeds, directions)


def test_graph_joins_close_vertices_keeps_the_fastest_parallel_edge():
    lines = [np.array([[0, 0], [1000, 0]]), np.array([[0.004, 0], [1000.003, 0]]), np.array([[1000, 0], [1000, 1000]])]
    graph = build_graph(lines, [36, 72, 36], [BOTH, BOTH, FORWARD])
    assert len(graph.node_xy) == 3
    times = TravelTimes(graph, np.array([[0, 0]]))
    facility, seconds, _access = times.query(np.array([[1000, 0], [1000, 1000]]))
    assert seconds[0] == pytest.approx(50, rel=1e-4)  # the 72 km/h twin
    assert not np.isfinite(seconds[1]) and facility[1] == -1  # one-way away from the facility
    graph = build_graph(lines, [36, 72, 36], [BOTH, BOTH, BACKWARD])
    assert TravelTimes(graph, np.array([[0, 0]])).query(np.array([[1000, 1000]]))[1][0] == pytest.approx(150)


def test_units_and_facilities_join_at_the_nearest_point_of_the_nearest_segment():
    # One 2 km street at 36 km/h (10 m/s), one-way eastwards on its second half; a footpath (speed 0).
    lines = [np.array([[0, 0], [1000, 0]]), np.array([[1000, 0], [2000, 0]]), np.array([[0, 50], [2000, 50]])]
    graph = build_graph(lines, [36, 36, 0], [BOTH, FORWARD, BOTH])
    times = TravelTimes(graph, np.array([[1500.0, -80.0]]))  # off the street, beside its one-way half
    assert times.facility_snap_m[0] == pytest.approx(80)
    facility, seconds, access = times.query(np.array([[250.0, 30.0], [1800.0, -5.0], [1200.0, 45.0]]))
    # 250 m in: 1,250 m to the facility's tie point; the footpath 20 m away is not a way in.
    assert seconds[0] == pytest.approx(125) and access[0] == pytest.approx(30)
    # 1,800 m in, past the facility on a one-way street: it cannot drive back.
    assert facility[1] == -1 and not np.isfinite(seconds[1])
    # On the facility's own segment, upstream: straight along it.
    assert seconds[2] == pytest.approx(30) and facility[2] == 0


def test_a_network_of_paths_only_is_an_error():
    with pytest.raises(ValueError):
        build_graph([np.array([[0, 0], [10, 0]])], [0], [BOTH])


def test_empty_network_is_an_error():
    with pytest.raises(ValueError):
        graph_from_vertices(np.empty((0, 2)), [], [], [])


@pytest.mark.parametrize(
    "type_fs, format_fs, kind",
    [
        ("Principal", "Fixe", "fixed"),
        ("Principal", "Multisites", "fixed"),
        ("Antenne", "Fixe", "antenna"),
        ("Antenne", "Fixe_antenne(s)", "antenna"),
        ("Principal", "Bus_équivalent", "bus"),
        ("Principal", "Itinérante", "itinerant"),
        (None, None, "fixed"),
    ],
)
def test_facility_kinds(type_fs, format_fs, kind):
    assert facility_kind(type_fs, format_fs) == kind


def test_summary_by_level_with_unreachable_units():
    table = summarise(
        {"departement": (np.array(["36", "36", "18", ""]), {"36": "Indre"})},
        population=[100, 50, 10, 5],
        beyond=[False, True, True, True],
        measure=[5.0, 40.0, np.inf, 12.0],
    )
    rows = {(r.level, r.code): r for r in table.itertuples()}
    assert set(rows) == {("departement", "18"), ("departement", "36"), ("total", "FR")}
    indre = rows[("departement", "36")]
    assert (indre.name, indre.population, indre.population_beyond, indre.worst) == ("Indre", 150, 50, 40.0)
    assert indre.share_beyond == pytest.approx(1 / 3)
    total = rows[("total", "FR")]
    assert (total.units, total.units_beyond, total.units_unreachable, total.population) == (4, 3, 1, 165)


def test_zoned_index_matches_within_each_zone_only():
    from anct_qgis_plugin.core.published.territories import crs_zones
    from anct_qgis_plugin.diagnostics.nearest import ZonedNearestIndex

    projected = []

    def project(zone, lonlat):  # a stand-in projection: degrees to "metres", and what was asked
        projected.append(zone)
        return np.asarray(lonlat) * 100_000.0

    facilities = np.array([[2.0, 47.0], [55.5, -20.9]])  # metropole, La Réunion
    index = ZonedNearestIndex(facilities, crs_zones, project)
    found, distance = index.query(np.array([[55.4, -20.9], [2.0, 47.1], [45.2, -12.8]]))
    assert found.tolist() == [1, 0, -1]  # Réunion's own site, the metropolitan one, none in Mayotte
    assert distance[:2] == pytest.approx([10_000, 10_000]) and np.isinf(distance[2])
    assert set(projected) == {"EPSG:2154", "EPSG:2975"}


def test_nearest_segment_is_exact_whatever_the_segment_lengths():
    from anct_qgis_plugin.diagnostics.network import SegmentIndex

    rng = np.random.default_rng(7)
    starts = rng.uniform(0, 5000, (400, 2))
    ends = starts + rng.normal(0, 1, (400, 2)) * rng.choice([5.0, 80.0, 2000.0], (400, 1))  # short and long
    nodes = np.concatenate([starts, ends])
    index = SegmentIndex(nodes, np.arange(400), np.arange(400, 800))
    points = rng.uniform(-500, 5500, (300, 2))
    _segment, _fraction, distance = index.query(points)
    ab = ends - starts
    t = np.clip(((points[:, None, :] - starts) * ab).sum(axis=2) / (ab**2).sum(axis=1), 0, 1)
    brute = np.hypot(*(points[:, None, :] - (starts + ab * t[..., None])).transpose(2, 0, 1)).min(axis=1)
    assert np.allclose(distance, brute, atol=1e-9)


def test_population_by_typology_level_sums_communes_and_leaves_unplaced_ids_out():
    import pandas as pd

    from anct_qgis_plugin.diagnostics.profile import level_slug, typology_figures

    communes = pd.DataFrame({"code": ["a", "b", "c"], "population": [100, 50, 10]})
    grid = {"a": ["Centre majeur"], "b": ["Centre local"], "dep:36": ["Centre local"]}
    table = typology_figures(communes, {"territory": ["a", "c"], "region": None, "france": None}, {"t": grid})
    rows = table.set_index("indicator")
    assert rows.loc["t_centre_majeur_population", "territory"] == 100
    assert (
        rows.loc["t_centre_local_population", "territory"] == 0
        and rows.loc["t_centre_local_population", "france"] == 50
    )
    assert rows.loc["t_centre_majeur_population_share", "territory"] == pytest.approx(100 * 100 / 110)
    assert level_slug("Centre majeur d'équipements") == "centre_majeur_d_equipements"
    assert typology_figures(communes, {"territory": None}, {"t": None}).empty  # unavailable: no rows
