#!/usr/bin/env python3
"""Build the print layout template resources/layouts/atlas_departement.qpt with PyQGIS.

Two A4 portrait pages, in the spirit of ANCT's "Atlas des départements": key figures compared
with the région and France, a main map with its legend, locator, scale bar and north arrow
(page 1); a service-gap map, a comparison chart, the EPCI table and the sources (page 2).
The algorithm anct:department_atlas loads the template and fills the items by id (see
anct_qgis_plugin/cartography/template.py and style.py for the ids, palette and font).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_layout.py          # write the .qpt
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_layout.py --check  # 1 if it differs

The output is deterministic: attributes are sorted and the random item UUIDs replaced by
stable ones, so the committed file only changes when this script does.
"""

import argparse
import os
import re
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutItemTextTable,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from anct_qgis_plugin.cartography.style import COLOURS, FONT_FAMILY  # noqa: E402
from anct_qgis_plugin.cartography.template import (  # noqa: E402
    CONTENT_WIDTH_MM,
    FIGURE_IDS,
    PAGE_MARGIN_MM,
    TEMPLATE_NAME,
)

OUTPUT = ROOT / "resources" / "layouts" / TEMPLATE_NAME
UUID_NAMESPACE = uuid.UUID("6f1c0a52-5a43-4b0e-9a55-0d5a3e0c8f11")

# Page geometry (mm). A4 portrait, 15 mm side margins, content 180 mm wide.
LEFT, WIDTH = PAGE_MARGIN_MM, CONTENT_WIDTH_MM
RIGHT = LEFT + WIDTH
GUTTER = 4.0
FOOTER_Y = 282.0
FIGURE_H = 27.0
CHART_H = 85.0  # the chart picture: comparison_chart_svg's default size is 180 x 85 mm
HEADING_H = 8.0  # a section heading and its rule, up to the content below

# Metropolitan France in Lambert-93 (EPSG:2154): default extents, replaced by the filler.
FRANCE_L93 = QgsRectangle(80000, 6030000, 1260000, 7130000)

FIGURES = {  # placeholder texts of the key-figure boxes
    "figure_population": ("000 000", "habitants"),
    "figure_density": ("00,0", "habitants par km²"),
    "figure_communes": ("000", "communes"),
    "figure_qpv": ("0,0 %", "de la population en QPV"),
    "figure_programmes": ("00", "communes en programme ANCT"),
    "figure_france_services": ("0,0", "France services pour 10\u00a0000 hab."),
    "figure_gap": ("0,0 %", "de la population à plus de 20 km d'un France services"),
    "figure_mobile": ("00,0 %", "du territoire couvert en 4G"),
    "figure_broadband": ("00,0 %", "des locaux raccordables à la fibre (FTTH)"),
}

SOURCES_PLACEHOLDER = (
    "Sources : Insee, recensement de la population (millésime) ; ANCT, quartiers prioritaires de la "
    "politique de la ville (QPV), programmes Action cœur de ville, Petites villes de demain, Territoires "
    "d'industrie, Villages d'avenir (date) ; ANCT, France services (date) ; Arcep, sites mobiles (date) ; "
    "IGN, Admin Express (date) ; geo.api.gouv.fr.\n"
    "Méthode : distances à vol d'oiseau ou par la route selon le réglage de l'algorithme ; ratios "
    "calculés sur la population municipale.\n"
    "Licence Ouverte / Open Licence version 2.0 (Etalab). Fiche produite avec le plugin QGIS "
    "« ANCT Territoires »."
)
FOOTER_TEXT = "Sources : Insee, ANCT, Arcep, IGN — Licence Ouverte 2.0 (Etalab) — plugin QGIS « ANCT Territoires »"


def colour(name):
    return QColor(COLOURS.get(name, name))


def font(size, bold=False, italic=False):
    result = QFont(FONT_FAMILY)
    result.setPointSizeF(size)
    result.setBold(bold)
    result.setItalic(italic)
    return result


