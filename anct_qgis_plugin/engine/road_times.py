"""Road mode of the service gap: the network given (read with a preset) or fetched from IGN
BD TOPO for the territory, turned into travel times to the nearest facility."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsRectangle,
)

from ..core.errors import AnctError, CancelledError
from ..core.published.territories import Territory
from ..core.roads.road_source import extent_area, fetch_sections, territory_area
from ..core.service import AnctData
from ..diagnostics.network import BACKWARD, BOTH, FORWARD, AccessLeg, TravelTimes, graph_from_vertices
from ..diagnostics.road_profiles import BdTopoProfile, CustomProfile, OsmProfile
from .i18n import tr
from .layer_reading import crs_of, extent_in, features_unchecked, report_progress
from .network_reader import read_network

if TYPE_CHECKING:
    from qgis.core import QgsFeatureSource, QgsFields

    from ..diagnostics.road_profiles import RoadProfile

NETWORK_PROGRESS = 40.0  # road mode: getting the network fills the first 40 % of the bar


@dataclass(frozen=True)
class NetworkOptions:
    """The road network asked for: a line layer (read with ``format``: auto, bdtopo, osm or
    custom) or, when ``layer`` is None, BD TOPO fetched ``buffer_m`` around the area."""

    layer: Optional[QgsFeatureSource] = None
    format: str = "auto"
    buffer_m: float = 20_000.0
    speed_field: str = ""
    direction_field: str = ""
    default_speed: float = 50.0
    value_forward: str = "1"
    value_backward: str = "2"
    value_both: str = "0"
    access_speed_kmh: float = 20.0  # the straight leg between a place and the network…
    max_access_m: float = 5_000.0  # …and beyond this, the place is not reached (0: no limit)

    @property
    def access(self) -> AccessLeg:
        return AccessLeg(self.access_speed_kmh, self.max_access_m)


@dataclass
class RoadArea:
    """What tells where to fetch a network: the territory, else the population's extent."""

    data: AnctData
    territory: Optional[Territory]
    population: QgsFeatureSource


def road_travel_times(
    options: NetworkOptions,
    context: QgsProcessingContext,
    area: RoadArea,
    crs: QgsCoordinateReferenceSystem,
    facilities: np.ndarray,
    feedback: QgsProcessingFeedback,
    facility_names: Sequence[str] = (),
) -> "tuple[TravelTimes, str]":
    """(TravelTimes, where the network came from). ``facility_names`` name the facilities the
    access limit leaves out in the log."""
    try:
        import scipy.sparse.csgraph  # noqa: F401
    except ImportError:
        raise AnctError(
            tr(
                "Road mode needs SciPy, which QGIS ships on Windows (OSGeo4W), macOS "
                "and Linux distributions; install python3-scipy."
            )
        ) from None
    scaled = _Scaled(feedback, NETWORK_PROGRESS)
    if options.layer is None:
        vertices, counts, speeds, directions, source = _fetched(options, context, area, crs, scaled)
    else:
        vertices, counts, speeds, directions, source = _given(options, options.layer, context, crs, scaled)
    if counts.sum() == 0:
        raise AnctError(tr("The road network is empty."))
    try:
        graph = graph_from_vertices(vertices, counts, speeds, directions)
    except ValueError:
        raise AnctError(
            tr(
                "No line of the road network can be driven (speeds are all zero, or the "
                "format does not fit: check NETWORK_FORMAT)."
            )
        ) from None
    feedback.pushInfo(
        tr("Road graph: {nodes} nodes, {edges} edges").format(nodes=len(graph.node_xy), edges=graph.edge_count)
    )
    _check_overlap(graph.node_xy, extent_in(area.population, crs, context), options.max_access_m)
    feedback.pushInfo(
        tr(
            "Access legs (a unit or a facility to the nearest drivable road, in straight line) timed at {speed:g} "
            "km/h; farther than {km:g} km from the network: not reached"
        ).format(speed=options.access_speed_kmh, km=options.max_access_m / 1000)
    )
    times = TravelTimes(graph, facilities, access=options.access)
    _report_facilities_off(times, facility_names, options, feedback)
    return times, source


