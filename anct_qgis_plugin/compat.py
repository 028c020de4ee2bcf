"""One place for the spellings that differ between QGIS 3.22, 3.3x/3.4x and QGIS 4 (Qt6).

Newer QGIS moved many enums into ``Qgis.*`` scoped enums and Qt6 dropped ``QVariant.String``.
Every module imports the resolved names from here, so a version change is fixed once.
"""

from typing import TYPE_CHECKING

from qgis.core import (
    Qgis,
    QgsFeatureSink,
    QgsLayoutItemLabel,
    QgsLegendStyle,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsRenderContext,
    QgsTask,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

if TYPE_CHECKING:
    from typing import Any


def first_spelling(*getters):
    """Return the first attribute path that exists (newest spelling first)."""
    for getter in getters:
        try:
            return getter()
        except AttributeError:
            continue
    raise AttributeError("no known spelling for this enum on this QGIS version")


# One enum or the other by version: Any, so that QgsField of every QGIS's stubs takes them.
FIELD_STRING: "Any"
FIELD_INT: "Any"
FIELD_LONG: "Any"
FIELD_DOUBLE: "Any"
try:  # QGIS >= 3.38 takes QMetaType for field types; Qt6 has no QVariant.String.
    from qgis.PyQt.QtCore import QMetaType

    FIELD_STRING = QMetaType.Type.QString
    FIELD_INT = QMetaType.Type.Int
    FIELD_LONG = QMetaType.Type.LongLong
    FIELD_DOUBLE = QMetaType.Type.Double
    if Qgis.QGIS_VERSION_INT < 33800:
        raise ImportError
except (ImportError, AttributeError):
    FIELD_STRING = QVariant.String
    FIELD_INT = QVariant.Int
    FIELD_LONG = QVariant.LongLong
    FIELD_DOUBLE = QVariant.Double
# The field-type enum of the running QGIS (QMetaType.Type or QVariant.Type), for annotations that
# must not name QVariant.Type, which PyQt6 lacks.
if TYPE_CHECKING:
    FieldType = Any  # one enum or the other, as FIELD_* above
else:
    FieldType = type(FIELD_STRING)

SOURCE_VECTOR_ANY = first_spelling(lambda: Qgis.ProcessingSourceType.Vector, lambda: QgsProcessing.TypeVector)
SOURCE_VECTOR_GEOMETRY = first_spelling(
    lambda: Qgis.ProcessingSourceType.VectorAnyGeometry, lambda: QgsProcessing.TypeVectorAnyGeometry
)
SOURCE_VECTOR_POINT = first_spelling(
    lambda: Qgis.ProcessingSourceType.VectorPoint, lambda: QgsProcessing.TypeVectorPoint
)
SOURCE_VECTOR_LINE = first_spelling(lambda: Qgis.ProcessingSourceType.VectorLine, lambda: QgsProcessing.TypeVectorLine)
SOURCE_VECTOR_POLYGON = first_spelling(
    lambda: Qgis.ProcessingSourceType.VectorPolygon, lambda: QgsProcessing.TypeVectorPolygon
)

FLAG_ADVANCED = first_spelling(
    lambda: Qgis.ProcessingParameterFlag.Advanced, lambda: QgsProcessingParameterDefinition.FlagAdvanced
)
FLAG_OPTIONAL = first_spelling(
    lambda: Qgis.ProcessingParameterFlag.Optional, lambda: QgsProcessingParameterDefinition.FlagOptional
)
NUMBER_DOUBLE = first_spelling(
    lambda: Qgis.ProcessingNumberParameterType.Double, lambda: QgsProcessingParameterNumber.Double
)

NO_THREADING = first_spelling(
    lambda: Qgis.ProcessingAlgorithmFlag.NoThreading, lambda: QgsProcessingAlgorithm.FlagNoThreading
)
SKIP_GEOMETRY_CHECKS = first_spelling(
    lambda: Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks,
    lambda: QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks,
)
FAST_INSERT = first_spelling(lambda: QgsFeatureSink.Flag.FastInsert, lambda: QgsFeatureSink.FastInsert)

WKB_POINT = first_spelling(lambda: Qgis.WkbType.Point, lambda: QgsWkbTypes.Point)
WKB_MULTIPOLYGON = first_spelling(lambda: Qgis.WkbType.MultiPolygon, lambda: QgsWkbTypes.MultiPolygon)
WKB_LINESTRING = first_spelling(lambda: Qgis.WkbType.LineString, lambda: QgsWkbTypes.LineString)


# Single-part straight lines, with or without Z/M: the types a chunk of roads may be read in bulk from.
def _wkb_type(name):
    return first_spelling(lambda: getattr(Qgis.WkbType, name), lambda: getattr(QgsWkbTypes, name))


WKB_SINGLE_LINES = frozenset(
    _wkb_type(name) for name in ("LineString", "LineStringZ", "LineStringM", "LineStringZM", "LineString25D")
)
WKB_NOGEOMETRY = first_spelling(lambda: Qgis.WkbType.NoGeometry, lambda: QgsWkbTypes.NoGeometry)
GEOMETRY_POINT = first_spelling(lambda: Qgis.GeometryType.Point, lambda: QgsWkbTypes.PointGeometry)
GEOMETRY_POLYGON = first_spelling(lambda: Qgis.GeometryType.Polygon, lambda: QgsWkbTypes.PolygonGeometry)
GEOMETRY_LINE = first_spelling(lambda: Qgis.GeometryType.Line, lambda: QgsWkbTypes.LineGeometry)

OVERWRITE_LAYER = first_spelling(
    lambda: QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer,
    lambda: QgsVectorFileWriter.CreateOrOverwriteLayer,
)
OVERWRITE_FILE = first_spelling(
    lambda: QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile,
    lambda: QgsVectorFileWriter.CreateOrOverwriteFile,
)
WRITER_NO_ERROR = first_spelling(lambda: QgsVectorFileWriter.WriterError.NoError, lambda: QgsVectorFileWriter.NoError)

# Layout text exported as text (searchable, accessible), not as outlines.
TEXT_AS_TEXT = first_spelling(lambda: Qgis.TextRenderFormat.AlwaysText, lambda: QgsRenderContext.TextFormatAlwaysText)

# Layout labels (3.24) and legend styles (3.30) take a QgsTextFormat; before, a QFont.
LABEL_TEXT_FORMAT = hasattr(QgsLayoutItemLabel, "setTextFormat")
LEGEND_STYLE_TEXT_FORMAT = hasattr(QgsLegendStyle, "setTextFormat")

TASK_CAN_CANCEL = first_spelling(lambda: QgsTask.Flag.CanCancel, lambda: QgsTask.CanCancel)
# QGIS >= 3.26: no "Task complete" notice of QGIS's own (the panel says more); None before.
TASK_SILENT = getattr(QgsTask.Flag, "Silent", None) if hasattr(QgsTask, "Flag") else getattr(QgsTask, "Silent", None)
TASK_FLAGS = TASK_CAN_CANCEL | TASK_SILENT if TASK_SILENT is not None else TASK_CAN_CANCEL

MESSAGE_INFO = first_spelling(lambda: Qgis.MessageLevel.Info, lambda: Qgis.Info)
MESSAGE_WARNING = first_spelling(lambda: Qgis.MessageLevel.Warning, lambda: Qgis.Warning)
MESSAGE_CRITICAL = first_spelling(lambda: Qgis.MessageLevel.Critical, lambda: Qgis.Critical)


def is_metres(crs):
    """True for a projected CRS in metres."""
    from qgis.core import QgsUnitTypes

    metres = first_spelling(lambda: Qgis.DistanceUnit.Meters, lambda: QgsUnitTypes.DistanceMeters)
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == metres


def set_layer_attribution(layer, text, url=""):
    """QGIS 3.38 moved attribution to serverProperties()."""
    target = (
        layer.serverProperties()
        if hasattr(layer, "serverProperties") and hasattr(layer.serverProperties(), "setAttribution")
        else layer
    )
    target.setAttribution(text)
    if url:
        target.setAttributionUrl(url)


def font_families():
    """Names of the installed font families (Qt6: a static method; Qt5: an instance method)."""
    from qgis.PyQt.QtGui import QFontDatabase

    try:
        return QFontDatabase.families()
    except TypeError:
        return QFontDatabase().families()


def set_locator_data(result, value):
    """A locator result's data: a field up to QGIS 3.38, setUserData() since (userData became a method)."""
    if hasattr(result, "setUserData"):
        result.setUserData(value)
    else:
        result.userData = value


def locator_data(result):
    data = result.userData
    return data() if callable(data) else data


def rank_locator_result(result, position, count, group, group_score):
    """Keep a filter's own order in QGIS's locator list. QGIS sorts a filter's results by score,
    then alphabetically; from 3.40 its model reports every result's score as 0, but sorts groups by
    their score first: there the rank is also a group."""
    result.score = 1.0 - position / (2 * count)
    if hasattr(result, "groupScore"):
        result.group, result.groupScore = group, group_score
