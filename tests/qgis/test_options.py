"""The options page: shows the settings and proxy status, applies them, purges the cache."""

from qgis.core import QgsSettings

from anct_qgis_plugin.core.travel.cache import Cache
from anct_qgis_plugin.core.travel.fetcher import Fetcher
from anct_qgis_plugin.core.travel.settings import GROUP, load_config
from anct_qgis_plugin.gui.options import AnctOptionsFactory


def test_options_page_applies_and_purges(anct_env, qgis_app, monkeypatch, tmp_path):
    Fetcher(load_config()).fetch("https://geo.api.gouv.fr/regions")
    applied = []
    factory = AnctOptionsFactory(lambda: applied.append(True))
    assert factory.title() == "ANCT Territoires"
    page = factory.createWidget(None)
    assert page.cache_dir.filePath() == str(anct_env)
    assert page.size_label.text() != "0 o"
    assert "proxy" in page.proxy_label.text().lower()
    page.purge_button.click()  # asked, not done: Cancel would keep the cache
    assert Cache(str(anct_env)).size_bytes() > 0
    cancelled = factory.createWidget(None)
    cancelled.purge_button.click()
    del cancelled  # closed with Cancel: nothing applied
    assert Cache(str(anct_env)).size_bytes() > 0
    monkeypatch.delenv("ANCT_QGIS_OFFLINE", raising=False)
    monkeypatch.delenv("ANCT_QGIS_TTL_HOURS", raising=False)
    page.ttl.setValue(12)
    page.offline.setChecked(True)
    page.arcep_quarter.setText(" 2024_t2 ")
    page.card_indicators.setText(" insee_rp_hist_1968.dens_pop, frr.codefrr ")
    page.apply()
    try:
        assert applied == [True] and Cache(str(anct_env)).entries() == []  # emptied on OK
        config = load_config()
        assert config.ttl_hours == 12 and config.offline and config.arcep_quarter == "2024_T2"
        assert config.card_indicators == "insee_rp_hist_1968.dens_pop, frr.codefrr"
    finally:
        QgsSettings().remove(f"{GROUP}/card/indicators")
        QgsSettings().remove(f"{GROUP}/sources/arcep_quarter")
        QgsSettings().remove(f"{GROUP}/storage/data_dir")
        QgsSettings().remove(f"{GROUP}/network/offline")
        QgsSettings().remove(f"{GROUP}/cache/ttl_hours")
        QgsSettings().remove(f"{GROUP}/cache/folder")
        QgsSettings().remove(f"{GROUP}/network/mirror")
