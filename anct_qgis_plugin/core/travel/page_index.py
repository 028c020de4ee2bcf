"""A small index, in the cache, of the pages one fetch put there: a paged WFS answer has no URL
known in advance, so the panel's cache column and Purge read the index to know which pages a
territory's road network (road_source.py) or a département's commune outlines (commune_wfs.py)
are made of."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..i18n import tr
from ..report import warn

if TYPE_CHECKING:
    from qgis.core import QgsFeedback

    from .cache import Cache


def write_page_index(cache: Cache, index_url: str, urls: list[str], feedback: QgsFeedback | None) -> None:
    """Record ``urls`` under ``index_url`` (an ``anct-cache://`` name, never downloaded)."""
    try:
        part = cache.new_part(index_url, ".json")
        with open(part, "w", encoding="utf-8") as stream:
            json.dump(urls, stream)
        cache.commit(index_url, part, suffix=".json")
    except OSError as error:  # a read-only cache still served the pages
        warn(feedback, tr("The cache cannot be written ({error}): working from it as it is.").format(error=error))


def indexed_pages(cache: Cache, index_url: str) -> list[str]:
    """The page URLs the index lists, with the index itself first; [] when there is none."""
    entry = cache.lookup(index_url)
    if entry is None:
        return []
    try:
        with open(entry.path, encoding="utf-8") as stream:
            pages = json.load(stream)
    except (OSError, ValueError):
        return []
    return [index_url] + [page for page in pages if isinstance(page, str)]
