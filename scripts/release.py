#!/usr/bin/env python3
"""Build dist/anct_qgis_plugin-<version>.zip for plugins.qgis.org, after the checks its upload
makes: the required metadata fields, the icon inside the zip, no __pycache__ or compiled files,
no file over the size limit; and the latest CHANGELOG.md entry in metadata's ``changelog``.

Usage: release.py BUILD_DIR            (BUILD_DIR: the folder ``make package`` fills)
       release.py --sync-changelog     (write the latest CHANGELOG.md entry into metadata.txt)
       release.py --check-changelog    (exit 1 when metadata.txt's changelog is not the latest entry)
"""

import configparser
import re
import sys
import zipfile
from pathlib import Path

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


def latest_entry(text):
    """(version, lines) of the first '## [x.y.z]' section of a Keep a Changelog file."""
    match = re.search(r"^## \[(\d+\.\d+\.\d+)\][^\n]*\n(.*?)(?=^## \[|\Z)", text, re.M | re.S)
    if not match:
        raise SystemExit("CHANGELOG.md has no '## [x.y.z]' entry")
    lines = [line.strip() for line in match.group(2).splitlines() if line.strip()]
    return match.group(1), lines


def changelog_field(version, lines):
    """The metadata value: the version, then one indented line per heading and item."""
    return "\n".join([version] + ["    " + line.lstrip("# ") for line in lines])


def read_metadata(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["general"]


def sync_changelog():
    version, lines = latest_entry((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    path = ROOT / "metadata.txt"
    text = path.read_text(encoding="utf-8")
    field = "changelog=" + changelog_field(version, lines) + "\n"
    text = re.sub(r"^changelog=.*?(?=^\S|\Z)", lambda _m: field, text, flags=re.M | re.S)
    path.write_text(text, encoding="utf-8")


def check_changelog():
    version, lines = latest_entry((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    metadata = read_metadata(ROOT / "metadata.txt")
    problems = []
    if metadata.get("version") != version:
        problems.append(f"metadata version {metadata.get('version')} is not CHANGELOG.md's latest {version}")
    if metadata.get("changelog", "").split() != changelog_field(version, lines).split():
        problems.append("metadata changelog is not CHANGELOG.md's latest entry (run: release.py --sync-changelog)")
    return problems


def check_package(build_dir):
    metadata = read_metadata(build_dir / "metadata.txt")
    problems = [f"metadata.txt lacks {name}" for name in REQUIRED if not metadata.get(name, "").strip()]
    if not (build_dir / metadata.get("icon", "-")).is_file():
        problems.append(f"icon {metadata.get('icon')} is not in the package")
    for path in build_dir.rglob("*"):
        relative = path.relative_to(build_dir.parent)
        if path.name == "__pycache__" or path.suffix in COMPILED:
            problems.append(f"{relative} must not be shipped")
        elif path.is_file() and path.stat().st_size > MAX_BYTES:
            problems.append(f"{relative} is over {MAX_BYTES // 2**20} MB")
    return problems + check_changelog(), metadata.get("version")


def main(argv):
    if argv[1:] == ["--sync-changelog"]:
        sync_changelog()
        return
    if argv[1:] == ["--check-changelog"]:
        problems = check_changelog()
    else:
        build_dir = Path(argv[1]).resolve()
        problems, version = check_package(build_dir)
        if not problems:
            target = ROOT / "dist" / f"{PLUGIN}-{version}.zip"
            target.parent.mkdir(exist_ok=True)
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(build_dir.rglob("*")):
                    archive.write(path, path.relative_to(build_dir.parent))
            if target.stat().st_size > MAX_BYTES:
                problems.append(f"{target.name} is over {MAX_BYTES // 2**20} MB")
            else:
                print(target.relative_to(ROOT))
    if problems:
        raise SystemExit("release refused:\n- " + "\n- ".join(problems))


if __name__ == "__main__":
    main(sys.argv)
