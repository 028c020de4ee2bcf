"""anct:fetch_territory_pack — every catalogue layer for a territory into one GeoPackage."""
from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFileDestination

from ...core.pack import SOURCES_TABLE, write_pack
from ...core.service import AnctData
from .base import AnctAlgorithm, tr
from .fetch_layer import add_territory_parameters, read_territory_parameters


class FetchTerritoryPackAlgorithm(AnctAlgorithm):
    group_id = "data"

    def name(self):
        return "fetch_territory_pack"

    def displayName(self):
        return tr("Fetch a territory pack (GeoPackage)")

    def initAlgorithm(self, config=None):
        add_territory_parameters(self)
        self.add_help(QgsProcessingParameterFileDestination("OUTPUT", tr("GeoPackage"), tr("GeoPackage (*.gpkg)")),
                      tr("One table per catalogue layer plus a table '{table}' describing sources, dates "
                         "and layers that could not be had.").format(table=SOURCES_TABLE))
        self.addOutput(QgsProcessingOutputNumber("LAYERS_WRITTEN", tr("Layers written")))
        self.addOutput(QgsProcessingOutputNumber("LAYERS_UNAVAILABLE", tr("Layers unavailable")))

    def run_algorithm(self, parameters, context, feedback):
        data = AnctData()
        territory, crs = read_territory_parameters(self, parameters, context, data, feedback)
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        entries = write_pack(data.builder(feedback), territory, path, crs, feedback=feedback)
        written = sum(1 for entry in entries if entry.status == "ok")
        for entry in entries:
            feedback.pushInfo(f"{entry.layer_id}: {entry.status}, {entry.features}")
        return {"OUTPUT": path, "LAYERS_WRITTEN": written, "LAYERS_UNAVAILABLE": len(entries) - written}
