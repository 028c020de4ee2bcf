"""The Processing provider ``anct``."""

import glob

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..resources_paths import resource_path
from .algorithms.check_sources import CheckSourcesAlgorithm
from .algorithms.department_atlas import DepartmentAtlasAlgorithm
from .algorithms.fetch_indicator import FetchIndicatorAlgorithm
from .algorithms.fetch_layer import FetchLayerAlgorithm
from .algorithms.fetch_road_network import FetchRoadNetworkAlgorithm
from .algorithms.fetch_territory_pack import FetchTerritoryPackAlgorithm
from .algorithms.programme_matrix import ProgrammeMatrixAlgorithm
from .algorithms.service_gap import MobileCoverageGapAlgorithm, ServiceGapAlgorithm
from .algorithms.territory_profile import TerritoryProfileAlgorithm


class AnctProvider(QgsProcessingProvider):
    def loadAlgorithms(self):
        for algorithm in (
            FetchLayerAlgorithm(),
            FetchIndicatorAlgorithm(),
            FetchTerritoryPackAlgorithm(),
            FetchRoadNetworkAlgorithm(),
            ServiceGapAlgorithm(),
            MobileCoverageGapAlgorithm(),
            TerritoryProfileAlgorithm(),
            ProgrammeMatrixAlgorithm(),
            DepartmentAtlasAlgorithm(),
            CheckSourcesAlgorithm(),
        ):
            self.addAlgorithm(algorithm)
        self.load_example_models()

    def load_example_models(self):
        """The example models of resources/models (scripts/make_models.py), as the Model Designer saves them."""
        for path in sorted(glob.glob(resource_path("models", "*.model3"))):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(path):
                self.addAlgorithm(model)

    def id(self):
        return "anct"

    def name(self):
        return QCoreApplication.translate("AnctProvider", "ANCT Territoires")

    def longName(self):
        return self.name()

    def icon(self):
        return QIcon(resource_path("icons", "anct.svg"))
