"""Shared fixtures: the project on sys.path, a loopback mirror of the fixtures, an isolated
cache and settings per test. Those that need QGIS (provider, run_alg...) are in tests/qgis."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_MIRROR = ROOT / "tests" / "fixtures" / "mirror"
SHARED_MIRROR = ROOT.parent / "shared" / "mirror"
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "tests"))  # after site-packages: tests/qgis must not hide QGIS
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from loopback import MirrorServer  # noqa: E402


@pytest.fixture(scope="session")
def mirror_server():
    from wfs_roads import ROUTE_PREFIX, RoadWfs, indre_grid

    with MirrorServer(str(FIXTURE_MIRROR)) as server:
        server.add_route(ROUTE_PREFIX, RoadWfs(indre_grid()))  # BD TOPO roads of Indre, paged like the WFS
        yield server


@pytest.fixture
def anct_env(tmp_path, monkeypatch, mirror_server):
    """Settings for one test: fresh cache, the loopback mirror, short time-outs, no retries wait."""
    from anct_qgis_plugin.core import service
    from anct_qgis_plugin.core.travel.settings import SPECS

    for spec in SPECS.values():  # every ANCT_QGIS_* variable the plugin reads
        monkeypatch.delenv(spec.env, raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv("ANCT_QGIS_CACHE_DIR", str(cache))
    monkeypatch.setenv("ANCT_QGIS_DATA_DIR", str(tmp_path / "data"))  # where the panel keeps loaded layers
    monkeypatch.setenv("ANCT_QGIS_MIRROR", mirror_server.base_url)
    monkeypatch.setenv("ANCT_QGIS_TIMEOUT", "2")
    monkeypatch.setenv("ANCT_QGIS_RETRIES", "1")
    monkeypatch.setenv("ANCT_QGIS_MAX_RETRY_WAIT", "1")
    mirror_server.clear_faults()
    service._INDEX_MEMO.clear()
    yield cache
    mirror_server.clear_faults()
    service._INDEX_MEMO.clear()


@pytest.fixture
def shared_mirror():
    if not SHARED_MIRROR.is_dir():
        pytest.skip("../shared/mirror is absent (realistic tier)")
    return SHARED_MIRROR


def cache_files(cache_dir):
    """Every file under the cache folder, with its bytes: to prove a failure left it untouched."""
    return {
        str(p.relative_to(cache_dir)): p.read_bytes()
        for p in Path(cache_dir).rglob("*")
        if p.is_file() and p.name != ".lock"
    }