def text_format(size, bold=False, colour_name="text"):
    fmt = QgsTextFormat()
    fmt.setFont(font(size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(colour(colour_name))
    return fmt


def place(item, x, y, w, h, page=0):
    item.attemptResize(QgsLayoutSize(w, h))
    item.attemptMove(QgsLayoutPoint(x, y), True, False, page)


def frame_style(item, colour_name="axis", width=0.25):
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(colour(colour_name))
    item.setFrameStrokeWidth(QgsLayoutMeasurement(width))
    item.setFrameJoinStyle(Qt.PenJoinStyle.MiterJoin)


def add_label(
    layout,
    item_id,
    text,
    x,
    y,
    w,
    h,
    size,
    page=0,
    bold=False,
    italic=False,
    colour_name="text",
    halign=Qt.AlignmentFlag.AlignLeft,
    valign=Qt.AlignmentFlag.AlignTop,
    margin=0.0,
):
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.setId(item_id)
    label.setMode(QgsLayoutItemLabel.Mode.ModeFont)
    label.setText(text)
    label.setFont(font(size, bold, italic))
    label.setFontColor(colour(colour_name))
    label.setHAlign(halign)
    label.setVAlign(valign)
    label.setMarginX(margin)
    label.setMarginY(margin)
    label.setBackgroundEnabled(False)
    label.setFrameEnabled(False)
    place(label, x, y, w, h, page)
    return label


def add_rule(layout, item_id, x, y, w, h, page=0, colour_name="rule"):
    """A filled rectangle used as a rule or accent bar."""
    shape = QgsLayoutItemShape(layout)
    layout.addLayoutItem(shape)
    shape.setId(item_id)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": COLOURS.get(colour_name, colour_name), "outline_style": "no"}))
    place(shape, x, y, w, h, page)
    return shape


def add_map(layout, item_id, x, y, w, h, page=0, extent=FRANCE_L93):
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    item.setId(item_id)
    place(item, x, y, w, h, page)
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    item.zoomToExtent(extent)  # keeps the item's size (setExtent would resize it)
    item.setBackgroundEnabled(True)
    item.setBackgroundColor(QColor("#FFFFFF"))
    frame_style(item)
    return item


def add_chart(layout, item_id, x, y, w, h, page=0):
    """An empty SVG picture the sheet fills with a chart drawn for it (cartography/charts.py)."""
    chart = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(chart)
    chart.setId(item_id)
    chart.setMode(QgsLayoutItemPicture.Format.FormatSVG)
    chart.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    chart.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.UpperLeft)
    chart.setPicturePath("")
    place(chart, x, y, w, h, page)
    return chart


def add_legend(layout, item_id, linked_map, x, y, w, h, page=0, title="Légende"):
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    legend.setId(item_id)
    legend.setLinkedMap(linked_map)
    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(False)
    legend.setResizeToContents(False)
    legend.setTitle(title)
    legend.setTitleAlignment(Qt.AlignmentFlag.AlignLeft)
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    legend.setStyleFont(QgsLegendStyle.Style.Title, font(9, bold=True))
    legend.setStyleFont(QgsLegendStyle.Style.Group, font(8, bold=True))
    legend.setStyleFont(QgsLegendStyle.Style.Subgroup, font(8, bold=True))
    legend.setStyleFont(QgsLegendStyle.Style.SymbolLabel, font(7.5))
    legend.setFontColor(colour("text"))
    legend.rstyle(QgsLegendStyle.Style.Title).setMargin(QgsLegendStyle.Side.Bottom, 2.0)
    legend.rstyle(QgsLegendStyle.Style.Group).setMargin(QgsLegendStyle.Side.Top, 2.5)
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 2.0)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.2)
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Top, 1.2)
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Left, 1.5)
    legend.setSymbolWidth(5.0)
    legend.setSymbolHeight(3.2)
    legend.setBoxSpace(0.0)
    legend.setWrapString("")
    place(legend, x, y, w, h, page)
    return legend


