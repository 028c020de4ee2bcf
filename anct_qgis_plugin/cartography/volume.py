"""The atlas as one volume (the combined PDF of several départements): the sheets in région
order, a contents page (each département's first page, grouped by région), page numbers that
run across the volume and the bookmarks by région then département (written by export.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from qgis.core import QgsLayout, QgsLayoutItemLabel
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from .export import DPI, Bookmark
from .style import COLOURS
from .template import best_font_family

if TYPE_CHECKING:  # for the hints only
    from .texts import SheetTexts

# Page geometry of the contents page (mm), the sheets' own: A4, 15 mm margins, the same masthead
# and footer lines (scripts/make_layout.py).
LEFT, WIDTH, PAGE_HEIGHT = 15.0, 180.0, 297.0
ROWS_TOP, ROWS_BOTTOM, FOOTER_Y = 40.0, 276.0, 282.0
ROW_MM = 5.2
COLUMNS, COLUMN_GAP = 2, 10.0
ROWS_PER_COLUMN = int((ROWS_BOTTOM - ROWS_TOP) // ROW_MM)


@dataclass(frozen=True)
class VolumeSheet:
    """One département's sheet in the volume: who it is, its région, how many pages it has."""

    code: str
    name: str
    region_code: str
    region_name: str
    pages: int


@dataclass(frozen=True)
class Row:
    """A line of the contents: a région's heading, a département (code, name) or a blank line."""

    kind: str  # "region", "departement" or "blank"
    text: str = ""
    code: str = ""


def volume_order(departements: Mapping[str, tuple[str, str]], codes: Sequence[str]) -> list[str]:
    """``codes`` as the volume prints them: régions in their code order (INSEE's), each région's
    départements in the order given. ``departements``: TerritoryIndex.departements (code -> (name, région))."""
    position = {code: number for number, code in enumerate(codes)}
    return sorted(codes, key=lambda code: (departements[code][1], position[code]))


def contents_columns(
    sheets: Sequence[VolumeSheet], continued: str = "{region}", rows_per_column: int = ROWS_PER_COLUMN
) -> list[list[Row]]:
    """The contents' rows column by column: a région's heading never ends a column (it goes with
    its first département), a blank line between régions except at the top of a column, and a
    région that goes on in the next column heads it again (``continued``: "{region} (suite)")."""
    columns: list[list[Row]] = [[]]
    region = None
    for sheet in sheets:
        column = columns[-1]
        if sheet.region_code != region:
            region = sheet.region_code
            if len(column) + 2 + bool(column) > rows_per_column:  # the blank line, the heading, one département
                columns.append([])
            elif column:
                column.append(Row("blank"))
            columns[-1].append(Row("region", sheet.region_name))
        elif len(column) >= rows_per_column:
            columns.append([Row("region", continued.format(region=sheet.region_name))])
        columns[-1].append(Row("departement", sheet.name, sheet.code))
    return columns


