#!/usr/bin/env python3
"""Generate resources/styles/<layer_id>.qml, one QGIS style per catalogue layer.

The styles are built with the PyQGIS API on an in-memory layer that has the layer's published
fields, then written with ``saveNamedStyle``: the QML is what QGIS itself writes, so it loads in
the QGIS that generated it (3.22, the plugin's minimum) and in every later version.

Only the Symbology, Labeling and Rendering categories are saved: loading a style never touches
the fields, forms, metadata or attribution that the plugin sets on a fetched layer.

Colours: the French state palette (bleu France #000091, rouge Marianne #E1000F) for France
services and the QPV; the ANCT programmes get hues of the Okabe-Ito set (distinguishable with the
common colour-vision deficiencies and readable on a white or OpenStreetMap basemap);
administrative outlines are greys whose line width carries the hierarchy.

Four more styles are for Processing outputs rather than catalogue layers: ``service_gap`` (the
straight-line distance of anct:service_gap and anct:mobile_coverage_gap) and ``service_gap_road``
(their road travel time), with ``_points`` twins that draw point units as circles. Quiet
blue-greys up to the national goal (20 km, 30 min), strong red-purples beyond it, so the units
beyond the goal stand out; darker with the distance, so the order survives grey-scale printing
and colour-vision deficiencies.

Usage (from the repository root):
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_styles.py [--check] [--preview PNG]
                                                                       [--preview-gap PNG]
--check        regenerate into a temporary folder and exit 1 when resources/styles differs
               (or holds a .qml this script does not write)
--preview      also render a few hand-made features per layer with the styles into PNG
--preview-gap  also render hand-made service-gap outputs (communes, a 200 m grid, points) into PNG
"""

import argparse
import filecmp
import math
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLES_DIR = ROOT / "resources" / "styles"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_HASH_SEED", "0")  # Qt writes XML attributes in hash order: keep it stable

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsClassificationCustom,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMapUnitScale,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSimpleMarkerSymbolLayerBase,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont, QPainter  # noqa: E402

from anct_qgis_plugin.compat import (  # noqa: E402
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_LONG,
    FIELD_STRING,
    WKB_LINESTRING,
    WKB_MULTIPOLYGON,
    WKB_POINT,
    first_spelling,
)
from anct_qgis_plugin.core.building.commune_joins import PREMISES_FIELDS  # noqa: E402
from anct_qgis_plugin.core.published.catalogue import SOURCES, JoinCommunes  # noqa: E402


def _qgis():
    from qgis.core import Qgis

    return Qgis


MM = first_spelling(lambda: _qgis().RenderUnit.Millimeters, lambda: QgsUnitTypes.RenderMillimeters)
METRES_AT_SCALE = first_spelling(
    lambda: _qgis().RenderUnit.MetersInMapUnits, lambda: QgsUnitTypes.RenderMetersInMapUnits
)
POINTS = first_spelling(lambda: _qgis().RenderUnit.Points, lambda: QgsUnitTypes.RenderPoints)
LABEL_HORIZONTAL = first_spelling(lambda: _qgis().LabelPlacement.Horizontal, lambda: QgsPalLayerSettings.Horizontal)
SHAPES = {
    name: first_spelling(
        lambda n=name: getattr(_qgis().MarkerShape, n), lambda n=name: getattr(QgsSimpleMarkerSymbolLayerBase, n)
    )
    for name in ("Circle", "Diamond", "Triangle", "Star", "Square")
}
STYLE_CATEGORIES = first_spelling(
    lambda: (
        QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling | QgsMapLayer.StyleCategory.Rendering
    ),
    lambda: QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Rendering,
)

# --- palette -------------------------------------------------------------------------------
BLEU_FRANCE = "#000091"
BLEU_FRANCE_CLAIR = "#6A6AF4"  # DSFR "blue-france main 525"
ROUGE_MARIANNE = "#E1000F"
ROUGE_SOMBRE = "#8F0A14"
WHITE = "#FFFFFF"
# ANCT programmes: Okabe-Ito hues, a darker shade of each for outlines and labels.
PROGRAMMES = {
    "territoires_industrie": ("#E69F00", "#8A5A00"),  # orange
    "action_coeur_de_ville": ("#CC79A7", "#8E3F6E"),  # reddish purple
    "petites_villes_de_demain": ("#009E73", "#00664A"),  # bluish green
    "villages_avenir": ("#56B4E9", "#1F6E9C"),  # sky blue
    "crte": ("#0072B2", "#004A75"),  # blue (EPCI-wide contracts: lighter fill)
    "cites_educatives": ("#D55E00", "#8A3D00"),  # vermillion
    "cites_emploi": ("#F0E442", "#7A7300"),  # yellow
    "avenir_montagnes_ingenierie": ("#8C6D31", "#5A4520"),  # brown
    "avenir_montagnes_mobilites": ("#2A9D8F", "#1B665D"),  # teal
    "fabriques_territoire": ("#9467BD", "#5E3F7A"),  # violet
    "manufactures_proximite": ("#7F7F7F", "#4D4D4D"),  # grey
    "fabriques_prospectives": ("#E7298A", "#9A1B5B"),  # magenta
    "france_ruralites_revitalisation": ("#B2DF8A", "#33A02C"),  # pale green: a zoning, under the programmes
    # Programmes added in 2025-2026: the colours of ANCT's own map (anct-carto/superposeur-V2@3f2b0c0b
    # frontend/config.js), a darker shade for outlines; Habitat inclusif is not on that map (Dark2 ochre).
    "acv_entrees_de_ville": ("#4E8098", "#2F4E5C"),
    "sites_cles_en_main": ("#6B4226", "#3F2716"),
    "commerces_ruraux": ("#8A3F5C", "#552638"),
    "locaux_activite_frla": ("#4F6D4F", "#2F412F"),
    "zones_commerciales_ptzc": ("#2F5D62", "#1B3639"),
    "appui_operationnel_pao": ("#B5541E", "#6E3312"),
    "territoires_engagement": ("#7D5BA6", "#4C3766"),
    "habitat_inclusif": ("#A6761D", "#6B4C12"),
}
# INSEE's density levels (its own labels), dense built-up browns to sparse rural greens (ColorBrewer BrBG).
DENSITY_LEVELS = (
    ("1", "Grands centres urbains", "#8C510A"),
    ("2", "Centres urbains intermédiaires", "#BF812D"),
    ("3", "Ceintures urbaines", "#DFC27D"),
    ("4", "Petites villes", "#F6E8C3"),
    ("5", "Bourgs ruraux", "#C7EAE5"),
    ("6", "Rural à habitat dispersé", "#80CDC1"),
    ("7", "Rural à habitat très dispersé", "#35978F"),
)
PROGRAMME_FILL_OPACITY = 0.35
QPV_FILL_OPACITY = 0.5
FONT_FAMILY = "Arial"  # metric-compatible substitutes exist everywhere (Liberation/Nimbus Sans)

