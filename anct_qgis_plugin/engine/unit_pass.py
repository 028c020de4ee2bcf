"""The pass over the population units: a chunk at a time, place, match, write, keep what the
summary needs.

Per-unit Python is what this pass costs (the nearest-facility search is a few per cent), so each
chunk is handled column by column: one list comprehension per attribute read, one numpy
operation per computed column, one ``setAttributes`` and no other call per written unit. The
read feature becomes the output one, so its geometry is never copied.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable, Optional

import numpy as np
from qgis.core import QgsCoordinateTransform

from ..compat import FAST_INSERT
from ..core.errors import AnctError
from ..diagnostics.gap import GapResult
from .i18n import tr
from .origins import origin_points

if TYPE_CHECKING:
    from qgis.core import QgsFeature, QgsFeatureSink


class UnitPass:
    """Feeds chunks of population features through ``matcher`` into ``sink``.

    ``columns`` maps "population", "id", "departement", "epci", "code" and "communes" to a field
    index of the features (-1: absent); ``facilities`` lists (id, name) by facility index;
    ``commune_levels`` gives each commune code its (département, EPCI), for units that only list
    the communes they touch.
    """

    def __init__(
        self,
        sink: QgsFeatureSink,
        columns: dict,
        placement: str,
        transform: QgsCoordinateTransform,
        origin_lookup: Optional[dict],
        matcher: Callable[[np.ndarray], GapResult],
        facilities: list,
        mode: str,
        commune_levels: Optional[dict] = None,
    ):
        self.sink = sink
        self.columns = columns
        self.placement = placement
        self.transform = transform
        self.origin_lookup = origin_lookup
        self.matcher = matcher
        # Index -1 (no facility reached) picks the trailing None: NULL in the output.
        self.facility_ids = np.array([fid for fid, _name in facilities] + [None], dtype=object)
        self.facility_names = np.array([name for _fid, name in facilities] + [None], dtype=object)
        self.mode = mode
        self.commune_levels = commune_levels or {}
        self.kept: dict[str, list[np.ndarray]] = {"pop": [], "beyond": [], "measure": [], "dep": [], "epci": []}
        self.problems = {"null": 0, "negative": 0, "unmatched": 0, "empty": 0, "off_network": 0}

    def add(self, chunk: list) -> int:
        """Measure and write one chunk; returns the number of units written."""
        xy = origin_points([feature.geometry() for feature in chunk], self.placement, self.transform)
        valid = np.isfinite(xy[:, 0])
        if self.origin_lookup is not None:
            self._place_at_matched_points(chunk, xy, valid, self.origin_lookup)
        if not valid.all():
            self.problems["empty"] += int((~valid).sum())
            chunk = [feature for feature, ok in zip(chunk, valid.tolist()) if ok]
            xy = xy[valid]
        if not chunk:
            return 0
        population = _populations(self._column(chunk, "population"), self.problems)
        ids = _texts(self._column(chunk, "id")) if self.columns["id"] >= 0 else [str(f.id()) for f in chunk]
        if self.columns["communes"] >= 0:
            deps, epcis = self._levels_of_first_commune(chunk)
        else:
            deps, epcis = self._texts_or_blank(chunk, "departement"), self._texts_or_blank(chunk, "epci")
        result = self.matcher(xy)
        beyond = result.beyond
        rows = zip(
            ids,
            population.tolist(),
            deps,
            epcis,
            self.facility_ids[result.facility].tolist(),
            self.facility_names[result.facility].tolist(),
            _nullable(result.distance_m),
            _nullable(result.time_min),
            _nullable(result.access_m),
            beyond.astype(int).tolist(),
            _nullable(result.access_min),
            result.off_network.astype(int).tolist(),
        )
        for feature, row in zip(chunk, rows):
            # Only the attributes change: both sinks QGIS makes (memory provider, file writer)
            # read them by position, so the output fields need not be set on each feature.
            feature.setAttributes(list(row))
        written = self.sink.addFeatures(chunk, FAST_INSERT)
        # A Processing sink answers a bool, a data provider (ok, features).
        if not (written[0] if isinstance(written, tuple) else written):  # a full disk…: stop, say why
            raise AnctError(
                tr("The output could not be written: {error}").format(
                    error=self.sink.lastError() or tr("no reason given")
                )
            )
        self.problems["off_network"] += int(result.off_network.sum())
        measure = result.time_min if self.mode == "road" else result.distance_m
        self.kept["pop"].append(population)
        self.kept["beyond"].append(beyond)
        self.kept["measure"].append(np.where(np.isnan(measure), np.inf, measure))
        self.kept["dep"].append(np.array(deps, dtype=object))
        self.kept["epci"].append(np.array(epcis, dtype=object))
        return len(chunk)

    def _column(self, chunk: list[QgsFeature], name: str) -> list:
        at = self.columns[name]
        return [feature[at] for feature in chunk]

    def _texts_or_blank(self, chunk: list[QgsFeature], name: str) -> list[str]:
        return _texts(self._column(chunk, name)) if self.columns[name] >= 0 else [""] * len(chunk)

    def _levels_of_first_commune(self, chunk: list[QgsFeature]) -> tuple[list[str], list[str]]:
        """INSEE's grid lists the communes a cell touches, end to end ("3604436045"): the cell
        counts in the département and EPCI of the first. Communes missing from the commune
        table still give their département (the first two characters, three overseas)."""
        firsts = [codes[:5] for codes in _texts(self._column(chunk, "communes"))]
        levels = self.commune_levels
        unknown = ("", "")
        pairs = [levels.get(code, unknown) for code in firsts]
        deps = [dep or (code[:3] if code.startswith("97") else code[:2]) for (dep, _e), code in zip(pairs, firsts)]
        return deps, [epci for _d, epci in pairs]

    def _place_at_matched_points(
        self, chunk: list[QgsFeature], xy: np.ndarray, valid: np.ndarray, origin_lookup: dict
    ) -> None:
        """Units whose code has an origin point are placed there; the others keep their point
        on surface (and are counted)."""
        for at, code in enumerate(_texts(self._column(chunk, "code"))):
            if not valid[at]:
                continue
            point = origin_lookup.get(code)
            if point is None:
                self.problems["unmatched"] += 1
            else:
                xy[at] = point


def as_number(value: Any) -> Optional[float]:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _populations(values: list, problems: dict[str, int]) -> np.ndarray:
    """Inhabitants as floats; NULL, text and negative values count as 0 (and are counted)."""
    try:
        population = np.array(values, dtype=float)  # the usual case: every value is a number
    except (TypeError, ValueError):
        population = np.array([as_number(value) for value in values], dtype=float)
    missing = np.isnan(population)
    negative = population < 0
    problems["null"] += int(missing.sum())
    problems["negative"] += int(negative.sum())
    population[missing | negative] = 0.0
    return population


def _nullable(values: np.ndarray) -> list[Optional[float]]:
    """Floats with None for NaN and infinity (NULL in the output)."""
    finite = np.isfinite(values)
    if finite.all():
        return values.tolist()
    if not finite.any():
        return [None] * len(values)
    return [value if math.isfinite(value) else None for value in values.tolist()]


def _texts(values: list) -> list[str]:
    return [value if isinstance(value, str) else text(value) for value in values]


def text(value: Any) -> str:
    """Text of an attribute; NULL (None or a null QVariant) is empty."""
    if isinstance(value, str):
        return value
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value)
