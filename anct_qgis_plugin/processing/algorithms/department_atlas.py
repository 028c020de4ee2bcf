"""anct:department_atlas — one A4 sheet per département (figures, maps, chart, EPCI table),
to PDF: one file per département in a folder, or one combined PDF."""

import os

from qgis.core import (
    QgsApplication,
    QgsMessageLog,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ...compat import MESSAGE_INFO, NO_THREADING
from ...core import report
from ...core.settings import default_data_dir, read_setting
from .base import AnctAlgorithm, tr
from .gap_parameters import GapParameters


def departement_codes(index, text):
    """'36', '36,18', 'reg:24' (a région: its départements) or 'all'."""
    text = (text or "").strip()
    if not text:
        raise QgsProcessingException(
            tr("No département given: a code (36), several (36,18), a région (reg:24) or all.")
        )
    if text.lower() in ("all", "tous", "toutes", "fr"):
        return sorted(index.departements)
    codes = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        territory = index.resolve(part)
        if territory.kind not in ("departement", "region"):
            raise QgsProcessingException(tr("'{text}' is not a département or a région.").format(text=part))
        codes += list(territory.departement_codes)
    return list(dict.fromkeys(codes))


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
            tr("All sheets in one PDF (instead of, or besides, the folder)."),
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
        language = QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Sheet language"), options=["fr", "en"], defaultValue="fr"
        )
        language.setUsesStaticStrings(True)
        self.add_help(language, tr("French by default, or English."))
        self.add_gap_parameters()
        self.addOutput(QgsProcessingOutputNumber(self.SHEETS, tr("Sheets printed")))
        self.addOutput(QgsProcessingOutputString(self.FILES, tr("PDF files written (separated by ;)")))

    def run_algorithm(self, parameters, context, feedback):
        import tempfile  # here, as the heavy modules: QGIS lists the algorithms at every start

        from ...cartography.template import DEFAULT_TEMPLATE
        from ...cartography.texts import SheetTexts
        from ...core.service import AnctData

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
        measure = self.read_gap_parameters(parameters, context)
        texts = SheetTexts(
            self.parameterAsEnumString(parameters, self.LANGUAGE, context) or "fr", measure.threshold, measure.by_road
        )
        data = AnctData(language=texts.language)  # layer titles in the sheet's language
        index = data.territory_index(feedback)
        codes = departement_codes(index, self.parameterAsString(parameters, self.DEPARTMENTS, context))
        with tempfile.TemporaryDirectory(prefix="anct_atlas_") as workdir:  # charts, until the PDFs are out
            results = self._sheets(
                codes, data, index, context, feedback, (texts, measure), template, workdir, folder, combined
            )
        # Kept for postProcessAlgorithm, which runs in the main thread once the run is over.
        written = [path for path in results[self.FILES].split(";") if path]
        self._files = ([results[self.OUTPUT_PDF]] if combined else []) + written
        self._open = (
            to_open(written, combined, folder) if self.parameterAsBoolean(parameters, self.OPEN_PDF, context) else ""
        )
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """The files as links in the log; in the QGIS window, the PDF opened (OPEN_PDF)."""
        for path in self._files:
            log_written(feedback, path)
        if self._open and in_qgis_window():
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._open))
        return {}

    def _sheets(self, codes, data, index, context, feedback, wording, template, workdir, folder, combined):
        from ...cartography.atlas import fill_sheet, project_for
        from ...cartography.export import export_combined_pdf, export_pdf
        from ...cartography.template import load_template

        runs, layouts, written, projects = {}, [], [], []
        for number, code in enumerate(codes):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled."))
            feedback.pushInfo(tr("Sheet {n}/{total}: {code}").format(n=number + 1, total=len(codes), code=code))
            inputs, texts = self._gather(data, index, code, context, feedback, wording, runs)
            project = project_for(inputs, texts.language)
            projects.append(project)  # the layout refers to the project's layers until export
            layout = load_template(project, template)
            fill_sheet(layout, inputs, texts, workdir)
            if folder:
                written.append(export_pdf(layout, os.path.join(folder, f"atlas_{code}.pdf")))
            if combined:
                layouts.append(layout)
            feedback.setProgress(100.0 * (number + 1) / len(codes))
        results = {self.OUTPUT_FOLDER: folder, self.SHEETS: len(codes), self.FILES: ";".join(written)}
        if combined:
            results[self.OUTPUT_PDF] = export_combined_pdf(layouts, combined)
        return results

    def _gather(self, data, index, code, context, feedback, wording, runs):
        """(SheetInputs, the sheet's texts: they say which measure of the gap it shows)."""
        from ...cartography.atlas import MAIN_LAYERS, SheetInputs
        from ...cartography.texts import SheetSource
        from ...core.catalogue import get_source
        from ...core.errors import AnctError
        from ...engine.figures import ATLAS_TABLES, compute_profile, gap_run

        texts, measure = wording
        territory = index.departement(code)
        profile = compute_profile(territory, data, context, feedback, measure, runs, ATLAS_TABLES)
        used = profile.measure
        texts = texts.for_measure(used.threshold, used.by_road)
        builder = data.builder(feedback)
        inputs = SheetInputs(
            territory, index.regions.get(territory.region_codes[0], "") if territory.region_codes else "", profile.table
        )
        for layer_id in MAIN_LAYERS:
            try:
                inputs.layers[layer_id] = builder.build(layer_id, territory)
            except AnctError as error:
                feedback.pushWarning(tr("{layer}: unavailable — {error}").format(layer=layer_id, error=error))
                inputs.missing.append(get_source(layer_id).title(texts.language))
        inputs.sources += [SheetSource.of(built.info) for built in inputs.layers.values()]
        for membership in profile.memberships.values():
            if membership.unavailable:
                inputs.missing.append(membership.title)
            elif membership.table_id in ("qpv", "mobile_sites"):
                inputs.sources.append(
                    SheetSource(
                        membership.title,
                        get_source("france_services").publisher if membership.table_id == "qpv" else "Arcep",
                        membership.source_date,
                        get_source("france_services").licence,
                    )
                )
        if measure.by_road and not used.by_road:
            inputs.missing.append(texts.words.road_times)
        run = gap_run(runs, territory, used)
        if run is None:
            inputs.missing.append(texts.gap_map_title)
        else:
            inputs.gap_layer, inputs.gap_summary = run.layer, run.summary
            inputs.gap_style = "service_gap_road" if used.by_road else "service_gap"
            if used.by_road and used.network is None and run.network_source:
                inputs.sources.append(
                    SheetSource(
                        texts.words.road_network,
                        "IGN",
                        run.network_source.rsplit(" ", 1)[-1],
                        get_source("road_network").licence,
                    )
                )
        try:
            france = builder.build("departements", index.country())
            inputs.france_layer = france.layer
            inputs.sources.append(SheetSource.of(france.info))
        except AnctError as error:
            feedback.pushWarning(tr("Locator map unavailable: {error}").format(error=error))
        inputs.missing = list(dict.fromkeys(inputs.missing))
        return inputs, texts


def _check_writable(folder):
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise QgsProcessingException(
            tr("Cannot create the folder {path}: {error}").format(path=folder, error=error)
        ) from error
    if not os.access(folder, os.W_OK):
        raise QgsProcessingException(tr("The folder {path} is not writable.").format(path=folder))