def add_heading(layout, item_id, text, x, y, w, page=0):
    """Section heading: bold bleu France, 10 pt, with a thin rule under it."""
    add_label(
        layout,
        item_id,
        text,
        x,
        y,
        w,
        5.0,
        10,
        page,
        bold=True,
        colour_name="bleu_france",
        valign=Qt.AlignmentFlag.AlignBottom,
    )
    add_rule(layout, f"{item_id}_rule", x, y + 5.8, w, 0.25, page, "rule")
    return y + HEADING_H


def add_masthead(layout, page, title_id, title_text, title_size, kicker):
    """Accent bar, kicker line and title; returns the y below the title."""
    add_rule(layout, f"deco_accent_{page + 1}", LEFT, 12.0, 14.0, 1.2, page, "rouge_marianne")
    add_label(
        layout,
        f"deco_kicker_{page + 1}",
        kicker,
        LEFT + 17.0,
        10.4,
        80.0,
        4.2,
        7.5,
        page,
        bold=True,
        colour_name="bleu_france",
        valign=Qt.AlignmentFlag.AlignVCenter,
    )
    add_label(
        layout,
        f"deco_agency_{page + 1}",
        "Agence nationale de la cohésion des territoires",
        RIGHT - 80.0,
        10.4,
        80.0,
        4.2,
        7.5,
        page,
        colour_name="muted",
        halign=Qt.AlignmentFlag.AlignRight,
        valign=Qt.AlignmentFlag.AlignVCenter,
    )
    height = 11.0 if title_size > 18 else 8.5
    add_label(
        layout,
        title_id,
        title_text,
        LEFT,
        16.5,
        WIDTH,
        height,
        title_size,
        page,
        bold=True,
        colour_name="bleu_france",
        valign=Qt.AlignmentFlag.AlignVCenter,
    )
    return 16.5 + height


def add_footer(layout, page, item_id):
    add_rule(layout, f"deco_footer_rule_{page + 1}", LEFT, FOOTER_Y - 1.5, WIDTH, 0.25, page, "rule")
    add_label(
        layout,
        item_id,
        FOOTER_TEXT,
        LEFT,
        FOOTER_Y,
        WIDTH - 18.0,
        8.0,  # two lines: the sources and the date wrap on a sheet of many publishers
        7.5,
        page,
        colour_name="muted",
        valign=Qt.AlignmentFlag.AlignTop,
    )
    add_label(
        layout,
        f"deco_page_{page + 1}",
        "[% @layout_page %] / [% @layout_numpages %]",
        RIGHT - 16.0,
        FOOTER_Y,
        16.0,
        5.0,
        7.5,
        page,
        colour_name="muted",
        halign=Qt.AlignmentFlag.AlignRight,
    )


