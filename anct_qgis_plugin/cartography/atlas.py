"""Department atlas sheets: a layout template filled with one département's figures, maps,
chart and EPCI table, exported to PDF.

Layers and figures come from the data layer and the other algorithms (territory profile,
service gap), never from a second implementation. A layer that cannot be had still gives a
sheet, with a visible "données indisponibles" mark.
"""
import os
import time
import uuid
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
)
from qgis.PyQt.QtXml import QDomDocument

from ..compat import TEXT_AS_TEXT
from ..core.errors import AnctError
from ..core.presentation import translate_legend
from ..core.provenance import apply_provenance
from ..resources_paths import resource_path
from . import apply_font_family, fill_table, find_table, set_figure
from .charts import comparison_chart_svg

DEFAULT_TEMPLATE = resource_path("layouts", "atlas_departement.qpt")
MAIN_LAYERS = ("france_services", "qpv", "action_coeur_de_ville", "petites_villes_de_demain",
               "territoires_industrie", "villages_avenir", "epci", "communes")
FIGURE_BOXES = ("population", "density", "communes", "qpv", "programmes", "france_services", "gap", "mobile")


@dataclass
class SheetInputs:
    """Everything a sheet shows, gathered before the layout is touched."""
    territory: object
    region_name: str
    figures: object  # pandas DataFrame from diagnostics.profile.key_figures
    layers: dict = field(default_factory=dict)  # layer id -> BuiltLayer
    gap_layer: object = None
    gap_summary: object = None  # QgsVectorLayer (summary by EPCI)
    gap_style: str = "service_gap"  # service_gap_road when the gap is measured by road
    france_layer: object = None  # départements of France for the locator
    sources: list = field(default_factory=list)  # (title, date, licence, attribution)
    missing: list = field(default_factory=list)  # titles of what could not be had


def load_template(project, path=None):
    path = path or DEFAULT_TEMPLATE
    document = QDomDocument()
    try:
        with open(path, encoding="utf-8") as stream:
            content = stream.read()
    except OSError as error:
        raise AnctError(f"cannot read the layout template {path}: {error}") from error
    if not document.setContent(content):
        raise AnctError(f"the layout template {path} is not valid XML")
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise AnctError(f"the layout template {path} could not be loaded")
    return layout


def _item(layout, item_id):
    return layout.itemById(item_id)


def _set_text(layout, item_id, text):
    item = _item(layout, item_id)
    if item is not None:
        item.setText(text)


def _extent(layers):
    extent = QgsRectangle()
    for layer in layers:
        if layer is not None and layer.featureCount():
            extent.combineExtentWith(layer.extent())
    return extent


def _frame_map(layout, item_id, layers, extent, margin=0.04, crs=None):
    item = _item(layout, item_id)
    if not isinstance(item, QgsLayoutItemMap):
        return
    if crs is not None:  # overseas départements are drawn in their own CRS
        item.setCrs(crs)
    item.setLayers([layer for layer in layers if layer is not None])
    item.setKeepLayerSet(True)
    if not extent.isEmpty():
        item.zoomToExtent(extent.buffered(max(extent.width(), extent.height()) * margin))


def _set_legend(layout, item_id, layers):
    legend = _item(layout, item_id)
    if legend is None:
        return
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()  # fill the model's own root: a temporary tree would be freed
    for layer in layers:
        if layer is not None:
            root.addLayer(layer)
    legend.adjustBoxSize()


def fill_sheet(layout, inputs, texts, workdir):
    """Put one département's content into a loaded template."""
    territory = inputs.territory
    if inputs.gap_layer is not None:
        inputs.gap_layer.setName(texts.gap_map_title)
    _set_text(layout, "title", texts.title(territory))
    _set_text(layout, "title_2", texts.title_2(territory))
    _set_text(layout, "subtitle", texts.subtitle(inputs.region_name, time.localtime()))
    apply_font_family(layout)
    for box in FIGURE_BOXES:
        if _item(layout, f"figure_{box}") is not None:  # a user's template may leave boxes out
            set_figure(layout, f"figure_{box}", *texts.figure_box(box, inputs.figures))
    main = [inputs.layers[k].layer for k in MAIN_LAYERS if k in inputs.layers]
    outline = inputs.layers.get("communes")
    extent = _extent([outline.layer] if outline else main)
    crs = QgsCoordinateReferenceSystem(territory.crs)
    _frame_map(layout, "map_main", main, extent, crs=crs)
    _set_legend(layout, "legend_main", [layer for layer in main if layer.name() and layer.featureCount()])
    if inputs.france_layer is not None:
        _frame_map(layout, "map_locator", [inputs.france_layer], _metropole_extent(inputs.france_layer, territory))
    # The sites above the gap polygons (a map item draws its first layer on top).
    gap_layers = ([inputs.layers["france_services"].layer] if "france_services" in inputs.layers else []) + [
        inputs.gap_layer]
    _frame_map(layout, "map_gap", gap_layers, extent, crs=crs)
    _set_legend(layout, "legend_gap", [inputs.gap_layer] if inputs.gap_layer is not None else [])
    chart = os.path.join(workdir, f"chart_{territory.code}.svg")
    comparison_chart_svg(chart, texts.chart_rows(inputs.figures), texts.series_names(territory, inputs.region_name),
                         **texts.chart_options())
    picture = _item(layout, "chart")
    if picture is not None:
        picture.setPicturePath(chart)
    _fill_epci_table(layout, texts.epci_rows(inputs.gap_summary), texts.epci_headers())
    _set_text(layout, "sources", texts.sources(inputs.sources))
    _set_text(layout, "missing", texts.missing(inputs.missing))
    for footer in ("footer_1", "footer_2"):
        _set_text(layout, footer, texts.footer(inputs.sources))
    layout.refresh()


