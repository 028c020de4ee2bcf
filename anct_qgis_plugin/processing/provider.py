"""The Processing provider ``anct``."""

import glob
import importlib
import pkgutil

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..resources_paths import resource_path
from . import algorithms
from .support.base import AnctAlgorithm


def algorithm_classes() -> list:
    """The algorithms of processing/algorithms/: the AnctAlgorithm subclasses each of its modules
    defines, modules by name (a new module there is listed without being named here). Only those
    modules are imported: they keep their engines' imports inside processAlgorithm."""
    classes = []
    for module_info in pkgutil.iter_modules(algorithms.__path__):
        module = importlib.import_module(f"{algorithms.__name__}.{module_info.name}")
        classes += [
            value
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, AnctAlgorithm) and value.__module__ == module.__name__
        ]
    return classes


def menu_entries() -> list:
    """(text, algorithm id) of the plugin menu's entries: the algorithms with a menu_text, by
    group in the order of a study (data, diagnostics, cartography)."""
    listed = [algorithm for algorithm in (cls() for cls in algorithm_classes()) if algorithm.menu_text()]
    listed.sort(key=lambda algorithm: AnctAlgorithm.GROUP_IDS.index(algorithm.groupId()))  # stable: by module
    return [(algorithm.menu_text(), f"anct:{algorithm.name()}") for algorithm in listed]


class AnctProvider(QgsProcessingProvider):
    def loadAlgorithms(self):
        for algorithm in algorithm_classes():
            self.addAlgorithm(algorithm())
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
