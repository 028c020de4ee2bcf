"""A cache that never lies.

One folder per URL: content-addressed data files (``<sha1><suffix>``) and ``manifest.json``.
The manifest is replaced atomically after its data file is complete, so a reader sees the old
entry or the new one, never a partial file. Writers of one entry take a lock file, so two
processes writing the same entry do not corrupt it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from qgis.PyQt.QtCore import QLockFile

from ..errors import StorageError
from ..i18n import tr

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

MANIFEST = "manifest.json"
_VERIFIED: dict[tuple, str] = {}  # (path, size, mtime) -> sha1 found: each version of a file is hashed once per process
PART_PREFIX = ".part-"
# A confirmation this close to the recorded one is not written (see Cache.touch).
CHECKED_AT_RESOLUTION_S = 300.0
LOCK_WAIT_MS = 120_000  # how long a writer waits for another process's write of the same entry


@dataclass
class Manifest:
    url: str
    file: str
    sha1: str
    size: int
    fetched_at: float
    checked_at: float
    etag: str = ""
    last_modified: str = ""
    source_date: str = ""
    origin: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class CacheEntry:
    path: str
    manifest: Manifest

    @property
    def age_seconds(self) -> float:
        """Time since the copy was last confirmed against its source."""
        return max(0.0, time.time() - self.manifest.checked_at)


def sha1_of(path: str) -> str:
    digest = hashlib.sha1(usedforsecurity=False)  # data.gouv.fr publishes sha1 checksums: identity, not security
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_json_atomically(path: str, data: dict) -> None:
    temp = f"{path}{PART_PREFIX}{uuid.uuid4().hex}"
    try:
        with open(temp, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=1)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except OSError:
        try:
            os.remove(temp)  # a full disk leaves no manifest.json.part-* behind
        except OSError:
            pass
        raise


def _same_file(one: Manifest, other: Manifest) -> bool:
    return (one.file, one.sha1, one.size) == (other.file, other.sha1, other.size)


class EntryBusy(OSError):
    """Another process held the entry's lock for longer than LOCK_WAIT_MS."""


@contextmanager
def _entry_lock(folder: str) -> Iterator[None]:
    """The lock every writer of an entry's manifest takes (commit, touch, rollback)."""
    lock = QLockFile(os.path.join(folder, ".lock"))
    lock.setStaleLockTime(60_000)
    if not lock.tryLock(LOCK_WAIT_MS):
        if lock.error() == QLockFile.LockError.LockFailedError:
            raise EntryBusy(tr("the cache entry {folder} is locked by another process").format(folder=folder))
        raise OSError(tr("the lock file of {folder} cannot be written").format(folder=folder))
    try:
        yield
    finally:
        lock.unlock()


