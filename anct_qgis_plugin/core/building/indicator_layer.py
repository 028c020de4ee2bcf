"""An Observatoire des territoires indicator on the outlines of its places (communes, EPCI, départements,
régions): fetched through the cache (or read from a file the user has), codes mapped to today's places,
one value per place, NULL where the Observatoire has none."""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qgis.core import QgsFeature, QgsField, QgsFields

from ...compat import FIELD_DOUBLE, FIELD_STRING, WKB_MULTIPOLYGON
from ..errors import AnctError, CancelledError, DownloadError, NotPublishedError
from ..i18n import tr
from ..published.catalogue import LICENCE, get_source
from ..published.commune_codes import CodeTally, padded_departement
from ..published.observatoire import (
    MAP_LINK,
    NIVGEO,
    PUBLISHER,
    IndicatorError,
    IndicatorId,
    IndicatorTable,
    read_indicator,
)
from ..published.observatoire_indicators import curated
from ..published.parsers import resolve_columns
from ..report import warn
from .ept import EptMembers, add_ept_outlines, holds_unknown_sirens, read_ept_members
from .layer_geometry import memory_layer
from .layer_info import SourceInfo

if TYPE_CHECKING:
    from qgis.core import QgsVectorLayer

    from ..published.territories import Territory, TerritoryIndex
    from ..travel.fetcher import Fetched
    from .layers import LayerBuilder

OUTLINES = {"communes": "communes", "epci": "epci", "departements": "departements", "regions": "regions"}
ALL_YEARS = "all"
ZONING_DATASETS = re.compile(r"^(_zon_|typo_|zone_|frr$|zonage)")
CHANGE_NAMES = re.compile(r"(evol|^var_|^tcam|^sn_|^sm_)")


@dataclass
class IndicatorRequest:
    indicator: IndicatorId | None  # None: read from the file (its metadata sheet's link)
    level: str  # a key of NIVGEO
    territory: Territory
    year: str = ""  # "" the latest, "all" every year as columns, or one year as published
    file: str = ""  # an answer or a map export already downloaded
    crs: str | None = None


@dataclass
class IndicatorLayer:
    layer: QgsVectorLayer
    info: SourceInfo
    table: IndicatorTable
    field: str  # the value's field, named after the indicator
    year: str  # the year shown (the latest with ALL_YEARS)
    kind: str  # "rate", "change" or "zoning": how it is styled
    unmapped: list = dataclasses.field(default_factory=list)  # published codes that are no place of the level

    @property
    def title(self) -> str:
        """'<label> (<unit>), <year>': the legend's title."""
        unit = f" ({self.table.unit})" if self.table.unit else ""
        return f"{self.table.label or self.field}{unit}" + (f", {self.year}" if self.year else "")


def fetch_table(builder: LayerBuilder, indicator: IndicatorId, level: str) -> tuple[IndicatorTable, str, Fetched]:
    """The API's CSV answer for an indicator at a level, through the cache: (table, url, fetched)."""
    url = indicator.url(level)
    try:
        fetched = builder.fetcher.fetch(
            url,
            suffix=".csv",
            validate=lambda path: read_indicator(path, str(indicator)),
            feedback=builder.feedback,
            name=f"{indicator}.csv",
        )
    except NotPublishedError:
        raise
    except DownloadError as error:
        if error.status != 500:
            raise
        # The Observatoire answers an id it does not know with HTTP 500 and an HTML page.
        raise IndicatorError(
            tr(
                "The Observatoire des territoires does not know {id} at this level ({level}, nivgeo={nivgeo}): "
                "check the id on its map (the link's i= or indics=) or choose another level. ({error})"
            ).format(id=indicator, level=level, nivgeo=NIVGEO[level], error=error)
        ) from None
    return read_indicator(fetched.path, str(indicator)), url, fetched


def with_curated_words(table: IndicatorTable, language: str) -> IndicatorTable:
    """The curated label and unit where the answer carries none (a CSV answer names only its column)."""
    entry = curated(table.indicator) if table.indicator is not None else None
    if entry is not None:
        table.label = table.label or entry.label(language)
        table.unit = table.unit or entry.unit(language)
    return table


