"""Cache.touch and Cache.rollback (rewrites of an entry's manifest) against another process's commit of the same URL."""

import json
import os

from qgis.PyQt.QtCore import QLockFile

from anct_qgis_plugin.core.travel import cache as cache_module
from anct_qgis_plugin.core.travel.cache import CHECKED_AT_RESOLUTION_S, MANIFEST, Cache

URL = "https://example.org/list.csv"


def commit(cache, text):
    part = cache.new_part(URL, ".csv")
    with open(part, "w", encoding="utf-8") as stream:
        stream.write(text)
    return cache.commit(URL, part, suffix=".csv", source_date="2024-01-01")


def manifest_on_disk(entry):
    with open(os.path.join(os.path.dirname(entry.path), MANIFEST), encoding="utf-8") as stream:
        return json.load(stream)


def test_a_touch_after_another_commit_keeps_the_new_manifest(tmp_path):
    reader, writer = Cache(str(tmp_path)), Cache(str(tmp_path))  # two processes sharing the cache folder
    commit(reader, "code\n01\n")
    seen = reader.lookup(URL)
    seen.manifest.checked_at -= CHECKED_AT_RESOLUTION_S + 1  # old enough for the confirmation to be written
    new = commit(writer, "code\n01\n02\n")  # between the reader's lookup and its touch
    written = manifest_on_disk(new)
    reader.touch(seen, source_date="2024-06-30")  # the source confirmed the copy the reader had seen
    assert manifest_on_disk(new) == written  # not the reader's older manifest put back
    entry = reader.lookup(URL)
    assert entry is not None and entry.manifest.sha1 == new.manifest.sha1 and reader.verified(entry)
    assert entry.manifest.extra["previous"]["sha1"] == seen.manifest.sha1  # rollback() still finds the old copy


def test_a_touch_updates_the_manifest_on_disk(tmp_path):
    """What another writer put beside the same bytes (here an extra field) stays; the dates move."""
    cache = Cache(str(tmp_path))
    seen = commit(cache, "code\n01\n")
    data = manifest_on_disk(seen)
    data["extra"] = {"note": "written by another process"}
    data["checked_at"] -= CHECKED_AT_RESOLUTION_S + 1
    with open(os.path.join(os.path.dirname(seen.path), MANIFEST), "w", encoding="utf-8") as stream:
        json.dump(data, stream)
    cache.touch(seen, source_date="2024-06-30")
    after = manifest_on_disk(seen)
    assert after["source_date"] == "2024-06-30" and after["checked_at"] > data["checked_at"]
    assert after["extra"] == {"note": "written by another process"}


def test_a_touch_while_the_entry_is_locked_is_skipped_quietly(tmp_path, monkeypatch):
    cache = Cache(str(tmp_path))
    seen = commit(cache, "code\n01\n")
    before = manifest_on_disk(seen)
    monkeypatch.setattr(cache_module, "LOCK_WAIT_MS", 100, raising=False)  # not in the unfixed code
    holder = QLockFile(os.path.join(os.path.dirname(seen.path), ".lock"))  # another writer, mid-commit
    assert holder.tryLock(0)
    try:
        assert cache.touch(seen, source_date="2024-06-30") is seen  # no error reaches the reader
    finally:
        holder.unlock()
    assert manifest_on_disk(seen) == before
    assert seen.manifest.source_date == "2024-06-30"  # what this run serves


def test_a_rollback_while_the_entry_is_locked_leaves_the_manifest(tmp_path, monkeypatch):
    cache = Cache(str(tmp_path))
    commit(cache, "code\n01\n")
    new = commit(cache, "code\n01\n02\n")  # its manifest names the first copy as the previous one
    before = manifest_on_disk(new)
    monkeypatch.setattr(cache_module, "LOCK_WAIT_MS", 100)
    holder = QLockFile(os.path.join(os.path.dirname(new.path), ".lock"))  # another writer, mid-commit
    assert holder.tryLock(0)
    try:
        assert cache.rollback(URL) is None  # not now: the other writer's manifest is not overwritten
    finally:
        holder.unlock()
    assert manifest_on_disk(new) == before
    restored = cache.rollback(URL)  # the lock gone, the previous copy comes back
    assert restored is not None and restored.manifest.sha1 != new.manifest.sha1 and cache.verified(restored)
