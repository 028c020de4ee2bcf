"""Benchmark (not a test): the commune card from a warm cache, on the real lists of ../shared/mirror.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/commune_card.py [--mirror PATH] [--repeat 20] [--cross-table]

The card reads every programme list of the catalogue (QPV list, Territoires d'industrie, Action cœur
de ville, Petites villes de demain, Villages d'avenir, CRTE, Cités éducatives, Cités de l'emploi,
Avenir montagnes ×2, Fabriques de territoire, Manufactures de proximité, the programmes of 2025-2026,
France services; ``--cross-table``: from ANCT's cross-table where no list is newer): the first
card of a session parses them; every later card, for any commune, answers from the parsed lists.
Target (issue): under 200 ms from a warm cache. Results: docs/benchmarks.md.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_MIRROR = ROOT.parent / "shared" / "mirror"
TARGET_MS = 200.0
COMMUNES = ("36044", "93066", "73065", "08409", "75056", "13055", "2A004", "97411")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication  # noqa: E402

sys.path.insert(0, str(ROOT))

from anct_qgis_plugin.core import service  # noqa: E402
from anct_qgis_plugin.core.travel.settings import load_config  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", default=str(SHARED_MIRROR))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cross-table", action="store_true", help="the card's fast path (ANCT's cross-table)")
    args = parser.parse_args(argv)
    if not Path(args.mirror).is_dir():
        print(f"{args.mirror} is absent: nothing to measure")
        return 0
    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory() as cache:
        config = load_config(cache_dir=cache, mirror=args.mirror, offline=False)
        data = service.AnctData(config, "fr")
        started = time.perf_counter()
        first = data.commune_card(COMMUNES[0], cross_table=args.cross_table)
        cold = time.perf_counter() - started
        print(
            f"first card of the session (files copied from the mirror and parsed): {cold * 1000:.0f} ms, "
            f"{len(first.lines)} lines"
        )
        # A new data layer on the same cache: what a second card in the panel does.
        data = service.AnctData(config, "fr")
        timings = {}
        for code in COMMUNES:
            runs = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                card = data.commune_card(code, cross_table=args.cross_table)
                runs.append(time.perf_counter() - started)
            timings[code] = (statistics.median(runs) * 1000, max(runs) * 1000, len(card.lines), len(card.unavailable))
        print(f"{'commune':<8} {'median ms':>10} {'worst ms':>9} {'lines':>6} {'unavailable':>12}")
        for code, (median, worst, lines, unavailable) in timings.items():
            print(f"{code:<8} {median:>10.1f} {worst:>9.1f} {lines:>6} {unavailable:>12}")
        worst = max(value[1] for value in timings.values())
        print(
            f"worst warm card: {worst:.1f} ms (target < {TARGET_MS:.0f} ms: {'met' if worst < TARGET_MS else 'missed'})"
        )
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
