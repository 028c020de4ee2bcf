"""The panel's project GeoPackage when writing it fails (issue 20 §5): a file locked by another
process, a lock that outlasts the wait, a read-only project folder, a full disk, two processes
writing one GeoPackage. The layer being replaced is never lost and every failure is told."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

from anct_qgis_plugin.core.storage import gpkg_store
from tests.qgis.test_panel import load, messages, plugin, wait_until  # noqa: F401 (plugin: the fixture)

ROOT = Path(__file__).resolve().parents[2]


def communes(project=None):
    project = project or QgsProject.instance()
    found = [layer for layer in project.mapLayers().values() if layer.metadata().identifier() == "anct:communes"]
    assert len(found) == 1, found
    return found[0]


def the_gpkg(layer):
    return layer.source().split("|")[0]


def hold_write_lock(path, seconds, kind="IMMEDIATE"):
    """Another process that holds a write transaction on the GeoPackage for ``seconds`` (``EXCLUSIVE``:
    as in the middle of a commit, readers refused too)."""
    script = f"""
import sqlite3, sys, time
db = sqlite3.connect({str(path)!r}, isolation_level=None)
db.execute("BEGIN {kind}")
print("locked", flush=True)
time.sleep({seconds})
db.execute("COMMIT")
"""
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def summary(iface, level=Qgis.MessageLevel.Warning):
    found = [m for m in messages(iface, level) if "layers loaded" in m]
    assert found, messages(iface, level)
    return found[-1]


def test_a_geopackage_locked_by_another_process_is_waited_for(plugin, qgis_iface):  # noqa: F811 (the fixture)
    dock = plugin.dock
    load(dock, "36", ["communes"])
    holder = hold_write_lock(the_gpkg(communes()), 3)
    started = time.monotonic()
    load(dock, "36", ["communes"])
    holder.wait()
    assert time.monotonic() - started >= 1.5  # it waited for the lock, then wrote
    assert communes().featureCount() == 6 and communes().isValid()
    assert not dock.retry_button.isVisible()
    assert not [m for m in messages(qgis_iface, Qgis.MessageLevel.Warning) if "Unavailable" in m]


def test_the_panel_stays_responsive_while_the_lock_is_waited_for_and_cancel_ends_the_wait(plugin, qgis_iface):  # noqa: F811 (the fixture)
    dock = plugin.dock
    load(dock, "36", ["communes"])
    before = communes()
    holder = hold_write_lock(the_gpkg(before), 12)
    ticks = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    try:
        timer.start()
        dock.load_button.click()
        watched = time.monotonic()
        while time.monotonic() - watched < 3.0:  # the layer is built, then its write waits for the lock
            QgsApplication.processEvents()
            time.sleep(0.005)
        gaps = [later - earlier for earlier, later in zip([watched, *ticks], [*ticks, time.monotonic()])]
        assert len(ticks) >= 30 and max(gaps) < 0.5, max(gaps)  # the event loop kept turning
        assert dock.load_task is not None  # still waiting, in the background
        cancelled = time.monotonic()
        dock.cancel_button.click()
        assert wait_until(lambda: dock.load_task is None, timeout=5.0)
        assert time.monotonic() - cancelled < 2.0  # the wait ends on Cancel, not when the lock goes
    finally:
        timer.stop()
        holder.kill()
        holder.wait()
    assert communes() is before and before.featureCount() == 6  # the layer being replaced is kept
    assert messages(qgis_iface, Qgis.MessageLevel.Info)[-1].endswith("Loading cancelled.")
    assert not [m for m in messages(qgis_iface, Qgis.MessageLevel.Warning) if "Unavailable" in m]


def test_a_lock_that_outlasts_the_wait_keeps_the_layer_and_says_so(plugin, qgis_iface, monkeypatch):  # noqa: F811 (the fixture)
    monkeypatch.setattr(gpkg_store, "LOCK_WAIT_S", 1.0)
    dock = plugin.dock
    load(dock, "36", ["communes"])
    before = communes()
    holder = hold_write_lock(the_gpkg(before), 6)
    started = time.monotonic()
    try:
        load(dock, "36", ["communes"])  # no exception escapes the panel
        assert time.monotonic() - started < 4.0  # the wait ends at LOCK_WAIT_S, not when the lock goes
    finally:
        holder.wait()
    assert communes() is before and before.featureCount() == 6  # the layer being replaced is kept
    text = summary(qgis_iface)
    assert "Unavailable: Communes (with population)" in text and "locked by another program" in text
    assert the_gpkg(before) in text and "were kept" in text
    assert dock.retry_button.isVisible()
    dock.retry_button.click()  # the lock is gone: Retry writes it
    assert wait_until(lambda: dock.load_task is None)
    assert communes() is not before and communes().featureCount() == 6


def immutable(folder):
    """chattr +i: not even root writes there (chmod alone does not stop root)."""
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
        pytest.skip("chattr +i is not possible on this file system")


def test_a_read_only_project_folder_falls_back_to_the_data_folder(plugin, qgis_iface, tmp_path):  # noqa: F811 (the fixture)
    dock = plugin.dock
    folder = tmp_path / "work"
    folder.mkdir()
    assert QgsProject.instance().write(str(folder / "indre.qgz"))
    load(dock, "36", ["communes"])
    assert the_gpkg(communes()) == str(folder / "indre_anct.gpkg")
    immutable(folder)
    try:
        load(dock, "36", ["communes"])
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert Path(the_gpkg(communes())).parent == tmp_path / "data"  # ANCT_QGIS_DATA_DIR of anct_env
    assert communes().featureCount() == 6
    text = summary(qgis_iface)
    assert "written to " + str(tmp_path / "data") in text and "indre_anct.gpkg" in text


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)]).returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here")
    yield folder
    QgsProject.instance().removeAllMapLayers()  # let go of the files before unmounting
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_keeps_the_layer_and_says_so(plugin, qgis_iface, small_disk, monkeypatch):  # noqa: F811 (the fixture)
    monkeypatch.setenv("ANCT_QGIS_DATA_DIR", str(small_disk))
    dock = plugin.dock
    load(dock, "36", ["communes"])
    before = communes()
    assert the_gpkg(before).startswith(str(small_disk))
    descriptor = os.open(small_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(descriptor, b"\0" * 4096):
            pass
    except OSError:
        pass  # the disk is full
    finally:
        os.close(descriptor)
    load(dock, "36", ["communes"])
    assert communes() is before and before.featureCount() == 6
    text = summary(qgis_iface)
    assert "Unavailable: Communes (with population)" in text and the_gpkg(before) in text
    assert "free space" in text


WRITER = """
import sys
from qgis.core import QgsApplication, QgsProject
app = QgsApplication([], False)
app.initQgis()
sys.path.insert(0, {root!r})
from anct_qgis_plugin.core.building.layer_geometry import memory_layer
from anct_qgis_plugin.core.building.layer_info import BuiltLayer, SourceInfo
from anct_qgis_plugin.core.published.territories import Territory
from anct_qgis_plugin.gui.layer_loading import data_paths, write_built
from anct_qgis_plugin.core.storage.gpkg_store import drop_table, open_table
from qgis.core import QgsFeature, QgsFields, QgsField, QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.core import QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QVariant

