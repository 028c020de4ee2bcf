"""make release: the plugin repository's checks on the package, and the changelog in metadata."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RELEASE = ROOT / "scripts" / "release.py"


def package(tmp_path):
    """A build folder laid out as ``make package`` lays it out."""
    build = tmp_path / "anct_qgis_plugin"
    shutil.copytree(ROOT / "anct_qgis_plugin", build, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(ROOT / "resources", build / "resources")
    for name in ("metadata.txt", "LICENSE", "README.md"):
        shutil.copy(ROOT / name, build / name)
    return build


def check(build):
    sys.path.insert(0, str(RELEASE.parent))
    try:
        import release

        return release.check_package(build)
    finally:
        sys.path.remove(str(RELEASE.parent))


def test_the_package_passes_the_repository_checks(tmp_path):
    problems, version = check(package(tmp_path))
    assert problems == [] and version == "0.2.0"


def test_compiled_files_a_missing_icon_or_field_are_refused(tmp_path):
    build = package(tmp_path)
    (build / "core" / "__pycache__").mkdir()
    (build / "core" / "__pycache__" / "cache.cpython-311.pyc").write_bytes(b"\0")
    (build / "resources" / "icons" / "anct.svg").unlink()
    metadata = (build / "metadata.txt").read_text(encoding="utf-8")
    (build / "metadata.txt").write_text(metadata.replace("tracker=", "tracker_was="), encoding="utf-8")
    problems, _version = check(build)
    assert any("__pycache__" in p for p in problems) and any(".pyc" in p for p in problems)
    assert any("icon" in p for p in problems) and "metadata.txt lacks tracker" in problems


def test_metadata_changelog_is_the_latest_changelog_entry():
    run = subprocess.run([sys.executable, str(RELEASE), "--check-changelog"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
