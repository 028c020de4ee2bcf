"""Department atlas sheets: one département's figures, maps, chart and EPCI table put into the
layout template (template.py), in a project of its own.

Layers and figures come from the data layer and the other algorithms (territory profile,
service gap), never from a second implementation. A layer that cannot be had still gives a
sheet, with a visible "données indisponibles" mark.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayout,
    QgsProject,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from ..core.building.provenance import apply_provenance
from ..core.published.catalogue import KEY_FIGURE_PROGRAMMES
from ..core.published.presentation import drawing_rank, translate_legend
from ..resources_paths import resource_path
from .charts import comparison_chart_svg, dot_strip_svg
from .template import apply_font_family, frame_map, repeat_page_furniture, set_figure, set_legend, set_table, set_text
from .texts import DEFAULT_LANGUAGE, WORDS, SheetSource, SheetTexts

if TYPE_CHECKING:  # for the hints only
    from collections.abc import Iterable

    from pandas import DataFrame

    from ..core.published.territories import Territory

# The sheet's main map: France services, QPV, the programmes the key figures count, EPCI and communes,
# in the panel's drawing order (a map item draws its first layer on top).
MAIN_LAYERS = tuple(sorted(("france_services", "qpv", *KEY_FIGURE_PROGRAMMES, "epci", "communes"), key=drawing_rank))
FIGURE_BOXES = (
    "population",
    "density",
    "communes",
    "qpv",
    "programmes",
    "france_services",
    "gap",
    "mobile",
    "broadband",
)


@dataclass
class SheetInputs:
    """Everything a sheet shows, gathered before the layout is touched."""

    territory: Territory
    region_name: str
    figures: DataFrame  # diagnostics.profile.key_figures
    ranks: dict = field(default_factory=dict)  # indicator -> (rank, count) among the départements
    national: DataFrame | None = None  # every département's figures (engine.national.departement_table)
    region_departements: tuple = ()  # the codes of its région's départements
    layers: dict = field(default_factory=dict)  # layer id -> BuiltLayer
    gap_layer: QgsVectorLayer | None = None
    gap_summary: QgsVectorLayer | None = None  # summary by EPCI
    gap_style: str = "service_gap"  # service_gap_road when the gap is measured by road
    france_layer: QgsVectorLayer | None = None  # départements of France for the locator
    sources: list[SheetSource] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # titles of what could not be had


def _extent(layers: Iterable[QgsVectorLayer | None]) -> QgsRectangle:
    extent = QgsRectangle()
    for layer in layers:
        if layer is not None and layer.featureCount():
            extent.combineExtentWith(layer.extent())
    return extent


def fill_sheet(layout: QgsLayout, inputs: SheetInputs, texts: SheetTexts, workdir: str) -> None:
    """Put one département's content into a loaded template (the chart is drawn into ``workdir``)."""
    territory = inputs.territory
    if inputs.gap_layer is not None:
        inputs.gap_layer.setName(texts.gap_map_title)
    apply_font_family(layout)  # before fitting: the family sets the widths
    for item_id, text in texts.words.headings.items():
        item = layout.itemById(item_id)
        # The plugin's own words in the sheet's language; a user's template keeps its own.
        if item is not None and item.text() == WORDS[DEFAULT_LANGUAGE].headings[item_id]:
            item.setText(text)
    set_text(layout, "title", texts.title(territory), fit=True)
    set_text(layout, "title_2", texts.title_2(territory), fit=True)
    set_text(layout, "subtitle", texts.subtitle(inputs.region_name, time.localtime()), fit=True)
    for box in FIGURE_BOXES:
        if layout.itemById(f"figure_{box}") is not None:  # a user's template may leave boxes out
            set_figure(layout, f"figure_{box}", *texts.figure_box(box, inputs.figures, inputs.ranks))
    main = [inputs.layers[k].layer for k in MAIN_LAYERS if k in inputs.layers]
    outline = inputs.layers.get("communes")
    extent = _extent([outline.layer] if outline else main)
    crs = QgsCoordinateReferenceSystem(territory.crs)
    frame_map(layout, "map_main", main, extent, crs=crs)
    legend_title = texts.words.headings["legend"]
    set_legend(layout, "legend_main", [layer for layer in main if layer.name() and layer.featureCount()], legend_title)
    if inputs.france_layer is not None:
        frame_map(layout, "map_locator", [inputs.france_layer], _metropole_extent(inputs.france_layer, territory))
    # The sites above the gap polygons (a map item draws its first layer on top).
    gap_layers = ([inputs.layers["france_services"].layer] if "france_services" in inputs.layers else []) + [
        inputs.gap_layer
    ]
    frame_map(layout, "map_gap", gap_layers, extent, crs=crs)
    set_legend(layout, "legend_gap", [inputs.gap_layer], "")  # its layer's name says what it shows
    chart = os.path.join(workdir, f"chart_{territory.code}.svg")
    comparison_chart_svg(
        chart,
        texts.chart_rows(inputs.figures),
        texts.series_names(territory, inputs.region_name),
        value_format=texts.chart_value,
        words=texts.words.chart,
    )
    picture = layout.itemById("chart")
    if picture is not None:
        picture.setPicturePath(chart)
    strips = layout.itemById("chart_ranks")
    if strips is not None:  # the département among all départements
        path = os.path.join(workdir, f"strips_{territory.code}.svg")
        rows = texts.strips(inputs.national, territory.code, inputs.region_departements, inputs.figures, inputs.ranks)
        size = strips.sizeWithUnits()
        dot_strip_svg(path, rows, texts.words.strips_title, size.width(), size.height(), texts.strip_value)
        strips.setPicturePath(path if rows else "")
    set_table(layout, texts.epci_headers(), texts.epci_rows(inputs.gap_summary))
    set_text(layout, "sources", texts.sources(inputs.sources))
    set_text(layout, "missing", texts.missing(inputs.missing))
    for footer in ("footer_1", "footer_2"):
        set_text(layout, footer, texts.footer(inputs.sources))
    repeat_page_furniture(layout)  # the pages the EPCI table continues on
    layout.refresh()


def _code_field(layer: QgsVectorLayer) -> str:
    return "code_insee" if "code_insee" in layer.fields().names() else "insee_dep"


def _metropole_extent(layer: QgsVectorLayer, territory: Territory) -> QgsRectangle:
    """Metropolitan France for a metropolitan département, else the département itself."""
    code_field = _code_field(layer)
    if territory.code.startswith("97"):
        request = QgsFeatureRequest().setFilterExpression(f"\"{code_field}\" = '{territory.code}'")
    else:
        request = QgsFeatureRequest().setFilterExpression(f"\"{code_field}\" NOT LIKE '97%'")
    extent = QgsRectangle()
    for feature in layer.getFeatures(request):
        extent.combineExtentWith(feature.geometry().boundingBox())
    return extent


def project_for(inputs: SheetInputs, language: str = "fr") -> QgsProject:
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


def locator_renderer(layer: QgsVectorLayer, code: str) -> QgsRuleBasedRenderer:
    """France in light grey, the département in red."""
    code_field = _code_field(layer)
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, colour, outline in (
        (f"\"{code_field}\" = '{code}'", "225,0,15,255", "150,0,10,255"),
        ("ELSE", "229,229,229,255", "170,170,170,255"),
    ):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0.1"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=expression))
    return QgsRuleBasedRenderer(root)
