"""Road sections written as a line layer: every published field (types from the first page
that holds any), plus ``speed_kmh`` and ``direction``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry, QgsLineString

from ...compat import FAST_INSERT, FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, WKB_LINESTRING
from ..errors import AnctError
from ..i18n import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from qgis.core import QgsCoordinateTransform, QgsFeatureSink

    from ...compat import FieldType
    from .road_sections import PageSections

ADDED_FIELDS = (("speed_kmh", FIELD_DOUBLE), ("direction", FIELD_INT))


class SectionWriter:
    """Writes pages of sections (PageSections) into the sink ``open_sink(fields, wkb_type)`` gives
    for the first page that holds any."""

    def __init__(
        self, open_sink: Callable[..., QgsFeatureSink | None], transform: QgsCoordinateTransform | None = None
    ):
        self.open_sink, self.transform = open_sink, transform
        self.sink: QgsFeatureSink | None = None
        self.fields = QgsFields()
        self.names: list[str] = []
        self.count = 0

    def write(self, sections: PageSections) -> None:
        if not sections.features:
            return
        if self.sink is None:
            self.sink = self._open(sections.features)
        for feature, speed, direction in zip(sections.features, sections.speeds.tolist(), sections.directions.tolist()):
            properties = feature.get("properties") or {}
            attributes = [_value(properties.get(name)) for name in self.names] + [speed, direction]
            for line in _lines(feature.get("geometry") or {}):  # a multipart section: one feature per part
                out = QgsFeature(self.fields)
                geometry = QgsGeometry(line)
                if self.transform is not None:
                    geometry.transform(self.transform)
                out.setGeometry(geometry)
                out.setAttributes(attributes)
                if not self.sink.addFeature(out, FAST_INSERT):
                    raise AnctError(tr("Cannot write to the output: {error}").format(error=self.sink.lastError()))
            self.count += 1

    def _open(self, features: list[dict]) -> QgsFeatureSink:
        kinds: dict[str, FieldType | None] = {}
        for feature in features:
            for name, value in (feature.get("properties") or {}).items():
                if name not in kinds or kinds[name] is None:
                    kinds[name] = _kind(value)
        self.names = [name for name in kinds if name not in dict(ADDED_FIELDS)]
        for name in self.names:
            self.fields.append(QgsField(name, kinds[name] or FIELD_STRING))
        for name, kind in ADDED_FIELDS:
            self.fields.append(QgsField(name, kind))
        sink = self.open_sink(self.fields, WKB_LINESTRING)
        if sink is None:
            raise AnctError(tr("Cannot create the output layer."))
        return sink

    def close(self) -> None:
        self.sink = None  # closes a file sink before it is moved into place


def _kind(value: Any) -> FieldType | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return FIELD_STRING  # BD TOPO booleans are written "true"/"false" by some services: kept as text
    if isinstance(value, int):
        return FIELD_LONG
    if isinstance(value, float):
        return FIELD_DOUBLE
    return FIELD_STRING


def _value(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return str(value)
    return value


def _lines(geometry: dict) -> list[QgsLineString]:
    """2D lines from GeoJSON coordinates (z dropped: road times are measured in the plane)."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    parts = [coordinates] if kind == "LineString" else coordinates if kind == "MultiLineString" else []
    return [QgsLineString([p[0] for p in part], [p[1] for p in part]) for part in parts if len(part) > 1]
