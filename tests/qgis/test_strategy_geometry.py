"""The strategies' own errors: a catalogue entry handed to the wrong strategy, outlines with no file
to read — each the plugin's error naming what is wrong, not an AttributeError deep in the strategy."""

import re

import pytest
from qgis.core import QgsCoordinateReferenceSystem

from anct_qgis_plugin.core.building.build_context import BuildRequest
from anct_qgis_plugin.core.building.commune_joins import joined_layer
from anct_qgis_plugin.core.building.layer_info import source_info
from anct_qgis_plugin.core.building.native_layers import dissolved_layer, native_layer
from anct_qgis_plugin.core.building.point_layers import points_layer
from anct_qgis_plugin.core.errors import AnctError, ParseError
from anct_qgis_plugin.core.published.catalogue import get_source
from anct_qgis_plugin.core.service import AnctData


@pytest.mark.parametrize(
    ("strategy", "kind"),
    [(points_layer, "PointsFromColumns"), (joined_layer, "JoinCommunes"), (dissolved_layer, "DissolveCommunes")],
)
def test_a_strategy_handed_an_entry_of_another_kind_names_it(strategy, kind):
    # The check comes before anything is read: nothing else is handed.
    with pytest.raises(AnctError, match=f"'communes'.*NativeGeometry.*{kind}"):
        strategy(None, BuildRequest(get_source("communes"), [], None, None, None))


def test_outlines_without_a_file_are_an_error_naming_the_layer_and_territory(anct_env):
    data = AnctData()
    builder, indre = data.builder(), data.resolve_territory("36")
    source = get_source("communes")
    info_ = source_info(source, "en")
    with pytest.raises(ParseError, match=re.escape(f"{info_.title}: no file to read for {indre.label}.")):
        native_layer(builder, BuildRequest(source, [], indre, QgsCoordinateReferenceSystem(indre.crs), info_))
