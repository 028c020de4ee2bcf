#!/usr/bin/env python3
"""Benchmark (not a test): a commune-level Observatoire indicator for all of France joined to the
communes' outlines, by the plugin against ``native:joinattributestable`` on the same tables.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/indicator_join.py [--mirror PATH] [--runs 3]

The indicator is an API CSV answer in the Observatoire's shape (``codgeo;libgeo;an;<indic>``, one row
per commune, as territoire-portrait's 34,875-row com2025 answer), written from the communes of the
real commune table of ../shared/mirror with invented values (a few empty: NULL). Both sides start
from the same file and the same cached outlines (warm: every file already in the cache, the first
run not counted; the outline layers it built are kept for the session, core/building/outline_cache.py):
- plugin: ``build_indicator_layer`` (read the answer, map the codes, build the outlines, join);
- QGIS: the same outlines built by the plugin, the CSV opened as a delimited-text layer (codes as text),
  then ``native:joinattributestable`` (one-to-one, into a memory layer).
Targets (issue 22): a département (Indre, 36) under 1 s, every commune of France under 5 s.
Results: docs/benchmarks.md.
"""

import argparse
import random
import sys
import tempfile
from pathlib import Path

import harness

TARGETS = {"36": 1.0, "FR": 5.0}

sys.path.insert(0, str(harness.ROOT))


def answer(path: Path, index) -> int:
    """The API's CSV answer for every commune of the 101 départements (com2025: 34,875 rows):
    codgeo;libgeo;an;part_pop_eloigne_soin."""
    draw = random.Random(22)
    lines = ["codgeo;libgeo;an;part_pop_eloigne_soin"]
    for code, commune in sorted(index.communes.items()):
        if len(commune.get("codeRegion") or "") != 2:  # a collectivité d'outre-mer (975, 977…) is its own "région"
            continue
        value = "" if draw.random() < 0.001 else f"{draw.uniform(0, 100):.1f}"
        lines.append(f"{code};{commune.get('nom', '')};2023;{value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", default=str(harness.SHARED_MIRROR))
    parser.add_argument("--runs", type=int, default=3)
    harness.add_results_option(parser)
    args = parser.parse_args(argv)
    if not harness.mirror_present(args.mirror):
        return 0
    harness.start_qgis(processing=True)
    import processing
    from qgis.core import QgsVectorLayer

    from anct_qgis_plugin.core import service
    from anct_qgis_plugin.core.building.indicator_layer import IndicatorRequest, build_indicator_layer
    from anct_qgis_plugin.core.published.observatoire import IndicatorId
    from anct_qgis_plugin.core.travel.settings import load_config

    record = harness.Record("indicator_join", argv)
    indicator = IndicatorId("acces_soin", "part_pop_eloigne_soin")
    with tempfile.TemporaryDirectory() as folder:
        config = load_config(cache_dir=str(Path(folder) / "cache"), mirror=args.mirror, offline=False)
        data = service.AnctData(config, "fr")
        index = data.territory_index()
        csv = Path(folder) / "answer.csv"
        rows = answer(csv, index)
        print(f"{rows} rows in the answer, {csv.stat().st_size / 1e6:.1f} MB; {args.runs} warm runs each")
        uri = f"file://{csv}?delimiter=;&detectTypes=no&geomType=none"
        for key in TARGETS:
            territory = data.resolve_territory(key)

            def plugin(territory=territory):
                request = IndicatorRequest(indicator, "communes", territory, file=str(csv))
                return build_indicator_layer(data.builder(), request).layer

            def native(territory=territory):
                outlines = data.builder().build("communes", territory).layer
                table = QgsVectorLayer(uri, "answer", "delimitedtext")
                return processing.run(
                    "native:joinattributestable",
                    {
                        "INPUT": outlines,
                        "FIELD": "code",
                        "INPUT_2": table,
                        "FIELD_2": "codgeo",
                        "METHOD": 1,  # one-to-one: the first match
                        "OUTPUT": "memory:",
                    },
                )["OUTPUT"]

            counts = (plugin().featureCount(), native().featureCount())  # warms the cache (not counted)
            ours = harness.measure(plugin, args.runs)
            theirs = harness.measure(native, args.runs)
            mine, qgis = ours.median, theirs.median
            verdict = "met" if mine < TARGETS[key] else "MISSED"
            print(
                f"{territory.label}: {counts[0]} communes; plugin median {mine:.2f} s (target < {TARGETS[key]:g} s: "
                f"{verdict}); outlines + native:joinattributestable median {qgis:.2f} s; ratio {mine / qgis:.2f}"
            )
            record.add(
                harness.Scenario(
                    key,
                    f"{territory.label}, {counts[0]:,} communes",
                    ours,
                    theirs,
                    native_label="outlines + `native:joinattributestable`",
                    target=f"< {TARGETS[key]:g} s",
                    met=mine < TARGETS[key],
                    notes={"communes": counts[0], "answer_rows": rows},
                )
            )
    record.write(args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
