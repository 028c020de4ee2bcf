"""A catalogue source for a territory -> a QGIS memory layer, with its provenance.

Reads the files the fetcher hands over, builds geometries (native, from coordinates, or joined
to commune outlines and dissolved), keeps only the territory, repairs invalid polygons and
reprojects into the territory's projected CRS (or the one asked for).
"""

from __future__ import annotations

import dataclasses
import email.utils
import math
import os
import re
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_LONG,
    FIELD_STRING,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_POINT,
)
from ..diagnostics.road_profiles import BdTopoProfile
from .broadband import WIRED_COLUMNS, read_premises
from .catalogue import (
    CommunePremises,
    DataGouvFile,
    DissolveCommunes,
    FixedUrl,
    JoinCommunes,
    NativeGeometry,
    PerDepartementUrl,
    PointsFromColumns,
    QuarterlyUrl,
    RoadSectionLines,
    RoadWfsPages,
    YearlyUrl,
    get_source,
)
from .commune_codes import CodeTally, padded_code, padded_departement
from .commune_wfs import ATTRIBUTION as WFS_COMMUNES_ATTRIBUTION
from .commune_wfs import PUBLISHER as WFS_COMMUNES_PUBLISHER
from .commune_wfs import TYPENAME as WFS_COMMUNES_TYPENAME
from .commune_wfs import commune_outline_pages
from .datagouv import (
    check_dataset_document,
    resource_download_url,
    resource_file_name,
    resource_sha1,
    resource_source_date,
    select_resource,
)
from .editions import fetch_edition
from .errors import AnctError, CancelledError, NotPublishedError, ParseError, bare
from .groupements import member_table, members_by_epci
from .i18n import tr
from .parsers import TABLE_READERS, iso_date, open_vector, read_csv, read_json, resolve_columns, split_values
from .report import info, is_cancelled, progress, warn
from .road_layer import SectionWriter
from .road_network import check_page
from .road_sections import SectionReader
from .road_source import fetch_network_pages, territory_area
from .territories import COMMUNES_TABLE_URL

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from qgis.core import QgsFeedback, QgsFields, QgsVectorDataProvider

    from .catalogue import Source
    from .commune_codes import CodeTally
    from .fetcher import Fetched, Fetcher
    from .parsers import Table
    from .territories import Territory, TerritoryIndex

# Sources read from geo.api's commune outlines: their population comes from the national table.
COMMUNE_OUTLINE_SOURCES = ("communes", "epci")


@dataclass
class SourceInfo:
    """Where a layer came from: shown in metadata, the pack's source table and the panel."""

    layer_id: str
    title: str
    abstract: str
    publisher: str
    licence: str
    attribution: str
    urls: list = field(default_factory=list)
    page: str = ""
    source_date: str = ""
    fetched_at: float = 0.0
    stale: bool = False
    feature_count: int = 0
    warnings: list = field(default_factory=list)
    file_name: str = ""  # the file the catalogue's rule chose (data.gouv.fr, Arcep)
    unmapped_codes: str = ""  # commune codes that match no commune of today, with their counts
    population_source: str = ""  # which population the layer's figures use
    fresh_urls: list = field(default_factory=list)  # files downloaded for this layer (not from the cache)
    missing_departements: list = field(default_factory=list)  # per-département files that could not be had
    undrawn: list = field(default_factory=list)  # "id label" of features without geometry: no commune outline
    fallbacks: list = field(default_factory=list)  # StaleCopy of each file whose refresh failed


@dataclass
class BuiltLayer:
    layer: QgsVectorLayer
    info: SourceInfo


@dataclass
class _File:
    path: str
    url: str


