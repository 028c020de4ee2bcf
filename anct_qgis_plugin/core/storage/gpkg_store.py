"""Write a layer into a GeoPackage that others may hold open: never lose the table being replaced.

A new copy goes into a new table (``<stem>_<8 hex>``), never over the table in use: a write that
fails (read-only folder, full disk, a lock that outlasts the wait) leaves the previous table and
the layer reading it as they were. A table written half-way is dropped. SQLite answers "database
is locked" while another process (another QGIS, a DB browser) writes the file: the write waits
and tries again for ``LOCK_WAIT_S`` (the panel writes in its background task, where Cancel ends
the wait through the feedback). A GeoPackage that does not exist yet is made under a
temporary name and linked into place, so two processes creating it at once never overwrite each
other's file.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from contextlib import closing
from typing import TYPE_CHECKING

from qgis.core import QgsVectorLayer

from ..errors import CancelledError, StorageError
from ..i18n import tr
from .pack import write_layer

if TYPE_CHECKING:
    from collections.abc import Callable

    from qgis.core import QgsFeedback, QgsLayerMetadata

LOCK_WAIT_S = 30.0
CANCEL_CHECK_S = 0.1  # how often a wait for the lock looks at the feedback
LOCK_WORDS = ("database is locked", "database table is locked", "SQLITE_BUSY")


def is_locked(error: BaseException) -> bool:
    text = str(error) + getattr(error, "driver_message", "")
    return any(word in text for word in LOCK_WORDS)


def new_table_name(stem: str) -> str:
    return f"{stem}_{uuid.uuid4().hex[:8]}"


def write_new_table(
    layer: QgsVectorLayer,
    path: str,
    stem: str,
    metadata: QgsLayerMetadata | None = None,
    wait_s: float | None = None,
    sleep: Callable[[float], object] = time.sleep,
    feedback: QgsFeedback | None = None,
) -> str:
    """Write ``layer`` into a new table of the GeoPackage ``path``; return the table's name.
    Raises StorageError, naming the file, when it cannot be written (``wait_s``: LOCK_WAIT_S), and
    CancelledError when ``feedback`` is cancelled while the write waits for a lock."""
    wait_s = LOCK_WAIT_S if wait_s is None else wait_s
    table = new_table_name(stem)
    deadline, pause = time.monotonic() + wait_s, 0.1
    while True:
        try:
            if not os.path.exists(path):
                _create(layer, path, table, metadata)
            else:
                _add_table(layer, path, table, metadata)
            return table
        except (OSError, StorageError) as error:  # the writer's own, or the file system's
            drop_table(path, table, wait_s=0)  # what a failed write left, if anything
            if not is_locked(error) or time.monotonic() + pause > deadline:
                if is_locked(error):
                    raise StorageError(
                        tr(
                            "{path} stays locked by another program (another QGIS?) after {n} s: {error}. "
                            "Close it there, then load again."
                        ).format(path=path, n=int(wait_s), error=error)
                    ) from error
                raise
            _pause(pause, sleep, feedback)
            pause = min(pause * 2, 2.0)


def _pause(seconds: float, sleep: Callable[[float], object], feedback: QgsFeedback | None) -> None:
    """Sleep ``seconds`` in short steps, ending at once on Cancel."""
    steps = max(1, round(seconds / CANCEL_CHECK_S))
    for _step in range(steps):
        if feedback is not None and feedback.isCanceled():
            raise CancelledError(tr("Cancelled."))
        sleep(seconds / steps)


def _create(layer: QgsVectorLayer, path: str, table: str, metadata: QgsLayerMetadata | None) -> None:
    """The GeoPackage's first table, written under a temporary name and linked into place."""
    part = f"{path}.part-{os.getpid()}-{uuid.uuid4().hex[:8]}.gpkg"
    try:
        write_layer(layer, part, table, first=True, metadata=metadata)
        try:
            os.link(part, path)
        except FileExistsError:  # another process made it meanwhile: write into theirs
            _add_table(layer, path, table, metadata)
        except OSError:  # a file system without hard links
            if os.path.exists(path):
                _add_table(layer, path, table, metadata)
            else:
                os.replace(part, path)
    finally:
        for leftover in (part, part + "-journal", part + "-wal", part + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)


def _add_table(layer: QgsVectorLayer, path: str, table: str, metadata: QgsLayerMetadata | None) -> None:
    lock = lock_held(path)
    if lock:
        raise StorageError(lock)  # written into the message that names the file, when the wait ends
    if metadata is not None and metadata.identifier():
        _free_identifier(path, metadata.identifier())
    write_layer(layer, path, table, first=False, metadata=metadata)


def open_table(
    path: str,
    table: str,
    name: str,
    wait_s: float | None = None,
    sleep: Callable[[float], object] = time.sleep,
    feedback: QgsFeedback | None = None,
) -> QgsVectorLayer | None:
    """``table`` of ``path`` opened as an OGR layer, or None when it cannot be read. A write of
    another process can lock the file for a moment (GDAL then fails to open it, on 3.40 and later):
    the open is tried again while the file is locked, up to ``wait_s`` (LOCK_WAIT_S)."""
    deadline, pause, attempt = time.monotonic() + (LOCK_WAIT_S if wait_s is None else wait_s), 0.05, 0
    while True:
        layer = QgsVectorLayer(f"{path}|layername={table}", name, "ogr")
        if layer.isValid():
            return layer
        attempt += 1
        # A commit's exclusive lock may be gone by the time it is asked about: try a few times anyway.
        if time.monotonic() + pause > deadline or (attempt >= 3 and not lock_held(path)):
            return None
        _pause(pause, sleep, feedback)
        pause = min(pause * 2, 1.0)


def lock_held(path: str) -> str:
    """SQLite's "database is locked" when another connection holds a write transaction on ``path``
    now, else "". Asked without waiting, before GDAL writes: GDAL, finding the file locked, waits
    inside the write for as long as the lock lasts, past any deadline and deaf to Cancel."""
    try:
        with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
    except sqlite3.Error as error:
        return str(error) if is_locked(error) else ""  # another failure: the write will say it
    return ""


def _free_identifier(path: str, identifier: str) -> None:
    """QGIS writes the metadata's identifier into ``gpkg_contents.identifier``, which is UNIQUE: the
    table being replaced still holds it, and GDAL would print a constraint error for the new one.
    The older tables take their own name there (their metadata keeps the identifier). Best effort."""
    try:
        with closing(sqlite3.connect(path, timeout=0)) as connection, connection:
            connection.execute("UPDATE gpkg_contents SET identifier = table_name WHERE identifier = ?", (identifier,))
    except sqlite3.Error:  # locked (no wait: the write waits) or not a GeoPackage: the write will say
        pass


def drop_table(path: str, table: str, wait_s: float = 2.0) -> bool:
    """Remove ``table`` from the GeoPackage (its rows, metadata and spatial index); True when it is
    gone. Best effort: a table that cannot be dropped is only wasted space."""
    if not os.path.exists(path):
        return True
    deadline = time.monotonic() + wait_s
    while True:
        try:
            if not lock_held(path) and _delete_layer(path, table):
                return True
        except RuntimeError:  # GDAL set to raise: a lock or a read-only file
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def _delete_layer(path: str, table: str) -> bool:
    from osgeo import ogr  # GDAL drops a GeoPackage table whole: rows, metadata, spatial index

    dataset = ogr.Open(path, 1)
    if dataset is None:
        return False
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    return table not in names or dataset.DeleteLayer(names.index(table)) == 0