def _field_name(table: IndicatorTable) -> str:
    if table.indicator is not None:
        return table.indicator.indic
    if table.shape.startswith("api"):
        return table.column
    plain = unicodedata.normalize("NFKD", table.column.lower()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    return slug[:30].rstrip("_") or "valeur"


def _kind(table: IndicatorTable) -> str:
    dataset = table.indicator.dataset if table.indicator else ""
    if not table.numeric or table.not_classified or ZONING_DATASETS.search(dataset):
        return "zoning"
    name = f"{dataset} {table.indicator.indic if table.indicator else table.column}"
    values = [row.value for row in table.rows if isinstance(row.value, float)]
    if CHANGE_NAMES.search(name) or (values and min(values) < 0 < max(values)):
        return "change"
    return "rate"


class Places:
    """Published codes -> the level's codes of today (None: no such place), unknown ones counted."""

    def __init__(self, level: str, index: TerritoryIndex):
        self.level, self.tally = level, CodeTally(index.codes)
        known = {
            "epci": set(index.epci_names) | {c.get("codeEpci") for c in index.communes.values()},
            "departements": set(index.departements),
            "regions": set(index.regions),
        }
        self.known = known.get(level, set())  # none for communes: the tally knows them

    def today(self, code: str) -> str | None:
        if self.level == "communes":
            return self.tally.today(code)
        code = padded_departement(code) if self.level in ("departements", "regions") else code
        if code in self.known:
            return code
        self.tally.unmapped[code] += 1
        return None


def chosen_year(table: IndicatorTable, year: str) -> str:
    years = table.years
    if not year or year == ALL_YEARS:
        return years[-1] if years else ""
    if years and year not in years:
        raise IndicatorError(
            tr("The Observatoire publishes {id} for {years}, not for {year}.").format(
                id=table.indicator or table.column, years=", ".join(years), year=year
            )
        )
    return year


def values_by_place(table: IndicatorTable, places: Places) -> dict[tuple[str, str], object]:
    """{(today's code, year): value}. Several published codes on one place (communes merged since the
    answer's COG): the place's own code wins; otherwise its value is unknown (NULL), never a sum."""
    values, exact, folded = {}, set(), set()
    for row in table.rows:
        code = places.today(row.code)
        if code is None:
            continue
        key = (code, row.year)
        if code == row.code:
            values[key] = row.value
            exact.add(key)
        elif key not in exact:
            if key in values:
                folded.add(key)
            values[key] = row.value
    for key in folded - exact:
        values[key] = None
    return values


def _info(request: IndicatorRequest, table: IndicatorTable, urls: list, label_field: str) -> SourceInfo:
    indicator = table.indicator
    lines = [tr("Indicator: {label}").format(label=table.label or label_field)]
    if indicator is not None:
        lines.append(tr("Id: {id} — {link}").format(id=indicator, link=MAP_LINK.format(id=indicator)))
    if table.unit:
        lines.append(tr("Unit: {unit}").format(unit=table.unit))
    if table.source:
        lines.append(tr("Source: {source}").format(source=table.source))
    if table.description:
        lines.append(table.description)
    if table.geography:
        lines.append(tr("Geography of the file: {geography}").format(geography=table.geography))
    if table.missing:
        lines.append(tr("{n} values missing or secret: NULL (n.d.), never 0.").format(n=table.missing))
    if table.not_classified:
        lines.append(tr("{n} places not classified (-9999 in the file): NULL.").format(n=table.not_classified))
    lines += table.notes
    return SourceInfo(
        layer_id=f"observatoire:{indicator or label_field}:{request.level}",  # one layer per level in a group
        title=table.label or label_field,
        abstract="\n".join(lines),
        publisher=PUBLISHER,
        licence=LICENCE,
        attribution=table.source or PUBLISHER,
        urls=urls,
        file_name=os.path.basename(request.file) if request.file else "",
    )


def build_indicator_layer(builder: LayerBuilder, request: IndicatorRequest) -> IndicatorLayer:
    """The indicator on the outlines of its level in the territory (every place, NULL where no value)."""
    urls: list[str] = []
    fetched: Fetched | None = None
    if request.file:
        table = read_indicator(request.file)
        table.indicator = request.indicator or table.indicator
    elif request.indicator is None:
        raise IndicatorError(tr("Give an indicator (dataset.indic or a map link) or a file."))
    else:
        table, url, fetched = fetch_table(builder, request.indicator, request.level)
        table.indicator, urls = request.indicator, [url]
    with_curated_words(table, builder.language)
    name = _field_name(table)
    year = chosen_year(table, request.year)
    places = Places(request.level, builder.index)
    ept, ept_warning = _ept_members(builder, table, places) if request.level == "epci" else (None, "")
    values = values_by_place(table, places)
    if not values:
        raise IndicatorError(
            tr(
                "None of the {n} rows of the indicator (geography: {geography}) is a place of the level "
                "'{level}': choose the level of the file. Codes read: {codes}"
            ).format(
                n=len(table.rows),
                geography=table.geography or "-",
                level=request.level,
                codes=", ".join(row.code for row in table.rows[:5]),
            )
        )
    outlines = builder.build(OUTLINES[request.level], request.territory, request.crs)
    if ept is not None:
        add_ept_outlines(builder, outlines.layer, ept, {code for code, _year in values}, request.territory)
        outlines.info.urls += ept.info.urls
    info = _info(request, table, urls + outlines.info.urls, name)
    if ept is not None:
        info.abstract += "\n" + tr(
            "EPT of the Métropole du Grand Paris: the union of their member communes ({file}, INSEE)."
        ).format(file=ept.info.file_name)
    if ept_warning:
        info.warnings.append(ept_warning)
        info.abstract += "\n" + ept_warning
    if fetched is not None:
        info.fetched_at, info.stale, info.source_date = fetched.fetched_at, fetched.stale, fetched.source_date
    unmapped = sorted(places.tally.unmapped)
    if unmapped:
        info.unmapped_codes = places.tally.summary()
        message = tr("{title}: {n} rows match no place of the level '{level}' (left out): {codes}").format(
            title=info.title, n=sum(places.tally.unmapped.values()), level=request.level, codes=info.unmapped_codes
        )
        info.warnings.append(message)
        info.abstract += "\n" + message
    layer = _joined(outlines.layer, request.level, table, values, name, year, request.year == ALL_YEARS)
    layer.setName(f"{info.title} — {request.territory.label}")
    info.feature_count = layer.featureCount()
    for message in info.warnings:
        warn(builder.feedback, message)
    return IndicatorLayer(layer, info, table, name, year, _kind(table), unmapped)


def _ept_members(builder: LayerBuilder, table: IndicatorTable, places: Places) -> tuple[EptMembers | None, str]:
    """INSEE's EPT membership when the answer holds SIRENs no EPCI has, its EPT then known places; without
    the file (offline, HTTP error) the EPT stay unplaced, with the reason: (members or None, warning)."""
    if not holds_unknown_sirens((row.code for row in table.rows), places.known):
        return None, ""
    try:
        members = read_ept_members(builder)
    except CancelledError:
        raise
    except AnctError as error:
        return None, tr(
            "The EPT of the Métropole du Grand Paris are left unplaced: their member communes could not be "
            "read from INSEE's ept_au_01-01-<year>.zip ({error}). Go online, or copy the file into the mirror."
        ).format(error=error)
    places.known |= set(members.communes)
    return members, ""


def _joined(
    outlines: QgsVectorLayer,
    level: str,
    table: IndicatorTable,
    values: dict,
    name: str,
    year: str,
    all_years: bool,
) -> QgsVectorLayer:
    source = get_source(OUTLINES[level])
    columns = resolve_columns(
        outlines.fields().names(),
        {"code": source.columns["code"], "name": ("nom", "nom_officiel")},
        source.id,
        source.id,
    )
    kind = FIELD_DOUBLE if table.numeric else FIELD_STRING
    fields = QgsFields()
    for field_name, field_type in (("code", FIELD_STRING), ("name", FIELD_STRING), (name, kind)):
        fields.append(QgsField(field_name, field_type))
    fields.append(QgsField("year", FIELD_STRING))
    years = table.years if all_years else []
    for each in years:
        fields.append(QgsField(f"{name}_{each.replace('-', '_')}", kind))
    layer = memory_layer(WKB_MULTIPOLYGON, outlines.crs(), fields, name)
    features = []
    for outline in outlines.getFeatures():
        code = str(outline[columns["code"]])
        feature = QgsFeature(fields)
        value = values.get((code, year))
        feature.setAttributes(
            [code, outline[columns["name"]], value, year if (code, year) in values and year else None]
            + [values.get((code, each)) for each in years]
        )
        feature.setGeometry(outline.geometry())
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer
