"""Charts for the printed sheets, drawn with QPainter into an SVG file (pure Qt, no matplotlib).

``comparison_chart_svg`` draws a grouped horizontal bar chart comparing one territory with its
région and France on a few ratios. The SVG is sized in millimetres so that, shown in a layout
picture of the same size, its fonts print at their nominal point size.
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from qgis.PyQt.QtSvg import QSvgGenerator

from .style import COLOURS, FONT_FAMILY
from .texts import DEFAULT_LANGUAGE, NBSP, WORDS, ChartRow, ChartWords, Strip, format_number

SERIES_COLOURS = (COLOURS["bleu_france"], COLOURS["blue_grey"], COLOURS["light_grey"])
_DPI = 720.0  # 10 px per point: integral pixel sizes for fonts
_MM_PER_INCH = 25.4


def _pixels(millimetres: float) -> float:
    return millimetres * _DPI / _MM_PER_INCH


def _svg(path: str, width_mm: float, height_mm: float, title: str) -> tuple[QSvgGenerator, float, float]:
    """An SVG of ``width_mm`` × ``height_mm`` at the sheet's resolution, and its size in pixels."""
    width_px, height_px = _pixels(width_mm), _pixels(height_mm)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(round(width_px)), int(round(height_px))))
    generator.setViewBox(QRectF(0, 0, width_px, height_px))
    generator.setResolution(int(_DPI))
    generator.setTitle(title)
    return generator, width_px, height_px


def _painter(generator: QSvgGenerator, path: str) -> QPainter:
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write the SVG chart {path}")
    return painter


def _font(size_pt: float, bold: bool = False, italic: bool = False, family: str | None = None) -> QFont:
    font = QFont(family or FONT_FAMILY)
    # Pixel size on the generator's device: the SVG text then measures exactly size_pt at print scale.
    font.setPixelSize(max(1, round(size_pt * _DPI / 72.0)))
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int = 2) -> list[str]:
    """Split ``text`` into at most ``max_lines`` lines fitting ``width`` (elided last line)."""
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    if lines:
        lines[-1] = metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
    return lines or [""]


