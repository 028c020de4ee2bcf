"""anct:check_sources — which file each catalogue source reads today, and whether it still fits."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ...compat import FAST_INSERT, FIELD_LONG, FIELD_STRING, SOURCE_VECTOR_ANY, WKB_NOGEOMETRY
from ..support.base import AnctAlgorithm, tr

COLUMNS = (
    ("source", FIELD_STRING),
    ("title", FIELD_STRING),
    ("status", FIELD_STRING),
    ("file", FIELD_STRING),
    ("url", FIELD_STRING),
    ("source_date", FIELD_STRING),
    ("size_bytes", FIELD_LONG),
    ("rows", FIELD_LONG),
    ("columns_expected", FIELD_STRING),
    ("columns_missing", FIELD_STRING),
    ("columns_found", FIELD_STRING),
    ("unmapped_codes", FIELD_STRING),
    ("message", FIELD_STRING),
)


class CheckSourcesAlgorithm(AnctAlgorithm):
    group_id = "data"
    SAMPLE_DEPARTEMENT = "SAMPLE_DEPARTEMENT"
    FAIL_ON_ERROR = "FAIL_ON_ERROR"
    FAILED = "FAILED"

    def name(self):
        return "check_sources"

    def displayName(self):
        return tr("Check the sources")

    def initAlgorithm(self, config=None):
        self.add_help(
            QgsProcessingParameterString(self.SAMPLE_DEPARTEMENT, tr("Sample département"), "36"),
            tr("Sources published per département (commune outlines, EPCI) are checked for this one."),
        )
        self.add_help(
            QgsProcessingParameterBoolean(self.FAIL_ON_ERROR, tr("Fail when a source fails"), False),
            tr("Stop with an error when a source cannot be read or lacks a column (for scripts and CI)."),
        )
        self.add_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Source check"), SOURCE_VECTOR_ANY),
            tr(
                "One row per source: status, file chosen, source date, size, rows, columns expected, missing and "
                "found, commune codes that match no commune of today, message."
            ),
        )
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, tr("Sources failed")))

    def run_algorithm(self, parameters, context, feedback):
        from ...core.checks.source_check import check_sources
        from ...core.service import AnctData
        from ..support.atomic_outputs import atomic_outputs

        data = AnctData()
        builder = data.builder(feedback)
        checks = check_sources(
            builder, self.parameterAsString(parameters, self.SAMPLE_DEPARTEMENT, context).strip(), feedback
        )
        fields = QgsFields()
        for name, kind in COLUMNS:
            fields.append(QgsField(name, kind))
        with atomic_outputs(self, parameters, context) as outputs:
            sink, dest_id = outputs.required_sink(self.OUTPUT, fields, WKB_NOGEOMETRY, QgsCoordinateReferenceSystem())
            for check in checks:
                feature = QgsFeature(fields)
                feature.setAttributes(
                    [
                        check.source_id,
                        check.title,
                        check.status,
                        check.file_name,
                        check.url,
                        check.source_date,
                        check.size,
                        check.rows,
                        ", ".join(check.columns_expected),
                        ", ".join(check.columns_missing),
                        ", ".join(check.columns_found),
                        check.unmapped_codes,
                        check.message,
                    ]
                )
                sink.addFeature(feature, FAST_INSERT)
            dest_id = outputs.final_id(dest_id)
        failed = [check.source_id for check in checks if check.status == "failed"]
        if failed and self.parameterAsBoolean(parameters, self.FAIL_ON_ERROR, context):
            raise QgsProcessingException(
                tr("{n} sources failed: {sources}").format(n=len(failed), sources=", ".join(failed))
            )
        return {self.OUTPUT: dest_id, self.FAILED: len(failed)}