fields = QgsFields()
fields.append(QgsField("n", QVariant.Int))
layer = memory_layer(QgsWkbTypes.Point, QgsCoordinateReferenceSystem("EPSG:2154"), fields, "points")
features = []
for n in range(500):
    feature = QgsFeature(fields)
    feature.setAttributes([n])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(600000 + n, 6600000 + n)))
    features.append(feature)
layer.dataProvider().addFeatures(features)
built = BuiltLayer(layer, SourceInfo("{layer_id}", "t", "", "", "", ""))
territory = Territory("departement", "36", "Indre", ("36",), ("24",), frozenset(), "EPSG:2154")
failed, previous = 0, None
for round_ in range({rounds}):
    try:
        written = write_built(built, territory, data_paths(QgsProject(), territory))
    except Exception as error:
        failed += 1
        print("FAILED", error, flush=True)
        continue
    # As the panel reads it back (another writer's commit may lock the file for a moment: 3.40+).
    assert open_table(written.path, written.table, "read back").featureCount() == 500
    if previous is not None:
        drop_table(*previous)
    previous = (written.path, written.table)
print("failed", failed, flush=True)
"""


def test_two_processes_writing_one_geopackage_never_fail(tmp_path):
    env = dict(os.environ, ANCT_QGIS_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER.format(root=str(ROOT), layer_id=layer_id, rounds=12)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for layer_id in ("communes", "communes")  # two QGIS loading the same layer into one GeoPackage
    ]
    outputs = [writer.communicate(timeout=240) for writer in writers]
    for out, err in outputs:
        assert "failed 0" in out, out + err[-2000:]
    import sqlite3

    with sqlite3.connect(tmp_path / "data" / "anct.gpkg") as db:
        tables = [row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")]
    assert len(tables) == 2  # each writer's last table; every replaced one was dropped


def test_a_refresh_that_falls_back_to_the_cached_copy_says_so_in_the_panel(plugin, qgis_iface, mirror_server):  # noqa: F811 (the fixture)
    dock = plugin.dock
    load(dock, "36", ["communes"])
    mirror_server.add_fault("codeDepartement=36", "status", code=500)
    dock.tree.set_checked(["communes"])
    dock.refresh_button.click()
    assert wait_until(lambda: dock.load_task is None)
    assert communes().featureCount() == 6  # the cached copy was loaded
    text = summary(qgis_iface)  # in the message bar, not only in the log
    assert "Refresh failed, cached copy used: Communes (with population) (copy from 0 min ago; " in text
    assert "HTTP 500" in text
    cache_column = dock.tree.items["communes"]
    assert cache_column.text(2) == "refresh failed: copy from 0 min ago"  # the copy's age in the catalogue
    assert "HTTP 500" in cache_column.toolTip(2)
    mirror_server.clear_faults()
    dock.refresh_button.click()  # the source answers again: the catalogue says so
    assert wait_until(lambda: dock.load_task is None)
    assert cache_column.text(2).startswith("cached on")
