"""What every ANCT algorithm shares: translation, groups, help files and error translation."""

import math
import traceback

from qgis.core import (
    QgsCsException,
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ...compat import FLAG_ADVANCED, MESSAGE_CRITICAL
from ...core.errors import AnctError
from ...core.secrets import redacted
from ...resources_paths import resource_path
from . import descriptions
from .atomic_outputs import plain_file
from .help_pages import help_text


def tr(text):
    # An explicit context: strings of this shared base class would otherwise be looked up
    # under each subclass's name.
    return QCoreApplication.translate("AnctAlgorithm", text)


class AnctAlgorithm(QgsProcessingAlgorithm):
    GROUP_IDS = ("data", "diagnostics", "cartography")  # in the order of a study: the menu's order
    group_id = "data"
    # Parameter names shared by several algorithms (each algorithm names its own the same way).
    TERRITORY = "TERRITORY"
    OUTPUT = "OUTPUT"

    def createInstance(self):
        return type(self)()

    def group(self):
        return {"data": tr("Data"), "diagnostics": tr("Diagnostics"), "cartography": tr("Cartography")}[self.group_id]

    def groupId(self):
        return self.group_id

    def menu_text(self):
        """The entry of the plugin's menu (Extensions > ANCT Territoires) opening this algorithm's
        dialog, or "": not in the menu."""
        return ""

    def icon(self):
        return QIcon(resource_path("icons", "anct.svg"))

    def shortHelpString(self):
        return help_text(self.name())

    def shortDescription(self):
        return descriptions.short_description(self.name())

    def tags(self):
        return descriptions.tags(self.name())

    def helpUrl(self):
        return descriptions.reference_url(self.name())

    def add_help(self, parameter, text, advanced=False):
        """Add a parameter with its help; ``advanced``: rarely used, shown under Advanced. Numbers
        show one decimal, not six."""
        parameter.setHelp(text)
        if advanced:
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
        if parameter.type() == "number":
            parameter.setMetadata({**parameter.metadata(), "widget_wrapper": {"decimals": 1}})
        self.addParameter(parameter)
        return parameter

    def add_choice(self, name, description, options, default, text, multiple=False, advanced=False):
        """Add a choice among ``options`` with its help; its value is the option's text ("road", not 1), which
        scripts and models write and read the same whatever the order of the options."""
        parameter = QgsProcessingParameterEnum(
            name, description, options=list(options), allowMultiple=multiple, defaultValue=default
        )
        parameter.setUsesStaticStrings(True)
        return self.add_help(parameter, text, advanced)

    def add_territory_parameter(self, optional=False):
        """TERRITORY, with one help text for every algorithm (what the territory is for is said by
        the algorithm's other parameters and its help page)."""
        return self.add_help(
            QgsProcessingParameterString(self.TERRITORY, tr("Territory"), optional=optional),
            tr(
                "FR for the whole country, a département code (36, 2A, 974), a région (reg:24 or its name), "
                "an EPCI SIREN (243600327), a commune INSEE code (36044), or an unambiguous name (Châteauroux)."
            ),
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Numbers must be numbers: ``abc`` is not 0 km, ``nan`` and ``1e400`` are refused."""
        for definition in self.parameterDefinitions():
            if definition.type() != "number" or parameters.get(definition.name()) in (None, ""):
                continue
            value = parameters[definition.name()]
            if not isinstance(value, (int, float, str)):
                continue  # an expression or a property: Processing evaluates it
            try:
                number = float(value)
            except ValueError:
                return False, tr("{name}: '{value}' is not a number.").format(
                    name=definition.description(), value=value
                )
            if not math.isfinite(number) or number < definition.minimum() or number > definition.maximum():
                return False, tr("{name}: {value} is outside {minimum:g} – {maximum:g}.").format(
                    name=definition.description(),
                    value=value,
                    minimum=definition.minimum(),
                    maximum=definition.maximum(),
                )
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        self.written = {}  # output name -> (destination, features written): what note_written was told
        try:
            results = self.run_algorithm(parameters, context, feedback)
        except AnctError as error:
            raise QgsProcessingException(redacted(str(error))) from error
        except OSError as error:  # a folder that is missing, read-only or full
            raise QgsProcessingException(
                tr("Cannot write or read {path}: {error}").format(
                    path=error.filename or "-", error=error.strerror or error
                )
            ) from error
        except QgsCsException as error:
            raise QgsProcessingException(
                tr("Coordinates that cannot be transformed ({error}): check the CRS of the input layers.").format(
                    error=" ".join(str(error).split())[:160]
                )
            ) from error
        except QgsProcessingException:
            raise
        except Exception as error:  # a bug: the user gets a sentence, the log keeps the traceback
            QgsMessageLog.logMessage(traceback.format_exc(), "ANCT", MESSAGE_CRITICAL)
            raise QgsProcessingException(
                tr("Unexpected error in {algorithm}: {error} (details in the ANCT log panel).").format(
                    algorithm=self.name(), error=error
                )
            ) from error
        self._check_written(results)
        return results

    def note_written(self, name, destination, count, table=""):
        """Output ``name`` was written to ``destination`` (a file, or one ``table`` of it) with
        ``count`` features: checked when the run returns."""
        self.written[(name, table)] = (destination, table, count)

    def _check_written(self, results):
        """Every file output, reopened, holds what the run wrote: a run whose file lost its
        features (never committed, cut short) fails instead of reporting a success."""
        noted = {name for name, _table in self.written}
        for definition in self.destinationParameterDefinitions():
            if (
                definition.type() == "sink"
                and plain_file(results.get(definition.name()))
                and definition.name() not in noted
            ):
                raise QgsProcessingException(  # a writer that bypasses AtomicOutputs: a bug, said so
                    f"{self.name()}: the output {definition.name()} was written without being counted"
                )
        for destination, table, count in self.written.values():
            path = plain_file(destination)
            found = _reopened_count(path, table) if path else count
            if found != count:
                shown = f"{path} ({table})" if table else path
                message = (
                    tr("{path} cannot be reopened: its {count} features were not written.")
                    if found is None
                    else tr("{path} holds {found} features where {count} were written: the output is incomplete.")
                )
                raise QgsProcessingException(
                    message.format(path=shown, found=found, count=count)
                    + " "
                    + tr("Run the algorithm again, into another file if it happens again.")
                )

    def run_algorithm(self, parameters, context, feedback):
        raise NotImplementedError


def _reopened_count(path, table=""):
    """Features in the file (or its ``table``) opened afresh by GDAL, read-only; None if it cannot
    be opened or has no such table. GDAL, not a QGIS layer: QGIS keeps the files it opens in a pool."""
    from osgeo import gdal

    try:  # GDAL raises or answers None, as its exceptions are set
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
        layer = None if dataset is None else dataset.GetLayerByName(table) if table else dataset.GetLayer(0)
        return None if layer is None else layer.GetFeatureCount()
    except RuntimeError:
        return None
