"""Origins of population units read in one go from a collected multipoint's WKB."""

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject

from anct_qgis_plugin.engine.origins import origin_points, xy_array


def geometries(*wkts):
    return [QgsGeometry.fromWkt(wkt) for wkt in wkts]


def test_points_come_back_in_order_and_without_z():
    xy = xy_array(geometries("POINT(1 2)", "POINT Z(3 4 5)", "POINT M(6 7 8)"))
    assert xy.tolist() == [[1, 2], [3, 4], [6, 7]]


def test_a_chunk_that_does_not_line_up_is_refused():
    assert xy_array(geometries("POINT(1 2)", "MULTIPOINT((3 4), (5 6))")) is None
    assert xy_array(geometries("POINT(1 2)", "POINT EMPTY")) is None
    assert xy_array([QgsGeometry(), QgsGeometry()]) is None
    assert xy_array([]) is None


def test_reprojected_in_one_call():
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance()
    )
    xy = xy_array(geometries("POINT(3 46.5)"), transform)
    assert np.allclose(xy, [[700000, 6600000]], atol=1)  # Lambert-93's origin: 3°E, 46.5°N


def test_odd_units_are_placed_one_by_one():
    xy = origin_points(
        geometries(
            "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))",
            "POLYGON EMPTY",
            "MULTIPOLYGON(((10 0, 12 0, 12 2, 10 2, 10 0)), ((20 0, 21 0, 21 1, 20 1, 20 0)))",
        ),
        "point_on_surface",
    )
    assert xy[0].tolist() == [1, 1] and np.isnan(xy[1]).all() and xy[2].tolist() == [11, 1]
    centroids = origin_points(geometries("MULTIPOINT((0 0), (4 0))", "POINT(1 1)"), "point")
    assert centroids.tolist() == [[2, 0], [1, 1]]
