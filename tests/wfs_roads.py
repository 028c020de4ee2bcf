"""A loopback stand-in for the Géoplateforme WFS answering BD TOPO road sections as the real
one does: GetFeature in GeoJSON, filtered by BBOX (``x1,y1,x2,y2,EPSG:2154``), paged with COUNT
and STARTINDEX (at most 5,000), with ``numberMatched``, ``numberReturned`` and ``totalFeatures``.

Register it on a MirrorServer: ``server.add_route(ROUTE_PREFIX, RoadWfs(features))``; requests for
other type names fall through to the mirror's files. Pure standard library and numpy.

The ways real servers go wrong, on demand: ``page_cap`` (pages capped below COUNT, as a GeoServer
with a lower maxFeatures does), ``ignore_startindex`` (every page is the first), ``empty_from``
(pages from that STARTINDEX come back empty, numberMatched unchanged), ``count_unknown``
(numberMatched "unknown", no totalFeatures), ``broken`` ("coordinate": a coordinate "abc";
"null": a null feature; "no_geometry": a section without geometry; "lonlat": a section in
degrees) and ``exception`` (an HTTP 400 OGC ExceptionReport with that text).
"""

import json
from urllib.parse import unquote

import numpy as np

ROUTE_PREFIX = "data.geopf.fr/wfs/ows@"
TYPENAME = "BDTOPO_V3:troncon_de_route"
SERVER_MAX = 5000


def query_of(relative):
    """The request's parameters from a mirror path (``…/ows@BBOX=…&COUNT=…``)."""
    _path, _at, query = relative.partition("@")
    pairs = (pair.split("=", 1) for pair in query.split("&") if "=" in pair)
    return {unquote(key): unquote(value) for key, value in pairs}


def section(
    cleabs,
    coordinates,
    nature="Route à 1 chaussée",
    importance="4",
    sens="Double sens",
    speed=50,
    access="Libre",
    **more,
):
    """A BD TOPO section as the WFS writes it (a few of the published fields, 3D coordinates)."""
    properties = {
        "cleabs": cleabs,
        "nature": nature,
        "importance": importance,
        "sens_de_circulation": sens,
        "vitesse_moyenne_vl": speed,
        "acces_vehicule_leger": access,
        "prive": False,
        "nom_1_gauche": more.pop("name", None),
        **more,
    }
    return {
        "type": "Feature",
        "id": f"troncon_de_route.{cleabs}",
        "geometry": {"type": "LineString", "coordinates": [[x, y, 100.0] for x, y in coordinates]},
        "geometry_name": "geometrie",
        "properties": properties,
    }


def indre_grid(spacing=4000.0):
    """Roads every ``spacing`` metres over the fixtures' communes of Indre (36), in sections of one
    spacing: any 5 km box there meets some (what the fixture mirror's WFS answers by default)."""
    features, xs, ys = [], range(540000, 644001, int(spacing)), range(6580000, 6672001, int(spacing))
    kinds = (("Route à 1 chaussée", "4", 58), ("Route à 2 chaussées", "2", 80), ("Chemin", "5", 1))
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            nature, importance, speed = kinds[(i + j) % 3]
            if x + spacing <= xs[-1]:
                features.append(
                    section(f"TRONROUTE{i:03d}{j:03d}", [(x, y), (x + spacing, y)], nature, importance, speed=speed)
                )
            if y + spacing <= ys[-1]:
                features.append(
                    section(f"TRONROUTN{i:03d}{j:03d}", [(x, y), (x, y + spacing)], nature, importance, speed=speed)
                )
    return features


def exception_report(text, code="InvalidParameterValue"):
    return (
        '<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" '
        f'version="2.0.0"><ows:Exception exceptionCode="{code}"><ows:ExceptionText>{text}</ows:ExceptionText>'
        "</ows:Exception></ows:ExceptionReport>"
    )


class RoadWfs:
    def __init__(
        self,
        features,
        crs="EPSG:2154",
        page_cap=SERVER_MAX,
        ignore_startindex=False,
        empty_from=None,
        count_unknown=False,
        broken=None,
        exception=None,
    ):
        self.features = list(features)
        self.crs = crs
        boxes = [_bounds(feature["geometry"]["coordinates"]) for feature in self.features]
        self.boxes = np.array(boxes, dtype=float).reshape(-1, 4)
        self.requests = []
        self.page_cap, self.ignore_startindex, self.empty_from = page_cap, ignore_startindex, empty_from
        self.count_unknown, self.broken, self.exception = count_unknown, broken, exception

    def __call__(self, relative):
        query = query_of(relative)
        if query.get("TYPENAMES") != TYPENAME:
            return None
        self.requests.append(query)
        if len(self.requests) > 1000:  # a client that pages forever: stop it here, loudly
            return 500, "too many requests\n", "text/plain"
        if self.exception:
            return 400, exception_report(self.exception).encode("utf-8"), "text/xml"
        if query.get("SRSNAME") != self.crs:
            return 400, f"this test WFS serves {self.crs} only\n", "text/plain"
        *corners, box_crs = query["BBOX"].split(",")
        if box_crs != self.crs:
            return 400, "BBOX CRS\n", "text/plain"
        xmin, ymin, xmax, ymax = (float(value) for value in corners)
        inside = np.flatnonzero(
            (self.boxes[:, 0] <= xmax)
            & (self.boxes[:, 2] >= xmin)
            & (self.boxes[:, 1] <= ymax)
            & (self.boxes[:, 3] >= ymin)
        )
        start = 0 if self.ignore_startindex else int(query.get("STARTINDEX", 0))
        count = min(int(query.get("COUNT", SERVER_MAX)), SERVER_MAX, self.page_cap)
        page = [self.features[i] for i in inside[start : start + count].tolist()]
        if self.empty_from is not None and start >= self.empty_from:
            page = []
        page = self._broken(page) if page and count > 1 else page
        body = {
            "type": "FeatureCollection",
            "features": page,
            "totalFeatures": len(inside),
            "numberMatched": len(inside),
            "numberReturned": len(page),
            "timeStamp": "2026-12-01T08:00:00.000Z",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::" + self.crs.split(":")[1]}},
        }
        if self.count_unknown:
            body["numberMatched"] = "unknown"
            del body["totalFeatures"]
        return 200, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json;charset=UTF-8"

    def _broken(self, page):
        """The page with the fault asked for (on its first section; counting requests are left whole)."""
        if self.broken is None:
            return page
        first = json.loads(json.dumps(page[0]))
        if self.broken == "coordinate":
            first["geometry"]["coordinates"][0][0] = "abc"
        elif self.broken == "null":
            first = None
        elif self.broken == "no_geometry":
            first["geometry"] = None
        elif self.broken == "lonlat":
            first["geometry"]["coordinates"] = [[1.69, 46.81], [1.70, 46.81]]
        return [first] + page[1:]


def _bounds(coordinates):
    xs = [point[0] for point in coordinates]
    ys = [point[1] for point in coordinates]
    return min(xs), min(ys), max(xs), max(ys)
