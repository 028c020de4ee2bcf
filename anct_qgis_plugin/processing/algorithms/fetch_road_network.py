"""anct:fetch_road_network — IGN BD TOPO road sections of a territory and its surroundings,
ready for road times: the published fields, plus ``speed_kmh`` and ``direction``."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
)

from ...diagnostics.vocabulary import BDTOPO_CAR_NATURES, BDTOPO_NATURES
from ..support.base import AnctAlgorithm, tr
from ..support.network_parameters import add_buffer_parameter


class FetchRoadNetworkAlgorithm(AnctAlgorithm):
    group_id = "data"
    BUFFER_KM = "BUFFER_KM"
    ROAD_CLASSES = "ROAD_CLASSES"
    SECTION_COUNT = "SECTION_COUNT"
    SOURCE = "SOURCE"

    def name(self):
        return "fetch_road_network"

    def displayName(self):
        return tr("Fetch the road network (IGN BD TOPO)")

    def initAlgorithm(self, config=None):
        self.add_territory_parameter()
        add_buffer_parameter(self, self.BUFFER_KM)
        self.add_choice(
            self.ROAD_CLASSES,
            tr("Road natures kept"),
            BDTOPO_NATURES,
            list(BDTOPO_CAR_NATURES),
            tr(
                "BD TOPO 'nature' values kept. Default: the roads a car uses (Type autoroutier, Route à 2 chaussées, "
                "Route à 1 chaussée, Bretelle, Rond-point, Route empierrée). Left out: Chemin (tracks, 1 km/h in BD "
                "TOPO), Sentier and Escalier (on foot), Piste cyclable, Bac ou liaison maritime (timetables). Sections "
                "closed to light vehicles are always left out."
            ),
            multiple=True,
        )
        self.add_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Road network")),
            tr(
                "Lines with every published field, speed_kmh (vitesse_moyenne_vl, or a default by nature and "
                "importance) and direction (0 both ways, 1 digitising direction, 2 reverse)."
            ),
        )
        self.addOutput(QgsProcessingOutputNumber(self.SECTION_COUNT, tr("Road sections")))
        self.addOutput(QgsProcessingOutputString(self.SOURCE, tr("Source and date")))

    def run_algorithm(self, parameters, context, feedback):
        from ...core.roads.road_layer import SectionWriter
        from ...core.roads.road_source import fetch_sections, territory_area
        from ...core.service import AnctData
        from ...diagnostics.road_profiles import BdTopoProfile
        from ..support.atomic_outputs import atomic_outputs
        from ..support.post_processing import style_on_load

        data = AnctData()
        territory = data.resolve_territory(self.parameterAsString(parameters, self.TERRITORY, context), feedback)
        buffer_m = self.parameterAsDouble(parameters, self.BUFFER_KM, context) * 1000.0
        natures = self.parameterAsEnumStrings(parameters, self.ROAD_CLASSES, context) or list(BDTOPO_CAR_NATURES)
        area = territory_area(data.builder(feedback), territory, territory.crs, buffer_m)
        feedback.pushInfo(
            tr("Road sections of {territory} and {km:g} km around").format(
                territory=territory.label, km=buffer_m / 1000
            )
        )
        crs = QgsCoordinateReferenceSystem(territory.crs)
        with atomic_outputs(self, parameters, context) as outputs:
            created = {}

            def open_sink(fields, wkb_type):
                sink, created["id"] = outputs.sink(self.OUTPUT, fields, wkb_type, crs)
                return sink

            writer = SectionWriter(open_sink)
            reader, pages = fetch_sections(
                data.fetcher, area, territory.crs, BdTopoProfile(natures), feedback, writer.write
            )
            if writer.sink is None:
                raise QgsProcessingException(
                    tr("No section of the natures kept ({natures}) in {territory}.").format(
                        natures=", ".join(natures), territory=territory.label
                    )
                )
            writer.close()
            results = {
                self.OUTPUT: outputs.final_id(created["id"]),
                self.SECTION_COUNT: writer.count,
                self.SOURCE: pages.describe(),
            }
        feedback.pushInfo(
            tr("{n} sections kept of {read} read; {source}").format(
                n=writer.count, read=reader.read, source=results[self.SOURCE]
            )
        )
        style_on_load(context, results[self.OUTPUT], "road_network")
        return results
