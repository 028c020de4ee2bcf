"""The files a catalogue source is read from, fetched through the cache for a territory: a fixed
URL, a data.gouv.fr resource, a dated edition, one file per département (with IGN ADMIN EXPRESS
when geo.api.gouv.fr cannot give some commune outlines), the pages of the road network. Each new
file is checked (read whole) before it replaces the cached copy."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import AnctError, CancelledError, NotPublishedError, ParseError, bare
from ..i18n import tr
from ..published.broadband import WIRED_COLUMNS
from ..published.catalogue import (
    DataGouvFile,
    FixedUrl,
    PerDepartementUrl,
    QuarterlyUrl,
    RoadWfsPages,
    YearlyUrl,
    get_source,
)
from ..published.datagouv import (
    check_dataset_document,
    resource_download_url,
    resource_file_name,
    resource_sha1,
    resource_source_date,
    select_resource,
)
from ..published.editions import fetch_edition
from ..published.geojson import property_names
from ..published.parsers import TABLE_READERS, open_vector, read_csv, read_json, resolve_columns
from ..report import is_cancelled, progress, warn
from ..roads.commune_wfs import ATTRIBUTION as WFS_COMMUNES_ATTRIBUTION
from ..roads.commune_wfs import PUBLISHER as WFS_COMMUNES_PUBLISHER
from ..roads.commune_wfs import TYPENAME as WFS_COMMUNES_TYPENAME
from ..roads.commune_wfs import commune_outline_pages
from ..roads.road_source import fetch_network_pages, territory_area
from .layer_info import recorded, source_info

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from qgis.core import QgsFeedback, QgsVectorLayer

    from ..published.catalogue import Source
    from ..published.territories import Territory
    from ..roads.road_source import Outlines
    from ..travel.fetcher import Fetcher
    from .layer_info import SourceFile, SourceInfo

# Sources read from geo.api's commune outlines: their population comes from the national table.
COMMUNE_OUTLINE_SOURCES = ("communes", "epci")


def open_source_vector(path: str, source: Source) -> tuple[QgsVectorLayer, dict[str, str]]:
    """A source's vector file and its canonical -> published field names; a file without features fails."""
    layer, mapping = open_vector(path, source.id, source.columns, source.member)
    if layer.featureCount() == 0:
        raise ParseError(
            tr("{file} (source '{source}') holds no feature.").format(file=os.path.basename(path), source=source.id)
        )
    return layer, mapping


def check_vector_file(path: str, source: Source) -> None:
    """The check of a new vector file, before it replaces the cached copy: a truncated or malformed
    file, one without features, without geometry or without a wanted column fails here. A GeoJSON
    file is parsed by Python's json module (the build opens it with OGR anyway); a file that is not
    plainly good there is opened with OGR, whose verdict and messages are the check's."""
    if not source.member:
        names = property_names(path)
        if names is not None and _has_columns(names, source):
            return
    layer, _mapping = open_source_vector(path, source)
    if not any(feature.hasGeometry() for feature in layer.getFeatures()):
        raise ParseError(
            tr("{file} (source '{source}') has no geometry.").format(file=os.path.basename(path), source=source.id)
        )


def _has_columns(names: list[str], source: Source) -> bool:
    try:
        resolve_columns(names, source.columns or {}, "", source.id)
    except ParseError:
        return False
    return True


def _check(source: Source) -> Callable[[str], object]:
    if source.reader in TABLE_READERS:
        return lambda path: TABLE_READERS[source.reader](path, source.id, source.columns)
    return lambda path: check_vector_file(path, source)