# --- the layers: published fields (as the plugin writes them) ------------------------------
S, I, L, D = FIELD_STRING, FIELD_INT, FIELD_LONG, FIELD_DOUBLE
PROGRAMME_COUNTS = [("insee_com", S), ("nb_communes", I), ("population", L)]


def list_fields(strategy):
    """A per-commune list's layer: its id, label and date columns (as declared), then the counts."""
    names = [strategy.id_column, strategy.label_column, strategy.date_column]
    return WKB_MULTIPOLYGON, [(name, S) for name in names if name] + PROGRAMME_COUNTS


LAYER_FIELDS = {
    **{source.id: list_fields(source.geometry) for source in SOURCES if isinstance(source.geometry, JoinCommunes)},
    "qpv": (WKB_MULTIPOLYGON, [("code_qp", S), ("lib_qp", S), ("insee_com", S), ("insee_dep", S)]),
    "qpv_2015": (WKB_MULTIPOLYGON, [("CODE_QP", S), ("NOM_QP", S), ("COMMUNE_QP", S)]),
    "france_services": (
        WKB_POINT,
        [
            ("id_fs", S),
            ("lib_fs", S),
            ("type_fs", S),
            ("format_fs", S),
            ("insee_com", S),
            ("insee_dep", S),
            ("latitude", D),
            ("longitude", D),
        ],
    ),
    "mediation_numerique": (
        WKB_POINT,
        [
            ("id", S),
            ("nom", S),
            ("code_insee", S),
            ("latitude", D),
            ("longitude", D),
            ("dispositif_programmes_nationaux", S),
            ("conseiller_numerique", I),
        ],
    ),
    "mobile_sites": (
        WKB_POINT,
        [
            ("code_op", S),
            ("nom_op", S),
            ("num_site", S),
            ("insee_com", S),
            ("insee_dep", S),
            ("site_4g", S),
            ("site_DCC", S),
            ("x", D),
            ("y", D),
        ],
    ),
    "france_thd": (WKB_MULTIPOLYGON, [(name, kind) for name, kind in PREMISES_FIELDS]),
    "communes": (
        WKB_MULTIPOLYGON,
        [("nom", S), ("code", S), ("codeEpci", S), ("codeDepartement", S), ("population", L)],
    ),
    "epci": (WKB_MULTIPOLYGON, [("code", S), ("nom", S), ("population", L), ("nb_communes", I)]),
    "departements": (WKB_MULTIPOLYGON, [("code_insee", S), ("nom_officiel", S), ("code_insee_de_la_region", S)]),
    "regions": (WKB_MULTIPOLYGON, [("code_insee", S), ("nom_officiel", S)]),
    # BD TOPO sections (a few of their 60 published fields) and the two the plugin adds; also the
    # style of anct:fetch_road_network's output.
    "road_network": (
        WKB_LINESTRING,
        [
            ("cleabs", S),
            ("nature", S),
            ("importance", S),
            ("sens_de_circulation", S),
            ("vitesse_moyenne_vl", L),
            ("speed_kmh", D),
            ("direction", I),
        ],
    ),
}

# Processing outputs: the fields anct:service_gap and anct:mobile_coverage_gap write (the unit id
# is named after the population layer's id field: code for communes, idcar_200m for the grid…).
GAP_FIELDS = [
    ("code", S),
    ("population", D),
    ("departement", S),
    ("epci", S),
    ("facility_id", S),
    ("facility_name", S),
    ("distance_m", D),
    ("time_min", D),
    ("access_m", D),
    ("beyond_threshold", I),
]
OUTPUT_FIELDS = {
    "service_gap": (WKB_MULTIPOLYGON, GAP_FIELDS),
    "service_gap_road": (WKB_MULTIPOLYGON, GAP_FIELDS),
    # Point units (grid cells as points, addresses, town halls): the same classes as circles.
    "service_gap_points": (WKB_POINT, GAP_FIELDS),
    "service_gap_road_points": (WKB_POINT, GAP_FIELDS),
}

# BD TOPO importance (1: the national network … 6: the smallest ways) -> colour, width (mm), label.
ROAD_IMPORTANCE = (
    ("1", "#C9191E", 1.2, "Importance 1 — liaisons nationales"),
    ("2", "#E8731C", 0.95, "Importance 2 — liaisons régionales"),
    ("3", "#F2B705", 0.75, "Importance 3 — liaisons départementales"),
    ("4", "#8C8C8C", 0.5, "Importance 4 — liaisons locales"),
    ("5", "#B3B3B3", 0.3, "Importance 5 — desserte"),
    ("6", "#D0D0D0", 0.2, "Importance 6 — voies de faible usage"),
)

# France services formats (format_fs, as published) -> legend label in French.
FRANCE_SERVICES_FORMATS = (
    ("Fixe", "Site fixe"),
    ("Multisites", "Site multisites"),
    ("Fixe_antenne(s)", "Antenne"),
    ("Bus_équivalent", "Bus France services"),
    ("Itinérante", "Itinérant"),
)
FRANCE_SERVICES_OTHER = "Autre format ou non renseigné"

# Flags arrive as text ("0"/"1") from the CSV, as integers from other writers: accept both.
IS_DCC = "\"site_DCC\" IN ('1', 1)"
IS_4G = "\"site_4g\" IN ('1', 1)"
MOBILE_RULES = (
    ("Couverture ciblée (New Deal mobile)", IS_DCC),
    ("Site 4G", f"NOT coalesce({IS_DCC}, false) AND {IS_4G}"),
    ("Site sans 4G", None),  # ELSE rule
)


def color(hex_code, opacity=1.0):
    c = QColor(hex_code)
    c.setAlphaF(opacity)
    return c


# --- symbols -------------------------------------------------------------------------------
def _symbol(symbol_class, symbol_layer):
    """A symbol made of one symbol layer. (Passing a list to the constructor does not hand the
    layers over to C++ on every PyQGIS version: appendSymbolLayer does.)"""
    symbol = symbol_class()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(symbol_layer)
    return symbol


def fill_symbol(fill, outline, width, fill_opacity):
    """Semi-transparent fill with an opaque outline, so several programme layers can stack."""
    layer = QgsSimpleFillSymbolLayer(
        color(fill, fill_opacity), Qt.BrushStyle.SolidPattern, color(outline), Qt.PenStyle.SolidLine, width
    )
    layer.setStrokeWidthUnit(MM)
    layer.setPenJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return _symbol(QgsFillSymbol, layer)


