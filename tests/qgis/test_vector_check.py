"""The check of a new vector file before it replaces the cached copy: a good GeoJSON file is parsed by
Python's json module, not opened with OGR (the build opens it anyway: a cold national run read each of
the 101 outline files twice); every bad file still fails with OGR's verdict and message."""

import json
import shutil
from pathlib import Path

import pytest

from anct_qgis_plugin.core.building import source_files
from anct_qgis_plugin.core.errors import ParseError
from anct_qgis_plugin.core.published.catalogue import get_source

INDRE = (
    Path(__file__).parent.parent
    / "fixtures/mirror/geo.api.gouv.fr/communes@codeDepartement=36&format=geojson&geometry=contour"
)


def check(path):
    source_files._check(get_source("communes"))(str(path))


def collection(features):
    return json.dumps({"type": "FeatureCollection", "features": features})


def test_a_good_geojson_file_is_checked_without_opening_it_with_ogr(qgis_app, tmp_path, monkeypatch):
    path = tmp_path / "part.geojson"
    shutil.copyfile(INDRE, path)

    def opened_with_ogr(*_args):
        raise AssertionError("the check opened the file with OGR")

    monkeypatch.setattr(source_files, "open_source_vector", opened_with_ogr)
    check(path)


def indre_features():
    return json.loads(INDRE.read_text(encoding="utf-8"))["features"]


BAD = {
    "truncated": lambda: INDRE.read_text(encoding="utf-8")[:300],
    "not GeoJSON": lambda: '{"message": "quota exceeded"}',
    "no feature": lambda: collection([]),
    "no geometry": lambda: collection([{**feature, "geometry": None} for feature in indre_features()]),
    "a column missing": lambda: collection(
        [{**f, "properties": {k: v for k, v in f["properties"].items() if k != "code"}} for f in indre_features()]
    ),
}
MISSING_CODE = "Column 'code / code_insee / insee_com' is missing in part.geojson (source 'communes'); columns found: "
MESSAGES = {  # the messages of the check before it parsed GeoJSON itself: OGR's
    "truncated": "part.geojson (source 'communes') cannot be read as a vector layer.",
    "not GeoJSON": "part.geojson (source 'communes') cannot be read as a vector layer.",
    "no feature": MISSING_CODE + "-",
    "no geometry": "part.geojson (source 'communes') has no geometry.",
    "a column missing": MISSING_CODE + "nom, codeDepartement, siren, codeEpci, codeRegion, codesPostaux, population",
}


@pytest.mark.parametrize("fault", list(BAD))
def test_a_bad_file_fails_with_ogrs_message(qgis_app, tmp_path, fault):
    path = tmp_path / "part.geojson"
    path.write_text(BAD[fault](), encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        check(path)
    assert str(raised.value) == MESSAGES[fault]
