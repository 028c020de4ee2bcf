"""How a road network's attributes become a speed and a driving direction per line.

Three presets: ``bdtopo`` (IGN BD TOPO v3 ``troncon_de_route``), ``osm`` (OpenStreetMap
``highway``/``maxspeed``/``oneway``, as columns or in ogr2ogr's ``other_tags``) and ``custom``
(a speed field and a direction field with the user's values). A speed of 0 means the line is not
driven: the graph leaves it out and nothing joins the network there.

Each profile reads rows of attribute values in the order of its ``fields`` and remembers the
answer for each distinct row (a département has a few hundred distinct combinations).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np

from .network import BACKWARD, BOTH, FORWARD
from .vocabulary import BDTOPO_CAR_NATURES, BDTOPO_NATURES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

# --- BD TOPO ------------------------------------------------------------------------------
# Sections a light vehicle may not use, whatever their nature.
BDTOPO_CLOSED_ACCESS = ("Physiquement impossible", "Restreint aux ayants droit")
# Speed where vitesse_moyenne_vl is 0 or missing: IGN's own rules for that field outside towns,
# by nature and importance (BD Uni documentation, quoted in IGN's Road2 graph notes).
BDTOPO_DEFAULT_SPEEDS = {
    "Type autoroutier": {"1": 110, "2": 105, "3": 100, "4": 90, "5": 90, "": 100},
    "Route à 2 chaussées": {"1": 80, "2": 75, "3": 67, "4": 67, "5": 65, "": 65},
    "Route à 1 chaussée": {"1": 67, "2": 67, "3": 63, "4": 58, "5": 35, "": 35},
    "Bretelle": {"1": 45, "2": 45, "3": 45, "4": 45, "5": 30, "": 30},
    "Rond-point": {"": 25},
    "Route empierrée": {"": 10},
    "Bac ou liaison maritime": {"": 5},
    "Chemin": {"": 1},
}
BDTOPO_DIRECTIONS = {"Double sens": BOTH, "Sens direct": FORWARD, "Sens inverse": BACKWARD, "Sans objet": BOTH}

# --- OpenStreetMap ------------------------------------------------------------------------
# Average speeds by class where maxspeed is not tagged (km/h; French rural and urban practice).
OSM_DEFAULT_SPEEDS = {
    "motorway": 110,
    "trunk": 90,
    "primary": 70,
    "secondary": 60,
    "tertiary": 50,
    "unclassified": 40,
    "residential": 30,
    "living_street": 10,
    "service": 20,
    "road": 40,
    "motorway_link": 60,
    "trunk_link": 50,
    "primary_link": 45,
    "secondary_link": 40,
    "tertiary_link": 35,
}
OSM_ZONE_SPEEDS = {"urban": 50, "rural": 80, "motorway": 130, "trunk": 110, "living_street": 20, "walk": 6}
_HSTORE_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')


def _text(value: Any) -> str:
    return "" if value is None or value.__class__.__name__ == "QVariant" else str(value).strip()


def _number(value: Any) -> float | None:
    try:
        number = float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None


class RoadProfile:
    """Speeds (km/h, 0 = not driven) and directions of rows of attribute values."""

    fields: tuple[str, ...] = ()

    def __init__(self) -> None:
        self._seen: dict[tuple, tuple[float, int, bool, str]] = {}
        self.unknown: Counter[str] = Counter()  # values the profile does not know, for the log
        self.unread: Counter[str] = Counter()  # values it could not read and replaced (a default speed), by line

    def speeds_directions(self, rows: Iterable[tuple]) -> tuple[np.ndarray, np.ndarray]:
        speeds, directions, _kept = self.classify(rows)
        return speeds, directions

    def classify(self, rows: Iterable[tuple]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(speeds, directions, kept) of rows of values in the order of ``fields``."""
        seen, answer = self._seen, []
        for row in rows:
            try:
                found = seen[row]
            except KeyError:
                found = seen[row] = self._classify(row)
            except TypeError:  # an unhashable value (QGIS's NULL): read, not remembered
                found = self._classify(row)
            if found[3]:
                self.unread[found[3]] += 1
            answer.append(found)
        if not answer:
            return np.empty(0), np.empty(0, np.int64), np.empty(0, bool)
        speeds, directions, kept, _notes = zip(*answer)
        return np.array(speeds, dtype=float), np.array(directions, dtype=np.int64), np.array(kept, dtype=bool)

    def _classify(self, row: tuple) -> tuple[float, int, bool, str]:
        texts = tuple(map(_text, row))
        return (*self.one(*texts), self.keeps_row(texts), self.unread_value(*texts))

    # Each profile names its own arguments, one per field: (*args: Any) lets them differ.
    def unread_value(self, *values: Any) -> str:
        """The value of a row that was not read and replaced by a default ("" when none)."""
        return ""

    def keeps_row(self, row: Sequence[str]) -> bool:
        """Whether a line belongs in the network layer (driven or not)."""
        return True

    def one(self, *values: Any) -> tuple[float, int]:
        raise NotImplementedError


