"""The realistic tier: real public data from ../shared/mirror (skipped when it is absent)."""
import pytest

from anct_qgis_plugin.core import service
from anct_qgis_plugin.core.service import AnctData
from anct_qgis_plugin.core.settings import load_config


@pytest.fixture
def real_data(shared_mirror, tmp_path, qgis_app):
    service._INDEX_MEMO.clear()
    yield AnctData(load_config(cache_dir=str(tmp_path / "cache"), mirror=str(shared_mirror)), "fr")
    service._INDEX_MEMO.clear()


def test_france_services_in_indre(real_data):
    built = real_data.build_layer("france_services", real_data.resolve_territory("36"))
    assert built.info.feature_count == 26 and built.info.source_date == "2024-08-01"


def test_france_services_nationally(real_data):
    assert real_data.build_layer("france_services", real_data.resolve_territory("FR")).info.feature_count == 2845


def test_indre_communes_and_population(real_data):
    built = real_data.build_layer("communes", real_data.resolve_territory("Indre"))
    assert built.info.feature_count == 241
    # One population vintage: the national table's (216,069), not the saved outlines' own (216,809).
    assert sum(f["population"] for f in built.layer.getFeatures()) == 216069
    assert "geo.api.gouv.fr" in built.info.population_source


def test_programmes_in_indre(real_data):
    indre = real_data.resolve_territory("36")
    counts = {layer: real_data.build_layer(layer, indre).info.feature_count
              for layer in ("action_coeur_de_ville", "petites_villes_de_demain", "villages_avenir",
                            "territoires_industrie", "epci", "departements", "regions")}
    assert counts == {"action_coeur_de_ville": 2, "petites_villes_de_demain": 16, "villages_avenir": 52,
                      "territoires_industrie": 2, "epci": 15, "departements": 1, "regions": 1}


def test_real_territory_lookup(real_data):
    index = real_data.territory_index()
    assert index.resolve("chateauroux").code == "36044"
    assert index.resolve("2A004").name == "Ajaccio"
    assert len(index.resolve("reg:24").departement_codes) == 6
    assert index.resolve("974").crs == "EPSG:2975"
    assert len(index.communes) == 34969
