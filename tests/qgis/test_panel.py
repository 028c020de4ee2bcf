"""The ANCT panel driven through pytest-qgis: search, tick, load in the background, cancel,
errors, offline mode, the commune card, and a clean unload."""

import re
import time
from pathlib import Path

import pytest
from conftest import cache_files
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeedback,
    QgsLocatorContext,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QApplication

import anct_qgis_plugin
from anct_qgis_plugin.compat import locator_data


def wait_until(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not predicate():
        QgsApplication.processEvents()
        time.sleep(0.005)
    return predicate()


@pytest.fixture
def plugin(anct_env, qgis_iface, qgis_new_project):
    qgis_iface.messageBar().clear_messages()
    loaded = anct_qgis_plugin.classFactory(qgis_iface)
    loaded.initGui()
    qgis_iface.mainWindow().show()
    loaded.dock.setFloating(True)
    loaded.dock.show()
    assert wait_until(lambda: loaded.dock.index is not None)
    yield loaded
    if loaded.dock is not None:
        loaded.unload()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def messages(iface, level):
    return iface.messageBar().get_messages(level)


def load(dock, territory, layer_ids):
    dock.choose_territory(territory)
    dock.tree.set_checked(layer_ids)
    dock.load_button.click()
    assert wait_until(lambda: dock.load_task is None)


def test_search_as_you_type_accent_and_case_insensitive(plugin):
    dock = plugin.dock
    dock._suggest("chateauroux")
    suggestions = dock.completer_model.stringList()
    assert "Châteauroux — commune 36044" in suggestions
    assert any("243600327" in s for s in suggestions)
    dock.choose_territory("Châteauroux — commune 36044")
    assert dock.territory.code == "36044" and "Châteauroux" in dock.territory_label.text()
    dock.choose_territory("Châteauroux Métropole")
    assert dock.territory.kind == "epci"


def test_the_completer_shows_what_the_index_suggests_without_accents(plugin):
    dock = plugin.dock
    dock._suggest("chateauroux")
    completer = dock.territory_edit.completer()
    completer.setCompletionPrefix("chateauroux")  # what the user typed, accents left out
    assert completer.completionCount() == len(dock.completer_model.stringList()) > 0


def test_unknown_territory_goes_to_the_message_bar(plugin, qgis_iface):
    plugin.dock.choose_territory("36")
    plugin.dock.choose_territory("99999")
    assert any("Unknown territory" in m for m in messages(qgis_iface, Qgis.MessageLevel.Warning))
    # the label and Load no longer point at Indre
    assert plugin.dock.territory is None and not plugin.dock.load_button.isEnabled()
    assert "Unknown territory" in plugin.dock.territory_label.text()


def test_text_typed_while_territories_load_is_kept(plugin):
    class LoadedIndex:
        def __init__(self, index):
            self.index, self.error = index, ""

    dock = plugin.dock
    dock.choose_territory("36")
    dock.save_state()  # Indre is remembered
    index, dock.index = dock.index, None
    dock.territory_edit.setText("issoud")
    dock._index_loaded(LoadedIndex(index), True)
    assert dock.territory_edit.text() == "issoud" and any("Issoudun" in s for s in dock.completer_model.stringList())


def test_load_styled_layers_into_a_territory_group(plugin, qgis_iface, mirror_server):
    dock = plugin.dock
    load(dock, "36", ["france_services", "qpv", "communes"])
    group = QgsProject.instance().layerTreeRoot().findGroup("Indre (36)")
    assert group is not None
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == 3
    assert layers[0].metadata().identifier() == "anct:france_services"  # points on top
    ids = {layer.metadata().identifier() for layer in layers}
    assert ids == {"anct:france_services", "anct:qpv", "anct:communes"}
    assert all("Licence Ouverte" in layer.metadata().licenses()[0] for layer in layers)
    assert "cached" in dock.tree.items["france_services"].text(2)
    assert dock.tree.items["france_services"].text(1) == "2024-08-01"
    # Loading again reuses the cache and replaces the layers instead of duplicating them.
    before = mirror_server.count()
    load(dock, "36", ["france_services", "qpv", "communes"])
    assert mirror_server.count() == before
    assert len(group.findLayers()) == 3


def test_event_loop_keeps_running_during_a_slow_download(plugin, mirror_server):
    dock = plugin.dock
    mirror_server.add_fault("datasets/r/", "slow", chunk=64, pause=0.03)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(dock.load_task is not None))
    timer.start(10)
    dock.choose_territory("36")
    dock.tree.set_checked(["france_services"])
    started = time.monotonic()
    dock.load_button.click()
    returned_after = time.monotonic() - started
    assert dock.load_task is not None  # still downloading when the click returned
    assert wait_until(lambda: dock.load_task is None)
    timer.stop()
    assert returned_after < 0.5
    assert sum(ticks) >= 20, "the event loop stalled while the layer was downloading"


