"""The plugin's page in Settings > Options: cache, time-to-live, offline, mirror, proxy status."""

from urllib.parse import urlsplit

from qgis.core import QgsMessageLog
from qgis.gui import QgsAuthConfigSelect, QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..compat import MESSAGE_WARNING
from ..core.errors import AnctError
from ..core.published.observatoire_indicators import CURATED
from ..core.travel.auth import store_basic_credentials
from ..core.travel.cache import Cache
from ..core.travel.http import describe_proxy
from ..core.travel.mirror import split_userinfo
from ..core.travel.settings import (
    default_cache_dir,
    default_data_dir,
    load_config,
    overridden_by_environment,
    write_setting,
)
from ..resources_paths import resource_path
from .i18n import tr
from .sizes import human_size


class AnctOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self, on_applied):
        super().__init__()
        self.on_applied = on_applied

    def icon(self):
        return QIcon(resource_path("icons", "anct.svg"))

    def title(self):
        return tr("ANCT Territoires")

    def createWidget(self, parent):  # noqa: N802
        return AnctOptionsPage(parent, self.on_applied)


class AnctOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent, on_applied):
        super().__init__(parent)
        self.on_applied = on_applied
        self.purge_requested = False
        config = load_config()
        form = QFormLayout(self)
        self.cache_dir = QgsFileWidget(self)
        self.cache_dir.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.cache_dir.setFilePath(config.cache_dir)
        form.addRow(tr("Cache folder"), self.cache_dir)
        size_row = QWidget(self)
        size_layout = QHBoxLayout(size_row)
        size_layout.setContentsMargins(0, 0, 0, 0)
        self.size_label = QLabel(size_row)
        self.purge_button = QPushButton(tr("Purge the cache"), size_row)
        self.purge_button.clicked.connect(self.purge)
        size_layout.addWidget(self.size_label, 1)
        size_layout.addWidget(self.purge_button)
        form.addRow(tr("Cache size"), size_row)
        self.ttl = QDoubleSpinBox(self)
        self.ttl.setRange(0, 24 * 365)
        self.ttl.setSuffix(tr(" h"))
        self.ttl.setValue(config.ttl_hours)
        form.addRow(tr("Time-to-live"), self.ttl)
        self.offline = QCheckBox(tr("Serve only the cache"), self)
        self.offline.setChecked(config.offline)
        form.addRow(tr("Offline mode"), self.offline)
        self.data_dir = QgsFileWidget(self)
        self.data_dir.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.data_dir.setFilePath(config.data_dir or default_data_dir())
        self.data_dir.setToolTip(
            tr(
                "Where the panel writes the layers it loads while the project is not saved "
                "(a saved project keeps them in <project>_anct.gpkg beside it)."
            )
        )
        form.addRow(tr("Data folder"), self.data_dir)
        self.mirror = QLineEdit(config.mirror, self)
        self.mirror.setPlaceholderText(tr("Folder or http(s) base URL (empty: the public sources)"))
        form.addRow(tr("Mirror"), self.mirror)
        # As QGIS's proxy page: the user name and password live in QGIS's authentication database.
        self.mirror_auth = QgsAuthConfigSelect(self)
        self.mirror_auth.setConfigId(config.mirror_authcfg)
        self.mirror_auth.setToolTip(
            tr(
                "The user name and password (or token) of an http mirror, kept encrypted in QGIS's "
                "authentication database. Typed in the mirror's URL, they are moved there on OK."
            )
        )
        form.addRow(tr("Mirror credentials"), self.mirror_auth)
        self.arcep_quarter = QLineEdit(config.arcep_quarter, self)
        self.arcep_quarter.setPlaceholderText(tr("Empty: the newest quarter published (or e.g. 2024_T2)"))
        form.addRow(tr("Arcep quarter"), self.arcep_quarter)
        self.card_indicators = QLineEdit(config.card_indicators, self)
        self.card_indicators.setPlaceholderText(tr("Observatoire ids, e.g. insee_rp_hist_1968.dens_pop"))
        self.card_indicators.setToolTip(
            tr("Observatoire des territoires indicators the commune card shows, separated by commas: {ids}").format(
                ids=", ".join(entry.id for entry in CURATED)
            )
        )
        form.addRow(tr("Commune card indicators"), self.card_indicators)
        self.proxy_label = QLabel(describe_proxy(), self)
        self.proxy_label.setWordWrap(True)
        form.addRow(tr("Proxy"), self.proxy_label)
        overridden = [
            name
            for name in (
                "cache_dir",
                "ttl_hours",
                "offline",
                "mirror",
                "mirror_authcfg",
                "arcep_quarter",
                "card_indicators",
            )
            if overridden_by_environment(name)
        ]
        if overridden:
            form.addRow(
                QLabel(
                    tr("Set by ANCT_QGIS_* environment variables (they win): {names}").format(
                        names=", ".join(overridden)
                    ),
                    self,
                )
            )
        self.show_size()

    def show_size(self):
        path = self.cache_dir.filePath() or default_cache_dir()
        try:
            self.size_label.setText(human_size(Cache(path).size_bytes()))
        except (AnctError, OSError) as error:  # a file where the folder should be, a folder gone
            self.size_label.setText(str(error))

    def purge(self):
        """Asked here, done on OK (Cancel keeps the cache)."""
        self.purge_requested = True
        self.size_label.setText(tr("emptied when you press OK"))

    def apply(self):
        if self.purge_requested:
            Cache(self.cache_dir.filePath() or default_cache_dir()).purge()
            self.purge_requested = False
        write_setting("cache_dir", self.cache_dir.filePath())
        write_setting("ttl_hours", self.ttl.value())
        write_setting("offline", self.offline.isChecked())
        self.apply_mirror()
        write_setting("data_dir", self.data_dir.filePath())
        write_setting("arcep_quarter", self.arcep_quarter.text().strip().upper())
        write_setting("card_indicators", self.card_indicators.text().strip())
        self.on_applied()

    def apply_mirror(self):
        """The mirror's URL is kept without credentials: those typed in it go to QGIS's
        authentication database (the selected configuration, or a new one)."""
        url, credentials = split_userinfo(self.mirror.text().strip())
        authcfg = self.mirror_auth.configId()
        if credentials:
            host = urlsplit(url).hostname or url
            stored = store_basic_credentials(tr("ANCT mirror {host}").format(host=host), *credentials, authcfg)
            if stored:
                authcfg = stored
                self.mirror_auth.setConfigId(stored)
            else:
                QgsMessageLog.logMessage(
                    tr(
                        "The mirror's user name and password could not be kept in QGIS's authentication "
                        "database (disabled, or no master password): the mirror {url} is saved without them. "
                        "Add them in Settings > Options > Authentication and choose them as the mirror's credentials."
                    ).format(url=url),
                    "ANCT",
                    MESSAGE_WARNING,
                )
        self.mirror.setText(url)
        write_setting("mirror", url)
        write_setting("mirror_authcfg", authcfg)
