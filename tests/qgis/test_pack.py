"""anct:fetch_territory_pack: one GeoPackage, one table per layer, a sources table; a failure
never damages an existing pack."""

import sqlite3

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from anct_qgis_plugin.core.published.catalogue import PACK_LAYER_IDS


def tables(path):
    with sqlite3.connect(path) as db:
        return {name for (name,) in db.execute("SELECT table_name FROM gpkg_contents")}


def sources(path):
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return {row["layer_id"]: dict(row) for row in db.execute("SELECT * FROM anct_sources")}


def test_pack_for_indre(anct_env, run_alg, tmp_path):
    output = tmp_path / "indre.gpkg"
    result = run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(output)})
    assert result["LAYERS_WRITTEN"] == len(PACK_LAYER_IDS) and result["LAYERS_UNAVAILABLE"] == 0
    assert tables(output) == set(PACK_LAYER_IDS) | {"anct_sources"}
    rows = sources(output)
    assert rows["france_services"]["features"] == 7 and rows["france_services"]["source_date"] == "2024-08-01"
    assert rows["qpv"]["message"].count("repaired") == 1
    assert all(row["licence"].startswith("Licence Ouverte") for row in rows.values())
    communes = QgsVectorLayer(f"{output}|layername=communes")
    assert communes.featureCount() == 6 and communes.crs().authid() == "EPSG:2154"


def test_unavailable_layer_is_recorded_not_fatal(anct_env, run_alg, mirror_server, tmp_path, feedback):
    mirror_server.add_fault("data.arcep.fr/mobile/sites", "status", code=404)
    output = tmp_path / "indre.gpkg"
    result = run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(output)})
    assert result["LAYERS_UNAVAILABLE"] == 1
    row = sources(output)["mobile_sites"]
    assert row["status"] == "unavailable" and "No edition" in row["message"]
    assert "mobile_sites" not in tables(output)
    assert any("mobile_sites" in warning for warning in feedback.warnings)


def test_failed_pack_leaves_the_previous_one_intact(anct_env, run_alg, mirror_server, tmp_path):
    output = tmp_path / "indre.gpkg"
    output.write_bytes(b"previous pack")
    mirror_server.add_fault("geo.api.gouv.fr/regions", "status", code=503)
    with pytest.raises(QgsProcessingException, match="HTTP 503"):
        run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(output)})
    assert output.read_bytes() == b"previous pack"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("indre")] == ["indre.gpkg"]


def test_pack_is_an_offline_source(anct_env, run_alg, tmp_path, monkeypatch):
    """After a pack, the same territory loads offline from the cache."""
    run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(tmp_path / "p.gpkg")})
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")
    result = run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(tmp_path / "q.gpkg")})
    assert result["LAYERS_UNAVAILABLE"] == 0
