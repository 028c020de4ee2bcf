"""anct:service_gap and anct:mobile_coverage_gap: hand-computed cases, agreement with QGIS's own
algorithms, one-way streets, unreachable units, bad inputs and cancellation."""

import math

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from anct_qgis_plugin.compat import FIELD_DOUBLE, FIELD_STRING


def memory_layer(kind, crs, fields, rows):
    """rows: (geometry WKT, {field: value})."""
    layer = QgsVectorLayer(f"{kind}?crs={crs}", "test", "memory")
    layer.dataProvider().addAttributes(
        [QgsField(name, FIELD_DOUBLE if numeric else FIELD_STRING) for name, numeric in fields]
    )
    layer.updateFields()
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([values.get(name) for name, _n in fields])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def points(rows, crs="EPSG:2154", fields=(("code", False), ("population", True))):
    return memory_layer("Point", crs, fields, [(f"POINT({x} {y})", values) for x, y, values in rows])


def facilities(rows, crs="EPSG:2154"):
    return memory_layer(
        "Point",
        crs,
        (("id_fs", False), ("lib_fs", False), ("type_fs", False), ("format_fs", False)),
        [(f"POINT({x} {y})", values) for x, y, values in rows],
    )


FACILITIES = [
    (1000, 0, {"id_fs": "F1", "lib_fs": "Fixe", "type_fs": "Principal", "format_fs": "Fixe"}),
    (25000, 0, {"id_fs": "F2", "lib_fs": "Antenne", "type_fs": "Antenne", "format_fs": "Fixe"}),
    (10000, 0, {"id_fs": "F3", "lib_fs": "Bus", "type_fs": "Principal", "format_fs": "Bus_équivalent"}),
]
UNITS = [
    (0, 0, {"code": "A", "population": 100}),
    (30000, 0, {"code": "B", "population": 50}),
    (10000, 0, {"code": "C", "population": 10}),
]


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def by_unit(layer, key="code"):
    return {f[key]: f for f in layer.getFeatures()}


def gap(run_alg, **parameters):
    parameters.setdefault("OUTPUT", "memory:")
    parameters.setdefault("SUMMARY", "memory:")
    return run_alg("anct:service_gap", parameters)


def test_hand_computed_straight_distances(anct_env, run_alg):
    result = gap(run_alg, POPULATION=points(UNITS), FACILITIES=facilities(FACILITIES), THRESHOLD=4)
    units = by_unit(result["OUTPUT"])
    assert units["A"]["facility_id"] == "F1" and units["A"]["distance_m"] == pytest.approx(1000)
    assert units["B"]["facility_id"] == "F2" and units["B"]["distance_m"] == pytest.approx(5000)
    # The bus at 0 m does not count by default: the fixed site 9 km away does.
    assert units["C"]["facility_id"] == "F1" and units["C"]["distance_m"] == pytest.approx(9000)
    assert [units[k]["beyond_threshold"] for k in "ABC"] == [0, 1, 1]
    assert result["POPULATION_BEYOND"] == 60
    total = [f for f in result["SUMMARY"].getFeatures() if f["level"] == "total"][0]
    assert total["population"] == 160 and total["units_beyond"] == 2
    assert total["share_beyond"] == pytest.approx(60 / 160) and total["worst"] == pytest.approx(9000)


def test_facility_filter_lets_buses_count(anct_env, run_alg):
    result = gap(
        run_alg,
        POPULATION=points(UNITS),
        FACILITIES=facilities(FACILITIES),
        FACILITY_FILTER=["fixed", "antenna", "bus"],
    )
    assert by_unit(result["OUTPUT"])["C"]["facility_id"] == "F3"


