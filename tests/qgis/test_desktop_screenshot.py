"""The real QGIS desktop under Xvfb with the plugin deployed: the panel loads Indre (36) from
the real data in ../shared/mirror, served over a loopback HTTP server (the communes' outlines
slowly, so that the load is caught half-way with its progress text), and the main window is saved
mid-load, loaded and reopened; an Observatoire indicator (the map's real export of population density
by département) mapped beside the panel's indicator theme (into docs/ for the README only with
``make docs-images``, which sets ANCT_DOCS_DIR; look at them)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from loopback import MirrorServer

ROOT = Path(__file__).resolve().parents[2]
DENSITY_EXPORT = ROOT.parent / "shared" / "data" / "observatoire" / "map_export_xlsx_dep_dens_pop_2022.xlsx"


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("qgis")), reason="xvfb-run or qgis missing")
def test_desktop_screenshot(shared_mirror, tmp_path):
    with MirrorServer(str(shared_mirror)) as server:
        # 2.0 Mo in about 2.5 s, read by the plugin 256 ko at a time: several sizes to be seen (slower, QGIS
        # would cover the panel's summary with its own "task complete" message).
        server.add_fault("communes@codeDepartement=36&", "slow", times=1, chunk=64 * 1024, pause=0.08)
        run = run_desktop(server.base_url, tmp_path)
    log = (tmp_path / "shot.png.log").read_text(encoding="utf-8") if (tmp_path / "shot.png.log").exists() else ""
    assert "saved shot-reopened.png" in log, f"{log}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    assert "layers 7" in log
    progress = next(line for line in log.splitlines() if line.startswith("progress "))
    assert re.fullmatch(r"progress \d/7 — .+ \(\d\.\d/\d\.\d Mo\) — \d+ %", progress), progress
    loaded = next(line for line in log.splitlines() if line.startswith("layers "))
    reopened = next(line for line in log.splitlines() if line.startswith("reopened layers "))
    assert reopened == "reopened " + loaded  # the saved project reopens with the same layers and counts
    assert "[0]" not in reopened
    docs = Path(os.environ.get("ANCT_DOCS_DIR") or tmp_path)
    for shot, name in (
        ("shot.png", "screenshot-panel.png"),
        ("shot-loading.png", "screenshot-loading.png"),
        ("shot-reopened.png", "screenshot-reopened.png"),
    ):
        shutil.copyfile(tmp_path / shot, docs / name)
        assert (docs / name).stat().st_size > 50_000


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("qgis")), reason="xvfb-run or qgis missing")
def test_indicator_screenshot(shared_mirror, tmp_path):
    if not DENSITY_EXPORT.is_file():
        pytest.skip("../shared/data/observatoire is absent (realistic tier)")
    run = run_desktop(
        str(shared_mirror),
        tmp_path,
        ANCT_SCREENSHOT_TERRITORY="FR",
        ANCT_SCREENSHOT_INDICATOR_FILE=str(DENSITY_EXPORT),
    )
    log = (tmp_path / "shot.png.log").read_text(encoding="utf-8") if (tmp_path / "shot.png.log").exists() else ""
    assert "saved shot.png" in log and "exit 0" in log, f"{log}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    # The legend's title (label, unit, year), five classes by natural breaks and n.d. (Mayotte).
    assert "indicator Densité de population (habitants au km²), 2022 [101]" in log
    assert re.search(r"^legend .*Jenks.*, 5 classes \| n\.d\.$", log, re.M), log
    docs = Path(os.environ.get("ANCT_DOCS_DIR") or tmp_path)
    shutil.copyfile(tmp_path / "shot.png", docs / "screenshot-indicator.png")
    assert 50_000 < (docs / "screenshot-indicator.png").stat().st_size < 300_000


def run_desktop(mirror_url, tmp_path, **settings):
    """``make deploy`` into a fresh profile, then QGIS under Xvfb running scripts/desktop_screenshot.py
    (``settings``: its ANCT_SCREENSHOT_* variables)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QGIS_OPTIONS_PATH")}
    env.update(settings)
    env.update(
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "qgis"),
        ANCT_QGIS_MIRROR=mirror_url,
        ANCT_QGIS_CACHE_DIR=str(tmp_path / "cache"),
        ANCT_QGIS_DATA_DIR=str(tmp_path / "data"),
        ANCT_SCREENSHOT=str(tmp_path / "shot.png"),
    )
    subprocess.run(
        ["make", "-s", "deploy"], cwd=ROOT, env=dict(env, QT_QPA_PLATFORM="offscreen"), check=True, capture_output=True
    )
    return subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis",
            "--nologo",
            "--noversioncheck",
            "--lang",
            "fr",
            "--code",
            str(ROOT / "scripts" / "desktop_screenshot.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