def hatched_programme_symbol(fill, outline, width, angle):
    """Hatching in the programme's colour inside an opaque outline, for the programmes that span
    whole EPCI (Territoires d'industrie, CRTE, FRR): a small programme's see-through fill drawn over
    them keeps its own colour between the lines instead of mixing into a colour no legend shows."""
    symbol = _symbol(QgsFillSymbol, QgsSimpleFillSymbolLayer(color(fill), Qt.BrushStyle.NoBrush, color(outline)))
    symbol.symbolLayer(0).setStrokeWidth(width)
    symbol.symbolLayer(0).setStrokeWidthUnit(MM)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(angle)
    hatch.setDistance(2.2)
    hatch.setDistanceUnit(MM)
    hatch.setLineWidth(0.35)
    hatch.setLineWidthUnit(MM)
    hatch.setColor(color(fill, 0.8))
    hatch.subSymbol().setColor(color(fill, 0.8))
    symbol.insertSymbolLayer(0, hatch)  # the outline over the hatching
    return symbol


def outline_symbol(stroke, width, dash=None):
    """No fill: a line along the polygon rings, optionally with a dash pattern in millimetres."""
    line = QgsSimpleLineSymbolLayer(color(stroke), width, Qt.PenStyle.SolidLine)
    line.setWidthUnit(MM)
    line.setPenJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash:
        line.setUseCustomDashPattern(True)
        line.setCustomDashVector(list(dash))
        line.setCustomDashPatternUnit(MM)
        line.setPenCapStyle(Qt.PenCapStyle.FlatCap)
    else:
        line.setPenCapStyle(Qt.PenCapStyle.RoundCap)
    return _symbol(QgsFillSymbol, line)


def marker_symbol(shape, fill, size, stroke=WHITE, stroke_width=0.4, level=0):
    layer = QgsSimpleMarkerSymbolLayer(SHAPES[shape], size)
    layer.setColor(color(fill))
    layer.setStrokeColor(color(stroke))
    layer.setStrokeWidth(stroke_width)
    layer.setSizeUnit(MM)
    layer.setStrokeWidthUnit(MM)
    layer.setPenJoinStyle(Qt.PenJoinStyle.MiterJoin)
    layer.setRenderingPass(level)  # with symbol levels on, higher passes are drawn on top
    return _symbol(QgsMarkerSymbol, layer)


# --- labels --------------------------------------------------------------------------------
def labeling(
    field, size, text_color, max_denominator, min_denominator=0.0, bold=False, italic=False, priority=5, wrap=0
):
    """Horizontal polygon labels with a thin white halo, shown between two scales.

    ``max_denominator``: hidden when zoomed out beyond 1:max_denominator (QGIS's "minimum scale");
    ``min_denominator``: hidden when zoomed in beyond it (0: no limit).
    """
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    font.setItalic(italic)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setSizeUnit(POINTS)
    text.setColor(color(text_color))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setSizeUnit(MM)
    buffer.setColor(color(WHITE))
    buffer.setOpacity(0.85)
    text.setBuffer(buffer)

    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.isExpression = False
    settings.setFormat(text)
    settings.placement = LABEL_HORIZONTAL
    settings.centroidInside = True
    settings.priority = priority
    if wrap:
        settings.autoWrapLength = wrap
    settings.scaleVisibility = True
    settings.minimumScale = max_denominator  # QGIS: "minimum" = most zoomed-out scale
    settings.maximumScale = min_denominator
    return QgsVectorLayerSimpleLabeling(settings)


# --- one style per layer ---------------------------------------------------------------------
def programme_renderer(layer_id, width=0.5, opacity=PROGRAMME_FILL_OPACITY):
    fill, outline = PROGRAMMES[layer_id]
    return QgsSingleSymbolRenderer(fill_symbol(fill, outline, width, opacity))


def large_programme_renderer(layer_id, angle, width=0.7):
    fill, outline = PROGRAMMES[layer_id]
    return QgsSingleSymbolRenderer(hatched_programme_symbol(fill, outline, width, angle))


def france_services_renderer():
    symbols = {
        "Fixe": marker_symbol("Circle", BLEU_FRANCE, 3.4, level=0),
        "Multisites": marker_symbol("Circle", BLEU_FRANCE_CLAIR, 3.4, stroke=BLEU_FRANCE, stroke_width=0.5, level=0),
        "Fixe_antenne(s)": marker_symbol("Circle", BLEU_FRANCE, 2.2, stroke_width=0.35, level=1),
        "Bus_équivalent": marker_symbol("Triangle", "#D55E00", 4.0, level=2),
        "Itinérante": marker_symbol("Diamond", "#D55E00", 3.8, level=2),
    }
    categories = [QgsRendererCategory(value, symbols[value], label) for value, label in FRANCE_SERVICES_FORMATS]
    # An empty value is QGIS's catch-all category: unknown formats and missing values.
    categories.append(QgsRendererCategory("", marker_symbol("Circle", "#7B7B7B", 2.4, level=0), FRANCE_SERVICES_OTHER))
    renderer = QgsCategorizedSymbolRenderer("format_fs", categories)
    renderer.setUsingSymbolLevels(True)
    return renderer


def mediation_numerique_renderer():
    """Squares: with a conseiller numérique (filled) or without (pale)."""
    categories = [
        QgsRendererCategory(1, marker_symbol("Square", "#6A6AF4", 2.6, stroke="#000091"), "Avec conseiller numérique"),
        QgsRendererCategory(0, marker_symbol("Square", "#E3E3FD", 2.2, stroke="#6A6AF4"), "Sans conseiller numérique"),
    ]
    return QgsCategorizedSymbolRenderer("conseiller_numerique", categories)


def density_renderer():
    """INSEE's seven levels; a background layer, so half transparent and without outlines' weight."""
    return QgsCategorizedSymbolRenderer(
        "dens",
        [
            QgsRendererCategory(value, fill_symbol(fill, "#FFFFFF", 0.1, 0.6), f"{value} — {label}")
            for value, label, fill in DENSITY_LEVELS
        ],
    )


# Share of premises eligible to FTTH (Arcep, best technology), pale to deep blue; communes without a
# row are drawn grey by QGIS's default (no class matches a NULL share).
FTTH_CLASSES = (
    (0, 50, "#F1EEF6", "Moins de 50 % des locaux"),
    (50, 80, "#BDC9E1", "50 à 80 %"),
    (80, 95, "#74A9CF", "80 à 95 %"),
    (95, 99.95, "#2B8CBE", "95 à 99,9 %"),
    (99.95, 100, "#045A8D", "100 % des locaux"),
)