def _valid(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def comparison_chart_svg(
    path: str,
    indicators: Sequence[ChartRow],
    series_names: Sequence[str],
    title: str = "",
    width_mm: float = 180.0,
    height_mm: float = 85.0,
    value_format: Callable[[float, int], str] | None = None,
    font_family: str | None = None,
    words: ChartWords | None = None,
) -> str:
    """Write a grouped horizontal bar chart to the SVG file ``path`` and return ``path``.

    ``indicators``: ChartRow or ``(label, [territory, région, France])`` pairs; a value may be None
    (drawn "n.d."). Each indicator row is scaled to its own maximum, so ratios of different
    magnitudes (a density, a percentage) are comparable; the real value is printed at the end
    of each bar. ``series_names``: the three series labels (e.g. "Creuse", "Nouvelle-Aquitaine",
    "France"). ``value_format``: optional callable ``(value, row_index) -> str``.
    ``words``: what the chart says besides its data (default: a French sheet's).
    """
    words = words or WORDS[DEFAULT_LANGUAGE].chart
    series_names = list(series_names)[:3]
    generator, width_px, height_px = _svg(path, width_mm, height_mm, title or words.name)
    generator.setDescription("; ".join(label for label, _ in indicators))
    painter = _painter(generator, path)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        _draw_chart(
            painter, generator, width_px, height_px, indicators, series_names, title, value_format, font_family, words
        )
    finally:
        painter.end()
    return path


def _draw_chart(
    painter: QPainter,
    device: QSvgGenerator,
    width: float,
    height: float,
    indicators: Sequence[ChartRow],
    series_names: list[str],
    title: str,
    value_format: Callable[[float, int], str] | None,
    font_family: str | None,
    words: ChartWords,
) -> None:
    text_colour = QColor(COLOURS["text"])
    muted = QColor(COLOURS["muted"])
    title_font = _font(9, bold=True, family=font_family)
    legend_font = _font(7.5, family=font_family)
    label_font = _font(7.5, family=font_family)
    value_font = _font(7, family=font_family)
    value_bold = _font(7, bold=True, family=font_family)
    nd_font = _font(7, italic=True, family=font_family)
    note_font = _font(7, italic=True, family=font_family)
    metrics = {
        id(f): QFontMetricsF(f, device)
        for f in (title_font, legend_font, label_font, value_font, value_bold, nd_font, note_font)
    }

    def fm(font: QFont) -> QFontMetricsF:
        return metrics[id(font)]

    left, right = _pixels(0.5), width - _pixels(0.5)
    top = _pixels(0.5)

    # Title (left) and legend (right) share the first line.
    y = top
    header_height = max(fm(title_font).height(), fm(legend_font).height())
    if title:
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(QPointF(left, y + fm(title_font).ascent()), title)
    swatch = _pixels(2.6)
    gap = _pixels(1.2)
    spacing = _pixels(4)
    entries = [(name, SERIES_COLOURS[i]) for i, name in enumerate(series_names)]
    legend_width = sum(swatch + gap + fm(legend_font).horizontalAdvance(name) for name, _ in entries)
    legend_width += spacing * max(0, len(entries) - 1)
    x = right - legend_width if title else left
    baseline = y + (header_height + fm(legend_font).ascent() - fm(legend_font).descent()) / 2
    painter.setFont(legend_font)
    for name, colour in entries:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF(x, baseline - fm(legend_font).ascent() * 0.85, swatch, swatch))
        painter.setPen(text_colour)
        painter.drawText(QPointF(x + swatch + gap, baseline), name)
        x += swatch + gap + fm(legend_font).horizontalAdvance(name) + spacing
    y += header_height + _pixels(2.5)

    bottom = height - _pixels(0.5)
    if words.note:
        bottom -= fm(note_font).height() + _pixels(1)
        painter.setFont(note_font)
        painter.setPen(muted)
        painter.drawText(QPointF(left, height - _pixels(0.5) - fm(note_font).descent()), words.note)

    rows = list(indicators)
    if not rows:
        painter.setFont(nd_font)
        painter.setPen(muted)
        painter.drawText(QRectF(left, y, right - left, bottom - y), Qt.AlignmentFlag.AlignCenter, words.empty)
        return

    # Columns: indicator label | bars | values.
    label_width = min(_pixels(62), (right - left) * 0.36)
    value_reserve = max(fm(value_bold).horizontalAdvance("000" + NBSP + "000,0"), _pixels(14))
    bar_left = left + label_width + _pixels(3)
    bar_span = max(_pixels(10), right - bar_left - value_reserve - _pixels(1.5))
    row_height = (bottom - y) / len(rows)
    bar_height = min(_pixels(3.2), row_height * 0.8 / 3.6)
    bar_gap = bar_height * 0.3
    group_height = 3 * bar_height + 2 * bar_gap

    grid_pen = QPen(QColor(COLOURS["rule"]))
    grid_pen.setWidthF(_pixels(0.2))
    axis_pen = QPen(QColor(COLOURS["axis"]))
    axis_pen.setWidthF(_pixels(0.25))

    for index, (label, values) in enumerate(rows):
        values = (list(values) + [None, None, None])[:3]
        row_top = y + index * row_height
        if index:
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(left, row_top), QPointF(right, row_top))
        # Label, vertically centred, up to two lines.
        painter.setFont(label_font)
        painter.setPen(text_colour)
        lines = _wrap(str(label), fm(label_font), label_width, max_lines=2 if row_height > _pixels(8) else 1)
        line_height = fm(label_font).height()
        text_top = row_top + (row_height - line_height * len(lines)) / 2
        for number, line in enumerate(lines):
            painter.drawText(QPointF(left, text_top + number * line_height + fm(label_font).ascent()), line)

        finite = [v for v in values if _valid(v)]
        scale = max([v for v in finite if v > 0], default=0)
        group_top = row_top + (row_height - group_height) / 2
        for series, value in enumerate(values):
            bar_top = group_top + series * (bar_height + bar_gap)
            centre = bar_top + bar_height / 2
            if not _valid(value):
                painter.setFont(nd_font)
                painter.setPen(muted)
                painter.drawText(
                    QPointF(bar_left + _pixels(1), centre + (fm(nd_font).ascent() - fm(nd_font).descent()) / 2),
                    words.nd,
                )
                continue
            length = bar_span * max(0.0, value) / scale if scale > 0 else 0.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SERIES_COLOURS[series]))
            if length > 0:
                painter.drawRect(QRectF(bar_left, bar_top, length, bar_height))
            text = value_format(value, index) if value_format else format_number(value)
            font = value_bold if series == 0 else value_font
            painter.setFont(font)
            painter.setPen(text_colour if series == 0 else QColor(COLOURS["text_secondary"]))
            painter.drawText(
                QPointF(bar_left + length + _pixels(1.2), centre + (fm(font).ascent() - fm(font).descent()) / 2), text
            )
    painter.setPen(axis_pen)
    painter.drawLine(QPointF(bar_left, y), QPointF(bar_left, bottom))


