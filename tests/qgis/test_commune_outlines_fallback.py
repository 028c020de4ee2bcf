"""Commune outlines when geo.api.gouv.fr fails or answers without geometry (issue 20 §3): they come
from IGN ADMIN EXPRESS (the Géoplateforme WFS, paged as the road sections are), the population
from the national commune table, and the metadata names the WFS."""

import json

import pytest
from qgis.core import QgsVectorLayer

from anct_qgis_plugin.core.building.provenance import layer_metadata
from anct_qgis_plugin.core.checks.status import ABSENT, FRESH, OFFLINE
from anct_qgis_plugin.core.roads.commune_wfs import TYPENAME, commune_page_url, departement_pages
from anct_qgis_plugin.core.service import AnctData

NATIONAL_POPULATION = {"36044": 42963, "36088": 11159}  # the fixtures' national table (ADMIN EXPRESS: 7 fewer)


def geometry_null_answer():
    features = [
        {
            "type": "Feature",
            "properties": {
                "nom": "Châteauroux",
                "code": "36044",
                "codesPostaux": ["36000"],
                "siren": "213600448",
                "codeEpci": "243600327",
                "codeDepartement": "36",
                "codeRegion": "24",
                "population": 42963,
            },
            "geometry": None,
        }
    ]
    return json.dumps({"type": "FeatureCollection", "features": features})


@pytest.mark.parametrize("fault", ["status 500", "no geometry"])
def test_commune_outlines_fall_back_to_admin_express(anct_env, run_alg, mirror_server, feedback, fault):
    if fault == "status 500":
        mirror_server.add_fault("codeDepartement=36", "status", code=500)
    else:
        mirror_server.add_fault("codeDepartement=36", "body", body=geometry_null_answer())
    result = run_alg("anct:fetch_layer", {"LAYER": "communes", "TERRITORY": "36", "OUTPUT": "memory:"})
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])
    assert layer.featureCount() == 6 and all(f.hasGeometry() for f in layer.getFeatures())
    # geo.api's field names whichever service gave the outlines: every consumer (figures, gaps,
    # atlas, service_gap's POPULATION_CODE_FIELD default) reads `code`, `nom`, `codeEpci`.
    assert {"code", "nom", "codeDepartement", "codeEpci", "population"} <= set(layer.fields().names())
    population = {f["code"]: f["population"] for f in layer.getFeatures()}
    assert {code: population[code] for code in NATIONAL_POPULATION} == NATIONAL_POPULATION
    assert mirror_server.count("ADMINEXPRESS-COG-CARTO.LATEST%3Acommune") >= 2  # the probe, then the page
    assert any(TYPENAME in warning and "geo.api.gouv.fr" in warning for warning in feedback.warnings)


def test_the_metadata_names_the_wfs_source(anct_env, mirror_server):
    mirror_server.add_fault("codeDepartement=36", "status", code=500)
    data = AnctData(language="en")
    built = data.build_layer("communes", data.resolve_territory("36"))
    metadata = layer_metadata(built.info, "Indre (36)")
    assert "IGN — Géoplateforme (ADMIN EXPRESS COG CARTO)" in metadata.abstract()
    assert [link.url for link in metadata.links()] == [commune_page_url("36", 0)]
    assert "Municipal population (INSEE) of the national commune table" in built.info.population_source
    assert any(TYPENAME in warning for warning in built.info.warnings)


def test_the_epci_layer_falls_back_too(anct_env, run_alg, mirror_server):
    mirror_server.add_fault("codeDepartement=36", "status", code=500)
    result = run_alg("anct:fetch_layer", {"LAYER": "epci", "TERRITORY": "36", "OUTPUT": "memory:"})
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])
    assert layer.featureCount() >= 2 and all(f.hasGeometry() for f in layer.getFeatures())
    assert mirror_server.count("ADMINEXPRESS-COG-CARTO.LATEST%3Acommune") >= 2


def test_the_cache_column_sees_the_outlines_the_fallback_cached(anct_env, mirror_server, monkeypatch):
    """geo.api fails, the WFS gives the outlines: the panel's cache column says they are cached (not
    "absent"), offline too, the layer loads offline from them, and Purge removes the pages."""
    mirror_server.add_fault("codeDepartement=36", "status", code=500)
    data = AnctData(language="en")
    territory = data.resolve_territory("36")
    assert data.cache_status("communes", territory).state == ABSENT
    data.build_layer("communes", territory)
    status = data.cache_status("communes", territory)
    assert status.state == FRESH and status.size > 0
    assert data.cache_status("epci", territory).state == FRESH  # the same outlines
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")
    offline = AnctData(language="en")
    assert offline.cache_status("communes", territory).state == OFFLINE
    asked = mirror_server.count("ADMINEXPRESS-COG-CARTO.LATEST%3Acommune")
    layer = offline.build_layer("communes", territory).layer
    assert layer.featureCount() == 6 and all(f.hasGeometry() for f in layer.getFeatures())
    assert mirror_server.count("ADMINEXPRESS-COG-CARTO.LATEST%3Acommune") == asked  # from the cache alone
    pages = departement_pages(offline.fetcher.cache, "36")
    assert commune_page_url("36", 0) in pages
    assert offline.purge(["communes", "epci"], territory) >= len(pages)  # the index, the probe, the page
    assert departement_pages(offline.fetcher.cache, "36") == []
    assert all(offline.fetcher.cache.lookup(url) is None for url in pages)
    assert offline.cache_status("communes", territory).state == ABSENT
