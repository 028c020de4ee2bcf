"""anct:programme_matrix — one row per commune, one column per programme, with totals."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
)

from ...compat import FAST_INSERT, FIELD_DOUBLE, FIELD_STRING, SOURCE_VECTOR_ANY, WKB_NOGEOMETRY
from ...core.published.table_names import PROGRAMME_TABLES
from ..support.base import AnctAlgorithm, tr


class ProgrammeMatrixAlgorithm(AnctAlgorithm):
    group_id = "diagnostics"
    CROSS_TABLE = "CROSS_TABLE"

    def name(self):
        return "programme_matrix"

    def displayName(self):
        return tr("Programme matrix (commune × programme)")

    def initAlgorithm(self, config=None):
        self.add_territory_parameter()
        self.add_help(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Matrix"), SOURCE_VECTOR_ANY),
            tr(
                "Rows with level = commune: the programme ids of each commune ({tables}) and nb_programmes; rows "
                "with level = epci and departement: the number of communes in each programme, communes and "
                "population."
            ).format(tables=", ".join(PROGRAMME_TABLES)),
        )
        self.add_help(
            QgsProcessingParameterBoolean(
                self.CROSS_TABLE, tr("Read the programmes from ANCT's cross-table"), defaultValue=False
            ),
            tr(
                "One download (croisement des dispositifs, ngeo-anct-cog<COG>.csv) instead of one per programme; a "
                "programme whose own list is newer than the cross-table is read from its list. The log says which "
                "vintage each programme comes from."
            ),
        )

    def run_algorithm(self, parameters, context, feedback):
        from ...engine.programmes import programme_matrix_of
        from ..support.atomic_outputs import atomic_outputs

        result = programme_matrix_of(
            self.parameterAsString(parameters, self.TERRITORY, context),
            self.parameterAsBoolean(parameters, self.CROSS_TABLE, context),
            feedback,
        )
        matrix, present, columns = result.table, result.programmes, result.columns
        fields = QgsFields()
        for name in columns:
            numeric = name in ("population", "communes", "nb_programmes")
            fields.append(QgsField("departement" if name == "dep" else name, FIELD_DOUBLE if numeric else FIELD_STRING))
        with atomic_outputs(self, parameters, context) as outputs:
            sink, dest_id = outputs.required_sink(self.OUTPUT, fields, WKB_NOGEOMETRY, QgsCoordinateReferenceSystem())
            for row in matrix[columns].itertuples(index=False):
                feature = QgsFeature(fields)
                feature.setAttributes(
                    [
                        None if value is None else (float(value) if isinstance(value, (int, float)) else str(value))
                        for value in row
                    ]
                )
                sink.addFeature(feature, FAST_INSERT)
            dest_id = outputs.final_id(dest_id)
        feedback.pushInfo(
            tr("{n} communes, programmes: {programmes}").format(
                n=int((matrix["level"] == "commune").sum()), programmes=", ".join(present)
            )
        )
        return {self.OUTPUT: dest_id}
