"""The files as their publishers publish them today (fixtures in the live shapes, over loopback):
Arcep's quarterly lists, codes of every vintage, the card from the lists, check_sources."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from anct_qgis_plugin.core.service import AnctData

ARCEP = "data.arcep.fr/mobile/sites"


def fetch(run_alg, layer, territory):
    result = run_alg("anct:fetch_layer", {"LAYER": layer, "TERRITORY": territory, "OUTPUT": "memory:"})
    return result, result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(
        result["OUTPUT"]
    )


def test_arcep_newest_quarter_latin1_and_decimal_commas(anct_env, run_alg, mirror_server):
    asked, newest = mirror_server.count(ARCEP), mirror_server.count("2024_T2_sites_Metropole.csv")
    result, layer = fetch(run_alg, "mobile_sites", "36")
    assert layer.featureCount() == 8 and result["SOURCE_DATE"] == "2024-06-30"  # 2024_T2, not 2023_T4 (6 sites)
    chateauroux = [f for f in layer.getFeatures() if f["insee_com"] == "36044"]
    assert {f["nom_com"] for f in chateauroux} == {"Châteauroux"}  # Latin-1 decoded
    assert all(46.7 < f["latitude"] < 46.9 for f in chateauroux)  # "46,79" read as 46.79
    # Looked back from the current quarter: one request per quarter until 2024_T2, then none while fresh.
    looked = mirror_server.count(ARCEP)
    assert looked - asked >= 2 and mirror_server.count("2024_T2_sites_Metropole.csv") - newest == 1
    fetch(run_alg, "mobile_sites", "18")
    assert mirror_server.count(ARCEP) == looked
    status = AnctData().cache_status("mobile_sites")  # the panel's view: the cached quarter
    assert status.state == "fresh" and status.source_date == "2024-06-30"


def test_a_pinned_quarter_is_read_and_a_bad_one_refused(anct_env, run_alg, monkeypatch):
    monkeypatch.setenv("ANCT_QGIS_ARCEP_QUARTER", "2023_T4")
    assert fetch(run_alg, "mobile_sites", "36")[1].featureCount() == 6
    monkeypatch.setenv("ANCT_QGIS_ARCEP_QUARTER", "2024-Q2")
    with pytest.raises(QgsProcessingException, match="YYYY_Tn"):
        fetch(run_alg, "mobile_sites", "36")


def test_no_quarter_published_is_a_clear_error(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(ARCEP, "status", code=404)
    with pytest.raises(QgsProcessingException, match="No edition of https://data.arcep.fr.* back to"):
        fetch(run_alg, "mobile_sites", "36")


def test_arcep_unreachable_serves_the_cached_quarter_and_offline_too(
    anct_env, run_alg, mirror_server, monkeypatch, feedback
):
    fetch(run_alg, "mobile_sites", "36")
    monkeypatch.setenv("ANCT_QGIS_TTL_HOURS", "0")
    mirror_server.add_fault(ARCEP, "status", code=503)
    assert fetch(run_alg, "mobile_sites", "36")[1].featureCount() == 8
    assert any("cached edition 2024_T2" in warning for warning in feedback.warnings)
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")
    before = mirror_server.count()
    assert fetch(run_alg, "mobile_sites", "36")[1].featureCount() == 8 and mirror_server.count() == before


def test_offline_without_any_quarter_says_so(anct_env, run_alg, monkeypatch):
    fetch(run_alg, "communes", "36")  # the reference tables are cached, no Arcep quarter is
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")
    with pytest.raises(QgsProcessingException, match="no cached edition"):
        fetch(run_alg, "mobile_sites", "36")


def test_unmapped_codes_are_named_in_log_metadata_and_pack(anct_env, run_alg, feedback, tmp_path):
    import sqlite3

    from anct_qgis_plugin.core.building.provenance import layer_metadata

    data = AnctData()
    built = data.build_layer("france_services", data.resolve_territory("FR"))
    assert built.info.feature_count == 11 and built.info.unmapped_codes == "36999"
    assert any("36999" in line for line in layer_metadata(built.info, "France").history())
    fetch(run_alg, "france_services", "36")
    assert any("36999" in warning for warning in feedback.warnings)
    output = tmp_path / "pack.gpkg"
    run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(output)})
    with sqlite3.connect(output) as db:
        rows = dict(db.execute("SELECT layer_id, unmapped_codes FROM anct_sources").fetchall())
    assert rows["france_services"] == "36999" and not rows["villages_avenir"]


def test_quoted_line_breaks_survive_into_the_layer(anct_env, run_alg):
    layer = fetch(run_alg, "france_services", "36044")[1]
    comments = {f["id_fs"]: f["commentaire"] for f in layer.getFeatures()}
    assert comments["2394"].startswith("Tournée mensuelle :\n1er lundi")


def test_card_reads_the_lists_even_without_outlines(anct_env, mirror_server):
    mirror_server.add_fault("qpv-2024-geojson.zip", "status", code=404)
    mirror_server.add_fault("datasets/r/942d4ee8", "status", code=404)
    data = AnctData()
    issoudun = data.commune_card("36088")
    assert [line.ident for line in issoudun.lines if line.layer_id == "qpv"] == ["QN03604I"]
    saint_maur = data.commune_card("36202")
    assert {line.ident for line in saint_maur.lines if line.layer_id == "villages_avenir"} == {"va-36-02", "va-36-03"}
    assert {line.ident for line in saint_maur.lines if line.layer_id == "france_services"} == {"9001", "9002"}
    assert "geo.api.gouv.fr" in saint_maur.as_text()  # the population says where it comes from


def test_card_tells_every_programme_of_a_commune(anct_env):
    data = AnctData()
    saint_maur = {(line.layer_id, line.ident, line.label) for line in data.commune_card("36202").lines}
    # A delegated commune's code (36245) counts for Saint-Maur, with the published label.
    assert ("cites_emploi", "cde-036", "Châteauroux Métropole") in saint_maur
    assert ("crte", "crte-36-01", "Châteauroux Métropole") in saint_maur  # the name from the contract list
    bourges = data.commune_card("18033")
    cites = {(line.ident, line.label) for line in bourges.lines if line.layer_id == "cites_educatives"}
    assert cites == {("cite-030", "Bourges Nord"), ("cite-031", "Bourges Sud")}  # one ' ; '-joined cell
    assert "Cités éducatives" in bourges.as_text() and "Manufactures de proximité: no" in bourges.as_text()


def test_profile_area_from_departement_outlines_where_commune_outlines_fail(anct_env, run_alg, mirror_server, feedback):
    mirror_server.add_fault("codeDepartement=18", "status", code=404)
    mirror_server.add_fault("code_insee_du_departement%3D%2718%27", "status", code=404)  # ADMIN EXPRESS too
    result = run_alg("anct:territory_profile", {"TERRITORY": "reg:24", "OUTPUT": "memory:"})
    figures = {f["indicator"]: f for f in result["OUTPUT"].getFeatures()}
    assert figures["area_km2"]["territory"] > 0 and figures["population"]["territory"] == 161998
    assert any("IGN département outlines" in info and "18" in info for info in feedback.infos)


def test_check_sources_on_the_fixtures(anct_env, run_alg):
    result = run_alg("anct:check_sources", {"OUTPUT": "memory:"})
    rows = {f["source"]: f for f in result["OUTPUT"].getFeatures()}
    assert result["FAILED"] == 0 and set(rows) >= {"qpv", "qpv_list", "france_services", "mobile_sites", "communes"}
    assert rows["qpv"]["file"] == "qpv-2024-geojson.zip"
    # The list in the newest COG (cog2025 beside cog2024), not "several files fit".
    assert rows["qpv_list"]["file"] == "listeqp2024-cog2025.csv" and rows["qpv_list"]["rows"] == 7
    # The 2015 outlines are still published, as qp-politiquedelaville-shp.zip: read from its national member.
    assert (rows["qpv_2015"]["status"], rows["qpv_2015"]["file"]) == ("ok", "qp-politiquedelaville-shp.zip")
    assert rows["qpv_2015"]["rows"] == 3
    assert rows["france_services"]["file"] == "liste-fs-20240801.csv"
    assert (
        rows["france_services"]["source_date"] == "2024-08-01" and rows["france_services"]["unmapped_codes"] == "36999"
    )
    assert rows["mobile_sites"]["file"] == "2024_T2_sites_Metropole.csv" and rows["mobile_sites"]["rows"] == 10
    assert rows["action_coeur_de_ville"]["file"] == "liste-acv-com2024-20240905.csv"
    # INSEE's EPT composition: the newest yearly edition published (2026 is not), its communes.
    assert (rows["ept_communes"]["status"], rows["ept_communes"]["file"]) == ("ok", "ept_au_01-01-2025.zip")
    assert rows["ept_communes"]["rows"] == 17
    assert all(f["size_bytes"] > 0 and not f["columns_missing"] for f in rows.values())


def test_check_sources_reports_a_renamed_column_and_can_fail(anct_env, run_alg, mirror_server):
    body = "insee_commune,lib_com,id_va\n36001,Aigurande,va-36-01\n"
    mirror_server.add_fault("liste-va-com2024", "body", body=body)
    mirror_server.add_fault("datasets/r/cc3a3b46", "body", body=body)
    result = run_alg("anct:check_sources", {"OUTPUT": "memory:"})
    rows = {f["source"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["villages_avenir"]["status"] == "failed" and "insee_com" in rows["villages_avenir"]["message"]
    assert result["FAILED"] == 1
    with pytest.raises(QgsProcessingException, match="1 sources failed: villages_avenir"):
        run_alg("anct:check_sources", {"OUTPUT": "memory:", "FAIL_ON_ERROR": True})


def test_plain_geojson_from_the_outline_link_is_still_read(anct_env, run_alg, mirror_server):
    import zipfile

    from conftest import FIXTURE_MIRROR

    archive = next(FIXTURE_MIRROR.rglob("qpv-2024-geojson.zip"))
    with zipfile.ZipFile(archive) as zipped:
        national = zipped.read("GEOJSON/QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson").decode("utf-8")
    mirror_server.add_fault("datasets/r/942d4ee8", "body", body=national, content_type="application/geo+json")
    assert fetch(run_alg, "qpv", "FR")[1].featureCount() == 7


def test_the_earlier_four_column_qpv_list_is_read_too(anct_env, mirror_server):
    from anct_qgis_plugin.core.memberships.tables import read_membership

    # One row per QPV and commune, Excel-protected codes, names of a multi-commune QPV joined by "; ".
    older = (
        "\ufeffcode_qp;lib_qp;insee_com;lib_com\n"
        'QN03601M;Beaulieu;"=""36044""";Châteauroux\n'
        'QN03603M;Vaugirard;"=""36044""";"Châteauroux; Déols"\n'
        'QN03603M;Vaugirard;"=""36063""";"Châteauroux; Déols"\n'
    )
    mirror_server.add_fault("datasets/r/eb2c43e0", "body", body=older)  # the cog2025 list's link (fixture id)
    builder = AnctData().builder()
    membership = read_membership(builder, "qpv", builder.index.country())
    assert not membership.unavailable
    assert sorted(membership.ids_by_commune["36044"]) == ["QN03601M", "QN03603M"]
    assert membership.ids_by_commune["36063"] == ["QN03603M"]


