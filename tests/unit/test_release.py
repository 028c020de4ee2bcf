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
    assert problems == [] and version == "0.4.0"


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


def release_module():
    sys.path.insert(0, str(RELEASE.parent))
    try:
        import release

        return release
    finally:
        sys.path.remove(str(RELEASE.parent))


def test_a_bare_percent_in_metadata_is_refused_as_the_repository_reads_it(tmp_path):
    build = package(tmp_path)
    metadata = (build / "metadata.txt").read_text(encoding="utf-8")
    (build / "metadata.txt").write_text(metadata.replace("about=", "about=within 0.07 % of QGIS. "), encoding="utf-8")
    problems, _version = check(build)
    assert any("about does not read with configparser's default interpolation" in p for p in problems)


def test_the_metadata_changelog_is_short_and_links_to_the_whole_changelog():
    import configparser

    parser = configparser.ConfigParser()  # default interpolation, as plugins.qgis.org and the Plugin Manager
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    changelog = parser["general"]["changelog"]
    assert len(changelog) < 1200 and changelog.rstrip().endswith("/CHANGELOG.md")


def test_the_release_zip_passes_the_repository_security_scan(tmp_path):
    target, problems = release_module().build_release(package(tmp_path), tmp_path / "dist")
    assert problems == [] and target.is_file()


def test_secrets_executables_and_hidden_files_are_refused_and_no_zip_is_left(tmp_path):
    build = package(tmp_path)
    # A Basic-auth URL assembled at run time, so that this test file is no secret-shaped example itself.
    (build / "example.py").write_text('URL = "https://' + "alice:" + "s3cr3tPassw0rd" + '@example.org/x"\n')
    (build / "run.sh").write_text("#!/bin/sh\n")
    (build / ".env").write_text("A=1\n")
    (build / "tool.py").write_text("print(1)\n")
    (build / "tool.py").chmod(0o755)
    target, problems = release_module().build_release(build, tmp_path / "dist")
    assert target is None and not list((tmp_path / "dist").glob("*.zip"))
    text = "\n".join(problems)
    assert "example.py:1 Basic Auth Credentials" in text
    assert "run.sh is an executable or binary file type" in text and ".env is a hidden file" in text
    assert "tool.py is executable" in text
