"""A GeoPackage that receives a new copy of a layer keeps every table readable and GDAL quiet."""

import sqlite3

from osgeo import gdal
from qgis.core import QgsLayerMetadata, QgsVectorLayer

from anct_qgis_plugin.core.storage.gpkg_store import write_new_table
from tests.qgis.test_panel_storage import hold_write_lock


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


def test_a_table_read_back_while_another_process_commits_is_waited_for(tmp_path):
    from anct_qgis_plugin.core.storage.gpkg_store import open_table

    path = str(tmp_path / "project.gpkg")
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=a:integer", "qpv", "memory")
    table = write_new_table(layer, path, "qpv")
    holder = hold_write_lock(path, 1.5, "EXCLUSIVE")
    try:
        read = open_table(path, table, "read back", wait_s=10)
    finally:
        holder.wait()
    assert read is not None and read.isValid() and read.name() == "read back"


def test_a_table_that_is_not_there_is_not_waited_for(tmp_path):
    import time

    from anct_qgis_plugin.core.storage.gpkg_store import open_table

    path = str(tmp_path / "project.gpkg")
    write_new_table(QgsVectorLayer("Point?crs=EPSG:4326", "qpv", "memory"), path, "qpv")
    started = time.monotonic()
    assert open_table(path, "absent", "absent", wait_s=10) is None
    assert time.monotonic() - started < 2
