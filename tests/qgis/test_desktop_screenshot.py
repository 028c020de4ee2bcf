"""The real QGIS desktop under Xvfb with the plugin deployed: the panel loads Indre (36) from
the real data in ../shared/mirror and the main window is saved (into docs/ for the README only
with ``make docs-images``, which sets ANCT_DOCS_DIR; look at it)."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("qgis")), reason="xvfb-run or qgis missing")
def test_desktop_screenshot(shared_mirror, tmp_path):
    config = tmp_path / "qgis"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QGIS_OPTIONS_PATH")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(config), ANCT_QGIS_MIRROR=str(shared_mirror),
               ANCT_QGIS_CACHE_DIR=str(tmp_path / "cache"), ANCT_QGIS_DATA_DIR=str(tmp_path / "data"),
               ANCT_SCREENSHOT=str(tmp_path / "shot.png"))
    subprocess.run(["make", "-s", "deploy"], cwd=ROOT, env=dict(env, QT_QPA_PLATFORM="offscreen"),
                   check=True, capture_output=True)
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
                          "--lang", "fr", "--code", str(ROOT / "scripts" / "desktop_screenshot.py")],
                         env=env, capture_output=True, text=True, timeout=240)
    log = (tmp_path / "shot.png.log").read_text(encoding="utf-8") if (tmp_path / "shot.png.log").exists() else ""
    assert "saved shot-reopened.png" in log, f"{log}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    assert "layers 7" in log
    loaded = next(line for line in log.splitlines() if line.startswith("layers "))
    reopened = next(line for line in log.splitlines() if line.startswith("reopened layers "))
    assert reopened == "reopened " + loaded  # the saved project reopens with the same layers and counts
    assert "[0]" not in reopened
    docs = Path(os.environ.get("ANCT_DOCS_DIR") or tmp_path)
    for shot, name in (("shot.png", "screenshot-panel.png"), ("shot-reopened.png", "screenshot-reopened.png")):
        shutil.copyfile(tmp_path / shot, docs / name)
        assert (docs / name).stat().st_size > 50_000