class Volume:
    """The page plan of a volume: its contents pages first, then every sheet's pages in order."""

    def __init__(self, sheets: Sequence[VolumeSheet], texts: SheetTexts):
        self.sheets, self.texts = list(sheets), texts
        self.columns = contents_columns(self.sheets, texts.words.contents_continued)
        self.contents_pages = max(1, math.ceil(len(self.columns) / COLUMNS))
        self.first_pages: dict[str, int] = {}  # code -> the volume's page (1 = the first page)
        page = self.contents_pages + 1
        for sheet in self.sheets:
            self.first_pages[sheet.code] = page
            page += sheet.pages
        self.total = page - 1

    def bookmarks(self) -> list[Bookmark]:
        """The contents, then one bookmark per région holding its départements (0-based pages)."""
        marks, region = [Bookmark(self.texts.words.contents, 0)], None
        for sheet in self.sheets:
            page = self.first_pages[sheet.code] - 1
            if sheet.region_code != region:
                region = sheet.region_code
                marks.append(Bookmark(sheet.region_name, page))
            marks[-1].children.append(Bookmark(f"{sheet.name} ({sheet.code})", page))
        return marks

    def _band(self, text: _Text) -> None:
        """The sheets' masthead: accent bar, kicker, agency, title; what the volume holds."""
        words = self.texts.words
        _fill(text.painter, LEFT, 12.0, 14.0, 1.2, "rouge_marianne")
        text.draw(LEFT + 17.0, 10.4, 100.0, 4.2, words.contents_kicker, 7.5, "bleu_france", bold=True)
        agency = words.headings["deco_agency_1"]
        text.draw(LEFT + WIDTH - 80.0, 10.4, 80.0, 4.2, agency, 7.5, "muted", align=Qt.AlignmentFlag.AlignRight)
        text.draw(LEFT, 16.5, WIDTH, 11.0, words.contents, 22, "bleu_france", bold=True)
        subtitle = words.contents_subtitle.format(n=len(self.sheets), date=self.texts.date())
        text.draw(LEFT, 28.5, WIDTH, 5.0, subtitle, 9, "text_secondary")
        _fill(text.painter, LEFT, 35.5, WIDTH, 0.25, "rule")

    def paint_contents(self, painter: QPainter, page: int) -> None:
        """Contents page ``page`` (0-based) onto a QPdfWriter page at the export's DPI."""
        words = self.texts.words
        text = _Text(painter, best_font_family())
        self._band(text)
        width = (WIDTH - COLUMN_GAP * (COLUMNS - 1)) / COLUMNS
        for number, column in enumerate(self.columns[page * COLUMNS : (page + 1) * COLUMNS]):
            x = LEFT + number * (width + COLUMN_GAP)
            for line, row in enumerate(column):
                y = ROWS_TOP + line * ROW_MM
                if row.kind == "region":
                    text.draw(x, y, width, ROW_MM, row.text, 9.5, "bleu_france", bold=True, elide=True)
                    _fill(painter, x, y + ROW_MM - 0.6, width, 0.25, "rule")
                elif row.kind == "departement":
                    text.draw(x, y, 9.0, ROW_MM, row.code, 9, "text_secondary", bold=True)
                    shown = str(self.first_pages[row.code])
                    text.draw(x + width - 12.0, y, 12.0, ROW_MM, shown, 9, "text", align=Qt.AlignmentFlag.AlignRight)
                    text.draw(x + 10.0, y, width - 23.0, ROW_MM, row.text, 9, "text", elide=True)
        _fill(painter, LEFT, FOOTER_Y - 1.5, WIDTH, 0.25, "rule")
        text.draw(LEFT, FOOTER_Y, WIDTH - 18.0, 5.0, words.contents_footer, 7.5, "muted")
        numbers = f"{page + 1} / {self.total}"
        text.draw(LEFT + WIDTH - 16.0, FOOTER_Y, 16.0, 5.0, numbers, 7.5, "muted", align=Qt.AlignmentFlag.AlignRight)


def number_pages(layout: QgsLayout, first: int, total: int) -> None:
    """The page numbers of a sheet's labels as the volume's: its page 1 becomes ``first``, the
    page count ``total`` (the template's "[% @layout_page %] / [% @layout_numpages %]", or a
    user's template's own expressions of them)."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            text = re.sub(r"@layout_page\b", f"(@layout_page + {first - 1})", item.text())
            text = re.sub(r"@layout_numpages\b", str(total), text)
            if text != item.text():
                item.setText(text)
                item.refresh()


def _mm(value: float) -> float:
    return value * DPI / 25.4


def _fill(painter: QPainter, x: float, y: float, w: float, h: float, colour: str) -> None:
    painter.fillRect(QRectF(_mm(x), _mm(y), _mm(w), _mm(h)), QColor(COLOURS[colour]))


class _Text:
    """Text in mm boxes on a page at the export's DPI (point sizes are the device's)."""

    def __init__(self, painter: QPainter, family: str):
        self.painter, self.family = painter, family

    def draw(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        size: float,
        colour: str,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        elide: bool = False,
    ) -> None:
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(QPen(QColor(COLOURS[colour])))
        rect = QRectF(_mm(x), _mm(y), _mm(w), _mm(h))
        if elide:  # a name longer than its column ends in "…", never runs into the page number
            text = QFontMetricsF(font, self.painter.device()).elidedText(
                text, Qt.TextElideMode.ElideRight, rect.width()
            )
        self.painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)
