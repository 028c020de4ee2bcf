"""The entry point of the data layer: what the algorithms and the panel call.

``AnctData`` holds a settings snapshot, the fetcher and the territory index (loaded once per
process and reused while its cached files are unchanged).
"""

from __future__ import annotations

import dataclasses
import threading
from typing import TYPE_CHECKING, Any

from qgis.core import QgsCoordinateReferenceSystem

from .building.layers import LayerBuilder
from .checks.status import cache_status, purge_layers
from .i18n import tr
from .memberships.card import commune_card
from .published.territories import (
    COMMUNES_TABLE_URL,
    DEPARTEMENTS_URL,
    REGIONS_URL,
    TerritoryIndex,
    extent_territory,
    load_reference_json,
)
from .report import warn
from .travel.fetcher import Fetcher
from .travel.settings import load_config, ui_language

if TYPE_CHECKING:
    from collections.abc import Iterable

    from qgis.core import QgsFeedback, QgsRectangle

    from .building.indicator_figures import IndicatorFigure
    from .building.indicator_layer import IndicatorLayer, IndicatorRequest
    from .building.layer_info import BuiltLayer
    from .checks.status import CacheStatus
    from .memberships.card import CommuneCard
    from .published.observatoire import IndicatorId
    from .published.territories import Territory
    from .travel.settings import Config

_INDEX_LOCK = threading.Lock()
_INDEX_MEMO: dict[str, tuple] = {}  # cache folder -> (state of the reference files, index)
REQUIRED_REFERENCES = (REGIONS_URL, DEPARTEMENTS_URL, COMMUNES_TABLE_URL)


class AnctData:
    def __init__(self, config: Config | None = None, language: str | None = None):
        self.config = config or load_config()
        self.fetcher = Fetcher(self.config)
        self.language = language or ui_language()

    def territory_index(self, feedback: QgsFeedback | None = None) -> TerritoryIndex:
        # The index costs a parse of the national commune table: reuse it while the cached
        # reference files are fresh and unchanged.
        with _INDEX_LOCK:
            signature, fresh = self._reference_state()
            memo = _INDEX_MEMO.get(self.config.cache_dir)
            if memo and fresh and memo[0] == signature:
                return memo[1]
            index = TerritoryIndex.load(load_reference_json(self.fetcher, feedback))
            _INDEX_MEMO[self.config.cache_dir] = (self._reference_state()[0], index)
            return index

    def _reference_state(self) -> tuple[tuple[str, ...], bool]:
        entries = [self.fetcher.cache.lookup(url) for url in REQUIRED_REFERENCES]
        present = [entry for entry in entries if entry]
        signature = tuple(entry.manifest.sha1 for entry in present)
        fresh = len(present) == len(entries) and (
            self.config.offline or all(entry.age_seconds < self.config.ttl_hours * 3600 for entry in present)
        )
        return signature, fresh

    def resolve_territory(self, text: str, feedback: QgsFeedback | None = None) -> Territory:
        return self.territory_index(feedback).resolve(text)

    def builder(self, feedback: QgsFeedback | None = None) -> LayerBuilder:
        return LayerBuilder(self.fetcher, self.territory_index(feedback), self.language, feedback)

    def build_layer(
        self, layer_id: str, territory: Territory, crs: str | None = None, feedback: QgsFeedback | None = None
    ) -> BuiltLayer:
        return self.builder(feedback).build(layer_id, territory, crs)

    def indicator_layer(self, request: IndicatorRequest, feedback: QgsFeedback | None = None) -> IndicatorLayer:
        """An Observatoire des territoires indicator on the outlines of its level (indicator_layer.py)."""
        from .building.indicator_layer import build_indicator_layer

        return build_indicator_layer(self.builder(feedback), request)

    def indicator_figures(
        self, territory: Territory, indicators: list[IndicatorId], feedback: QgsFeedback | None = None
    ) -> list[IndicatorFigure]:
        """Observatoire indicators for a territory, its région and France (indicator_figures.py)."""
        from .building.indicator_figures import indicator_figures

        return indicator_figures(self.builder(feedback), territory, indicators)

    def for_run(self) -> AnctData:
        """The same settings with a fetcher of its own: a run downloads each URL once and does
        not ask again for one that failed; the next run (a retry) starts afresh."""
        return AnctData(self.config, self.language)

    def mirror_label(self) -> str:
        """The mirror the files come from, without credentials; "" when they come from their publishers."""
        return self.fetcher.mirror.root if self.fetcher.mirror is not None else ""

    def with_settings(self, **changes: Any) -> AnctData:
        """The same data layer with some settings changed (refresh = time-to-live 0)."""
        return AnctData(dataclasses.replace(self.config, **changes), self.language)

    def commune_card(self, code: str, feedback: QgsFeedback | None = None, cross_table: bool = False) -> CommuneCard:
        from .published.observatoire import IndicatorError, parse_indicators

        try:
            indicators = tuple(parse_indicators(self.config.card_indicators))
        except IndicatorError as error:  # a slip in Options: said, the card still shows
            warn(feedback, tr("Commune card indicators (Options): {error}").format(error=error))
            indicators = ()
        return commune_card(self.builder(feedback), self.territory_index(feedback), code, cross_table, indicators)

    def cache_status(self, layer_id: str, territory: Territory | None = None) -> CacheStatus:
        return cache_status(self.fetcher, layer_id, territory)

    def purge(self, layer_ids: Iterable[str], territory: Territory | None = None) -> int:
        """Forget the cached files of these layers that no other layer reads; how many went."""
        return purge_layers(self.fetcher, list(layer_ids), territory)

    def extent_territory(
        self, rectangle: QgsRectangle, crs: str, label: str, feedback: QgsFeedback | None = None
    ) -> Territory:
        """The communes that a map extent (a QgsRectangle in ``crs``) meets."""
        builder = self.builder(feedback)
        target = QgsCoordinateReferenceSystem(crs)
        departements = builder.build("departements", builder.index.country(), crs).layer
        return extent_territory(
            builder.index, departements, lambda t: builder.commune_layer(t, target), rectangle, label
        )
