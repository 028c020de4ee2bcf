"""A GeoPackage that receives a new copy of a layer keeps every table readable and GDAL quiet."""

import sqlite3

from osgeo import gdal
from qgis.core import QgsLayerMetadata, QgsVectorLayer

from anct_qgis_plugin.core.storage.gpkg_store import write_new_table


def test_a_second_copy_of_a_layer_takes_its_identifier_without_a_constraint_error(tmp_path):
    path = str(tmp_path / "project.gpkg")
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=a:integer", "qpv", "memory")
    metadata = QgsLayerMetadata()
    metadata.setIdentifier("anct:qpv")
    errors: list[str] = []
    gdal.PushErrorHandler(lambda _class, _number, message: errors.append(message))
    try:
        first = write_new_table(layer, path, "qpv", metadata)
        second = write_new_table(layer, path, "qpv", metadata)
    finally:
        gdal.PopErrorHandler()
    assert errors == []
    with sqlite3.connect(path) as connection:
        identifiers = dict(connection.execute("SELECT table_name, identifier FROM gpkg_contents"))
    assert identifiers == {first: first, second: "anct:qpv"}
    for table in (first, second):  # both still carry the identifier the panel looks for
        copy = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        assert copy.isValid() and copy.metadata().identifier() == "anct:qpv"
