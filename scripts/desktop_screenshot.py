"""Run inside the real QGIS desktop (``qgis --code scripts/desktop_screenshot.py``).

Opens the ANCT panel, loads a territory's layers through it, saves a picture while a download
is under way (``…-loading.png``: the progress text with its sizes, "7/7 — Communes (1.2/2.0 Mo)";
the mirror must be served over HTTP, slowly enough to be caught), waits for the background task,
zooms to the layers and saves a picture of the main window; then saves the project, closes it,
opens it again and saves a third picture (``…-reopened.png``): the layers come back with their
data from the GeoPackage the panel wrote. Environment:
ANCT_SCREENSHOT (PNG path), ANCT_SCREENSHOT_TERRITORY (default 36), ANCT_SCREENSHOT_LAYERS.

With ANCT_SCREENSHOT_INDICATOR_FILE (an Observatoire answer or map export already downloaded), it
maps an indicator instead: anct:fetch_indicator reads that FILE (ANCT_SCREENSHOT_INDICATOR_LEVEL,
default departements) for the territory and QGIS loads the output as the algorithm styles it; the
panel shows the same curated indicator (ANCT_SCREENSHOT_INDICATOR) selected at that level, and one
picture of the main window is saved, the map on metropolitan France.
Used by tests/qgis/test_desktop_screenshot.py; exits QGIS when done (status in the log file
ANCT_SCREENSHOT + ".log").
"""

import os
import re
import traceback

from qgis.core import QgsApplication, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

OUTPUT = os.environ["ANCT_SCREENSHOT"]
TERRITORY = os.environ.get("ANCT_SCREENSHOT_TERRITORY", "36")
LAYERS = os.environ.get(
    "ANCT_SCREENSHOT_LAYERS",
    "france_services,petites_villes_de_demain,action_coeur_de_ville,"
    "villages_avenir,territoires_industrie,epci,communes",
).split(",")
INDICATOR_FILE = os.environ.get("ANCT_SCREENSHOT_INDICATOR_FILE", "")
INDICATOR = os.environ.get("ANCT_SCREENSHOT_INDICATOR", "insee_rp_hist_1968.dens_pop")
INDICATOR_LEVEL = os.environ.get("ANCT_SCREENSHOT_INDICATOR_LEVEL", "departements")
STEP_MS = 250
# "(1.2/2.0 Mo)" in the progress text: a download with its size, caught half-way.
SIZES = re.compile(r"\((\d+\.\d)/(\d+\.\d) \w+\)")
state = {"ticks": 0}


def log(message):
    with open(OUTPUT + ".log", "a", encoding="utf-8") as stream:
        stream.write(message + "\n")


def finish(code):
    log(f"exit {code}")
    QTimer.singleShot(500, lambda: QgsApplication.exit(code))


def guarded(step):
    """Any error ends the run with its traceback in the log (never a QGIS left open)."""

    def run(*args):
        try:
            step(*args)
        except Exception:  # noqa: BLE001
            log(traceback.format_exc())
            finish(3)

    return run


def poll(condition, then, limit_s=120):
    @guarded
    def check():
        state["ticks"] += 1
        if condition():
            then()
        elif state["ticks"] * STEP_MS > limit_s * 1000:
            log("timed out")
            finish(2)
        else:
            QTimer.singleShot(STEP_MS, check)

    QTimer.singleShot(STEP_MS, check)


@guarded
def start():
    plugin = plugins.get("anct_qgis_plugin")
    if plugin is None:
        log("plugin not loaded")
        finish(4)
        return
    window = iface.mainWindow()
    window.resize(1600, 1000)  # no window manager under Xvfb: showMaximized() does nothing
    plugin.dock.show()
    plugin.dock.raise_()
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:  # room for the map and the panel
        browser.hide()
    window.resizeDocks([plugin.dock], [620], Qt.Orientation.Horizontal)
    poll(lambda: plugin.dock.index is not None, lambda: (map_indicator if INDICATOR_FILE else load)(plugin))


def load(plugin):
    dock = plugin.dock
    dock.choose_territory(TERRITORY)
    dock.tree.set_checked(LAYERS)
    dock.load_checked()
    poll(lambda: downloading(dock) or dock.load_task is None, lambda: loading_shot(plugin))


