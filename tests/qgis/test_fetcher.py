"""Cache, conditional requests, offline mode and every network fault, against the loopback mirror.

Each failure must give a clear error and leave the cache exactly as it was."""

import hashlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import cache_files
from qgis.core import QgsFeedback

from anct_qgis_plugin.core.errors import CancelledError, DownloadError, OfflineError, ParseError
from anct_qgis_plugin.core.published.parsers import read_csv, read_json
from anct_qgis_plugin.core.travel.cache import CHECKED_AT_RESOLUTION_S
from anct_qgis_plugin.core.travel.fetcher import Fetcher, content_suffix
from anct_qgis_plugin.core.travel.settings import load_config

REGIONS = "https://geo.api.gouv.fr/regions"


def fetcher(**overrides):
    return Fetcher(load_config(**overrides))


def json_check(path):
    read_json(path, "regions")


def test_second_fetch_within_ttl_makes_no_request(anct_env, mirror_server):
    first = fetcher().fetch(REGIONS, suffix=".json", validate=json_check)
    before = mirror_server.count("geo.api.gouv.fr/regions")
    second = fetcher().fetch(REGIONS, suffix=".json", validate=json_check)
    assert not first.from_cache and second.from_cache and second.path == first.path
    assert mirror_server.count("geo.api.gouv.fr/regions") == before


def test_expired_entry_is_revalidated_with_a_conditional_request(anct_env, mirror_server):
    fetcher().fetch(REGIONS, suffix=".json")
    snapshot = cache_files(anct_env)
    again = fetcher(ttl_hours=0).fetch(REGIONS, suffix=".json")
    last = mirror_server.requests[-1]
    assert last.headers.get("If-None-Match") or last.headers.get("If-Modified-Since")
    assert again.from_cache
    assert {k: v for k, v in cache_files(anct_env).items() if not k.endswith("manifest.json")} == {
        k: v for k, v in snapshot.items() if not k.endswith("manifest.json")
    }


def test_matching_publisher_checksum_skips_the_download(anct_env, mirror_server):
    first = fetcher().fetch(REGIONS, suffix=".json")
    sha1 = hashlib.sha1(Path(first.path).read_bytes()).hexdigest()
    before = mirror_server.count("geo.api.gouv.fr/regions")
    fetcher(ttl_hours=0).fetch(REGIONS, suffix=".json", expected_sha1=sha1)
    assert mirror_server.count("geo.api.gouv.fr/regions") == before


def manifest_of(cache_dir):
    (manifest,) = Path(cache_dir).rglob("manifest.json")
    return manifest


def test_confirmations_in_quick_succession_do_not_rewrite_the_manifest(anct_env, mirror_server):
    first = fetcher().fetch(REGIONS, suffix=".json")
    sha1 = hashlib.sha1(Path(first.path).read_bytes()).hexdigest()
    before = manifest_of(anct_env).stat()
    for _ in range(5):  # a warm card confirms each list by the publisher's checksum
        fetcher(ttl_hours=0).fetch(REGIONS, suffix=".json", expected_sha1=sha1)
    after = manifest_of(anct_env).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_confirmation_after_the_resolution_is_recorded(anct_env, mirror_server):
    first = fetcher().fetch(REGIONS, suffix=".json")
    sha1 = hashlib.sha1(Path(first.path).read_bytes()).hexdigest()
    manifest = manifest_of(anct_env)
    data = json.loads(manifest.read_text())
    data["checked_at"] -= CHECKED_AT_RESOLUTION_S + 1
    manifest.write_text(json.dumps(data))
    fetcher(ttl_hours=0).fetch(REGIONS, suffix=".json", expected_sha1=sha1)
    assert time.time() - json.loads(manifest.read_text())["checked_at"] < CHECKED_AT_RESOLUTION_S


def test_a_new_source_date_is_recorded_at_once(anct_env, mirror_server):
    fetcher().fetch(REGIONS, suffix=".json")
    fetcher(ttl_hours=0).fetch(REGIONS, suffix=".json", source_date="2024-06-30")  # answered 304
    assert json.loads(manifest_of(anct_env).read_text())["source_date"] == "2024-06-30"


