"""What a built layer is made of and where it came from: its provenance (SourceInfo), shown in
metadata, the pack's source table and the panel, and the files a layer is read from."""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

from ..i18n import tr
from ..published.territories import COMMUNES_TABLE_URL

if TYPE_CHECKING:
    from qgis.core import QgsVectorLayer

    from ..published.catalogue import Source
    from ..published.commune_codes import CodeTally
    from ..travel.fetcher import Fetched, Fetcher


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
class SourceFile:
    """A file a layer is read from: where it is on disk, the URL it stands for."""

    path: str
    url: str


def source_info(source: Source, language: str, stale: bool = False) -> SourceInfo:
    """A SourceInfo for a catalogue source, before anything is fetched (``stale``: to be built from the
    cached copies, a fresh file having failed)."""
    return SourceInfo(
        source.id,
        source.title(language),
        source.abstract(language),
        source.publisher,
        source.licence,
        source.attribution,
        stale=stale,
    )


def recorded(info_: SourceInfo, url: str, fetched: Fetched) -> SourceFile:
    """Note a fetched file in the layer's provenance; the file to read."""
    info_.urls.append(url)
    if not fetched.from_cache:
        info_.fresh_urls.append(url)
    info_.stale = info_.stale or fetched.stale
    if fetched.fallback is not None:
        info_.fallbacks.append(fetched.fallback)
    info_.fetched_at = max(info_.fetched_at, fetched.fetched_at)
    info_.source_date = max(info_.source_date, file_date(fetched))
    return SourceFile(fetched.path, url)


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


def report_unmapped(tally: CodeTally, info_: SourceInfo) -> None:
    """Codes that match no commune of today: named in the log, the metadata and the pack."""
    if tally.unmapped:
        info_.unmapped_codes = tally.summary()
        info_.warnings.append(
            tr(
                "{title}: {n} rows carry commune codes that match no commune of today "
                "(not placed in any commune): {codes}"
            ).format(title=info_.title, n=sum(tally.unmapped.values()), codes=info_.unmapped_codes)
        )