def france_thd_renderer():
    """Communes by share of premises eligible to fibre; the share without a wired 30 Mbit/s offer is a field."""
    return graduated(
        "part_ftth",
        [
            QgsRendererRange(low, high, fill_symbol(fill, "#FFFFFF", 0.1, 0.8), label)
            for low, high, fill, label in FTTH_CLASSES
        ],
    )


# The typologies' levels in ANCT's order (anct-carto/superposeur-V2@3f2b0c0b frontend/config.js
# TYPOLOGIES_CONFIG; montagne's massifs as its grid writes them). ANCT's map gives no colours for them:
# a sequential scale for the centres (ColorBrewer Purples), qualitative ones (Set3, Paired) for the others.
TYPOLOGY_LEVELS = {
    "typologie_centralite": (
        ("Communes non centre", "#F2F0F7"),
        ("Centre local d'équipements et de services", "#CBC9E2"),
        ("Centre intermédiaire d'équipements et de services", "#9E9AC8"),
        ("Centre structurant d'équipements et de services", "#756BB1"),
        ("Centre majeur d'équipements et de services", "#54278F"),
    ),
    "typologie_ruralite": (
        ("Les ruralités touristiques spécialisées", "#8DD3C7"),
        ("Les ruralités touristiques à dominante résidentielle", "#FFFFB3"),
        ("Les ruralités productives agricoles", "#B3DE69"),
        ("Les ruralités productives ouvrières", "#FB8072"),
        ("Les petites polarités mixtes", "#80B1D3"),
        ("Les petites polarités industrielles et artisanales", "#FDB462"),
        ("Les ruralités résidentielles mixtes", "#BEBADA"),
        ("Les ruralités résidentielles aisées", "#FCCDE5"),
        ("Commune dont le périmètre a changé depuis la réalisation de la typologie", "#D9D9D9"),
        ("Hors champ : DOM ou commune urbaine", "#F7F7F7"),
    ),
    "typologie_montagne": (
        ("01 - Massif des Vosges", "#A6CEE3"),
        ("02 - Massif du Jura", "#1F78B4"),
        ("03 - Massif des Alpes", "#B2DF8A"),
        ("04 - Massif de Guadeloupe", "#33A02C"),
        ("05 - Massif de Corse", "#FB9A99"),
        ("06 - Massif Central", "#E31A1C"),
        ("07 - Massif de Martinique", "#FDBF6F"),
        ("08 - Massif des Pyrénées", "#FF7F00"),
        ("09 - Massif des Hauts de la Réunion", "#CAB2D6"),
    ),
}


def typology_renderer(layer_id):
    """One class per level of the typology, as its grid writes it (a background: half transparent)."""
    return QgsCategorizedSymbolRenderer(
        f"niveau_{layer_id.split('_', 1)[1]}",
        [
            QgsRendererCategory(level, fill_symbol(fill, "#FFFFFF", 0.1, 0.7), level)
            for level, fill in TYPOLOGY_LEVELS[layer_id]
        ],
    )


def mobile_sites_renderer():
    symbols = {
        MOBILE_RULES[0][0]: marker_symbol("Star", ROUGE_MARIANNE, 5.0, stroke=WHITE, stroke_width=0.4, level=2),
        # Squares: never mistaken for the circles of France services when both layers are shown.
        MOBILE_RULES[1][0]: marker_symbol("Square", "#3A3A3A", 2.0, stroke=WHITE, stroke_width=0.3, level=1),
        MOBILE_RULES[2][0]: marker_symbol("Square", WHITE, 1.9, stroke="#6A6A6A", stroke_width=0.4, level=0),
    }
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("root")
    for key, (label, expression) in zip(("targeted_coverage", "site_4g", "other"), MOBILE_RULES):
        rule = QgsRuleBasedRenderer.Rule(symbols[label], 0, 0, expression or "", label)
        rule.setRuleKey(key)  # fixed keys (not random UUIDs): regenerating gives the same file
        if expression is None:
            rule.setIsElse(True)
        root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    renderer.setUsingSymbolLevels(True)
    return renderer


# --- service gap (Processing outputs) ---------------------------------------------------------
# Within the goal: light blue-greys, darker with the distance. Beyond: strong red-purples.
GAP_NEAR = ("#DCE4EB", "#BCCBD8", "#9AB2C6", "#7794AE")
GAP_FAR = ("#C2187D", "#5E0B55")
GAP_UNREACHABLE = ("#EEEEEE", "#767676")  # background, hatching
OPEN_END = 1e9  # upper bound of the last class (metres or minutes): anything further
UNREACHABLE = -1  # time_min is NULL when no facility can be reached: drawn as this value
# (km from, km to or None, colour): distance_m is in metres, the legend speaks km.
DISTANCE_CLASSES = (
    (0, 5, GAP_NEAR[0]),
    (5, 10, GAP_NEAR[1]),
    (10, 15, GAP_NEAR[2]),
    (15, 20, GAP_NEAR[3]),
    (20, 30, GAP_FAR[0]),
    (30, None, GAP_FAR[1]),
)
# 0-10 min is drawn like 5-10 km, 20-30 min like 15-20 km: about the same places at ~50 km/h.
TIME_CLASSES = (
    (0, 10, GAP_NEAR[1]),
    (10, 20, GAP_NEAR[2]),
    (20, 30, GAP_NEAR[3]),
    (30, 45, GAP_FAR[0]),
    (45, None, GAP_FAR[1]),
)
UNREACHABLE_LABEL = "Injoignable par la route"


def gap_outline(fill_layer):
    """Thin white outline in metres on the ground, at most 0.2 mm: it separates communes when
    zoomed in, and fades out when zoomed out instead of washing a 200 m grid out in white."""
    fill_layer.setStrokeColor(color(WHITE))
    fill_layer.setStrokeStyle(Qt.PenStyle.SolidLine)
    fill_layer.setStrokeWidth(10.0)
    fill_layer.setStrokeWidthUnit(METRES_AT_SCALE)
    scale = QgsMapUnitScale()
    scale.maxSizeMMEnabled = True
    scale.maxSizeMM = 0.2
    fill_layer.setStrokeWidthMapUnitScale(scale)
    fill_layer.setPenJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return fill_layer


GAP_MARKER_MM = 2.2


def gap_symbol(fill, points=False):
    if points:  # a white rim keeps neighbouring circles apart
        return marker_symbol("Circle", fill, GAP_MARKER_MM, stroke_width=0.2)
    return _symbol(QgsFillSymbol, gap_outline(QgsSimpleFillSymbolLayer(color(fill), Qt.BrushStyle.SolidPattern)))


