"""anct:department_atlas — one A4 sheet per département (figures, maps, chart, EPCI table),
to PDF: one file per département in a folder, or one combined PDF (the run:
cartography/sheets.py)."""

import os

from qgis.core import (
    QgsApplication,
    QgsMessageLog,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ...compat import MESSAGE_INFO, NO_THREADING
from ...core import report
from ...core.travel.settings import default_data_dir, read_setting
from ..support.base import AnctAlgorithm, tr
from ..support.gap_parameters import GapParameters


def in_qgis_window() -> bool:
    """True in the QGIS desktop (an interface exists), never under qgis_process."""
    from qgis import utils  # read at call time: the interface is set once QGIS has started

    return utils.iface is not None and QgsApplication.platform() != "qgis_process"


def to_open(written: list, combined: str, folder: str) -> str:
    """What a user wants to see once the sheets are out: the combined PDF, the only sheet, or the
    folder that holds several."""
    if combined:
        return combined
    return written[0] if len(written) == 1 else folder


def log_written(feedback, path: str) -> None:
    """A written file as its file:// URL in the Processing log, and as a link in the ANCT tab of the
    log panel (which opens what is clicked; the Processing log shows text only)."""
    import html  # here: QGIS lists the algorithms at every start

    url = QUrl.fromLocalFile(path)
    report.info(feedback, tr("Written: {url}").format(url=url.toString()))  # feedback may be None (scripts)
    anchor = f'<a href="{html.escape(bytes(url.toEncoded()).decode(), quote=True)}">{html.escape(path)}</a>'
    QgsMessageLog.logMessage(tr("Written: {url}").format(url=anchor), report.LOG_TAG, MESSAGE_INFO)


def atlas_folder():
    """Documents/ANCT Territoires/atlas (or the data folder of the Options)."""
    return os.path.join(read_setting("data_dir") or default_data_dir(), "atlas")


class DepartmentAtlasAlgorithm(GapParameters, AnctAlgorithm):
    group_id = "cartography"
    DEPARTMENTS = "DEPARTMENTS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_PDF = "OUTPUT_PDF"
    OPEN_PDF = "OPEN_PDF"
    LAYOUT = "LAYOUT"
    LANGUAGE = "LANGUAGE"
    SHEETS = "SHEETS"
    FILES = "FILES"
    _files, _open = (), ""  # what a run wrote and what to open, for postProcessAlgorithm

    def name(self):
        return "department_atlas"

    def displayName(self):
        return tr("Department atlas sheets (PDF)")

    def menu_text(self):
        return tr("Department atlas sheets…")

    def flags(self):
        # Layouts are rendered with the project's layers: keep it on the main thread.
        return super().flags() | NO_THREADING

    def initAlgorithm(self, config=None):
        self.add_help(
            QgsProcessingParameterString(self.DEPARTMENTS, tr("Départements"), "36"),
            tr("A département code (36), several (36,18,37), a région (reg:24: its départements) or all."),
        )
        # A real folder by default: QGIS deletes its temporary folders when it closes.
        self.add_help(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FOLDER, tr("Folder (one PDF per département)"), defaultValue=atlas_folder(), optional=True
            ),
            tr("Writes atlas_<code>.pdf for each département (default: Documents/ANCT Territoires/atlas)."),
        )
        self.add_help(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF, tr("Combined PDF"), tr("PDF (*.pdf)"), optional=True, createByDefault=False
            ),
            tr(
                "All sheets in one PDF (instead of, or besides, the folder). Several départements make a volume: "
                "a contents page, bookmarks by région then département, page numbers across the volume."
            ),
        )
        self.add_help(
            QgsProcessingParameterBoolean(self.OPEN_PDF, tr("Open the PDF when done"), defaultValue=True),
            tr(
                "In the QGIS window, opens the combined PDF (or the only sheet, or the folder of the "
                "sheets) once written. Never from qgis_process. The log links to every file anyway."
            ),
        )
        self.add_help(
            QgsProcessingParameterFile(self.LAYOUT, tr("Layout template (.qpt)"), extension="qpt", optional=True),
            tr(
                "Your own template, edited in the layout designer from resources/layouts/"
                "atlas_departement.qpt; items are found by their ids."
            ),
        )
        self.add_choice(self.LANGUAGE, tr("Sheet language"), ["fr", "en"], "fr", tr("French by default, or English."))
        self.add_gap_parameters()
        self.addOutput(QgsProcessingOutputNumber(self.SHEETS, tr("Sheets printed")))
        self.addOutput(QgsProcessingOutputString(self.FILES, tr("PDF files written (separated by ;)")))

    def run_algorithm(self, parameters, context, feedback):
        from ...cartography.sheets import AtlasRequest, print_atlas
        from ...cartography.template import DEFAULT_TEMPLATE

        combined = (
            self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context) if parameters.get(self.OUTPUT_PDF) else ""
        )
        # The default folder only when no output was named: OUTPUT_PDF alone writes the PDF alone.
        folder = (
            self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
            if parameters.get(self.OUTPUT_FOLDER) or not combined
            else ""
        )
        if not folder and not combined:
            raise QgsProcessingException(tr("Give OUTPUT_FOLDER or OUTPUT_PDF."))
        for target in ([folder] if folder else []) + ([os.path.dirname(combined) or "."] if combined else []):
            _check_writable(target)
        template = self.parameterAsFile(parameters, self.LAYOUT, context) or DEFAULT_TEMPLATE
        if not os.path.isfile(template):
            raise QgsProcessingException(tr("Layout template not found: {path}").format(path=template))
        request = AtlasRequest(
            departments=self.parameterAsString(parameters, self.DEPARTMENTS, context),
            language=self.parameterAsEnumString(parameters, self.LANGUAGE, context) or "fr",
            measure=self.read_gap_parameters(parameters, context),
            template=template,
            folder=folder,
            combined=combined,
        )
        result = print_atlas(request, context, feedback)
        results = {self.OUTPUT_FOLDER: folder, self.SHEETS: result.sheets, self.FILES: ";".join(result.files)}
        if combined:
            results[self.OUTPUT_PDF] = result.combined
        # Kept for postProcessAlgorithm, which runs in the main thread once the run is over.
        self._files = ([result.combined] if combined else []) + list(result.files)
        self._open = (
            to_open(list(result.files), combined, folder)
            if self.parameterAsBoolean(parameters, self.OPEN_PDF, context)
            else ""
        )
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """The files as links in the log; in the QGIS window, the PDF opened (OPEN_PDF)."""
        for path in self._files:
            log_written(feedback, path)
        if self._open and in_qgis_window():
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._open))
        return {}


def _check_writable(folder):
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise QgsProcessingException(
            tr("Cannot create the folder {path}: {error}").format(path=folder, error=error)
        ) from error
    if not os.access(folder, os.W_OK):
        raise QgsProcessingException(tr("The folder {path} is not writable.").format(path=folder))
