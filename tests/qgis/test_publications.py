"""Sources as their publishers publish them today (issue 20 §3): FRR asked in the communes of the
newest year the Observatoire answers, the QPV list in the newest COG, the 2015 QPV outlines from the
shapefile archive still published, ANCT's files read by stable links naming what they miss, and a dead
stable link saying which page to check."""

import datetime

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from anct_qgis_plugin.core.published.catalogue import get_source
from anct_qgis_plugin.core.published.editions import candidate_urls
from anct_qgis_plugin.core.service import AnctData
from anct_qgis_plugin.core.travel.settings import load_config

FABT_LINK = "datasets/r/309049b4"


def fetch(run_alg, layer, territory):
    result = run_alg("anct:fetch_layer", {"LAYER": layer, "TERRITORY": territory, "OUTPUT": "memory:"})
    output = result["OUTPUT"]
    return result, output if isinstance(output, QgsVectorLayer) else QgsVectorLayer(output)


def test_frr_is_asked_in_the_communes_of_the_newest_year_answered(anct_env, run_alg, mirror_server):
    asked_2026, asked_2025 = mirror_server.count("nivgeo=com2026"), mirror_server.count("nivgeo=com2025")
    result, layer = fetch(run_alg, "france_ruralites_revitalisation", "36")
    assert [f["codefrr"] for f in layer.getFeatures()] == ["1"]
    # Looked back from the current year: com2026 is not answered here (404), com2025 is read.
    assert mirror_server.count("nivgeo=com2026") - asked_2026 == 1
    assert mirror_server.count("nivgeo=com2025") - asked_2025 == 1
    assert result["SOURCE_DATE"] == "2025-01-01"


def test_frr_follows_the_calendar_not_a_frozen_year(anct_env):
    locator = get_source("france_ruralites_revitalisation").locator
    urls = [url for _year, url in candidate_urls(locator, load_config(), datetime.date(2028, 3, 1))]
    assert "nivgeo=com2028&" in urls[0] and "nivgeo=com2025&" in urls[-1]


def test_the_qpv_figures_read_the_list_of_the_newest_cog(anct_env):
    from anct_qgis_plugin.core.memberships.tables import read_membership

    # Both listeqp2024-cog2024 and -cog2025 are published: the newer COG is read (not "several files fit").
    builder = AnctData().builder()
    membership = read_membership(builder, "qpv", builder.index.country())
    assert not membership.unavailable
    assert sorted(membership.ids_by_commune["36044"]) == ["QN03601M", "QN03602M", "QN03603M"]


def test_the_2015_outlines_come_from_the_national_member_of_the_published_archive(anct_env, run_alg):
    result, layer = fetch(run_alg, "qpv_2015", "FR")
    assert sorted(f["CODE_QP"] for f in layer.getFeatures()) == ["QP018001", "QP036001", "QP036002"]
    built = AnctData().builder().build("qpv_2015", AnctData().resolve_territory("36"))
    assert built.info.file_name == "qp-politiquedelaville-shp.zip"


def test_a_dead_stable_link_says_which_page_to_check(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(FABT_LINK, "status", code=404)
    with pytest.raises(QgsProcessingException) as raised:
        fetch(run_alg, "fabriques_territoire", "36")
    message = str(raised.value)
    assert "404" in message and "309049b4-f9f7-4038-a2b4-875ef32eca7c" in message
    assert "https://www.data.gouv.fr/fr/datasets/?q=Fabriques+de+territoire" in message


def test_a_fabriques_file_without_its_columns_names_the_expected_and_the_found(anct_env, run_alg, mirror_server):
    # The shape of ANCT's internal spreadsheet (code_insee, lib_projet, vague, Adresse), not the published file.
    body = "code_insee,lib_projet,vague,Adresse\n36018,Tiers-lieu,Vague 1,1 rue X\n"
    mirror_server.add_fault(FABT_LINK, "body", body=body)
    with pytest.raises(
        QgsProcessingException,
        match=r"Column 'insee_com' is missing in .* \(source 'fabriques_territoire'\); "
        r"columns found: code_insee, lib_projet, vague, Adresse",
    ):
        fetch(run_alg, "fabriques_territoire", "36")