def hatched_symbol(background, lines, points=False):
    if points:  # no room for hatching in a dot: a pale one ringed in grey
        return marker_symbol("Circle", background, GAP_MARKER_MM, stroke=lines, stroke_width=0.5)
    symbol = gap_symbol(background)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(1.6)
    hatch.setDistanceUnit(MM)
    hatch.setLineWidth(0.3)
    hatch.setLineWidthUnit(MM)
    hatch.setColor(color(lines))
    hatch.subSymbol().setColor(color(lines))
    symbol.appendSymbolLayer(hatch)
    return symbol


def graduated(attribute, ranges):
    renderer = QgsGraduatedSymbolRenderer(attribute, ranges)
    renderer.setClassificationMethod(QgsClassificationCustom())  # fixed breaks: the national goal
    return renderer


def _km(value):
    return f"{value:g}".replace(".", ",")


def service_gap_renderer(points=False):
    """Straight-line distance (distance_m, metres), classes in km."""
    ranges = []
    for low, high, fill in DISTANCE_CLASSES:
        label = f"{_km(low)} à {_km(high)} km" if high is not None else f"Plus de {_km(low)} km"
        upper = high * 1000.0 if high is not None else OPEN_END
        ranges.append(QgsRendererRange(low * 1000.0, upper, gap_symbol(fill, points), label))
    return graduated("distance_m", ranges)


def service_gap_road_renderer(points=False):
    """Road time (time_min, minutes); NULL (no facility reachable) gets its own hatched class."""
    ranges = []
    for low, high, fill in TIME_CLASSES:
        label = f"{low} à {high} min" if high is not None else f"Plus de {low} min"
        ranges.append(
            QgsRendererRange(float(low), float(high if high is not None else OPEN_END), gap_symbol(fill, points), label)
        )
    ranges.append(
        QgsRendererRange(
            float(UNREACHABLE), float(UNREACHABLE), hatched_symbol(*GAP_UNREACHABLE, points=points), UNREACHABLE_LABEL
        )
    )
    # A graduated renderer draws nothing for NULL: classify coalesce(time_min, -1) instead.
    return graduated(f'coalesce("time_min", {UNREACHABLE})', ranges)


def road_network_renderer():
    """Categorised by importance; the big roads drawn last (on top)."""
    categories = []
    for value, stroke, width, label in ROAD_IMPORTANCE:
        line = QgsSimpleLineSymbolLayer(color(stroke), width, Qt.PenStyle.SolidLine)
        line.setWidthUnit(MM)
        line.setPenCapStyle(Qt.PenCapStyle.RoundCap)
        line.setPenJoinStyle(Qt.PenJoinStyle.RoundJoin)
        categories.append(QgsRendererCategory(value, _symbol(QgsLineSymbol, line), label))
    renderer = QgsCategorizedSymbolRenderer("importance", categories)
    order = QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause('to_int("importance")', False)])
    renderer.setOrderBy(order)
    renderer.setOrderByEnabled(True)
    return renderer


def single(symbol):
    return QgsSingleSymbolRenderer(symbol)


class Style:
    """How one layer is drawn: a renderer, optional labels, and whether the layer is blended with
    "multiply". Administrative outlines are: a thin light line (communes) drawn over a thick
    dark one (régions) then never lightens it, whatever the order of the layers."""

    def __init__(self, renderer, labels=None, multiply=False):
        self.renderer, self.labels, self.multiply = renderer, labels, multiply


STYLES = {
    "qpv": Style(
        lambda: single(fill_symbol(ROUGE_MARIANNE, ROUGE_MARIANNE, 0.4, QPV_FILL_OPACITY)),
        lambda: labeling("lib_qp", 8, ROUGE_SOMBRE, 50_000, italic=True, priority=7, wrap=18),
    ),
    "qpv_2015": Style(lambda: single(outline_symbol(ROUGE_SOMBRE, 0.5, dash=(2.0, 1.0)))),
    "territoires_industrie": Style(
        lambda: large_programme_renderer("territoires_industrie", 45),
        lambda: labeling(
            "lib_ti", 9, PROGRAMMES["territoires_industrie"][1], 1_500_000, bold=True, priority=6, wrap=20
        ),
    ),
    "action_coeur_de_ville": Style(
        lambda: programme_renderer("action_coeur_de_ville"),
        lambda: labeling("lib_acv", 9, PROGRAMMES["action_coeur_de_ville"][1], 500_000, bold=True, priority=6, wrap=20),
    ),
    # No name is published for PVD and Villages d'avenir (insee_com lists codes): no label.
    "petites_villes_de_demain": Style(lambda: programme_renderer("petites_villes_de_demain")),
    "villages_avenir": Style(lambda: programme_renderer("villages_avenir")),
    "crte": Style(lambda: large_programme_renderer("crte", 135)),
    **{
        layer_id: Style(
            lambda layer_id=layer_id, label=label: programme_renderer(layer_id),
            lambda layer_id=layer_id, label=label: labeling(
                label, 8.5, PROGRAMMES[layer_id][1], 500_000, bold=True, priority=5, wrap=20
            ),
        )
        for layer_id, label in (
            ("cites_educatives", "lib_cite"),
            ("cites_emploi", "lib_cde"),
            ("avenir_montagnes_ingenierie", "lib_ami"),
            ("avenir_montagnes_mobilites", "lib_porteur"),
        )
    },
    # Territories of whole EPCI, like the CRTE: hatched, in a direction of their own.
    "territoires_engagement": Style(lambda: large_programme_renderer("territoires_engagement", 90)),
    "france_ruralites_revitalisation": Style(
        lambda: large_programme_renderer("france_ruralites_revitalisation", 0, 0.4)
    ),
    "grille_densite": Style(density_renderer),
    "france_services": Style(france_services_renderer),
    "mobile_sites": Style(mobile_sites_renderer),
    "france_thd": Style(france_thd_renderer),
    **{layer_id: Style(lambda layer_id=layer_id: typology_renderer(layer_id)) for layer_id in TYPOLOGY_LEVELS},
    "mediation_numerique": Style(mediation_numerique_renderer),
    "communes": Style(
        lambda: single(outline_symbol("#A6A6A6", 0.2)),
        lambda: labeling("nom", 8, "#3A3A3A", 100_000, priority=3, wrap=16),
        multiply=True,
    ),
    "epci": Style(
        lambda: single(outline_symbol("#6A6A6A", 0.4, dash=(2.5, 1.2))),
        lambda: labeling("nom", 8.5, "#555555", 1_000_000, 100_000, italic=True, priority=4, wrap=20),
        multiply=True,
    ),
    "departements": Style(lambda: single(outline_symbol("#4A4A4A", 0.7)), multiply=True),
    "regions": Style(lambda: single(outline_symbol("#2B2B2B", 1.3)), multiply=True),
    # Processing outputs (OUTPUT_FIELDS), not catalogue layers.
    "service_gap": Style(service_gap_renderer),
    "service_gap_road": Style(service_gap_road_renderer),
    "service_gap_points": Style(lambda: service_gap_renderer(points=True)),
    "service_gap_road_points": Style(lambda: service_gap_road_renderer(points=True)),
    "road_network": Style(road_network_renderer),
}
# Every other programme of PROGRAMMES: commune-level, one fill each (no published name to label them with).
PLAIN_PROGRAMMES = tuple(layer_id for layer_id in PROGRAMMES if layer_id not in STYLES)
STYLES.update(
    {layer_id: Style(lambda layer_id=layer_id: programme_renderer(layer_id)) for layer_id in PLAIN_PROGRAMMES}
)


