"""anct:fetch_road_network and road mode without a NETWORK: BD TOPO sections fetched in pages
and tiles from a loopback WFS, speeds and directions, cache and offline, and the bad answers a
real service gives (exception reports with status 200, pages that stop half-way, 429, nothing)."""

import pytest
from conftest import cache_files
from qgis.core import QgsProcessingException
from wfs_roads import ROUTE_PREFIX, RoadWfs, section

from anct_qgis_plugin.core.roads import road_network
from anct_qgis_plugin.core.travel.cache import Cache

X, Y = 600087.0, 6633758.0  # Châteauroux (36044), Lambert-93
STEP = 2000.0


def sections():
    """An east-west road through Châteauroux in 2 km sections, a north-south one without a published
    speed, a one-way section, and what a car does not use."""
    east_west = [
        section(
            f"TRONROUT{i:04d}",
            [(X + i * STEP, Y), (X + (i + 1) * STEP, Y)],
            "Route à 2 chaussées",
            "2",
            speed=72,
            name="Route de Paris",
        )
        for i in range(-4, 4)
    ]
    return east_west + [
        section("TRONROUTNS01", [(X, Y - 6000), (X, Y)], speed=0),  # default: 58 km/h
        section("TRONROUTONE1", [(X + 2000, Y + 3000), (X + 2000, Y)], sens="Sens inverse", speed=30),
        section("TRONROUTSENT", [(X, Y), (X + 500, Y + 500)], "Sentier", "6", speed=0),
        section("TRONROUTCYCL", [(X, Y), (X - 500, Y + 500)], "Piste cyclable", "5", speed=0),
        section("TRONROUTPRIV", [(X, Y), (X + 300, Y - 400)], access="Restreint aux ayants droit", speed=0),
        section("TRONROUTFANT", [(X - 1000, Y), (X - 1000, Y + 800)], "Route fantôme", "5", speed=20),
        section("TRONROUTFAR1", [(700000.0, 6800000.0), (701000.0, 6800000.0)]),
    ]


CAR_SECTIONS_NEAR = 8 + 2  # the east-west road and the two other car roads


@pytest.fixture
def road_wfs(mirror_server, monkeypatch):
    wfs = mirror_server.add_route(ROUTE_PREFIX, RoadWfs(sections()))
    # Small pages and tiles, so that 20 sections page and tile as a département's 300,000 would.
    monkeypatch.setattr(road_network, "PAGE_SIZE", 4)
    monkeypatch.setattr(road_network, "TILE_MAX_FEATURES", 8)
    monkeypatch.setattr(road_network, "MIN_TILE_M", 100.0)
    yield wfs
    mirror_server.remove_route(wfs)


@pytest.fixture
def wfs_with(mirror_server, monkeypatch):
    """A loopback WFS that misbehaves as asked (see wfs_roads.RoadWfs), with the small pages of road_wfs."""
    routes = []
    monkeypatch.setattr(road_network, "PAGE_SIZE", 4)
    monkeypatch.setattr(road_network, "TILE_MAX_FEATURES", 8)
    monkeypatch.setattr(road_network, "MIN_TILE_M", 100.0)

    def make(**options):
        routes.append(mirror_server.add_route(ROUTE_PREFIX, RoadWfs(sections(), **options)))
        return routes[-1]

    yield make
    for route in routes:
        mirror_server.remove_route(route)


def road_pages_cached(cache_dir):
    return [entry for entry in Cache(str(cache_dir)).entries() if "troncon_de_route" in entry.manifest.url]


def fetch(run_alg, **parameters):
    parameters = {"TERRITORY": "36044", "BUFFER_KM": 5, "OUTPUT": "memory:", **parameters}
    return run_alg("anct:fetch_road_network", parameters)


