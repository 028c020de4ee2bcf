"""anct:fetch_layer end to end in real QGIS, over the loopback mirror of the project's fixtures."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer, QgsWkbTypes

from anct_qgis_plugin.core.published.catalogue import LAYER_IDS

# (layer, territory) -> features, from tests/fixtures/README.md
EXPECTED = {
    ("communes", "36"): 6,
    ("communes", "reg:24"): 8,
    ("communes", "FR"): 14,  # with three communes of Seine-Saint-Denis (the EPT fixture)
    ("communes", "36044"): 1,
    ("communes", "243600327"): 3,
    ("epci", "36"): 4,
    ("epci", "reg:24"): 6,
    ("departements", "36"): 1,
    ("departements", "reg:24"): 2,
    ("departements", "FR"): 6,
    ("regions", "36"): 1,
    ("regions", "FR"): 4,
    # 36: five sites, one under the delegated commune 36245 (Saint-Maur), one under 36999 that maps to
    # no commune (placed by its département only); 75: one under the arrondissement 75112.
    ("france_services", "36"): 7,
    ("france_services", "18"): 2,
    ("france_services", "reg:24"): 9,
    ("france_services", "FR"): 11,
    ("france_services", "36202"): 2,
    ("france_services", "36044"): 1,
    ("france_services", "75"): 1,
    ("qpv", "36"): 4,
    ("qpv", "36063"): 1,
    ("qpv", "36044"): 3,
    ("qpv", "reg:24"): 5,
    ("qpv", "974"): 1,
    ("qpv", "FR"): 7,
    ("qpv_2015", "36"): 2,
    ("qpv_2015", "18"): 1,
    ("action_coeur_de_ville", "36"): 2,
    ("action_coeur_de_ville", "FR"): 5,
    ("petites_villes_de_demain", "36"): 3,
    ("villages_avenir", "36"): 3,
    ("villages_avenir", "reg:24"): 4,
    ("territoires_industrie", "36"): 2,
    ("territoires_industrie", "18"): 1,
    ("mobile_sites", "36"): 8,
    ("mobile_sites", "18"): 2,
    # More programmes: a multi-id cell (Bourges, two cités éducatives), a delegated commune's code
    # (36245 in the Cités de l'emploi counts for Saint-Maur), lists read by their resource links.
    ("crte", "36"): 3,
    ("crte", "FR"): 5,
    ("cites_educatives", "36"): 1,
    ("cites_educatives", "18"): 2,
    ("cites_emploi", "36"): 1,
    ("cites_emploi", "FR"): 2,
    ("avenir_montagnes_ingenierie", "2A"): 1,
    ("avenir_montagnes_mobilites", "2A"): 1,
    ("fabriques_territoire", "36"): 1,
    ("fabriques_territoire", "FR"): 2,
    ("manufactures_proximite", "36"): 1,
    ("fabriques_prospectives", "36"): 1,
    # Programmes added in 2025-2026 (invented memberships, tests/fixtures/README.md). Territoires
    # d'engagement by groupement: tec-036-01 (an EPCI and a commune), tec-036-03 (Le Blanc, and an EPCI
    # with no commune here), tec-018-02 (Vierzon); -103 is dropped, tec-036-04 (a département) is placed
    # nowhere. Habitat inclusif is the cross-table's id_habinclus column.
    ("acv_entrees_de_ville", "36"): 1,
    ("sites_cles_en_main", "36"): 1,
    ("sites_cles_en_main", "FR"): 2,
    ("commerces_ruraux", "36"): 2,
    ("locaux_activite_frla", "18"): 1,
    ("locaux_activite_frla", "36"): 0,
    ("zones_commerciales_ptzc", "36"): 1,
    ("appui_operationnel_pao", "36"): 1,
    ("territoires_engagement", "36"): 2,
    ("territoires_engagement", "18"): 1,
    ("territoires_engagement", "FR"): 3,
    ("habitat_inclusif", "36"): 1,
    ("habitat_inclusif", "18"): 0,
    # Commune typologies (ANCT's cleaned Observatoire grids): levels present in Indre; Corsica's massif.
    ("typologie_centralite", "36"): 3,
    ("typologie_ruralite", "36"): 3,
    ("typologie_montagne", "2A"): 1,
    ("typologie_montagne", "36"): 0,
    ("france_thd", "36"): 6,
    ("france_thd", "2A"): 1,
    ("france_ruralites_revitalisation", "36"): 1,
    ("france_ruralites_revitalisation", "18"): 0,  # every commune of Cher in the file is -9999
    ("mediation_numerique", "36"): 2,
    ("mediation_numerique", "FR"): 3,
    # INSEE density levels of Indre: 2, 3, 5 (Le Blanc, and Saint-Maur through 36245) and 6.
    ("grille_densite", "36"): 4,
    ("grille_densite", "FR"): 5,
    # The loopback WFS's grid of Indre roads: 5 sections a car uses meet the box of Châteauroux.
    ("road_network", "36044"): 5,
}


def fetch(run_alg, layer, territory, **extra):
    result = run_alg("anct:fetch_layer", {"LAYER": layer, "TERRITORY": territory, "OUTPUT": "memory:", **extra})
    return result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])


@pytest.mark.parametrize("layer, territory", sorted(EXPECTED))
def test_counts(anct_env, run_alg, layer, territory):
    assert fetch(run_alg, layer, territory).featureCount() == EXPECTED[(layer, territory)]


def test_every_catalogue_layer_is_covered():
    assert {layer for layer, _t in EXPECTED} == set(LAYER_IDS)


def test_communes_keep_published_names_codes_and_population(anct_env, run_alg):
    layer = fetch(run_alg, "communes", "36")
    assert {"nom", "code", "codeEpci", "codeDepartement", "population"} <= set(layer.fields().names())
    assert sum(f["population"] for f in layer.getFeatures()) == 72744
    assert layer.crs().authid() == "EPSG:2154"
    assert QgsWkbTypes.isMultiType(layer.wkbType())


def test_france_services_points_with_text_codes(anct_env, run_alg):
    layer = fetch(run_alg, "france_services", "FR")
    codes = {f["insee_dep"] for f in layer.getFeatures()}
    assert {"36", "18", "75", "974"} <= codes
    formats = [f["format_fs"] for f in fetch(run_alg, "france_services", "36").getFeatures()]
    assert sorted(formats) == ["Bus_équivalent", "Fixe", "Fixe", "Fixe", "Fixe", "Fixe", "Itinérante"]


def test_programme_is_dissolved_per_id_and_multi_ids_split(anct_env, run_alg):
    layer = fetch(run_alg, "territoires_industrie", "FR")
    by_id = {f["id_ti"]: f for f in layer.getFeatures()}
    assert set(by_id) == {"ti-2401", "ti-2403"}
    assert by_id["ti-2401"]["nb_communes"] == 3 and by_id["ti-2403"]["nb_communes"] == 4
    assert by_id["ti-2401"]["lib_ti"] == "Berry Sologne"
    assert by_id["ti-2401"]["insee_com"] == "18033, 18279, 36088"
    assert by_id["ti-2401"].geometry().constGet().numGeometries() == 3


def test_newest_file_wins_and_dates_are_iso(anct_env, run_alg):
    layer = fetch(run_alg, "action_coeur_de_ville", "FR")
    features = {f["id_acv"]: f for f in layer.getFeatures()}
    assert "ACV057" in features and not any(key.startswith("acv-") for key in features)
    assert features["ACV057"]["date_signature"] == "2018-09-28"
    assert features["ACV004"]["insee_com"] == "2A004"


def test_invalid_polygon_is_repaired_with_a_warning(anct_env, run_alg, feedback):
    layer = fetch(run_alg, "qpv", "36")
    assert all(f.geometry().isGeosValid() for f in layer.getFeatures())
    assert any("repaired" in warning for warning in feedback.warnings)


def test_overseas_territory_uses_its_own_crs(anct_env, run_alg):
    assert fetch(run_alg, "communes", "974").crs().authid() == "EPSG:2975"


def test_user_crs(anct_env, run_alg):
    layer = fetch(run_alg, "france_services", "36", CRS="EPSG:3035")
    assert layer.crs().authid() == "EPSG:3035"
    x = next(layer.getFeatures()).geometry().asPoint().x()
    assert 3_500_000 < x < 3_900_000  # metres in LAEA Europe, not degrees


def test_name_resolves_like_its_code(anct_env, run_alg):
    assert fetch(run_alg, "communes", "Châteauroux").featureCount() == 1
    assert fetch(run_alg, "communes", "indre").featureCount() == 6


def test_unknown_territory_suggests_near_matches(anct_env, run_alg):
    with pytest.raises(QgsProcessingException, match=r"Unknown territory '37'.*Did you mean"):
        fetch(run_alg, "communes", "37")
    with pytest.raises(QgsProcessingException, match="Indre"):
        fetch(run_alg, "communes", "Indr")


def test_empty_territory_is_an_error(anct_env, run_alg):
    with pytest.raises(QgsProcessingException, match="No territory"):
        fetch(run_alg, "communes", " ")


def test_missing_file_in_dataset_is_a_clear_error(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(
        "datasets/programme-action-coeur-de-ville",
        "body",
        body='{"id": "x", "resources": []}',
        content_type="application/json",
    )
    with pytest.raises(QgsProcessingException, match="has no file that fits: format csv.*Files published: -"):
        fetch(run_alg, "action_coeur_de_ville", "36")


@pytest.mark.parametrize(
    "fault, message",
    [
        ({"kind": "status", "code": 500}, "HTTP 500"),
        ({"kind": "retry_after", "seconds": 1}, "HTTP 429"),
        ({"kind": "delay", "seconds": 6}, "No answer within"),
        ({"kind": "truncate"}, "truncated|IncompleteRead|Connection"),
        ({"kind": "body", "body": "<html><body>Proxy error</body></html>", "content_type": "text/html"}, "HTML"),
        (
            {"kind": "body", "body": "insee_commune,lib_com,id_va\n36001,Aigurande,va-36-01\n"},
            "Column 'insee_com' is missing in .*villages_avenir",
        ),
        ({"kind": "body", "body": ""}, "Empty"),
    ],
)
def test_faults_on_the_data_file_become_processing_errors(anct_env, run_alg, mirror_server, fault, message):
    mirror_server.add_fault("liste-va-com2024", **fault)
    mirror_server.add_fault("datasets/r/", **fault)
    with pytest.raises(QgsProcessingException, match=message):
        fetch(run_alg, "villages_avenir", "36")


def test_invalid_dataset_json_is_a_processing_error(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(
        "datasets/dispositif-villages-davenir", "body", body='{"resources": [', content_type="application/json"
    )
    with pytest.raises(QgsProcessingException, match="not valid JSON"):
        fetch(run_alg, "villages_avenir", "36")


def test_loading_again_uses_the_cache(anct_env, run_alg, mirror_server):
    fetch(run_alg, "france_services", "36")
    before = mirror_server.count()
    fetch(run_alg, "france_services", "18")
    assert mirror_server.count() == before


def test_offline_mode_after_a_first_load(anct_env, run_alg, mirror_server, monkeypatch, feedback):
    fetch(run_alg, "communes", "36")
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")
    before = mirror_server.count()
    assert fetch(run_alg, "communes", "36").featureCount() == 6
    assert mirror_server.count() == before
    with pytest.raises(QgsProcessingException, match="Offline mode"):
        fetch(run_alg, "communes", "18")


def test_digital_inclusion_places_flag_the_conseillers_and_serve_as_facilities(anct_env, run_alg):
    places = fetch(run_alg, "mediation_numerique", "36")
    flags = {f["nom"]: f["conseiller_numerique"] for f in places.getFeatures()}
    assert flags == {"Médiathèque Équinoxe": 1, "Espace numérique du Pays d'Issoudun": 0}  # '|'-joined lists
    result = run_alg("anct:service_gap", {"TERRITORY": "36", "FACILITIES": places, "OUTPUT": "memory:"})
    nearest = {f["code"]: f["facility_name"] for f in result["OUTPUT"].getFeatures()}
    assert nearest["36044"] == "Médiathèque Équinoxe" and nearest["36088"] == "Espace numérique du Pays d'Issoudun"


def test_crte_names_come_from_the_contract_list(anct_env, run_alg, mirror_server, feedback):
    import uuid

    # The names file fails (its static path or its stable link, as the fixture writes both): ids only, said.
    static = (
        "https://static.data.gouv.fr/resources/contrat-de-relance-et-de-transition-ecologique/"
        "20250717-120000/liste-crte-20250717.csv"
    )
    for match in ("liste-crte-20250717", f"datasets/r/{uuid.uuid5(uuid.NAMESPACE_URL, static)}"):
        mirror_server.add_fault(match, "status", code=503)
    layer = fetch(run_alg, "crte", "36")
    assert layer.featureCount() == 3 and {f["lib_crte"] for f in layer.getFeatures()} == {""}
    assert any("names unavailable" in warning for warning in feedback.warnings)
    mirror_server.clear_faults()
    layer = fetch(run_alg, "crte", "36")
    names = {f["id_crte"]: f["lib_crte"] for f in layer.getFeatures()}
    assert names == {"crte-36-01": "Châteauroux Métropole", "crte-36-02": "", "crte-36-03": ""}


def test_the_crte_names_file_counts_in_the_cache_status(anct_env, run_alg):
    from anct_qgis_plugin.core.checks.status import cached_urls
    from anct_qgis_plugin.core.service import AnctData

    fetch(run_alg, "crte", "36")
    data = AnctData()
    urls = cached_urls(data.fetcher, "crte")
    assert len(urls) == 3 and all(data.fetcher.cache.lookup(url) for url in urls)  # document, list, names
