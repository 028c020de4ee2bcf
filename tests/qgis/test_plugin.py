"""The plugin loads in real QGIS and leaves nothing behind; after `make deploy`, headless
qgis_process lists its algorithms."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication

from anct_qgis_plugin.compat import FLAG_ADVANCED

ROOT = Path(__file__).resolve().parents[2]


def anct_provider():
    return QgsApplication.processingRegistry().providerById("anct")


def test_class_factory_init_and_unload(qgis_iface, qgis_processing):
    import anct_qgis_plugin

    plugin = anct_qgis_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    try:
        provider = anct_provider()
        assert provider is not None
        assert {a.id() for a in provider.algorithms()} == {
            "anct:fetch_layer", "anct:fetch_territory_pack", "anct:fetch_road_network", "anct:service_gap",
            "anct:mobile_coverage_gap",
            "anct:territory_profile", "anct:programme_matrix", "anct:department_atlas", "anct:check_sources"}
        for algorithm in provider.algorithms():
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


@pytest.mark.skipif(shutil.which("qgis_process.bin") is None, reason="qgis_process.bin not installed")
def test_make_deploy_then_qgis_process_lists_and_runs(tmp_path, mirror_server):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "qgis"), QT_QPA_PLATFORM="offscreen",
               ANCT_QGIS_MIRROR=mirror_server.base_url, ANCT_QGIS_CACHE_DIR=str(tmp_path / "cache"))
    subprocess.run(["make", "-s", "deploy"], cwd=ROOT, env=env, check=True, capture_output=True)
    assert (tmp_path / "qgis/profiles/default/python/plugins/anct_qgis_plugin/metadata.txt").is_file()
    listing = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True, text=True, timeout=120)
    assert "anct:fetch_layer" in listing.stdout and "anct:fetch_territory_pack" in listing.stdout
    output = tmp_path / "fs.gpkg"
    run = subprocess.run(["qgis_process.bin", "run", "anct:fetch_layer", "--", "LAYER=france_services",
                          "TERRITORY=36", f"OUTPUT={output}"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "FEATURE_COUNT:\t7" in run.stdout
    bad = subprocess.run(["qgis_process.bin", "run", "anct:fetch_layer", "--", "LAYER=france_services",
                          "TERRITORY=37", f"OUTPUT={tmp_path / 'x.gpkg'}"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode != 0 and "Unknown territory '37'" in bad.stdout + bad.stderr


def test_dialogs_in_plain_words(provider):
    import re

    gap = provider.algorithm("service_gap")
    advanced = {d.name() for d in gap.parameterDefinitions() if d.flags() & FLAG_ADVANCED}
    assert {"ORIGIN", "ORIGIN_POINTS", "DEFAULT_SPEED", "VALUE_FORWARD"} <= advanced
    assert "TERRITORY" not in advanced and "THRESHOLD" not in advanced
    threshold = gap.parameterDefinition("THRESHOLD")
    assert threshold.metadata()["widget_wrapper"]["decimals"] == 1
    for algorithm in provider.algorithms():  # help pages keep their sentences whole
        assert algorithm.shortHelpString() and "\n" not in algorithm.shortHelpString(), algorithm.id()
        assert not re.search(r"\w\s{2,}\w", algorithm.shortHelpString()), algorithm.id()
