"""Codes of a source table arrive padded (the reader lives with the layer builder, in QGIS)."""

from anct_qgis_plugin.core.building.source_tables import read_source_table
from anct_qgis_plugin.core.published.catalogue import get_source


def test_a_source_csv_gets_its_codes_padded(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text(
        "code_op;num_site;x;y;insee_com;insee_dep;site_4g;site_DCC\n20801;A1;1041000;6297000;6088;6;1;0\n",
        encoding="latin-1",
    )
    source = get_source("mobile_sites")
    table, columns, position = read_source_table(source, str(path), source.columns)
    assert table.rows[0][position["insee_com"]] == "06088" and table.rows[0][position["insee_dep"]] == "06"
