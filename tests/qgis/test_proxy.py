"""The proxy configured in QGIS > Options > Network is the one requests uses.

The mirror base URL names a host that does not resolve: data can only arrive through the
loopback proxy, which forwards to the mirror server."""

import pytest
from loopback import ForwardProxy
from qgis.core import QgsSettings

from anct_qgis_plugin.core.travel.http import describe_proxy, qgis_proxies

PROXY_KEYS = (
    "proxy/proxyEnabled",
    "proxy/proxyType",
    "proxy/proxyHost",
    "proxy/proxyPort",
    "proxy/proxyUser",
    "proxy/proxyPassword",
    "proxy/proxyExcludedUrls",
    "proxy/authcfg",
    "proxy/noProxyUrls",
)


@pytest.fixture
def qgis_proxy(mirror_server):
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in PROXY_KEYS}

    def configure(proxy, user="", password=""):
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyType", "HttpProxy")
        settings.setValue("proxy/proxyHost", "127.0.0.1")
        settings.setValue("proxy/proxyPort", str(proxy.port))
        settings.setValue("proxy/proxyUser", user)
        settings.setValue("proxy/proxyPassword", password)
        settings.setValue("proxy/proxyExcludedUrls", "")

    yield configure
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_qgis_proxy_settings_are_honoured(anct_env, run_alg, mirror_server, qgis_proxy, monkeypatch):
    with ForwardProxy(mirror_server.address) as proxy:
        qgis_proxy(proxy)
        monkeypatch.setenv("ANCT_QGIS_MIRROR", "http://anct-mirror.test/")
        result = run_alg("anct:fetch_layer", {"LAYER": "france_services", "TERRITORY": "36", "OUTPUT": "memory:"})
        assert result["OUTPUT"].featureCount() == 7
        assert proxy.count("anct-mirror.test/www.data.gouv.fr") >= 2
        assert all(request.url.startswith("http://anct-mirror.test/") for request in proxy.requests)


def test_proxy_credentials_come_from_qgis(anct_env, run_alg, mirror_server, qgis_proxy, monkeypatch):
    with ForwardProxy(mirror_server.address, require_auth=("agent", "s3c:ret/@x")) as proxy:
        qgis_proxy(proxy, "agent", "s3c:ret/@x")
        monkeypatch.setenv("ANCT_QGIS_MIRROR", "http://anct-mirror.test/")
        result = run_alg("anct:fetch_layer", {"LAYER": "communes", "TERRITORY": "36", "OUTPUT": "memory:"})
        assert result["OUTPUT"].featureCount() == 6
        assert all(request.proxy_authorization for request in proxy.requests)


def test_proxy_disabled_or_system_means_environment(qgis_proxy, mirror_server):
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", False)
    assert qgis_proxies() is None
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "DefaultProxy")
    assert qgis_proxies() is None
    assert "HTTP(S)_PROXY" in describe_proxy()


def test_proxy_credentials_from_the_qgis_authentication_database(
    anct_env, run_alg, mirror_server, qgis_proxy, monkeypatch
):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if manager.isDisabled():
        pytest.skip("QGIS's authentication system is disabled here")
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("anct-test-master", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("ANCT proxy test")
    config.setConfig("username", "agent")
    config.setConfig("password", "s3c:ret/@x")
    stored = manager.storeAuthenticationConfig(config)
    assert stored[0] if isinstance(stored, tuple) else stored
    try:
        with ForwardProxy(mirror_server.address, require_auth=("agent", "s3c:ret/@x")) as proxy:
            qgis_proxy(proxy)  # no user or password in the settings: only the authcfg
            QgsSettings().setValue("proxy/authcfg", config.id())
            monkeypatch.setenv("ANCT_QGIS_MIRROR", "http://anct-mirror.test/")
            result = run_alg("anct:fetch_layer", {"LAYER": "villages_avenir", "TERRITORY": "36", "OUTPUT": "memory:"})
            assert result["OUTPUT"].featureCount() == 3
            assert proxy.requests and all(request.proxy_authorization for request in proxy.requests)
    finally:
        manager.removeAuthenticationConfig(config.id())


def test_the_qgis_no_proxy_list_is_honoured(qgis_proxy, mirror_server):
    from anct_qgis_plugin.core.travel.http import qgis_proxy_excluded

    with ForwardProxy(mirror_server.address) as proxy:
        qgis_proxy(proxy)
        settings = QgsSettings()
        settings.setValue("proxy/proxyExcludedUrls", "https://intranet.example")
        settings.setValue("proxy/noProxyUrls", "http://127.0.0.1|http://mirror.local")
        assert qgis_proxy_excluded() == ["https://intranet.example", "http://127.0.0.1", "http://mirror.local"]