def test_cancel_half_way_adds_nothing_and_keeps_the_cache(plugin, qgis_iface, mirror_server, anct_env):
    dock = plugin.dock
    mirror_server.add_fault("datasets/r/", "slow", chunk=32, pause=0.05)
    dock.choose_territory("36")
    dock.tree.set_checked(["france_services"])
    dock.load_button.click()
    assert dock.cancel_button.isEnabled()
    assert wait_until(lambda: mirror_server.count("datasets/r/") > 0)
    dock.cancel_button.click()
    assert wait_until(lambda: dock.load_task is None)
    assert QgsProject.instance().mapLayers() == {}
    assert not [name for name in cache_files(anct_env) if ".part-" in name]
    assert dock.tree.items["france_services"].text(2) == "not cached"
    assert dock.load_button.isEnabled() and not dock.cancel_button.isEnabled()


def test_http_error_is_reported_and_other_layers_still_load(plugin, qgis_iface, mirror_server):
    mirror_server.add_fault("liste-va-com2024", "status", code=500)
    mirror_server.add_fault("datasets/r/", "status", code=500)
    dock = plugin.dock
    load(dock, "36", ["villages_avenir", "communes"])
    summary = [m for m in messages(qgis_iface, Qgis.MessageLevel.Warning) if "Unavailable" in m]
    assert len(summary) == 1  # one message for the whole load, with titles, not ids
    assert "Villages d'avenir" in summary[0] and "HTTP 500" in summary[0] and "villages_avenir" not in summary[0]
    assert [layer.metadata().identifier() for layer in QgsProject.instance().mapLayers().values()] == ["anct:communes"]
    assert dock.retry_button.isVisible()
    mirror_server.clear_faults()
    dock.retry_button.click()  # the fault is gone: Retry loads what was missing
    assert wait_until(lambda: dock.load_task is None)
    loaded = {layer.metadata().identifier() for layer in QgsProject.instance().mapLayers().values()}
    assert loaded == {"anct:communes", "anct:villages_avenir"} and not dock.retry_button.isVisible()


def test_progress_says_which_layer_and_never_goes_back(plugin, mirror_server):
    dock = plugin.dock
    dock.choose_territory("reg:24")
    dock.tree.set_checked(["communes", "epci", "france_services"])
    seen, texts = [], []
    dock.load_button.click()
    dock.load_task.progressChanged.connect(seen.append)
    dock.load_task.step.connect(texts.append)
    assert wait_until(lambda: dock.load_task is None)
    assert seen == sorted(seen) and seen[-1] == 100
    # The task may report "1/3" before this test is listening: what is seen goes 1, 2, 3 in order.
    numbers = [int(text.split("/")[0]) for text in texts]
    assert numbers == sorted(numbers)
    assert dock.progress.format().startswith("3/3 — ")  # the panel listened from the start: it showed 3/3 last


def test_offline_toggle(plugin, qgis_iface, mirror_server):
    dock = plugin.dock
    load(dock, "36", ["communes"])
    dock.offline_box.setChecked(True)
    assert dock.data.config.offline
    assert dock.tree.items["communes"].text(2).startswith("offline")
    before = mirror_server.count()
    load(dock, "36", ["communes", "france_services"])
    assert mirror_server.count() == before
    assert any("France services" in m and "Offline" in m for m in messages(qgis_iface, Qgis.MessageLevel.Warning))
    dock.offline_box.setChecked(False)
    assert not dock.data.config.offline


def test_refresh_makes_a_conditional_request_and_purge_empties(plugin, mirror_server):
    dock = plugin.dock
    load(dock, "36", ["france_services"])
    before = mirror_server.count("datasets/r/")
    dock.tree.set_checked(["france_services"])
    dock.refresh_button.click()
    assert wait_until(lambda: dock.load_task is None)
    # The dataset document is asked again; the file is skipped (same checksum) or revalidated.
    assert mirror_server.count("liste-des-structures-labellisees-france-services") >= 2
    assert mirror_server.count("datasets/r/") <= before + 1
    asked = []
    dock.confirm = lambda question: asked.append(question) or False  # the user says no
    dock.purge_button.click()
    assert asked and "France services" in asked[0] and dock.tree.items["france_services"].text(2) != "not cached"
    dock.confirm = lambda question: True
    dock.purge_button.click()
    assert dock.tree.items["france_services"].text(2) == "not cached"


