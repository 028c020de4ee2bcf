"""The programmes ANCT added in 2025-2026, on fixtures in their publisher's shape (tests/fixtures/README.md):
lists read by their resource links, Territoires d'engagement by groupement, Habitat inclusif from the
cross-table only."""

from qgis.core import QgsVectorLayer

from anct_qgis_plugin.core.published.groupements import repaired_text
from anct_qgis_plugin.core.service import AnctData


def fetch(run_alg, layer, territory):
    result = run_alg("anct:fetch_layer", {"LAYER": layer, "TERRITORY": territory, "OUTPUT": "memory:"})
    return result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])


def test_mojibake_is_repaired_and_clean_text_kept():
    assert repaired_text("CA ChÃ¢teauroux MÃ©tropole") == "CA Châteauroux Métropole"
    assert repaired_text("Châteauroux") == "Châteauroux"  # not mojibake: unchanged
    assert repaired_text("Saint-Barthélemy, ŒUVRE") == "Saint-Barthélemy, ŒUVRE"  # not Latin-1 at all


def test_territoires_engagement_are_the_union_of_their_groupements_communes(anct_env, run_alg, feedback):
    layer = fetch(run_alg, "territoires_engagement", "FR")
    by_id = {f["id_tec"]: f for f in layer.getFeatures()}
    # -103 is an error of the file; the département row is of a nature ANCT does not read: placed nowhere.
    assert set(by_id) == {"tec-036-01", "tec-036-03", "tec-018-02"}
    chateauroux = by_id["tec-036-01"]
    # The EPCI 243600327 (Châteauroux, Déols, Saint-Maur) and the commune 36001 (its INSEE code in
    # siren_groupement, nature "commune" lower-case); its name repaired from Latin-1 mojibake.
    assert chateauroux["insee_com"] == "36001, 36044, 36063, 36202" and chateauroux["nb_communes"] == 4
    assert chateauroux["lib_groupement"] == "CA Châteauroux Métropole, Aigurande"
    assert chateauroux["population"] == 1321 + 42963 + 7600 + 3537
    assert chateauroux.geometry().constGet().numGeometries() == 2  # the agglomeration's block, and Aigurande
    assert by_id["tec-018-02"]["insee_com"] == "18279"  # " Commune ": compared stripped and lower-cased
    # A member that maps to no commune of today is counted and named, never silently lost.
    assert by_id["tec-036-03"]["insee_com"] == "36018"
    assert any("200071165" in warning and "36" in warning for warning in feedback.warnings)


def test_the_card_lists_the_new_programmes(anct_env):
    data = AnctData()
    chateauroux = {(line.layer_id, line.ident, line.label) for line in data.commune_card("36044").lines}
    assert ("acv_entrees_de_ville", "acv2-036-01", "") in chateauroux
    assert ("territoires_engagement", "tec-036-01", "CA Châteauroux Métropole, Aigurande") in chateauroux
    issoudun = {(line.layer_id, line.ident) for line in data.commune_card("36088").lines}
    assert {("habitat_inclusif", "habinclus-036-01"), ("sites_cles_en_main", "site-036-01")} <= issoudun
    assert not any(layer_id == "territoires_engagement" for layer_id, _i in issoudun)  # -103 was dropped
    text = data.commune_card("36001").as_text()
    assert "Territoires d'engagement: tec-036-01" in text and "Commerces ruraux" in text


def test_the_matrix_has_a_column_per_new_programme(anct_env, run_alg):
    matrix = run_alg("anct:programme_matrix", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    communes = {f["code"]: f for f in matrix.getFeatures() if f["level"] == "commune"}
    assert communes["36063"]["territoires_engagement"] == "tec-036-01"
    assert communes["36063"]["zones_commerciales_ptzc"] == "ptzc-036-01"
    assert communes["36018"]["appui_operationnel_pao"] == "pao-036-01"
    assert communes["36202"]["commerces_ruraux"] == "comrur-036-002"
    assert communes["36088"]["habitat_inclusif"] == "habinclus-036-01"
    totals = {(f["level"], f["code"]): f for f in matrix.getFeatures() if f["level"] != "commune"}
    assert totals[("departement", "36")]["territoires_engagement"] == "5"  # 36001, 36018, 36044, 36063, 36202
