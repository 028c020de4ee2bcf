"""QGIS's authentication database: where the proxy's and the mirror's user name and password are
kept (an ``authcfg`` id in the settings, the secret encrypted by QGIS, never in clear in QGIS3.ini)."""

from __future__ import annotations


def basic_credentials(authcfg: str) -> tuple[str, str] | None:
    """(user, password) of a Basic authentication configuration, None when it cannot be read."""
    if not authcfg:
        return None
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    config = QgsAuthMethodConfig()
    loaded = QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True)
    if (loaded[0] if isinstance(loaded, tuple) else loaded) and config.config("username"):
        return config.config("username"), config.config("password")
    return None


def store_basic_credentials(name: str, user: str, password: str, authcfg: str = "") -> str:
    """Keep ``user`` and ``password`` in a Basic configuration (``authcfg`` updated when it is one);
    its id, or "" when the database cannot be used (disabled, master password refused)."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if manager.isDisabled() or not manager.setMasterPassword(True):
        return ""
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", user)
    config.setConfig("password", password)
    if authcfg and authcfg in manager.configIds():
        config.setId(authcfg)
        return authcfg if manager.updateAuthenticationConfig(config) else ""
    stored = manager.storeAuthenticationConfig(config)
    if isinstance(stored, tuple):  # (ok, the config with its new id) from the Python bindings
        return stored[1].id() if stored[0] else ""
    return config.id() if stored else ""