def test_straight_distances_equal_native_join_by_nearest(anct_env, run_alg):
    rng = np.random.default_rng(7)
    # More units than a chunk (1,000): the chunk boundaries must not shift a row.
    unit_xy = rng.uniform([600000, 6600000], [700000, 6700000], size=(2500, 2))
    facility_xy = rng.uniform([600000, 6600000], [700000, 6700000], size=(25, 2))
    # Two facilities exactly on the first unit: one row for it, not two.
    facility_xy = np.vstack([facility_xy, unit_xy[:1], unit_xy[:1]])
    units = points([(x, y, {"code": str(i), "population": 1}) for i, (x, y) in enumerate(unit_xy)])
    sites = facilities([(x, y, {"id_fs": str(i), "format_fs": "Fixe"}) for i, (x, y) in enumerate(facility_xy)])
    ours = by_unit(gap(run_alg, POPULATION=units, FACILITIES=sites)["OUTPUT"])
    native = run_alg(
        "native:joinbynearest",
        {"INPUT": units, "INPUT_2": sites, "FIELDS_TO_COPY": ["id_fs"], "NEIGHBORS": 1, "OUTPUT": "memory:"},
    )["OUTPUT"]
    native_distance = {}
    for feature in native.getFeatures():
        native_distance.setdefault(feature["code"], feature["distance"])
    assert len(ours) == 2500 == len(native_distance)
    assert max(abs(ours[code]["distance_m"] - d) for code, d in native_distance.items()) < 1.0
    assert ours["0"]["distance_m"] == 0


def test_geographic_input_is_measured_in_metres(anct_env, run_alg, feedback):
    # 0.1° of longitude at 46.8° N is about 7.6 km: never "0.1".
    units = points([(1.6, 46.8, {"code": "A", "population": 1})], crs="EPSG:4326")
    sites = facilities([(1.7, 46.8, {"id_fs": "F", "format_fs": "Fixe"})], crs="EPSG:4326")
    distance = by_unit(gap(run_alg, POPULATION=units, FACILITIES=sites)["OUTPUT"])["A"]["distance_m"]
    assert 7500 < distance < 7700
    assert any("EPSG:2154" in message for message in feedback.infos)


def test_overseas_units_are_measured_in_their_own_crs(anct_env, run_alg, feedback):
    units = points([(55.45, -20.90, {"code": "97411", "population": 1})], crs="EPSG:4326")
    sites = facilities([(55.50, -20.90, {"id_fs": "F", "format_fs": "Fixe"})], crs="EPSG:4326")
    result = gap(run_alg, POPULATION=units, FACILITIES=sites)
    assert any("EPSG:2975" in message for message in feedback.infos)
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"  # the units keep their own CRS
    assert 5100 < by_unit(result["OUTPUT"])["97411"]["distance_m"] < 5300


def planar_distance(crs, a, b):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem(crs), QgsProject.instance()
    )
    pa, pb = transform.transform(QgsPointXY(*a)), transform.transform(QgsPointXY(*b))
    return math.hypot(pa.x() - pb.x(), pa.y() - pb.y())


def test_a_national_run_measures_each_overseas_unit_in_its_own_crs(anct_env, run_alg, feedback):
    # Metropolitan and Réunion units in one layer: each is measured in its zone's CRS, among the
    # facilities of its zone (the Réunion site is nearer to Saint-Denis than any Lambert-93 ghost).
    units = points(
        [
            (1.69, 46.81, {"code": "36044", "population": 10}),
            (55.45, -20.88, {"code": "97411", "population": 20}),
            (45.23, -12.78, {"code": "97611", "population": 30}),
        ],
        crs="EPSG:4326",
    )
    sites = facilities(
        [(1.80, 46.81, {"id_fs": "M", "format_fs": "Fixe"}), (55.50, -20.90, {"id_fs": "R", "format_fs": "Fixe"})],
        crs="EPSG:4326",
    )
    output = by_unit(gap(run_alg, POPULATION=units, FACILITIES=sites)["OUTPUT"])
    assert any("each overseas" in message for message in feedback.infos)
    assert output["36044"]["facility_id"] == "M"
    assert output["36044"]["distance_m"] == pytest.approx(
        planar_distance("EPSG:2154", (1.69, 46.81), (1.80, 46.81)), abs=0.01
    )
    assert output["97411"]["facility_id"] == "R"
    assert output["97411"]["distance_m"] == pytest.approx(
        planar_distance("EPSG:2975", (55.45, -20.88), (55.50, -20.90)), abs=0.01
    )
    # Mayotte has no site in this list: no facility, flagged, not matched across the ocean.
    assert is_null(output["97611"]["facility_id"]) and is_null(output["97611"]["distance_m"])
    assert output["97611"]["beyond_threshold"] == 1