def test_sections_are_fetched_paged_and_tiled_with_speed_and_direction(anct_env, run_alg, road_wfs, feedback):
    result = fetch(run_alg)
    layer = result["OUTPUT"]
    rows = {f["cleabs"]: f for f in layer.getFeatures()}
    assert result["SECTION_COUNT"] == layer.featureCount() == CAR_SECTIONS_NEAR == len(rows)  # each once
    assert rows["TRONROUT0000"]["speed_kmh"] == 72 and rows["TRONROUT0000"]["direction"] == 0
    assert rows["TRONROUTNS01"]["speed_kmh"] == 58  # Route à 1 chaussée, importance 4, no published speed
    assert rows["TRONROUTONE1"]["direction"] == 2
    assert not {"TRONROUTSENT", "TRONROUTCYCL", "TRONROUTPRIV", "TRONROUTFANT", "TRONROUTFAR1"} & set(rows)
    assert {
        "cleabs",
        "nature",
        "importance",
        "sens_de_circulation",
        "vitesse_moyenne_vl",
        "prive",
        "nom_1_gauche",
    } <= set(layer.fields().names())
    assert rows["TRONROUT0000"]["nom_1_gauche"] == "Route de Paris"
    assert "BD TOPO" in result["SOURCE"]
    pages = road_wfs.requests
    assert {q["COUNT"] for q in pages} == {"1", "4"} and len({q["BBOX"] for q in pages}) > 1  # paged and tiled
    # Each tile is counted with one section first: a tile cut in four downloads no page of its own.
    probed = {q["BBOX"] for q in pages if q["COUNT"] == "1"}
    paged = {q["BBOX"] for q in pages if q["COUNT"] == "4"}
    assert paged < probed and road_wfs.requests[0]["COUNT"] == "1"
    assert any(q["STARTINDEX"] != "0" for q in pages)
    assert any("Route fantôme" in warning for warning in feedback.warnings)


def test_the_cache_answers_offline_with_the_same_network(anct_env, run_alg, road_wfs, monkeypatch):
    first = fetch(run_alg)["SECTION_COUNT"]
    asked = len(road_wfs.requests)
    assert len(road_pages_cached(anct_env)) == asked  # every page kept
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")
    assert fetch(run_alg)["SECTION_COUNT"] == first
    assert len(road_wfs.requests) == asked


def test_the_chosen_natures_are_kept(anct_env, run_alg, road_wfs):
    layer = fetch(run_alg, ROAD_CLASSES=["Sentier", "Piste cyclable"])["OUTPUT"]
    assert sorted(f["cleabs"] for f in layer.getFeatures()) == ["TRONROUTCYCL", "TRONROUTSENT"]
    assert {f["speed_kmh"] for f in layer.getFeatures()} == {0}  # kept, but not driven


def test_a_429_is_waited_for_and_retried(anct_env, run_alg, road_wfs, mirror_server):
    mirror_server.add_fault("troncon_de_route", "retry_after", times=1, seconds=0)
    assert fetch(run_alg)["SECTION_COUNT"] == CAR_SECTIONS_NEAR


EXCEPTION_REPORT = (
    '<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" '
    'version="2.0.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="bbox">'
    "<ows:ExceptionText>Illegal BBOX: the service refused it</ows:ExceptionText></ows:Exception>"
    "</ows:ExceptionReport>"
)
HALF_PAGE = (
    '{"type": "FeatureCollection", "numberMatched": 14, "numberReturned": 4, "features": ['
    '{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, '
    '"properties": {"cleabs": "A"}}]}'
)


@pytest.mark.parametrize(
    "fault, options, message",
    [
        ("body", {"body": EXCEPTION_REPORT, "content_type": "text/xml"}, "service error: Illegal BBOX"),
        ("body", {"body": HALF_PAGE, "content_type": "application/json"}, "stops half-way: 1 sections of the 4"),
        ("body", {"body": HALF_PAGE[:90], "content_type": "application/json"}, "not complete JSON"),
        ("truncate", {}, "could not be fetched from the IGN Géoplateforme"),
        ("status", {"code": 503}, "HTTP 503"),
    ],
)
def test_bad_answers_are_clear_errors_and_leave_no_page_in_the_cache(
    anct_env, run_alg, road_wfs, mirror_server, fault, options, message
):
    mirror_server.add_fault("troncon_de_route", fault, **options)
    with pytest.raises(QgsProcessingException, match=message):
        fetch(run_alg)
    assert not road_pages_cached(anct_env)
    assert not [name for name in cache_files(anct_env) if ".part" in name]  # no half-written file either


@pytest.mark.parametrize("count_unknown", [False, True])
def test_a_server_capping_pages_below_count_is_paged_to_the_end(anct_env, run_alg, wfs_with, count_unknown):
    wfs = wfs_with(page_cap=3, count_unknown=count_unknown)  # asked 4 a page, gives 3
    assert fetch(run_alg)["SECTION_COUNT"] == CAR_SECTIONS_NEAR
    assert any(q["STARTINDEX"] == "3" for q in wfs.requests)


