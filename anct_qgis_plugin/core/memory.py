"""Memory habits of the passes that create Python objects by the hundred thousand."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector around a pass that wraps millions of features.

    Each QgsFeature or QgsGeometry wrapper is a GC-tracked object; a pass creates them by the
    hundred thousand and keeps a chunk alive, which sets off full collections that scan every
    object of QGIS's Python session again and again (a third of a 35,000-unit run). Those
    wrappers hold no cycles: reference counting frees them as usual, and the collector is back
    on when the pass ends, even on error.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