def test_purge_never_removes_what_another_layer_uses(plugin):
    dock = plugin.dock
    load(dock, "36", ["qpv", "communes", "villages_avenir"])
    dock.confirm = lambda question: True
    dock.tree.set_checked(["villages_avenir"])  # reads the commune outlines too
    dock.purge_button.click()
    assert dock.tree.items["villages_avenir"].text(2) == "not cached"
    assert dock.tree.items["communes"].text(2) != "not cached"  # the outlines the communes layer reads stay
    dock.tree.set_checked(["qpv"])
    dock.purge_button.click()
    from anct_qgis_plugin.core.published.catalogue import QPV_LIST

    assert dock.data.fetcher.cache.lookup(QPV_LIST.locator.api_url) is not None  # the QPV list's document stays


def test_map_extent_territory(plugin, qgis_iface):
    dock = plugin.dock
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(1.60, 46.75, 1.75, 46.85))  # Châteauroux and neighbours
    dock.extent_button.click()
    assert wait_until(lambda: dock.territory is not None and dock.territory.kind == "extent")
    assert dock.territory.commune_codes == {"36044", "36063", "36202"}


def test_commune_card_from_the_locator_and_copy(plugin, qgis_iface):
    locator = plugin.locator
    results = []
    locator.resultFetched.connect(results.append)
    locator.fetchResults("issoudun", QgsLocatorContext(), QgsFeedback())
    assert results and locator_data(results[0]) == "commune:36088"
    locator.triggerResult(results[0])
    assert wait_until(lambda: plugin.dock.card_dialog is not None)
    text = plugin.dock.card_dialog.card.as_text()
    assert "Issoudun (36088)" in text
    assert "QN03604I" in text and "ACV103" in text and "ti-2401" in text and "ti-2403" in text
    plugin.dock.card_dialog.copy_button.click()
    assert QApplication.clipboard().text() == text
    plugin.dock.card_dialog.close()


def test_commune_card_from_a_map_click(plugin):
    tool = plugin.map_tool
    tool.canvas().setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    tool.canvas().setExtent(QgsRectangle(1.6, 46.7, 1.8, 46.9))
    tool._clicked(QgsPointXY(1.69, 46.80), None)
    assert wait_until(lambda: plugin.dock.card_dialog is not None)
    assert plugin.dock.card_dialog.card.code == "36044"


def test_unload_leaves_nothing(anct_env, qgis_iface, qgis_new_project):
    loaded = anct_qgis_plugin.classFactory(qgis_iface)
    loaded.initGui()
    locator, options, dock = loaded.locator, loaded.options, loaded.dock
    qgis_iface.registerLocatorFilter.assert_called_with(locator)
    qgis_iface.registerOptionsWidgetFactory.assert_called_with(options)
    loaded.unload()
    qgis_iface.deregisterLocatorFilter.assert_called_with(locator)
    qgis_iface.unregisterOptionsWidgetFactory.assert_called_with(options)
    assert loaded.dock is None and loaded.actions == [] and loaded.provider is None
    assert QgsApplication.processingRegistry().providerById("anct") is None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sip.isdeleted(dock)


def test_a_saved_project_reopens_with_its_layers(plugin, tmp_path):
    dock = plugin.dock
    load(dock, "36", ["france_services", "communes", "villages_avenir"])
    project = QgsProject.instance()
    counts = {layer.metadata().identifier(): layer.featureCount() for layer in project.mapLayers().values()}
    assert counts == {"anct:france_services": 7, "anct:communes": 6, "anct:villages_avenir": 3}
    assert all(layer.providerType() == "ogr" for layer in project.mapLayers().values())  # not memory layers
    path = tmp_path / "work" / "indre.qgz"
    path.parent.mkdir()
    assert project.write(str(path))
    reopened = QgsProject()
    assert reopened.read(str(path))
    assert {layer.metadata().identifier(): layer.featureCount() for layer in reopened.mapLayers().values()} == counts
    assert all(layer.isValid() for layer in reopened.mapLayers().values())
    load(dock, "36", ["villages_avenir"])  # the project is saved now: its layers go beside it
    assert (tmp_path / "work" / "indre_anct.gpkg").exists()