def test_an_empty_page_before_the_announced_count_is_a_truncated_network(anct_env, run_alg, wfs_with):
    wfs = wfs_with(empty_from=4)
    with pytest.raises(QgsProcessingException, match=r"announced \d+ road sections .* gave 4 distinct .*came back"):
        fetch(run_alg)
    short_tile = next(q["BBOX"] for q in wfs.requests if q["STARTINDEX"] == "4")
    cached = [entry.manifest.url for entry in road_pages_cached(anct_env)]
    assert not [url for url in cached if short_tile in url and "COUNT=4" in url]  # asked again next time


@pytest.mark.parametrize("count_unknown", [False, True])
def test_a_server_ignoring_startindex_stops_with_a_clear_error(anct_env, run_alg, wfs_with, count_unknown):
    wfs = wfs_with(ignore_startindex=True, count_unknown=count_unknown)
    with pytest.raises(QgsProcessingException, match="repeat"):
        fetch(run_alg)
    assert len(wfs.requests) < 20  # stopped at the first page of nothing new


@pytest.mark.parametrize(
    "broken, message",
    [
        ("coordinate", r"Road section 1 of the page BDTOPO_V3:troncon_de_route [\d,]+ \+0 has coordinates"),
        ("null", r"Road section 1 of the page BDTOPO_V3:troncon_de_route [\d,]+ \+0 is null"),
    ],
)
def test_unreadable_sections_are_a_parse_error_naming_the_page(anct_env, run_alg, wfs_with, broken, message):
    wfs_with(broken=broken)
    with pytest.raises(QgsProcessingException, match=message):
        fetch(run_alg)
    assert not [entry for entry in road_pages_cached(anct_env) if "COUNT=4" in entry.manifest.url]


@pytest.mark.parametrize(
    "broken, warning",
    [("no_geometry", "without a line geometry left out"), ("lonlat", "outside the area of EPSG:2154 left out")],
)
def test_sections_without_line_or_outside_the_crs_are_flagged(anct_env, run_alg, wfs_with, feedback, broken, warning):
    wfs_with(broken=broken)
    result = fetch(run_alg)
    assert result["SECTION_COUNT"] < CAR_SECTIONS_NEAR
    assert all(f.geometry().boundingBox().xMinimum() > 500000 for f in result["OUTPUT"].getFeatures())
    assert any(warning in w for w in feedback.warnings)


def test_an_http_400_exception_report_keeps_the_service_message(anct_env, run_alg, wfs_with):
    wfs_with(exception="Illegal value for BBOX: 1,2,3")
    with pytest.raises(QgsProcessingException, match="HTTP 400.*Illegal value for BBOX: 1,2,3"):
        fetch(run_alg)


def test_a_territory_without_roads_in_the_answer_says_so(anct_env, run_alg, road_wfs):
    with pytest.raises(QgsProcessingException, match="answered no road section"):
        fetch(run_alg, TERRITORY="36018", BUFFER_KM=1)  # Le Blanc, 50 km west of the test roads


def test_the_whole_country_is_refused(anct_env, run_alg, road_wfs):
    with pytest.raises(QgsProcessingException, match="not for the whole country"):
        fetch(run_alg, TERRITORY="FR")


# --- road mode without a NETWORK, and the presets for a given one -------------------------------
ACCESS_MIN = (20 + 50) / (20 / 3.6) / 60  # the unit 20 m and the site 50 m off the road, at 20 km/h


def on_network(row):
    """The time on the network: time_min less the access legs."""
    return row["time_min"] - row["access_min"]


def gap(run_alg, units, sites, **extra):
    from tests.qgis.test_service_gap import by_unit

    parameters = {"POPULATION": units, "FACILITIES": sites, "MODE": "road", "OUTPUT": "memory:", **extra}
    result = run_alg("anct:service_gap", parameters)
    return result, by_unit(result["OUTPUT"])


