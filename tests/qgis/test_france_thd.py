"""France Très Haut Débit by commune (Arcep, Ma connexion internet) on fixtures in the live headers
(tests/fixtures/README.md): shares computed from premises counts, wired offers only, names from the
commune table, former codes counted for today's commune."""

import pytest
from qgis.core import QgsVectorLayer

from anct_qgis_plugin.core.published.broadband import Premises, total
from anct_qgis_plugin.core.service import AnctData


def fetch(run_alg, territory):
    result = run_alg("anct:fetch_layer", {"LAYER": "france_thd", "TERRITORY": territory, "OUTPUT": "memory:"})
    return result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])


def test_an_area_is_summed_from_counts_never_averaged_from_shares():
    premises = {"a": Premises(1000, 990, 1000, 10), "b": Premises(10, 0, 10, 10)}
    area = total(premises, ["a", "b", "unknown"])
    assert (area.premises, area.ftth) == (1010, 990)
    assert area.ftth_share == pytest.approx(98.0, abs=0.05)  # the mean of the shares would say 49.5
    assert area.without_wired_30_share == pytest.approx(2.0, abs=0.05)


def test_communes_of_indre_with_their_fibre_and_wired_shares(anct_env, run_alg, feedback):
    layer = fetch(run_alg, "36")
    by_code = {f["code_insee"]: f for f in layer.getFeatures()}
    assert len(by_code) == 6  # every commune of the territory, published or not
    chateauroux = by_code["36044"]
    assert chateauroux["nom"] == "Châteauroux"  # the file's "Chteauroux" is not used
    assert (chateauroux["locaux"], chateauroux["locaux_ftth"]) == (30000, 29000)
    assert chateauroux["part_ftth"] == pytest.approx(96.7, abs=0.05)
    assert chateauroux["locaux_sans_filaire_30"] == 500 and chateauroux["date"] == "2026-03-31"
    # Saint-Maur and its delegated commune 36245: counts added, then the shares.
    saint_maur = by_code["36202"]
    assert (saint_maur["locaux"], saint_maur["locaux_ftth"]) == (2200, 1500)
    assert saint_maur["part_sans_filaire_30"] == pytest.approx(100 * (300 + 100) / 2200, abs=0.05)
    issoudun = by_code["36088"]["locaux"]  # not in the file: drawn without figures
    assert issoudun is None or (hasattr(issoudun, "isNull") and issoudun.isNull())
    assert any("36999" in warning for warning in feedback.warnings)  # a code of no commune, named


def test_the_card_gives_fibre_and_wired_shares(anct_env):
    text = AnctData().commune_card("36044").as_text()
    assert "96.7 % of premises eligible to fibre (29000 of 30000); 1.7 % without a wired offer" in text
    assert "[2026-03-31]" in text
    assert "not published for this commune" in AnctData().commune_card("36088").as_text()


def test_the_profile_sums_premises_at_three_levels(anct_env, run_alg):
    table = run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    rows = {f["indicator"]: f for f in table.getFeatures()}
    indre = 30000 + 5000 + 2000 + 200 + 1200  # 36999 maps to no commune: in no area, not even France
    assert rows["broadband_premises"]["territory"] == indre
    assert rows["ftth_premises_share"]["territory"] == pytest.approx(100 * 35100 / indre, abs=0.05)
    without = 500 + 400 + 300 + 100 + 500  # nbr - elig_thd30, wired file
    assert rows["without_wired_30_share"]["territory"] == pytest.approx(100 * without / indre, abs=0.05)
    assert rows["broadband_premises"]["region"] == indre + 45000  # Bourges
    assert rows["broadband_premises"]["france"] == indre + 45000 + 1667292 + 46329
    assert rows["ftth_premises_share"]["label"] == "Share of premises eligible to fibre (FTTH)"


def test_the_profile_without_the_arcep_files_says_so(anct_env, run_alg, mirror_server, feedback):
    mirror_server.add_fault("commune_debit_filaire.csv", "status", code=503)
    table = run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    value = {f["indicator"]: f for f in table.getFeatures()}["ftth_premises_share"]["territory"]
    assert value is None or (hasattr(value, "isNull") and value.isNull())
    assert any("Fixed broadband (Arcep) unavailable" in warning for warning in feedback.warnings)


def test_a_later_card_answers_from_the_parsed_counts(anct_env, monkeypatch):
    from anct_qgis_plugin.core.building import broadband_files

    reads = []
    original = broadband_files.read_premises
    monkeypatch.setattr(broadband_files, "read_premises", lambda *args: reads.append(args) or original(*args))
    data = AnctData()
    first, second = data.commune_card("36044").as_text(), data.commune_card("36063").as_text()
    assert "96.7 %" in first and "80.0 % of premises eligible to fibre" in second
    assert len(reads) == 1  # the national files are parsed once per edition
