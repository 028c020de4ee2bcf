"""IGN BD TOPO v3 road sections (``troncon_de_route``) from the Géoplateforme WFS, page by page.

Requests as IGN's users make them (evidence: tiled download scripts of BD TOPO layers, and
../shared/docs/data-sources.md): ``SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=
BDTOPO_V3:troncon_de_route&OUTPUTFORMAT=application/json&SRSNAME=EPSG:2154&BBOX=x1,y1,x2,y2,
EPSG:2154&COUNT=5000&STARTINDEX=n``. The box is given in the projected CRS of the measure
(east, north: no axis-order trap) and rounded to the metre, so that the same territory asks
for the same URLs and a cached page answers offline or from a mirror like any other file.

A box holding more than ``TILE_MAX_FEATURES`` sections is cut in four (deep ``STARTINDEX`` pages
get slow on the server, and a failed run restarts from the finished tiles); sections that
cross a tile border come twice and are read once (by their ``cleabs``). The service allows
30 requests/s per address: downloads are spaced, and 429/5xx answers are retried by the HTTP
client. Each page is checked (complete JSON, ``numberReturned`` = features received) before it
enters the cache.
"""

from __future__ import annotations

import json
import math
import os
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import CancelledError, ParseError
from ..i18n import tr
from ..memory import cyclic_gc_paused
from ..report import info, is_cancelled, progress
from .road_sections import section_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from qgis.core import QgsFeedback

    from ..travel.fetcher import Fetched, Fetcher

WFS = "https://data.geopf.fr/wfs/ows"
TYPENAME = "BDTOPO_V3:troncon_de_route"
PAGE_SIZE = 5_000
TILE_MAX_FEATURES = 50_000
MIN_TILE_M = 1_000.0  # below this a box is not cut again
MIN_INTERVAL_S = 1.0 / 25.0  # under the 30 requests/s the Géoplateforme allows


@dataclass(frozen=True)
class Box:
    xmin: float
    ymin: float
    xmax: float
    ymax: float

    def rounded(self) -> "Box":
        """Whole metres, outwards: stable URLs for the same territory."""
        return Box(math.floor(self.xmin), math.floor(self.ymin), math.ceil(self.xmax), math.ceil(self.ymax))

    def quarters(self) -> list[Box]:
        xmid, ymid = round((self.xmin + self.xmax) / 2), round((self.ymin + self.ymax) / 2)
        return [
            Box(self.xmin, self.ymin, xmid, ymid),
            Box(xmid, self.ymin, self.xmax, ymid),
            Box(self.xmin, ymid, xmid, self.ymax),
            Box(xmid, ymid, self.xmax, self.ymax),
        ]

    @property
    def size(self) -> float:
        return max(self.xmax - self.xmin, self.ymax - self.ymin)

    def text(self) -> str:
        return ",".join(f"{value:.0f}" for value in (self.xmin, self.ymin, self.xmax, self.ymax))


def page_url(box: Box, crs: str, start: int, count: int = 0) -> str:
    return (
        f"{WFS}?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES={TYPENAME}"
        f"&OUTPUTFORMAT=application/json&SRSNAME={crs}&BBOX={box.text()},{crs}"
        f"&COUNT={count or PAGE_SIZE}&STARTINDEX={start}"
    )


@dataclass
class RoadPages:
    """The pages of a fetched network: files to read, and what to say about them."""

    crs: str
    box: Box
    fetched: list = field(default_factory=list)  # the Fetched of each page of sections
    probes: list = field(default_factory=list)  # URLs of the one-section requests that counted each tile
    matched: int = 0  # sections the service announced (tile borders counted twice)
    fetched_at: float = 0.0  # when the oldest page was downloaded
    from_cache: bool = True

    @property
    def urls(self) -> list[str]:
        return [fetched.url for fetched in self.fetched]

    @property
    def cached_urls(self) -> list[str]:
        """Every file this network put in the cache: its pages and the tile counts."""
        return self.urls + self.probes

    def describe(self) -> str:
        day = time.strftime("%Y-%m-%d", time.localtime(self.fetched_at or time.time()))
        return tr("IGN BD TOPO v3 troncon_de_route (Géoplateforme WFS), fetched on {day}").format(day=day)