def add_figures(layout, top):
    """Nine key-figure boxes, 3 columns x 3 rows; returns the y below them.

    Each box is the label ``figure_*`` (frame, background, plain text: value, label and comparison
    lines). Over it, the empty label ``figure_*_value`` can show the value in big type: the filler
    then puts only the label and comparison lines in the box (cartography.template.set_figure does both).
    """
    columns, height = 3, FIGURE_H
    rows = -(-len(FIGURE_IDS) // columns)
    width = (WIDTH - (columns - 1) * GUTTER) / columns
    for index, item_id in enumerate(FIGURE_IDS):
        row, column = divmod(index, columns)
        x = LEFT + column * (width + GUTTER)
        y = top + row * (height + GUTTER)
        value, caption = FIGURES[item_id]
        box = add_label(
            layout,
            item_id,
            f"{value}\n{caption}\nRégion : 0,0\nFrance : 0,0",
            x,
            y,
            width,
            height,
            8,
            colour_name="text_secondary",
            valign=Qt.AlignmentFlag.AlignTop,
            margin=2.2,
        )
        box.setMarginX(3.4)
        box.setBackgroundEnabled(True)
        box.setBackgroundColor(colour("box_background"))
        frame_style(box, "box_border", 0.25)
        add_rule(layout, f"deco_{item_id}_bar", x, y, 1.0, height, 0, "bleu_france")
        add_label(
            layout,
            f"{item_id}_value",
            "",
            x + 3.4,
            y + 1.6,
            width - 5.0,
            8.0,
            18,
            bold=True,
            colour_name="bleu_france",
            valign=Qt.AlignmentFlag.AlignVCenter,
        )
    return top + rows * height + (rows - 1) * GUTTER


def build_page_1(layout):
    add_masthead(layout, 0, "title", "Département (00)", 22, "ATLAS DES DÉPARTEMENTS · FICHE TERRITORIALE")
    add_label(
        layout,
        "subtitle",
        "Région — fiche produite le JJ/MM/AAAA",
        LEFT,
        28.0,
        WIDTH,
        5.5,
        10,
        colour_name="text_secondary",
        valign=Qt.AlignmentFlag.AlignVCenter,
    )
    figures_top = add_heading(layout, "deco_heading_figures", "Chiffres clés", LEFT, 36.5, WIDTH)
    figures_bottom = add_figures(layout, figures_top + 1.0)

    map_top = figures_bottom + 6.0  # 139
    map_bottom = FOOTER_Y - 5.0  # 277
    map_width = 130.0
    side_x = LEFT + map_width + 5.0  # right column
    side_w = RIGHT - side_x
    map_main = add_map(layout, "map_main", LEFT, map_top, map_width, map_bottom - map_top)

    locator_h = side_w * 0.95
    add_legend(layout, "legend_main", map_main, side_x, map_top, side_w, map_bottom - map_top - locator_h - 8.0)
    locator = add_map(layout, "map_locator", side_x, map_bottom - locator_h, side_w, locator_h)
    frame_style(locator, "axis", 0.2)
    overview = QgsLayoutItemMapOverview("emprise", locator)
    locator.overviews().addOverview(overview)
    overview.setLinkedMap(map_main)
    overview.setFrameSymbol(
        QgsFillSymbol.createSimple(
            {
                "color": "225,0,15,45",
                "outline_color": COLOURS["rouge_marianne"],
                "outline_width": "0.4",
                "outline_width_unit": "MM",
            }
        )
    )
    add_label(
        layout,
        "deco_locator_caption",
        "Situation",
        side_x,
        map_bottom - locator_h - 5.5,
        side_w,
        4.5,
        7.5,
        bold=True,
        colour_name="muted",
        valign=Qt.AlignmentFlag.AlignBottom,
    )

    scalebar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(scalebar)
    scalebar.setId("scalebar_main")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_main)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setNumberOfSegments(2)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(18.0)
    scalebar.setMaximumBarWidth(36.0)
    scalebar.setUnitsPerSegment(10.0)
    scalebar.setHeight(1.6)
    scalebar.setLabelBarSpace(1.2)
    scalebar.setBoxContentSpace(1.2)
    scalebar.setTextFormat(text_format(7.5, colour_name="text"))
    scalebar.setFillSymbol(QgsFillSymbol.createSimple({"color": COLOURS["text"], "outline_style": "no"}))
    scalebar.setAlternateFillSymbol(QgsFillSymbol.createSimple({"color": "#FFFFFF", "outline_style": "no"}))
    scalebar.setLineSymbol(
        QgsLineSymbol.createSimple(
            {
                "line_color": COLOURS["text"],
                "line_width": "0.2",
                "line_width_unit": "MM",
                "capstyle": "square",
                "joinstyle": "miter",
            }
        )
    )
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 225))
    scalebar.setFrameEnabled(False)
    scalebar.attemptResize(QgsLayoutSize(10.0, 1.0))  # then it grows to its minimum size
    scalebar.update()
    # Anchored by its lower-left corner: it grows up and right when the filler changes the extent.
    scalebar.setReferencePoint(QgsLayoutItem.ReferencePoint.LowerLeft)
    scalebar.attemptMove(QgsLayoutPoint(LEFT + 2.0, map_bottom - 2.0), True, False, 0)

    north = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(north)
    north.setId("north_main")
    north.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
    north.setSvgFillColor(colour("text"))
    north.setSvgStrokeColor(colour("text"))
    north.setLinkedMap(map_main)
    north.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    north.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    place(north, LEFT + map_width - 10.0, map_top + 3.0, 7.0, 10.0)

    add_footer(layout, 0, "footer_1")