def _check_overlap(node_xy: np.ndarray, population: QgsRectangle, max_access_m: float) -> None:
    """A network farther from every unit than the access limit measures nothing: refused."""
    low, high = node_xy.min(axis=0), node_xy.max(axis=0)
    dx = max(0.0, population.xMinimum() - high[0], low[0] - population.xMaximum())
    dy = max(0.0, population.yMinimum() - high[1], low[1] - population.yMaximum())
    if max_access_m > 0 and np.hypot(dx, dy) > max_access_m:
        raise AnctError(
            tr(
                "The road network is {km:,.0f} km from the nearest population unit (network {network}; units "
                "{units}): it is not the network of this population. Give the NETWORK of the units' area, or none "
                "(BD TOPO is then fetched around them)."
            ).format(
                km=np.hypot(dx, dy) / 1000,
                network=f"{low[0]:.0f},{low[1]:.0f} – {high[0]:.0f},{high[1]:.0f}",
                units=population.toString(0),
            )
        )


def _report_facilities_off(
    times: TravelTimes, names: Sequence[str], options: NetworkOptions, feedback: QgsProcessingFeedback
) -> None:
    off = np.flatnonzero(times.facility_off)
    if len(off) == len(times.facility_off):
        raise AnctError(
            tr(
                "Every facility is more than {km:g} km from the road network (MAX_ACCESS_KM): the network does "
                "not cover them. Give the NETWORK of their area, or facilities of the network's area."
            ).format(km=options.max_access_m / 1000)
        )
    if len(off):
        shown = [names[i] for i in off[:10].tolist()] if len(names) == len(times.facility_off) else []
        feedback.pushWarning(
            tr(
                "{n} facilities are more than {km:g} km from any drivable road of the network (MAX_ACCESS_KM): "
                "left out, nobody reaches them by road{names}."
            ).format(
                n=len(off),
                km=options.max_access_m / 1000,
                names=(": " + ", ".join(shown) + (" …" if len(off) > len(shown) else "")) if shown else "",
            )
        )


def _fetched(
    options: NetworkOptions,
    context: QgsProcessingContext,
    area: RoadArea,
    crs: QgsCoordinateReferenceSystem,
    feedback: _Scaled,
) -> tuple:
    buffer_m = options.buffer_m
    if area.territory is not None:
        network_area = territory_area(area.data.builder(feedback), area.territory, crs.authid(), buffer_m)
    else:
        network_area = extent_area(extent_in(area.population, crs, context), buffer_m)
    feedback.pushInfo(
        tr("No NETWORK given: fetching the IGN BD TOPO road network, {km:g} km around").format(km=buffer_m / 1000)
    )
    reader, pages = fetch_sections(area.data.fetcher, network_area, crs.authid(), BdTopoProfile(), feedback)
    source = pages.describe()
    feedback.pushInfo(tr("Road network: {source} — {n} sections").format(source=source, n=reader.read))
    return (*reader.arrays(), source)


def _given(
    options: NetworkOptions,
    network: QgsFeatureSource,
    context: QgsProcessingContext,
    crs: QgsCoordinateReferenceSystem,
    feedback: _Scaled,
) -> tuple:
    fields = network.fields()
    profile, field_names, label = _profile(options, fields)
    feedback.pushInfo(tr("Network format: {format}").format(format=label))
    indexes = tuple(fields.indexOf(name) if name else -1 for name in field_names)
    transform = QgsCoordinateTransform(crs_of(network, tr("road network")), crs, context.transformContext())
    request = QgsFeatureRequest().setSubsetOfAttributes(sorted({at for at in indexes if at >= 0}))
    total = network.featureCount()
    lines = read_network(
        features_unchecked(network, request),
        transform,
        indexes,
        profile,
        feedback,
        CancelledError(tr("Cancelled.")),
        lambda read: report_progress(feedback, read, total),
    )
    if profile.unknown:
        feedback.pushWarning(
            tr("Values the road profile does not know, left out of the network: {values}").format(
                values=", ".join(f"{value} ({n})" for value, n in profile.unknown.most_common())
            )
        )
    if profile.unread:
        feedback.pushWarning(
            tr(
                "{n} lines have a speed in {field} that is not a positive number of km/h: DEFAULT_SPEED "
                "({speed:g} km/h) used for them. Values: {values}"
            ).format(
                n=sum(profile.unread.values()),
                field=field_names[0],
                speed=options.default_speed,
                values=", ".join(f"{value} ({n})" for value, n in profile.unread.most_common(10)),
            )
        )
    return (
        *lines.arrays(),
        tr("the layer {name} ({format})").format(name=network.sourceName(), format=label),
    )


