"""Benchmark (not a test): anct:service_gap against QGIS's own tools, on seeded synthetic data.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/service_gap.py [--quick] [--skip-grid]
        [--only straight|grid|road|indre] [--seed 2024] [--repeat 3] [--profile]

Four parts, every ratio measured in the same run:

1. straight line: 34,969 population points x 2,845 facilities (EPSG:2154), anct:service_gap
   against qgis:distancetonearesthubpoints and native:joinbynearest (memory outputs for all),
   plus a check that distance_m equals joinbynearest's distance;
2. grid: 2.3 million 200 m cells (Filosofi-like GeoPackage in EPSG:3035) x 2,845 facilities,
   timed in a child process (its own peak RSS), profiled with cProfile when it misses 30 s;
3. road: a jittered grid network of 550 x 550 nodes (~604,000 edges) with speeds and one-way
   streets, 30 facilities, 20,000 population points, against native:shortestpathpointtolayer
   run one facility at a time (3 measured, extrapolated to 30), plus a spot check of times
   against native:shortestpathpointtopoint;
4. real data: Indre (TERRITORY=36) from ../shared/mirror when present.

Generated files are cached under /tmp (seed and size in the name); building them is not timed.
Results and their reading: docs/benchmarks-service-gap.md.
"""

import argparse
import cProfile
import json
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness
import numpy as np

ROOT = harness.ROOT
SHARED_MIRROR = harness.SHARED_MIRROR
CACHE = Path(tempfile.gettempdir())

FULL = {
    "points": 34_969,
    "facilities": 2_845,
    "cells": 2_300_000,
    "road_side": 550,
    "road_points": 20_000,
    "road_facilities": 30,
}
QUICK = {
    "points": 5_000,
    "facilities": 2_845,
    "cells": 100_000,
    "road_side": 159,
    "road_points": 5_000,
    "road_facilities": 30,
}  # 159 x 159 nodes = 50,244 edges
STRAIGHT_HUB_TARGET = 3.0  # service_gap at least 3x faster than distancetonearesthubpoints
STRAIGHT_JOIN_TARGET = 1.0  # and no slower than joinbynearest
GRID_TARGET_S = 30.0
ROAD_TARGET_S = 10.0
ROAD_RATIO_TARGET = 50.0
NATIVE_FACILITIES_MEASURED = 3
SPOT_CHECKS = 5
ROAD_EXTENT_M = 100_000.0
ROAD_ORIGIN = (600_000.0, 6_600_000.0)  # Lambert-93, centre of France

