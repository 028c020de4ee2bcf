"""The plugin loads in real QGIS and leaves nothing behind; after `make deploy`, headless
qgis_process lists its algorithms."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication

from anct_qgis_plugin.compat import FLAG_ADVANCED

ROOT = Path(__file__).resolve().parents[2]


def anct_provider():
    return QgsApplication.processingRegistry().providerById("anct")


def own_algorithms(provider):
    from qgis.core import QgsProcessingModelAlgorithm

    return [a for a in provider.algorithms() if not isinstance(a, QgsProcessingModelAlgorithm)]


def test_class_factory_init_and_unload(qgis_iface, qgis_processing):
    import anct_qgis_plugin

    plugin = anct_qgis_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    try:
        provider = anct_provider()
        assert provider is not None
        assert {a.id() for a in provider.algorithms()} == {
            "anct:fetch_layer",
            "anct:fetch_indicator",
            "anct:fetch_territory_pack",
            "anct:fetch_road_network",
            "anct:service_gap",
            "anct:mobile_coverage_gap",
            "anct:territory_profile",
            "anct:programme_matrix",
            "anct:department_atlas",
            "anct:check_sources",
            # the example models of resources/models
            "anct:France services à plus de 30 minutes par la route (département)",
            "anct:Atlas d'une région",
        }
        for algorithm in own_algorithms(provider):  # the models' help is QGIS's own page
            assert algorithm.shortHelpString(), algorithm.id()
            for parameter in algorithm.parameterDefinitions():
                assert parameter.help(), f"{algorithm.id()} {parameter.name()} has no help"
        assert plugin.actions
    finally:
        plugin.unload()
    assert anct_provider() is None
    assert plugin.actions == [] and plugin.translator is None
    # Loading again after unload works (plugin reloader).
    plugin = anct_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert anct_provider() is not None
    plugin.unload()
    assert anct_provider() is None


# What QGIS runs at every start: the plugin's initProcessing, then the toolbox listing each
# algorithm's parameters and help. In a fresh interpreter: this test session has loaded everything.
STARTUP = """
import json, sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
before = set(sys.modules)  # what QGIS itself loads (3.40 imports numpy on its own), not ours to count
import anct_qgis_plugin
plugin = anct_qgis_plugin.classFactory(None)  # kept: the provider lives as long as the plugin
plugin.initProcessing()
provider = QgsApplication.processingRegistry().providerById("anct")
listed = {a.id(): (a.group(), a.shortHelpString()[:20], [p.help()[:20] for p in a.parameterDefinitions()])
          for a in provider.algorithms()}
print(json.dumps({"listed": listed, "modules": sorted(set(sys.modules) - before)}))
"""
HEAVY = (
    "anct_qgis_plugin.engine",
    "anct_qgis_plugin.cartography",
    "anct_qgis_plugin.gui",
    "anct_qgis_plugin.core.service",
    "anct_qgis_plugin.core.building.layers",
    "anct_qgis_plugin.core.memberships.tables",
    "anct_qgis_plugin.core.travel.http",
    "anct_qgis_plugin.core.roads.road_network",
    "anct_qgis_plugin.core.roads.road_source",
    "anct_qgis_plugin.diagnostics.gap",
    "anct_qgis_plugin.diagnostics.network",
    "anct_qgis_plugin.diagnostics.road_profiles",
    "numpy",
    "scipy",
    "pandas",
    "matplotlib",
    "requests",
)


def test_registering_the_provider_imports_no_heavy_module():
    run = subprocess.run(
        [sys.executable, "-c", STARTUP],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert run.returncode == 0, run.stderr
    started = json.loads(run.stdout.splitlines()[-1])
    assert len(started["listed"]) == 12  # ten algorithms and two example models
    assert all(group and help_text for group, help_text, _parameters in started["listed"].values())
    loaded = [
        name for name in started["modules"] if any(name == heavy or name.startswith(heavy + ".") for heavy in HEAVY)
    ]
    assert loaded == []


@pytest.mark.skipif(shutil.which("qgis_process.bin") is None, reason="qgis_process.bin not installed")
def test_make_deploy_then_qgis_process_lists_and_runs(tmp_path, mirror_server):
    env = dict(
        os.environ,
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "qgis"),
        QT_QPA_PLATFORM="offscreen",
        ANCT_QGIS_MIRROR=mirror_server.base_url,
        ANCT_QGIS_CACHE_DIR=str(tmp_path / "cache"),
    )
    subprocess.run(["make", "-s", "deploy"], cwd=ROOT, env=env, check=True, capture_output=True)
    assert (tmp_path / "qgis/profiles/default/python/plugins/anct_qgis_plugin/metadata.txt").is_file()
    listing = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True, text=True, timeout=120)
    assert "anct:fetch_layer" in listing.stdout and "anct:fetch_territory_pack" in listing.stdout
    output = tmp_path / "fs.gpkg"
    run = subprocess.run(
        [
            "qgis_process.bin",
            "run",
            "anct:fetch_layer",
            "--",
            "LAYER=france_services",
            "TERRITORY=36",
            f"OUTPUT={output}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "FEATURE_COUNT:\t7" in run.stdout
    bad = subprocess.run(
        [
            "qgis_process.bin",
            "run",
            "anct:fetch_layer",
            "--",
            "LAYER=france_services",
            "TERRITORY=37",
            f"OUTPUT={tmp_path / 'x.gpkg'}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode != 0 and "Unknown territory '37'" in bad.stdout + bad.stderr


def test_dialogs_in_plain_words(provider):
    import re

    gap = provider.algorithm("service_gap")
    advanced = {d.name() for d in gap.parameterDefinitions() if d.flags() & FLAG_ADVANCED}
    assert {"ORIGIN", "ORIGIN_POINTS", "DEFAULT_SPEED", "VALUE_FORWARD"} <= advanced
    assert "TERRITORY" not in advanced and "THRESHOLD" not in advanced
    threshold = gap.parameterDefinition("THRESHOLD")
    assert threshold.metadata()["widget_wrapper"]["decimals"] == 1
    for algorithm in own_algorithms(provider):  # help pages keep their sentences whole
        assert algorithm.shortHelpString() and "\n" not in algorithm.shortHelpString(), algorithm.id()
        assert not re.search(r"\w\s{2,}\w", algorithm.shortHelpString()), algorithm.id()
        assert "<!-- include" not in algorithm.shortHelpString(), algorithm.id()  # every fragment put in place
    for name in ("service_gap", "mobile_coverage_gap"):  # the network parameters, one fragment for both
        assert "NETWORK_BUFFER_KM" in provider.algorithm(name).shortHelpString()
