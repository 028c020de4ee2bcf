"""The BD TOPO road network of a territory (plus a buffer), as the catalogue's layer, the
fetch_road_network algorithm and road mode all fetch it: the area to ask for (box, tiles that
matter, the territory it belongs to), one fetch of its pages that writes a small index of them in
the cache (so that the panel can tell, and purge, what a territory's network holds whichever of
the three fetched it), and the pages read with a road profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsGeometry,
    QgsRectangle,
)

from ..errors import AnctError, CancelledError, ParseError, TerritoryError
from ..i18n import tr
from ..report import warn
from ..travel.page_index import indexed_pages, write_page_index
from .road_network import Box, RoadFetch
from .road_sections import SectionReader

if TYPE_CHECKING:
    from collections.abc import Callable

    from qgis.core import QgsFeedback

    from ...diagnostics.road_profiles import RoadProfile
    from ..published.territories import Territory
    from ..travel.cache import Cache
    from ..travel.fetcher import Fetcher
    from .road_network import RoadPages
    from .road_sections import PageSections

INDEX_URL = "anct-cache://road-network/{key}"  # not a download: the pages one territory's network read


class Outlines(Protocol):
    """What gives a territory's outline (layers.LayerBuilder): named here, so that this module
    does not import its caller."""

    def territory_outline(self, territory: Territory, crs: QgsCoordinateReferenceSystem) -> QgsGeometry: ...


@dataclass(frozen=True)
class NetworkArea:
    """Where a network is fetched: the box, the tiles worth asking for (None: all), and the key of
    the territory whose cache index lists the pages ("": an extent, which no index names)."""

    box: Box
    keep_tile: Callable[[Box], bool] | None = None
    key: str = ""


def territory_area(builder: Outlines, territory: Territory, crs: str, buffer_m: float) -> NetworkArea:
    """The area around a territory's communes: tiles farther than the buffer from every commune
    are not asked for."""
    if territory.is_country:
        raise TerritoryError(
            tr(
                "The road network is fetched for a région, a département, an EPCI or a "
                "commune, not for the whole country."
            )
        )
    outline = builder.territory_outline(territory, QgsCoordinateReferenceSystem(crs))
    if outline is None or outline.isEmpty():
        raise TerritoryError(
            tr("No commune outline for {territory}: its road network cannot be placed.").format(
                territory=territory.label
            )
        )
    return NetworkArea(
        _buffered_box(outline.boundingBox(), buffer_m),
        lambda box: outline.distance(QgsGeometry.fromRect(_rect(box))) <= buffer_m,
        territory.key,
    )


def extent_area(extent: QgsRectangle, buffer_m: float) -> NetworkArea:
    """The area around an extent (a QgsRectangle) already in the measure's CRS, every tile kept."""
    return NetworkArea(_buffered_box(extent, buffer_m))


def _buffered_box(rectangle: QgsRectangle, buffer_m: float) -> Box:
    return Box(
        rectangle.xMinimum() - buffer_m,
        rectangle.yMinimum() - buffer_m,
        rectangle.xMaximum() + buffer_m,
        rectangle.yMaximum() + buffer_m,
    )


def _rect(box: Box) -> QgsRectangle:
    return QgsRectangle(box.xmin, box.ymin, box.xmax, box.ymax)


def fetch_network_pages(
    fetcher: Fetcher,
    area: NetworkArea,
    crs: str,
    feedback: QgsFeedback | None,
    consume: Callable[[dict], object] | None = None,
) -> RoadPages:
    """The one fetch of a road network: every page of the area (``consume(page)`` is given each
    page's JSON once), then the territory's index of them in the cache."""
    pages = RoadFetch(fetcher, crs, feedback, area.keep_tile).pages(area.box, consume)
    if area.key:
        write_page_index(fetcher.cache, INDEX_URL.format(key=area.key), pages.cached_urls, feedback)
    return pages


def fetch_sections(
    fetcher: Fetcher,
    area: NetworkArea,
    crs: str,
    profile: RoadProfile,
    feedback: QgsFeedback | None,
    each_page: Callable[[PageSections], object] | None = None,
) -> tuple[SectionReader, RoadPages]:
    """(SectionReader holding the driven lines, RoadPages). ``each_page(sections)`` is given
    each page's kept sections (an output is written page by page)."""
    reader = SectionReader(profile, crs_area(crs))

    def consume(page: dict) -> None:
        sections = reader.page(page)
        if each_page is not None:
            each_page(sections)

    try:
        pages = fetch_network_pages(fetcher, area, crs, feedback, consume)
    except CancelledError:
        raise
    except AnctError as error:
        raise type(error)(
            tr(
                "The road network could not be fetched from the IGN Géoplateforme: {error} — give a "
                "NETWORK layer, or set a mirror or the proxy in the ANCT options."
            ).format(error=error)
        ) from None
    if reader.read == 0:
        raise ParseError(
            tr(
                "The Géoplateforme answered no road section in {box} ({crs}): check the territory, or "
                "the mirror if one is set."
            ).format(box=area.box.text(), crs=crs)
        )
    if reader.no_line:
        warn(feedback, tr("{n} road sections without a line geometry left out.").format(n=reader.no_line))
    if reader.outside:
        warn(
            feedback,
            tr(
                "{n} road sections with coordinates outside the area of {crs} left out (coordinates in another CRS, "
                "or swapped?)."
            ).format(n=reader.outside, crs=crs),
        )
    if profile.unknown:
        warn(
            feedback,
            tr("Values the road profile does not know, left out of the network: {values}").format(
                values=", ".join(f"{value} ({n})" for value, n in profile.unknown.most_common())
            ),
        )
    return reader, pages


def crs_area(crs: str) -> tuple[float, float, float, float] | None:
    """(xmin, ymin, xmax, ymax) of where ``crs`` is defined, in its own coordinates; None when unknown."""
    target = QgsCoordinateReferenceSystem(crs)
    bounds = target.bounds()  # longitude/latitude
    if not target.isValid() or bounds.isEmpty():
        return None
    try:
        area = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), target, QgsCoordinateTransformContext()
        ).transformBoundingBox(bounds)
    except QgsCsException:
        return None
    return area.xMinimum(), area.yMinimum(), area.xMaximum(), area.yMaximum()


def indexed_urls(cache: Cache, key: str) -> list[str]:
    """The page URLs of a territory's cached network, with the index itself; [] when none."""
    return indexed_pages(cache, INDEX_URL.format(key=key))