def _metropole_extent(layer, territory):
    """Metropolitan France for a metropolitan département, else the département itself."""
    code_field = "code_insee" if "code_insee" in layer.fields().names() else "insee_dep"
    if territory.code.startswith("97"):
        request = QgsFeatureRequest().setFilterExpression(f"\"{code_field}\" = '{territory.code}'")
    else:
        request = QgsFeatureRequest().setFilterExpression(f"\"{code_field}\" NOT LIKE '97%'")
    extent = QgsRectangle()
    for feature in layer.getFeatures(request):
        extent.combineExtentWith(feature.geometry().boundingBox())
    return extent


def _fill_epci_table(layout, rows, headers):
    from qgis.core import QgsLayoutTableColumn

    table = find_table(layout)
    if table is None:
        return
    columns = []
    for number, heading in enumerate(headers):
        column = QgsLayoutTableColumn()
        column.setHeading(heading)
        column.setWidth(0 if number == 0 else 24)  # the name column takes the rest of the width
        columns.append(column)
    table.setColumns(columns)
    fill_table(table, rows)
    table.refresh()


def export_pdf(layout, path):
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.appendGeoreference = False
    settings.exportMetadata = True
    settings.textRenderFormat = TEXT_AS_TEXT
    settings.dpi = 300
    part = _part_of(path)
    result = exporter.exportToPdf(part, settings)
    if result != QgsLayoutExporter.Success:
        _remove(part)
        raise AnctError(f"PDF export failed ({path})")
    os.replace(part, path)  # a failed export never replaces an earlier sheet
    return path


def _part_of(path):
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.part-{uuid.uuid4().hex[:12]}")


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


def export_combined_pdf(layouts, path):
    """Every page of several layouts in one PDF (QPdfWriter: vector, fonts embedded)."""
    from qgis.PyQt.QtCore import QMarginsF, QSizeF
    from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    part = _part_of(path)
    writer = QPdfWriter(part)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(210, 297), QPageSize.Unit.Millimeter),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        _remove(part)
        raise AnctError(f"cannot write {path}")
    first = True
    for layout in layouts:
        layout.renderContext().setTextRenderFormat(TEXT_AS_TEXT)  # text, not outlines (QGIS 3.40's default)
        exporter = QgsLayoutExporter(layout)
        for page in range(layout.pageCollection().pageCount()):
            if not first:
                writer.newPage()
            first = False
            exporter.renderPage(painter, page)
    painter.end()
    del writer  # the file is complete once the writer is gone
    os.replace(part, path)
    return path


def project_for(inputs, language="fr"):
    """A project of its own (not the user's): layers styled and with their provenance, legends
    in the sheet's language."""
    project = QgsProject()
    for built in inputs.layers.values():
        apply_provenance(built.layer, built.info, inputs.territory.label)
        built.layer.loadNamedStyle(resource_path("styles", f"{built.info.layer_id}.qml"))
        translate_legend(built.layer, language)
        project.addMapLayer(built.layer)
        built.layer.setName(built.info.title)  # legends show the title, the sheet says the territory
    if inputs.gap_layer is not None:
        inputs.gap_layer.loadNamedStyle(resource_path("styles", f"{inputs.gap_style}.qml"))
        translate_legend(inputs.gap_layer, language)
        project.addMapLayer(inputs.gap_layer)
    if inputs.france_layer is not None:
        inputs.france_layer.setRenderer(locator_renderer(inputs.france_layer, inputs.territory.code))
        project.addMapLayer(inputs.france_layer)
    return project


def locator_renderer(layer, code):
    """France in light grey, the département in red."""
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer

    code_field = "code_insee" if "code_insee" in layer.fields().names() else "insee_dep"
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, colour, outline in ((f"\"{code_field}\" = '{code}'", "225,0,15,255", "150,0,10,255"),
                                        ("ELSE", "229,229,229,255", "170,170,170,255")):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0.1"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=expression))
    return QgsRuleBasedRenderer(root)
