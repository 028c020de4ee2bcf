"""What the parts of the panel (territory chooser, catalogue loading, indicator row, cache actions)
ask of the dock that holds them: the shared state and a few services. A type of its own, below
the parts and the dock, so that a part never names the dock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Protocol

if TYPE_CHECKING:  # types only: the panel's parts are imported when the panel is built
    from qgis.core import QgsTask

    from ..core.published.territories import Territory, TerritoryIndex
    from ..core.service import AnctData
    from .catalogue_tree import CatalogueTree


class Panel(Protocol):
    iface: Any  # QgisInterface
    data: AnctData  # replaced when the settings change: read it at each use
    index: Optional[TerritoryIndex]  # None until the territories are read
    territory: Optional[Territory]  # None while no territory is chosen
    tasks: set
    tree: CatalogueTree

    def start(self, task: QgsTask) -> QgsTask:
        """Hand ``task`` to QGIS's task manager, keeping it alive until ``done``."""

    def done(self, task: QgsTask) -> None: ...

    def report(self, message: str, level: Any, bar: bool = True) -> None:
        """To the "ANCT" log tab, and to the message bar unless ``bar`` is False."""

    def confirm(self, question: str) -> bool: ...

    def save_state(self) -> None: ...

    def refresh_statuses(self) -> None:
        """The tree's cache column for the territory."""

    def offer_retry(self, index_failed: bool) -> None:
        """Show Retry when the territories or some layers could not be had."""
