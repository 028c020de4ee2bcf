"""The BD TOPO road network of a territory (plus a buffer), as the two road algorithms fetch it:
the box to ask for, which tiles matter, and the pages read with a road profile."""
from qgis.core import QgsGeometry, QgsProcessingException, QgsRectangle

from ...core.errors import AnctError, CancelledError
from ...core.road_network import Box, RoadFetch
from ...core.road_sections import SectionReader
from .base import tr


def territory_area(data, territory, crs, buffer_m, feedback):
    """(box, keep_tile) around a territory's communes: tiles farther than the buffer from every
    commune are not asked for."""
    if territory.is_country:
        raise QgsProcessingException(tr("The road network is fetched for a région, a département, an EPCI or a "
                                        "commune, not for the whole country."))
    from qgis.core import QgsCoordinateReferenceSystem

    outline = data.builder(feedback).territory_outline(territory, QgsCoordinateReferenceSystem(crs))
    if outline is None or outline.isEmpty():
        raise QgsProcessingException(tr("No commune outline for {territory}: its road network cannot be "
                                        "placed.").format(territory=territory.label))
    return _buffered_box(outline.boundingBox(), buffer_m), \
        lambda box: outline.distance(QgsGeometry.fromRect(_rect(box))) <= buffer_m


def extent_area(extent, buffer_m):
    """(box, keep everything) around an extent already in the measure's CRS."""
    return _buffered_box(extent, buffer_m), None


def _buffered_box(rectangle, buffer_m):
    return Box(rectangle.xMinimum() - buffer_m, rectangle.yMinimum() - buffer_m,
               rectangle.xMaximum() + buffer_m, rectangle.yMaximum() + buffer_m)


def _rect(box):
    return QgsRectangle(box.xmin, box.ymin, box.xmax, box.ymax)


def fetch_sections(data, box, crs, keep_tile, profile, feedback, each_page=None):
    """(SectionReader holding the driven lines, RoadPages). ``each_page(sections)`` is given
    each page's kept sections (the output layer is written page by page)."""
    reader = SectionReader(profile)

    def consume(page):
        sections = reader.page(page)
        if each_page is not None:
            each_page(sections)

    try:
        pages = RoadFetch(data.fetcher, crs, feedback, keep_tile).pages(box, consume)
    except CancelledError:
        raise
    except AnctError as error:
        raise type(error)(tr("The road network could not be fetched from the IGN Géoplateforme: {error} — give a "
                             "NETWORK layer, or set a mirror or the proxy in the ANCT options.").format(
            error=error)) from None
    if reader.read == 0:
        raise QgsProcessingException(tr("The Géoplateforme answered no road section in {box} ({crs}): check the "
                                        "territory, or the mirror if one is set.").format(box=box.text(), crs=crs))
    if profile.unknown:
        feedback.pushWarning(tr("Values the road profile does not know, left out of the network: {values}").format(
            values=", ".join(f"{value} ({n})" for value, n in profile.unknown.most_common())))
    return reader, pages
