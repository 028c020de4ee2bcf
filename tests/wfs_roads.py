"""A loopback stand-in for the Géoplateforme WFS answering BD TOPO road sections as the real
one does: GetFeature in GeoJSON, filtered by BBOX (``x1,y1,x2,y2,EPSG:2154``), paged with COUNT
and STARTINDEX (at most 5,000), with ``numberMatched``, ``numberReturned`` and ``totalFeatures``.

Register it on a MirrorServer: ``server.add_route(ROUTE_PREFIX, RoadWfs(features))``; requests for
other type names fall through to the mirror's files. Pure standard library and numpy.
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


class RoadWfs:
    def __init__(self, features, crs="EPSG:2154"):
        self.features = list(features)
        self.crs = crs
        boxes = [_bounds(feature["geometry"]["coordinates"]) for feature in self.features]
        self.boxes = np.array(boxes, dtype=float).reshape(-1, 4)
        self.requests = []

    def __call__(self, relative):
        query = query_of(relative)
        if query.get("TYPENAMES") != TYPENAME:
            return None
        self.requests.append(query)
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
        start = int(query.get("STARTINDEX", 0))
        count = min(int(query.get("COUNT", SERVER_MAX)), SERVER_MAX)
        page = [self.features[i] for i in inside[start : start + count].tolist()]
        body = {
            "type": "FeatureCollection",
            "features": page,
            "totalFeatures": len(inside),
            "numberMatched": len(inside),
            "numberReturned": len(page),
            "timeStamp": "2026-12-01T08:00:00.000Z",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::" + self.crs.split(":")[1]}},
        }
        return 200, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json;charset=UTF-8"


def _bounds(coordinates):
    xs = [point[0] for point in coordinates]
    ys = [point[1] for point in coordinates]
    return min(xs), min(ys), max(xs), max(ys)
