"""Road profiles (BD TOPO, OSM, custom), BD TOPO pages read once, and the checks a WFS page passes
before it is cached."""

import json

import numpy as np
import pytest

from anct_qgis_plugin.core.errors import ParseError
from anct_qgis_plugin.core.roads.road_network import Box, check_page, page_url
from anct_qgis_plugin.core.roads.road_sections import SectionReader
from anct_qgis_plugin.diagnostics.network import BACKWARD, BOTH, FORWARD
from anct_qgis_plugin.diagnostics.road_profiles import BdTopoProfile, CustomProfile, OsmProfile, osm_speed


def bdtopo(nature, importance="4", sens="Double sens", speed=None, access="Libre"):
    return (nature, importance, sens, speed, access)


def test_bdtopo_speeds_directions_and_what_a_car_does_not_use():
    profile = BdTopoProfile()
    speeds, directions = profile.speeds_directions(
        [
            bdtopo("Route à 2 chaussées", "2", speed=72),
            bdtopo("Route à 1 chaussée", "4", speed=0),
            bdtopo("Type autoroutier", "1", "Sens direct", speed=None),
            bdtopo("Bretelle", "5", "Sens inverse", 30),
            bdtopo("Sentier", "6"),
            bdtopo("Chemin", "5", speed=1),
            bdtopo("Route à 1 chaussée", "5", speed=30, access="Physiquement impossible"),
            bdtopo("Route à 1 chaussée", "4", "Sans objet", 40),
        ]
    )
    assert speeds.tolist() == [72, 58, 110, 30, 0, 0, 0, 40]
    assert directions.tolist() == [BOTH, BOTH, FORWARD, BACKWARD, BOTH, BOTH, BOTH, BOTH]
    assert not profile.unknown


def test_bdtopo_unknown_values_are_counted_and_left_out():
    profile = BdTopoProfile()
    speeds, _directions = profile.speeds_directions(
        [
            bdtopo("Route volante"),
            bdtopo("Route volante"),
            bdtopo("Route à 1 chaussée", sens="Sens giratoire", speed=30),
        ]
    )
    assert speeds.tolist() == [0, 0, 30]
    assert profile.unknown["nature=Route volante"] == 1  # remembered: counted once per distinct row
    assert profile.unknown["sens_de_circulation=Sens giratoire"] == 1


def test_bdtopo_chosen_natures_are_kept_even_when_not_driven():
    profile = BdTopoProfile(("Sentier",))
    assert profile.keeps_row(bdtopo("Sentier")) and not profile.keeps_row(bdtopo("Route à 1 chaussée"))
    assert profile.speeds_directions([bdtopo("Sentier")])[0].tolist() == [0]


@pytest.mark.parametrize(
    "text, speed",
    [
        ("50", 50),
        ("30 mph", 30 * 1.609344),
        ("FR:urban", 50),
        ("FR:rural", 80),
        ("walk", 6),
        ("none", None),
        ("50;70", None),
        ("", None),
        ("0", None),
    ],
)
def test_osm_maxspeed(text, speed):
    assert osm_speed(text) == (pytest.approx(speed) if speed else None)


def test_osm_classes_oneway_and_other_tags():
    profile = OsmProfile()
    speeds, directions = profile.speeds_directions(
        [
            ("primary", "", "", "", '"maxspeed"=>"70","oneway"=>"yes"'),
            ("residential", "", "-1", "", ""),
            ("motorway", "", "", "", ""),
            ("tertiary", "", "", "roundabout", ""),
            ("motorway", "", "no", "", ""),
            ("footway", "", "", "", ""),
            ("track", "", "", "", ""),
            ("", "", "", "", ""),
        ]
    )
    assert speeds.tolist() == [70, 30, 110, 50, 110, 0, 0, 0]
    assert directions.tolist() == [FORWARD, BACKWARD, FORWARD, FORWARD, BOTH, BOTH, BOTH, BOTH]
    assert profile.unknown == {"highway=footway": 1, "highway=track": 1}


def test_custom_profile_reads_numbers_and_codes_as_text():
    profile = CustomProfile(50, {"1": FORWARD, "2": BACKWARD, "0": BOTH})
    speeds, directions = profile.speeds_directions([(90, 1.0), ("-5", "2"), (None, None), ("vite", "x")])
    assert speeds.tolist() == [90, 50, 50, 50] and directions.tolist() == [FORWARD, BACKWARD, BOTH, BOTH]


def feature(cleabs, nature="Route à 1 chaussée", coordinates=((0, 0, 1), (10, 0, 1)), speed=36):
    return {
        "type": "Feature",
        "id": f"troncon_de_route.{cleabs}",
        "geometry": {"type": "LineString", "coordinates": [list(c) for c in coordinates]},
        "properties": {
            "cleabs": cleabs,
            "nature": nature,
            "importance": "4",
            "sens_de_circulation": "Double sens",
            "vitesse_moyenne_vl": speed,
            "acces_vehicule_leger": "Libre",
        },
    }


def test_sections_across_tile_borders_are_read_once():
    reader = SectionReader(BdTopoProfile())
    first = reader.page({"features": [feature("A"), feature("B", "Sentier")]})
    second = reader.page({"features": [feature("A"), feature("C", coordinates=((10, 0), (20, 0), (20, 5)))]})
    assert [f["properties"]["cleabs"] for f in first.features + second.features] == ["A", "C"]
    assert reader.duplicates == 1 and reader.read == 3
    vertices, counts, speeds, _directions = reader.arrays()
    assert counts.tolist() == [2, 3] and speeds.tolist() == [36, 36]
    assert np.allclose(vertices, [[0, 0], [10, 0], [10, 0], [20, 0], [20, 5]])  # z dropped, 2D and 3D mixed


def test_page_urls_are_stable_and_in_the_measure_crs():
    box = Box(600000.4, 6630000.6, 610000.2, 6640000.9).rounded()
    assert box == Box(600000, 6630000, 610001, 6640001)
    url = page_url(box, "EPSG:2154", 5000)
    assert "TYPENAMES=BDTOPO_V3:troncon_de_route" in url and "BBOX=600000,6630000,610001,6640001,EPSG:2154" in url
    assert "COUNT=5000&STARTINDEX=5000" in url and "SRSNAME=EPSG:2154" in url
    assert [q.text() for q in Box(0, 0, 10, 10).quarters()] == ["0,0,5,5", "5,0,10,5", "0,5,5,10", "5,5,10,10"]


@pytest.mark.parametrize(
    "body, message",
    [
        ('{"type": "FeatureCollection", "features": [', "not complete JSON"),
        ('{"type": "Feature"}', "not a GeoJSON feature collection"),
        ('{"type": "FeatureCollection", "numberReturned": 2, "features": [{}]}', "stops half-way: 1 sections of the 2"),
    ],
)
def test_pages_that_would_poison_the_cache_are_refused(tmp_path, body, message):
    path = tmp_path / "page.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ParseError, match=message):
        check_page(str(path))


def test_a_complete_page_passes(tmp_path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "numberReturned": 1, "features": [feature("A")]}))
    assert len(check_page(str(path))["features"]) == 1
