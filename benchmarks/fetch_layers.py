"""Benchmark (not a test): catalogue layers from a loopback mirror, cold and warm cache, against OGR.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/fetch_layers.py [--mirror PATH]
        [--territory 36] [--repeat 5]

Every figure is the median of --repeat runs. Results and their reading: docs/benchmarks.md.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

import harness

ROOT = harness.ROOT
SHARED_MIRROR = harness.SHARED_MIRROR
FIXTURE_MIRROR = ROOT / "tests" / "fixtures" / "mirror"
RATIO_TARGET = 1.5
PACK_TARGET_S = 10.0

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Import QGIS before tests/ goes on the path: the package tests/qgis would shadow it.
from qgis.core import Qgis, QgsVectorLayer  # noqa: E402

sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "tests"))

from loopback import MirrorServer  # noqa: E402

from anct_qgis_plugin.core import service  # noqa: E402
from anct_qgis_plugin.core.errors import AnctError  # noqa: E402
from anct_qgis_plugin.core.published.catalogue import (  # noqa: E402
    LAYER_IDS,
    DissolveCommunes,
    JoinCommunes,
    PointsFromColumns,
    get_source,
)
from anct_qgis_plugin.core.published.parsers import ogr_uri  # noqa: E402
from anct_qgis_plugin.core.storage.pack import write_pack  # noqa: E402
from anct_qgis_plugin.core.travel.settings import load_config  # noqa: E402

OGR_METHOD = (
    "OGR provider, all features with geometry and attributes; CSV through the OGR CSV "
    "driver with X_POSSIBLE_NAMES/Y_POSSIBLE_NAMES open options (points built in C++, "
    "no reprojection)"
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", help="mirror folder (default ../shared/mirror, else tests/fixtures/mirror)")
    parser.add_argument("--territory", default="36", help="territory code (default 36, Indre)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is reported")
    harness.add_results_option(parser)
    return parser.parse_args()


def pick_mirror(argument):
    if argument:
        return Path(argument).resolve(), "given on the command line"
    if SHARED_MIRROR.is_dir():
        return SHARED_MIRROR, "real data"
    return FIXTURE_MIRROR, "FALLBACK: ../shared/mirror is absent, using the small test fixtures"


timed = harness.timed


def median(stats):
    return stats.median if stats else None


def timed_build(data, layer_id, territory):
    """(seconds, BuiltLayer or AnctError): an unavailable layer is a result, not a crash."""

    def build():
        try:
            return data.build_layer(layer_id, territory)
        except AnctError as error:
            return error

    return timed(build)


def new_data(cache_dir, base_url):
    # offline=False explicitly: an ANCT_QGIS_OFFLINE in the environment would void the cold runs.
    service._INDEX_MEMO.clear()
    config = load_config(cache_dir=cache_dir, mirror=base_url, ttl_hours=1e6, offline=False)
    return service.AnctData(config, "fr")


def keep_only_references(cache):
    """Empty the cache but for the reference tables, so the territory index memo stays valid."""
    for entry in cache.entries():
        if entry.manifest.url not in service.REQUIRED_REFERENCES:
            cache.purge(entry.manifest.url)


def cold_layers(base_url, code, repeat):
    """{layer_id: [seconds]} each from an empty cache, and the territory index's cold times."""
    times, index_times = {layer_id: [] for layer_id in LAYER_IDS}, []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache_dir:
            data = new_data(cache_dir, base_url)
            seconds, territory = timed(lambda data=data: data.resolve_territory(code))
            index_times.append(seconds)
            for layer_id in LAYER_IDS:
                keep_only_references(data.fetcher.cache)
                times[layer_id].append(timed_build(data, layer_id, territory)[0])
    return times, index_times


def warm_layers(data, territory, layer_ids, repeat):
    """{layer_id: [seconds]} with the cache filled by one untimed build, and the last outcomes."""
    outcomes = {layer_id: timed_build(data, layer_id, territory)[1] for layer_id in layer_ids}
    times = {layer_id: [] for layer_id in layer_ids}
    for _ in range(repeat):
        for layer_id in layer_ids:
            seconds, outcomes[layer_id] = timed_build(data, layer_id, territory)
            times[layer_id].append(seconds)
    return times, outcomes


