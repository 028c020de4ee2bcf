"""Writing filled layouts to PDF: one layout per file, or several in one file (with pages of
its own before them and bookmarks). A file appears whole or not at all (written beside, then
renamed), so a failed export never replaces an earlier sheet."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

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


@dataclass
class Bookmark:
    """An entry of a PDF's outline: its title, the page it opens (0-based) and its entries."""

    title: str
    page: int
    children: list[Bookmark] = field(default_factory=list)


def require_pypdf() -> None:
    """Fails, naming the package, when pypdf (which writes the bookmarks) is not installed."""
    try:
        import pypdf  # noqa: F401
    except ImportError as error:
        raise AnctError(
            tr(
                "The bookmarks of the combined PDF need the Python package pypdf, which is not installed: "
                "install python3-pypdf (Debian, Ubuntu) or run 'python3 -m pip install pypdf' in QGIS's Python "
                "(the OSGeo4W Shell on Windows), then run the atlas again."
            )
        ) from error


def export_combined_pdf(
    layouts: Iterable[QgsLayout],
    path: str,
    front: Sequence[Callable[[QPainter], None]] = (),
    bookmarks: Sequence[Bookmark] = (),
) -> str:
    """Every page of several layouts in one PDF (QPdfWriter: vector, fonts embedded), after the
    ``front`` pages (each painted by its function), with ``bookmarks`` (pypdf); returns ``path``."""
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
    for number, paint in enumerate(front):
        if number:
            writer.newPage()
        paint(painter)
    first = not front
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
    if bookmarks:
        try:
            _with_bookmarks(part, bookmarks)
        except Exception as error:  # OSError, or pypdf's own on a file it cannot read
            _remove(part)
            raise AnctError(tr("Cannot add the bookmarks to {path}: {error}").format(path=path, error=error)) from error
    os.replace(part, path)
    return path


def _with_bookmarks(path: str, bookmarks: Sequence[Bookmark]) -> None:
    """Rewrite the PDF ``path`` with an outline of ``bookmarks``, shown when it opens (QPdfWriter
    writes none; neither does QgsLayoutExporter before QGIS 3.36)."""
    from pypdf import PdfReader, PdfWriter  # require_pypdf() said whether it is there

    writer = PdfWriter()
    with open(path, "rb") as stream:
        reader = PdfReader(stream)
        writer.append(reader, import_outline=False)
        if reader.metadata:
            writer.add_metadata(dict(reader.metadata))

        def add(marks: Sequence[Bookmark], parent: object = None) -> None:
            for mark in marks:
                add(mark.children, writer.add_outline_item(mark.title, mark.page, parent))

        add(bookmarks)
        writer.page_mode = "/UseOutlines"
        rewritten = _part_of(path)
        try:
            with open(rewritten, "wb") as out:
                writer.write(out)
        except OSError:
            _remove(rewritten)
            raise
    os.replace(rewritten, path)


def _part_of(path: str) -> str:
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.part-{uuid.uuid4().hex[:12]}")


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
