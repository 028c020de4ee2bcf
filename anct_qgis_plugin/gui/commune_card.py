"""The commune card: a dialog showing a commune's figures and programmes, and the map tool
that opens it for the commune under a click."""

from qgis.core import QgsRectangle
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

from .i18n import tr


class CommuneCardDialog(QDialog):
    def __init__(self, card, parent=None):
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(tr("Commune card — {name}").format(name=card.name))
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(card.as_text(), self)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(tr("Copy as text"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def copy(self):
        QApplication.clipboard().setText(self.card.as_text())


class CommuneMapTool(QgsMapToolEmitPoint):
    """Click a commune: ``on_pick(rectangle, crs_authid)`` gets a tiny box around the click."""

    def __init__(self, canvas, on_pick):
        super().__init__(canvas)
        self.on_pick = on_pick
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point, _button):
        size = self.canvas().mapUnitsPerPixel() * 2
        rectangle = QgsRectangle(point.x() - size, point.y() - size, point.x() + size, point.y() + size)
        self.on_pick(rectangle, self.canvas().mapSettings().destinationCrs().authid())
