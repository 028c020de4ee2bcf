"""Commune outlines from IGN ADMIN EXPRESS (Géoplateforme WFS) when geo.api.gouv.fr cannot give
them (an error, or an answer whose features have no geometry).

The layer is ``ADMINEXPRESS-COG-CARTO.LATEST:commune`` of ``https://data.geopf.fr/wfs/ows``, asked
one département at a time (``CQL_FILTER=code_insee_du_departement='36'``: the Géoplateforme is a
GeoServer, docs/data-sources.md) and paged with COUNT/STARTINDEX by the BD TOPO road paging
(road_network.RoadFetch), cached like every file. ADMIN EXPRESS 4 names its fields ``code_insee,
nom_officiel, code_insee_du_departement, code_insee_de_la_region, code_siren,
codes_siren_des_epci, population`` (docs/data-sources.md; the same names are listed for this very
layer by public WFS clients found with the search tools, e.g. a JavaScript preset "communes" with
``couche: 'ADMINEXPRESS-COG-CARTO.LATEST:commune'`` and ``attributs: ['cleabs', 'nom_officiel',
'code_insee', 'population', 'date_du_recensement', 'superficie_cadastrale',
'code_insee_du_departement', 'code_insee_de_la_region', 'code_siren', 'statut',
'codes_siren_des_epci']``): the communes Source's columns accept them beside geo.api's.
The population is the national commune table's all the same (native_layers.py, one vintage per run).
Each département's pages are listed in a cache index (page_index.py): the panel's cache column and
Purge see the outlines the fallback cached where geo.api's file is absent (status.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..travel.page_index import indexed_pages, write_page_index
from .road_network import PAGE_SIZE, WFS, Box, RoadFetch

if TYPE_CHECKING:
    from collections.abc import Iterable

    from qgis.core import QgsFeedback

    from ..travel.cache import Cache
    from ..travel.fetcher import Fetched, Fetcher

TYPENAME = "ADMINEXPRESS-COG-CARTO.LATEST:commune"
PUBLISHER = "IGN — Géoplateforme (ADMIN EXPRESS COG CARTO)"
ATTRIBUTION = "IGN ADMIN EXPRESS, INSEE"
INDEX_URL = "anct-cache://commune-outlines-wfs/{dep}"  # not a download: the pages of one département


def commune_page_url(departement: str, start: int, count: int = 0) -> str:
    return (
        f"{WFS}?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES={TYPENAME}"
        f"&OUTPUTFORMAT=application/json&SRSNAME=EPSG:4326"
        f"&CQL_FILTER=code_insee_du_departement='{departement}'&COUNT={count or PAGE_SIZE}&STARTINDEX={start}"
    )


class CommunePages(RoadFetch):
    """The pages of one département's communes (one 'tile': the filter, not a box, chooses them)."""

    typename = TYPENAME

    def __init__(self, fetcher: Fetcher, departement: str, feedback: QgsFeedback | None = None):
        super().__init__(fetcher, "EPSG:4326", feedback)
        self.departement = departement

    def page_url(self, box: Box, start: int, count: int = 0) -> str:
        return commune_page_url(self.departement, start, count)


def commune_outline_pages(
    fetcher: Fetcher, departements: Iterable[str], feedback: QgsFeedback | None = None
) -> list[Fetched]:
    """Every page of the communes of ``departements`` (GeoJSON files, EPSG:4326); each
    département's pages are indexed in the cache (departement_pages)."""
    pages = []
    for departement in departements:
        fetched = CommunePages(fetcher, departement, feedback).pages(Box(0, 0, 0, 0))
        write_page_index(fetcher.cache, INDEX_URL.format(dep=departement), fetched.cached_urls, feedback)
        pages.extend(fetched.fetched)
    return pages


def departement_pages(cache: Cache, departement: str) -> list[str]:
    """The cached WFS pages of a département's communes, with their index; [] when none."""
    return indexed_pages(cache, INDEX_URL.format(dep=departement))