def single_source_file(data, built):
    """The cached file a layer is built from alone, or None when the build reads other files too."""
    source = get_source(built.info.layer_id)
    if isinstance(source.geometry, (JoinCommunes, DissolveCommunes)) or len(built.info.urls) != 1:
        return None  # joined to / dissolved from commune outlines
    if not (source.commune_column or source.departement_column or source.region_column):
        return None  # restricted by geometry: reads the commune outlines too
    return data.fetcher.cache.lookup(built.info.urls[0]).path


def direct_uri(layer_id, path):
    strategy = get_source(layer_id).geometry
    if isinstance(strategy, PointsFromColumns):
        return f"{path}|option:X_POSSIBLE_NAMES={strategy.x}|option:Y_POSSIBLE_NAMES={strategy.y}"
    return ogr_uri(path, get_source(layer_id).member)  # a ZIP is opened through /vsizip/, as the plugin does


def read_with_ogr(uri):
    layer = QgsVectorLayer(uri, "x", "ogr")
    if not layer.isValid():
        raise RuntimeError(f"OGR cannot open {uri}")
    count = 0
    for feature in layer.getFeatures():
        feature.geometry()
        feature.attributes()
        count += 1
    return count


def ogr_runs(data, outcome, repeat):
    """Direct OGR reads of the file a warm layer came from, or None (no single file)."""
    path = None if isinstance(outcome, AnctError) else single_source_file(data, outcome)
    if path is None:
        return None
    uri = direct_uri(outcome.info.layer_id, path)
    # Same process, same (hot) file as the warm build: only the reading differs.
    return harness.measure(lambda: read_with_ogr(uri), repeat)


def pack_once(data, code, path):
    write_pack(data.builder(), data.resolve_territory(code), path)


