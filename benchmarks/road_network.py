"""Benchmark (not a test): a département-size BD TOPO road network fetched in pages from a
loopback WFS, read into arrays, built into a graph, and anct:service_gap in road mode on it.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/road_network.py [--sections 300000]
        [--repeat 1] [--only cold|warm|gap] [--seed 2024] [--points 20000] [--facilities 30]
        [--native-timeout 300] [--skip-native] [--profile]

The network: a perturbed grid of road sections in Lambert-93 around Indre (300,000 sections
cover about 100 km x 100 km, centred near Châteauroux; fewer sections cover a smaller square at
the same density), 2-8 vertices per section with a z, and the 62 published properties of a
real ``troncon_de_route`` feature (names and value mix taken from the BD TOPO extract of
Marseille 10e in ../shared/data, so that a page weighs what a real page does: about 2.2 kB a
section, 11 MB a page of 5,000). It is served by tests/wfs_roads.py's RoadWfs on a loopback
MirrorServer (empty root) that runs in a child process of its own: its 300,000 dicts and its
json.dumps do not count in the measured process's memory and do not take its GIL, as a remote
server would not.

Measured in this process, through the plugin's own code (Fetcher with ANCT_QGIS_MIRROR set to
the loopback server, RoadFetch, SectionReader with BdTopoProfile, graph_from_vertices,
TravelTimes with the facilities, then a query of the population points):

1. cold: a fresh cache folder, every page downloaded (the 1/25 s request spacing applies);
2. warm: the same cache within its time-to-live, with a new Fetcher and the per-process
   checksum memo cleared (as in a new QGIS session: every cached page is hashed once);
3. gap: ``anct:service_gap`` with MODE=road, no NETWORK, no TERRITORY, NETWORK_BUFFER_KM=0, the
   population points (whose extent is the network's box, so the same URLs) and the facilities,
   warm cache; and, for reference, ``native:shortestpathpointtolayer`` from ONE facility to the
   population points on the same network written as a GeoPackage (the reader's driven lines with
   speed_kmh and direction), run in a child process with a time limit, extrapolated x30;
4. memory: peak RSS of each phase (VmHWM reset before it through /proc/self/clear_refs) and
   the process's peak (getrusage ru_maxrss).

Results and their reading: docs/benchmarks-road-network.md.
"""

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness
import numpy as np

ROOT = harness.ROOT
TESTS = ROOT / "tests"
COLD_TARGET_S = 90.0
WARM_TARGET_S = 15.0
DENSITY_SECTIONS = 300_000  # sections in ...
DENSITY_SIDE_M = 100_000.0  # ... a square of this side
CENTRE = (600_000.0, 6_630_000.0)  # Lambert-93, near Châteauroux (Indre)
CRS = "EPSG:2154"
SERVER_READY = "ROADWFS-READY "

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- the synthetic network (child process: the server) -------------------------------------
INDRE_TOWNS = (
    "CHATEAUROUX",
    "ISSOUDUN",
    "LE BLANC",
    "LA CHATRE",
    "ARGENTON-SUR-CREUSE",
    "BUZANCAIS",
    "DEOLS",
    "LE POINCONNET",
    "VALENCAY",
    "LEVROUX",
    "AIGURANDE",
    "ARDENTES",
    "CHABRIS",
    "ECUEILLE",
    "MEZIERES-EN-BRENNE",
    "SAINT-GAULTIER",
    "VATAN",
    "NEUVY-SAINT-SEPULCHRE",
    "CLION",
    "ETRECHET",
)
STREET_KINDS = ("RTE DE", "CHE DE", "RUE DE", "IMP DE", "ALL DE", "LD", "VC DE")
# nature, share among ordinary sections, importance choices, speed range (km/h), share of
# vitesse_moyenne_vl = 0 (the profile's defaults apply), light-vehicle access
MINOR_NATURES = (
    ("Route à 1 chaussée", 0.70, ("4", "5"), (30, 70), 0.15, "Libre"),
    ("Chemin", 0.12, ("6",), (1, 1), 0.50, "Libre"),
    ("Sentier", 0.06, ("6",), (0, 0), 1.00, "Physiquement impossible"),
    ("Route empierrée", 0.05, ("6",), (10, 20), 0.60, "Libre"),
    ("Rond-point", 0.02, ("4", "5"), (25, 30), 0.30, "Libre"),
    ("Bretelle", 0.02, ("3", "4"), (40, 50), 0.30, "Libre"),
    ("Piste cyclable", 0.02, ("5",), (0, 0), 1.00, "Physiquement impossible"),
    ("Route à 2 chaussées", 0.01, ("4",), (45, 70), 0.10, "Libre"),
)


def side_for(sections):
    """Nodes per side of the grid: 2 s (s - 1) sections at least."""
    side = 2
    while 2 * side * (side - 1) < sections:
        side += 1
    return side


