"""anct:fetch_indicator — an Observatoire des territoires indicator on the outlines of its places
(the reading and the join: core/published/observatoire.py and core/building/indicator_layer.py)."""

from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...compat import FAST_INSERT, SOURCE_VECTOR_POLYGON
from ..support.base import AnctAlgorithm, tr
from ..support.territory_parameters import TerritoryCrsParameters

LEVELS = ("communes", "epci", "departements", "regions")


class FetchIndicatorAlgorithm(TerritoryCrsParameters, AnctAlgorithm):
    group_id = "data"
    INDICATOR = "INDICATOR"
    LEVEL = "LEVEL"
    YEAR = "YEAR"
    FILE = "FILE"
    FIELD = "FIELD"
    UNMAPPED = "UNMAPPED"
    FEATURE_COUNT = "FEATURE_COUNT"

    def name(self):
        return "fetch_indicator"

    def displayName(self):
        return tr("Fetch an Observatoire des territoires indicator")

    def initAlgorithm(self, config=None):
        from ...core.published.observatoire_indicators import CURATED

        self.add_help(
            QgsProcessingParameterString(self.INDICATOR, tr("Indicator (dataset.indic or map link)"), optional=True),
            tr(
                "The Observatoire's id dataset.indic (insee_rp_hist_1968.dens_pop), or a link of its map pasted "
                "as is (…#c=indicator&i=… or …?indics=…). Optional with a file whose metadata sheet links it. "
                "Curated ids (titled with their label and unit): {ids}"
            ).format(ids=", ".join(entry.id for entry in CURATED)),
        )
        self.add_choice(
            self.LEVEL,
            tr("Level"),
            LEVELS,
            "communes",
            tr(
                "communes (com2025), epci (epci2025, dissolved as the catalogue's EPCI layer), departements (dep), "
                "regions (reg, where the Observatoire publishes it)."
            ),
        )
        self.add_help(
            QgsProcessingParameterString(self.YEAR, tr("Year"), optional=True),
            tr("Empty: the latest year published; a year as published (2021, 2013-2018); all: every year as columns."),
        )
        self.add_territory_crs_parameters()
        self.add_help(
            QgsProcessingParameterFile(
                self.FILE,
                tr("Downloaded file"),
                optional=True,
                fileFilter=tr("CSV or XLSX (*.csv *.xlsx *.CSV *.XLSX)"),
            ),
            tr(
                "An answer of the Observatoire's API (CSV or XLSX) or an export of its map (CSV or XLSX), read "
                "instead of downloading; recognised by its content."
            ),
            advanced=True,
        )
        self.add_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Indicator layer"), SOURCE_VECTOR_POLYGON),
            tr("Every place of the level in the territory: code, name, the value (NULL: n.d.) and year."),
        )
        self.addOutput(QgsProcessingOutputString(self.FIELD, tr("Value field")))
        self.addOutput(QgsProcessingOutputNumber(self.UNMAPPED, tr("Codes matching no place")))
        self.addOutput(QgsProcessingOutputNumber(self.FEATURE_COUNT, tr("Features")))

    def run_algorithm(self, parameters, context, feedback):
        from ...core.building.indicator_layer import IndicatorRequest
        from ...core.published.observatoire import parse_indicator
        from ...core.service import AnctData
        from ..support.atomic_outputs import atomic_outputs
        from ..support.post_processing import style_indicator_on_load

        text = self.parameterAsString(parameters, self.INDICATOR, context).strip()
        path = self.parameterAsFile(parameters, self.FILE, context)
        if not text and not path:
            raise QgsProcessingException(tr("Give an indicator (dataset.indic or a map link) or a downloaded file."))
        data = AnctData()
        territory, crs = self.read_territory_parameters(parameters, context, data, feedback)
        request = IndicatorRequest(
            parse_indicator(text) if text else None,
            self.parameterAsEnumString(parameters, self.LEVEL, context),
            territory,
            self.parameterAsString(parameters, self.YEAR, context).strip().lower(),
            path,
            crs,
        )
        result = data.indicator_layer(request, feedback)
        with atomic_outputs(self, parameters, context) as outputs:
            dest_id = self._write(result.layer, outputs, feedback)
        feedback.pushInfo(
            tr("{title}: {n} places of {territory}, field {field}").format(
                title=result.title, n=result.info.feature_count, territory=territory.label, field=result.field
            )
        )
        style_indicator_on_load(context, dest_id, result, territory.label)
        return {
            self.OUTPUT: dest_id,
            self.FIELD: result.field,
            self.UNMAPPED: len(result.unmapped),
            self.FEATURE_COUNT: result.info.feature_count,
        }

    def _write(self, source, outputs, feedback):
        from ...core.errors import CancelledError
        from ...core.report import is_cancelled

        sink, dest_id = outputs.required_sink(self.OUTPUT, source.fields(), source.wkbType(), source.crs())
        for feature in source.getFeatures():
            if is_cancelled(feedback):
                raise CancelledError(tr("Cancelled: the output is incomplete."))  # never a success
            if not sink.addFeature(QgsFeature(feature), FAST_INSERT):
                raise QgsProcessingException(tr("Cannot write to the output: {error}").format(error=sink.lastError()))
        del sink  # closed before it is moved into place
        return outputs.final_id(dest_id)
