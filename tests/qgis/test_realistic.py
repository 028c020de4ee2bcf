"""The realistic tier: real public data from ../shared/mirror (skipped when it is absent)."""

import pytest

from anct_qgis_plugin.core import service
from anct_qgis_plugin.core.service import AnctData
from anct_qgis_plugin.core.travel.settings import load_config


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
    counts = {
        layer: real_data.build_layer(layer, indre).info.feature_count
        for layer in (
            "action_coeur_de_ville",
            "petites_villes_de_demain",
            "villages_avenir",
            "territoires_industrie",
            "epci",
            "departements",
            "regions",
        )
    }
    assert counts == {
        "action_coeur_de_ville": 2,
        "petites_villes_de_demain": 16,
        "villages_avenir": 52,
        "territoires_industrie": 2,
        "epci": 15,
        "departements": 1,
        "regions": 1,
    }


def test_real_territory_lookup(real_data):
    index = real_data.territory_index()
    assert index.resolve("chateauroux").code == "36044"
    assert index.resolve("2A004").name == "Ajaccio"
    assert len(index.resolve("reg:24").departement_codes) == 6
    assert index.resolve("974").crs == "EPSG:2975"
    assert len(index.communes) == 34969


def test_qpv_of_indre_from_the_live_zip(real_data):
    built = real_data.build_layer("qpv", real_data.resolve_territory("36"))
    assert sorted(f["code_qp"] for f in built.layer.getFeatures()) == ["QN03601M", "QN03602M", "QN03603M", "QN03604I"]
    assert built.info.file_name == "qpv-2024-geojson.zip"


def test_france_services_of_paris_and_bouches_du_rhone_by_arrondissement(real_data):
    counts = {
        code: real_data.build_layer("france_services", real_data.resolve_territory(code)).info.feature_count
        for code in ("75", "13", "75056", "13055", "69123")
    }
    assert counts["75"] == 11 and counts["13"] == 34 and counts["75056"] == 11 and counts["13055"] == 13
    assert counts["69123"] > 0


def test_memberships_count_every_site_once(real_data):
    from anct_qgis_plugin.core.memberships.tables import read_membership

    builder = real_data.builder()
    membership = read_membership(builder, "france_services", builder.index.country())
    ids = {ident for ids in membership.ids_by_commune.values() for ident in ids}
    assert len(ids) == 2845 and not membership.unmapped_codes
    assert len(set(membership.ids_by_commune["75056"])) == 11 and len(set(membership.ids_by_commune["13055"])) == 13
    pierrefitte = {ident for ident, row in membership.rows_by_id.items() if row["insee_com"] == "93059"}
    assert len(pierrefitte) == 2 and pierrefitte <= set(membership.ids_by_commune["93066"])  # merged into Saint-Denis


def test_mobile_sites_of_calvados_from_the_arcep_extract(real_data):
    built = real_data.build_layer("mobile_sites", real_data.resolve_territory("14"))
    features = list(built.layer.getFeatures())
    assert len(features) == 311 and built.info.file_name == "2023_T4_sites_Metropole.csv"
    assert sum(1 for f in features if str(f["site_4g"]) == "1") == 310
    assert sum(1 for f in features if str(f["site_DCC"]) == "1") == 16
    assert all(48.7 < f["latitude"] < 49.5 for f in features)  # decimal commas read