def test_road_mode_fetches_the_network_of_the_territory(anct_env, run_alg, road_wfs, feedback):
    from tests.qgis.test_service_gap import facilities, points

    units = points(
        [(X + 4000, Y + 20, {"code": "east", "population": 10}), (X, Y - 6000, {"code": "south", "population": 5})]
    )
    sites = facilities([(X, Y + 50, {"id_fs": "FS1", "format_fs": "Fixe"})])
    result, rows = gap(run_alg, units, sites, TERRITORY="36044", NETWORK_BUFFER_KM=5)
    assert on_network(rows["east"]) == pytest.approx(4000 / (72 / 3.6) / 60)  # 4 km at 72 km/h
    assert rows["east"]["access_min"] == pytest.approx(ACCESS_MIN)
    assert on_network(rows["south"]) == pytest.approx(6000 / (58 / 3.6) / 60)  # BD TOPO default speed
    assert "BD TOPO" in result["NETWORK_SOURCE"] and any("BD TOPO" in info for info in feedback.infos)


def test_without_territory_the_population_extent_and_buffer_are_fetched(anct_env, run_alg, road_wfs):
    from tests.qgis.test_service_gap import facilities, points

    units = points([(X + 4000, Y + 20, {"code": "east", "population": 10})])
    sites = facilities([(X, Y + 50, {"id_fs": "FS1", "format_fs": "Fixe"})])
    _result, rows = gap(run_alg, units, sites, NETWORK_BUFFER_KM=5)
    assert rows["east"]["time_min"] == pytest.approx(4000 / 20 / 60 + ACCESS_MIN)
    bbox = [float(v) for v in road_wfs.requests[0]["BBOX"].split(",")[:4]]
    assert bbox == [X - 1000, Y + 20 - 5000, X + 9000, Y + 20 + 5000]


def test_the_fetched_layer_is_a_network_as_it_is(anct_env, run_alg, road_wfs, feedback):
    from tests.qgis.test_service_gap import facilities, points

    network = fetch(run_alg)["OUTPUT"]
    units = points([(X + 4000, Y + 20, {"code": "east", "population": 10})])
    sites = facilities([(X, Y + 50, {"id_fs": "FS1", "format_fs": "Fixe"})])
    _result, rows = gap(run_alg, units, sites, NETWORK=network)
    assert on_network(rows["east"]) == pytest.approx(4000 / 20 / 60)
    assert any("Network format: custom" in info for info in feedback.infos)  # speed_kmh and direction
    _result, rows = gap(run_alg, units, sites, NETWORK=network, NETWORK_FORMAT="bdtopo")
    assert on_network(rows["east"]) == pytest.approx(4000 / 20 / 60)


def osm_ways(rows):
    from tests.qgis.test_service_gap import memory_layer

    fields = (("highway", False), ("other_tags", False), ("name", False))
    return memory_layer(
        "LineString",
        "EPSG:2154",
        fields,
        [("LINESTRING(" + ", ".join(f"{x} {y}" for x, y in line) + ")", values) for line, values in rows],
    )


def test_osm_preset_reads_highway_maxspeed_and_oneway(anct_env, run_alg):
    from tests.qgis.test_service_gap import facilities, is_null, points

    network = osm_ways(
        [
            ([(0, 0), (1000, 0)], {"highway": "primary", "other_tags": '"maxspeed"=>"36"'}),  # 100 s
            ([(1000, 0), (2000, 0)], {"highway": "residential"}),  # 30 km/h: 120 s
            ([(2000, 0), (3000, 0)], {"highway": "tertiary", "other_tags": '"oneway"=>"-1"'}),  # westwards only
            ([(0, 0), (0, 1000)], {"highway": "footway"}),  # not driven
        ]
    )
    units = points(
        [
            (1000, 0, {"code": "a", "population": 1}),
            (3000, 0, {"code": "b", "population": 1}),
            (0, 900, {"code": "path", "population": 1}),
        ]
    )
    sites = facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})])
    _result, rows = gap(run_alg, units, sites, NETWORK=network, NETWORK_FORMAT="osm")
    assert rows["a"]["time_min"] == pytest.approx(100 / 60)
    assert rows["b"]["time_min"] == pytest.approx((100 + 120 + 1000 / (50 / 3.6)) / 60)
    assert rows["path"]["access_m"] == pytest.approx(900)  # joins the road, not the footway
    _result, rows = gap(
        run_alg, units, facilities([(3000, 0, {"id_fs": "E", "format_fs": "Fixe"})]), NETWORK=network
    )  # auto: highway -> osm
    assert rows["a"]["beyond_threshold"] == 1 and is_null(rows["a"]["time_min"])  # against the one-way street