def test_communes_of_a_territory_with_summary_by_departement_and_epci(anct_env, run_alg):
    result = gap(run_alg, TERRITORY="36")
    assert result["UNITS"] == 6
    rows = [f for f in result["SUMMARY"].getFeatures()]
    levels = {f["level"] for f in rows}
    assert levels == {"departement", "epci", "total"}
    dep = [f for f in rows if f["level"] == "departement"]
    assert [(f["code"], f["name"], f["population"]) for f in dep] == [("36", "Indre", 72744)]
    assert sum(f["population"] for f in rows if f["level"] == "epci") == 72744
    names = {f["code"]: f["name"] for f in rows if f["level"] == "epci"}
    assert names["243600327"].startswith("CA Châteauroux")


# --- road mode --------------------------------------------------------------------------
def network(rows, crs="EPSG:2154"):
    return memory_layer(
        "LineString",
        crs,
        (("speed", True), ("dir", False)),
        [
            ("LINESTRING(" + ", ".join(f"{x} {y}" for x, y in line) + ")", {"speed": speed, "dir": direction})
            for line, speed, direction in rows
        ],
    )


ROADS = network(
    [
        ([(0, 0), (1000, 0)], 36, "0"),  # 100 s both ways
        ([(1000, 0), (2000, 0)], 72, "1"),  # 50 s, one-way in digitising direction
        ([(5000, 0), (6000, 0)], 50, "0"),
    ]
)  # an island


def road(run_alg, units, sites, **extra):
    return by_unit(
        gap(
            run_alg,
            POPULATION=units,
            FACILITIES=sites,
            MODE="road",
            NETWORK=ROADS,
            SPEED_FIELD="speed",
            DIRECTION_FIELD="dir",
            **extra,
        )["OUTPUT"]
    )


def test_hand_computed_road_times_one_way_and_unreachable(anct_env, run_alg):
    units = points(
        [
            (1000, 0, {"code": "mid", "population": 1}),
            (2000, 0, {"code": "east", "population": 1}),
            (5400, 300, {"code": "island", "population": 1}),
        ]
    )
    at_west = road(run_alg, units, facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})]), THRESHOLD=2)
    assert at_west["mid"]["time_min"] == pytest.approx(100 / 60)
    assert at_west["mid"]["beyond_threshold"] == 0
    # east -> west would drive the one-way street backwards: unreachable, flagged, not crashed.
    assert is_null(at_west["east"]["time_min"]) and is_null(at_west["east"]["facility_id"])
    assert at_west["east"]["beyond_threshold"] == 1
    assert at_west["island"]["beyond_threshold"] == 1
    assert at_west["island"]["access_m"] == pytest.approx(300)  # to the nearest point of the segment
    at_east = road(
        run_alg,
        points([(0, 0, {"code": "west", "population": 1})]),
        facilities([(2000, 0, {"id_fs": "E", "format_fs": "Fixe"})]),
    )
    assert at_east["west"]["time_min"] == pytest.approx(150 / 60)


def test_the_access_legs_are_timed_at_the_access_speed(anct_env, run_alg):
    units = points([(500, 300, {"code": "off", "population": 1})])  # 300 m off the road
    sites = facilities([(0, -100, {"id_fs": "W", "format_fs": "Fixe"})])  # 100 m off it
    rows = road(run_alg, units, sites)
    legs = 400 / (20 / 3.6) / 60  # the default 20 km/h
    assert rows["off"]["access_min"] == pytest.approx(legs)
    assert rows["off"]["time_min"] == pytest.approx(50 / 60 + legs)  # 500 m at 36 km/h, and the legs
    assert rows["off"]["off_network"] == 0
    slow = road(run_alg, units, sites, ACCESS_SPEED=5)
    assert slow["off"]["time_min"] == pytest.approx(50 / 60 + 400 / (5 / 3.6) / 60)


