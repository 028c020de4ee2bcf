"""The plugin's settings: one QgsSettings group, each key overridable by an ANCT_QGIS_* variable.

The settings-tree API only exists from QGIS 3.30, so plain QgsSettings keys are used.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

from qgis.core import QgsApplication, QgsMessageLog, QgsSettings
from qgis.PyQt.QtCore import QLocale

from ...compat import MESSAGE_WARNING
from ..i18n import tr
from ..secrets import shown

GROUP = "anct_qgis_plugin"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    env: str
    default: str | float | bool
    kind: type
    minimum: float | None = None  # a number below is refused (the default is used, and logged)
    exclusive: bool = False  # the minimum itself is refused too (a time-out of 0 s)


SPECS = {
    "cache_dir": SettingSpec("cache/folder", "ANCT_QGIS_CACHE_DIR", "", str),
    "ttl_hours": SettingSpec("cache/ttl_hours", "ANCT_QGIS_TTL_HOURS", 24.0 * 7, float, 0),
    "offline": SettingSpec("network/offline", "ANCT_QGIS_OFFLINE", False, bool),
    "mirror": SettingSpec("network/mirror", "ANCT_QGIS_MIRROR", "", str),
    # The id of the mirror's user name and password in QGIS's authentication database.
    "mirror_authcfg": SettingSpec("network/mirror_authcfg", "ANCT_QGIS_MIRROR_AUTHCFG", "", str),
    "timeout_s": SettingSpec("network/timeout_s", "ANCT_QGIS_TIMEOUT", 60.0, float, 0, exclusive=True),
    "retries": SettingSpec("network/retries", "ANCT_QGIS_RETRIES", 3, int, 0),
    "max_retry_wait_s": SettingSpec("network/max_retry_wait_s", "ANCT_QGIS_MAX_RETRY_WAIT", 30.0, float, 0),
    # The longest a download may take, and the largest a file may be once decompressed.
    "deadline_s": SettingSpec("network/deadline_s", "ANCT_QGIS_DEADLINE", 900.0, float, 0, exclusive=True),
    "max_download_mb": SettingSpec(
        "network/max_download_mb", "ANCT_QGIS_MAX_DOWNLOAD_MB", 2048.0, float, 0, exclusive=True
    ),
    # Where the panel keeps the layers it loads when the project is not saved yet (empty: Documents).
    "data_dir": SettingSpec("storage/data_dir", "ANCT_QGIS_DATA_DIR", "", str),
    # Arcep's quarterly site list: empty = the newest quarter published, else e.g. 2024_T2.
    "arcep_quarter": SettingSpec("sources/arcep_quarter", "ANCT_QGIS_ARCEP_QUARTER", "", str),
    # Observatoire des territoires ids the commune card shows (dataset.indic, separated by commas or spaces).
    "card_indicators": SettingSpec("card/indicators", "ANCT_QGIS_CARD_INDICATORS", "", str),
}


@dataclass(frozen=True)
class Config:
    """A snapshot of the settings, safe to hand to a worker thread."""

    cache_dir: str
    ttl_hours: float
    offline: bool
    mirror: str
    timeout_s: float
    retries: int
    max_retry_wait_s: float
    deadline_s: float = 900.0
    max_download_mb: float = 2048.0
    data_dir: str = ""
    arcep_quarter: str = ""
    mirror_authcfg: str = ""
    card_indicators: str = ""


def _convert(value: object, spec: SettingSpec) -> str | float | bool:
    """The value as ``spec.kind``; ValueError when it is not one or is out of range."""
    if spec.kind is bool:
        return str(value).strip().lower() in ("1", "true", "yes", "on")
    converted = spec.kind(value)
    if spec.minimum is not None and (
        not math.isfinite(converted) or converted < spec.minimum or (spec.exclusive and converted == spec.minimum)
    ):
        raise ValueError(converted)
    return converted


def _expected(spec: SettingSpec) -> str:
    if spec.kind is int:
        return tr("a whole number of at least {minimum:g}").format(minimum=spec.minimum or 0)
    if spec.exclusive:
        return tr("a number greater than {minimum:g}").format(minimum=spec.minimum)
    return tr("a number of at least {minimum:g}").format(minimum=spec.minimum or 0)


def _refused(name: str, value: object, spec: SettingSpec) -> str | float | bool:
    """Log why ``value`` is not used, return the default."""
    QgsMessageLog.logMessage(
        shown(
            tr("{name}={value} is refused: {expected} is expected. The default {default} is used.").format(
                name=name, value=value, expected=_expected(spec), default=spec.default
            )
        ),
        "ANCT",
        MESSAGE_WARNING,
    )
    return spec.default


def default_data_dir() -> str:
    """Documents/ANCT Territoires: a folder the user sees and backs up (not QGIS's profile)."""
    from qgis.PyQt.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return os.path.join(documents or os.path.expanduser("~"), "ANCT Territoires")


def default_cache_dir() -> str:
    return os.path.join(QgsApplication.qgisSettingsDirPath(), GROUP, "cache")


def read_setting(name: str) -> str | float | bool:
    """Environment first (batch runs, CI, corporate deployment), then QgsSettings, then default."""
    spec = SPECS[name]
    if os.environ.get(spec.env, "") != "":
        try:
            return _convert(os.environ[spec.env], spec)
        except (TypeError, ValueError):
            return _refused(spec.env, os.environ[spec.env], spec)
    value = QgsSettings().value(f"{GROUP}/{spec.key}", spec.default)
    try:
        return _convert(value, spec) if value not in (None, "") else spec.default
    except (TypeError, ValueError):
        return _refused(f"{GROUP}/{spec.key}", value, spec)


def write_setting(name: str, value: str | float | bool) -> None:
    QgsSettings().setValue(f"{GROUP}/{SPECS[name].key}", value)


def overridden_by_environment(name: str) -> bool:
    return os.environ.get(SPECS[name].env, "") != ""


def load_config(**overrides: str | float | bool) -> Config:
    values: dict[str, Any] = {name: read_setting(name) for name in SPECS}  # each of its kind
    values.update(overrides)
    if not values["cache_dir"]:
        values["cache_dir"] = default_cache_dir()
    return Config(**values)


def ui_language() -> str:
    """'fr' or 'en', following QGIS's locale (French for any French locale)."""
    app = QgsApplication.instance()
    name = app.translation() if app is not None and hasattr(app, "translation") else ""
    if name in ("", "C"):
        settings = QgsSettings()
        overridden = str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1")
        name = (settings.value("locale/userLocale", "") if overridden else "") or QLocale.system().name()
    return "fr" if str(name).lower().startswith("fr") else "en"
