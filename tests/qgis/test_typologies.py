"""The commune typologies ANCT maps beside its programmes (Observatoire des territoires, as ANCT's map
reads them: anct-carto/superposeur-V2 data/grilles/<grid>.csv), on fixtures in that shape and on ANCT's real
files of ../shared/data/observatoire."""

from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from anct_qgis_plugin.core.building.source_tables import read_source_table
from anct_qgis_plugin.core.published.catalogue import get_source
from anct_qgis_plugin.core.published.parsers import split_values
from anct_qgis_plugin.core.service import AnctData

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "observatoire"


def fetch(run_alg, layer, territory):
    result = run_alg("anct:fetch_layer", {"LAYER": layer, "TERRITORY": territory, "OUTPUT": "memory:"})
    return result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])


def test_communes_grouped_by_centre_level(anct_env, run_alg):
    layer = fetch(run_alg, "typologie_centralite", "36")
    by_level = {f["niveau_centralite"]: f["insee_com"] for f in layer.getFeatures()}
    assert by_level == {
        "Centre majeur d'équipements et de services": "36044",
        "Centre structurant d'équipements et de services": "36018, 36088",
        "Centre intermédiaire d'équipements et de services": "36001, 36063, 36202",
    }


def test_unclassified_communes_are_in_no_level(anct_env, run_alg):
    # Saint-Denis is " - undefined" in ANCT's grid ("null - undefined" with 4 characters cut).
    assert fetch(run_alg, "typologie_centralite", "974").featureCount() == 0
    levels = {f["niveau_ruralite"] for f in fetch(run_alg, "typologie_ruralite", "36").getFeatures()}
    assert "Les petites polarités mixtes" in levels  # the grid's leading space is not part of the level


def test_the_card_gives_each_typology_and_no_programme_counts_it(anct_env, run_alg):
    card = AnctData().commune_card("36044")
    lines = {line.layer_id: line.ident for line in card.lines}
    assert lines["typologie_centralite"] == "Centre majeur d'équipements et de services"
    assert lines["typologie_ruralite"] == "Hors champ : DOM ou commune urbaine"
    assert "typologie_montagne" not in lines  # not a mountain commune: the card says no
    assert "Zone de montagne par massif: no" in card.as_text()
    ajaccio = {line.layer_id: line.ident for line in AnctData().commune_card("2A004").lines}
    assert ajaccio["typologie_montagne"] == "05 - Massif de Corse"
    matrix = run_alg("anct:programme_matrix", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    assert "typologie_centralite" not in matrix.fields().names()  # a typology is not a programme


@pytest.mark.parametrize(
    "grid, communes, chateauroux",
    [
        ("centralite", 34875, "Centre majeur d'équipements et de services"),
        ("ruralite", 34875, "Hors champ : DOM ou commune urbaine"),
        ("montagne", 8594, None),
    ],
)
def test_anct_real_grids(grid, communes, chateauroux):
    path = SHARED / f"grille_{grid}_communes_anct-observatoire-territoires.csv"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    source = get_source(f"typologie_{grid}")
    table, columns, position = read_source_table(source, str(path), source.columns)
    code_at, level_at = position[columns["insee_com"]], position[columns[f"niveau_{grid}"]]
    levels = {row[code_at]: row[level_at] for row in table.rows}
    assert len(levels) == communes and all(len(code) == 5 for code in levels)
    assert levels.get("36044") == chateauroux
    not_member = source.geometry.not_member
    classified = [level for level in levels.values() if level not in not_member]
    assert all(len(split_values(level)) == 1 for level in classified)  # no level is split into two
    if grid == "centralite":  # 129 communes unclassified, as ANCT's cut leaves them
        assert len(levels) - len(classified) == 129
    if grid == "montagne":
        assert levels["2A004"] == "05 - Massif de Corse" and len(set(classified)) == 9


def test_the_profile_gives_the_population_by_level(anct_env, run_alg):
    table = run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    rows = {f["indicator"]: f for f in table.getFeatures()}
    major = rows["typologie_centralite_centre_majeur_d_equipements_et_de_services_population"]
    assert major["territory"] == 42963  # Châteauroux
    assert major["region"] == 42963 + 64186  # and Bourges
    assert major["france"] == 42963 + 64186 + 2103778 + 76320  # and Paris, Ajaccio (Saint-Denis: unclassified)
    assert major["label"].endswith("— Centre majeur d'équipements et de services")
    share = rows["typologie_centralite_centre_intermediaire_d_equipements_et_de_services_population_share"]
    assert share["territory"] == pytest.approx(100 * (1321 + 7600 + 3537) / 72744, abs=0.05)
    corsica = rows["typologie_montagne_05_massif_de_corse_population"]
    assert (corsica["territory"], corsica["france"]) == (0, 76320)
