"""How an indicator layer is drawn, by the kind of indicator: rates and densities in five classes (natural
breaks, the method named in the legend), changes on a diverging ramp centred on 0, zonings by category;
every kind with an "n.d." class for NULL (missing, secret, not classified)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsClassificationJenks,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsRuleBasedRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..i18n import tr

if TYPE_CHECKING:
    from qgis.core import QgsVectorLayer

CLASSES = 5
NO_DATA = "#d9d9d9"
SEQUENTIAL = ("#fef0d9", "#b30000")
DIVERGING = ("#b2182b", "#f7f7f7", "#2166ac")
CATEGORY_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")


def _symbol(colour: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#ffffff", "outline_width": "0.1"})


def _rule(expression: str, label: str, colour: str | None = None) -> QgsRuleBasedRenderer.Rule:
    symbol = _symbol(colour) if colour else None
    return QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label)  # type: ignore[arg-type]  # None: no symbol


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f")


def _classes(layer: QgsVectorLayer, field: str, kind: str, root: QgsRuleBasedRenderer.Rule) -> None:
    quoted = f'"{field}"'
    values = [v for v in (f[field] for f in layer.getFeatures()) if isinstance(v, (int, float))]
    if not values:
        return
    method = QgsClassificationJenks()
    # From the values, not the layer: QGIS reads a NULL of a double field as 0 when it classifies a layer.
    ranges = method.classes(values, min(CLASSES, len(set(values))))
    if kind == "change":  # the class middle on a ramp whose white is 0
        low, mid, high = (QColor(c) for c in DIVERGING)
        ramp = QgsGradientColorRamp(low, high, False, [QgsGradientStop(0.5, mid)])
        extent = max(abs(min(values)), abs(max(values))) or 1.0
        positions = [0.5 + (r.lowerBound() + r.upperBound()) / 4 / extent for r in ranges]
    else:
        ramp = QgsGradientColorRamp(QColor(SEQUENTIAL[0]), QColor(SEQUENTIAL[1]))
        positions = [n / max(len(ranges) - 1, 1) for n in range(len(ranges))]
    group = _rule("", tr("{method}, {n} classes").format(method=method.name(), n=len(ranges)))
    for number, (each, at) in enumerate(zip(ranges, positions)):
        lower, upper = each.lowerBound(), each.upperBound()
        test = ">=" if number == 0 else ">"
        group.appendChild(
            _rule(
                f"{quoted} {test} {lower!r} AND {quoted} <= {upper!r}",
                f"{_number(lower)} – {_number(upper)}",
                ramp.color(at).name(),
            )
        )
    root.appendChild(group)


def _categories(layer: QgsVectorLayer, field: str, root: QgsRuleBasedRenderer.Rule) -> None:
    quoted = f'"{field}"'
    # NULL is a QVariant under PyQt5, None under PyQt6: only real values make a category.
    values = sorted({f[field] for f in layer.getFeatures() if isinstance(f[field], (int, float, str))}, key=str)
    for number, value in enumerate(values):
        literal = repr(value) if isinstance(value, (int, float)) else "'" + str(value).replace("'", "''") + "'"
        shown = _number(value) if isinstance(value, float) else str(value)
        root.appendChild(_rule(f"{quoted} = {literal}", shown, CATEGORY_COLOURS[number % len(CATEGORY_COLOURS)]))


def style_indicator(layer: QgsVectorLayer, field: str, kind: str, title: str) -> None:
    """Draw ``layer`` by ``field`` for its kind ("rate", "change", "zoning"); the legend titled ``title``."""
    root = QgsRuleBasedRenderer.Rule(None)  # type: ignore[arg-type]  # QGIS's .pyi forget that None is taken
    if kind == "zoning":
        _categories(layer, field, root)
    else:
        _classes(layer, field, kind, root)
    root.appendChild(_rule(f'"{field}" IS NULL', tr("n.d."), NO_DATA))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setName(title)
