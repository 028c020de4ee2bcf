"""anct:fetch_layer — one catalogue layer for a territory, into a feature sink."""

from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
)

from ...compat import FAST_INSERT, SOURCE_VECTOR_GEOMETRY
from ...core.published.catalogue import LAYER_IDS, SOURCES
from ..support.base import AnctAlgorithm, tr
from ..support.territory_parameters import TerritoryCrsParameters


class FetchLayerAlgorithm(TerritoryCrsParameters, AnctAlgorithm):
    group_id = "data"
    LAYER = "LAYER"
    FEATURE_COUNT = "FEATURE_COUNT"
    SOURCE_DATE = "SOURCE_DATE"

    def name(self):
        return "fetch_layer"

    def displayName(self):
        return tr("Fetch an ANCT layer")

    def menu_text(self):
        return tr("Fetch an ANCT layer…")

    def initAlgorithm(self, config=None):
        self.add_choice(
            self.LAYER,
            tr("Layer"),
            LAYER_IDS,
            "france_services",
            tr("Catalogue id of the layer: ") + ", ".join(f"{s.id} ({s.title_fr})" for s in SOURCES),
        )
        self.add_territory_crs_parameters()
        self.add_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Output layer"), SOURCE_VECTOR_GEOMETRY),
            tr("The layer, restricted to the territory, with the published field names."),
        )
        self.addOutput(QgsProcessingOutputNumber(self.FEATURE_COUNT, tr("Features")))
        self.addOutput(QgsProcessingOutputString(self.SOURCE_DATE, tr("Source date")))

    def run_algorithm(self, parameters, context, feedback):
        from ...core.errors import CancelledError
        from ...core.report import is_cancelled
        from ...core.service import AnctData
        from ..support.atomic_outputs import atomic_outputs
        from ..support.post_processing import style_on_load

        layer_id = self.parameterAsEnumString(parameters, self.LAYER, context)
        data = AnctData()
        territory, crs = self.read_territory_parameters(parameters, context, data, feedback)
        feedback.pushInfo(tr("Fetching {layer} for {territory}").format(layer=layer_id, territory=territory.label))
        built = data.build_layer(layer_id, territory, crs, feedback)
        source = built.layer
        with atomic_outputs(self, parameters, context) as outputs:
            sink, dest_id = outputs.required_sink(self.OUTPUT, source.fields(), source.wkbType(), source.crs())
            for feature in source.getFeatures():
                if is_cancelled(feedback):
                    raise CancelledError(tr("Cancelled: the output is incomplete."))  # never a success
                if not sink.addFeature(QgsFeature(feature), FAST_INSERT):
                    raise QgsProcessingException(
                        tr("Cannot write to the output: {error}").format(error=sink.lastError())
                    )
            dest_id = outputs.final_id(dest_id)
        feedback.pushInfo(
            tr("{n} features — source dated {date}").format(
                n=built.info.feature_count, date=built.info.source_date or "-"
            )
        )
        if built.info.feature_count == 0:
            feedback.pushWarning(
                tr("{title}: no feature in {territory}.").format(title=built.info.title, territory=territory.label)
            )
        style_on_load(context, dest_id, built.info.layer_id, built.info, territory.label)
        return {
            self.OUTPUT: dest_id,
            self.FEATURE_COUNT: built.info.feature_count,
            self.SOURCE_DATE: built.info.source_date,
        }
