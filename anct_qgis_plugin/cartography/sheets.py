"""Printing the atlas sheets of a list of départements: the run behind anct:department_atlas.

For each département: its key figures and service-gap run from the engine (engine/figures.py),
its main layers from the data layer (core/), the sources and what could not be had; then the
template filled (atlas.py) and exported (export.py): one PDF per département in a folder, or all
sheets in one combined PDF, or both. A combined PDF of several départements is a volume
(volume.py): contents page, bookmarks, page numbers across it.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback

from ..core.errors import AnctError, CancelledError
from ..core.published.catalogue import get_source
from ..core.service import AnctData
from ..engine.figures import ATLAS_TABLES, BROADBAND, COM_CODES, GapMeasure, compute_profile, gap_run, once

# The algorithms' context: these messages were anct:department_atlas's before the run moved here,
# and the French translation files them there.
from ..engine.i18n import tr
from ..engine.national import departement_table, ranked_departements, with_ranks
from .atlas import MAIN_LAYERS, SheetInputs, fill_sheet, project_for
from .export import export_combined_pdf, export_pdf, require_pypdf
from .template import load_template
from .texts import SheetSource, SheetTexts
from .volume import Volume, VolumeSheet, number_pages, volume_order

if TYPE_CHECKING:  # for the hints only
    from ..core.published.territories import TerritoryIndex


@dataclass(frozen=True)
class AtlasRequest:
    """What to print: ``departments`` as a user writes them ('36', '36,18', 'reg:24' or 'all'),
    the sheet ``language`` (fr or en), the gap ``measure``, the .qpt ``template``; where: one
    atlas_<code>.pdf per département in ``folder`` and/or every sheet in the ``combined`` PDF
    ("" for neither). ``workdir`` holds the charts until the PDFs are out (None: a temporary
    folder of the run's own)."""

    departments: str
    language: str
    measure: GapMeasure
    template: str
    folder: str = ""
    combined: str = ""
    workdir: Optional[str] = None


@dataclass(frozen=True)
class AtlasResult:
    """The sheets printed: the per-département PDFs written (in order), the combined PDF ("" when
    none was asked for) and the number of sheets."""

    files: tuple[str, ...]
    combined: str
    sheets: int


ALL = ("all", "tous", "toutes", "fr")


def departement_codes(index: TerritoryIndex, text: str) -> list[str]:
    """'36', '36,18', 'reg:24' (a région: its départements) or 'all': the 101 départements (the
    collectivités d'outre-mer have no commune outline to map, see left_out_of_all)."""
    text = (text or "").strip()
    if not text:
        raise AnctError(tr("No département given: a code (36), several (36,18), a région (reg:24) or all."))
    if text.lower() in ALL:
        return ranked_departements(index)
    codes = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        territory = index.resolve(part)
        if territory.kind not in ("departement", "region"):
            raise AnctError(tr("'{text}' is not a département or a région.").format(text=part))
        codes += list(territory.departement_codes)
    return list(dict.fromkeys(codes))


def left_out_of_all(index: TerritoryIndex) -> str:
    """The line saying which collectivités d'outre-mer 'all' leaves out, and why."""
    left_out = sorted(set(index.departements) & COM_CODES)
    return tr(
        "Left out of 'all': {names} — collectivités d'outre-mer, which no commune outline covers (IGN's "
        "France is metropolitan France and the DROM): their sheet would be an empty map. Name one to print it."
    ).format(names=", ".join(f"{index.departements[code][0]} ({code})" for code in left_out))


def print_atlas(request: AtlasRequest, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> AtlasResult:
    """One sheet per département of ``request.departments``, to PDF."""
    texts = SheetTexts(request.language or "fr", request.measure.threshold, request.measure.by_road)
    data = AnctData(language=texts.language)  # layer titles in the sheet's language
    index = data.territory_index(feedback)
    codes = departement_codes(index, request.departments)
    if (request.departments or "").strip().lower() in ALL:
        feedback.pushInfo(left_out_of_all(index))
    if request.combined and len(codes) > 1:  # a volume: in région order, bookmarked
        require_pypdf()  # before the sheets, not after
        codes = volume_order(index.departements, codes)
    if request.workdir is not None:
        return _sheets(request, codes, data, index, texts, request.workdir, context, feedback)
    with tempfile.TemporaryDirectory(prefix="anct_atlas_") as workdir:  # charts, until the PDFs are out
        return _sheets(request, codes, data, index, texts, workdir, context, feedback)


def _sheets(
    request: AtlasRequest,
    codes: list[str],
    data: AnctData,
    index: TerritoryIndex,
    texts: SheetTexts,
    workdir: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
) -> AtlasResult:
    runs, layouts, written, projects = {}, [], [], []
    # The national table of the ranks first: its national gap run then gives each sheet's.
    departement_table(data, ATLAS_TABLES, request.measure, context, feedback, runs)
    for number, code in enumerate(codes):
        if feedback.isCanceled():
            raise CancelledError(tr("Cancelled."))
        feedback.pushInfo(tr("Sheet {n}/{total}: {code}").format(n=number + 1, total=len(codes), code=code))
        inputs, sheet_texts = _gather(data, index, code, context, feedback, texts, request.measure, runs)
        project = project_for(inputs, sheet_texts.language)
        projects.append(project)  # the layout refers to the project's layers until export
        layout = load_template(project, request.template)
        fill_sheet(layout, inputs, sheet_texts, workdir)
        if request.folder:
            written.append(export_pdf(layout, os.path.join(request.folder, f"atlas_{code}.pdf")))
        if request.combined:
            layouts.append(layout)
        feedback.setProgress(100.0 * (number + 1) / len(codes))
    combined = _combined(layouts, codes, index, texts, request.combined) if request.combined else ""
    return AtlasResult(tuple(written), combined, len(codes))


def _combined(layouts: list, codes: list[str], index: TerritoryIndex, texts: SheetTexts, path: str) -> str:
    """The combined PDF: the sheet of one département as it is, several as a volume."""
    if len(layouts) == 1:
        return export_combined_pdf(layouts, path)
    sheets = []
    for code, layout in zip(codes, layouts):
        name, region = index.departements[code]
        sheets.append(
            VolumeSheet(code, name, region, index.regions.get(region) or region, layout.pageCollection().pageCount())
        )
    volume = Volume(sheets, texts)
    for sheet, layout in zip(sheets, layouts):
        number_pages(layout, volume.first_pages[sheet.code], volume.total)
    front = [lambda painter, page=page: volume.paint_contents(painter, page) for page in range(volume.contents_pages)]
    return export_combined_pdf(layouts, path, front, volume.bookmarks())


def _gather(
    data: AnctData,
    index: TerritoryIndex,
    code: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    texts: SheetTexts,
    measure: GapMeasure,
    runs: dict,
) -> tuple[SheetInputs, SheetTexts]:
    """(SheetInputs, the sheet's texts: they say which measure of the gap it shows)."""
    territory = index.departement(code)
    builder = data.builder(feedback)  # one per sheet: the figures and the layers read each file once
    profile = compute_profile(territory, data, context, feedback, measure, runs, ATLAS_TABLES, builder)
    profile = with_ranks(profile, data, ATLAS_TABLES, context, feedback, runs)
    used = profile.measure
    texts = texts.for_measure(used.threshold, used.by_road)
    inputs = SheetInputs(
        territory,
        index.regions.get(territory.region_codes[0], "") if territory.region_codes else "",
        profile.table,
        profile.ranks,
        departement_table(data, ATLAS_TABLES, profile.measure, context, feedback, runs),
        index.region(territory.region_codes[0]).departement_codes if territory.region_codes else (),
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
    broadband = profile.sources.get(BROADBAND)  # the key figure beside mobile coverage
    if broadband is None:
        inputs.missing.append(get_source(BROADBAND).title(texts.language))
    else:
        inputs.sources.append(texts.broadband_source(broadband.source_date, broadband.licence))
    if measure.by_road and not used.by_road:
        inputs.missing.append(texts.words.road_times)
    # A figure only part of a level's communes gave prints n.d.; the sheet says why.
    inputs.missing += [texts.partial(missed.name, missed.counted, missed.total) for missed in profile.partial]
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
        france = once(runs, ("france_layer",), lambda: builder.build("departements", index.country()))
        inputs.france_layer = france.layer.materialize(QgsFeatureRequest())  # each sheet's project owns its copy
        inputs.sources.append(SheetSource.of(france.info))
    except AnctError as error:
        feedback.pushWarning(tr("Locator map unavailable: {error}").format(error=error))
    inputs.missing = list(dict.fromkeys(inputs.missing))
    return inputs, texts
