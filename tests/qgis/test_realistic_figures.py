"""Figures and Processing runs on the real data of ../shared/mirror (skipped when absent)."""

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer

from anct_qgis_plugin.compat import FIELD_LONG
from anct_qgis_plugin.core import service


@pytest.fixture
def real_env(shared_mirror, tmp_path, monkeypatch):
    monkeypatch.setenv("ANCT_QGIS_MIRROR", str(shared_mirror))
    monkeypatch.setenv("ANCT_QGIS_CACHE_DIR", str(tmp_path / "cache"))
    service._INDEX_MEMO.clear()
    yield
    service._INDEX_MEMO.clear()


def test_profile_of_indre(real_env, run_alg):
    result = run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})
    figures = {f["indicator"]: f for f in result["OUTPUT"].getFeatures()}
    assert figures["qpv"]["territory"] == 4 and figures["qpv_communes"]["territory"] == 2
    assert figures["france_services"]["france"] == 2845
    assert figures["population"]["territory"] == 216069  # the national table's vintage everywhere
    assert figures["area_km2"]["region"] > figures["area_km2"]["territory"] > 6000


def test_mobile_coverage_gap_on_the_arcep_extract(real_env, run_alg):
    people = QgsVectorLayer("Point?crs=EPSG:4326", "people", "memory")
    people.dataProvider().addAttributes([QgsField("population", FIELD_LONG)])
    people.updateFields()
    features = []
    for lon, lat, population in ((-0.3707, 49.1829, 1000), (-0.7025, 49.2764, 500)):  # Caen, Bayeux
        feature = QgsFeature(people.fields())
        feature.setAttributes([population])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    people.dataProvider().addFeatures(features)
    result = run_alg("anct:mobile_coverage_gap", {"TERRITORY": "14", "POPULATION": people, "OUTPUT": "memory:"})
    assert result["UNITS"] == 2 and result["POPULATION_BEYOND"] == 0  # 4G sites within 5 km of both towns