def test_layers_are_ready_to_query(plugin):
    dock = plugin.dock
    load(
        dock, "36", ["territoires_industrie", "villages_avenir", "action_coeur_de_ville", "france_services", "communes"]
    )
    group = QgsProject.instance().layerTreeRoot().findGroup("Indre (36)")
    order = [node.layer().metadata().identifier() for node in group.findLayers()]
    assert order == [
        "anct:france_services",
        "anct:action_coeur_de_ville",
        "anct:villages_avenir",
        "anct:territoires_industrie",
        "anct:communes",
    ]  # small programmes above large ones
    assert all(node.customProperty("showFeatureCount") for node in group.findLayers())
    sites = group.findLayers()[0].layer()
    assert sites.displayExpression() == '"lib_fs"' and "adresse" in sites.mapTipTemplate()
    assert sites.attributeDisplayName(sites.fields().indexOf("lib_fs")) in ("Nom du site", "Site name")
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    feature = next(sites.getFeatures())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(sites))
    context.setFeature(feature)
    assert QgsExpression(sites.displayExpression()).evaluate(context) == feature["lib_fs"]


def test_cancel_reaches_the_layer_being_built(plugin):
    from anct_qgis_plugin.gui.tasks import LoadLayersTask

    task = LoadLayersTask(plugin.dock.data, plugin.dock.data.resolve_territory("36"), ["communes"], lambda *a: None)
    task.cancel()  # from the main thread, as the panel and unload do
    assert task.layer_feedback.isCanceled()


def test_the_help_button_points_at_the_french_user_guide(plugin):
    url = plugin.dock.guide_url()
    assert url.toString().endswith("guide-utilisateur.md")
    assert url.isLocalFile() and Path(url.toLocalFile()).read_text(encoding="utf-8").startswith("#")


def test_save_the_territory_pack_from_the_panel(plugin, qgis_iface, tmp_path):
    import sqlite3

    dock = plugin.dock
    dock.choose_territory("36")
    dock.tree.set_checked(["france_services", "communes"])
    dock.save_pack(str(tmp_path / "indre.gpkg"))
    assert wait_until(lambda: dock.pack_task is None)
    with sqlite3.connect(tmp_path / "indre.gpkg") as db:
        tables = {row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")}
    assert {"france_services", "communes", "anct_sources"} <= tables
    assert any("Territory pack saved" in m for m in messages(qgis_iface, Qgis.MessageLevel.Info))


def formats_while_loading(dock, territory, layer_ids):
    """Every text the progress bar showed during a load, looked at between events."""
    dock.choose_territory(territory)
    dock.tree.set_checked(layer_ids)
    dock.load_button.click()
    shown = []
    assert wait_until(
        lambda: shown.append((dock.load_task is not None, dock.progress.format())) or dock.load_task is None
    )
    return [text for loading, text in dict.fromkeys(shown) if loading]


@pytest.mark.parametrize("fault, size", [("slow", r"\d\.\d/2\.1 kB"), ("no_length", r"\d\.\d kB")])
def test_progress_tells_the_size_of_the_current_download(plugin, mirror_server, fault, size):
    # The communes' outlines come slowly (or without their size) from the loopback server. The
    # bar is looked at between events: it shows part of the file or all of it, as the machine goes.
    mirror_server.add_fault("codeDepartement=36", fault, chunk=256, pause=0.1)
    shown = formats_while_loading(plugin.dock, "36", ["communes"])
    wanted = re.compile(rf"1/1 — Communes \(with population\) \({size}\) — %p %")
    assert any(wanted.fullmatch(text) for text in shown), shown


def test_progress_sizes_are_in_french_units_in_french(french_ui, plugin, mirror_server):
    mirror_server.add_fault("codeDepartement=36", "slow", chunk=256, pause=0.1)
    shown = formats_while_loading(plugin.dock, "36", ["communes"])
    assert any(re.fullmatch(r"1/1 — .* \(\d[.,]\d/2[.,]1 ko\) — %p %", text) for text in shown), shown


def test_sizes_read_as_the_issue_writes_them():
    from anct_qgis_plugin.gui.sizes import human_size, transfer_size

    assert transfer_size(1.2 * 2**20, 2 * 2**20) == "1.2/2.0 MB"  # "1.2/2.0 Mo" in French
    assert transfer_size(5000) == "4.9 kB" and human_size(512) == "512 B"
    assert transfer_size(3 * 2**20, 2 * 2**20) == "2.0/2.0 MB"  # never more than the whole


def test_the_country_counts_the_communes_the_index_knows(plugin):
    dock = plugin.dock
    dock.choose_territory("FR")
    assert dock.territory.is_country and dock.index.communes
    assert f"— {len(dock.index.communes)} communes" in dock.territory_label.text()
