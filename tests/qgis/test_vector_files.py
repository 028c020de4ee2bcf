"""Vector files opened through OGR (QGIS), ZIP-wrapped or damaged."""

import zipfile

import pytest

from anct_qgis_plugin.core.errors import ParseError
from anct_qgis_plugin.core.published.parsers import open_vector

GEOJSON = (
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
    '{"code_qp": "QN03601M", "insee_com": "36044"}, "geometry": {"type": "Point", '
    '"coordinates": [1.69, 46.81]}}]}'
)


def written(path, content):
    path.write_bytes(content)
    return path


def test_zip_wrapped_geojson(qgis_app, tmp_path):
    path = tmp_path / "qp.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("GEOJSON/QP2024.geojson", GEOJSON)
        archive.writestr("LISEZMOI.txt", "notice")
    layer, mapping = open_vector(str(path), "qpv", {"code_qp": ("code_qp",)})
    assert layer.featureCount() == 1 and mapping == {"code_qp": "code_qp"}


def test_damaged_zip_and_missing_column(qgis_app, tmp_path):
    with pytest.raises(ParseError, match="cannot be read"):
        open_vector(str(written(tmp_path / "qp.zip", b"PK\x03\x04 broken")), "qpv")
    with pytest.raises(ParseError, match="lib_qp"):
        open_vector(str(written(tmp_path / "qp.geojson", GEOJSON.encode())), "qpv", {"lib_qp": ("lib_qp",)})
