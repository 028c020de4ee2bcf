"""A cartographer's day with the panel (issue 21 §3): unloading while a task runs, one summary at
the right level, the first start offline, the commune card's reasons, the map extent, the
catalogue's columns, mobile sites without a feature, a saved project moved with its layers."""

from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle, QgsTask

from tests.qgis.test_panel import load, plugin, wait_until  # noqa: F401 (plugin: the fixture)

ROOT = Path(__file__).resolve().parents[2]


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


def dead_url():
    """An http URL where nothing listens: a network that does not answer."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/mirror"


def test_the_first_start_offline_says_it_in_words_at_warning_level(
    anct_env, qgis_iface, qgis_new_project, monkeypatch, mirror_server
):
    import anct_qgis_plugin
    from anct_qgis_plugin.core import service

    mirror = dead_url()
    monkeypatch.setenv("ANCT_QGIS_MIRROR", mirror)
    qgis_iface.messageBar().clear_messages()
    loaded = anct_qgis_plugin.classFactory(qgis_iface)
    loaded.initGui()
    try:
        dock = loaded.dock
        dock.setFloating(True)
        dock.show()
        assert wait_until(lambda: not dock.tasks)
        assert dock.index is None
        bar = qgis_iface.messageBar()
        assert bar.get_messages(Qgis.MessageLevel.Critical) == []
        (warning,) = [m for m in bar.get_messages(Qgis.MessageLevel.Warning) if "territories" in m.lower()]
        for raw in ("HTTPConnectionPool", "NewConnectionError", "Max retries", "urllib3", "object at 0x"):
            assert raw not in warning and raw not in dock.territory_label.text()
        assert "127.0.0.1" in warning and "refused" in warning
        assert "proxy" in warning and "mirror" in warning and "Offline" in warning
        assert dock.retry_button.isVisible()
        monkeypatch.setenv("ANCT_QGIS_MIRROR", mirror_server.base_url)  # the network is back
        service._INDEX_MEMO.clear()
        dock.reload_settings()
        dock.retry_button.click()
        assert wait_until(lambda: dock.index is not None)
        assert not dock.retry_button.isVisible() and "unavailable" not in dock.territory_label.text()
    finally:
        loaded.unload()


def summaries(iface, level):
    return [m for m in iface.messageBar().get_messages(level) if "layers loaded" in m]


def test_the_panel_summary_is_not_covered_by_qgis_own_task_notice(plugin, qgis_iface):  # noqa: F811 (the fixture)
    """QGIS posts "Task complete: <description>" when a task's status becomes Complete, after the
    task's finished(): the panel's summary comes after it (or the task asks QGIS for silence)."""
    silent = getattr(QgsTask.Flag, "Silent", None)  # QGIS >= 3.26
    dock = plugin.dock
    at_notice = []

    def notice(_task_id, status):
        if status == QgsTask.TaskStatus.Complete:
            at_notice.append(len(summaries(qgis_iface, Qgis.MessageLevel.Info)))

    QgsApplication.taskManager().statusChanged.connect(notice)
    try:
        dock.choose_territory("36")
        dock.tree.set_checked(["communes"])
        dock.load_button.click()
        task = dock.load_task
        assert wait_until(lambda: dock.load_task is None and at_notice)
    finally:
        QgsApplication.taskManager().statusChanged.disconnect(notice)
    assert len(summaries(qgis_iface, Qgis.MessageLevel.Info)) == 1
    assert at_notice == [0] or (silent is not None and task.flags() & silent)


def test_the_summary_says_where_the_layers_came_from(plugin, qgis_iface, mirror_server):  # noqa: F811 (the fixture)
    dock = plugin.dock
    load(dock, "36", ["communes", "qpv"])
    (first,) = summaries(qgis_iface, Qgis.MessageLevel.Info)
    assert f"downloaded from the mirror {mirror_server.base_url}" in first
    qgis_iface.messageBar().clear_messages()
    load(dock, "36", ["communes", "qpv"])
    (second,) = summaries(qgis_iface, Qgis.MessageLevel.Info)
    assert "from the cache (copies from 0 min ago)" in second and "downloaded" not in second


def test_a_refresh_against_a_dead_mirror_warns_that_cached_copies_were_used(plugin, qgis_iface, monkeypatch):  # noqa: F811 (the fixture)
    dock = plugin.dock
    load(dock, "36", ["communes", "france_services"])
    qgis_iface.messageBar().clear_messages()
    monkeypatch.setenv("ANCT_QGIS_MIRROR", dead_url())
    dock.reload_settings()
    dock.tree.set_checked(["communes", "france_services"])
    dock.refresh_button.click()
    assert wait_until(lambda: dock.load_task is None)
    assert summaries(qgis_iface, Qgis.MessageLevel.Info) == []  # no blue "2 layers loaded"
    (text,) = summaries(qgis_iface, Qgis.MessageLevel.Warning)
    assert "Refresh failed, cached copy used" in text and "Communes" in text and "France services" in text
    assert "connection was refused" in text and "NewConnectionError" not in text


def test_a_file_missing_from_the_mirror_is_not_called_unpublished(plugin, qgis_iface, mirror_server):  # noqa: F811 (the fixture)
    mirror_server.add_fault("data.arcep.fr", "status", code=404)
    load(plugin.dock, "36", ["mobile_sites"])
    (text,) = summaries(qgis_iface, Qgis.MessageLevel.Warning)
    assert f"in the mirror {mirror_server.base_url}" in text and "has no copy" in text
    assert "is published" not in text


@pytest.mark.parametrize(
    "code, reason", [(500, "the server answered with an error (HTTP 500)"), (404, "the mirror has no copy of the file")]
)
def test_the_card_says_why_a_source_is_unavailable_in_words(plugin, mirror_server, code, reason):  # noqa: F811 (the fixture)
    mirror_server.add_fault("dispositif-villages-davenir", "status", code=code)
    dock = plugin.dock
    dock.show_card(code="36088")
    assert wait_until(lambda: dock.card_dialog is not None)
    text = dock.card_dialog.text.toPlainText()
    dock.card_dialog.close()
    (line,) = [row for row in text.splitlines() if row.startswith("Villages d'avenir")]
    assert line == f"Villages d'avenir: unavailable ({reason})"
    assert "http" not in text and "127.0.0.1" not in text and "/" not in line
    assert "Details of the unavailable sources in the ANCT log panel." in text


def test_the_field_follows_the_map_extent(plugin):  # noqa: F811 (the fixture)
    dock = plugin.dock
    dock.choose_territory("36")
    canvas = dock.iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(1.60, 46.75, 1.75, 46.85))
    dock.extent_button.click()
    assert wait_until(lambda: dock.territory is not None and dock.territory.kind == "extent")
    assert (
        dock.territory_edit.text() == "Map extent"
        and "Territory: Map extent — 3 communes" in dock.territory_label.text()
    )
    dock.territory_edit.returnPressed.emit()  # Enter in the field keeps the extent
    assert dock.territory.kind == "extent" and dock.load_button.isEnabled()


def test_every_catalogue_column_is_seen_at_the_panel_default_width(plugin):  # noqa: F811 (the fixture)
    dock = plugin.dock
    load(dock, "36", ["communes"])
    tree = dock.tree
    tree.resize(330, 400)  # a docked panel's width
    QgsApplication.processEvents()
    header, width = tree.header(), tree.viewport().width()
    assert header.sectionViewportPosition(4) + header.sectionSize(4) <= width  # the licence column is in view
    assert header.sectionSize(0) >= 0.4 * width - 1  # the names keep room
    assert all(header.sectionSize(column) >= 24 for column in range(5))
    for column in (1, 3):  # the date and the size are never cut
        assert header.sectionSize(column) >= tree.sizeHintForColumn(column)
    assert tree.items["communes"].toolTip(2).startswith("cached on")  # an elided text is whole in its tooltip


def test_a_layer_without_feature_is_not_counted_as_loaded(plugin, qgis_iface, mirror_server):  # noqa: F811 (the fixture)
    # Arcep's file in its shape, with one site only, in Cher: none in Indre.
    header, _first = (
        (ROOT / "tests/fixtures/mirror/data.arcep.fr/mobile/sites/2024_T2/2024_T2_sites_Metropole.csv")
        .read_text(encoding="latin-1")
        .splitlines()[:2]
    )
    cher = (
        "20801;Orange;00018001A1;;0180330101;655000;6665000;47.08;2.39;Centre-Val de Loire;Cher;18;Bourges;18033;"
        "1;1;1;1;2016_T1;0;0;0;1"
    )
    mirror_server.add_fault(
        "sites_Metropole.csv", "body", body=f"{header}\n{cher}\n".encode("latin-1"), content_type="text/csv"
    )
    load(plugin.dock, "36", ["mobile_sites", "communes"])
    (text,) = summaries(qgis_iface, Qgis.MessageLevel.Info)
    assert "Indre (36): 1 layers loaded (Communes (with population))" in text
    assert "Nothing in the source for this territory: Mobile sites" in text


def test_a_project_saved_after_loading_moves_with_its_folder(plugin, qgis_iface, tmp_path):  # noqa: F811 (the fixture)
    import shutil

    from qgis.core import QgsProject

    load(plugin.dock, "36", ["france_services", "communes"])  # before any save: the shared data folder
    project = QgsProject.instance()
    counts = {layer.metadata().identifier(): layer.featureCount() for layer in project.mapLayers().values()}
    folder_a = tmp_path / "A"
    folder_a.mkdir()
    assert project.write(str(folder_a / "indre.qgz"))
    assert all(layer.source().startswith(str(folder_a / "indre_anct.gpkg")) for layer in project.mapLayers().values())
    assert any("2 layers moved into" in m for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Info))
    project.clear()
    shutil.move(str(folder_a), str(tmp_path / "B"))
    reopened = QgsProject()
    assert reopened.read(str(tmp_path / "B" / "indre.qgz"))
    layers = list(reopened.mapLayers().values())
    assert layers and all(layer.isValid() for layer in layers), [layer.source() for layer in layers]
    assert {layer.metadata().identifier(): layer.featureCount() for layer in layers} == counts
    assert all(layer.source().startswith(str(tmp_path / "B")) for layer in layers), [lay.source() for lay in layers]