def test_sources_of_the_shared_mirror_are_all_checked(real_data):
    from anct_qgis_plugin.core.checks.source_check import CHECKED_SOURCES, check_sources

    checks = {check.source_id: check for check in check_sources(real_data.builder(), "36")}
    assert set(checks) == {source.id for source in CHECKED_SOURCES}
    ok = {source for source, check in checks.items() if check.status == "ok"}
    # The shared mirror holds no BD TOPO page, no CRTE list, none of the files read by resource link.
    absent = {
        "road_network",
        "crte",
        "fabriques_territoire",
        "manufactures_proximite",
        "mediation_numerique",
        "croisement_dispositifs",
        "fabriques_prospectives",
        # The programmes added in 2025-2026 (resource links; Habitat inclusif is a cross-table column).
        "acv_entrees_de_ville",
        "sites_cles_en_main",
        "commerces_ruraux",
        "locaux_activite_frla",
        "zones_commerciales_ptzc",
        "appui_operationnel_pao",
        "territoires_engagement",
        "habitat_inclusif",
        "france_thd",  # Arcep's fixed-broadband statistics
        # ANCT's cleaned Observatoire grids (its map repository); ../shared/data holds copies, read in
        # test_typologies.py.
        "typologie_centralite",
        "typologie_ruralite",
        "typologie_montagne",
    }
    assert ok == set(checks) - {"qpv_2015", "france_ruralites_revitalisation", "ept_communes"} - absent
    assert all("no copy" in checks[source].message for source in absent)
    # Nor the FRR export: no year is found, and the check says which years it looked for.
    assert checks["france_ruralites_revitalisation"].status == "failed"
    assert "No edition of https://www.observatoire-des-territoires" in checks["france_ruralites_revitalisation"].message
    # Nor INSEE's EPT composition: the check names the yearly address it looked for.
    assert checks["ept_communes"].status == "failed" and "2510634/ept_au_01-01-" in checks["ept_communes"].message
    assert "fr/datasets/?q=Fabriques+de+territoire" in checks["fabriques_territoire"].message  # where to look
    # INSEE's density grid at its 2025 address (2026 not there: looked back to 2025), all communes.
    assert checks["grille_densite"].file_name == "fichier_diffusion_2025.xlsx"
    assert checks["grille_densite"].rows == 34875 and not checks["grille_densite"].columns_missing
    # This copy of the QPV dataset document lists no 2015 archive (qp-politiquedelaville-shp.zip): the
    # check says so, naming what the document lists.
    assert checks["qpv_2015"].status == "unpublished" and "qpv-2024-geojson.zip" in checks["qpv_2015"].message

    assert checks["qpv_list"].rows == 1493 and checks["france_services"].rows == 2845


def test_indre_has_six_density_levels_read_from_dens7(real_data):
    # INSEE's DENS is the 3-level grid now (Indre: 2 classes); the 7 levels are DENS7 (Indre: 6 of them).
    built = real_data.build_layer("grille_densite", real_data.resolve_territory("36"))
    levels = {f["dens"]: (f["libdens"], f["nb_communes"]) for f in built.layer.getFeatures()}
    assert levels == {
        "2": ("Centres urbains intermédiaires", 3),
        "3": ("Ceintures urbaines", 2),
        "4": ("Petites villes", 3),
        "5": ("Bourgs ruraux", 22),
        "6": ("Rural à habitat dispersé", 97),
        "7": ("Rural à habitat très dispersé", 114),
    }
    assert built.info.source_date == "2025-01-01"


def test_more_programmes_on_the_real_lists(real_data):
    from anct_qgis_plugin.core.memberships.tables import read_membership

    builder = real_data.builder()
    country = builder.index.country()
    employment = read_membership(builder, "cites_emploi", country)
    # Pierrefitte-sur-Seine (93059), merged into Saint-Denis in 2025, counts for 93066.
    assert set(employment.ids_by_commune["93066"]) == {"cde-062"}
    assert "93059" not in employment.ids_by_commune
    # The live file loses leading zeros (8409 for Sedan, 08409): they are restored.
    assert {"08409", "02381", "02691"} <= set(employment.ids_by_commune) and not employment.unmapped_codes
    education = real_data.build_layer("cites_educatives", real_data.resolve_territory("36"))
    assert [(f["id_cite"], f["insee_com"]) for f in education.layer.getFeatures()] == [("cite-092", "36044")]
    engineering = read_membership(builder, "avenir_montagnes_ingenierie", country)
    savoie = {code for code in engineering.ids_by_commune if code.startswith("73")}
    assert len(savoie) == 121
    assert {i for code in savoie for i in engineering.ids_by_commune[code]} == {
        "ami-alp-02",
        "ami-alp-05",
        "ami-alp-08",
        "ami-alp-09",
        "ami-alp-14",
    }


def test_avenir_montagnes_mobilites_labelled_as_anct_publishes_them(real_data):
    # ANCT's commune file names its territories lib_porteur (the project holder).
    built = real_data.build_layer("avenir_montagnes_mobilites", real_data.resolve_territory("74"))
    labels = {f["id_amm"]: f["lib_porteur"] for f in built.layer.getFeatures()}
    assert labels["amm-alp-01"] == "SM4CC"


def test_all_is_the_101_departements_and_says_which_collectivites_it_leaves_out(real_data):
    """Issue 23: 'all' printed the 8 collectivités d'outre-mer as empty maps with n.d. everywhere."""
    from anct_qgis_plugin.cartography.sheets import departement_codes, left_out_of_all

    index = real_data.territory_index()
    codes = departement_codes(index, "all")
    assert len(codes) == 101 and "976" in codes and "2A" in codes
    assert not {"975", "977", "978", "984", "986", "987", "988", "989"} & set(codes)
    line = left_out_of_all(index)
    assert "Saint-Pierre-et-Miquelon (975)" in line and "(989)" in line and "commune outline" in line
    assert departement_codes(index, "975") == ["975"]  # named, it is printed
