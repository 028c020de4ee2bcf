"""The order catalogue layers are drawn in, decided in one place (core/published/presentation.DRAWING_ORDER) and
followed by the panel (gui/layer_loading) and the atlas's main map: points over lines over polygons,
programmes over the administrative outlines, the fills that cover every commune last."""

from anct_qgis_plugin.cartography.atlas import MAIN_LAYERS
from anct_qgis_plugin.core.published.catalogue import (
    LAYER_IDS,
    PROGRAMME_LIST_IDS,
    TYPOLOGY_IDS,
    CommunePremises,
    PointsFromColumns,
    RoadSectionLines,
    get_source,
)
from anct_qgis_plugin.core.published.presentation import DRAWING_ORDER, drawing_rank

ADMINISTRATIVE = ("communes", "epci", "departements", "regions")


def kind(layer_id):
    geometry = get_source(layer_id).geometry
    if isinstance(geometry, PointsFromColumns):
        return "point"
    return "line" if isinstance(geometry, RoadSectionLines) else "polygon"


def below(upper, lower):
    """Every layer of ``upper`` is drawn over every layer of ``lower``: the pairs that are not."""
    return [(a, b) for a in upper for b in lower if drawing_rank(a) >= drawing_rank(b)]


def test_every_catalogue_layer_has_one_place():
    assert sorted(DRAWING_ORDER) == sorted(LAYER_IDS)


def test_points_over_lines_over_polygons():
    points, lines, polygons = (
        [key for key in LAYER_IDS if kind(key) == wanted] for wanted in ("point", "line", "polygon")
    )
    assert points and lines and polygons
    assert below(points, lines + polygons) == []
    assert below(lines, polygons) == []


def test_programmes_over_the_administrative_outlines_and_the_commune_fills_last():
    programmes = ("qpv", "qpv_2015") + PROGRAMME_LIST_IDS
    fills = TYPOLOGY_IDS + tuple(key for key in LAYER_IDS if isinstance(get_source(key).geometry, CommunePremises))
    assert below(programmes, ADMINISTRATIVE) == []
    assert below(ADMINISTRATIVE, fills) == []


def test_small_programmes_over_the_large_ones():
    assert (
        below(
            ("action_coeur_de_ville", "villages_avenir", "petites_villes_de_demain"), ("territoires_industrie", "crte")
        )
        == []
    )
    assert below(("epci", "communes"), ("departements", "regions")) == []


def test_the_atlas_main_map_follows_the_same_order():
    assert list(MAIN_LAYERS) == sorted(MAIN_LAYERS, key=drawing_rank)
    assert MAIN_LAYERS[0] == "france_services" and MAIN_LAYERS[-2:] == ("epci", "communes")