def check_page(path: str, name: str = "") -> dict:
    """The page's JSON; a ParseError naming the page (``name``, else the file) for anything but a
    complete feature collection of GeoJSON features with numeric coordinates."""
    name = name or os.path.basename(path)
    try:
        with open(path, "rb") as stream:
            page = json.load(stream)
    except (ValueError, UnicodeDecodeError) as error:
        raise ParseError(
            tr("A page of road sections ({page}) is not complete JSON (it stops half-way?): {error}").format(
                page=name, error=error
            )
        ) from None
    if (
        not isinstance(page, dict)
        or page.get("type") != "FeatureCollection"
        or not isinstance(page.get("features"), list)
    ):
        raise ParseError(tr("A page of road sections ({page}) is not a GeoJSON feature collection.").format(page=name))
    returned = page.get("numberReturned")
    if isinstance(returned, int) and returned != len(page["features"]):
        raise ParseError(
            tr("A page of road sections ({page}) stops half-way: {got} sections of the {expected} announced.").format(
                page=name, got=len(page["features"]), expected=returned
            )
        )
    for number, feature in enumerate(page["features"], start=1):
        problem = _feature_problem(feature)
        if problem:
            raise ParseError(
                tr("Road section {n} of the page {page} {problem}: the service's answer cannot be read.").format(
                    n=number, page=name, problem=problem
                )
            )
    return page


def _feature_problem(feature: object) -> str:
    """Why a feature of a page cannot be read ("" when it can; a missing geometry is read, and flagged)."""
    if not isinstance(feature, dict):
        return tr("is null") if feature is None else tr("is not a GeoJSON feature")
    geometry = feature.get("geometry")
    if geometry is None:
        return ""
    if not isinstance(geometry, dict):
        return tr("has a geometry that is not GeoJSON")
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    parts = [coordinates] if kind == "LineString" else coordinates if kind == "MultiLineString" else None
    if parts is None:
        return ""  # a point or a polygon: no line, flagged by the reader
    if not isinstance(parts, list) or not all(
        isinstance(part, list) and all(_is_position(position) for position in part) for part in parts
    ):
        return tr("has coordinates that are not numbers")
    return ""


def _is_position(position: object) -> bool:
    return (
        isinstance(position, list)
        and len(position) >= 2
        and all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in position)
        and all(math.isfinite(value) for value in position[:2])
    )


