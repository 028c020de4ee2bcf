"""The road network read as plain arrays: vertices cut out of one collected multilinestring,
and the line-by-line path for multipart lines and curves."""

import numpy as np
import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer

from anct_qgis_plugin.compat import FIELD_STRING
from anct_qgis_plugin.diagnostics.network import BACKWARD, BOTH, FORWARD
from anct_qgis_plugin.diagnostics.road_profiles import CustomProfile
from anct_qgis_plugin.engine.network_reader import line_vertices, read_network


def roads(rows):
    """rows: (WKT or None, speed, direction) -> a memory line layer with text fields."""
    layer = QgsVectorLayer("LineString?crs=EPSG:2154", "roads", "memory")
    layer.dataProvider().addAttributes([QgsField("speed", FIELD_STRING), QgsField("dir", FIELD_STRING)])
    layer.updateFields()
    features = []
    for wkt, speed, direction in rows:
        feature = QgsFeature(layer.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([speed, direction])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def read(layer):
    profile = CustomProfile(50.0, {"1": FORWARD, "2": BACKWARD, "0": BOTH})
    return read_network(
        layer.getFeatures(), None, (0, 1), profile, QgsProcessingFeedback(), RuntimeError("cancelled")
    ).arrays()


def test_vertices_of_single_lines_in_order_without_z():
    vertices, counts = line_vertices(
        [QgsGeometry.fromWkt("LINESTRING(0 0, 1 0, 1 1)"), QgsGeometry.fromWkt("LINESTRING Z(5 5 9, 6 6 9)")]
    )
    assert vertices.tolist() == [[0, 0], [1, 0], [1, 1], [5, 5], [6, 6]] and counts.tolist() == [3, 2]
    assert (
        line_vertices(
            [
                QgsGeometry.fromWkt("MULTILINESTRING((0 0, 1 0), (2 0, 3 0))"),
                QgsGeometry.fromWkt("LINESTRING(0 0, 1 0)"),
            ]
        )
        is None
    )


def test_speeds_and_directions_per_line():
    vertices, counts, speeds, directions = read(
        roads(
            [
                ("LINESTRING(0 0, 10 0)", "90", "1.0"),
                ("LINESTRING(10 0, 20 0)", None, None),
                ("LINESTRING(20 0, 30 0)", "-5", "2"),
                ("LINESTRING(30 0, 40 0)", "vite", "0"),
            ]
        )
    )
    assert counts.tolist() == [2, 2, 2, 2] and len(vertices) == 8
    assert speeds.tolist() == [90, 50, 50, 50]  # NULL, negative and text speeds take the default
    assert directions.tolist() == [FORWARD, BOTH, BACKWARD, BOTH]


def test_multipart_null_and_curved_lines_are_read_one_by_one():
    vertices, counts, speeds, directions = read(
        roads(
            [
                ("MULTILINESTRING((0 0, 10 0), (10 0, 10 10))", "30", "1"),
                (None, "70", "0"),
                ("CIRCULARSTRING(0 0, 10 10, 20 0)", "40", "0"),
                ("LINESTRING(20 0, 30 0)", "50", "2"),
            ]
        )
    )
    assert counts[:2].tolist() == [2, 2] and counts[-1] == 2 and len(counts) == 4  # the arc is segmentised
    assert speeds.tolist() == [30, 30, 40, 50] and directions.tolist() == [FORWARD, FORWARD, BOTH, BACKWARD]
    assert np.allclose(vertices[-2:], [[20, 0], [30, 0]])


def test_a_multipart_line_beside_a_null_one_is_not_read_in_bulk():
    # Two parts and no part: as many parts as lines, yet they do not belong to the lines in order.
    assert line_vertices([QgsGeometry.fromWkt("MULTILINESTRING((0 0, 1 0), (2 0, 3 0))"), QgsGeometry()]) is None
    assert line_vertices([QgsGeometry.fromWkt("CIRCULARSTRING(0 0, 1 1, 2 0)")]) is None


def reference(layer, default_speed=50.0):
    """The slow, obvious reading: every feature one by one, every part with its own feature's speed and
    direction (NULL, empty: no part; text, zero or negative speeds: the default)."""
    codes = {"1": FORWARD, "2": BACKWARD, "0": BOTH}
    vertices, speeds, directions = [], [], []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        try:
            speed = float(feature["speed"])
        except (TypeError, ValueError):
            speed = default_speed
        speed = speed if speed > 0 else default_speed
        direction = codes.get(str(feature["dir"]).split(".")[0], BOTH)
        parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        for part in parts:
            vertices.extend((point.x(), point.y()) for point in part)
            speeds.append(speed)
            directions.append(direction)
    return np.array(vertices), speeds, directions


MULTI = "MULTILINESTRING(({x} 0, {x} 1), ({y} 1, {y} 2))"


@pytest.mark.parametrize(
    "kinds",
    [
        # every kind of line
        [
            "LINESTRING({x} 0, {x} 5, {y} 5)",
            MULTI,
            None,
            "LINESTRING EMPTY",
            "CIRCULARSTRING({x} 0, {m} 3, {y} 0)",
            "LINESTRING Z({x} 0 1, {y} 0 2)",
        ],
        # as many parts as lines in every chunk (a 2-part line for each NULL one): the trap
        ["LINESTRING({x} 0, {x} 5, {y} 5)", MULTI, None],
    ],
    ids=["every-kind", "parts-balance-lines"],
)
def test_chunks_mixing_every_kind_of_line_match_the_slow_reference(kinds):
    rows = []
    for n in range(2_600):  # three chunks of up to 1,000 lines, each with every kind
        wkt = kinds[n % len(kinds)]
        rows.append(
            (
                wkt.format(x=n, y=n + 0.5, m=n + 0.25) if wkt else None,
                [str(10 + n % 90), None, "0", "vite"][n % 4],
                ["1", "2", "0", "1.0", None][n % 5],
            )
        )
    layer = roads(rows)
    vertices, counts, speeds, directions = read(layer)
    expected_vertices, expected_speeds, expected_directions = reference(layer)
    assert speeds.tolist() == expected_speeds and directions.tolist() == expected_directions
    assert int(counts.sum()) == len(vertices) == len(expected_vertices)
    assert np.allclose(vertices, expected_vertices)