def downloading(dock):
    """True while the progress text shows a download at least 40 % through, not yet done."""
    found = SIZES.search(dock.progress.format())
    return dock.load_task is not None and found is not None and 0.4 <= float(found[1]) / float(found[2]) < 1


@guarded
def loading_shot(plugin):
    dock = plugin.dock
    if dock.load_task is not None:
        log(f"progress {dock.progress.format().replace('%p', str(dock.progress.value()))}")
        grab(OUTPUT.replace(".png", "-loading.png"), lambda: None, dock)  # the panel alone: text readable
    poll(lambda: dock.load_task is None, lambda: frame(plugin))


def frame(plugin, then=None, prefix="layers"):
    layers = list(QgsProject.instance().mapLayers().values())
    log(f"{prefix} {len(layers)}: " + ", ".join(sorted(f"{layer.name()} [{layer.featureCount()}]" for layer in layers)))
    extent = QgsRectangle()
    canvas = iface.mapCanvas()
    for layer in layers:
        extent.combineExtentWith(canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent()))
    canvas.setExtent(extent.buffered(extent.width() * 0.03))
    canvas.refresh()
    QTimer.singleShot(4000, then or (lambda: grab(OUTPUT, reopen)))


@guarded
def map_indicator(plugin):
    """The indicator of INDICATOR_FILE by anct:fetch_indicator, loaded and styled as QGIS loads the output;
    the panel on the same indicator at the same level."""
    import processing

    dock = plugin.dock
    dock.choose_territory(TERRITORY)
    item = dock.tree.indicators[INDICATOR]
    for index in range(dock.tree.topLevelItemCount()):  # the layer themes folded: the indicators in sight
        theme = dock.tree.topLevelItem(index)
        theme.setExpanded(theme is item.parent())
    dock.tree.setCurrentItem(item)
    dock.tree.scrollToItem(item)
    dock.level_combo.setCurrentIndex(dock.level_combo.findData(INDICATOR_LEVEL))
    processing.runAndLoadResults(
        "anct:fetch_indicator",
        {"FILE": INDICATOR_FILE, "LEVEL": INDICATOR_LEVEL, "TERRITORY": TERRITORY, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    (layer,) = QgsProject.instance().mapLayers().values()
    log(f"indicator {layer.name()} [{layer.featureCount()}]")
    log("legend " + " | ".join(rule.label() for rule in layer.renderer().rootRule().children()))
    metropolitan = QgsRectangle()  # the overseas départements would shrink the map to a stamp
    for feature in layer.getFeatures():
        if len(str(feature["code"])) == 2:
            metropolitan.combineExtentWith(feature.geometry().boundingBox())
    window = iface.mainWindow()
    layers_panel = window.findChild(QDockWidget, "Layers")
    if layers_panel is not None:  # the legend's title and classes whole
        window.resizeDocks([layers_panel, dock], [470, 540], Qt.Orientation.Horizontal)
    iface.layerTreeView().expandAll()
    # After QGIS's own zoom to its first layer (deferred), which would take in the overseas départements.
    QTimer.singleShot(1500, lambda: zoom(layer.crs(), metropolitan.buffered(metropolitan.width() * 0.03)))


@guarded
def zoom(crs, extent):
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(crs)
    canvas.setExtent(extent)
    canvas.refresh()
    QTimer.singleShot(4000, lambda: grab(OUTPUT, lambda: finish(0)))


@guarded
def grab(path, then, widget=None):
    (widget or iface.mainWindow()).grab().save(path)
    log(f"saved {os.path.basename(path)}")
    then()


@guarded
def reopen():
    project_path = OUTPUT + ".qgz"
    if not QgsProject.instance().write(project_path):
        raise RuntimeError(f"project not saved: {project_path}")
    QgsProject.instance().clear()
    iface.addProject(project_path)
    reopened = OUTPUT.replace(".png", "-reopened.png")
    QTimer.singleShot(1000, lambda: frame(None, lambda: grab(reopened, lambda: finish(0)), "reopened layers"))


QTimer.singleShot(3000, start)
QTimer.singleShot(150_000, lambda: (log("watchdog"), finish(5)))