class RoadFetch:
    """Fetches every page of a box through a Fetcher (cache, mirror, offline, retries); a subclass
    pages another type name by overriding ``typename`` and ``page_url`` (commune_wfs.py)."""

    typename = TYPENAME

    def __init__(
        self,
        fetcher: Fetcher,
        crs: str,
        feedback: QgsFeedback | None = None,
        keep_tile: Callable[[Box], bool] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
    ):
        self.fetcher, self.crs, self.feedback = fetcher, crs, feedback
        self.keep_tile = keep_tile or (lambda box: True)  # tiles outside the territory are skipped
        self._clock, self._sleep = clock, sleep
        self._last_download: float | None = None

    def pages(self, box: Box, consume: Callable[[dict], object] | None = None) -> RoadPages:
        """Fetch every page of ``box``; ``consume(page)`` is given each page's JSON once."""
        with cyclic_gc_paused():  # pages are millions of small objects: no full collections meanwhile
            return self._pages(box.rounded(), consume)

    def _pages(self, box: Box, consume: Callable[[dict], object] | None) -> RoadPages:
        result = RoadPages(self.crs, box)
        tiles, done_pages, expected_pages = [box], 0, 1
        while tiles:
            tile = tiles.pop(0)
            if not self.keep_tile(tile):
                expected_pages -= 1
                continue
            # One section tells how many the tile holds: too many, and it is cut before any page.
            probe, probed = self._page(tile, 0, count=1)
            result.probes.append(probed.url)
            announced = _announced(probe)
            if announced is not None and announced > TILE_MAX_FEATURES and tile.size > MIN_TILE_M:
                tiles.extend(tile.quarters())
                expected_pages += 3
                continue
            expected_pages += max(1, -(-(announced or 0) // PAGE_SIZE)) - 1
            done_pages = self._tile_pages(result, tile, announced, consume, done_pages, expected_pages)
        info(
            self.feedback,
            tr("Road sections: {n} pages, {matched} sections announced").format(
                n=len(result.urls), matched=result.matched
            ),
        )
        return result

    def _tile_pages(
        self,
        result: RoadPages,
        tile: Box,
        announced: int | None,
        consume: Callable[[dict], object] | None,
        done_pages: int,
        expected_pages: int,
    ) -> int:
        """Every page of one tile, paged by what the server gives (it may cap a page below COUNT);
        the distinct sections read must be those it announced. Returns the pages done so far."""
        seen: set = set()
        start, largest, tile_urls = 0, 0, []
        while announced is None or start < announced:
            page, fetched = self._page(tile, start)
            self._keep(result, fetched, announced if start == 0 else 0)
            tile_urls.append(fetched.url)
            features = page["features"]
            new = _new_sections(features, seen)
            if consume is not None:
                consume(page)
            done_pages += 1
            progress(self.feedback, 100.0 * done_pages / max(expected_pages, done_pages))
            if not features and announced is None:
                break  # the end of a count the server did not give
            if not new:
                self._forget(tile_urls)
                raise ParseError(
                    _short(tile, announced, len(seen), start, empty=not features)
                    if announced is not None
                    else tr(
                        "The road section page at STARTINDEX={start} of {box} repeats sections already read: "
                        "the service ignores STARTINDEX, and the network cannot be paged."
                    ).format(start=start, box=tile.text())
                )
            start += len(features)
            if announced is None and len(features) < largest:
                break  # a short page: the last one
            largest = max(largest, len(features))
        if announced is not None and len(seen) < announced:
            self._forget(tile_urls)
            raise ParseError(_short(tile, announced, len(seen), start, empty=False))
        return done_pages

    def _forget(self, urls: list[str]) -> None:
        """A short tile's pages leave the cache: the next run asks the service again."""
        for url in urls:
            self.fetcher.cache.purge(url)

    @staticmethod
    def _keep(result: RoadPages, fetched: Fetched, announced: int | None) -> None:
        result.fetched.append(fetched)
        result.matched += announced or 0
        result.fetched_at = min(result.fetched_at or fetched.fetched_at, fetched.fetched_at)
        result.from_cache = result.from_cache and fetched.from_cache

    def page_url(self, box: Box, start: int, count: int = 0) -> str:
        return page_url(box, self.crs, start, count)

    def _page(self, box: Box, start: int, count: int = 0) -> tuple[dict, Fetched]:
        if is_cancelled(self.feedback):
            raise CancelledError(tr("Cancelled."))
        url = self.page_url(box, start, count)
        self._space_requests()
        checked = {}

        name = f"{self.typename} {box.text()} +{start}"

        def validate(path: str) -> None:  # a downloaded page is parsed once: here, before it is cached
            checked["page"] = check_page(path, name)

        fetched = self.fetcher.fetch(url, suffix=".json", validate=validate, feedback=self.feedback, name=name)
        if not fetched.from_cache:
            self._last_download = self._clock()
        page = checked.get("page") if not fetched.from_cache else None
        return (page if page is not None else check_page(fetched.path, name)), fetched

    def _space_requests(self) -> None:
        """Wait, if the last request went to the server less than MIN_INTERVAL_S ago (pages the cache
        answers cost the server nothing and are not spaced)."""
        if self._last_download is not None:
            wait = MIN_INTERVAL_S - (self._clock() - self._last_download)
            if wait > 0:
                self._sleep(wait)


def _new_sections(features: list, seen: set) -> int:
    """How many of ``features`` are not in ``seen`` (their keys are added to it)."""
    new = 0
    for feature in features:
        key = section_key(feature)
        if key is None or key not in seen:
            new += 1
            if key is not None:
                seen.add(key)
    return new


def _short(tile: Box, announced: int, read: int, start: int, empty: bool) -> str:
    reason = (
        tr("the page at STARTINDEX={start} came back empty").format(start=start)
        if empty
        else tr("its pages stopped or repeated at STARTINDEX={start}").format(start=start)
    )
    return tr(
        "The Géoplateforme announced {announced} road sections in {box} but gave {read} distinct ones ({reason}): "
        "the network would be incomplete, and the times wrong."
    ).format(announced=announced, box=tile.text(), read=read, reason=reason)


def _announced(page: dict) -> int | None:
    """Sections the service announces for the whole request (GeoServer says numberMatched, older
    versions totalFeatures), or None when it did not count ("unknown")."""
    for key in ("numberMatched", "totalFeatures"):
        value = page.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None
