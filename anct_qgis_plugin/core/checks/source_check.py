"""For each catalogue source: which file the rules choose, its date, size, columns found versus
expected, rows, and the commune codes that map to nothing. How a maintainer learns that a
publisher renamed a file or a column before users do (``anct:check_sources``)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from qgis.core import QgsCoordinateReferenceSystem

from ..building.layer_info import source_info
from ..building.source_files import COMMUNE_OUTLINE_SOURCES
from ..building.source_tables import read_source_table
from ..errors import AnctError, CancelledError, CatalogueError
from ..i18n import tr
from ..published.catalogue import CROSS_TABLE, EPT_MEMBERS, QPV_LIST, SOURCES, RoadWfsPages
from ..published.commune_codes import CodeTally
from ..published.parsers import TABLE_READERS, open_vector, split_values
from ..roads.road_network import Box, check_page, page_url

if TYPE_CHECKING:
    from collections.abc import Iterable

    from qgis.core import QgsFeedback

    from ..building.layer_info import SourceInfo
    from ..building.layers import LayerBuilder
    from ..published.catalogue import Source
    from ..published.territories import Territory, TerritoryIndex

CHECKED_SOURCES = SOURCES + (QPV_LIST, CROSS_TABLE, EPT_MEMBERS)


@dataclass
class SourceCheck:
    source_id: str
    title: str
    status: str = "ok"  # "ok", "failed", or "unpublished" (a historical source no longer published)
    file_name: str = ""
    url: str = ""
    source_date: str = ""
    size: int = 0
    rows: int = 0
    columns_expected: list = field(default_factory=list)
    columns_missing: list = field(default_factory=list)
    columns_found: list = field(default_factory=list)
    unmapped_codes: str = ""
    message: str = ""


def _expected(source: Source) -> list[str]:
    return [" / ".join(spellings) for spellings in source.columns.values()]


def _published_name(found: Iterable[str], spellings: Iterable[str]) -> str | None:
    """The column of ``found`` spelt as one of ``spellings`` (case aside), or None."""
    lowered = {name.lower(): name for name in found}
    return next((lowered[spelling.lower()] for spelling in spellings if spelling.lower() in lowered), None)


def _missing(source: Source, found: list[str]) -> list[str]:
    return [" / ".join(spellings) for spellings in source.columns.values() if _published_name(found, spellings) is None]


def _read(source: Source, path: str, index: TerritoryIndex) -> tuple[list[str], int, CodeTally]:
    """(columns found, rows, CodeTally) of one file, read as the layers read it."""
    spellings = source.columns.get(source.commune_column, ())
    if source.reader in TABLE_READERS:
        table, _columns, position = read_source_table(source, path, {})
        found, rows = table.columns, len(table.rows)
        column = _published_name(found, spellings)
        values = (row[position[column]] for row in table.rows) if column else ()
    else:
        layer, _mapping = open_vector(path, source.id, {}, source.member)
        found, rows = layer.fields().names(), layer.featureCount()
        column = _published_name(found, spellings)
        values = (
            (str(feature[column] or "") for feature in layer.getFeatures())
            if column and source.id not in COMMUNE_OUTLINE_SOURCES
            else ()
        )  # outlines are today's communes
    tally = CodeTally(index.codes)
    for value in values:
        tally.today_all(split_values(value))
    return found, rows, tally


def _road_sample(
    builder: LayerBuilder, territory: Territory, info: SourceInfo
) -> tuple[SimpleNamespace, list[str], int]:
    """One page of road sections 2 km around a point of the sample département (its whole network
    would be tens of thousands of sections): (file, columns found, rows)."""
    crs = territory.crs
    point = builder.territory_outline(territory, QgsCoordinateReferenceSystem(crs)).pointOnSurface().asPoint()
    url = page_url(Box(point.x() - 1000, point.y() - 1000, point.x() + 1000, point.y() + 1000).rounded(), crs, 0)
    fetched = builder.fetcher.fetch(url, suffix=".json", validate=check_page, feedback=builder.feedback)
    info.urls.append(url)
    info.source_date = time.strftime("%Y-%m-%d", time.localtime(fetched.fetched_at))
    features = check_page(fetched.path)["features"]
    found = list(dict.fromkeys(name for feature in features for name in (feature.get("properties") or {})))
    return SimpleNamespace(path=fetched.path, url=url), found, len(features)


def check_source(builder: LayerBuilder, source: Source, territory: Territory) -> SourceCheck:
    """A SourceCheck of one source; any failure is recorded, not raised (but Cancel is)."""
    info = source_info(source, builder.language)
    check = SourceCheck(source.id, info.title, columns_expected=_expected(source))
    try:
        if isinstance(source.locator, RoadWfsPages):
            file_, found, rows = _road_sample(builder, territory, info)
            files: list[Any] = [file_]  # the page stands for a file: its path and url
            tally = CodeTally(builder.index.codes)
        else:
            files = builder.fetch_files(source, territory, info)
            found, rows, tally = _read(source, files[0].path, builder.index)
        check.url = " ".join(info.urls)
        check.file_name = info.file_name or files[0].url.rsplit("/", 1)[-1]
        check.source_date = info.source_date
        check.size = sum(os.path.getsize(f.path) for f in files)
        check.columns_found, check.rows = list(found), rows
        check.columns_missing = _missing(source, found)
        check.unmapped_codes = tally.summary()
        if check.columns_missing:
            check.status = "failed"
            check.message = tr("Columns missing: {columns}").format(columns=", ".join(check.columns_missing))
    except CancelledError:
        raise
    except CatalogueError as error:
        check.status, check.message = ("unpublished" if source.historical else "failed"), str(error)
    except AnctError as error:
        check.status, check.message = "failed", str(error)
    return check


def check_sources(
    builder: LayerBuilder, sample_departement: str, feedback: QgsFeedback | None = None
) -> list[SourceCheck]:
    """A SourceCheck per catalogue source; per-département sources are read for one sample."""
    from ..report import info, is_cancelled, progress, warn

    territory = builder.index.resolve(f"dep:{sample_departement}")
    checks = []
    for number, source in enumerate(CHECKED_SOURCES):
        if is_cancelled(feedback):
            raise CancelledError(tr("Cancelled."))
        check = check_source(builder, source, territory)
        checks.append(check)
        line = tr("{source}: {status} — {file}, {date}, {size} bytes, {rows} rows").format(
            source=source.id,
            status=check.status,
            file=check.file_name or "-",
            date=check.source_date or "-",
            size=check.size,
            rows=check.rows,
        )
        (warn if check.status == "failed" else info)(feedback, line + (f" — {check.message}" if check.message else ""))
        if check.unmapped_codes:
            warn(
                feedback,
                tr("{source}: codes that match no commune of today: {codes}").format(
                    source=source.id, codes=check.unmapped_codes
                ),
            )
        progress(feedback, 100.0 * (number + 1) / len(CHECKED_SOURCES))
    return checks