def test_units_and_sites_too_far_from_the_network_are_not_reached(anct_env, run_alg, feedback):
    units = points(
        [
            (500, 0, {"code": "near", "population": 1}),
            (500, 6000, {"code": "far", "population": 7}),  # 6 km from any road
        ]
    )
    sites = facilities(
        [
            (0, 0, {"id_fs": "W", "lib_fs": "Ouest", "format_fs": "Fixe"}),
            (1500, -8000, {"id_fs": "AJA", "lib_fs": "Ajaccio", "format_fs": "Fixe"}),  # 8 km away: left out
        ]
    )
    result = gap(
        run_alg,
        POPULATION=units,
        FACILITIES=sites,
        MODE="road",
        NETWORK=ROADS,
        SPEED_FIELD="speed",
        DIRECTION_FIELD="dir",
    )
    rows = by_unit(result["OUTPUT"])
    assert rows["near"]["facility_id"] == "W" and rows["near"]["off_network"] == 0
    far = rows["far"]
    assert far["off_network"] == 1 and far["beyond_threshold"] == 1 and far["access_m"] == pytest.approx(6000)
    assert is_null(far["time_min"]) and is_null(far["facility_id"])
    assert result["UNITS_OFF_NETWORK"] == 1 and result["FACILITIES_OFF_NETWORK"] == 1
    assert result["POPULATION_BEYOND"] == 7
    assert any("1 units are more than 5 km" in warning for warning in feedback.warnings)
    assert any("1 facilities are more than 5 km" in w and "AJA Ajaccio" in w for w in feedback.warnings)
    # A longer limit reaches them both.
    rows = road(run_alg, units, sites, MAX_ACCESS_KM=10)
    assert rows["far"]["off_network"] == 0 and rows["far"]["time_min"] > 6000 / (20 / 3.6) / 60


def test_a_network_far_from_every_unit_is_refused(anct_env, run_alg):
    # Indre measured on a network of the south-east: 435 km and more from every unit.
    units = points([(600087, 6633758, {"code": "36044", "population": 43000})])
    sites = facilities([(600000, 6633000, {"id_fs": "F", "format_fs": "Fixe"})])
    with pytest.raises(QgsProcessingException, match="not the network of this population"):
        road(run_alg, units, sites)


def test_sites_all_far_from_the_network_are_refused(anct_env, run_alg):
    units = points([(500, 0, {"code": "near", "population": 1})])
    sites = facilities([(800000, 6200000, {"id_fs": "AJA", "format_fs": "Fixe"})])
    with pytest.raises(QgsProcessingException, match="Every facility is more than 5 km"):
        road(run_alg, units, sites)


def test_units_all_far_from_the_network_are_refused(anct_env, run_alg):
    units = points([(-7000, 0, {"code": "west", "population": 1}), (13000, 0, {"code": "east", "population": 1})])
    sites = facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})])
    with pytest.raises(QgsProcessingException, match="Every unit is more than 5 km"):
        road(run_alg, units, sites)


def test_an_unknown_speed_or_direction_field_is_refused(anct_env, run_alg):
    units = points([(500, 0, {"code": "a", "population": 1})])
    sites = facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})])
    for parameter, field in (("SPEED_FIELD", "vitesse"), ("DIRECTION_FIELD", "sens")):
        with pytest.raises(QgsProcessingException, match=f"{parameter}={field}: the road network has no such field"):
            gap(run_alg, POPULATION=units, FACILITIES=sites, MODE="road", NETWORK=ROADS, **{parameter: field})


def test_text_speeds_are_read_or_counted(anct_env, run_alg, feedback):
    values = ["50,5", "90 km/h", "fast", "-30", "1e309", None]
    roads = memory_layer(
        "LineString",
        "EPSG:2154",
        (("speed", False),),
        [(f"LINESTRING({i * 1000} 0, {(i + 1) * 1000} 0)", {"speed": value}) for i, value in enumerate(values)],
    )
    units = points([(i * 1000 + 1000, 0, {"code": str(i), "population": 1}) for i in range(len(values))])
    sites = facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})])
    rows = by_unit(
        gap(run_alg, POPULATION=units, FACILITIES=sites, MODE="road", NETWORK=roads, SPEED_FIELD="speed")["OUTPUT"]
    )
    assert rows["0"]["time_min"] == pytest.approx(1000 / (50.5 / 3.6) / 60)  # a decimal comma
    assert rows["1"]["time_min"] - rows["0"]["time_min"] == pytest.approx(1000 / (90 / 3.6) / 60)  # with its unit
    assert rows["2"]["time_min"] - rows["1"]["time_min"] == pytest.approx(1000 / (50 / 3.6) / 60)  # DEFAULT_SPEED
    warning = next(w for w in feedback.warnings if "not a positive number of km/h" in w)
    assert warning.startswith("4 lines have a speed in speed")
    assert all(f"{value} (1)" in warning for value in ("fast", "-30", "1e309", "NULL"))


def test_a_network_of_points_or_polygons_is_refused_at_the_parameter_check(anct_env, run_alg):
    units = points([(500, 0, {"code": "a", "population": 1})])
    sites = facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})])
    polygons = memory_layer("Polygon", "EPSG:2154", (("speed", True),), [("POLYGON((0 0, 1 0, 1 1, 0 0))", {})])
    for layer in (polygons, sites):
        with pytest.raises(QgsProcessingException, match="NETWORK: the road network must be a line layer"):
            gap(run_alg, POPULATION=units, FACILITIES=sites, MODE="road", NETWORK=layer)
    from qgis.core import QgsApplication

    profile = QgsApplication.processingRegistry().algorithmById("anct:territory_profile")
    outputs = {output.name(): "TEMPORARY_OUTPUT" for output in profile.destinationParameterDefinitions()}
    with pytest.raises(QgsProcessingException, match="NETWORK: the road network must be a line layer"):
        run_alg("anct:territory_profile", {"TERRITORY": "36044", "GAP_MODE": "road", "NETWORK": polygons, **outputs})


X0, Y0 = 650000, 6650000  # central France: QGIS measures lengths on the ellipsoid


def test_road_times_equal_native_shortest_path(anct_env, run_alg):
    rng = np.random.default_rng(3)
    size, step = 8, 1000.0
    lines = []
    for i in range(size):
        for j in range(size):
            x, y = X0 + i * step, Y0 + j * step
            if i + 1 < size:
                lines.append(([(x, y), (x + step, y)], float(rng.choice([30, 50, 90])), "0"))
            if j + 1 < size:
                lines.append(([(x, y), (x, y + step)], float(rng.choice([30, 50, 90])), "0"))
    roads = network(lines)
    sites = facilities(
        [(X0, Y0, {"id_fs": "F0", "format_fs": "Fixe"}), (X0 + 7000, Y0 + 7000, {"id_fs": "F1", "format_fs": "Fixe"})]
    )
    units = points(
        [
            (X0 + i * step, Y0 + j * step, {"code": f"{i}-{j}", "population": 1})
            for i, j in [(3, 4), (6, 1), (2, 2), (5, 6), (1, 7)]
        ]
    )
    ours = by_unit(
        gap(run_alg, POPULATION=units, FACILITIES=sites, MODE="road", NETWORK=roads, SPEED_FIELD="speed")["OUTPUT"]
    )
    for code, unit in ours.items():
        i, j = (int(v) for v in code.split("-"))
        end = f"{X0},{Y0}" if unit["facility_id"] == "F0" else f"{X0 + 7000},{Y0 + 7000}"
        native = run_alg(
            "native:shortestpathpointtopoint",
            {
                "INPUT": roads,
                "STRATEGY": 1,
                "SPEED_FIELD": "speed",
                "DEFAULT_SPEED": 50,
                "TOLERANCE": 0,
                "START_POINT": f"{X0 + i * step},{Y0 + j * step} [EPSG:2154]",
                "END_POINT": f"{end} [EPSG:2154]",
                "OUTPUT": "memory:",
            },
        )
        native_minutes = native["TRAVEL_COST"] * 60  # hours with the fastest strategy
        assert unit["time_min"] == pytest.approx(native_minutes, rel=0.01), code


# --- bad inputs -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "parameters, message",
    [
        ({}, "Give POPULATION or a TERRITORY"),
        ({"POPULATION_FIELD": "habitants"}, "no field 'habitants'"),
        ({"FACILITY_FILTER": ["itinerant"]}, "No facility left"),
        ({"MODE": "road"}, "The Géoplateforme answered no road section in"),
        ({"TERRITORY": "37"}, "Unknown territory '37'"),
    ],
)
def test_bad_inputs_are_clear_errors(anct_env, run_alg, parameters, message):
    base = {"POPULATION": points(UNITS), "FACILITIES": facilities(FACILITIES)} if parameters else {}
    if "TERRITORY" in parameters:
        base = {}
    with pytest.raises(QgsProcessingException, match=message):
        gap(run_alg, **{**base, **parameters})


