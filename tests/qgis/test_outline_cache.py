"""Outline layers kept for the session (core/building/outline_cache.py): built once per version of their
files, built again when a file changes, and a copy for each caller."""

import json
from pathlib import Path

from qgis.core import QgsGeometry

from anct_qgis_plugin.core.building import layers
from anct_qgis_plugin.core.building.layers import LayerBuilder
from anct_qgis_plugin.core.published.catalogue import NativeGeometry
from anct_qgis_plugin.core.service import AnctData

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mirror" / "geo.api.gouv.fr"
INDRE = "communes@codeDepartement=36&format=geojson&geometry=contour"


def _counted_builds(monkeypatch):
    """The ids of the layers the native strategy builds (a layer taken from the cache is not built)."""
    built, native = [], layers._STRATEGIES[NativeGeometry]
    monkeypatch.setitem(
        layers._STRATEGIES, NativeGeometry, lambda *args: built.append(args[1].source.id) or native(*args)
    )
    return built


def _content(layer):
    return [(f.attributes(), f.geometry().asWkt(1)) for f in layer.getFeatures()]


def test_outlines_are_built_once_for_the_same_files(anct_env, qgis_app, feedback, monkeypatch):
    built = _counted_builds(monkeypatch)
    data = AnctData()
    indre = data.resolve_territory("36", feedback)
    first = data.build_layer("communes", indre, feedback=feedback)
    second = data.build_layer("communes", indre, feedback=feedback)  # another builder, the same session
    assert built == ["communes"]
    assert second.layer is not first.layer and second.layer.featureCount() == 6
    assert _content(second.layer) == _content(first.layer)
    assert second.layer.name() == first.layer.name() and second.layer.crs() == first.layer.crs()
    assert second.info.population_source == first.info.population_source != ""
    assert second.info.urls == first.info.urls and second.info.feature_count == 6
    other_crs = data.build_layer("communes", indre, crs="EPSG:4326", feedback=feedback)
    assert built == ["communes", "communes"] and other_crs.layer.crs().authid() == "EPSG:4326"


def test_a_caller_editing_its_outlines_does_not_change_the_next_ones(anct_env, qgis_app, feedback):
    data = AnctData()
    indre = data.resolve_territory("36", feedback)
    mine = data.build_layer("communes", indre, feedback=feedback).layer
    untouched = _content(mine)
    first, last = [feature.id() for feature in mine.getFeatures()][:: len(untouched) - 1]
    provider = mine.dataProvider()
    provider.changeAttributeValues({first: {mine.fields().indexOf("nom"): "Nowhere"}})
    provider.changeGeometryValues({first: QgsGeometry.fromWkt("MultiPolygon(((0 0, 1 0, 1 1, 0 0)))")})
    provider.deleteFeatures([last])
    assert mine.featureCount() == 5
    again = data.build_layer("communes", indre, feedback=feedback).layer
    assert _content(again) == untouched


def test_outlines_are_built_again_when_their_cached_file_changes(
    anct_env, qgis_app, feedback, monkeypatch, mirror_server
):
    built = _counted_builds(monkeypatch)
    data = AnctData()
    index = data.territory_index(feedback)
    indre = index.resolve("36")
    assert LayerBuilder(data.fetcher, index, "fr", feedback).build("communes", indre).layer.featureCount() == 6
    # The publisher's next answer lacks a commune: a refresh replaces the cached file.
    document = json.loads((FIXTURES / INDRE).read_text(encoding="utf-8"))
    document["features"] = document["features"][1:]
    mirror_server.add_fault(INDRE, "body", body=json.dumps(document), content_type="application/geo+json")
    refreshed = LayerBuilder(data.with_settings(ttl_hours=0).fetcher, index, "fr", feedback)
    assert refreshed.build("communes", indre).layer.featureCount() == 5
    assert built == ["communes", "communes"]
    # The same file again: kept.
    assert LayerBuilder(data.fetcher, index, "fr", feedback).build("communes", indre).layer.featureCount() == 5
    assert built == ["communes", "communes"]
