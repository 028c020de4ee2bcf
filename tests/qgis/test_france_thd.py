"""France Très Haut Débit by commune (Arcep, Ma connexion internet) on fixtures in the live headers
(tests/fixtures/README.md): shares computed from premises counts, wired offers only, names from the
commune table, former codes counted for today's commune."""

import pytest
from qgis.core import QgsVectorLayer

from anct_qgis_plugin.core.broadband import Premises, total
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