def build_page_2(layout):
    page = 1
    add_masthead(
        layout,
        page,
        "title_2",
        "Département (00) — services, EPCI et sources",
        16,
        "ATLAS DES DÉPARTEMENTS · FICHE TERRITORIALE",
    )

    map_top = add_heading(layout, "deco_heading_gap", "Accès aux services", LEFT, 28.0, WIDTH, page)
    map_h, map_w = 62.0, 125.0
    map_gap = add_map(layout, "map_gap", LEFT, map_top, map_w, map_h, page)
    side_x = LEFT + map_w + 5.0
    legend_h = 31.0  # the gap classes; the dot strip below
    add_legend(layout, "legend_gap", map_gap, side_x, map_top, RIGHT - side_x, legend_h, page)
    add_chart(layout, "chart_ranks", side_x, map_top + legend_h, RIGHT - side_x, map_h - legend_h, page)

    chart_top = add_heading(
        layout,
        "deco_heading_chart",
        "Comparaison avec la région et la France",
        LEFT,
        map_top + map_h + 4.0,
        WIDTH,
        page,
    )
    add_chart(layout, "chart", LEFT, chart_top, WIDTH, CHART_H, page)

    table_top = add_heading(
        layout, "deco_heading_epci", "Intercommunalités (EPCI)", LEFT, chart_top + CHART_H + 3.0, WIDTH, page
    )
    sources_h = 20.0
    sources_y = FOOTER_Y - 2.5 - sources_h
    missing_y = sources_y - 5.5
    table_h = missing_y - 1.5 - table_top
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    columns = []
    for heading, width, align in (
        ("EPCI", 0.0, Qt.AlignmentFlag.AlignLeft),
        ("Population", 24.0, Qt.AlignmentFlag.AlignRight),
        ("Communes", 20.0, Qt.AlignmentFlag.AlignRight),
        ("France services", 26.0, Qt.AlignmentFlag.AlignRight),
        ("Pop. à plus de 20 km (%)", 40.0, Qt.AlignmentFlag.AlignRight),
    ):
        column = QgsLayoutTableColumn(heading)
        column.setWidth(width)
        column.setHAlignment(align)
        column.setVAlignment(Qt.AlignmentFlag.AlignVCenter)
        columns.append(column)
    table.setColumns(columns)
    table.setHeaderTextFormat(text_format(7.5, bold=True, colour_name="bleu_france"))
    table.setContentTextFormat(text_format(7.5, colour_name="text"))
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.FirstFrame)
    table.setCellMargin(0.8)
    table.setShowGrid(True)
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(colour("rule"))
    table.setBackgroundColor(QColor("#FFFFFF"))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("Aucun EPCI")
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    header_style = QgsLayoutTableStyle()
    header_style.enabled = True
    header_style.cellBackgroundColor = colour("header_background")
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header_style)
    odd_style = QgsLayoutTableStyle()
    odd_style.enabled = True
    odd_style.cellBackgroundColor = colour("row_alternate")
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, odd_style)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("epci_table_frame")
    place(frame, LEFT, table_top, WIDTH, table_h, page)
    frame.setHidePageIfEmpty(False)
    frame.setHideBackgroundIfEmpty(False)
    table.addFrame(frame)

    add_label(
        layout,
        "missing",
        "",
        LEFT,
        missing_y,
        WIDTH,
        4.5,
        8,
        page,
        bold=True,
        colour_name="rouge_marianne",
        valign=Qt.AlignmentFlag.AlignVCenter,
    )
    add_label(
        layout,
        "sources",
        SOURCES_PLACEHOLDER,
        LEFT,
        sources_y,
        WIDTH,
        sources_h,
        7.5,
        page,
        colour_name="text_secondary",
    )
    add_footer(layout, page, "footer_2")


