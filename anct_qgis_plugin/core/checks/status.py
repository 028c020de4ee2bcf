"""What the cache holds for a catalogue layer: state, date, size; and purging it.

Answers from the cache alone (never the network), so the panel can show it instantly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import AnctError
from ..published.catalogue import (
    COMMUNE_OUTLINES,
    DataGouvFile,
    FixedUrl,
    PerDepartementUrl,
    QuarterlyUrl,
    RoadWfsPages,
    YearlyUrl,
    get_source,
)
from ..published.datagouv import check_dataset_document, resource_download_url, select_resource
from ..published.editions import candidate_urls
from ..published.parsers import read_json
from ..roads.commune_wfs import departement_pages
from ..roads.road_source import indexed_urls

if TYPE_CHECKING:
    from collections.abc import Collection

    from ..published.catalogue import Source
    from ..published.territories import Territory
    from ..travel.fetcher import Fetcher

ABSENT, FRESH, STALE, OFFLINE = "absent", "fresh", "stale", "offline"


@dataclass
class CacheStatus:
    state: str
    fetched_at: float = 0.0
    size: int = 0
    source_date: str = ""


def cached_urls(
    fetcher: Fetcher, layer_id: str | Source, territory: Territory | None = None, every: bool = False
) -> list[str]:
    """The URLs a layer (an id, or a Source) reads, as far as the cache knows them (dataset
    document first); ``every``: also the fallback's files it does not read now (to purge them)."""
    source = get_source(layer_id) if isinstance(layer_id, str) else layer_id
    locator = source.locator
    if isinstance(locator, FixedUrl):
        return [locator.url]
    if isinstance(locator, RoadWfsPages):  # the territory's page index, then its pages
        return indexed_urls(fetcher.cache, territory.key) if territory else []
    if isinstance(locator, PerDepartementUrl):
        return [
            url
            for d in (territory.departement_codes if territory else ())
            for url in _departement_urls(fetcher, locator, d, every)
        ]
    if isinstance(locator, (QuarterlyUrl, YearlyUrl)):  # the newest edition the cache holds
        try:
            urls = [url for _edition, url in candidate_urls(locator, fetcher.config)]
        except AnctError:  # a mistyped pinned quarter: nothing cached for it
            return []
        return [url for url in urls if fetcher.cache.lookup(url) is not None][:1]
    urls = [locator.api_url]
    entry = fetcher.cache.lookup(locator.api_url)
    if entry is not None and isinstance(locator, DataGouvFile):
        try:
            document = check_dataset_document(read_json(entry.path, locator.api_url), locator.api_url)
            urls.append(resource_download_url(select_resource(document, locator)))
            names = getattr(source.geometry, "labels_from", None)  # a companion list of names (CRTE)
            if names is not None:
                urls.append(resource_download_url(select_resource(document, names)))
        except AnctError:
            pass  # a damaged document counts as not cached
    return urls


def _departement_urls(fetcher: Fetcher, locator: PerDepartementUrl, departement: str, every: bool) -> list[str]:
    """A département's file; for commune outlines that geo.api.gouv.fr could not give, the IGN WFS
    pages the fallback cached instead (commune_wfs.py), which the layer then reads."""
    url = locator.template.format(dep=departement)
    if locator.template != COMMUNE_OUTLINES:
        return [url]
    fallback = departement_pages(fetcher.cache, departement)
    if every:
        return [url, *fallback]
    return fallback if fallback and fetcher.cache.lookup(url) is None else [url]


def cache_status(fetcher: Fetcher, layer_id: str, territory: Territory | None = None) -> CacheStatus:
    urls = cached_urls(fetcher, layer_id, territory)
    data_urls = urls[1:] if isinstance(get_source(layer_id).locator, (DataGouvFile, RoadWfsPages)) else urls
    found = [fetcher.cache.lookup(url) for url in data_urls]
    entries = [entry for entry in found if entry is not None]
    if not entries or len(entries) < len(found):
        return CacheStatus(ABSENT)
    ttl = fetcher.config.ttl_hours * 3600
    if fetcher.config.offline:
        state = OFFLINE
    else:
        state = STALE if any(entry.age_seconds >= ttl for entry in entries) else FRESH
    return CacheStatus(
        state,
        min(e.manifest.fetched_at for e in entries),
        sum(e.manifest.size for e in entries),
        max(e.manifest.source_date for e in entries),
    )


def purge_layers(fetcher: Fetcher, layer_ids: Collection[str], territory: Territory | None = None) -> int:
    """Forget the cached files of some layers (dataset documents included), except those another
    catalogue layer still reads (the QPV dataset document, the commune outlines…). Returns the
    number of files removed."""
    from ..published.catalogue import LAYER_IDS, QPV_LIST

    wanted = {url for layer_id in layer_ids for url in cached_urls(fetcher, layer_id, territory, every=True)}
    others = [layer_id for layer_id in LAYER_IDS if layer_id not in layer_ids]
    shared = {url for layer_id in others for url in cached_urls(fetcher, layer_id, territory, every=True)}
    shared |= set(cached_urls(fetcher, QPV_LIST, territory))  # the QPV list feeds figures and the card
    removed = 0
    for url in wanted - shared:
        if fetcher.cache.lookup(url) is not None:
            removed += 1
        fetcher.cache.purge(url)
    return removed