def test_a_preset_without_its_fields_is_a_clear_error(anct_env, run_alg):
    from tests.qgis.test_service_gap import facilities, points

    with pytest.raises(QgsProcessingException, match="NETWORK_FORMAT=bdtopo needs the field nature"):
        gap(
            run_alg,
            points([(0, 0, {"code": "a", "population": 1})]),
            facilities([(0, 0, {"id_fs": "W", "format_fs": "Fixe"})]),
            NETWORK=osm_ways([([(0, 0), (1000, 0)], {"highway": "primary"})]),
            NETWORK_FORMAT="bdtopo",
        )


def test_the_catalogue_layer_knows_its_cache_and_purges_only_its_pages(anct_env):
    from anct_qgis_plugin.core.published.presentation import apply_presentation
    from anct_qgis_plugin.core.service import AnctData

    data = AnctData()
    territory = data.resolve_territory("36044")
    assert data.cache_status("road_network", territory).state == "absent"
    built = data.build_layer("road_network", territory, "EPSG:4326")  # the pages come in Lambert-93
    layer = built.layer
    assert built.info.feature_count == 5 and layer.crs().authid() == "EPSG:4326"
    assert all(-180 <= f.geometry().boundingBox().xMinimum() <= 180 for f in layer.getFeatures())
    assert {f["nature"] for f in layer.getFeatures()} <= {"Route à 1 chaussée", "Route à 2 chaussées"}
    apply_presentation(layer, "road_network", "en")
    assert layer.attributeAlias(layer.fields().indexOf("speed_kmh")) == "Speed used (km/h)"
    status = data.cache_status("road_network", territory)
    assert status.state == "fresh" and status.size > 0
    communes_before = data.cache_status("communes", territory).state
    assert data.purge(["road_network"], territory) == 3  # the page, the tile count and the territory's index
    assert data.cache_status("road_network", territory).state == "absent"
    assert data.cache_status("communes", territory).state == communes_before  # shared outlines stay


# --- one fetch path: the panel's layer, anct:fetch_road_network and road mode ------------------------------


def indexed_pages(territory):
    """The URLs the territory's cache index lists, without the index itself."""
    from anct_qgis_plugin.core.checks.status import cached_urls
    from anct_qgis_plugin.core.service import AnctData

    return cached_urls(AnctData().fetcher, "road_network", territory)[1:]


def road_mode(run_alg, buffer_km):
    from tests.qgis.test_service_gap import facilities, points

    units = points([(X + 1000, Y + 20, {"code": "east", "population": 10})])
    sites = facilities([(X, Y + 50, {"id_fs": "FS1", "format_fs": "Fixe"})])
    return gap(run_alg, units, sites, TERRITORY="36044", NETWORK_BUFFER_KM=buffer_km)


def panel_layer(territory):
    from anct_qgis_plugin.core.service import AnctData

    return AnctData().build_layer("road_network", territory).layer


@pytest.mark.parametrize("path", ["panel", "fetch_road_network", "road mode"])
def test_every_path_indexes_the_pages_of_the_territory_in_the_cache(anct_env, run_alg, road_wfs, path):
    from anct_qgis_plugin.core.service import AnctData

    data = AnctData()
    territory = data.resolve_territory("36044")
    {
        "panel": lambda: panel_layer(territory),
        "fetch_road_network": lambda: fetch(run_alg, BUFFER_KM=0),
        "road mode": lambda: road_mode(run_alg, 0),
    }[path]()
    pages = {entry.manifest.url for entry in road_pages_cached(anct_env)}
    assert pages and set(indexed_pages(territory)) == pages  # every page and tile count it read, nothing else
    assert data.cache_status("road_network", territory).state == "fresh"
    assert data.purge(["road_network"], territory) == len(pages) + 1  # and purged with the index
    assert road_pages_cached(anct_env) == []


def test_the_panel_and_the_algorithms_read_the_same_cached_pages(anct_env, run_alg, road_wfs, monkeypatch):
    from anct_qgis_plugin.core.service import AnctData

    territory = AnctData().resolve_territory("36044")
    sections = fetch(run_alg, BUFFER_KM=0)["SECTION_COUNT"]
    asked, index = len(road_wfs.requests), indexed_pages(territory)
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")  # nothing but the pages fetch_road_network cached
    assert panel_layer(territory).featureCount() == sections
    road_mode(run_alg, 0)
    assert len(road_wfs.requests) == asked and indexed_pages(territory) == index