def pack_times(base_url, code, repeat, warm):
    """Whole pack (territory index, every layer, GeoPackage); cold = a fresh cache each run."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "pack.gpkg")
        if warm:
            data = new_data(os.path.join(folder, "cache"), base_url)
            pack_once(data, code, output)  # fills the cache, untimed
        for number in range(repeat):
            if not warm:
                data = new_data(os.path.join(folder, f"cache-{number}"), base_url)
            times.append(timed(lambda data=data: pack_once(data, code, output))[0])
    return harness.summarise(times)


def cell(value, width=9, digits=3):
    return f"{value:>{width}.{digits}f}" if isinstance(value, float) else f"{value or '-':>{width}}"


def row(name, cold, warm, ogr, ratio, met):
    print(f"{name:<28}{cell(cold)}{cell(warm)}{cell(ogr)}{cell(ratio, 7, 2)}{cell(met, 7)}")


def ratio_cells(warm, ogr):
    if warm is None or ogr is None:
        return None, None
    ratio = warm / ogr
    return ratio, "yes" if ratio <= RATIO_TARGET else "NO"


def measure(base_url, code, repeat):
    """Every figure of the report, as harness.Stats (seconds), plus the warm outcomes."""
    cold, index_cold = cold_layers(base_url, code, repeat)
    with tempfile.TemporaryDirectory() as cache_dir:
        data = new_data(cache_dir, base_url)
        territory = data.resolve_territory(code)  # fetches the reference tables
        index_warm, _ = timed(lambda: data.resolve_territory(code))  # the memo's hit
        warm, outcomes = warm_layers(data, territory, LAYER_IDS, repeat)
        national, national_outcome = warm_layers(data, data.resolve_territory("FR"), ["france_services"], repeat)
        ogr = {layer_id: ogr_runs(data, outcome, repeat) for layer_id, outcome in outcomes.items()}
        ogr["FR"] = ogr_runs(data, national_outcome["france_services"], repeat)
    return {
        "index": (harness.summarise(index_cold), harness.summarise([index_warm])),
        "cold": {layer_id: harness.summarise(times) for layer_id, times in cold.items()},
        "warm": {layer_id: harness.summarise(times) for layer_id, times in warm.items()},
        "outcomes": outcomes,
        "ogr": ogr,
        "national": (harness.summarise(national["france_services"]), national_outcome["france_services"]),
        "pack": (
            pack_times(base_url, code, repeat, warm=False),
            pack_times(base_url, code, repeat, warm=True),
        ),
    }


def report(figures, code):
    row("layer", "cold", "warm", "OGR", "ratio", "<=1.5")
    row("(territory index)", *map(median, figures["index"]), None, None, None)
    available, unavailable = [], []
    for layer_id, outcome in figures["outcomes"].items():
        cold, warm, ogr = (median(figures[side][layer_id]) for side in ("cold", "warm", "ogr"))
        if isinstance(outcome, AnctError):
            row(layer_id, cold, "unavail.", None, None, None)
            unavailable.append(f"  {layer_id}: {outcome}")
            continue
        available.append(layer_id)
        row(layer_id, cold, warm, ogr, *ratio_cells(warm, ogr))
    row(
        "total (available layers)",
        sum(median(figures["cold"][i]) for i in available),
        sum(median(figures["warm"][i]) for i in available),
        None,
        None,
        None,
    )
    warm, built = median(figures["national"][0]), figures["national"][1]
    print()
    row(
        f"france_services FR ({built.info.feature_count})",
        None,
        warm,
        median(figures["ogr"]["FR"]),
        *ratio_cells(warm, median(figures["ogr"]["FR"])),
    )
    cold_pack, warm_pack = map(median, figures["pack"])
    met = "met" if max(cold_pack, warm_pack) < PACK_TARGET_S else "NOT met"
    print(
        f"\nwhole pack, territory {code}: cold {cold_pack:.2f} s, warm {warm_pack:.2f} s "
        f"(target < {PACK_TARGET_S:g} s: {met})"
    )
    print(
        "ratio = warm build / direct OGR read of the same cached file; '-' = built from several files "
        "(joins, dissolves): no single-file equivalent"
    )
    if unavailable:
        print("\nunavailable (the pack records them as such):\n" + "\n".join(unavailable))


def scenarios(figures, code):
    """The report's figures as the harness's scenarios: each layer cold, each layer warm against OGR."""
    found = [harness.Scenario("index", "territory index, cold", figures["index"][0])]
    for layer_id, outcome in figures["outcomes"].items():
        unavailable = {"unavailable": str(outcome)} if isinstance(outcome, AnctError) else {}
        found.append(harness.Scenario(f"cold:{layer_id}", f"{layer_id}, cold", figures["cold"][layer_id]))
        if unavailable:
            found[-1].notes = unavailable
            continue
        ogr = figures["ogr"][layer_id]
        found.append(scenario_against_ogr(f"warm:{layer_id}", f"{layer_id}, warm", figures["warm"][layer_id], ogr))
    national, built = figures["national"]
    label = f"France services, all of France ({built.info.feature_count:,} sites), warm"
    found.append(scenario_against_ogr("warm:france_services:FR", label, national, figures["ogr"]["FR"]))
    for state, stats in zip(("cold", "warm"), figures["pack"]):
        found.append(
            harness.Scenario(
                f"pack:{state}",
                f"whole pack of territory {code}, {state}",
                stats,
                target=f"< {PACK_TARGET_S:g} s",
                met=stats.median < PACK_TARGET_S,
            )
        )
    return found


def scenario_against_ogr(name, label, warm, ogr):
    if ogr is None:
        return harness.Scenario(name, label, warm)
    ratio = warm.median / ogr.median
    return harness.Scenario(
        name, label, warm, ogr, native_label="OGR", target=f"≤ {RATIO_TARGET:g}× OGR", met=ratio <= RATIO_TARGET
    )


def main():
    args = parse_args()
    mirror, mirror_note = pick_mirror(args.mirror)
    app = harness.start_qgis()
    print(f"QGIS {Qgis.QGIS_VERSION}, {os.cpu_count()} CPUs; mirror {mirror} ({mirror_note})")
    print(f"territory {args.territory}; median of {args.repeat} runs; times in seconds")
    print(f"direct open: {OGR_METHOD}\n")
    with MirrorServer(str(mirror)) as server:
        figures = measure(server.base_url, args.territory, args.repeat)
    report(figures, args.territory)
    record = harness.Record("fetch_layers")
    for scenario in scenarios(figures, args.territory):
        record.add(scenario)
    record.write(args.results)
    app.exitQgis()


if __name__ == "__main__":
    main()
