"""The locator as QGIS shows it: results sorted by QGIS's own model and proxy (filter, score, then
name), the exact name first, and what Enter does said beside each result."""

import pytest
from qgis.core import QgsFeedback, QgsLocator, QgsLocatorContext, QgsLocatorModel, QgsLocatorProxyModel

from anct_qgis_plugin.compat import locator_data
from anct_qgis_plugin.core import service
from anct_qgis_plugin.core.service import AnctData
from anct_qgis_plugin.core.travel.settings import load_config
from anct_qgis_plugin.gui.locator import AnctLocatorFilter


def shown(index, text):
    """The results' display strings in the order QGIS's locator list shows them."""
    from qgis.PyQt.QtCore import QCoreApplication, QThread

    locator = QgsLocator()
    locator.registerFilter(AnctLocatorFilter(lambda: index, lambda code: None, lambda code: None))
    model = QgsLocatorModel()
    proxy = QgsLocatorProxyModel()
    proxy.setSourceModel(model)
    locator.foundResult.connect(model.addResult)
    locator.fetchResults(text, QgsLocatorContext())
    for _ in range(500):
        QCoreApplication.processEvents()
        if not locator.isRunning():
            break
        QThread.msleep(10)
    QCoreApplication.processEvents()
    rows = [proxy.data(proxy.index(row, 0)) for row in range(proxy.rowCount())]
    return [row for row in rows if row and row.endswith(")")]  # not the filter's group header


@pytest.fixture
def fixture_index(anct_env, qgis_app):
    return AnctData().territory_index()


def test_the_commune_comes_before_the_epci_that_bears_its_name(fixture_index):
    rows = shown(fixture_index, "anct issoudun")
    assert rows[0] == "Issoudun (36088)" and any(row.startswith("CC du Pays d'Issoudun") for row in rows[1:])


def test_a_territory_result_says_it_changes_the_panel(fixture_index):
    found = []
    locator_filter = AnctLocatorFilter(lambda: fixture_index, lambda code: None, lambda code: None)
    locator_filter.resultFetched.connect(found.append)
    locator_filter.fetchResults("issoudun", QgsLocatorContext(), QgsFeedback())
    descriptions = {locator_data(result).split(":")[0]: result.description for result in found}
    assert descriptions["commune"] == "commune — open its card"
    assert "set as the panel's territory" in descriptions["epci"]


def test_le_blanc_before_la_chapelle_blanche_on_the_real_communes(shared_mirror, tmp_path, qgis_app):
    service._INDEX_MEMO.clear()
    data = AnctData(load_config(cache_dir=str(tmp_path / "cache"), mirror=str(shared_mirror)), "fr")
    rows = shown(data.territory_index(), "anct le blanc")
    service._INDEX_MEMO.clear()
    assert rows[0] == "Le Blanc (36018)"
    assert any(row.startswith("La Chapelle-Blanche") for row in rows)


def test_enter_acts_on_a_copy_of_the_result_as_qgis_passes_it(fixture_index):
    """QGIS hands triggerResult a C++ copy of the result: its data must survive (since QGIS 3.40 the
    data is set with setUserData, a plain attribute would be lost)."""
    from qgis.core import QgsLocatorResult

    opened, territories, found = [], [], []
    locator_filter = AnctLocatorFilter(lambda: fixture_index, opened.append, territories.append)
    locator_filter.resultFetched.connect(found.append)
    locator_filter.fetchResults("issoudun", QgsLocatorContext(), QgsFeedback())
    for result in found:
        locator_filter.triggerResult(QgsLocatorResult(result))
    assert opened == ["36088"] and territories == ["243600236"]
