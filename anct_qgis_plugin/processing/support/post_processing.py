"""Style (and provenance) set on an output layer when Processing loads it into the project."""

from qgis.core import QgsProcessingLayerPostProcessorInterface

from ...core.building.indicator_style import style_indicator
from ...core.building.provenance import apply_provenance
from ...core.published.presentation import apply_presentation
from ...core.travel.settings import ui_language
from ...resources_paths import resource_path


class LoadedLayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Runs in the main thread once the output is loaded: QML style, metadata, attribution."""

    # Processing keeps only a raw pointer: hold the instances so Python does not free them.
    _alive = []

    def __init__(self, style, info=None, territory_label=""):
        super().__init__()
        self.style, self.info, self.territory_label = style, info, territory_label

    @classmethod
    def create(cls, style, info=None, territory_label=""):
        cls._alive = cls._alive[-20:] + [cls(style, info, territory_label)]
        return cls._alive[-1]

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if self.info is not None:
            apply_provenance(layer, self.info, self.territory_label)
        layer.loadNamedStyle(resource_path("styles", f"{self.style}.qml"))
        apply_presentation(layer, self.style, ui_language())
        layer.triggerRepaint()


def style_on_load(context, dest_id, style, info=None, territory_label=""):
    """The output ``dest_id`` styled (and described) when QGIS loads it at the end of the run."""
    if context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(
            LoadedLayerPostProcessor.create(style, info, territory_label)
        )


class IndicatorPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """An indicator layer once loaded: its provenance, and classes computed on its own values. It keeps
    what it draws by, not the run's memory layer (a QGIS object alive past the application's exit)."""

    _alive = []

    def __init__(self, info, field, kind, title, territory_label):
        super().__init__()
        self.info, self.field, self.kind, self.title = info, field, kind, title
        self.territory_label = territory_label

    @classmethod
    def create(cls, result, territory_label):
        processor = cls(result.info, result.field, result.kind, result.title, territory_label)
        cls._alive = cls._alive[-20:] + [processor]
        return processor

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_provenance(layer, self.info, self.territory_label)
        style_indicator(layer, self.field, self.kind, self.title)
        layer.triggerRepaint()


def style_indicator_on_load(context, dest_id, result, territory_label):
    """The indicator output ``dest_id`` described and drawn by its kind when QGIS loads it."""
    if context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(
            IndicatorPostProcessor.create(result, territory_label)
        )
