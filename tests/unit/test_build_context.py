"""A strategy reads its catalogue entry's geometry as the kind it builds, or says the entry is wrong."""

import pytest

from anct_qgis_plugin.core.building.build_context import geometry_of
from anct_qgis_plugin.core.errors import AnctError
from anct_qgis_plugin.core.published.catalogue import DissolveCommunes, JoinCommunes, get_source


def test_the_geometry_of_the_kind_asked_is_the_entrys_own():
    source = get_source("epci")
    assert geometry_of(source, DissolveCommunes) is source.geometry


def test_an_entry_of_another_kind_is_named_with_both_kinds():
    with pytest.raises(AnctError) as raised:
        geometry_of(get_source("france_services"), JoinCommunes)
    message = str(raised.value)
    assert "'france_services'" in message
    assert "PointsFromColumns" in message and "JoinCommunes" in message


def test_a_table_without_geometry_is_no_layer_of_any_kind():
    with pytest.raises(AnctError, match="'qpv_list'"):
        geometry_of(get_source("qpv_list"), JoinCommunes)