def memory_layer(layer_id, crs="EPSG:2154"):
    """An empty memory layer with the published fields of ``layer_id`` (or an output's fields)."""
    from qgis.core import QgsField, QgsWkbTypes

    wkb, fields = LAYER_FIELDS[layer_id] if layer_id in LAYER_FIELDS else OUTPUT_FIELDS[layer_id]
    layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(wkb)}?crs={crs}", layer_id, "memory")
    layer.dataProvider().addAttributes([QgsField(name, kind) for name, kind in fields])
    layer.updateFields()
    return layer


def styled_layer(layer_id, crs="EPSG:2154"):
    layer = memory_layer(layer_id, crs)
    style = STYLES[layer_id]
    layer.setRenderer(style.renderer())
    if style.labels:
        layer.setLabeling(style.labels())
    layer.setLabelsEnabled(style.labels is not None)
    if style.multiply:
        layer.setBlendMode(QPainter.CompositionMode.CompositionMode_Multiply)
    return layer


def write_styles(target_dir):
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for layer_id in STYLES:
        path = target_dir / f"{layer_id}.qml"
        message, ok = styled_layer(layer_id).saveNamedStyle(str(path), STYLE_CATEGORIES)
        if not ok:
            raise RuntimeError(f"{layer_id}: {message}")
        check = memory_layer(layer_id)
        message, ok = check.loadNamedStyle(str(path))
        if not ok:
            raise RuntimeError(f"{path} does not load back: {message}")
        written.append(path)
    return written


