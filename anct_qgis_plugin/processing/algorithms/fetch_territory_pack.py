"""anct:fetch_territory_pack — every catalogue layer for a territory into one GeoPackage."""

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFileDestination

from ...core.published.table_names import SOURCES_TABLE
from ..support.base import AnctAlgorithm, tr
from ..support.territory_parameters import TerritoryCrsParameters


class FetchTerritoryPackAlgorithm(TerritoryCrsParameters, AnctAlgorithm):
    group_id = "data"
    LAYERS_WRITTEN = "LAYERS_WRITTEN"
    LAYERS_UNAVAILABLE = "LAYERS_UNAVAILABLE"

    def name(self):
        return "fetch_territory_pack"

    def displayName(self):
        return tr("Fetch a territory pack (GeoPackage)")

    def menu_text(self):
        return tr("Fetch a territory pack…")

    def initAlgorithm(self, config=None):
        self.add_territory_crs_parameters()
        self.add_help(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("GeoPackage"), tr("GeoPackage (*.gpkg)")),
            tr(
                "One table per catalogue layer plus a table '{table}' describing sources, dates "
                "and layers that could not be had."
            ).format(table=SOURCES_TABLE),
        )
        self.addOutput(QgsProcessingOutputNumber(self.LAYERS_WRITTEN, tr("Layers written")))
        self.addOutput(QgsProcessingOutputNumber(self.LAYERS_UNAVAILABLE, tr("Layers unavailable")))

    def run_algorithm(self, parameters, context, feedback):
        from ...core.service import AnctData
        from ...core.storage.pack import write_pack

        data = AnctData()
        territory, crs = self.read_territory_parameters(parameters, context, data, feedback)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        entries = write_pack(data.builder(feedback), territory, path, crs, feedback=feedback)
        written = sum(1 for entry in entries if entry.status == "ok")
        for entry in entries:
            feedback.pushInfo(f"{entry.layer_id}: {entry.status}, {entry.features}")
            if entry.status == "ok":
                self.note_written(self.OUTPUT, path, entry.features, table=entry.layer_id)
        self.note_written(self.OUTPUT, path, len(entries), table=SOURCES_TABLE)
        return {self.OUTPUT: path, self.LAYERS_WRITTEN: written, self.LAYERS_UNAVAILABLE: len(entries) - written}