def test_empty_population_is_an_error(anct_env, run_alg):
    with pytest.raises(QgsProcessingException, match="empty"):
        gap(run_alg, POPULATION=points([]), FACILITIES=facilities(FACILITIES))


def test_null_and_negative_population_count_as_zero_with_a_warning(anct_env, run_alg, feedback):
    units = points(
        [
            (0, 0, {"code": "A", "population": None}),
            (1, 0, {"code": "B", "population": -5}),
            (2, 0, {"code": "C", "population": 7}),
        ]
    )
    result = gap(run_alg, POPULATION=units, FACILITIES=facilities(FACILITIES))
    assert sorted(f["population"] for f in result["OUTPUT"].getFeatures()) == [0, 0, 7]
    assert any("NULL" in w for w in feedback.warnings) and any("negative" in w for w in feedback.warnings)


def test_cancellation(anct_env, run_alg, feedback):
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        gap(run_alg, POPULATION=points(UNITS), FACILITIES=facilities(FACILITIES))


def test_matched_origin_points(anct_env, run_alg, feedback):
    squares = memory_layer(
        "Polygon",
        "EPSG:2154",
        (("code", False), ("population", True)),
        [
            ("POLYGON((0 0, 4000 0, 4000 4000, 0 4000, 0 0))", {"code": "A", "population": 1}),
            ("POLYGON((4000 0, 8000 0, 8000 4000, 4000 4000, 4000 0))", {"code": "B", "population": 1}),
        ],
    )
    town_halls = points([(100, 0, {"code": "A"})], fields=(("code", False),))
    sites = facilities([(0, 0, {"id_fs": "F", "format_fs": "Fixe"})])
    result = by_unit(
        gap(
            run_alg,
            POPULATION=squares,
            FACILITIES=sites,
            ORIGIN="matched_points",
            ORIGIN_POINTS=town_halls,
            ORIGIN_CODE_FIELD="code",
        )["OUTPUT"]
    )
    assert result["A"]["distance_m"] == pytest.approx(100)
    assert result["B"]["distance_m"] == pytest.approx(math.hypot(6000, 2000), rel=0.2)  # point on surface
    assert any("without an origin point" in w for w in feedback.warnings)


def test_mobile_coverage_gap_counts_4g_or_targeted_sites(anct_env, run_alg):
    result = run_alg("anct:mobile_coverage_gap", {"TERRITORY": "36", "OUTPUT": "memory:", "THRESHOLD": 5})
    assert result["UNITS"] == 6
    targeted = run_alg("anct:mobile_coverage_gap", {"TERRITORY": "36", "SITE_KIND": "targeted", "OUTPUT": "memory:"})
    facility_ids = {f["facility_id"] for f in targeted["OUTPUT"].getFeatures()}
    assert len(facility_ids) <= 2  # only the two New Deal targeted sites of Aigurande


def test_web_mercator_input_is_not_measured_in_mercator_metres(anct_env, run_alg, feedback):
    # 0.1° of longitude at 46.8° N: 7.6 km on the ground, 11.1 km in Web Mercator metres.
    units = points([(178111.0, 5910000.0, {"code": "A", "population": 1})], crs="EPSG:3857")
    sites = facilities([(189243.0, 5910000.0, {"id_fs": "F", "format_fs": "Fixe"})], crs="EPSG:3857")
    result = gap(run_alg, POPULATION=units, FACILITIES=sites)
    assert any("EPSG:2154" in message for message in feedback.infos)
    assert 7500 < by_unit(result["OUTPUT"])["A"]["distance_m"] < 7700


def test_direction_values_compare_as_numbers(anct_env, run_alg):
    roads = memory_layer(
        "LineString",
        "EPSG:2154",
        (("speed", True), ("dir", True)),
        [("LINESTRING(0 0, 1000 0)", {"speed": 36, "dir": 1.0})],
    )
    units = points([(1000, 0, {"code": "east", "population": 1})])
    result = by_unit(
        gap(
            run_alg,
            POPULATION=units,
            FACILITIES=facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})]),
            MODE="road",
            NETWORK=roads,
            SPEED_FIELD="speed",
            DIRECTION_FIELD="dir",
        )["OUTPUT"]
    )
    assert result["east"]["beyond_threshold"] == 1  # one-way 1.0 == VALUE_FORWARD "1": no way back