def layer_with(style_id, rows, name=None):
    """A styled memory layer holding hand-made (geometry, {field: value}) rows."""
    from qgis.core import QgsFeature

    layer = styled_layer(style_id)
    if name:
        layer.setName(name)
    features = []
    for geometry, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        for key, value in values.items():
            feature[key] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def render_panel(layers, extent, background, size, dpi):
    """(image, scale) of layers drawn over extent in a size×size square, in Lambert-93."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    settings.setOutputSize(QSize(size, size))
    settings.setOutputDpi(dpi)
    settings.setBackgroundColor(QColor(background))
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage(), settings.scale()


# --- preview ---------------------------------------------------------------------------------
def _draw_panels(painter, corners, panels):
    """Each rendered (image, scale) panel at its (left, top) corner, its scale written above it."""
    from qgis.PyQt.QtGui import QColor

    for (left, top), (rendered, scale) in zip(corners, panels):
        painter.drawImage(left, top, rendered)
        painter.setPen(QColor("#000000"))
        painter.drawText(left + 4, top - 8, f"1:{scale:,.0f}".replace(",", " "))


def _finish_with_legend(painter, image, path, layers, origin, map_scale=None):
    """The layers' legend drawn from ``origin``, then the image saved to ``path``; ``map_scale``:
    (scale, dpi) for symbols sized in map units."""
    from qgis.core import (
        QgsLayerTree,
        QgsLayerTreeModel,
        QgsLegendRenderer,
        QgsLegendSettings,
        QgsMapToPixel,
        QgsRenderContext,
    )

    root = QgsLayerTree()
    for layer in layers:
        root.addLayer(layer)
    model = QgsLayerTreeModel(root)  # held: the renderer keeps a raw pointer to it
    painter.translate(*origin)
    painter.scale(2.2, 2.2)  # legend sizes are in millimetres: make it legible at screen resolution
    context = QgsRenderContext.fromQPainter(painter)
    if map_scale is not None:
        scale, dpi = map_scale
        context.setRendererScale(scale)
        context.setMapToPixel(QgsMapToPixel(scale * 0.0254 / dpi))
    context.setFlag(
        first_spelling(lambda: _qgis().RenderContextFlag.Antialiasing, lambda: QgsRenderContext.Antialiasing)
    )
    QgsLegendRenderer(model, QgsLegendSettings()).drawLegend(context)
    painter.end()
    image.save(str(path))
    return path


def _voronoi_communes(rng, area, step, jitter):
    """Hand-made 'communes' for a preview: the Voronoi cells, clipped to ``area`` (x0, y0, width, height),
    of a grid of seeds ``step`` apart moved by up to ``jitter`` each way; and the area's rectangle."""
    from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

    x0, y0, width, height = area
    seeds = [
        QgsPointXY(
            x0 + (i + 0.5) * step + rng.uniform(-jitter, jitter), y0 + (j + 0.5) * step + rng.uniform(-jitter, jitter)
        )
        for i in range(width // step)
        for j in range(height // step)
    ]
    box = QgsRectangle(x0, y0, x0 + width, y0 + height)
    clip = QgsGeometry.fromRect(box)
    cells = (
        part.intersection(clip)
        for part in QgsGeometry.fromMultiPointXY(seeds).voronoiDiagram(clip).asGeometryCollection()
    )
    return [cell for cell in cells if not cell.isEmpty()], box


def _preview_layers():
    """Hand-made features: a Voronoi 'country' with nested communes, EPCI, départements and
    régions; programme perimeters as unions of communes; QPV, France services and mobile sites
    in and around the largest 'town'. Coordinates in Lambert-93 around Châteauroux."""
    from qgis.core import QgsGeometry, QgsPointXY

    rng = random.Random(36)
    x0, y0, width, height = 560_000, 6_580_000, 120_000, 100_000
    communes, box = _voronoi_communes(rng, (x0, y0, width, height), 5_000, 1800)
    centre = lambda g: g.centroid().asPoint()  # noqa: E731
    epci_seeds = [
        QgsPointXY(
            x0 + (i + 0.5) * 24_000 + rng.uniform(-5000, 5000), y0 + (j + 0.5) * 25_000 + rng.uniform(-5000, 5000)
        )
        for i in range(5)
        for j in range(4)
    ]

    def nearest(point, candidates):
        return min(range(len(candidates)), key=lambda k: point.sqrDist(candidates[k]))

    epci_of = [nearest(centre(c), epci_seeds) for c in communes]
    # Départements: EPCI seeds split in four quadrants; régions: west and east halves.
    dep_of_epci = [(0 if p.x() < x0 + width / 2 else 2) + (0 if p.y() < y0 + height / 2 else 1) for p in epci_seeds]
    names = [
        "Châteauroux",
        "Déols",
        "Issoudun",
        "Le Blanc",
        "Argenton-sur-Creuse",
        "Buzançais",
        "Levroux",
        "Valençay",
        "Aigurande",
        "La Châtre",
        "Saint-Maur",
        "Ardentes",
        "Vatan",
        "Écueillé",
        "Mézières",
        "Bélâbre",
        "Saint-Gaultier",
        "Éguzon",
        "Neuvy-Saint-Sépulchre",
        "Reuilly",
        "Chabris",
        "Clion",
    ]
    town = nearest(QgsPointXY(x0 + width / 2 + 3000, y0 + height / 2 + 4000), [centre(c) for c in communes])

    def union(indexes):
        return QgsGeometry.unaryUnion([communes[k] for k in indexes])

    commune_rows = [
        (
            g,
            {
                "nom": names[k % len(names)] if k != town else "Châteauroux",
                "code": f"36{k:03d}",
                "codeEpci": str(epci_of[k]),
                "codeDepartement": "36",
                "population": 1000,
            },
        )
        for k, g in enumerate(communes)
    ]
    epci_rows = [
        (
            union([k for k, e in enumerate(epci_of) if e == n]),
            {
                "code": str(n),
                "nom": f"CC du {names[n % len(names)]}"
                if n % 3
                else f"Communauté d'agglomération de {names[n % len(names)]}",
                "nb_communes": 1,
            },
        )
        for n in range(len(epci_seeds))
        if n in epci_of
    ]
    dep_rows = [
        (
            union([k for k, e in enumerate(epci_of) if dep_of_epci[e] == d]),
            {"code_insee": str(d), "nom_officiel": f"Département {d}"},
        )
        for d in range(4)
    ]
    region_rows = [
        (
            union([k for k, e in enumerate(epci_of) if dep_of_epci[e] // 2 == r]),
            {"code_insee": str(r), "nom_officiel": f"Région {r}"},
        )
        for r in range(2)
    ]

    town_point = centre(communes[town])
    by_distance = sorted(range(len(communes)), key=lambda k: town_point.sqrDist(centre(communes[k])))
    ti = by_distance[:14]
    acv = [town]
    pvd = [by_distance[20], by_distance[25], by_distance[31]]
    va = [by_distance[25], by_distance[40], by_distance[47]]  # one commune in PVD and VA: stacking

    def blob(cx, cy, radius, sides=9):
        points = [
            QgsPointXY(
                cx + radius * (0.7 + 0.3 * rng.random()) * math.cos(2 * math.pi * s / sides),
                cy + radius * (0.7 + 0.3 * rng.random()) * math.sin(2 * math.pi * s / sides),
            )
            for s in range(sides)
        ]
        return QgsGeometry.fromPolygonXY([points + points[:1]])

    tx, ty = town_point.x(), town_point.y()
    qpv = [
        (blob(tx - 900, ty + 600, 600), {"code_qp": "QN03601M", "lib_qp": "Beaulieu"}),
        (blob(tx + 1100, ty - 300, 700), {"code_qp": "QN03602M", "lib_qp": "Saint Jean - Saint Jacques"}),
        (
            blob(tx + 200, ty - 1500, 500),
            {"code_qp": "QN03603M", "lib_qp": "Vaugirard - Saint Christophe - Les Rocheforts"},
        ),
    ]
    qpv_2015 = [
        (blob(tx - 850, ty + 650, 750), {"CODE_QP": "QP036001", "NOM_QP": "Beaulieu"}),
        (blob(tx + 1900, ty + 1300, 500), {"CODE_QP": "QP036004", "NOM_QP": "Les Marins"}),
    ]
    fs_rows = []
    for n, (fmt, _label) in enumerate(FRANCE_SERVICES_FORMATS + (("Autre", ""),)):
        angle = 2 * math.pi * n / 6
        fs_rows.append(
            (
                QgsGeometry.fromPointXY(QgsPointXY(tx + 2600 * math.cos(angle), ty + 2600 * math.sin(angle))),
                {"id_fs": str(n), "lib_fs": f"France services {n}", "format_fs": fmt},
            )
        )
        far = communes[by_distance[8 + 7 * n]]
        fs_rows.append((far.centroid(), {"id_fs": str(10 + n), "format_fs": fmt}))
    mobile_rows = []
    for n, (dcc, four_g) in enumerate(
        [("1", "1"), ("0", "1"), ("0", "0"), ("1", "0"), ("0", "1"), (None, "1"), ("0", None)]
    ):
        angle = 2 * math.pi * n / 7 + 0.4
        mobile_rows.append(
            (
                QgsGeometry.fromPointXY(QgsPointXY(tx + 3600 * math.cos(angle), ty + 3600 * math.sin(angle))),
                {"site_DCC": dcc, "site_4g": four_g},
            )
        )
        far = communes[by_distance[12 + 9 * n]]
        mobile_rows.append(
            (
                QgsGeometry.fromPointXY(
                    QgsPointXY(far.centroid().asPoint().x() + 1200, far.centroid().asPoint().y() - 900)
                ),
                {"site_DCC": dcc, "site_4g": four_g},
            )
        )

    ordered = [  # top first
        layer_with("mobile_sites", mobile_rows),
        layer_with("france_services", fs_rows),
        layer_with("qpv", qpv),
        layer_with("qpv_2015", qpv_2015),
        layer_with("action_coeur_de_ville", [(union(acv), {"id_acv": "ACV057", "lib_acv": "Châteauroux"})]),
        layer_with("petites_villes_de_demain", [(union([k]), {"id_pvd": f"pvd-{k}"}) for k in pvd]),
        layer_with("villages_avenir", [(union([k]), {"id_va": f"va-{k}"}) for k in va]),
        layer_with(
            "territoires_industrie", [(union(ti), {"id_ti": "ti-2403", "lib_ti": "Châteauroux – Buzançais – Argenton"})]
        ),
        layer_with("communes", commune_rows),
        layer_with("epci", epci_rows),
        layer_with("departements", dep_rows),
        layer_with("regions", region_rows),
    ]
    return ordered, box, town_point


def render_preview(path):
    from qgis.core import (
        QgsRectangle,
    )
    from qgis.PyQt.QtGui import QImage

    from anct_qgis_plugin.core.published.catalogue import get_source

    layers, box, town = _preview_layers()
    for layer in layers:
        layer.setName(get_source(layer.name()).title_fr)
    dpi, panel = 96, 820

    def render(extent, background):
        return render_panel(layers, extent, background, panel, dpi)

    def around(point, denominator):
        half = denominator * panel / dpi * 0.0254 / 2
        return QgsRectangle(point.x() - half, point.y() - half, point.x() + half, point.y() + half)

    panels = [
        render(box.buffered(2000), "#F2EFE9"),  # OSM land colour
        render(around(town, 300_000), "#FFFFFF"),
        render(around(town, 45_000), "#FFFFFF"),
    ]
    # 2 x 2: three map panels, the legend in the fourth cell.
    image = QImage(panel * 2 + 30, panel * 2 + 60, QImage.Format.Format_ARGB32)
    image.fill(QColor(WHITE))
    painter = QPainter(image)
    _draw_panels(painter, [(10, 30), (panel + 20, 30), (10, panel + 60)], panels)
    return _finish_with_legend(painter, image, path, layers, (panel + 40, panel + 70))


def _gap_preview_layers():
    """Hand-made outputs: Voronoi 'communes' over 150 x 120 km with a few France services sites
    (distance_m, and a road time ~ 1.3 x the distance at 50 km/h with two unreachable communes),
    and a 200 m grid across the 20 km line of the first site."""
    from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

    rng = random.Random(2154)
    x0, y0, width, height = 560_000, 6_560_000, 150_000, 120_000
    communes, box = _voronoi_communes(rng, (x0, y0, width, height), 6_000, 2200)
    sites = [
        QgsPointXY(x0 + fx * width, y0 + fy * height)
        for fx, fy in ((0.3, 0.55), (0.62, 0.7), (0.5, 0.25), (0.12, 0.15), (0.85, 0.35))
    ]

    def nearest(point):
        return min((math.hypot(point.x() - s.x(), point.y() - s.y()), k) for k, s in enumerate(sites))

    straight, road = [], []
    for n, commune in enumerate(communes):
        distance, site = nearest(commune.pointOnSurface().asPoint())
        values = {
            "code": f"36{n:03d}",
            "population": 500,
            "facility_id": str(site),
            "distance_m": distance,
            "beyond_threshold": int(distance > 20_000),
        }
        straight.append((commune, values))
        minutes = None if n in (7, 8) else distance * rng.uniform(1.15, 1.5) / (50 / 3.6) / 60
        road.append(
            (
                commune,
                {
                    **values,
                    "distance_m": None,
                    "time_min": minutes,
                    "beyond_threshold": int(minutes is None or minutes > 30),
                },
            )
        )
    centre = QgsPointXY(sites[0].x() + 14_000, sites[0].y() - 10_000)  # across the 20 km line
    cells, dots = [], []
    for i in range(-60, 60):
        for j in range(-60, 60):
            if rng.random() < 0.35:  # the grid only holds inhabited cells
                continue
            x, y = centre.x() + i * 200, centre.y() + j * 200
            distance, site = nearest(QgsPointXY(x + 100, y + 100))
            values = {"code": f"CRS3035RES200mN{y:.0f}E{x:.0f}", "population": 12, "distance_m": distance}
            cells.append((QgsGeometry.fromRect(QgsRectangle(x, y, x + 200, y + 200)), values))
            if i % 4 == 0 and j % 4 == 0:  # addresses or town halls: sparser points
                minutes = None if distance > 27_000 else distance * 1.3 / (50 / 3.6) / 60
                dots.append(
                    (
                        QgsGeometry.fromPointXY(QgsPointXY(x + 100, y + 100)),
                        {**values, "distance_m": None, "time_min": minutes},
                    )
                )
    return (
        layer_with("service_gap", straight, "Distance à vol d'oiseau (service_gap)"),
        layer_with("service_gap_road", road, "Temps par la route (service_gap_road)"),
        layer_with("service_gap", cells, "Carreaux de 200 m (service_gap)"),
        layer_with("service_gap_road_points", dots, "Points, par la route (service_gap_road_points)"),
        box,
        centre,
    )


def render_gap_preview(path):
    from qgis.core import (
        QgsRectangle,
    )
    from qgis.PyQt.QtGui import QImage

    straight, road, grid, dots, box, centre = _gap_preview_layers()
    dpi, panel = 96, 820

    def render(layer, extent):
        return render_panel([layer], extent, WHITE, panel, dpi)

    half = 100_000 * panel / dpi * 0.0254 / 2  # the grid at 1:100 000
    grid_extent = QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half)
    panels = [
        render(straight, box.buffered(2000)),
        render(road, box.buffered(2000)),
        render(grid, grid_extent),
        render(dots, grid_extent),
    ]
    legend_width = 620
    image = QImage(panel * 2 + legend_width + 40, panel * 2 + 60, QImage.Format.Format_ARGB32)
    image.fill(QColor(WHITE))
    painter = QPainter(image)
    _draw_panels(painter, [(10, 30), (panel + 20, 30), (10, panel + 60), (panel + 20, panel + 60)], panels)
    # The outlines are in metres: give the legend a map scale, as QGIS's canvas and layouts do.
    return _finish_with_legend(painter, image, path, (straight, road, dots), (2 * panel + 40, 40), (panels[0][1], dpi))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when resources/styles is out of date")
    parser.add_argument("--preview", metavar="PNG", help="render a preview map of every style")
    parser.add_argument("--preview-gap", metavar="PNG", help="render a preview of the service-gap styles")
    args = parser.parse_args(argv)

    QgsApplication.setPrefixPath(os.environ.get("QGIS_PREFIX_PATH", "/usr"), True)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                written = write_styles(Path(tmp))
                stale = [
                    p.name
                    for p in written
                    if not (STYLES_DIR / p.name).is_file() or not filecmp.cmp(p, STYLES_DIR / p.name, False)
                ]
            unknown = sorted({p.name for p in STYLES_DIR.glob("*.qml")} - {p.name for p in written})
            if stale:
                print("out of date: " + ", ".join(stale))
            if unknown:
                print("not generated by this script: " + ", ".join(unknown))
            if stale or unknown:
                return 1
            print("styles up to date")
        else:
            for path in write_styles(STYLES_DIR):
                print(path.relative_to(ROOT))
        if args.preview:
            print(render_preview(Path(args.preview)))
        if args.preview_gap:
            print(render_gap_preview(Path(args.preview_gap)))
        return 0
    finally:
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