class Cache:
    def __init__(self, root: str):
        self.root = root
        try:
            os.makedirs(root, exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # a file where the folder (or a parent) should be
            raise StorageError(
                tr(
                    "The cache folder {path} is a file, or inside one: choose a folder in Settings > Options > "
                    "ANCT Territoires or in ANCT_QGIS_CACHE_DIR."
                ).format(path=root)
            ) from None
        except OSError:
            pass  # a read-only place: entries already there can still be read

    def verified(self, entry: CacheEntry) -> bool:
        """True when the entry's file still has the checksum it was stored with (a file damaged
        without a change of size is caught here, not served)."""
        try:
            status = os.stat(entry.path)
        except OSError:
            return False
        key = (entry.path, status.st_size, status.st_mtime_ns)
        if key not in _VERIFIED:
            try:
                _VERIFIED[key] = sha1_of(entry.path)
            except OSError:
                return False
        return _VERIFIED[key] == entry.manifest.sha1

    def _folder(self, url: str) -> str:
        return os.path.join(self.root, hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).hexdigest()[:24])

    def lookup(self, url: str) -> CacheEntry | None:
        """The committed entry for ``url``, or None. A damaged entry counts as absent."""
        folder = self._folder(url)
        try:
            with open(os.path.join(folder, MANIFEST), encoding="utf-8") as stream:
                manifest = Manifest(**json.load(stream))
        except (OSError, ValueError, TypeError):
            return None
        if (
            not isinstance(manifest.file, str)
            or os.path.basename(manifest.file) != manifest.file
            or manifest.file in ("", ".", "..")
            or manifest.file.startswith(PART_PREFIX)
        ):
            return None  # a manifest naming a file outside its entry is not trusted
        path = os.path.join(folder, manifest.file)
        if manifest.url != url or not os.path.isfile(path) or os.path.getsize(path) != manifest.size:
            return None
        return CacheEntry(path, manifest)

    def new_part(self, url: str, suffix: str = "") -> str:
        """A unique temporary file in the entry's folder (same file system: rename is atomic)."""
        folder = self._folder(url)
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"{PART_PREFIX}{uuid.uuid4().hex}{suffix}")

    def discard(self, part_path: str) -> None:
        try:
            os.remove(part_path)
        except OSError:
            pass

    def commit(self, url: str, part_path: str, suffix: str = "", **meta: str | dict) -> CacheEntry:
        """Make ``part_path`` the entry of ``url``; returns the new CacheEntry."""
        folder = self._folder(url)
        digest = sha1_of(part_path)
        name = digest + suffix
        now = time.time()
        with _entry_lock(folder):  # on failure part_path is left to the caller: this run may still use it
            previous = self.lookup(url)
            os.replace(part_path, os.path.join(folder, name))
            try:
                manifest = self._write_manifest(url, folder, name, previous, digest, now, meta)
            except OSError:  # a full disk: the entry stays as it was, the caller keeps its file
                if previous is not None and previous.manifest.file == name:
                    return previous  # the same bytes: the entry still holds them
                os.replace(os.path.join(folder, name), part_path)
                raise
            self._drop_old_files(folder, keep=(name, (manifest.extra.get("previous") or {}).get("file")))
        return CacheEntry(os.path.join(folder, name), manifest)

    @staticmethod
    def _write_manifest(
        url: str, folder: str, name: str, previous: CacheEntry | None, digest: str, now: float, meta: dict
    ) -> Manifest:
        extra = dict(meta.pop("extra", {}) or {})
        if previous is not None and previous.manifest.file != name:
            # Kept until the new file has been built into a layer: see rollback().
            extra["previous"] = {k: v for k, v in asdict(previous.manifest).items() if k != "extra"}
        manifest = Manifest(
            url=url,
            file=name,
            sha1=digest,
            size=os.path.getsize(os.path.join(folder, name)),
            fetched_at=now,
            checked_at=now,
            extra=extra,
            **meta,
        )
        _write_json_atomically(os.path.join(folder, MANIFEST), asdict(manifest))
        return manifest

    def rollback(self, url: str) -> CacheEntry | None:
        """Make the previous copy of ``url`` the entry again (the new one did not build); the
        entry after, or None when there was no previous copy, or when another process holds the
        entry (its manifest, read and rewritten under the entry's lock like a commit's, stays)."""
        folder = self._folder(url)
        try:
            with _entry_lock(folder):
                entry = self.lookup(url)
                previous = (entry.manifest.extra or {}).get("previous") if entry else None
                if not previous:
                    return None
                restored = Manifest(**{**previous, "extra": {}})
                kept = os.path.join(folder, restored.file)
                if os.path.basename(restored.file) != restored.file or not os.path.isfile(kept):
                    return None
                _write_json_atomically(os.path.join(folder, MANIFEST), asdict(restored))
                self._drop_old_files(folder, keep=(restored.file,))
        except EntryBusy:
            return None
        return self.lookup(url)

    def touch(self, entry: CacheEntry, **changes: str) -> CacheEntry:
        """Record that the source confirmed the entry (304, same checksum): ``checked_at`` is what
        the TTL counts from. A confirmation within CHECKED_AT_RESOLUTION_S of the recorded one, with
        no other field changed, is not written: a warm card confirms each list by its checksum,
        and an atomic rewrite (fsync, replace) for each was most of its time. The copy then looks
        up to that much older than it is, which can only bring its next revalidation forward.

        The manifest is rewritten under the entry's lock, from its version on disk: another process
        may have committed a new file since ``entry`` was looked up, and its manifest must stay. A
        confirmation is only a date: when the lock stays busy, or the entry on disk now holds other
        bytes, nothing is written."""
        manifest = entry.manifest
        now = time.time()
        changed = {key: value for key, value in changes.items() if value and getattr(manifest, key) != value}
        if not changed and 0 <= now - manifest.checked_at < CHECKED_AT_RESOLUTION_S:
            return entry
        manifest.checked_at = now  # what this run serves, written or not
        for key, value in changed.items():
            setattr(manifest, key, value)
        try:
            with _entry_lock(os.path.dirname(entry.path)):
                current = self.lookup(manifest.url)
                on_disk = current.manifest if current is not None else None
                if on_disk is None or not _same_file(on_disk, manifest):
                    return entry  # replaced (or removed) meanwhile: the confirmation was of other bytes
                on_disk.checked_at = max(on_disk.checked_at, now)
                for key, value in changed.items():
                    setattr(on_disk, key, value)
                _write_json_atomically(os.path.join(os.path.dirname(entry.path), MANIFEST), asdict(on_disk))
        except EntryBusy:
            pass  # another writer holds the entry past the wait: the next confirmation records it
        return entry

    @staticmethod
    def _drop_old_files(folder: str, keep: Iterable[str | None]) -> None:
        # Data files of earlier versions, and parts older than an hour (a crashed writer's).
        for name in os.listdir(folder):
            path = os.path.join(folder, name)
            if name in keep or name in (MANIFEST, ".lock"):
                continue
            if name.startswith((PART_PREFIX, MANIFEST + PART_PREFIX)) and time.time() - os.path.getmtime(path) < 3600:
                continue
            try:
                os.remove(path)
            except OSError:
                pass

    def entries(self) -> list[CacheEntry]:
        """Every committed entry."""
        found = []
        for name in sorted(os.listdir(self.root)):
            try:
                with open(os.path.join(self.root, name, MANIFEST), encoding="utf-8") as stream:
                    url = json.load(stream)["url"]
            except (OSError, ValueError, KeyError):
                continue
            entry = self.lookup(url)
            if entry:
                found.append(entry)
        return found

    def size_bytes(self) -> int:
        total = 0
        for folder, _dirs, files in os.walk(self.root):
            total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
        return total

    def purge(self, url: str | None = None) -> None:
        """Remove one entry, or everything."""
        if url is not None:
            shutil.rmtree(self._folder(url), ignore_errors=True)
            return
        for name in os.listdir(self.root):
            path = os.path.join(self.root, name)
            if os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.remove(path)