def test_gpkg_fid_is_written_as_unit_id(anct_env, run_alg, tmp_path):
    units = memory_layer(
        "Point", "EPSG:2154", (("fid", False), ("population", True)), [("POINT(0 0)", {"fid": "7", "population": 3})]
    )
    output = tmp_path / "gap.gpkg"
    result = gap(run_alg, POPULATION=units, FACILITIES=facilities(FACILITIES), OUTPUT=str(output))
    layer = QgsVectorLayer(result["OUTPUT"])
    assert "unit_id" in layer.fields().names() and layer.featureCount() == 1


def test_site_kind_needs_its_flag_column(anct_env, run_alg):
    sites = facilities([(0, 0, {"id_fs": "F"})])
    with pytest.raises(QgsProcessingException, match="site_4g"):
        run_alg("anct:mobile_coverage_gap", {"POPULATION": points(UNITS), "FACILITIES": sites, "OUTPUT": "memory:"})


def test_layer_without_crs_is_a_clear_error(anct_env, run_alg):
    units = memory_layer("Point", "", (("code", False), ("population", True)), [("POINT(0 0)", {"population": 1})])
    with pytest.raises(QgsProcessingException, match="population layer has no CRS"):
        gap(run_alg, POPULATION=units, FACILITIES=facilities(FACILITIES))


def test_units_without_geometry_are_left_out_with_a_warning(anct_env, run_alg, feedback):
    units = memory_layer(
        "Polygon",
        "EPSG:2154",
        (("code", False), ("population", True)),
        [
            ("POLYGON((0 0, 2000 0, 2000 2000, 0 2000, 0 0))", {"code": "A", "population": 5}),
            ("POLYGON EMPTY", {"code": "empty", "population": 7}),
            # A bow-tie is invalid: GEOS still places its people on its surface.
            ("POLYGON((0 0, 4000 4000, 4000 0, 0 4000, 0 0))", {"code": "bowtie", "population": 3}),
            (
                "MULTIPOLYGON(((6000 0, 8000 0, 8000 2000, 6000 2000, 6000 0)),"
                "((9000 0, 9100 0, 9100 100, 9000 100, 9000 0)))",
                {"code": "multi", "population": 2},
            ),
        ],
    )
    units.dataProvider().addFeatures([_without_geometry(units, "null", 4)])
    result = gap(run_alg, POPULATION=units, FACILITIES=facilities([(0, 0, {"id_fs": "F", "format_fs": "Fixe"})]))
    output = by_unit(result["OUTPUT"])
    assert sorted(output) == ["A", "bowtie", "multi"] and result["UNITS"] == 3
    assert output["A"]["distance_m"] == pytest.approx(math.hypot(1000, 1000))
    assert output["bowtie"]["distance_m"] == pytest.approx(math.hypot(1000, 2000))  # GEOS: (1000, 2000)
    assert 7000 < output["multi"]["distance_m"] < 7300  # inside the larger square
    assert any("2 units without geometry" in w for w in feedback.warnings)


def _without_geometry(layer, code, population):
    feature = QgsFeature(layer.fields())
    feature.setAttributes([code, population])
    return feature


def test_multipoint_and_3d_units_are_placed_at_their_points(anct_env, run_alg):
    sites = facilities([(0, 0, {"id_fs": "F", "format_fs": "Fixe"})])
    multi = memory_layer(
        "MultiPoint",
        "EPSG:2154",
        (("code", False), ("population", True)),
        [
            ("MULTIPOINT((3000 0))", {"code": "one", "population": 1}),
            ("MULTIPOINT((1000 0), (3000 0))", {"code": "two", "population": 1}),
        ],
    )
    output = by_unit(gap(run_alg, POPULATION=multi, FACILITIES=sites)["OUTPUT"])
    assert output["one"]["distance_m"] == pytest.approx(3000)
    assert output["two"]["distance_m"] == pytest.approx(2000)  # their centroid
    raised = memory_layer(
        "PointZ",
        "EPSG:2154",
        (("code", False), ("population", True)),
        [("POINT Z(0 4000 150)", {"code": "z", "population": 1})],
    )
    assert by_unit(gap(run_alg, POPULATION=raised, FACILITIES=sites)["OUTPUT"])["z"]["distance_m"] == pytest.approx(
        4000
    )