def network_extent(sections):
    half = DENSITY_SIDE_M * (sections / DENSITY_SECTIONS) ** 0.5 / 2
    return CENTRE[0] - half, CENTRE[1] - half, CENTRE[0] + half, CENTRE[1] + half


def build_sections(count, seed):
    """The sections as RoadWfs serves them (GeoJSON dicts made by tests/wfs_roads.section)."""
    from wfs_roads import section

    rng = np.random.default_rng([seed, 11])
    xmin, ymin, xmax, ymax = network_extent(count)
    side = side_for(count)
    spacing = (xmax - xmin) / (side - 1)
    row, col = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    nodes = np.stack([xmin + col * spacing, ymin + row * spacing], axis=-1)
    inner = (row > 0) & (row < side - 1) & (col > 0) & (col < side - 1)  # the box's edge stays straight
    nodes[inner] += rng.uniform(-0.25, 0.25, size=(int(inner.sum()), 2)) * spacing
    nodes = nodes.reshape(-1, 2)
    ids = np.arange(side * side).reshape(side, side)
    tails = np.concatenate([ids[:, :-1].ravel(), ids[:-1, :].ravel()])
    heads = np.concatenate([ids[:, 1:].ravel(), ids[1:, :].ravel()])
    line_index = np.concatenate(
        [
            np.repeat(np.arange(side), side - 1),  # a west-east road: its row
            np.tile(np.arange(side), side - 1),
        ]
    )  # a south-north one: its column
    keep = np.sort(rng.choice(len(tails), size=count, replace=False))  # a few links missing
    tails, heads, line_index = tails[keep], heads[keep], line_index[keep]
    # Road classes by line: a motorway, main roads, secondary roads; the rest drawn from MINOR_NATURES.
    kinds = list(MINOR_NATURES)
    draw = rng.choice(len(kinds), size=count, p=[k[1] for k in kinds])
    vertex_counts = rng.integers(2, 9, size=count)
    z0 = rng.uniform(90.0, 250.0, size=count)
    zeros = rng.random(count)
    unit = rng.random(count)
    direction_draw = rng.random(count)
    names = [f"{kind} {town}" for kind in STREET_KINDS for town in INDRE_TOWNS]
    name_pick = rng.integers(0, len(names), size=count)
    dates = [
        f"20{rng.integers(6, 24):02d}-{rng.integers(1, 13):02d}-{rng.integers(1, 29):02d} "
        f"{rng.integers(0, 24):02d}:{rng.integers(0, 60):02d}:{rng.integers(0, 60):02d}.{rng.integers(0, 1000):03d}"
        for _ in range(500)
    ]
    date_pick = rng.integers(0, len(dates), size=(count, 2))
    communes = [f"36{code:03d}" for code in range(1, 248)]
    features = []
    for i in range(count):
        a, b = nodes[tails[i]], nodes[heads[i]]
        k = int(vertex_counts[i])
        t = np.linspace(0.0, 1.0, k)
        normal = np.array([-(b[1] - a[1]), b[0] - a[0]]) / spacing
        wobble = np.sin(np.pi * t) * rng.uniform(-0.08, 0.08) * spacing
        points = a + (b - a) * t[:, None] + normal * wobble[:, None]
        coordinates = np.round(points, 1).tolist()
        line = int(line_index[i])
        if line % 97 == 48:
            nature, importance, speed, access = "Type autoroutier", "1", 110, "A péage"
        elif line % 24 == 12:
            nature, importance, speed, access = "Route à 2 chaussées", "2", 78, "Libre"
        elif line % 6 == 3:
            nature, importance, speed, access = "Route à 1 chaussée", "3", 68, "Libre"
        else:
            nature, importances, (low, high), zero_share, access = kinds[draw[i]][0], *kinds[draw[i]][2:]
            importance = importances[int(unit[i] * len(importances))]
            speed = 0 if zeros[i] < zero_share else int(low + unit[i] * (high - low))
            if access == "Libre" and unit[i] > 0.95:
                access = "Restreint aux ayants droit"
        if nature in ("Sentier", "Piste cyclable", "Chemin"):
            sens = "Sans objet"
        elif importance in ("4", "5") and direction_draw[i] < 0.09:
            sens = "Sens direct" if direction_draw[i] < 0.05 else "Sens inverse"
        else:
            sens = "Double sens"
        name = names[name_pick[i]] if importance in ("4", "5") else None
        commune = communes[int((coordinates[0][0] - xmin) // 6000 * 17 + (coordinates[0][1] - ymin) // 6000) % 247]
        cleabs = f"TRONROUT{i + 100_000_000_000:016d}"
        feature = section(
            cleabs,
            coordinates,
            nature,
            importance,
            sens,
            speed,
            access,
            name=name,
            nom_collaboratif_gauche=name,
            nom_collaboratif_droite=name,
            nom_2_gauche="",
            nom_2_droite="",
            fictif=False,
            position_par_rapport_au_sol="0",
            etat_de_l_objet="En service",
            date_creation=dates[date_pick[i, 0]],
            date_modification=dates[date_pick[i, 1]],
            date_d_apparition=None,
            date_de_confirmation=None,
            sources=None,
            identifiants_sources=None,
            precision_planimetrique=2.5,
            precision_altimetrique=1.5,
            nombre_de_voies=2.0 if importance != "6" else 1.0,
            largeur_de_chaussee=round(3.0 + 4.0 * unit[i], 1),
            itineraire_vert=False,
            bande_cyclable=None,
            reserve_aux_bus=None,
            urbain=bool(unit[i] < 0.2),
            acces_pieton=None,
            periode_de_fermeture=None,
            nature_de_la_restriction=None,
            restriction_de_hauteur=None,
            restriction_de_poids_total=None,
            restriction_de_poids_par_essieu=None,
            restriction_de_largeur=None,
            restriction_de_longueur=None,
            matieres_dangereuses_interdites="False",
            borne_debut_gauche="",
            borne_debut_droite="",
            borne_fin_gauche="",
            borne_fin_droite="",
            insee_commune_gauche=commune,
            insee_commune_droite=commune,
            type_d_adressage_du_troncon="Classique" if name else None,
            alias_gauche="",
            alias_droit="",
            code_postal_gauche="36000" if name else None,
            code_postal_droit="36000" if name else None,
            date_de_mise_en_service=None,
            identifiant_voie_1_gauche=f"{commune}{name_pick[i]:04d}" if name else "",
            identifiant_voie_1_droite=f"{commune}{name_pick[i]:04d}" if name else "",
            liens_vers_route_nommee="",
            liens_vers_itineraire_autre=None,
            cpx_numero=f"D{line % 997}" if importance in ("2", "3") else None,
            cpx_numero_route_europeenne=None,
            cpx_classement_administratif="Départementale" if importance in ("2", "3") else None,
            cpx_gestionnaire="Indre" if importance in ("2", "3") else None,
            cpx_toponyme_route_nommee=None,
            cpx_toponyme_itineraire_cyclabl=None,
            cpx_toponyme_voie_verte=None,
            cpx_nature_itineraire_autre=None,
            cpx_toponyme_itineraire_autre=None,
        )
        z = round(float(z0[i]), 1)
        for point in feature["geometry"]["coordinates"]:
            point[2] = z
        features.append(feature)
    return features


def serve(args):
    """Child process: build the sections, serve them, answer 'stats' lines on stdin until EOF."""
    sys.path.insert(0, str(TESTS))
    from loopback import MirrorServer
    from wfs_roads import ROUTE_PREFIX, RoadWfs

    started = time.perf_counter()
    features = build_sections(args.sections, args.seed)
    sample = features[:: max(1, len(features) // 2000)]
    bytes_per_section = statistics.mean(len(json.dumps(f, ensure_ascii=False).encode("utf-8")) for f in sample)
    properties = len(features[0]["properties"])
    vertices = statistics.mean(len(f["geometry"]["coordinates"]) for f in features)
    natures = {}
    for feature in features:
        natures[feature["properties"]["nature"]] = natures.get(feature["properties"]["nature"], 0) + 1
    wfs = RoadWfs(features)
    built = time.perf_counter() - started
    answered = [0.0, 0]  # seconds the server spent making answers (filter + json.dumps), bytes

    def timed(relative):
        begun = time.perf_counter()
        answer = wfs(relative)
        answered[0] += time.perf_counter() - begun
        answered[1] += len(answer[1]) if answer else 0
        return answer

    root = tempfile.mkdtemp(prefix="anct-roadwfs-")
    with MirrorServer(root) as server:
        server.add_route(ROUTE_PREFIX, timed)
        print(
            SERVER_READY
            + json.dumps(
                {
                    "base_url": server.base_url,
                    "build_s": built,
                    "bytes_per_section": bytes_per_section,
                    "properties": properties,
                    "vertices_per_section": vertices,
                    "natures": natures,
                    "extent": network_extent(args.sections),
                    "rss_mb": peak_rss_mb(),
                }
            ),
            flush=True,
        )
        for line in sys.stdin:
            if line.strip() == "stats":
                print(
                    json.dumps(
                        {
                            "requests": len(wfs.requests),
                            "rss_mb": peak_rss_mb(),
                            "answer_s": answered[0],
                            "answer_bytes": answered[1],
                        }
                    ),
                    flush=True,
                )
    shutil.rmtree(root, ignore_errors=True)


class Server:
    """The serving child process, seen from the measuring one."""

    def __init__(self, sections, seed):
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", "--sections", str(sections), "--seed", str(seed)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in self.process.stdout:
            if line.startswith(SERVER_READY):
                self.info = json.loads(line[len(SERVER_READY) :])
                return
        raise RuntimeError("the loopback WFS did not start")

    def stats(self):
        self.process.stdin.write("stats\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


# --- measures ---------------------------------------------------------------------------
peak_rss_mb = harness.peak_mb
status_mb = harness.status_mb
run_alg = harness.run_algorithm


def reset_peak():
    """Start a new VmHWM (Linux >= 4.0: writing 5 to clear_refs resets the peak RSS)."""
    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")
        return True
    except OSError:
        return False


class Timers:
    """Wall time spent inside some plugin functions, by wrapping them for the time of a run."""

    def __init__(self):
        self.seconds, self.calls, self._undo = {}, {}, []

    def wrap(self, owner, name, label):
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started
                self.calls[label] = self.calls.get(label, 0) + 1

        setattr(owner, name, timed)
        self._undo.append((owner, name, original))

    def undo(self):
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo = []


def pipeline(box, facility_xy, unit_xy, gc_paused=False):
    """Fetch every page of ``box`` (cache or loopback WFS), read it, build the graph and the
    times to the facilities, query the units: seconds of each step, and what was built."""
    from anct_qgis_plugin.core.roads import road_network
    from anct_qgis_plugin.core.roads.road_network import RoadFetch
    from anct_qgis_plugin.core.roads.road_sections import SectionReader
    from anct_qgis_plugin.core.service import AnctData
    from anct_qgis_plugin.core.travel import cache
    from anct_qgis_plugin.diagnostics.network import TravelTimes, graph_from_vertices
    from anct_qgis_plugin.diagnostics.road_profiles import BdTopoProfile

    cache._VERIFIED.clear()  # a new session: every cached file is hashed once again
    data = AnctData()
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        time.sleep(seconds)

    timers = Timers()
    timers.wrap(road_network, "check_page", "parse pages (json.load in check_page)")
    timers.wrap(cache, "sha1_of", "sha1 of page files")
    timers.wrap(data.fetcher, "fetch", "Fetcher.fetch (cache look-up, download, commit, validate)")
    reader = SectionReader(BdTopoProfile())
    read_s = [0.0]

    def consume(page):
        started = time.perf_counter()
        reader.page(page)
        read_s[0] += time.perf_counter() - started

    enabled = gc.isenabled()
    if gc_paused:
        gc.disable()
    figures = {}
    try:
        peaks = {}
        reset_peak()
        started = time.perf_counter()
        pages = RoadFetch(data.fetcher, CRS, None, None, sleep=sleep).pages(box, consume)
        arrays = reader.arrays()
        figures["fetch_read_s"] = time.perf_counter() - started
        peaks["fetch + read"] = status_mb("VmHWM")
        reset_peak()
        step = time.perf_counter()
        graph = graph_from_vertices(*arrays)
        figures["graph_s"] = time.perf_counter() - step
        peaks["graph"] = status_mb("VmHWM")
        reset_peak()
        step = time.perf_counter()
        times = TravelTimes(graph, facility_xy)
        figures["travel_times_s"] = time.perf_counter() - step
        figures["total_s"] = time.perf_counter() - started
        peaks["TravelTimes"] = status_mb("VmHWM")
        reset_peak()
        step = time.perf_counter()
        facility, seconds, _snap = times.query(unit_xy)
        figures["query_s"] = time.perf_counter() - step
        peaks["query"] = status_mb("VmHWM")
    finally:
        timers.undo()
        if gc_paused and enabled:
            gc.enable()
    figures.update(
        {
            "read_s": read_s[0],
            "slept_s": sum(slept),
            "sleeps": len(slept),
            "steps": dict(timers.seconds),
            "calls": dict(timers.calls),
            "pages": len(pages.urls),
            "matched": pages.matched,
            "from_cache": pages.from_cache,
            "bytes": sum(os.path.getsize(path) for path in {fetched.path for fetched in pages.fetched}),
            "sections_read": reader.read,
            "duplicates": reader.duplicates,
            "driven_lines": len(arrays[1]),
            "vertices": len(arrays[0]),
            "nodes": len(graph.node_xy),
            "edges": graph.edge_count,
            "reached": int(np.isfinite(seconds).sum()),
            "median_min": float(np.median(seconds[np.isfinite(seconds)]) / 60),
            "facilities_used": len(set(facility[facility >= 0].tolist())),
            "step_peaks_mb": peaks,
            "peak_mb": max(peaks.values()),
        }
    )
    return figures, arrays


def report_pipeline(label, figures):
    print(
        f"  {label}: {figures['total_s']:.2f} s to the travel times "
        f"(fetch + read {figures['fetch_read_s']:.2f} s, of which reading pages {figures['read_s']:.2f} s; "
        f"graph {figures['graph_s']:.2f} s; TravelTimes {figures['travel_times_s']:.2f} s); "
        f"query of the units {figures['query_s']:.2f} s"
    )
    print(
        f"    {figures['pages']} pages, {figures['bytes'] / 1e6:.0f} MB, {figures['matched']:,} sections announced, "
        f"{figures['sections_read']:,} read once ({figures['duplicates']:,} duplicates at tile borders), "
        f"{figures['driven_lines']:,} driven lines, {figures['vertices']:,} vertices; graph "
        f"{figures['nodes']:,} nodes, {figures['edges']:,} edges; {figures['reached']:,} units reached, "
        f"median {figures['median_min']:.1f} min, {figures['facilities_used']} facilities used"
    )
    print(f"    request spacing: {figures['sleeps']} waits, {figures['slept_s']:.2f} s in all")
    print("    peak RSS by step: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in figures["step_peaks_mb"].items()))
    for name, seconds in sorted(figures["steps"].items(), key=lambda item: -item[1]):
        print(f"    {name:<62}{seconds:7.2f} s  ({figures['calls'][name]} calls)")


def point_layer(name, xy, with_population):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    fields = "field=code:string&field=population:double" if with_population else "field=id_fs:string&field=nom:string"
    layer = QgsVectorLayer(f"Point?crs={CRS}&{fields}", name, "memory")
    features = []
    for i, (x, y) in enumerate(xy.tolist()):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([f"U{i:06d}", float(1 + i % 300)] if with_population else [f"F{i:02d}", f"Site {i}"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def places(sections, seed, points, facilities):
    """Population points (uniform over the network's square, its four corners among them, so that
    their extent is the box fetched) and facilities (at 'towns' inside the square)."""
    rng = np.random.default_rng([seed, 12])
    xmin, ymin, xmax, ymax = network_extent(sections)
    corners = np.array([[xmin, ymin], [xmax, ymin], [xmin, ymax], [xmax, ymax]])
    units = np.vstack([corners, rng.uniform((xmin, ymin), (xmax, ymax), size=(points - 4, 2))])
    margin = 0.1 * (xmax - xmin)
    sites = rng.uniform((xmin + margin, ymin + margin), (xmax - margin, ymax - margin), size=(facilities, 2))
    return np.round(units, 1), np.round(sites, 1)


# --- the native reference ---------------------------------------------------------------
def write_network_gpkg(path, arrays):
    """The reader's driven lines with speed_kmh and direction (0 both, 1 forward, 2 backward, the
    codes of anct:fetch_road_network's output) as a GeoPackage (not timed)."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    vertices, counts, speeds, directions = arrays
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("roads", srs, ogr.wkbLineString, options=["GEOMETRY_NAME=geom"])
    layer.CreateField(ogr.FieldDefn("speed_kmh", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("direction", ogr.OFTInteger))
    definition = layer.GetLayerDefn()
    ends = np.cumsum(counts)
    layer.StartTransaction()
    for start, end, speed, direction in zip(
        (ends - counts).tolist(), ends.tolist(), speeds.tolist(), directions.tolist()
    ):
        feature = ogr.Feature(definition)
        wkb = struct.pack("<BII", 1, 2, end - start) + np.ascontiguousarray(vertices[start:end], "<f8").tobytes()
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        feature.SetField("speed_kmh", float(speed))
        feature.SetField("direction", int(direction))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None


def native_worker(args):
    """Child process: native:shortestpathpointtolayer from one facility to the units."""
    from qgis.core import QgsVectorLayer

    harness.start_qgis(provider=True)
    units = np.load(args.units)
    layer = point_layer("population", units, True)
    network = QgsVectorLayer(f"{args.native_worker}|layername=roads", "roads", "ogr")
    x, y = (float(value) for value in args.start.split(","))
    seconds, results, _messages = run_alg(
        "native:shortestpathpointtolayer",
        {
            "INPUT": network,
            "STRATEGY": 1,
            "DIRECTION_FIELD": "direction",
            "VALUE_FORWARD": "1",
            "VALUE_BACKWARD": "2",
            "VALUE_BOTH": "0",
            "DEFAULT_DIRECTION": 2,
            "SPEED_FIELD": "speed_kmh",
            "DEFAULT_SPEED": 50,
            "TOLERANCE": 0,
            "START_POINT": f"{x},{y} [{CRS}]",
            "END_POINTS": layer,
            "OUTPUT": "memory:",
        },
    )
    Path(args.report).write_text(
        json.dumps({"seconds": seconds, "routes": results["OUTPUT"].featureCount(), "peak_rss_mb": status_mb("VmHWM")})
    )
    sys.stdout.flush()
    os._exit(0)  # QGIS 3.22 can crash in exitQgis() while Python still holds layers


def native(arrays, units, start, timeout, folder):
    path = Path(folder) / "network.gpkg"
    started = time.perf_counter()
    write_network_gpkg(path, arrays)
    np.save(Path(folder) / "units.npy", units)
    print(
        f"  network GeoPackage for the native tool: {len(arrays[1]):,} lines, {path.stat().st_size / 1e6:.0f} MB, "
        f"written in {time.perf_counter() - started:.1f} s (not timed)"
    )
    report = Path(folder) / "native.json"
    command = [
        sys.executable,
        __file__,
        "--native-worker",
        str(path),
        "--units",
        str(Path(folder) / "units.npy"),
        "--start",
        f"{start[0]},{start[1]}",
        "--report",
        str(report),
    ]
    started = time.perf_counter()
    try:
        subprocess.run(command, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - started
    return json.loads(report.read_text()), time.perf_counter() - started


# --- the run ----------------------------------------------------------------------------
def yes(condition):
    return "yes" if condition else "NO"


def main(args):
    only = set(args.only or ("cold", "warm", "gap"))
    sys.path.insert(0, str(ROOT))
    harness.start_qgis(provider=True)
    from anct_qgis_plugin.core import service
    from anct_qgis_plugin.core.roads.road_network import Box

    units, sites = places(args.sections, args.seed, args.points, args.facilities)
    xmin, ymin, xmax, ymax = network_extent(args.sections)
    box = Box(xmin, ymin, xmax, ymax)
    print(f"Building {args.sections:,} sections in the serving child process...", flush=True)
    server = Server(args.sections, args.seed)
    info = server.info
    print(
        f"  built in {info['build_s']:.0f} s; {info['properties']} properties a section, "
        f"{info['vertices_per_section']:.2f} vertices a section, {info['bytes_per_section']:.0f} bytes a section "
        f"in GeoJSON, so about {info['bytes_per_section'] * 5000 / 1e6:.1f} MB a page of 5,000; "
        f"server RSS {info['rss_mb']:.0f} MB"
    )
    print(
        "  natures: " + ", ".join(f"{name} {n:,}" for name, n in sorted(info["natures"].items(), key=lambda i: -i[1]))
    )
    print(
        f"  box {box.text()} ({(xmax - xmin) / 1000:.0f} km x {(ymax - ymin) / 1000:.0f} km), "
        f"{args.points:,} population points, {args.facilities} facilities"
    )
    folder = tempfile.mkdtemp(prefix="anct-bench-roads-")
    for name in ("ANCT_QGIS_OFFLINE", "ANCT_QGIS_TTL_HOURS", "ANCT_QGIS_DEADLINE", "ANCT_QGIS_MAX_DOWNLOAD_MB"):
        os.environ.pop(name, None)
    os.environ["ANCT_QGIS_MIRROR"] = info["base_url"]
    os.environ["ANCT_QGIS_DATA_DIR"] = os.path.join(folder, "data")
    results, memory, record = [], [], harness.Record("road_network")
    baseline = status_mb("VmRSS")
    print(f"  this process before the runs: {baseline:.0f} MB resident (QGIS, Processing, the plugin)")
    memory.append(("before the runs", baseline, baseline))
    arrays = None
    try:
        cold_runs = []
        cache_dir = os.path.join(folder, "cache-0")
        os.environ["ANCT_QGIS_CACHE_DIR"] = cache_dir
        if "cold" in only or "warm" in only or "gap" in only:
            print("\n== 1. cold: fresh cache, every page from the loopback WFS ==", flush=True)
            runs = args.repeat if "cold" in only else 1
            for index in range(runs):
                cache_dir = os.path.join(folder, f"cache-{index}")
                os.environ["ANCT_QGIS_CACHE_DIR"] = cache_dir
                service._INDEX_MEMO.clear()
                served = server.stats()
                reset_peak()
                figures, arrays = pipeline(box, sites, units)
                gc.collect()
                after = server.stats()
                figures["server_s"] = after["answer_s"] - served["answer_s"]
                figures["served_mb"] = (after["answer_bytes"] - served["answer_bytes"]) / 1e6
                figures["requests"] = after["requests"] - served["requests"]
                figures["rss_after_mb"] = status_mb("VmRSS")
                cold_runs.append(figures)
                report_pipeline(f"run {index + 1}", figures)
                print(
                    f"    the loopback server (child process) spent {figures['server_s']:.2f} s making its answers "
                    f"(box filter + json.dumps, {figures['served_mb']:.0f} MB); the client waits for it"
                )
                print(
                    f"    peak RSS during the run {figures['peak_mb']:.0f} MB, {figures['rss_after_mb']:.0f} MB after",
                    flush=True,
                )
                if index < runs - 1:
                    shutil.rmtree(cache_dir, ignore_errors=True)
            cold = statistics.median(run["total_s"] for run in cold_runs)
            worst = max(cold_runs, key=lambda run: run["peak_mb"])
            memory.append(("cold", worst["peak_mb"], worst["rss_after_mb"]))
            page_mb = cold_runs[0]["bytes"] / cold_runs[0]["pages"] / 1e6
            record.add(
                harness.Scenario(
                    "cold",
                    "cold: fetch + read + graph + times",
                    harness.summarise([run["total_s"] for run in cold_runs]),
                    target=f"< {COLD_TARGET_S:g} s",
                    met=cold < COLD_TARGET_S,
                    peak_mb=worst["peak_mb"],
                )
            )
            results.append(
                (
                    "cold: fetch + read + graph + times",
                    f"{cold:.1f} s",
                    f"< {COLD_TARGET_S:g} s",
                    yes(cold < COLD_TARGET_S),
                )
            )
            results.append(("cold: of which request spacing (1/25 s)", f"{cold_runs[0]['slept_s']:.2f} s", "", ""))
            results.append(("cold: of which server making answers", f"{cold_runs[0]['server_s']:.1f} s", "", ""))
            results.append(("cold: runs", ", ".join(f"{run['total_s']:.1f}" for run in cold_runs), "", ""))
            results.append(
                (
                    "cold: pages / MB / MB a page",
                    f"{cold_runs[0]['pages']} / {cold_runs[0]['bytes'] / 1e6:.0f} / {page_mb:.1f}",
                    "",
                    "",
                )
            )
            results.append(("cold: WFS requests (one run)", f"{cold_runs[0]['requests']}", "", ""))
        if "warm" in only or "gap" in only:
            print("\n== 2. warm: the same cache (within its time-to-live), a new Fetcher ==", flush=True)
            warm_runs = []
            runs = args.repeat if "warm" in only else 1
            before = server.stats()["requests"]
            for index in range(runs):
                reset_peak()
                figures, arrays = pipeline(box, sites, units)
                gc.collect()
                figures["rss_after_mb"] = status_mb("VmRSS")
                warm_runs.append(figures)
                report_pipeline(f"run {index + 1}", figures)
                print(
                    f"    peak RSS during the run {figures['peak_mb']:.0f} MB, {figures['rss_after_mb']:.0f} MB after",
                    flush=True,
                )
            asked = server.stats()["requests"] - before
            warm = statistics.median(run["total_s"] for run in warm_runs)
            worst = max(warm_runs, key=lambda run: run["peak_mb"])
            memory.append(("warm", worst["peak_mb"], worst["rss_after_mb"]))
            record.add(
                harness.Scenario(
                    "warm",
                    "warm: fetch + read + graph + times",
                    harness.summarise([run["total_s"] for run in warm_runs]),
                    target=f"< {WARM_TARGET_S:g} s, no request",
                    met=warm < WARM_TARGET_S and asked == 0,
                    peak_mb=worst["peak_mb"],
                    notes={"requests": asked},
                )
            )
            results.append(
                (
                    "warm: fetch + read + graph + times",
                    f"{warm:.1f} s",
                    f"< {WARM_TARGET_S:g} s",
                    yes(warm < WARM_TARGET_S and asked == 0),
                )
            )
            results.append(("warm: WFS requests", f"{asked}", "0", yes(asked == 0)))
            results.append(("warm: runs", ", ".join(f"{run['total_s']:.1f}" for run in warm_runs), "", ""))
            if "warm" in only:
                reset_peak()
                paused, _arrays = pipeline(box, sites, units, gc_paused=True)
                report_pipeline("the same with Python's cyclic GC paused (as service_gap does)", paused)
                results.append(("warm, cyclic GC paused", f"{paused['total_s']:.1f} s", "", ""))
            if args.profile:
                profile_warm(box, sites, units, folder)
        if "gap" in only:
            gap(args, units, sites, server, results, memory, arrays, folder, record)
    finally:
        server.close()
        shutil.rmtree(folder, ignore_errors=True)
    record.write(args.results)
    # ru_maxrss is reset with VmHWM by clear_refs: the highest phase peak is the process's peak.
    print(f"\nprocess peak RSS (highest phase peak): {max(peak for _name, peak, _after in memory):.0f} MB")
    print("\nmemory (MB)                         peak during    resident after")
    for name, peak, after in memory:
        print(f"  {name:<34}{peak:10.0f}{after:16.0f}")
    print("\nmeasure                                                   value        target   met")
    for name, value, target, met in results:
        print(f"{name:<48}{value:>18}{target:>14}{met:>6}")
    sys.stdout.flush()
    os._exit(0)  # QGIS 3.22 can crash in exitQgis() while Python still holds layers


def gap(args, units, sites, server, results, memory, arrays, folder, record):
    print("\n== 3. anct:service_gap, MODE=road, no NETWORK, NETWORK_BUFFER_KM=0, warm cache ==", flush=True)
    from anct_qgis_plugin.core.travel import cache

    population = point_layer("population", units, True)
    facilities = point_layer("facilities", sites, False)
    parameters = {
        "POPULATION": population,
        "POPULATION_FIELD": "population",
        "FACILITIES": facilities,
        "MODE": "road",
        "NETWORK_BUFFER_KM": 0,
        "OUTPUT": "memory:",
    }
    before = server.stats()["requests"]
    times = []
    for _ in range(args.repeat):
        cache._VERIFIED.clear()
        reset_peak()
        seconds, outputs, messages = run_alg("anct:service_gap", parameters)
        times.append(seconds)
        peak = status_mb("VmHWM")
        print(f"  {seconds:.2f} s, {outputs['UNITS']:,} units, peak RSS during the run {peak:.0f} MB", flush=True)
    for message in messages:
        print(f"    | {message}")
    outputs = None
    gc.collect()
    memory.append(("gap (service_gap)", peak, status_mb("VmRSS")))
    asked = server.stats()["requests"] - before
    ours = statistics.median(times)
    results.append(("gap: anct:service_gap (road, warm)", f"{ours:.1f} s", "", ""))
    results.append(("gap: WFS requests", f"{asked}", "0", yes(asked == 0)))
    scenario = record.add(
        harness.Scenario(
            "gap",
            "gap: `anct:service_gap` (road, warm)",
            harness.summarise(times),
            target="no request",
            met=asked == 0,
            peak_mb=peak,
            notes={"requests": asked},
        )
    )
    if args.skip_native or arrays is None:
        return
    print(
        f"\n== 3b. native:shortestpathpointtolayer, ONE facility, {len(units):,} end points "
        f"(child process, limit {args.native_timeout:g} s) ==",
        flush=True,
    )
    figures, elapsed = native(arrays, units, sites[0], args.native_timeout, folder)
    if figures is None:
        print(f"  not finished after {elapsed:.0f} s: stopped")
        results.append(("gap: native, 1 facility", f"> {args.native_timeout:g} s", "", ""))
        results.append(("gap: native x30 / service_gap", f"> {args.native_timeout * 30 / ours:.0f}x", "", ""))
        return
    print(
        f"  {figures['seconds']:.1f} s for one facility ({figures['routes']:,} routes), child peak RSS "
        f"{figures['peak_rss_mb']:.0f} MB"
    )
    extrapolated = figures["seconds"] * args.facilities
    scenario.native = harness.summarise([extrapolated])
    scenario.native_label = f"`native:shortestpathpointtolayer` x{args.facilities} (extrapolated, child process)"
    results.append(("gap: native, 1 facility", f"{figures['seconds']:.1f} s", "", ""))
    results.append((f"gap: native x{args.facilities} (extrapolated)", f"{extrapolated:.0f} s", "", ""))
    results.append(("gap: native x30 / service_gap", f"{extrapolated / ours:.0f}x", "", ""))


def profile_warm(box, sites, units, folder):
    print("\n== profile of one warm run (cProfile; own time, then cumulative) ==", flush=True)
    profiler = cProfile.Profile()
    profiler.enable()
    figures, _arrays = pipeline(box, sites, units)
    profiler.disable()
    path = Path(tempfile.gettempdir()) / "anct-bench-road-network-warm.prof"
    profiler.dump_stats(str(path))
    total = figures["total_s"] + figures["query_s"]
    for sort in ("tottime", "cumulative"):
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats(sort).print_stats(22)
        print(f"  profiled run {total:.2f} s (with the query); stats in {path}; sorted by {sort}:")
        print("\n".join("    " + line for line in stream.getvalue().splitlines() if line.strip())[:6000])


def parse():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sections", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each phase asked for with --only (median)")
    parser.add_argument(
        "--only",
        action="append",
        choices=("cold", "warm", "gap"),
        help="phases to run (repeatable); warm and gap fill the cache with one cold run first",
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--points", type=int, default=20_000)
    parser.add_argument("--facilities", type=int, default=30)
    parser.add_argument("--native-timeout", type=float, default=300.0)
    parser.add_argument("--skip-native", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile one more warm run")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--native-worker", help=argparse.SUPPRESS)
    parser.add_argument("--units", help=argparse.SUPPRESS)
    parser.add_argument("--start", help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    harness.add_results_option(parser)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.serve:
        serve(arguments)
    elif arguments.native_worker:
        sys.path.insert(0, str(ROOT))
        native_worker(arguments)
    else:
        main(arguments)
