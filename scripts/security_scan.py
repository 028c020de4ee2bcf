#!/usr/bin/env python3
"""The plugin repository's security scan, run before an upload rather than after a refusal.

plugins.qgis.org scans every uploaded ZIP (qgis/QGIS-Plugins-Website@0c1ff3fd
qgis-app/plugins/security_scanner.py): detect-secrets over every file but metadata.txt (its
critical rules, Basic-auth credentials among them, block the upload), bandit at medium severity
and above, Python files with the executable bit, hidden files and executable or binary file types.
This module runs the same checks on our ZIP (``make release``) and detect-secrets on the tracked
tree (``make lint``).

Usage: security_scan.py ZIP      (the package, as uploaded)
       security_scan.py --tree   (every tracked file but the tests, whose credential-shaped URLs test redaction)
"""

import json
import subprocess  # nosec B404: runs the scanners the repository runs, on our own files
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # detect-secrets and bandit live beside the venv's python
SUSPICIOUS_EXTENSIONS = (".exe", ".dll", ".so", ".dylib", ".bat", ".sh", ".ps1", ".cmd")
ALLOWED_HIDDEN = (".gitignore", ".gitattributes")


def _tool(name: str) -> str:
    local = BIN / name
    return str(local) if local.exists() else name


def detect_secrets(folder: Path, extra: tuple[str, ...] = ()) -> list[str]:
    """Every secret detect-secrets finds under ``folder``, as 'file:line type'."""
    scan = subprocess.run(  # nosec B603: fixed arguments, no shell
        [_tool("detect-secrets"), "scan", *extra, "--exclude-files", r"metadata\.txt", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(scan.stdout)["results"]
    return [f"{name}:{hit['line_number']} {hit['type']} (detect-secrets)" for name in found for hit in found[name]]


def bandit(folder: Path) -> list[str]:
    """bandit's findings of medium severity and above, as the repository runs it."""
    scan = subprocess.run(  # nosec B603: fixed arguments, no shell
        [_tool("bandit"), "-r", ".", "-f", "json", "--quiet", "-ll"], cwd=folder, capture_output=True, text=True
    )
    found = json.loads(scan.stdout or '{"results": []}')["results"]
    return [f"{hit['filename']}:{hit['line_number']} {hit['test_id']} {hit['issue_text']} (bandit)" for hit in found]


def archive_entries(path: Path) -> list[str]:
    """Executable Python files, hidden files and binary or script types inside the ZIP."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        for entry in archive.infolist():
            name = entry.filename.rstrip("/").rsplit("/", 1)[-1]
            if entry.filename.endswith(".py") and (entry.external_attr >> 16) & 0o111:
                problems.append(f"{entry.filename} is executable (chmod a-x)")
            if name.startswith(".") and name not in ALLOWED_HIDDEN:
                problems.append(f"{entry.filename} is a hidden file")
            if entry.filename.lower().endswith(SUSPICIOUS_EXTENSIONS):
                problems.append(f"{entry.filename} is an executable or binary file type")
    return problems


def scan_zip(path: Path) -> list[str]:
    """Every problem the repository's scan would report on the package at ``path``."""
    problems = archive_entries(path)
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(folder)  # nosec B202: our own package, just built
        problems += detect_secrets(Path(folder), ("--all-files",))
        problems += bandit(Path(folder))
    return problems


def scan_tree() -> list[str]:
    """detect-secrets over the tracked files, tests excluded."""
    return detect_secrets(ROOT, ("--exclude-files", r"^tests/"))


def main(argv: list[str]) -> None:
    problems = scan_tree() if argv[1:] == ["--tree"] else scan_zip(Path(argv[1]))
    if problems:
        raise SystemExit("the plugin repository's security scan would refuse this:\n- " + "\n- ".join(problems))


if __name__ == "__main__":
    main(sys.argv)