def build_layout(project=None):
    """The QgsPrintLayout of the template (not yet saved)."""
    layout = QgsPrintLayout(project or QgsProject.instance())
    layout.initializeDefaults()
    layout.setName("Atlas des départements")
    collection = layout.pageCollection()
    first = collection.page(0)
    first.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    second = QgsLayoutItemPage(layout)
    second.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    collection.addPage(second)
    build_page_1(layout)
    build_page_2(layout)
    layout.refresh()
    return layout


_UUID = re.compile(r"\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}")


def _sort_attributes(element):
    items = sorted(element.attrib.items())
    element.attrib.clear()
    element.attrib.update(items)
    for child in element:
        _sort_attributes(child)


def canonical_xml(text):
    """Deterministic text of a template: sorted attributes, stable UUIDs, two-space indent."""
    root = ET.fromstring(text)
    _sort_attributes(root)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    mapping = {}
    for found in _UUID.findall(body):
        if found not in mapping:
            mapping[found] = "{%s}" % uuid.uuid5(UUID_NAMESPACE, str(len(mapping)))
    body = _UUID.sub(lambda match: mapping[match.group(0)], body)
    header = (
        f"<!DOCTYPE qgis-layout>\n<!-- Generated by scripts/make_layout.py with QGIS {_running_version()} "
        "— do not edit by hand: change the script and run it again. -->\n"
    )
    return header + body + "\n"


def _running_version():
    return f"{Qgis.QGIS_VERSION_INT // 10000}.{Qgis.QGIS_VERSION_INT // 100 % 100}"


def _generator_version(text):
    match = re.search(r"with QGIS (\d+\.\d+)", text[:400])
    return match.group(1) if match else ""


def items_of_template(text):
    """What a template's layout holds, item by item: id, kind, page, position, size and text —
    the same whichever QGIS version wrote the XML."""
    from qgis.PyQt.QtXml import QDomDocument

    document = QDomDocument()
    document.setContent(text)
    project = QgsProject()  # kept alive while the layout reads the template
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(document, QgsReadWriteContext())
    items = []
    for item in layout.items():
        if not hasattr(item, "id") or not item.id():
            continue
        position, size = item.positionWithUnits(), item.sizeWithUnits()
        # A scale bar sizes itself from its font's metrics, which differ between versions.
        measured = (0, 0) if type(item).__name__ == "QgsLayoutItemScaleBar" else (size.width(), size.height())
        items.append(
            (
                item.id(),
                type(item).__name__,
                item.page(),
                round(position.x(), 2),
                round(position.y(), 2),
                round(measured[0], 2),
                round(measured[1], 2),
                item.text() if hasattr(item, "text") else "",
            )
        )
    return sorted(items)


def template_text(layout):
    """Save ``layout`` with QgsPrintLayout.saveAsTemplate and return the canonical text."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, TEMPLATE_NAME)
        if not layout.saveAsTemplate(path, QgsReadWriteContext()):
            raise OSError(f"QGIS could not write the template {path}")
        return canonical_xml(Path(path).read_text(encoding="utf-8"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed template differs")
    parser.add_argument("--output", default=str(OUTPUT), help="where to write the template")
    args = parser.parse_args(argv)

    app = QgsApplication([], False)
    app.initQgis()
    try:
        text = template_text(build_layout())
    finally:
        QgsProject.instance().clear()
    output = Path(args.output)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else None
        if current is not None and _generator_version(current) != _running_version():
            # Another QGIS writes other XML for the same layout: compare what the layout holds.
            current_items = items_of_template(current)
            with_script = items_of_template(text)
            stale = current_items != with_script
        else:
            stale = current != text
        if stale:
            print(f"{output} is out of date: run scripts/make_layout.py", file=sys.stderr)
            return 1
        print(f"{output} is up to date")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