def memory_layer(
    wkb_type: QgsWkbTypes.Type, crs: QgsCoordinateReferenceSystem | None, fields: QgsFields, name: str
) -> QgsVectorLayer:
    """A memory layer; ``crs`` None for a table without geometry."""
    uri = f"{QgsWkbTypes.displayString(wkb_type)}?crs={crs.authid()}" if crs is not None else "None"
    layer = QgsVectorLayer(uri, name, "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    return layer


def _plain_field(source_field: QgsField, name: str = "") -> QgsField:
    """Memory and GeoPackage friendly copy of a field (lists and other types become text), under
    ``name`` when given."""
    if source_field.type() in (FIELD_INT, FIELD_LONG, FIELD_DOUBLE, FIELD_STRING):
        return QgsField(name or source_field.name(), source_field.type())
    return QgsField(name or source_field.name(), FIELD_STRING)


def _plain_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def as_polygons(geometry: QgsGeometry | None) -> QgsGeometry:
    """Valid multipolygon, whatever makeValid returned (a collection, lines, nothing); a null
    geometry when nothing polygonal is left."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return QgsGeometry()
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
        if geometry.isNull():
            return QgsGeometry()
        if QgsWkbTypes.geometryType(geometry.wkbType()) != GEOMETRY_POLYGON:
            # Keeps the polygons of a collection, in place; False when there are none.
            if not geometry.convertGeometryCollectionToSubclass(GEOMETRY_POLYGON) or geometry.isEmpty():
                return QgsGeometry()
    geometry.convertToMultiType()
    return geometry


class LayerBuilder:
    """Builds catalogue layers for territories. One instance per job (not thread-shared)."""

    def __init__(
        self,
        fetcher: Fetcher,
        territory_index: TerritoryIndex,
        language: str = "fr",
        feedback: QgsFeedback | None = None,
    ):
        self.fetcher = fetcher
        self.index = territory_index
        self.language = language
        self.feedback = feedback
        self._commune_layers = {}

    # --- public -------------------------------------------------------------------------
    def build(self, layer_id: str, territory: Territory, crs: str | None = None) -> BuiltLayer:
        source = get_source(layer_id)
        target = QgsCoordinateReferenceSystem(crs or territory.crs)
        info_ = source_info(source, self.language)
        files = self.fetch_files(source, territory, info_)
        try:
            layer = self._geometry_builder(source.geometry)(source, files, territory, target, info_)
        except CancelledError:
            raise
        except AnctError:
            # A new file that passed the quick check but does not build must not replace the
            # copy that did: go back to it and build again; without one, the error stands.
            if not any([self.fetcher.rollback(url, self.feedback) for url in info_.fresh_urls]):  # every one
                raise
            info_ = source_info(source, self.language, stale=True)
            files = self.fetch_files(source, territory, info_)
            layer = self._geometry_builder(source.geometry)(source, files, territory, target, info_)
        layer.setName(f"{info_.title} — {territory.label}")
        info_.feature_count = layer.featureCount()
        if "population" in layer.fields().names():
            info_.population_source = self.population_source()
        for message in info_.warnings:
            warn(self.feedback, message)
        return BuiltLayer(layer, info_)

    # --- files --------------------------------------------------------------------------
    def _check(self, source: Source) -> Callable[[str], object]:
        if source.reader in TABLE_READERS:
            return lambda path: TABLE_READERS[source.reader](path, source.id, source.columns)
        return lambda path: self._read_vector_whole(path, source)

    @staticmethod
    def _open_vector(path: str, source: Source) -> tuple[QgsVectorLayer, dict[str, str]]:
        layer, mapping = open_vector(path, source.id, source.columns, source.member)
        if layer.featureCount() == 0:
            raise ParseError(
                tr("{file} (source '{source}') holds no feature.").format(file=os.path.basename(path), source=source.id)
            )
        return layer, mapping

    @classmethod
    def _read_vector_whole(cls, path: str, source: Source) -> tuple[QgsVectorLayer, dict[str, str]]:
        """The check of a new vector file: opened, and every feature read (a truncated or
        malformed file fails here, before it replaces the cached copy)."""
        layer, mapping = cls._open_vector(path, source)
        if not any(feature.hasGeometry() for feature in layer.getFeatures()):
            raise ParseError(
                tr("{file} (source '{source}') has no geometry.").format(file=os.path.basename(path), source=source.id)
            )
        return layer, mapping

    def _fetch(self, url: str, source: Source, info_: SourceInfo, suffix: str, **options: str) -> _File:
        fetched = self.fetcher.fetch(
            url, suffix=suffix, validate=self._check(source), feedback=self.feedback, **options
        )
        return _recorded(info_, url, fetched)

    def fetch_files(self, source: Source, territory: Territory, info_: SourceInfo) -> list[_File]:
        files = self._fetch_files(source, territory, info_)
        companion = getattr(source.geometry, "companion", None)
        if companion is not None:  # the edition's second file, read by its own columns
            fetched = self.fetcher.fetch(
                companion.url,
                suffix=source.suffix,
                validate=lambda path: read_csv(path, source.id, WIRED_COLUMNS),
                feedback=self.feedback,
            )
            files.append(_recorded(info_, companion.url, fetched))
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

    def _datagouv_file(
        self, locator: DataGouvFile, source: Source | None, info_: SourceInfo, main: bool = True
    ) -> _File:
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
            validate=self._check(source) if source is not None else None,
            feedback=self.feedback,
            expected_sha1=resource_sha1(resource),
            source_date=resource_source_date(resource),
            name=name,
        )
        return _recorded(info_, resource_download_url(resource), fetched)

    def _fetch_files(self, source: Source, territory: Territory, info_: SourceInfo) -> list[_File]:
        locator = source.locator
        if isinstance(locator, DataGouvFile):
            return [self._datagouv_file(locator, source, info_)]
        if isinstance(locator, (QuarterlyUrl, YearlyUrl)):
            url, _edition, fetched = fetch_edition(self.fetcher, locator, self._check(source), self.feedback)
            info_.file_name = url.rsplit("/", 1)[-1]
            return [_recorded(info_, url, fetched)]
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
            return self._road_pages(locator, territory, info_)
        if isinstance(locator, PerDepartementUrl):
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
                        "{title}: départements {codes} are missing (cannot be had: {error}); the "
                        "layer holds the others."
                    ).format(title=info_.title, codes=", ".join(sorted(missing)), error=next(iter(missing.values())))
                )
                info_.missing_departements = sorted(missing)
            return files
        raise TypeError(f"unknown locator {locator!r}")

    def _outlines_from_wfs(self, territory: Territory, info_: SourceInfo, missing: Mapping) -> list[_File]:
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
        files = [_recorded(fresh, fetched.url, fetched) for fetched in pages]
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

    # --- territory restriction ----------------------------------------------------------
    def _keeper(
        self, source: Source, columns: Mapping[str, str], territory: Territory, tally: CodeTally
    ) -> Callable[[Callable[[str], Any]], bool] | None:
        """A function row_values(column) -> bool keeping the rows of the territory, or None.

        Commune codes of every vintage count for today's commune (``tally`` counts those that
        map to nothing; such rows are kept only for the whole country).
        """
        if source.commune_column:
            column = columns[source.commune_column]
            if territory.is_country:

                def count_codes(get: Callable[[str], Any]) -> bool:  # every row is kept; its codes are still counted
                    tally.today_all(split_values(str(get(column) or "")))
                    return True

                return count_codes
            wanted = territory.commune_codes
            # A row whose commune maps to nothing still belongs to a whole département it names.
            departement = (
                columns.get(source.departement_column) if territory.kind in ("departement", "region") else None
            )
            deps = set(territory.departement_codes)

            def keep(get: Callable[[str], Any]) -> bool:
                published = split_values(str(get(column) or ""))
                codes = tally.today_all(published)
                if codes:
                    return any(c in wanted for c in codes)
                return departement is not None and padded_departement(str(get(departement) or "")) in deps

            return keep
        if territory.is_country:
            return None
        if source.departement_column:
            column, wanted = columns[source.departement_column], set(territory.departement_codes)
            return lambda get: any(padded_departement(c) in wanted for c in split_values(str(get(column) or "")))
        if source.region_column:
            column, wanted = columns[source.region_column], set(territory.region_codes)
            return lambda get: any(code in wanted for code in split_values(str(get(column) or "")))
        return None

    def _report_unmapped(self, tally: CodeTally, info_: SourceInfo) -> None:
        """Codes that match no commune of today: named in the log, the metadata and the pack."""
        if tally.unmapped:
            info_.unmapped_codes = tally.summary()
            info_.warnings.append(
                tr(
                    "{title}: {n} rows carry commune codes that match no commune of today "
                    "(not placed in any commune): {codes}"
                ).format(title=info_.title, n=sum(tally.unmapped.values()), codes=info_.unmapped_codes)
            )

    def _road_pages(self, locator: RoadWfsPages, territory: Territory, info_: SourceInfo) -> list[_File]:
        area = territory_area(self, territory, territory.crs, locator.buffer_m)
        pages = fetch_network_pages(self.fetcher, area, territory.crs, self.feedback)
        return [_recorded(info_, fetched.url, fetched) for fetched in pages.fetched]

    def _geometry_builder(self, strategy: object):
        return {
            NativeGeometry: self._native,
            PointsFromColumns: self._points,
            JoinCommunes: self._joined,
            CommunePremises: self._premises,
            DissolveCommunes: self._dissolved,
            RoadSectionLines: self._road_lines,
        }[type(strategy)]

    def _transform(
        self, source_crs: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem
    ) -> QgsCoordinateTransform:
        return QgsCoordinateTransform(source_crs, target, QgsCoordinateTransformContext())

    # --- strategies ---------------------------------------------------------------------
    def _native(
        self,
        source: Source,
        files: list[_File],
        territory: Territory,
        target: QgsCoordinateReferenceSystem,
        info_: SourceInfo,
    ) -> QgsVectorLayer:
        layer = None
        repaired = unplaceable = 0
        outline = None
        tally = CodeTally(self.index.codes)
        for file_ in files:
            source_layer, columns = self._open_vector(file_.path, source)
            if layer is None:
                # Commune outlines have geo.api's field names whichever service gave them (ADMIN
                # EXPRESS's code_insee is `code`): every consumer reads one shape.
                renamed = {found: key for key, found in columns.items()} if source.id in COMMUNE_OUTLINE_SOURCES else {}
                fields = QgsFields()
                for source_field in source_layer.fields():
                    fields.append(_plain_field(source_field, renamed.get(source_field.name(), source_field.name())))
                wkb = WKB_POINT if source_layer.geometryType() == GEOMETRY_POINT else WKB_MULTIPOLYGON
                layer = memory_layer(wkb, target, fields, source.id)
                names = source_layer.fields().names()  # read by the names of the file
            keep = self._keeper(source, columns, territory, tally)
            if keep is None and not territory.is_country:
                outline = outline or self.territory_outline(territory, source_layer.crs())
            transform = self._transform(source_layer.crs(), target)
            request = QgsFeatureRequest()
            if outline is not None:
                request.setFilterRect(outline.boundingBox())
            features = []
            for feature in source_layer.getFeatures(request):
                if is_cancelled(self.feedback):
                    raise CancelledError(tr("Cancelled."))
                if keep is not None and not keep(feature.attribute):
                    continue
                geometry = feature.geometry()
                if outline is not None and not outline.intersects(geometry):
                    continue
                if layer.wkbType() == WKB_MULTIPOLYGON and not geometry.isGeosValid():
                    repaired += 1
                if layer.wkbType() == WKB_MULTIPOLYGON:
                    geometry = as_polygons(geometry)
                try:
                    geometry.transform(transform)
                except QgsCsException:
                    unplaceable += 1
                    continue
                out = QgsFeature(layer.fields())
                out.setAttributes([_plain_value(feature.attribute(name)) for name in names])
                out.setGeometry(geometry)
                features.append(out)
            layer.dataProvider().addFeatures(features)
        if repaired:
            info_.warnings.append(tr("{title}: {n} invalid geometries repaired.").format(title=info_.title, n=repaired))
        if unplaceable:
            info_.warnings.append(
                tr("{title}: {n} features outside the coordinate system's area left out.").format(
                    title=info_.title, n=unplaceable
                )
            )
        if source.id in COMMUNE_OUTLINE_SOURCES:
            self._table_population(layer)
        elif source.commune_column:
            self._report_unmapped(tally, info_)
        return layer

    def _table_population(self, layer: QgsVectorLayer) -> None:
        """One population vintage per run: the national commune table's, not the outlines' own
        (geo.api's per-département answers may carry another census year)."""
        field_index = layer.fields().indexOf("population")
        if field_index < 0:
            return
        changes = {
            feature.id(): {field_index: self.index.communes.get(feature["code"], {}).get("population")}
            for feature in layer.getFeatures()
        }
        layer.dataProvider().changeAttributeValues(changes)

    def population_source(self) -> str:
        """Which population figures use: named with the date of the national table."""
        return population_source_text(self.fetcher)

    def _points(
        self,
        source: Source,
        files: list[_File],
        territory: Territory,
        target: QgsCoordinateReferenceSystem,
        info_: SourceInfo,
    ) -> QgsVectorLayer:
        strategy = source.geometry
        table, columns, position = _read_table(source, files[0])
        numeric = {position[name] for name in source.numeric_columns if name in position}
        fields = QgsFields()
        for i, name in enumerate(table.columns):
            fields.append(QgsField(name, FIELD_DOUBLE if i in numeric else FIELD_STRING))
        flags = [(position[columns[column]], value.lower()) for _name, column, value in strategy.flags]
        for name, _column, _value in strategy.flags:
            fields.append(QgsField(name, FIELD_INT))
        layer = memory_layer(WKB_POINT, target, fields, source.id)
        tally = CodeTally(self.index.codes)
        keep = self._keeper(source, columns, territory, tally)
        transform = self._transform(QgsCoordinateReferenceSystem(strategy.crs), target)
        x_at, y_at = position[columns[strategy.x]], position[columns[strategy.y]]
        features, dropped = [], 0
        for row in table.rows:
            if keep is not None and not keep(lambda column, row=row: row[position[column]]):
                continue
            values = [_number(value) if i in numeric else value for i, value in enumerate(row)]
            values += [int(value in _listed(row[at])) for at, value in flags]
            geometry = _placed_point(values[x_at], values[y_at], transform)
            if geometry is None:
                dropped += 1
                continue
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            feature.setGeometry(geometry)
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        if dropped and not features:
            raise ParseError(
                tr("{file}: none of its {n} rows has coordinates that can be placed (columns {x}, {y}).").format(
                    file=info_.file_name or source.id, n=dropped, x=columns[strategy.x], y=columns[strategy.y]
                )
            )
        if dropped:
            info_.warnings.append(
                tr(
                    "{title}: {n} rows without valid coordinates left out (missing, not a "
                    "number, or outside the coordinate system's area)."
                ).format(title=info_.title, n=dropped)
            )
        if table.short_rows:
            info_.warnings.append(
                tr("{title}: {n} rows have fewer cells than the header (read with empty cells).").format(
                    title=info_.title, n=table.short_rows
                )
            )
        self._report_unmapped(tally, info_)
        return layer

    def _joined(
        self,
        source: Source,
        files: list[_File],
        territory: Territory,
        target: QgsCoordinateReferenceSystem,
        info_: SourceInfo,
    ) -> QgsVectorLayer:
        strategy = source.geometry
        table, columns, position = read_list_table(source, files[0].path, source.columns, self.index.communes)
        commune_at = position[columns[source.commune_column]]
        names = side_labels(source, files)
        # Published spellings may differ in case from the canonical names (INSEE's LIBDENS).
        label_at = position.get(columns.get(strategy.label_column, strategy.label_column)) if names is None else None
        date_at = position.get(columns.get(strategy.date_column, strategy.date_column))
        id_at = position[columns.get(strategy.id_column, strategy.id_column)]
        groups = {}
        tally = CodeTally(self.index.codes)
        for row in table.rows:
            codes = [
                c
                for c in tally.today_all(split_values(row[commune_at]))
                if territory.is_country or c in territory.commune_codes
            ]
            if not codes:
                continue
            ids = [i for i in split_values(row[id_at]) if i not in strategy.not_member]
            labels = split_values(row[label_at], commas=False) if label_at is not None else []
            for n, programme in enumerate(ids):
                group = groups.setdefault(programme, {"label": "", "date": "", "communes": []})
                if labels:
                    group["label"] = labels[n] if len(labels) == len(ids) else row[label_at]
                elif names is not None:
                    group["label"] = names.get(programme, "")
                if date_at is not None and row[date_at]:
                    group["date"] = iso_date(row[date_at])
                group["communes"].extend(codes)
        fields = QgsFields()
        fields.append(QgsField(strategy.id_column, FIELD_STRING))
        labelled = label_at is not None or names is not None
        if labelled:
            fields.append(QgsField(strategy.label_column, FIELD_STRING))
        if date_at is not None:
            fields.append(QgsField(strategy.date_column, FIELD_STRING))
        for name, kind in (("insee_com", FIELD_STRING), ("nb_communes", FIELD_INT), ("population", FIELD_LONG)):
            fields.append(QgsField(name, kind))
        layer = memory_layer(WKB_MULTIPOLYGON, target, fields, source.id)
        outlines = self._commune_outlines(territory, groups, target)
        features, missing = [], set()
        for programme, group in sorted(groups.items()):
            communes = sorted(set(group["communes"]))
            found = [outlines[c] for c in communes if c in outlines]
            missing.update(c for c in communes if c not in outlines)
            if not found:  # listed all the same, without geometry: a programme does not vanish
                info_.undrawn.append(f"{programme} {group['label']}".strip())
            values = [programme] + ([group["label"]] if labelled else [])
            values += [group["date"] or None] if date_at is not None else []
            values += [", ".join(communes), len(communes), self._population(communes)]
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            feature.setGeometry(as_polygons(QgsGeometry.unaryUnion([g for g, _p in found])) if found else QgsGeometry())
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        self._report_unmapped(tally, info_)
        if missing:
            info_.warnings.append(
                tr(
                    "{title}: {n} communes have no outline here (their programmes are drawn without them): {codes}"
                ).format(title=info_.title, n=len(missing), codes=", ".join(sorted(missing)[:10]))
            )
        if info_.undrawn:
            info_.warnings.append(
                tr(
                    "{title}: {n} listed without geometry, none of their communes has an outline here: {programmes}"
                ).format(title=info_.title, n=len(info_.undrawn), programmes=", ".join(info_.undrawn))
            )
        return layer

    def _premises(
        self,
        source: Source,
        files: list[_File],
        territory: Territory,
        target: QgsCoordinateReferenceSystem,
        info_: SourceInfo,
    ) -> QgsVectorLayer:
        """The territory's communes with their premises counts and the shares computed from them."""
        premises, tally = read_premises(files[0].path, files[1].path, self.index.codes, source.id)
        fields = QgsFields()
        for name, kind in PREMISES_FIELDS:
            fields.append(QgsField(name, kind))
        layer = memory_layer(WKB_MULTIPOLYGON, target, fields, source.id)
        outlines = self.commune_layer(territory, target)
        code_name = resolve_columns(
            outlines.fields().names(), {"code": get_source("communes").columns["code"]}, "communes", "communes"
        )["code"]
        features = []
        for outline in outlines.getFeatures():
            code = outline[code_name]
            found = premises.get(code)
            feature = QgsFeature(fields)
            name = self.index.communes.get(code, {}).get("nom")  # the file's names are damaged
            if found is None:
                feature.setAttributes([code, name] + [None] * (len(PREMISES_FIELDS) - 2))
            else:
                feature.setAttributes(
                    [code, name, found.premises, found.ftth, found.ftth_share, found.without_wired_30]
                    + [found.without_wired_30_share, found.date or None]
                )
            feature.setGeometry(as_polygons(outline.geometry()))
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        self._report_unmapped(tally, info_)
        return layer

    def _population(self, communes: list[str]) -> int:
        """A programme's population: the national table's for each of its communes, drawn or not
        (the outlines carry the same, see _table_population)."""
        return sum(int(self.index.communes.get(code, {}).get("population") or 0) for code in communes)

    def _dissolved(
        self,
        source: Source,
        files: list[_File],
        territory: Territory,
        target: QgsCoordinateReferenceSystem,
        info_: SourceInfo,
    ) -> QgsVectorLayer:
        strategy = source.geometry
        communes = self._native(source, files, territory, target, info_)
        names = {}
        if strategy.names_url:
            from .territories import load_reference_json

            fetch_json = load_reference_json(self.fetcher, self.feedback)
            names = {
                e["code"]: e["nom"]
                for e in fetch_json(strategy.names_url, {"code": ("code",), "nom": ("nom",)}, False) or []
            }
        code_name = resolve_columns(
            communes.fields().names(), {strategy.by: source.columns[strategy.by]}, files[0].path, source.id
        )[strategy.by]
        groups = {}
        for feature in communes.getFeatures():
            groups.setdefault(feature[code_name] or "", []).append(feature)
        fields = QgsFields()
        for name, kind in (
            ("code", FIELD_STRING),
            ("nom", FIELD_STRING),
            ("population", FIELD_LONG),
            ("nb_communes", FIELD_INT),
        ):
            fields.append(QgsField(name, kind))
        layer = memory_layer(WKB_MULTIPOLYGON, target, fields, source.id)
        features = []
        for code, members in sorted(groups.items()):
            if not code:
                continue
            feature = QgsFeature(fields)
            population = sum(int(m["population"] or 0) for m in members)
            feature.setAttributes([code, names.get(code), population, len(members)])
            feature.setGeometry(as_polygons(QgsGeometry.unaryUnion([m.geometry() for m in members])))
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        return layer

    def _road_lines(
        self,
        source: Source,
        files: list[_File],
        territory: Territory,
        target: QgsCoordinateReferenceSystem,
        info_: SourceInfo,
    ) -> QgsVectorLayer:
        crs = QgsCoordinateReferenceSystem(territory.crs)
        layer = None

        def open_sink(fields: QgsFields, wkb_type: QgsWkbTypes.Type) -> QgsVectorDataProvider:
            nonlocal layer
            layer = memory_layer(wkb_type, target, fields, source.id)
            return layer.dataProvider()

        transform = self._transform(crs, target) if crs != target else None
        reader, writer = SectionReader(BdTopoProfile()), SectionWriter(open_sink, transform)
        for file_ in files:
            if is_cancelled(self.feedback):
                raise CancelledError(tr("Cancelled."))
            writer.write(reader.page(check_page(file_.path)))
        if layer is None:
            raise ParseError(tr("No road a car uses in {territory}.").format(territory=territory.label))
        return layer

    # --- commune outlines shared by joins and geometric restriction ---------------------
    def commune_layer(self, territory: Territory, target: QgsCoordinateReferenceSystem) -> QgsVectorLayer:
        key = (territory.key, territory.departement_codes, target.authid())
        if key not in self._commune_layers:
            info(self.feedback, tr("Commune outlines for {territory}").format(territory=territory.label))
            self._commune_layers[key] = self.build("communes", territory, target.authid()).layer
        return self._commune_layers[key]

    def _commune_outlines(
        self, territory: Territory, groups: Mapping[str, dict], target: QgsCoordinateReferenceSystem
    ) -> dict[str, tuple]:
        """code -> (geometry, population) for the communes the groups refer to."""
        if territory.is_country:
            wanted_deps = {
                self.index.communes[c]["codeDepartement"]
                for g in groups.values()
                for c in g["communes"]
                if c in self.index.communes
            }
            # Only the départements the programme touches: not 101 requests for a few towns.
            territory = dataclasses.replace(self.index.country(), departement_codes=tuple(sorted(wanted_deps)))
        layer = self.commune_layer(territory, target)
        columns = resolve_columns(
            layer.fields().names(), {"code": get_source("communes").columns["code"]}, "communes", "communes"
        )
        return {f[columns["code"]]: (f.geometry(), f["population"]) for f in layer.getFeatures()}

    def territory_outline(self, territory: Territory, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        layer = self.commune_layer(territory, crs)
        return QgsGeometry.unaryUnion([f.geometry() for f in layer.getFeatures()])


def source_info(source: Source, language: str, **extra: object) -> SourceInfo:
    """A SourceInfo for a catalogue source, before anything is fetched."""
    return SourceInfo(
        source.id,
        source.title(language),
        source.abstract(language),
        source.publisher,
        source.licence,
        source.attribution,
        **extra,
    )


def _recorded(info_: SourceInfo, url: str, fetched: Fetched) -> _File:
    """Note a fetched file in the layer's provenance; the file to read."""
    info_.urls.append(url)
    if not fetched.from_cache:
        info_.fresh_urls.append(url)
    info_.stale = info_.stale or fetched.stale
    if fetched.fallback is not None:
        info_.fallbacks.append(fetched.fallback)
    info_.fetched_at = max(info_.fetched_at, fetched.fetched_at)
    info_.source_date = max(info_.source_date, file_date(fetched))
    return _File(fetched.path, url)


def file_date(fetched: Fetched | SimpleNamespace) -> str:
    """The date a file stands for: the publisher's (file name, resource date), else the server's
    Last-Modified, else the day it was fetched."""
    if fetched.source_date:
        return fetched.source_date
    if fetched.last_modified:
        try:
            return email.utils.parsedate_to_datetime(fetched.last_modified).strftime("%Y-%m-%d")
        except (TypeError, ValueError):
            pass
    return time.strftime("%Y-%m-%d", time.localtime(fetched.fetched_at))


def population_source_text(fetcher: Fetcher) -> str:
    """'Population municipale (INSEE), national commune table of geo.api.gouv.fr, <date>'."""
    entry = fetcher.cache.lookup(COMMUNES_TABLE_URL)
    date = ""
    if entry is not None:
        manifest = entry.manifest
        date = file_date(
            SimpleNamespace(
                source_date=manifest.source_date, last_modified=manifest.last_modified, fetched_at=manifest.fetched_at
            )
        )
    return tr("Municipal population (INSEE) of the national commune table of geo.api.gouv.fr, {date}").format(
        date=date or "-"
    )


def side_labels(source: Source, files: list[_File]) -> dict[str, str] | None:
    """{id: label} from a list's companion file of names (JoinCommunes.labels_from), or None when the
    source has none."""
    strategy = source.geometry
    if getattr(strategy, "labels_from", None) is None:
        return None
    if len(files) < 2:  # the names could not be had: the layer keeps its label field, empty
        return {}
    wanted = {"id": (strategy.id_column,), "label": (strategy.label_column,)}
    table = read_csv(files[1].path, source.id, wanted)
    columns = resolve_columns(table.columns, wanted, files[1].path, source.id)
    id_at, label_at = table.columns.index(columns["id"]), table.columns.index(columns["label"])
    return {row[id_at].strip(): row[label_at].strip() for row in table.rows if row[id_at].strip()}


_TABLES: dict = {}  # (source id, path, mtime, size) -> read_source_table's answer, the last few
_TABLES_KEPT = 8


def _read_table(source: Source, file_: _File) -> tuple[Table, dict[str, str], dict[str, int]]:
    """The CSV, its canonical -> published column names, and each column's position.

    A national list is read once for every territory built from it (an atlas of 101 sheets reads
    it once, not 101 times): the answer is kept by file version; readers never change its rows."""
    status = os.stat(file_.path)
    key = (source.id, file_.path, status.st_mtime_ns, status.st_size)
    if key not in _TABLES:
        while len(_TABLES) >= _TABLES_KEPT:
            del _TABLES[next(iter(_TABLES))]
        _TABLES[key] = read_source_table(source, file_.path, source.columns)
    return _TABLES[key]


def read_source_table(
    source: Source, path: str, wanted: Mapping[str, tuple[str, ...]]
) -> tuple[Table, dict[str, str], dict[str, int]]:
    """A source's table (CSV or XLSX) with its codes padded as published elsewhere (``6`` -> ``06``,
    ``6088`` -> ``06088``): (table, canonical -> published column names, position of each column)."""
    table = TABLE_READERS[source.reader](path, source.id, wanted)
    columns = resolve_columns(table.columns, wanted, path, source.id)
    position = {name: i for i, name in enumerate(table.columns)}
    for canonical, pad in ((source.commune_column, padded_code), (source.departement_column, padded_departement)):
        if canonical and canonical in columns:
            at = position[columns[canonical]]
            for row in table.rows:
                row[at] = ", ".join(pad(code) for code in split_values(row[at])) if row[at] else row[at]
    return table, columns, position


# The fixed-broadband layer's fields: counts as published, shares computed from them (broadband.py).
PREMISES_FIELDS = (
    ("code_insee", FIELD_STRING),
    ("nom", FIELD_STRING),
    ("locaux", FIELD_LONG),
    ("locaux_ftth", FIELD_LONG),
    ("part_ftth", FIELD_DOUBLE),
    ("locaux_sans_filaire_30", FIELD_LONG),
    ("part_sans_filaire_30", FIELD_DOUBLE),
    ("date", FIELD_STRING),
)


def read_list_table(
    source: Source, path: str, wanted: Mapping[str, tuple[str, ...]], communes: Mapping[str, Mapping]
) -> tuple[Table, dict[str, str], dict[str, int]]:
    """A programme list as read_source_table gives it; a groupements file (JoinCommunes.nature_column)
    with one row per programme listing its member communes (groupements.py), ``communes`` being the
    national commune table (their EPCI)."""
    table, columns, position = read_source_table(source, path, wanted)
    strategy = source.geometry
    if getattr(strategy, "nature_column", ""):
        names = {
            "code": source.commune_column,
            "id": strategy.id_column,
            "nature": strategy.nature_column,
            "label": strategy.label_column,
        }
        published = {key: columns[name] for key, name in names.items() if name in columns}
        table = member_table(table, position, published, members_by_epci(communes))
    return table, columns, position


def _placed_point(x: float | None, y: float | None, transform: QgsCoordinateTransform) -> QgsGeometry | None:
    """The point in the target CRS, or None for coordinates that are missing, NaN, infinite or
    outside what the transform can project (a latitude of 460 in one row of a national file)."""
    if x is None or y is None or not (math.isfinite(x) and math.isfinite(y)):
        return None
    geometry = QgsGeometry.fromPointXY(QgsPointXY(x, y))
    try:
        geometry.transform(transform)
    except QgsCsException:
        return None
    point = geometry.asPoint()
    return geometry if math.isfinite(point.x()) and math.isfinite(point.y()) else None


def _listed(cell: str | None) -> set[str]:
    """The values of a list cell ('a|b', 'a ; b', 'a, b'), lower-cased."""
    return {part.strip().lower() for part in re.split(r"[|;,]", cell or "") if part.strip()}


def _number(value: str | None) -> float | None:
    try:
        return float(value.replace(",", "."))
    except (AttributeError, ValueError):
        return None