def test_card_from_the_cross_table_where_no_list_is_newer(anct_env, mirror_server):
    data = AnctData()
    before = mirror_server.count("liste-va-com")
    card = data.commune_card("36202", cross_table=True)
    lines = {(line.layer_id, line.ident) for line in card.lines}
    assert {("villages_avenir", "va-36-02"), ("villages_avenir", "va-36-03")} <= lines
    assert card.origins["villages_avenir"] == "cross_table" and card.source_dates["villages_avenir"] == "2025-03-01"
    assert mirror_server.count("liste-va-com") == before  # the list itself was not downloaded
    # The CRTE list (2025-07-17) is newer than the cross-table (2025-03-01): its id wins, and the card says so.
    assert ("crte", "crte-36-01") in lines and ("crte", "crte-36-99") not in lines
    assert card.origins["crte"] == "newer_list"
    text = card.as_text()
    assert "2025-03-01, ANCT cross-table" in text and "2025-07-17, list newer than the cross-table" in text


def test_without_the_cross_table_the_card_reads_each_list(anct_env, mirror_server):
    mirror_server.add_fault("croisement-des-dispositifs", "status", code=503)
    card = AnctData().commune_card("36202", cross_table=True)
    assert card.origins["villages_avenir"] == "list" and card.source_dates["villages_avenir"] == "2024-09-18"


def test_matrix_from_the_cross_table(anct_env, run_alg, feedback):
    matrix = run_alg("anct:programme_matrix", {"TERRITORY": "36", "CROSS_TABLE": True, "OUTPUT": "memory:"})["OUTPUT"]
    communes = {f["code"]: f for f in matrix.getFeatures() if f["level"] == "commune"}
    assert communes["36202"]["villages_avenir"] == "va-36-02, va-36-03"
    assert communes["36044"]["crte"] == "crte-36-01"  # the newer list
    assert any(
        "territoires_industrie: ngeo-anct-cog2025.csv, 2025-03-01 (ANCT cross-table)" in info for info in feedback.infos
    )


def test_card_gives_the_frr_class_and_nothing_for_unclassified_communes(anct_env):
    data = AnctData()
    aigurande = {(line.layer_id, line.ident) for line in data.commune_card("36001").lines}
    assert ("france_ruralites_revitalisation", "1") in aigurande
    chateauroux = data.commune_card("36044")  # -9999: not classified, so no line
    assert not [line for line in chateauroux.lines if line.layer_id == "france_ruralites_revitalisation"]