class SourceFiles:
    """Fetches a source's files for a territory, noting each in the layer's provenance."""

    def __init__(self, fetcher: Fetcher, outlines: Outlines, language: str, feedback: QgsFeedback | None):
        self.fetcher = fetcher
        self.outlines = outlines  # the territory's outline, for the road network's area
        self.language = language
        self.feedback = feedback

    def fetch_files(self, source: Source, territory: Territory, info_: SourceInfo) -> list[SourceFile]:
        files = self._fetch_files(source, territory, info_)
        companion = getattr(source.geometry, "companion", None)
        if companion is not None:  # the edition's second file, read by its own columns
            fetched = self.fetcher.fetch(
                companion.url,
                suffix=source.suffix,
                validate=lambda path: read_csv(path, source.id, WIRED_COLUMNS),
                feedback=self.feedback,
            )
            files.append(recorded(info_, companion.url, fetched))
        labels_from = getattr(source.geometry, "labels_from", None)
        if labels_from is not None:  # a second file names the ids (the first stays the data file)
            try:
                files.append(self._datagouv_file(labels_from, None, info_, main=False))
            except CancelledError:
                raise
            except AnctError as error:
                info_.warnings.append(
                    tr("{title}: names unavailable ({error}); ids only.").format(title=info_.title, error=error)
                )
        return files

    def _fetch(self, url: str, source: Source, info_: SourceInfo, suffix: str) -> SourceFile:
        fetched = self.fetcher.fetch(url, suffix=suffix, validate=_check(source), feedback=self.feedback)
        return recorded(info_, url, fetched)

    def _datagouv_file(
        self, locator: DataGouvFile, source: Source | None, info_: SourceInfo, main: bool = True
    ) -> SourceFile:
        """The file a DataGouvFile rule chooses; ``main``: the layer's data file (names the layer's
        page and file), else a companion (a list of names)."""
        document = self.fetcher.fetch(
            locator.api_url,
            suffix=".json",
            feedback=self.feedback,
            validate=lambda path: check_dataset_document(read_json(path, locator.api_url), locator.api_url),
        )
        dataset = check_dataset_document(read_json(document.path, locator.api_url), locator.api_url)
        resource = select_resource(dataset, locator)
        name = resource_file_name(resource)
        if main:
            info_.page, info_.file_name = str(dataset.get("page") or ""), name
        suffix = "." + str(resource.get("format") or "dat").lower()
        fetched = self.fetcher.fetch(
            resource_download_url(resource),
            suffix=suffix,
            validate=_check(source) if source is not None else None,
            feedback=self.feedback,
            expected_sha1=resource_sha1(resource),
            source_date=resource_source_date(resource),
            name=name,
        )
        return recorded(info_, resource_download_url(resource), fetched)

    def _fetch_files(self, source: Source, territory: Territory, info_: SourceInfo) -> list[SourceFile]:
        locator = source.locator
        if isinstance(locator, DataGouvFile):
            return [self._datagouv_file(locator, source, info_)]
        if isinstance(locator, (QuarterlyUrl, YearlyUrl)):
            url, _edition, fetched = fetch_edition(self.fetcher, locator, _check(source), self.feedback)
            info_.file_name = url.rsplit("/", 1)[-1]
            return [recorded(info_, url, fetched)]
        if isinstance(locator, FixedUrl):
            try:
                return [self._fetch(locator.url, source, info_, source.suffix)]
            except NotPublishedError as error:
                if not locator.page:
                    raise
                # A stable link dies when its publisher replaces the resource: say where to look.
                raise NotPublishedError(
                    tr(
                        "{error} — the publisher has probably replaced this file with a new resource: look for "
                        "it on {page} and report its address (source '{source}')."
                    ).format(error=error, page=locator.page, source=source.id)
                ) from error
        if isinstance(locator, RoadWfsPages):
            area = territory_area(self.outlines, territory, territory.crs, locator.buffer_m)
            pages = fetch_network_pages(self.fetcher, area, territory.crs, self.feedback)
            return [recorded(info_, fetched.url, fetched) for fetched in pages.fetched]
        if isinstance(locator, PerDepartementUrl):
            return self._per_departement(locator, source, territory, info_)
        raise TypeError(f"unknown locator {locator!r}")

    def _per_departement(
        self, locator: PerDepartementUrl, source: Source, territory: Territory, info_: SourceInfo
    ) -> list[SourceFile]:
        files, missing = [], {}
        for number, code in enumerate(territory.departement_codes):
            if is_cancelled(self.feedback):
                raise CancelledError(tr("Cancelled."))
            try:
                files.append(self._fetch(locator.template.format(dep=code), source, info_, source.suffix))
            except CancelledError:
                raise
            except AnctError as error:  # one département that cannot be had does not empty the others
                missing[code] = bare(error)  # kept without its frames (they hold the run's sinks)
            progress(self.feedback, 100.0 * (number + 1) / len(territory.departement_codes))
        if missing and source.id in COMMUNE_OUTLINE_SOURCES:
            pages = self._outlines_from_wfs(territory, info_, missing)
            if pages:
                return pages
        if not files:
            raise bare(next(iter(missing.values())))
        if missing:
            info_.warnings.append(
                tr(
                    "{title}: départements {codes} are missing (cannot be had: {error}); the layer holds the others."
                ).format(title=info_.title, codes=", ".join(sorted(missing)), error=next(iter(missing.values())))
            )
            info_.missing_departements = sorted(missing)
        return files

    def _outlines_from_wfs(self, territory: Territory, info_: SourceInfo, missing: Mapping) -> list[SourceFile]:
        """Every département's commune outlines from IGN ADMIN EXPRESS when geo.api.gouv.fr could not
        give some (all from one source: the layer has one set of fields); [] when the WFS fails too."""
        try:
            pages = commune_outline_pages(self.fetcher, territory.departement_codes, self.feedback)
        except CancelledError:
            raise
        except AnctError as error:
            warn(self.feedback, tr("IGN ADMIN EXPRESS cannot be had either: {error}").format(error=error))
            return []
        fresh = source_info(get_source(info_.layer_id), self.language)
        files = [recorded(fresh, fetched.url, fetched) for fetched in pages]
        for name in ("urls", "fresh_urls", "source_date", "fetched_at", "stale", "fallbacks"):
            setattr(info_, name, getattr(fresh, name))  # the provenance of what the layer is made of
        info_.publisher, info_.attribution = WFS_COMMUNES_PUBLISHER, WFS_COMMUNES_ATTRIBUTION
        info_.warnings.append(
            tr(
                "{title}: geo.api.gouv.fr could not give the outlines of départements {codes} ({error}); "
                "every outline comes from IGN ADMIN EXPRESS (Géoplateforme WFS {typename}), the population "
                "from the national commune table."
            ).format(
                title=info_.title,
                codes=", ".join(sorted(missing)),
                error=next(iter(missing.values())),
                typename=WFS_COMMUNES_TYPENAME,
            )
        )
        return files
