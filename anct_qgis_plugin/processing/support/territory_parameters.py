"""TERRITORY and CRS, the parameters of the data algorithms: declared and read."""

from qgis.core import QgsProcessingException, QgsProcessingParameterCrs

from .base import tr


class TerritoryCrsParameters:
    """Mixed into the data algorithms: TERRITORY and CRS, declared and read."""

    CRS = "CRS"

    def add_territory_crs_parameters(self):
        self.add_territory_parameter()
        self.add_help(
            QgsProcessingParameterCrs(self.CRS, tr("Output CRS"), optional=True),
            tr("Leave empty for EPSG:2154 in metropolitan France and the local projected CRS overseas."),
        )

    def read_territory_parameters(self, parameters, context, data, feedback):
        territory = data.resolve_territory(self.parameterAsString(parameters, self.TERRITORY, context), feedback)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid() and parameters.get(self.CRS) not in (None, ""):
            raise QgsProcessingException(
                tr("'{crs}' is not a coordinate reference system QGIS knows.").format(crs=parameters.get(self.CRS))
            )
        return territory, (crs.authid() if crs.isValid() else None)