def test_garbage_collector_is_back_on_after_a_failed_run(anct_env, run_alg):
    # The unit pass pauses Python's cyclic collector; an error must not leave it off for QGIS.
    import gc

    assert gc.isenabled()
    with pytest.raises(QgsProcessingException):
        gap(run_alg, POPULATION=points(UNITS), FACILITIES=facilities(FACILITIES), POPULATION_FIELD="habitants")
    assert gc.isenabled()


def test_progress_covers_the_network_then_the_units(anct_env, run_alg, feedback):
    seen = []
    feedback.progressChanged.connect(seen.append)
    road(
        run_alg,
        points([(1000, 0, {"code": "mid", "population": 1})]),
        facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})]),
    )
    assert seen == sorted(seen) and seen[-1] == 100
    assert 40 in seen  # the network read fills the first 40 %


def test_grid_cells_are_summarised_by_the_first_commune_they_list(anct_env, run_alg):
    # INSEE's Filosofi grid has no département field, but lcog_geo lists the communes a cell
    # touches, end to end: the first gives the cell its département and EPCI.
    from anct_qgis_plugin.core.service import AnctData

    AnctData().territory_index()  # the commune table in the cache, as after any use of the plugin
    x, y = 3_700_000, 2_600_000
    cells = memory_layer(
        "Polygon",
        "EPSG:3035",
        (("idcar_200m", False), ("ind", True), ("lcog_geo", False)),
        [
            (
                f"POLYGON(({x + dx} {y}, {x + dx + 200} {y}, {x + dx + 200} {y + 200}, "
                f"{x + dx} {y + 200}, {x + dx} {y}))",
                {"idcar_200m": f"C{dx}", "ind": ind, "lcog_geo": communes},
            )
            for dx, ind, communes in (
                (0, 10, "3604436063"),
                (200, 20, "36063"),
                (400, 40, "18033"),
                (600, 80, "2A004"),
                (800, 160, "99999"),
            )
        ],
    )
    sites = facilities([(x, y + 30_000, {"id_fs": "F", "format_fs": "Fixe"})], crs="EPSG:3035")
    result = gap(run_alg, POPULATION=cells, POPULATION_FIELD="ind", FACILITIES=sites)
    output = by_unit(result["OUTPUT"], "idcar_200m")
    assert [(output[c]["departement"], output[c]["epci"]) for c in ("C0", "C200", "C400", "C600", "C800")] == [
        ("36", "243600327"),
        ("36", "243600327"),
        ("18", "241800507"),
        ("2A", "242010056"),
        ("99", ""),
    ]
    rows = {(f["level"], f["code"]): f for f in result["SUMMARY"].getFeatures()}
    assert rows[("departement", "36")]["population"] == 30 and rows[("departement", "36")]["name"] == "Indre"
    assert rows[("departement", "99")]["population"] == 160
    assert rows[("epci", "243600327")]["population"] == 30 and ("epci", "") not in rows
    assert rows[("total", "FR")]["population"] == 310


def test_an_output_that_refuses_features_stops_the_run_with_its_reason(anct_env):
    from qgis.core import QgsCoordinateTransform

    from anct_qgis_plugin.core.errors import AnctError
    from anct_qgis_plugin.diagnostics.gap import straight_gap
    from anct_qgis_plugin.diagnostics.nearest import NearestIndex
    from anct_qgis_plugin.engine.unit_pass import UnitPass

    # A real sink that refuses the units (polygons expected, points given), as a full disk would.
    output = QgsVectorLayer("Polygon?crs=EPSG:2154", "out", "memory")
    refusing = output.dataProvider()
    units = points(UNITS)
    columns = {"population": 1, "id": 0, "departement": -1, "epci": -1, "code": 0, "communes": -1}
    index = NearestIndex(np.array([[0.0, 0.0]]))
    unit_pass = UnitPass(
        refusing,
        columns,
        "point",
        QgsCoordinateTransform(),
        None,
        lambda xy: straight_gap(index, xy, 20),
        [("F", "site")],
        "straight",
    )
    with pytest.raises(AnctError, match="could not be written: .*Polygon"):  # the engine's error, the plugin's
        unit_pass.add(list(units.getFeatures()))
