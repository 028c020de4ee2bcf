"""Writing filled layouts to PDF: one layout per file, or several in one file. A file appears
whole or not at all (written beside, then renamed), so a failed export never replaces an
earlier sheet."""

from __future__ import annotations

import os
import uuid
from typing import Iterable

from qgis.core import QgsLayout, QgsLayoutExporter
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ..compat import TEXT_AS_TEXT
from ..core.errors import AnctError
from ..core.i18n import tr

DPI = 300
A4_MM = QSizeF(210, 297)


def export_pdf(layout: QgsLayout, path: str) -> str:
    """Every page of ``layout`` to the PDF ``path`` (vector, text as text, metadata); returns ``path``."""
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.appendGeoreference = False
    settings.exportMetadata = True
    settings.textRenderFormat = TEXT_AS_TEXT
    settings.dpi = DPI
    part = _part_of(path)
    result = exporter.exportToPdf(part, settings)
    if result != QgsLayoutExporter.Success:
        _remove(part)
        raise AnctError(tr("PDF export failed: {path}").format(path=path))
    os.replace(part, path)
    return path


def export_combined_pdf(layouts: Iterable[QgsLayout], path: str) -> str:
    """Every page of several layouts in one PDF (QPdfWriter: vector, fonts embedded); returns ``path``."""
    part = _part_of(path)
    writer = QPdfWriter(part)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(A4_MM, QPageSize.Unit.Millimeter), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        _remove(part)
        raise AnctError(tr("Cannot write {path}.").format(path=path))
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


def _part_of(path: str) -> str:
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.part-{uuid.uuid4().hex[:12]}")


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
