"""The panel's theme "Indicators — Observatoire des territoires": the curated indicators listed with their
label, unit and theme; one loaded in the background for the chosen territory at the level the user picks
(the core call of anct:fetch_indicator), styled and described; its errors in the panel's messages."""

from qgis.core import Qgis, QgsProject, QgsRuleBasedRenderer

from anct_qgis_plugin.core.published.observatoire_indicators import CURATED
from tests.qgis.test_panel import messages, plugin, wait_until  # noqa: F401 (plugin: the fixture)

DENSITY = "insee_rp_hist_1968.dens_pop"


def plain(value):
    """NULL as None (a QVariant under PyQt5)."""
    return value if isinstance(value, (int, float, str)) else None


def indicator_theme(tree):
    themes = [tree.topLevelItem(index) for index in range(tree.topLevelItemCount())]
    return next(theme for theme in themes if "Observatoire des territoires" in theme.text(0))


def load_indicator(dock, territory, indicator_id, level):
    dock.choose_territory(territory)
    dock.tree.clearSelection()
    dock.tree.indicators[indicator_id].setSelected(True)
    dock.level_combo.setCurrentIndex(dock.level_combo.findData(level))
    dock.indicator_button.click()
    assert wait_until(lambda: dock.load_task is None)


def indicator_layers():
    return {
        layer.metadata().identifier(): layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.metadata().identifier().startswith("anct:observatoire:")
    }


def test_the_theme_lists_the_curated_indicators_with_label_unit_and_theme(plugin):  # noqa: F811 (the fixture)
    tree = plugin.dock.tree
    theme = indicator_theme(tree)
    assert theme.text(0) == "Indicators — Observatoire des territoires"
    children = [theme.child(index) for index in range(theme.childCount())]
    assert [tree.indicators[entry.id] for entry in CURATED] == children
    density = tree.indicators[DENSITY]
    assert density.text(0) == "Population density"
    assert density.toolTip(0).splitlines()[:3] == [
        f"{DENSITY} — Population density",
        "Unit: inhabitants per km²",
        "Theme: Demography",
    ]
    assert DENSITY not in tree.checked_ids()  # picked for a level, not ticked with the layers
    # The level row appears when an indicator is selected, and offers every level of anct:fetch_indicator.
    assert not plugin.dock.indicator_row.isVisibleTo(plugin.dock)
    density.setSelected(True)
    assert plugin.dock.indicator_row.isVisibleTo(plugin.dock)
    combo = plugin.dock.level_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["communes", "epci", "departements", "regions"]
    tree.apply_filter("unemployment")  # found by its label
    assert not tree.indicators["indic_sex_rp.tx_chom1564"].isHidden() and density.isHidden()


def test_labels_and_theme_in_french(french_ui, plugin):  # noqa: F811 (the fixture)
    tree = plugin.dock.tree
    assert indicator_theme(tree).text(0) == "Indicateurs — Observatoire des territoires"
    assert tree.indicators[DENSITY].text(0) == "Densité de population"
    assert "Unité : habitants au km²" in tree.indicators[DENSITY].toolTip(0)
    assert plugin.dock.level_combo.itemText(2) == "Départements"