class BdTopoProfile(RoadProfile):
    fields = ("nature", "importance", "sens_de_circulation", "vitesse_moyenne_vl", "acces_vehicule_leger")

    def __init__(self, natures: Iterable[str] = BDTOPO_CAR_NATURES):
        super().__init__()
        self.natures = set(natures)

    def keeps(self, nature: str, access: str) -> bool:
        """Whether a section of this nature and light-vehicle access is part of the network."""
        return nature in self.natures and access not in BDTOPO_CLOSED_ACCESS

    def keeps_row(self, row: Sequence[Any]) -> bool:
        return self.keeps(_text(row[0]), _text(row[4]))

    def one(self, nature: str, importance: str, direction: str, speed: str, access: str) -> tuple[float, int]:
        if nature not in BDTOPO_NATURES:
            self.unknown[f"nature={nature or 'NULL'}"] += 1
            return 0.0, BOTH
        if not self.keeps(nature, access):
            return 0.0, BOTH
        if direction not in BDTOPO_DIRECTIONS and direction:
            self.unknown[f"sens_de_circulation={direction}"] += 1
        number = _number(speed)
        if number is None or number <= 0:
            defaults = BDTOPO_DEFAULT_SPEEDS.get(nature, {"": 0})
            number = defaults.get(importance.split(".")[0], defaults[""])
        return float(number), BDTOPO_DIRECTIONS.get(direction, BOTH)


class OsmProfile(RoadProfile):
    """``highway``, ``maxspeed``, ``oneway``, ``junction``, each from its own column or from
    ``other_tags`` (``"oneway"=>"yes","maxspeed"=>"50"``, as ogr2ogr writes OSM files)."""

    fields = ("highway", "maxspeed", "oneway", "junction", "other_tags")

    def one(self, highway: str, maxspeed: str, oneway: str, junction: str, other_tags: str) -> tuple[float, int]:
        tags = dict(_HSTORE_PAIR.findall(other_tags)) if other_tags else {}
        maxspeed = maxspeed or tags.get("maxspeed", "")
        oneway = (oneway or tags.get("oneway", "")).lower()
        junction = junction or tags.get("junction", "")
        if highway not in OSM_DEFAULT_SPEEDS:
            if highway:
                self.unknown[f"highway={highway}"] += 1
            return 0.0, BOTH
        speed = osm_speed(maxspeed) or OSM_DEFAULT_SPEEDS[highway]
        if oneway in ("yes", "true", "1"):
            direction = FORWARD
        elif oneway in ("-1", "reverse"):
            direction = BACKWARD
        elif oneway == "no":
            direction = BOTH
        else:  # implied one-way: motorways and roundabouts
            direction = FORWARD if highway == "motorway" or junction in ("roundabout", "circular") else BOTH
        return float(speed), direction


def osm_speed(maxspeed: str | None) -> float | None:
    """km/h of an OSM maxspeed: ``50``, ``30 mph``, ``FR:urban``, ``walk``; None when unreadable
    (``none``, ``signals``, several values)."""
    text = (maxspeed or "").strip().lower()
    if not text:
        return None
    zone = text.split(":", 1)[-1]
    if zone in OSM_ZONE_SPEEDS:
        return OSM_ZONE_SPEEDS[zone]
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(mph|km/h|kmh)?", text)
    if not match:
        return None
    speed = float(match.group(1)) * (1.609344 if match.group(2) == "mph" else 1.0)
    return speed if speed > 0 else None


class CustomProfile(RoadProfile):
    """The user's speed field (km/h: ``50``, ``50,5``, ``90 km/h``; missing, zero, negative or
    unreadable: ``default_speed``, and counted in ``unread`` when ``reads_speed``) and direction
    field, whose values are compared as text (``1``, ``1.0`` and 1 are the same)."""

    fields = ("speed", "direction")

    def __init__(self, default_speed: float, direction_values: Mapping[Any, int], reads_speed: bool = False):
        super().__init__()
        self.default_speed = float(default_speed)
        self.direction_values = {direction_key(value): code for value, code in direction_values.items()}
        self.reads_speed = reads_speed

    def one(self, speed: str, direction: str) -> tuple[float, int]:
        return custom_speed(speed) or self.default_speed, self.direction_values.get(direction_key(direction), BOTH)

    def unread_value(self, speed: str, direction: str) -> str:
        if not self.reads_speed or custom_speed(speed):
            return ""
        return speed or "NULL"


def custom_speed(text: str) -> float | None:
    """A positive, finite speed in km/h from a number or a number with its unit; None otherwise."""
    number = _number(text) if text else None
    if number is None and text:
        number = osm_speed(text)
    return number if number is not None and 0 < number < float("inf") else None


def direction_key(value: Any) -> str:
    number = _number(value) if value not in (None, "") else None
    return str(int(number)) if number is not None and number.is_integer() else str(value).strip()
