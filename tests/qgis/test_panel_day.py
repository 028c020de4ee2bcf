"""A cartographer's day with the panel (issue 21 §3): unloading while a task runs, one summary at
the right level, the first start offline, the commune card's reasons, the map extent, the
catalogue's columns, mobile sites without a feature, a saved project moved with its layers."""

import pytest
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle

from tests.qgis.test_panel import plugin, wait_until  # noqa: F401 (plugin: the fixture)


def start_task(dock, kind, tmp_path):
    """Start one of the panel's tasks the way the user does; return it."""
    from anct_qgis_plugin.gui.tasks import IndexTask

    dock.choose_territory("36")
    dock.tree.set_checked(["france_services", "communes"])
    if kind == "index":
        return dock._start(IndexTask(dock.data, dock._index_loaded))
    if kind == "load":
        dock.load_button.click()
    elif kind == "extent":
        canvas = dock.iface.mapCanvas()
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        canvas.setExtent(QgsRectangle(1.60, 46.75, 1.75, 46.85))
        dock.extent_button.click()
    elif kind == "card":
        dock.show_card(code="36088")
    elif kind == "pack":
        dock.save_pack(str(tmp_path / "pack.gpkg"))
    (task,) = dock.tasks
    return task


@pytest.mark.parametrize("kind", ["index", "load", "extent", "card", "pack"])
def test_unloading_while_a_panel_task_runs(plugin, mirror_server, tmp_path, kind):  # noqa: F811 (the fixture)
    mirror_server.add_fault("", "slow", chunk=64, pause=0.05)
    task = start_task(plugin.dock, kind, tmp_path)
    plugin.unload()  # "Error while unloading plugin" when it raises
    assert plugin.dock is None and plugin.provider is None and plugin.translator is None
    assert wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=30)
    assert task.isCanceled() or task.status() == task.TaskStatus.Complete