def test_an_indicator_by_departement_then_by_commune(plugin, qgis_iface, mirror_server):  # noqa: F811
    dock = plugin.dock
    load_indicator(dock, "36", DENSITY, "departements")
    layers = indicator_layers()
    by_departement = layers[f"anct:observatoire:{DENSITY}:departements"]
    values = {f["code"]: (plain(f["dens_pop"]), plain(f["year"])) for f in by_departement.getFeatures()}
    assert values == {"36": (31.93, "2022")}  # the Observatoire's own figure for Indre
    assert by_departement.name() == "Population density (inhabitants per km²), 2022 — Departments"
    # Drawn as the algorithm draws it, with an n.d. class; described as every catalogue layer.
    renderer = by_departement.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    assert renderer.rootRule().children()[-1].label() == "n.d."
    metadata = by_departement.metadata()
    assert "Licence Ouverte" in metadata.licenses()[0] and DENSITY in metadata.abstract()
    assert any("nivgeo=dep" in link.url for link in metadata.links())
    assert any(line.startswith("Source date:") for line in metadata.history())
    # Info, or Warning when rows of the answer match no place (départements the fixture's index lacks).
    shown = messages(qgis_iface, Qgis.MessageLevel.Info) + messages(qgis_iface, Qgis.MessageLevel.Warning)
    assert any("Population density (inhabitants per km²), 2022: 1 places of Indre (36)" in m for m in shown), shown

    load_indicator(dock, "36", DENSITY, "communes")
    layers = indicator_layers()
    assert set(layers) == {f"anct:observatoire:{DENSITY}:departements", f"anct:observatoire:{DENSITY}:communes"}
    by_commune = layers[f"anct:observatoire:{DENSITY}:communes"]
    group = QgsProject.instance().layerTreeRoot().findGroup("Indre (36)")
    assert {node.layer().id() for node in group.findLayers()} == {by_commune.id(), by_departement.id()}
    values = {f["code"]: plain(f["dens_pop"]) for f in by_commune.getFeatures()}
    assert values["36044"] == 1650.6 and values["36001"] == 19.8
    assert values["36202"] is None  # Saint-Maur's own row is empty: n.d., never 0
    labels = [rule.label() for rule in by_commune.renderer().rootRule().children()]
    assert "Jenks" in labels[0] and labels[-1] == "n.d."
    assert by_commune.name() == "Population density (inhabitants per km²), 2022 — Communes"
    # Loading again replaces the layer of that level, from the cache.
    before = mirror_server.count("dens_pop")
    load_indicator(dock, "36", DENSITY, "communes")
    assert len(indicator_layers()) == 2 and mirror_server.count("dens_pop") == before


def test_an_indicator_the_observatoire_does_not_know_at_a_level_is_said(plugin, qgis_iface, mirror_server):  # noqa: F811
    mirror_server.add_fault(
        "indic=tx_chom1564",
        "status",
        code=500,
        body="<!DOCTYPE html><html>500 - Internal Server Error</html>",
        content_type="text/html",
    )
    load_indicator(plugin.dock, "reg:24", "indic_sex_rp.tx_chom1564", "regions")
    shown = messages(qgis_iface, Qgis.MessageLevel.Critical)
    assert any("does not know indic_sex_rp.tx_chom1564 at this level (regions, nivgeo=reg)" in m for m in shown)
    assert indicator_layers() == {}
    assert plugin.dock.indicator_button.isEnabled()


def test_offline_without_a_cached_copy_is_said_in_french(french_ui, plugin, qgis_iface):  # noqa: F811
    plugin.dock.offline_box.setChecked(True)
    try:
        load_indicator(plugin.dock, "36", "frr.codefrr", "communes")
    finally:
        plugin.dock.offline_box.setChecked(False)  # a setting: the next tests are online
    shown = messages(qgis_iface, Qgis.MessageLevel.Critical)
    assert any("Mode hors ligne : aucune copie en cache" in m and "indic=codefrr" in m for m in shown), shown
    assert indicator_layers() == {}


def test_cancel_adds_nothing(plugin, mirror_server):  # noqa: F811
    dock = plugin.dock
    mirror_server.add_fault("GC_API_download", "slow", chunk=16, pause=0.05)
    dock.choose_territory("36")
    dock.tree.indicators[DENSITY].setSelected(True)
    dock.indicator_button.click()
    assert dock.cancel_button.isEnabled() and dock.progress.isVisible()
    assert wait_until(lambda: mirror_server.count("GC_API_download") > 0)
    dock.cancel_button.click()
    assert wait_until(lambda: dock.load_task is None)
    assert indicator_layers() == {} and dock.indicator_button.isEnabled()


def test_the_level_chosen_is_remembered(plugin):  # noqa: F811
    load_indicator(plugin.dock, "36", DENSITY, "departements")
    plugin.dock.level_combo.setCurrentIndex(0)
    plugin.dock._restore()
    assert plugin.dock.level_combo.currentData() == "departements"