# Metropolitan France in Lambert-93 (EPSG:2154): xmin, ymin, xmax, ymax.
FRANCE_2154 = (100_000.0, 6_050_000.0, 1_240_000.0, 7_110_000.0)
TOWNS = 200

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Import QGIS before the repository goes on the path (tests/qgis would shadow it if tests/ came first).
from qgis.core import (  # noqa: E402
    Qgis,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant  # noqa: E402

sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")


# --- synthetic data ---------------------------------------------------------------------
def rng_for(seed, stream):
    return np.random.default_rng([seed, stream])


def towns(seed):
    """~200 town centres in EPSG:2154 with Zipf-like weights; larger towns spread wider."""
    rng = rng_for(seed, 1)
    xmin, ymin, xmax, ymax = FRANCE_2154
    centres = rng.uniform((xmin + 30_000, ymin + 30_000), (xmax - 30_000, ymax - 30_000), size=(TOWNS, 2))
    weight = 1.0 / np.arange(1, TOWNS + 1) ** 0.9
    weight /= weight.sum()
    sigma = 2_000.0 + 15_000.0 * np.sqrt(weight / weight.max())
    return centres, weight, sigma


def clustered(rng, count, centres, weight, sigma, town_share, bbox):
    """Mixture of Gaussians around the towns and uniform rural points, clipped to bbox."""
    xmin, ymin, xmax, ymax = bbox
    in_towns = rng.binomial(count, town_share)
    which = rng.choice(len(centres), size=in_towns, p=weight)
    town_points = centres[which] + rng.normal(size=(in_towns, 2)) * sigma[which, None]
    rural = rng.uniform((xmin, ymin), (xmax, ymax), size=(count - in_towns, 2))
    points = np.vstack([town_points, rural])
    points[:, 0] = np.clip(points[:, 0], xmin, xmax)
    points[:, 1] = np.clip(points[:, 1], ymin, ymax)
    return points[rng.permutation(count)]


def population_points(seed, count):
    centres, weight, sigma = towns(seed)
    rng = rng_for(seed, 2)
    xy = clustered(rng, count, centres, weight, sigma, 0.7, FRANCE_2154)
    population = np.round(rng.lognormal(5.5, 1.3, size=count))  # communes: median ~250 inhabitants
    return xy, population


def facility_points(seed, count):
    centres, weight, sigma = towns(seed)
    rng = rng_for(seed, 3)
    return clustered(rng, count, centres, weight, sigma, 0.5, FRANCE_2154)


def point_layer(name, xy, fields, rows, crs="EPSG:2154"):
    """Memory point layer; fields = [(name, QVariant type)], rows = list of attribute lists."""
    spec = "&".join(f"field={field}:{'double' if kind == QVariant.Double else 'string'}" for field, kind in fields)
    layer = QgsVectorLayer(f"Point?crs={crs}&{spec}", name, "memory")
    features = []
    for (x, y), attributes in zip(xy, rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        feature.setAttributes(attributes)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def facilities_layer(seed, count):
    xy = facility_points(seed, count)
    return point_layer(
        "facilities",
        xy,
        [("id", QVariant.String), ("nom", QVariant.String)],
        [[f"FS{i:05d}", f"Site {i}"] for i in range(count)],
    )


# GeoPackage geometry blobs built with numpy: header "GP", version 0, flags 0b011 (little
# endian, xy envelope), srs_id, envelope (minx, maxx, miny, maxy), then little-endian WKB.
_BLOB_HEADER = [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"), ("env", "<f8", 4)]
_WKB_HEADER = [("order", "u1"), ("type", "<u4")]
POLYGON_BLOB = np.dtype(_BLOB_HEADER + _WKB_HEADER + [("rings", "<u4"), ("count", "<u4"), ("xy", "<f8", 10)])
LINE_BLOB = np.dtype(_BLOB_HEADER + _WKB_HEADER + [("count", "<u4"), ("xy", "<f8", 4)])


def _blob_header(blobs, srs_id, minx, maxx, miny, maxy):
    blobs["magic"], blobs["version"], blobs["flags"], blobs["srs"] = b"GP", 0, 0b011, srs_id
    blobs["env"] = np.column_stack([minx, maxx, miny, maxy])
    blobs["order"] = 1


def write_gpkg(path, table, epsg, geometry_type, fields, blobs, columns):
    """An OGR-made empty layer filled through sqlite3, then given its R-tree by OGR."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    partial = path.with_name(path.stem + ".partial.gpkg")
    partial.unlink(missing_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
    layer = dataset.CreateLayer(table, srs, geometry_type, options=["SPATIAL_INDEX=NO", "GEOMETRY_NAME=geom"])
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    dataset = layer = None
    connection = sqlite3.connect(str(partial))
    srs_id = connection.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
    blobs["srs"] = srs_id
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    size = blobs.dtype.itemsize
    raw = memoryview(blobs.tobytes())
    names = ", ".join(name for name, _kind in fields)
    marks = ", ".join("?" for _ in range(len(fields) + 1))
    connection.executemany(
        f"INSERT INTO {table} (geom, {names}) VALUES ({marks})",
        ((raw[i * size : (i + 1) * size], *(column[i] for column in columns)) for i in range(len(blobs))),
    )
    env = blobs["env"]
    connection.execute(
        "UPDATE gpkg_contents SET min_x = ?, max_x = ?, min_y = ?, max_y = ? WHERE table_name = ?",
        (float(env[:, 0].min()), float(env[:, 1].max()), float(env[:, 2].min()), float(env[:, 3].max()), table),
    )
    connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (len(blobs), table))
    connection.commit()
    connection.close()
    dataset = ogr.Open(str(partial), 1)
    dataset.ExecuteSQL(f"SELECT CreateSpatialIndex('{table}', 'geom')")
    count = dataset.GetLayerByName(table).GetFeatureCount()
    dataset = None
    if count != len(blobs):
        raise RuntimeError(f"{partial}: {count} features written, {len(blobs)} expected")
    partial.rename(path)


def grid_path(seed, cells):
    return CACHE / f"anct-bench-grid-lcog-seed{seed}-{cells}.gpkg"


def make_grid(seed, cells):
    """Filosofi-like 200 m grid: squares in EPSG:3035, idcar_200m (text), ind (float) and lcog_geo
    (the communes a cell touches, end to end: 95 west-east bands of "départements", communes of
    5 km north-south strips, 8 % of the cells on a border listing two)."""
    path = grid_path(seed, cells)
    if path.exists():
        return path, "cached"
    from osgeo import ogr, osr

    started = time.perf_counter()
    centres, weight, sigma = towns(seed)
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(2154)
    target.ImportFromEPSG(3035)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    centres = np.array(transform.TransformPoints(centres.tolist()))[:, :2]
    xmin, ymin, xmax, ymax = FRANCE_2154
    corners = np.array(transform.TransformPoints([[xmin, ymin], [xmin, ymax], [xmax, ymin], [xmax, ymax]]))
    bbox = (corners[:, 0].min(), corners[:, 1].min(), corners[:, 0].max(), corners[:, 1].max())
    rng = rng_for(seed, 4)
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < cells:
        draw = clustered(rng, int((cells - len(keys)) * 1.3) + 1000, centres, weight, sigma * 2.0, 0.55, bbox)
        cell = np.floor(draw / 200.0).astype(np.int64)
        keys = np.unique(np.concatenate([keys, cell[:, 1] * 100_000 + cell[:, 0]]))  # sorted by north, east
    keys = np.sort(rng.choice(keys, size=cells, replace=False))
    north, east = (keys // 100_000) * 200.0, (keys % 100_000) * 200.0
    ind = np.round(rng.lognormal(2.4, 1.2, size=cells), 1)
    blobs = np.zeros(cells, dtype=POLYGON_BLOB)
    _blob_header(blobs, 3035, east, east + 200, north, north + 200)
    blobs["type"], blobs["rings"], blobs["count"] = 3, 1, 5
    ring = np.column_stack([east, north, east + 200, north, east + 200, north + 200, east, north + 200, east, north])
    blobs["xy"] = ring
    ids = [f"CRS3035RES200mN{int(n)}E{int(e)}" for n, e in zip(north, east)]
    departement = np.clip(1 + ((east - bbox[0]) * 95 // (bbox[2] - bbox[0])).astype(int), 1, 95)
    commune = 1 + (north // 5000).astype(int) % 999
    border = rng.random(cells) < 0.08
    lcog = [
        f"{d:02d}{c:03d}" + (f"{d:02d}{c % 999 + 1:03d}" if b else "")
        for d, c, b in zip(departement.tolist(), commune.tolist(), border.tolist())
    ]
    write_gpkg(
        path,
        "grid",
        3035,
        ogr.wkbPolygon,
        [("idcar_200m", ogr.OFTString), ("ind", ogr.OFTReal), ("lcog_geo", ogr.OFTString)],
        blobs,
        [ids, ind.tolist(), lcog],
    )
    return path, f"built in {time.perf_counter() - started:.0f} s"


def network_nodes(seed, side):
    rng = rng_for(seed, 5)
    spacing = ROAD_EXTENT_M / (side - 1)
    row, col = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    x = ROAD_ORIGIN[0] + col * spacing + rng.uniform(-0.2, 0.2, size=row.shape) * spacing
    y = ROAD_ORIGIN[1] + row * spacing + rng.uniform(-0.2, 0.2, size=row.shape) * spacing
    return np.stack([x, y], axis=-1)  # (side, side, 2): node (row, col)


def road_class_speed(index):
    """Every 50th line a motorway (110), every 10th a main road (80), every 3rd 50, else 30 km/h."""
    return np.select([index % 50 == 0, index % 10 == 0, index % 3 == 0], [110.0, 80.0, 50.0], 30.0)


def network_path(seed, side):
    return CACHE / f"anct-bench-network-seed{seed}-{side}x{side}.gpkg"


def make_network(seed, side):
    """Jittered grid; one 2-vertex line per edge, fields speed (km/h) and dir (0 both, 1, 2 one-way)."""
    path = network_path(seed, side)
    if path.exists():
        return path, "cached"
    from osgeo import ogr

    started = time.perf_counter()
    nodes = network_nodes(seed, side)
    horizontal = np.concatenate([nodes[:, :-1], nodes[:, 1:]], axis=-1).reshape(-1, 4)
    vertical = np.concatenate([nodes[:-1, :], nodes[1:, :]], axis=-1).reshape(-1, 4)
    rows, cols = np.meshgrid(np.arange(side), np.arange(side - 1), indexing="ij")
    h_speed = road_class_speed(rows.reshape(-1))
    rows, cols = np.meshgrid(np.arange(side - 1), np.arange(side), indexing="ij")
    v_speed = road_class_speed(cols.reshape(-1))
    xy = np.vstack([horizontal, vertical])
    speed = np.concatenate([h_speed, v_speed])
    rng = rng_for(seed, 6)
    one_way = (speed == 30.0) & (rng.random(len(speed)) < 0.15)  # 15 % of local streets are one-way
    direction = np.where(one_way, rng.integers(1, 3, size=len(speed)), 0)
    blobs = np.zeros(len(xy), dtype=LINE_BLOB)
    _blob_header(
        blobs,
        2154,
        np.minimum(xy[:, 0], xy[:, 2]),
        np.maximum(xy[:, 0], xy[:, 2]),
        np.minimum(xy[:, 1], xy[:, 3]),
        np.maximum(xy[:, 1], xy[:, 3]),
    )
    blobs["type"], blobs["count"], blobs["xy"] = 2, 2, xy
    write_gpkg(
        path,
        "roads",
        2154,
        ogr.wkbLineString,
        [("speed", ogr.OFTReal), ("dir", ogr.OFTInteger)],
        blobs,
        [speed.tolist(), direction.tolist()],
    )
    return path, f"built in {time.perf_counter() - started:.0f} s"


# --- QGIS and Processing ---------------------------------------------------------------
run = harness.run_algorithm


def configure_data_layer(cache_dir):
    """The plugin's data layer: a fresh cache, the shared mirror when present, else offline."""
    os.environ["ANCT_QGIS_CACHE_DIR"] = cache_dir
    if SHARED_MIRROR.is_dir():
        os.environ["ANCT_QGIS_MIRROR"] = str(SHARED_MIRROR)
        os.environ.pop("ANCT_QGIS_OFFLINE", None)
        return f"mirror {SHARED_MIRROR}"
    os.environ["ANCT_QGIS_OFFLINE"] = "1"
    return "offline (../shared/mirror absent): no département/EPCI names"


peak_rss_mb = harness.peak_mb


# --- 1. straight line ---------------------------------------------------------------------
def straight(seed, sizes, repeat, profile, results, record):
    xy, population = population_points(seed, sizes["points"])
    units = point_layer(
        "population",
        xy,
        [("code", QVariant.String), ("population", QVariant.Double)],
        [[f"U{i:06d}", float(p)] for i, p in enumerate(population)],
    )
    facilities = facilities_layer(seed, sizes["facilities"])
    print(
        f"\n== 1. straight line: {units.featureCount():,} points x {facilities.featureCount():,} facilities "
        f"(EPSG:2154, memory outputs, median of {repeat}) =="
    )
    tools = {
        "anct:service_gap": (
            "anct:service_gap",
            {
                "POPULATION": units,
                "POPULATION_FIELD": "population",
                "FACILITIES": facilities,
                "MODE": "straight",
                "OUTPUT": "memory:",
            },
        ),
        "qgis:distancetonearesthubpoints": (
            "qgis:distancetonearesthubpoints",
            {"INPUT": units, "HUBS": facilities, "FIELD": "id", "UNIT": 0, "OUTPUT": "memory:"},
        ),
        "native:joinbynearest": (
            "native:joinbynearest",
            {"INPUT": units, "INPUT_2": facilities, "NEIGHBORS": 1, "DISCARD_NONMATCHING": False, "OUTPUT": "memory:"},
        ),
    }
    times = {name: [] for name in tools}
    last = {}
    for _ in range(repeat):  # interleaved, so that a slow moment of the machine hits every tool
        for name, (algorithm, parameters) in tools.items():
            seconds, outputs, messages = run(algorithm, parameters)
            times[name].append(seconds)
            last[name] = outputs
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<34}{medians[name]:8.3f} s   (runs: {', '.join(f'{v:.3f}' for v in values)})")
    fixed = statistics.median(warm_up(facilities) for _ in range(repeat))
    per_unit = (medians["anct:service_gap"] - fixed) / units.featureCount() * 1e6
    print(f"  anct:service_gap fixed cost (1 unit, same facilities): {fixed:.3f} s; then {per_unit:.1f} us per unit")
    ours = {f["code"]: (f["distance_m"], f["facility_id"]) for f in last["anct:service_gap"]["OUTPUT"].getFeatures()}
    join = {f["code"]: (f["distance"], f["id"]) for f in last["native:joinbynearest"]["OUTPUT"].getFeatures()}
    hubs = {f["code"]: f["HubDist"] for f in last["qgis:distancetonearesthubpoints"]["OUTPUT"].getFeatures()}
    common = sorted(set(ours) & set(join))
    difference = np.array([abs(ours[code][0] - join[code][0]) for code in common])
    same_facility = sum(ours[code][1] == join[code][1] for code in common)
    hub_relative = np.array([abs(hubs[code] - ours[code][0]) / max(ours[code][0], 1.0) for code in common])
    print(
        f"  distance_m vs joinbynearest distance: {len(common):,} of {len(ours):,} units compared, "
        f"max |difference| {difference.max():.6f} m; same facility for {same_facility:,}"
    )
    print(
        f"  (distancetonearesthubpoints' HubDist, measured with the context's ellipsoid: max relative "
        f"difference {hub_relative.max() * 100:.3f} %)"
    )
    hub_ratio = medians["qgis:distancetonearesthubpoints"] / medians["anct:service_gap"]
    join_ratio = medians["native:joinbynearest"] / medians["anct:service_gap"]
    gap_runs = harness.summarise(times["anct:service_gap"])
    size = f"{units.featureCount():,} points x {facilities.featureCount():,} facilities"
    for name, target in (
        ("qgis:distancetonearesthubpoints", STRAIGHT_HUB_TARGET),
        ("native:joinbynearest", STRAIGHT_JOIN_TARGET),
    ):
        native = harness.summarise(times[name])
        record.add(
            harness.Scenario(
                f"straight:{name.split(':')[1]}",
                f"straight line, {size}",
                gap_runs,
                native,
                native_label=f"`{name}`",
                target=f"≥ {target:g}x faster",
                met=native.median / gap_runs.median >= target,
            )
        )
    if hub_ratio < STRAIGHT_HUB_TARGET or join_ratio < STRAIGHT_JOIN_TARGET or profile:
        profile_run(*tools["anct:service_gap"], top=15)
    results.append(("straight: service_gap", f"{medians['anct:service_gap']:.3f} s", "", ""))
    results.append(
        (
            "straight: vs distancetonearesthubpoints",
            f"{hub_ratio:.2f}x faster",
            f">= {STRAIGHT_HUB_TARGET:g}x",
            yes(hub_ratio >= STRAIGHT_HUB_TARGET),
        )
    )
    results.append(
        (
            "straight: vs joinbynearest",
            f"{join_ratio:.2f}x faster",
            f">= {STRAIGHT_JOIN_TARGET:g}x",
            yes(join_ratio >= STRAIGHT_JOIN_TARGET),
        )
    )
    results.append(
        (
            "straight: |distance_m - join distance|",
            f"{difference.max():.2e} m",
            "<= 1 m",
            yes(len(common) == len(ours) and difference.max() <= 1.0),
        )
    )


def yes(condition):
    return "yes" if condition else "NO"


# --- 2. grid ------------------------------------------------------------------------------
def grid(seed, sizes, profile, results, record):
    path, how = make_grid(seed, sizes["cells"])
    print(f"\n== 2. grid: {sizes['cells']:,} cells of 200 m x {sizes['facilities']:,} facilities ==")
    print(f"  {path} ({how}, {path.stat().st_size / 1e6:.0f} MB)")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "grid.json"
        command = [
            sys.executable,
            __file__,
            "--grid-worker",
            str(path),
            "--seed",
            str(seed),
            "--facilities",
            str(sizes["facilities"]),
            "--report",
            str(report),
        ]
        if profile:
            command.append("--profile")
        subprocess.run(command, check=True, env=os.environ.copy())
        figures = json.loads(report.read_text())
    met = figures["seconds"] < GRID_TARGET_S
    record.add(
        harness.Scenario(
            "grid",
            f"grid, {sizes['cells']:,} cells x {sizes['facilities']:,} facilities (child process)",
            harness.summarise([figures["seconds"]]),
            target=f"< {GRID_TARGET_S:g} s",
            met=met,
            peak_mb=figures["peak_rss_mb"],
        )
    )
    results.append(("grid: service_gap", f"{figures['seconds']:.1f} s", f"< {GRID_TARGET_S:g} s", yes(met)))
    results.append(("grid: peak RSS (child process)", f"{figures['peak_rss_mb']:.0f} MB", "", ""))
    results.append(("grid stage: read cells", f"{figures['read_s']:.1f} s", "", ""))
    results.append(("grid stage: read + point on surface", f"{figures['origin_s']:.1f} s", "", ""))
    results.append(("grid stage: read + build + write GPKG", f"{figures['write_s']:.1f} s", "", ""))
    results.append(("grid stage: close GPKG (commit, R-tree)", f"{figures['close_s']:.1f} s", "", ""))
    results.append(("grid stage: close GPKG without R-tree", f"{figures['close_no_rtree_s']:.1f} s", "", ""))
    if "memory_s" in figures:
        results.append(("grid: service_gap, OUTPUT=memory:", f"{figures['memory_s']:.1f} s", "", ""))


def grid_worker(args):
    """Child process: time service_gap on the grid, report peak RSS, profile when over target."""
    app = harness.start_qgis(provider=True)
    with tempfile.TemporaryDirectory() as folder:
        configure_data_layer(os.path.join(folder, "cache"))
        facilities = facilities_layer(args.seed, args.facilities)
        warm_up(facilities)
        print(f"  commune table in the cache (lcog_geo -> département, EPCI): {load_commune_table()}")
        grid_layer = QgsVectorLayer(f"{args.grid_worker}|layername=grid", "grid", "ogr")
        rss_before = vm_hwm_mb()
        parameters = {
            "POPULATION": grid_layer,
            "POPULATION_FIELD": "ind",
            "FACILITIES": facilities,
            "MODE": "straight",
            "OUTPUT": os.path.join(folder, "out.gpkg"),
        }
        seconds, outputs, messages = run("anct:service_gap", parameters)
        peak, peak_rusage = vm_hwm_mb(), peak_rss_mb()
        out = outputs["OUTPUT"]
        out = out if isinstance(out, QgsVectorLayer) else QgsVectorLayer(out, "out", "ogr")
        print(
            f"  anct:service_gap {seconds:.1f} s, {outputs['UNITS']:,} units written "
            f"({out.featureCount():,} in the output), {outputs['POPULATION_BEYOND']:,.0f} inhabitants beyond 20 km"
        )
        print(
            f"  peak RSS of the child process {peak:.0f} MB (VmHWM; {rss_before:.0f} MB before the run; "
            f"getrusage ru_maxrss {peak_rusage:.0f} MB, which on Linux also counts the parent's peak "
            f"inherited across fork+exec)"
        )
        for message in messages:
            print(f"    | {message}")
        out = None
        figures = {"seconds": seconds, "peak_rss_mb": peak, "rss_before_mb": rss_before}
        figures.update(stage_costs(grid_layer, folder))
        if seconds >= GRID_TARGET_S or args.profile:
            memory_seconds, _outputs, _messages = run("anct:service_gap", {**parameters, "OUTPUT": "memory:"})
            _outputs = None
            figures["memory_s"] = memory_seconds
            print(f"  the same run with OUTPUT=memory: (no GeoPackage written): {memory_seconds:.1f} s")
            parameters["OUTPUT"] = os.path.join(folder, "profiled.gpkg")
            profile_run("anct:service_gap", parameters)
    Path(args.report).write_text(json.dumps(figures))
    quit_without_teardown(app)


def quit_without_teardown(app):
    """QGIS 3.22 can crash in exitQgis() while Python still holds layers: flush and leave at once."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def vm_hwm_mb():
    """Peak resident set of this process image (reset by exec, unlike ru_maxrss)."""
    return harness.status_mb("VmHWM")


def stage_costs(layer, folder):
    """What each step of the pass over the cells costs on its own (seconds), in QGIS/PyQGIS.

    read: the feature iterator with the attributes service_gap asks for;
    origin: read + copy the geometry, transform it (identity here) and take its point on surface;
    write: turn each read feature into a 10-field output feature (setFields, setAttributes: the
    geometry is not copied) and add them to a GeoPackage sink made by
    QgsProcessingUtils.createFeatureSink, as Processing does for OUTPUT=*.gpkg, in batches
    of 100,000 with FastInsert; close: deleting that sink (commit, R-tree).
    """
    from processing.tools import dataobjects
    from qgis.core import (
        QgsCoordinateTransform,
        QgsFeatureRequest,
        QgsProcessingUtils,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )

    from anct_qgis_plugin.engine.service_gap import output_fields

    request = QgsFeatureRequest().setSubsetOfAttributes(["ind", "idcar_200m"], layer.fields())
    costs = {}
    started = time.perf_counter()
    for feature in layer.getFeatures(request):
        feature.geometry()
        feature["ind"]
        feature["idcar_200m"]
    costs["read_s"] = time.perf_counter() - started
    transform = QgsCoordinateTransform(layer.crs(), layer.crs(), QgsProject.instance().transformContext())
    started = time.perf_counter()
    for feature in layer.getFeatures(request):
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        geometry.pointOnSurface().asPoint()
    costs["origin_s"] = time.perf_counter() - started
    fields = output_fields("idcar_200m")
    context = dataobjects.createContext()
    costs["write_s"], costs["close_s"] = write_stage(
        layer,
        request,
        fields,
        lambda: QgsProcessingUtils.createFeatureSink(
            os.path.join(folder, "stage.gpkg"), context, fields, QgsWkbTypes.Polygon, layer.crs()
        )[0],
    )
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "stage"
    options.layerOptions = [
        option for option in QgsVectorFileWriter.defaultLayerOptions("GPKG") if not option.startswith("SPATIAL_INDEX=")
    ] + ["SPATIAL_INDEX=NO"]
    costs["write_no_rtree_s"], costs["close_no_rtree_s"] = write_stage(
        layer,
        request,
        fields,
        lambda: QgsVectorFileWriter.create(
            os.path.join(folder, "stage-no-rtree.gpkg"),
            fields,
            QgsWkbTypes.Polygon,
            layer.crs(),
            QgsProject.instance().transformContext(),
            options,
        ),
    )
    print("  stages on their own (QGIS calls only, no plugin code):")
    print(f"    read the cells (iterator, geometry, 2 attributes)        {costs['read_s']:6.1f} s")
    print(f"    read + geometry copy + transform + pointOnSurface        {costs['origin_s']:6.1f} s")
    print(f"    read + build 10-field features + sink.addFeatures (GPKG) {costs['write_s']:6.1f} s")
    print(f"    close the GPKG sink (commit, R-tree)                     {costs['close_s']:6.1f} s")
    print(f"    same write, GPKG layer without spatial index             {costs['write_no_rtree_s']:6.1f} s")
    print(f"    close that sink (commit only)                            {costs['close_no_rtree_s']:6.1f} s")
    return costs


def write_stage(layer, request, fields, make_sink):
    """(seconds to build and add every output feature, seconds to close the sink).

    The sink is made here and only referenced here, so that ``del`` closes it."""
    from qgis.core import QgsFeatureSink

    sink = make_sink()
    started = time.perf_counter()
    batch = []
    for feature in layer.getFeatures(request):
        code, ind = feature["idcar_200m"], feature["ind"]
        feature.setFields(fields, True)  # the read feature becomes the output one: its geometry is not copied
        feature.setAttributes([code, ind, "", "", "FS00001", "Site 1", 1234.5, None, None, 0])
        batch.append(feature)
        if len(batch) == 100_000:
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
            batch = []
    sink.addFeatures(batch, QgsFeatureSink.FastInsert)
    batch = None
    written = time.perf_counter() - started
    started = time.perf_counter()
    del sink  # the only reference: the writer closes here
    return written, time.perf_counter() - started


PROFILE_GROUPS = (  # (label, substrings of a cProfile function name); the first match wins
    ("pointOnSurface (GEOS)", ("pointOnSurface",)),
    ("centroid", ("'centroid'",)),
    ("read features (OGR iterator)", ("__next__", "nextFeature", "getFeatures")),
    ("write features (sink.addFeatures)", ("addFeatures", "addFeature")),
    ("QgsGeometry copy / transform", ("QgsGeometry' objects", "'transform'", "QgsGeometry.__init__")),
    ("QgsFeature build (setAttributes, setGeometry)", ("setAttributes", "setGeometry", "QgsFeature")),
    ("attribute access (feature[field])", ("__getitem__",)),
    ("k-d tree query", ("query", "cKDTree")),
    ("summary (pandas)", ("pandas", "summarise")),
)


def profile_run(algorithm, parameters, top=20):
    print(
        f"\n  cProfile of another {algorithm} run (profiling slows Python-level code; read the shares, not the total):"
    )
    profiler = cProfile.Profile()
    profiler.enable()
    started = time.perf_counter()
    run(algorithm, parameters)
    wall = time.perf_counter() - started
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    print(f"  profiled wall time {wall:.1f} s, profiled total {total:.1f} s")
    rows = sorted(((tt, calls, func) for func, (_cc, calls, tt, _ct, _callers) in stats.stats.items()), reverse=True)
    print(f"  {'own time':>9} {'share':>6} {'calls':>10}  function")
    for tt, calls, func in rows[:top]:
        print(f"  {tt:8.2f}s {100 * tt / total:5.1f}% {calls:>10,}  {describe(func)}")
    groups = {}
    for tt, _calls, func in rows:
        name = describe(func)
        label = next(
            (label for label, keys in PROFILE_GROUPS if any(key in name for key in keys)),
            "other Python (loop bodies, numpy, helpers)",
        )
        groups[label] = groups.get(label, 0.0) + tt
    print("\n  grouped (own time):")
    for label, tt in sorted(groups.items(), key=lambda item: -item[1]):
        print(f"  {tt:8.2f}s {100 * tt / total:5.1f}%  {label}")
    cumulative = sorted(
        (
            (ct, func)
            for func, (_cc, _calls, _tt, ct, _callers) in stats.stats.items()
            if "service_gap.py" in func[0] or "gap.py" in func[0] or "nearest.py" in func[0]
        ),
        reverse=True,
    )
    print("\n  plugin functions (cumulative time):")
    for ct, func in cumulative[:8]:
        print(f"  {ct:8.2f}s {100 * ct / total:5.1f}%  {describe(func)}")
    print(
        "  note: cProfile cannot see the SIP feature iterator's __next__ (a type slot, not a call), nor the\n"
        "  C++ destructors that run when a frame's locals are freed after it returned (QgsFeature lists,\n"
        "  the output sink, closed when _measure_units returns): that time is charged as 'own time' of the\n"
        "  Python function that was running (the iterating loop, or the caller). The stage timings say\n"
        "  what those hidden parts cost."
    )


def describe(func):
    filename, line, name = func
    if filename == "~":
        return name
    return f"{Path(filename).name}:{line} {name}"


def load_commune_table():
    """What a user's session holds: the commune table in the plugin's cache (from the mirror)."""
    from anct_qgis_plugin.core.errors import AnctError
    from anct_qgis_plugin.core.service import AnctData

    try:
        return f"{len(AnctData().territory_index().communes):,} communes"
    except AnctError as error:
        return f"unavailable ({error}): départements from the codes, no EPCI"


def warm_up(facilities):
    """One small run (1 unit): first-call costs out of the way, or the algorithm's fixed cost."""
    units = point_layer("warm", [(650_000.0, 6_860_000.0)], [("population", QVariant.Double)], [[1.0]])
    seconds, _outputs, _messages = run(
        "anct:service_gap",
        {"POPULATION": units, "POPULATION_FIELD": "population", "FACILITIES": facilities, "OUTPUT": "memory:"},
    )
    return seconds


# --- 3. road ------------------------------------------------------------------------------
def road(seed, sizes, results, record):
    side = sizes["road_side"]
    path, how = make_network(seed, side)
    network = QgsVectorLayer(f"{path}|layername=roads", "roads", "ogr")
    nodes = network_nodes(seed, side).reshape(-1, 2)
    rng = rng_for(seed, 7)
    picked = rng.choice(len(nodes), size=sizes["road_facilities"] + SPOT_CHECKS, replace=False)
    facility_xy, spot_xy = nodes[picked[: sizes["road_facilities"]]], nodes[picked[sizes["road_facilities"] :]]
    facilities = point_layer(
        "road facilities", facility_xy, [("id", QVariant.String)], [[f"F{i:02d}"] for i in range(len(facility_xy))]
    )
    xmin, ymin = ROAD_ORIGIN
    unit_xy = rng.uniform((xmin, ymin), (xmin + ROAD_EXTENT_M, ymin + ROAD_EXTENT_M), size=(sizes["road_points"], 2))
    unit_xy[:SPOT_CHECKS] = spot_xy  # the spot-checked units sit on network vertices: no access leg
    units = point_layer(
        "road population",
        unit_xy,
        [("code", QVariant.String), ("population", QVariant.Double)],
        [[f"R{i:06d}", 100.0] for i in range(len(unit_xy))],
    )
    print(
        f"\n== 3. road: network {side} x {side} nodes, {network.featureCount():,} edges ({how}), "
        f"{facilities.featureCount()} facilities, {units.featureCount():,} points =="
    )
    print(f"  {path}")
    common = {
        "SPEED_FIELD": "speed",
        "DIRECTION_FIELD": "dir",
        "VALUE_FORWARD": "1",
        "VALUE_BACKWARD": "2",
        "VALUE_BOTH": "0",
        "DEFAULT_SPEED": 50.0,
    }
    ours_seconds, outputs, messages = run(
        "anct:service_gap",
        {
            "POPULATION": units,
            "POPULATION_FIELD": "population",
            "FACILITIES": facilities,
            "MODE": "road",
            "NETWORK": network,
            "OUTPUT": "memory:",
            **common,
        },
    )
    print(f"  anct:service_gap MODE=road {ours_seconds:.2f} s")
    for message in messages:
        print(f"    | {message}")
    ours = {f["code"]: f for f in outputs["OUTPUT"].getFeatures()}
    reached = sum(1 for f in ours.values() if f["time_min"] is not None and f["time_min"] == f["time_min"])
    print(f"  {reached:,} of {len(ours):,} units reach a facility")
    native_times = []
    for i, (x, y) in enumerate(facility_xy[:NATIVE_FACILITIES_MEASURED]):
        seconds, native_out, _messages = run(
            "native:shortestpathpointtolayer",
            {
                "INPUT": network,
                "STRATEGY": 1,
                "DEFAULT_DIRECTION": 2,
                "TOLERANCE": 0,
                "START_POINT": f"{x!r},{y!r} [EPSG:2154]",
                "END_POINTS": units,
                "OUTPUT": "memory:",
                **common,
            },
        )
        native_times.append(seconds)
        print(
            f"  native:shortestpathpointtolayer from facility {i}: {seconds:.2f} s "
            f"({native_out['OUTPUT'].featureCount():,} routes)"
        )
    per_facility = statistics.mean(native_times)
    extrapolated = per_facility * len(facility_xy)
    ratio = extrapolated / ours_seconds
    print(f"  native, extrapolated to {len(facility_xy)} facilities: {extrapolated:.1f} s; ratio {ratio:.1f}x")
    worst, worst_raw = spot_check(network, facility_xy, unit_xy, ours, common)
    record.add(
        harness.Scenario(
            "road",
            f"road, {network.featureCount():,} edges, {len(facility_xy)} facilities, {units.featureCount():,} points",
            harness.summarise([ours_seconds]),
            harness.summarise([seconds * len(facility_xy) for seconds in native_times]),
            native_label=f"`native:shortestpathpointtolayer` x{len(facility_xy)} (extrapolated)",
            target=f"≥ {ROAD_RATIO_TARGET:g}x faster",
            met=ratio >= ROAD_RATIO_TARGET,
        )
    )
    results.append(
        ("road: service_gap", f"{ours_seconds:.2f} s", f"< {ROAD_TARGET_S:g} s", yes(ours_seconds < ROAD_TARGET_S))
    )
    results.append((f"road: native x{len(facility_xy)} (extrapolated)", f"{extrapolated:.1f} s", "", ""))
    results.append(
        (
            "road: ratio native / service_gap",
            f"{ratio:.1f}x",
            f">= {ROAD_RATIO_TARGET:g}x",
            yes(ratio >= ROAD_RATIO_TARGET),
        )
    )
    results.append(
        (f"road: spot check, raw ({SPOT_CHECKS} units)", f"max {worst_raw:.3f} %", "<= 1 %", yes(worst_raw <= 1.0))
    )
    results.append(("road: spot check, same plane", f"max {worst:.4f} %", "<= 1 %", yes(worst <= 1.0)))


def spot_check(network, facility_xy, unit_xy, ours, common):
    """Unit -> its facility with native:shortestpathpointtopoint, the same direction as ours.

    QGIS 3.22's graph builder measures edges on the WGS84 ellipsoid whatever the context says,
    while service_gap measures in the plane of EPSG:2154: the raw difference carries the local
    scale error of Lambert-93 (~0.1 % here). The corrected figure scales native's time by the
    planar / ellipsoidal length of native's own route.
    """
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea

    ellipsoid = QgsDistanceArea()
    ellipsoid.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance().transformContext())
    ellipsoid.setEllipsoid("WGS84")
    print("  spot check, unit -> its facility, native:shortestpathpointtopoint (TRAVEL_COST is in hours):")
    worst = worst_raw = 0.0
    for i in range(SPOT_CHECKS):
        feature = ours[f"R{i:06d}"]
        facility = int(str(feature["facility_id"])[1:])
        (ux, uy), (fx, fy) = unit_xy[i], facility_xy[facility]
        _seconds, native_out, _messages = run(
            "native:shortestpathpointtopoint",
            {
                "INPUT": network,
                "STRATEGY": 1,
                "DEFAULT_DIRECTION": 2,
                "TOLERANCE": 0,
                "START_POINT": f"{ux!r},{uy!r} [EPSG:2154]",
                "END_POINT": f"{fx!r},{fy!r} [EPSG:2154]",
                "OUTPUT": "memory:",
                **common,
            },
        )
        native_min = native_out["TRAVEL_COST"] * 60.0
        route = next(native_out["OUTPUT"].getFeatures()).geometry()
        planar_min = native_min * route.length() / ellipsoid.measureLength(route)
        raw = 100.0 * abs(native_min - feature["time_min"]) / native_min
        difference = 100.0 * abs(planar_min - feature["time_min"]) / planar_min
        worst, worst_raw = max(worst, difference), max(worst_raw, raw)
        print(
            f"    unit {i} -> F{facility:02d}: service_gap {feature['time_min']:.3f} min "
            f"(access {feature['access_m']:.2f} m); native {native_min:.3f} min (difference {raw:.3f} %), "
            f"in the plane {planar_min:.3f} min (difference {difference:.4f} %)"
        )
    return worst, worst_raw


# --- 4. Indre -----------------------------------------------------------------------------
def indre(results, record):
    print("\n== 4. real data: Indre (TERRITORY=36), communes x France services of the whole country ==")
    if not SHARED_MIRROR.is_dir():
        print("  skipped: ../shared/mirror is absent")
        results.append(("Indre (real data)", "skipped", "", ""))
        return
    with tempfile.TemporaryDirectory() as cache_dir:
        configure_data_layer(cache_dir)
        from anct_qgis_plugin.core import service

        service._INDEX_MEMO.clear()  # a cold run: the territory index is read from the fresh cache
        figures = []
        for label in ("cold cache", "warm cache"):
            seconds, outputs, messages = run(
                "anct:service_gap", {"TERRITORY": "36", "MODE": "straight", "OUTPUT": "memory:", "SUMMARY": "memory:"}
            )
            total = next(f["population"] for f in outputs["SUMMARY"].getFeatures() if f["level"] == "total")
            figures.append(seconds)
            print(
                f"  {label}: {seconds:.2f} s, {outputs['UNITS']} communes, population {total:,.0f}, "
                f"{outputs['POPULATION_BEYOND']:,.0f} beyond 20 km"
            )
        for message in messages:
            print(f"    | {message}")
    results.append(("Indre: service_gap cold / warm", f"{figures[0]:.2f} / {figures[1]:.2f} s", "", ""))
    for state, seconds in zip(("cold", "warm"), figures):
        record.add(
            harness.Scenario(f"indre:{state}", f"Indre (real data), {state} cache", harness.summarise([seconds]))
        )
    results.append(("Indre: population beyond 20 km", f"{outputs['POPULATION_BEYOND']:,.0f}", "", ""))


# --- main ---------------------------------------------------------------------------------
MEASURED_CODE = (
    "anct_qgis_plugin/engine/service_gap.py",
    "anct_qgis_plugin/diagnostics/gap.py",
    "anct_qgis_plugin/diagnostics/nearest.py",
    "anct_qgis_plugin/diagnostics/network.py",
    "anct_qgis_plugin/compat.py",
)


def code_state():
    """(commit, whether the measured plugin files differ from it, a digest of those files)."""
    import hashlib

    digest = hashlib.sha1(b"".join((ROOT / name).read_bytes() for name in MEASURED_CODE)).hexdigest()[:12]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", *MEASURED_CODE], cwd=ROOT).returncode != 0
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown", False
    return commit, dirty, digest


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes: 5,000 points, 100k cells, 50k edges")
    parser.add_argument("--skip-grid", action="store_true", help="leave out the grid part")
    parser.add_argument(
        "--only", choices=("straight", "grid", "road", "indre"), action="append", help="run only this part (repeatable)"
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3, help="runs per straight-line figure (median)")
    parser.add_argument("--profile", action="store_true", help="profile the straight and grid runs even when on target")
    parser.add_argument("--grid-worker", help=argparse.SUPPRESS)
    parser.add_argument("--facilities", type=int, default=FULL["facilities"], help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    harness.add_results_option(parser)
    return parser.parse_args()


def main():
    args = parse_args()
    if args.grid_worker:
        return grid_worker(args)
    sizes = QUICK if args.quick else FULL
    commit, dirty, digest = code_state()
    app = harness.start_qgis(provider=True)
    import scipy

    with tempfile.TemporaryDirectory() as cache_dir:
        data_note = configure_data_layer(cache_dir)
        print(
            f"QGIS {Qgis.QGIS_VERSION}, Python {sys.version.split()[0]}, numpy {np.__version__}, "
            f"scipy {scipy.__version__}, {os.cpu_count()} CPUs; seed {args.seed}"
            f"{'; QUICK sizes' if args.quick else ''}"
        )
        print(
            f"code: commit {commit}{' with uncommitted changes to the measured files' if dirty else ''}, "
            f"measured files digest {digest}"
        )
        from processing.tools import dataobjects

        print(
            f"data layer: {data_note}; processing context ellipsoid: "
            f"{dataobjects.createContext().ellipsoid() or '(none)'}"
        )
        first = warm_up(facilities_layer(args.seed, sizes["facilities"]))
        print(f"first service_gap call of the session (1 unit): {first:.2f} s, untimed")
        results, record = [], harness.Record("service_gap")
        started = time.perf_counter()
        parts = set(args.only or ("straight", "grid", "road", "indre")) - ({"grid"} if args.skip_grid else set())
        if "straight" in parts:
            straight(args.seed, sizes, args.repeat, args.profile, results, record)
        if "grid" in parts:
            grid(args.seed, sizes, args.profile, results, record)
        if "road" in parts:
            road(args.seed, sizes, results, record)
        if "indre" in parts:
            indre(results, record)
    print(
        f"\n== summary (seed {args.seed}{', QUICK sizes: targets are for the full sizes' if args.quick else ''}; "
        f"benchmark took {time.perf_counter() - started:.0f} s; peak RSS of this process "
        f"{peak_rss_mb():.0f} MB) =="
    )
    if code_state()[2] != digest:
        print("WARNING: the measured plugin files changed during the run: the figures may mix two versions")
    print(f"{'measure':<42}{'value':>18}{'target':>12}{'met':>6}")
    for name, value, target, met in results:
        print(f"{name:<42}{value:>18}{target:>12}{met:>6}")
    record.write(args.results)
    quit_without_teardown(app)


if __name__ == "__main__":
    main()
