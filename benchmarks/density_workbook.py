#!/usr/bin/env python3
"""Reading INSEE's density grid: a synthetic workbook of the national size (34,935 communes, the
twelve columns published since 2025, a documentation sheet repeating the header, then the grid sheet
with title rows above the header, written by the fixtures' ``xlsx_bytes``), read by the plugin
(``core.parsers.read_xlsx``: the unpacked size checked, the header looked for in each sheet's first
rows, the grid sheet read, every cell as text) against QGIS opening the same file with its OGR
provider and reading every feature.

Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/density_workbook.py [--runs 3]
"""

import argparse
import random
import sys
import tempfile
from pathlib import Path

import harness

sys.path.insert(0, str(harness.ROOT))
sys.path.insert(0, str(harness.ROOT / "tests" / "fixtures"))

from make_fixtures import DENSITY_3, DENSITY_HEADER, DENSITY_LEVELS, density_3, xlsx_bytes  # noqa: E402

COMMUNES = 34_935


def workbook(path: Path) -> None:
    rows, draw = [], random.Random(2024)
    for number in range(COMMUNES):
        level = draw.randint(1, 7)
        three = density_3(level)
        rows.append(
            [f"{1001 + number:05d}", f"Commune {number}", three, DENSITY_3[three], draw.randint(10, 5000)]
            + [100 if n == three else 0 for n in (1, 2, 3)]
            + ["", "", level, DENSITY_LEVELS[level]]
        )
    titles = [["Grille communale de densité à 3 et 7 niveaux"], [], ["Source : Insee"], []]
    notes = [["Documentation"], DENSITY_HEADER]
    path.write_bytes(xlsx_bytes([("Documentation", notes), ("Maille communale", titles + [DENSITY_HEADER] + rows)]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    harness.add_results_option(parser)
    args = parser.parse_args()
    harness.start_qgis()
    from qgis.core import QgsVectorLayer

    from anct_qgis_plugin.core.published.parsers import read_xlsx

    wanted = {"codgeo": ("CODGEO",), "dens": ("DENS7",), "libdens": ("LIBDENS7",)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fichier_diffusion_2025.xlsx"
        workbook(path)
        ours = harness.measure(lambda: read_xlsx(str(path), "grille_densite", wanted), args.runs)
        native = harness.measure(
            lambda: list(QgsVectorLayer(f"{path}|layername=Maille communale", "grid", "ogr").getFeatures()), args.runs
        )
        size = path.stat().st_size / 1e6
    scenario = harness.Scenario(
        "workbook",
        f"national density workbook ({COMMUNES:,} communes, {size:.1f} MB), read by `core.parsers.read_xlsx`",
        ours,
        native,
        native_label="OGR provider, every feature",
        notes={"rows": COMMUNES, "size_mb": round(size, 1)},
    )
    print(f"{COMMUNES} rows, {size:.1f} MB, {args.runs} runs")
    print(
        f"read_xlsx: median {ours.median:.2f} s; QGIS OGR layer, every feature: "
        f"median {native.median:.2f} s; ratio {scenario.ratio:.2f}"
    )
    record = harness.Record("density_workbook")
    record.add(scenario)
    record.write(args.results)


if __name__ == "__main__":
    main()
