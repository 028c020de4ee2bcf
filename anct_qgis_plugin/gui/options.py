"""The plugin's page in Settings > Options: cache, time-to-live, offline, mirror, proxy status."""

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
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

from ..core.cache import Cache
from ..core.http import describe_proxy
from ..core.settings import default_cache_dir, default_data_dir, load_config, overridden_by_environment, write_setting
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
        self.arcep_quarter = QLineEdit(config.arcep_quarter, self)
        self.arcep_quarter.setPlaceholderText(tr("Empty: the newest quarter published (or e.g. 2024_T2)"))
        form.addRow(tr("Arcep quarter"), self.arcep_quarter)
        self.proxy_label = QLabel(describe_proxy(), self)
        self.proxy_label.setWordWrap(True)
        form.addRow(tr("Proxy"), self.proxy_label)
        overridden = [
            name
            for name in ("cache_dir", "ttl_hours", "offline", "mirror", "arcep_quarter")
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
        self.size_label.setText(human_size(Cache(path).size_bytes()))

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
        write_setting("mirror", self.mirror.text().strip())
        write_setting("data_dir", self.data_dir.filePath())
        write_setting("arcep_quarter", self.arcep_quarter.text().strip().upper())
        self.on_applied()