def test_offline_mode_serves_the_cache_and_says_how_old(anct_env, mirror_server, feedback):
    fetcher().fetch(REGIONS, suffix=".json")
    before = mirror_server.count()
    served = fetcher(offline=True).fetch(REGIONS, suffix=".json", feedback=feedback)
    assert served.from_cache and mirror_server.count() == before
    assert any("Offline" in message and "old" in message for message in feedback.infos)


def test_offline_without_cache_is_a_clear_error(anct_env):
    with pytest.raises(OfflineError, match="no cached copy"):
        fetcher(offline=True).fetch(REGIONS)


def pretend_the_source_changed(cache_dir):
    """Old validators: the server answers in full instead of 304."""
    for manifest in Path(cache_dir).rglob("manifest.json"):
        data = json.loads(manifest.read_text())
        data.update(etag='"an-older-version"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
        manifest.write_text(json.dumps(data))


FAULTS = [
    ({"kind": "status", "code": 500}, DownloadError, "HTTP 500"),
    ({"kind": "status", "code": 404}, DownloadError, "HTTP 404"),
    ({"kind": "retry_after", "seconds": 1}, DownloadError, "HTTP 429"),
    ({"kind": "delay", "seconds": 6}, DownloadError, "No answer within"),
    ({"kind": "truncate"}, DownloadError, "truncated|IncompleteRead|Connection"),
    ({"kind": "body", "body": '[{"code": "24", "nom": "Centre'}, ParseError, "not valid JSON"),
    (
        {
            "kind": "body",
            "body": "<!DOCTYPE html><html><body>Service indisponible</body></html>",
            "content_type": "text/html",
        },
        ParseError,
        "HTML",
    ),
    ({"kind": "body", "body": ""}, ParseError, "Empty"),
]


@pytest.mark.parametrize("fault, error, message", FAULTS, ids=lambda v: str(v)[:30])
def test_fault_without_cache_is_a_clear_error_and_leaves_nothing(anct_env, mirror_server, fault, error, message):
    mirror_server.add_fault("geo.api.gouv.fr/regions", **fault)
    with pytest.raises(error, match=message):
        fetcher().fetch(REGIONS, suffix=".json", validate=json_check)
    assert cache_files(anct_env) == {}


@pytest.mark.parametrize("fault, error, message", FAULTS, ids=lambda v: str(v)[:30])
def test_fault_with_cache_keeps_the_good_copy(anct_env, mirror_server, feedback, fault, error, message):
    good = fetcher().fetch(REGIONS, suffix=".json", validate=json_check)
    pretend_the_source_changed(anct_env)
    snapshot = {k: v for k, v in cache_files(anct_env).items() if not k.endswith("manifest.json")}
    mirror_server.add_fault("geo.api.gouv.fr/regions", **fault)
    served = fetcher(ttl_hours=0).fetch(REGIONS, suffix=".json", validate=json_check, feedback=feedback)
    assert served.stale and served.path == good.path
    assert {k: v for k, v in cache_files(anct_env).items() if not k.endswith("manifest.json")} == snapshot
    assert any("cached copy" in warning for warning in feedback.warnings)


def test_429_with_retry_after_is_retried_then_succeeds(anct_env, mirror_server):
    mirror_server.add_fault("geo.api.gouv.fr/regions", "retry_after", times=1, seconds=1)
    before = mirror_server.count("geo.api.gouv.fr/regions")
    fetched = fetcher().fetch(REGIONS, suffix=".json", validate=json_check)
    assert mirror_server.count("geo.api.gouv.fr/regions") == before + 2
    assert not fetched.from_cache


def test_renamed_column_keeps_the_cache(anct_env, mirror_server):
    url = "https://geo.api.gouv.fr/departements"
    mirror_server.add_fault("geo.api.gouv.fr/departements", "body", body="code_departement,nom\n36,Indre\n")
    with pytest.raises(ParseError, match="insee_dep"):
        fetcher().fetch(url, validate=lambda p: read_csv(p, "departements", {"insee_dep": ("insee_dep",)}))
    assert cache_files(anct_env) == {}


def test_cancel_during_a_slow_download_leaves_no_partial_file(anct_env, mirror_server):
    mirror_server.add_fault("geo.api.gouv.fr/regions", "slow", chunk=16, pause=0.2)
    feedback = QgsFeedback()
    threading.Timer(0.5, feedback.cancel).start()
    with pytest.raises(CancelledError):
        fetcher().fetch(REGIONS, suffix=".json", feedback=feedback)
    assert cache_files(anct_env) == {}


class ByteFeedback(QgsFeedback):
    """A feedback that hears a download's bytes, like the panel's (core.report.transferred)."""

    def __init__(self):
        super().__init__()
        self.transfers, self.percents = [], []
        self.progressChanged.connect(self.percents.append)

    def show_transfer(self, received, expected):
        self.transfers.append((received, expected))


@pytest.mark.parametrize("fault, told", [("slow", True), ("no_length", False)])
def test_a_download_reports_its_bytes_as_they_come(anct_env, mirror_server, fault, told):
    size = (Path(mirror_server.root) / "geo.api.gouv.fr" / "regions").stat().st_size
    mirror_server.add_fault("geo.api.gouv.fr/regions", fault, chunk=16, pause=0.05)
    feedback = ByteFeedback()
    fetcher().fetch(REGIONS, suffix=".json", feedback=feedback)
    assert feedback.transfers[-1] == (size, size if told else 0)  # no size told: only what came
    received = [got for got, _expected in feedback.transfers]
    assert received == sorted(received) and all(expected in (0, size) for _got, expected in feedback.transfers)
    assert feedback.percents == sorted(feedback.percents) and (100 in feedback.percents) == told


def test_purge_one_entry_and_all(anct_env):
    current = fetcher()
    current.fetch(REGIONS, suffix=".json")
    current.fetch("https://geo.api.gouv.fr/departements", suffix=".json")
    assert len(current.cache.entries()) == 2 and current.cache.size_bytes() > 0
    current.cache.purge(REGIONS)
    assert [e.manifest.url for e in current.cache.entries()] == ["https://geo.api.gouv.fr/departements"]
    current.cache.purge()
    assert current.cache.entries() == []


WRITER = """
import sys, os
sys.path.insert(0, {root!r})
from anct_qgis_plugin.core.travel.cache import Cache
cache = Cache({cache!r})
for n in range(40):
    part = cache.new_part("https://example.org/x", ".txt")
    with open(part, "w") as stream:
        stream.write(({tag!r} + str(n)) * 5000)
    cache.commit("https://example.org/x", part, suffix=".txt")
"""


def test_two_processes_writing_one_entry_never_corrupt_it(tmp_path):
    """Readers only ever see a complete file whose checksum matches its manifest."""
    from anct_qgis_plugin.core.travel.cache import Cache, sha1_of

    root = str(Path(__file__).resolve().parents[2])
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER.format(root=root, cache=str(tmp_path), tag=tag)])
        for tag in ("a", "b")
    ]
    cache = Cache(str(tmp_path))
    checked = 0
    while any(w.poll() is None for w in writers):
        entry = cache.lookup("https://example.org/x")
        if entry is not None:
            try:
                assert sha1_of(entry.path) == entry.manifest.sha1
                checked += 1
            except FileNotFoundError:
                pass  # replaced between lookup and read: the next lookup sees the new one
        time.sleep(0.005)
    assert all(w.returncode == 0 for w in writers)
    entry = cache.lookup("https://example.org/x")
    assert sha1_of(entry.path) == entry.manifest.sha1
    assert not [p for p in tmp_path.rglob(".part-*")]


def test_suffix_follows_content(tmp_path):
    """Older clients got plain GeoJSON from the ZIP link: it is stored (and opened) as GeoJSON."""

    def write(name, content):
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    assert content_suffix(write("a", b' {"type": "FeatureCollection", "features": []}'), ".zip") == ".geojson"
    assert content_suffix(write("b", b"PK\x03\x04"), ".dat") == ".zip"
    assert content_suffix(write("c", b"a;b\n"), ".csv") == ".csv"
