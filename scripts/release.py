#!/usr/bin/env python3
"""Build dist/anct_qgis_plugin-<version>.zip for plugins.qgis.org, after the checks its upload
makes: metadata.txt read as the repository and QGIS's Plugin Manager read it (configparser with its
default interpolation, where a bare '%' is an error), the required fields, the icon inside the zip, no
__pycache__ or compiled files, no file over the size limit; the repository's security scan on the ZIP
(security_scan.py: detect-secrets, bandit, file permissions, suspicious files); and the latest
CHANGELOG.md entry's summary in metadata's ``changelog``, with a link to the whole changelog.

Usage: release.py BUILD_DIR            (BUILD_DIR: the folder ``make package`` fills)
       release.py --sync-changelog     (write the latest CHANGELOG.md entry into metadata.txt)
       release.py --check-changelog    (exit 1 when metadata.txt's changelog is not the latest entry)
"""

import configparser
import re
import sys
import zipfile
from pathlib import Path

import security_scan

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "anct_qgis_plugin"
REQUIRED = (
    "name",
    "qgisMinimumVersion",
    "qgisMaximumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "tracker",
    "repository",
    "homepage",
    "license",
    "tags",
    "icon",
)
MAX_BYTES = 25 * 1024 * 1024  # plugins.qgis.org refuses larger uploads
COMPILED = (".pyc", ".pyo", ".so", ".dll", ".dylib", ".exe")


CHANGELOG_URL = "https://github.com/anct-qgis/anct-qgis-plugin/blob/main/CHANGELOG.md"


def latest_entry(text):
    """(version, summary lines) of the first '## [x.y.z]' section of a Keep a Changelog file: the
    few lines written under its heading, before its first '###' list (the Plugin Manager shows the
    changelog field in a small box; the whole entry stays in CHANGELOG.md)."""
    match = re.search(r"^## \[(\d+\.\d+\.\d+)\][^\n]*\n(.*?)(?=^## \[|\Z)", text, re.M | re.S)
    if not match:
        raise SystemExit("CHANGELOG.md has no '## [x.y.z]' entry")
    summary = match.group(2).split("\n###", 1)[0]
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    if not lines:
        raise SystemExit(f"CHANGELOG.md's [{match.group(1)}] has no summary lines above its first '###' list")
    return match.group(1), lines


def changelog_field(version, lines):
    """The metadata value: the version, the summary lines, and where the whole changelog is."""
    return "\n".join([version] + ["    " + line for line in lines] + ["    Full changelog: " + CHANGELOG_URL])


def escape_percent(text):
    """configparser's default interpolation reads '%%' as '%' and refuses a bare '%'."""
    return text.replace("%", "%%")


def read_metadata(path):
    """[general] read as plugins.qgis.org and QGIS's Plugin Manager read it: ConfigParser() with its
    default (basic) interpolation. Every value is read, so a bare '%' is reported here, not at upload."""
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    general = parser["general"]
    values, problems = {}, []
    for key in general:
        try:
            values[key] = general[key]
        except configparser.InterpolationError as error:
            problems.append(f"metadata.txt: {key} does not read with configparser's default interpolation ({error})")
    return values, problems


def sync_changelog():
    version, lines = latest_entry((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    path = ROOT / "metadata.txt"
    text = path.read_text(encoding="utf-8")
    field = "changelog=" + escape_percent(changelog_field(version, lines)) + "\n"
    text = re.sub(r"^changelog=.*?(?=^\S|\Z)", lambda _m: field, text, flags=re.M | re.S)
    path.write_text(text, encoding="utf-8")


def check_changelog():
    version, lines = latest_entry((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    metadata, problems = read_metadata(ROOT / "metadata.txt")
    if metadata.get("version") != version:
        problems.append(f"metadata version {metadata.get('version')} is not CHANGELOG.md's latest {version}")
    if metadata.get("changelog", "").split() != changelog_field(version, lines).split():
        problems.append("metadata changelog is not CHANGELOG.md's latest entry (run: release.py --sync-changelog)")
    return problems


def check_package(build_dir):
    metadata, problems = read_metadata(build_dir / "metadata.txt")
    problems += [f"metadata.txt lacks {name}" for name in REQUIRED if not metadata.get(name, "").strip()]
    if not (build_dir / metadata.get("icon", "-")).is_file():
        problems.append(f"icon {metadata.get('icon')} is not in the package")
    for path in build_dir.rglob("*"):
        relative = path.relative_to(build_dir.parent)
        if path.name == "__pycache__" or path.suffix in COMPILED:
            problems.append(f"{relative} must not be shipped")
        elif path.is_file() and path.stat().st_size > MAX_BYTES:
            problems.append(f"{relative} is over {MAX_BYTES // 2**20} MB")
    return problems + check_changelog(), metadata.get("version")


def build_release(build_dir, dist_dir):
    """(the ZIP written in ``dist_dir``, or None, and the problems): the package checks, then the
    repository's security scan on the ZIP itself; a refused ZIP is removed."""
    problems, version = check_package(build_dir)
    if problems:
        return None, problems
    target = dist_dir / f"{PLUGIN}-{version}.zip"
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(build_dir.rglob("*")):
            archive.write(path, path.relative_to(build_dir.parent))
    if target.stat().st_size > MAX_BYTES:
        problems.append(f"{target.name} is over {MAX_BYTES // 2**20} MB")
    problems += security_scan.scan_zip(target)
    if problems:
        target.unlink()  # never leave a ZIP the repository would refuse
        return None, problems
    return target, []


def main(argv):
    if argv[1:] == ["--sync-changelog"]:
        sync_changelog()
        return
    if argv[1:] == ["--check-changelog"]:
        problems = check_changelog()
    else:
        target, problems = build_release(Path(argv[1]).resolve(), ROOT / "dist")
        if target:
            print(target.relative_to(ROOT))
    if problems:
        raise SystemExit("release refused:\n- " + "\n- ".join(problems))


if __name__ == "__main__":
    main(sys.argv)