def _profile(options: NetworkOptions, fields: QgsFields) -> tuple[RoadProfile, tuple[str, ...], str]:
    """(profile, the network field read for each of the profile's fields, format label)."""
    names = set(fields.names())
    chosen = options.format or "auto"
    speed_field, direction_field = options.speed_field, options.direction_field
    for parameter, name in (("SPEED_FIELD", speed_field), ("DIRECTION_FIELD", direction_field)):
        if name and name not in names:
            raise AnctError(
                tr("{parameter}={field}: the road network has no such field. Fields: {fields}").format(
                    parameter=parameter, field=name, fields=", ".join(fields.names())
                )
            )
    values = {options.value_forward: FORWARD, options.value_backward: BACKWARD, options.value_both: BOTH}
    if chosen == "auto":
        if not speed_field and not direction_field and {"speed_kmh", "direction"} <= names:
            speed_field, direction_field, values = "speed_kmh", "direction", {"1": FORWARD, "2": BACKWARD, "0": BOTH}
            chosen = "custom"
        elif speed_field or direction_field:
            chosen = "custom"
        elif {"nature", "vitesse_moyenne_vl"} <= names:
            chosen = "bdtopo"
        elif "highway" in names:
            chosen = "osm"
        else:
            chosen = "custom"
    if chosen == "custom":
        custom = CustomProfile(options.default_speed, values, reads_speed=bool(speed_field))
        return custom, (speed_field, direction_field), "custom"
    profile = BdTopoProfile() if chosen == "bdtopo" else OsmProfile()
    required = "nature" if chosen == "bdtopo" else "highway"
    if required not in names:
        raise AnctError(
            tr("NETWORK_FORMAT={format} needs the field {field} in the network. Fields: {fields}").format(
                format=chosen, field=required, fields=", ".join(fields.names())
            )
        )
    return profile, tuple(name if name in names else "" for name in profile.fields), chosen


class _Scaled(QgsProcessingFeedback):
    """The feedback seen by the network's reading, a real one for core/'s fetches: its 0–100 %
    fill the first ``share`` % of ``feedback``'s bar; its messages and cancellation are
    ``feedback``'s (a cancel reaches QGIS's own code through the signal too)."""

    def __init__(self, feedback: QgsProcessingFeedback, share: float) -> None:
        super().__init__(False)  # not logged twice: the messages go to ``feedback``
        self._feedback, self._share = feedback, share
        feedback.canceled.connect(self.cancel)
        if feedback.isCanceled():
            self.cancel()

    def setProgress(self, percent: float) -> None:  # noqa: N802 - the feedback's own name
        self._feedback.setProgress(percent * self._share / 100.0)

    def isCanceled(self) -> bool:  # noqa: N802
        return self._feedback.isCanceled()

    def setProgressText(self, text: str) -> None:  # noqa: N802
        self._feedback.setProgressText(text)

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self._feedback.pushInfo(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self._feedback.pushWarning(warning)

    def pushDebugInfo(self, info: str) -> None:  # noqa: N802
        self._feedback.pushDebugInfo(info)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        self._feedback.reportError(error, fatalError)

    def __getattr__(self, name: str) -> Any:  # what a panel's feedback adds (show_transfer)
        return getattr(self._feedback, name)
