"""The service-gap parameters of the key-figure algorithms (the profile and the atlas)."""

from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber

from ...compat import NUMBER_DOUBLE, SOURCE_VECTOR_LINE
from .base import tr
from .network_parameters import check_network_lines


class GapParameters:
    """Mixed into an AnctAlgorithm: GAP_MODE, THRESHOLD and NETWORK, declared and read."""

    GAP_MODE = "GAP_MODE"
    THRESHOLD = "THRESHOLD"
    NETWORK = "NETWORK"

    def add_gap_parameters(self):
        self.add_choice(
            self.GAP_MODE,
            tr("Service gap measured"),
            ["straight", "road"],
            "straight",
            tr(
                "straight: straight-line distance (France and région compared too); road: travel time by road on the "
                "IGN BD TOPO network fetched for the territory (or NETWORK), for the territory only. When no network "
                "can be had, the straight-line figure is shown, and said so."
            ),
        )
        self.add_help(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                tr("Service-gap threshold (km, or minutes by road)"),
                NUMBER_DOUBLE,
                None,
                optional=True,
                minValue=0.1,
            ),
            tr(
                "Residents farther than this from the nearest France services site are counted. Default: 20 km in "
                "straight line, 30 minutes by road (the national goal)."
            ),
        )
        self.add_help(
            QgsProcessingParameterFeatureSource(
                self.NETWORK, tr("Road network (road mode)"), [SOURCE_VECTOR_LINE], optional=True
            ),
            tr("Lines of a road network (any format anct:service_gap reads). Empty: fetched from IGN BD TOPO."),
            advanced=True,
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, message = super().checkParameterValues(parameters, context)
        return check_network_lines(self, parameters, context, self.NETWORK) if ok else (ok, message)

    def read_gap_parameters(self, parameters, context):
        """The engine's GapMeasure."""
        from ...engine.figures import gap_measure  # at run time: the engine stays out of start-up

        mode = self.parameterAsEnumString(parameters, self.GAP_MODE, context) or "straight"
        threshold = (
            self.parameterAsDouble(parameters, self.THRESHOLD, context)
            if parameters.get(self.THRESHOLD) not in (None, "")
            else None
        )
        network = (
            parameters.get(self.NETWORK) if mode == "road" and parameters.get(self.NETWORK) not in (None, "") else None
        )
        return gap_measure(mode, threshold, network)
