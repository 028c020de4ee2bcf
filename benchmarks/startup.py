#!/usr/bin/env python3
"""What registering the ANCT provider costs at every QGIS start, QGIS's own start-up excluded.

Each run is a fresh interpreter under ``python -X importtime``: QGIS starts, then the provider is
imported and registered (which lists the algorithms). The import cost is the sum of the cumulative
times of the imports made after QGIS started (what they pull in included); the wall time is the
whole registration.

Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/startup.py [--runs 5] [--repo DIR]
(``--repo`` measures another checkout, e.g. an older commit from ``git worktree add``).
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import harness

ROOT = harness.ROOT
TARGET_MS = 40.0  # the import cost of a QGIS start (issue 15)
MARK, END = "=== registering ===", "=== registered ==="
REGISTER = f"""
import sys, time
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
sys.stderr.write("{MARK}\\n")
start = time.perf_counter()
from anct_qgis_plugin.processing.provider import AnctProvider
provider = AnctProvider()
QgsApplication.processingRegistry().addProvider(provider)
wall = time.perf_counter() - start
sys.stderr.write("{END}\\n")
print(len(provider.algorithms()), wall)
"""
IMPORT_LINE = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)")


def measure(repo: Path) -> tuple[float, float, int, list]:
    """(import ms, wall ms, algorithms listed, the costliest imports) of one fresh start."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", REGISTER, str(repo)],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    lines = run.stderr.splitlines()
    ours = lines[lines.index(MARK) + 1 : lines.index(END)]
    imports = [(int(m.group(1)) / 1000, len(m.group(2)), m.group(3)) for m in map(IMPORT_LINE.match, ours) if m]
    total = sum(ms for ms, depth, _name in imports if depth == 0)  # a top-level import covers what it pulls in
    nested = sorted(((ms, name) for ms, depth, name in imports if depth > 0), reverse=True)
    count, wall = run.stdout.split()
    return total, float(wall) * 1000, int(count), nested[:5]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repo", type=Path, default=ROOT)
    harness.add_results_option(parser)
    args = parser.parse_args()
    results = [measure(args.repo) for _run in range(args.runs)]
    imports = harness.summarise([r[0] for r in results])
    walls = harness.summarise([r[1] for r in results])
    print(f"{args.repo}: {results[0][2]} algorithms listed, {args.runs} fresh starts")
    print(f"import cost: median {imports.median:.1f} ms, max {imports.max:.1f} ms")
    print(f"registration wall time: median {walls.median:.1f} ms, max {walls.max:.1f} ms")
    print(
        "costliest modules it pulls in (last run): " + ", ".join(f"{name} {ms:.1f} ms" for ms, name in results[-1][3])
    )
    record = harness.Record("startup")
    notes = {"algorithms": results[0][2], "repo": str(args.repo)}
    record.add(
        harness.Scenario(
            "imports",
            "import cost of registering the provider",
            imports,
            unit="ms",
            target=f"< {TARGET_MS:g} ms",
            met=imports.median < TARGET_MS,
            notes=notes,
        )
    )
    record.add(harness.Scenario("wall", "registration wall time", walls, unit="ms", notes=notes))
    record.write(args.results)


if __name__ == "__main__":
    main()