LOG_SCALE_FROM = 50.0  # a strip whose largest value is this many times its smallest is drawn on a log scale


def dot_strip_svg(
    path: str,
    strips: Sequence[Strip],
    title: str,
    width_mm: float = 50.0,
    height_mm: float = 30.0,
    value_format: Callable[[float, int], str] | None = None,
    font_family: str | None = None,
) -> str:
    """The département among all départements: per indicator, a line of one dot per département
    (grey; its région's blue-grey), this one's in red with its value and rank; values spanning
    more than LOG_SCALE_FROM times are placed on a log scale. Writes the SVG ``path`` and returns it."""
    generator, width_px, height_px = _svg(path, width_mm, height_mm, title)
    painter = _painter(generator, path)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _draw_strips(painter, generator, width_px, height_px, list(strips), title, value_format, font_family)
    finally:
        painter.end()
    return path


def _draw_strips(
    painter: QPainter,
    device: QSvgGenerator,
    width: float,
    height: float,
    strips: list,
    title: str,
    value_format: Callable[[float, int], str] | None,
    font_family: str | None,
) -> None:
    title_font, label_font = _font(8, bold=True, family=font_family), _font(6.5, family=font_family)
    value_font = _font(6, bold=True, family=font_family)
    title_metrics, label_metrics = QFontMetricsF(title_font, device), QFontMetricsF(label_font, device)
    left, right = _pixels(1.5), width - _pixels(1.5)
    painter.setFont(title_font)
    painter.setPen(QColor(COLOURS["text"]))
    y = title_metrics.ascent()
    painter.drawText(QPointF(0, y), title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, width))
    y += title_metrics.descent() + _pixels(1)
    row_height = (height - y) / max(1, len(strips))
    radius = _pixels(0.55)
    for index, strip in enumerate(strips):
        top = y + index * row_height
        painter.setFont(label_font)
        painter.setPen(QColor(COLOURS["text_secondary"]))
        label = label_metrics.elidedText(strip.label, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QPointF(0, top + label_metrics.ascent()), label)
        line_y = top + label_metrics.height() + _pixels(1.4)
        finite = [v for v in strip.values + strip.region + [strip.marked] if _valid(v)]
        low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
        # Densities run from 10 to 20,000: on a log scale, the départements do not crowd at one end.
        scale = math.log10 if low > 0 and high / low > LOG_SCALE_FROM else float
        low, span = scale(low), (scale(high) - scale(low)) or 1.0

        def at(value: float, low: float = low, span: float = span, scale: Callable = scale) -> float:
            return left + (right - left) * (scale(max(value, 1e-9)) - low) / span

        axis = QPen(QColor(COLOURS["rule"]))
        axis.setWidthF(_pixels(0.25))
        painter.setPen(axis)
        painter.drawLine(QPointF(left, line_y), QPointF(right, line_y))
        painter.setPen(Qt.PenStyle.NoPen)
        for values, colour in ((strip.values, COLOURS["light_grey"]), (strip.region, COLOURS["blue_grey"])):
            painter.setBrush(QColor(colour))
            for value in values:
                if _valid(value):
                    painter.drawEllipse(QPointF(at(value), line_y), radius, radius)
        if _valid(strip.marked):
            painter.setBrush(QColor(COLOURS["rouge_marianne"]))
            x = at(strip.marked)
            painter.drawEllipse(QPointF(x, line_y), radius * 1.8, radius * 1.8)
            text = value_format(strip.marked, index) if value_format else format_number(strip.marked)
            text = f"{text} · {strip.rank}" if strip.rank else text
            painter.setFont(value_font)
            painter.setPen(QColor(COLOURS["text"]))
            advance = QFontMetricsF(value_font, device).horizontalAdvance(text)
            text_x = min(max(0.0, x - advance / 2), width - advance)
            painter.drawText(QPointF(text_x, line_y + radius * 1.8 + QFontMetricsF(value_font, device).ascent()), text)
