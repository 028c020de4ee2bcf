"""Benchmark (not a test): anct:department_atlas, one sheet and a whole région, cold and warm cache.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/atlas.py [--repeat 1]
        [--transport http|folder|both] [--work DIR] [--keep] [--render 37]
        [--profile sheet-cold|sheet-warm|region-cold|region-warm|combined-cold|combined-warm]

The shared mirror (../shared/mirror) has commune outlines for Indre (36) only. The script first
builds, in a temporary folder (never in the repository), a benchmark mirror: a copy of
../shared/mirror plus SYNTHETIC commune outlines for the five other départements of
Centre-Val de Loire (18, 28, 37, 41, 45): each real département outline (IGN WFS file of the
mirror) is cut into as many pieces as the département has communes in the national commune
table, and each piece carries that commune's code, name, EPCI and population.

Then it runs anct:department_atlas as a user would (Processing, the plugin's provider) with a
fresh cache, against that mirror served over loopback HTTP by tests/loopback.py's MirrorServer
in a separate process ("http"), or read as a mirror folder ("folder"):

    sheet     DEPARTMENTS=36      OUTPUT_FOLDER   target < 10 s
    region    DEPARTMENTS=reg:24  OUTPUT_FOLDER   target < 60 s
    combined  DEPARTMENTS=reg:24  OUTPUT_PDF      target < 60 s

cold = an empty cache (and no territory index in memory); warm = the cache the cold run just
filled, in the same process, as a second run in a QGIS session would find it. Every figure is
the median of --repeat runs. Results and their reading: docs/benchmarks-atlas.md.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/atlas.py --france [--repeat 1] [--sheet-only]

--france: the whole atlas against one sheet in the same process, offline from ../shared/mirror
itself (it has the commune outlines of every département: no synthetic mirror), read as a mirror
folder: DEPARTMENTS=36 then DEPARTMENTS=all, each cold then warm; the ratio all / one sheet
(target: at most 12) and the process's peak memory (target: under 1.5 GB).
"""

import argparse
import cProfile
import io
import json
import math
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness

ROOT = harness.ROOT
SHARED_MIRROR = harness.SHARED_MIRROR
REGION = "24"  # Centre-Val de Loire
REAL_OUTLINES = ("36",)  # départements whose commune outlines the shared mirror really has
SHEET_TARGET_S = 10.0
REGION_TARGET_S = 60.0
GEO_API = "geo.api.gouv.fr"
COMMUNES_TABLE = f"{GEO_API}/communes@fields=nom,code,codeDepartement,codeRegion,codeEpci,population&format=json"
OUTLINES = GEO_API + "/communes@codeDepartement={dep}&format=geojson&geometry=contour"
DEPARTEMENTS_WFS = (
    "data.geopf.fr/wfs/ows@OUTPUTFORMAT=application%2Fjson&REQUEST=GetFeature&SERVICE=WFS"
    "&SRSNAME=EPSG%3A4326&TYPENAMES=ADMINEXPRESS-COG-CARTO.LATEST%3Adepartement&VERSION=2.0.0"
)
SCENARIOS = {  # name: (DEPARTMENTS, output kind, target in seconds)
    "sheet": ("36", "folder", SHEET_TARGET_S),
    "region": (f"reg:{REGION}", "folder", REGION_TARGET_S),
    "combined": (f"reg:{REGION}", "pdf", REGION_TARGET_S),
}
FRANCE_RATIO_TARGET = 12.0  # the whole atlas at most 12 times one sheet of the same run
FRANCE_MEMORY_TARGET_MB = 1500.0
ALL = "all"  # --france: DEPARTMENTS=all (the 101 départements)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Import QGIS before tests/ goes on the path: the package tests/qgis would shadow it.
from qgis.core import (  # noqa: E402
    Qgis,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsWkbTypes,
)

sys.path.insert(0, str(ROOT))

SERVER_CODE = (  # tests/loopback.py's MirrorServer in a process of its own, as a real server would be
    "import sys\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from loopback import MirrorServer\n"
    "server = MirrorServer(sys.argv[2]).start()\n"
    "print(server.base_url, flush=True)\n"
    "sys.stdin.read()\n"
    "server.stop()\n"
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; the median is reported")
    parser.add_argument(
        "--transport",
        choices=("http", "folder", "both"),
        default="both",
        help="mirror served over loopback HTTP, read as a folder, or both (default)",
    )
    parser.add_argument("--work", help="work folder (default: a new temporary folder, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (mirror, PDFs, logs)")
    parser.add_argument(
        "--edge-vertices",
        type=int,
        default=52,
        help="vertices per side of a synthetic grid cell (default 52: about as many "
        "vertices per commune as the real Indre file)",
    )
    parser.add_argument(
        "--cells-per-commune", type=float, default=3.0, help="grid cells per synthetic commune, about (default 3)"
    )
    parser.add_argument(
        "--france", action="store_true", help="the whole atlas (all) against one sheet (36), from ../shared/mirror"
    )
    parser.add_argument(
        "--sheet-only", action="store_true", help="with --france: the one sheet alone (cold, warm), not the whole atlas"
    )
    parser.add_argument("--render", metavar="DEP", help="render page 1 of atlas_DEP.pdf (région run) to PNG")
    parser.add_argument(
        "--profile",
        choices=[f"{s}-{c}" for s in SCENARIOS for c in ("cold", "warm")],
        help="instead of the timings: one run of this scenario under cProfile",
    )
    harness.add_results_option(parser)
    return parser.parse_args()


# --- the benchmark mirror ---------------------------------------------------------------
def copy_mirror(source, target):
    """A writable copy (not symlinks: a folder mirror refuses paths that resolve outside it)."""
    shutil.copytree(source, target, copy_function=shutil.copyfile)
    for folder, _dirs, _files in os.walk(target):
        os.chmod(folder, 0o755)


def luhn_key(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def commune_siren(code):
    """21 + département + 0 + commune number + Luhn key: the rule 237 of Indre's 241 SIRENs follow."""
    body = "21" + code[:2] + "0" + code[2:]
    return body + luhn_key(body)


def lattice_cell(x0, y0, width, height, column, row, per_side):
    """A grid cell as a closed ring, each side cut into per_side segments. Points come from
    integer lattice indices, so neighbouring cells share exactly the same coordinates."""

    def x(a):
        return x0 + a * width / per_side

    def y(b):
        return y0 + b * height / per_side

    left, bottom, right, top = column * per_side, row * per_side, (column + 1) * per_side, (row + 1) * per_side
    ring = [QgsPointXY(x(a), y(bottom)) for a in range(left, right)]
    ring += [QgsPointXY(x(right), y(b)) for b in range(bottom, top)]
    ring += [QgsPointXY(x(a), y(top)) for a in range(right, left, -1)]
    ring += [QgsPointXY(x(left), y(b)) for b in range(top, bottom, -1)]
    ring.append(ring[0])
    return QgsGeometry.fromPolygonXY([ring])


def polygon_parts(geometry):
    """The polygons of a GEOS result (an intersection may add points or lines where it only touches)."""
    if geometry is None or geometry.isEmpty():
        return []
    if QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.PolygonGeometry:
        return geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    parts = []
    for part in geometry.asGeometryCollection():
        parts += polygon_parts(part)
    return parts


def clipped_cells(outline, communes_count, per_side, cells_per_commune):
    """Cells of a grid over the outline's bbox intersected with the outline, in snake order
    (row by row, alternating direction, so consecutive cells are neighbours)."""
    box = outline.boundingBox()
    ground = math.cos(math.radians(box.center().y()))  # square cells on the ground
    wanted = communes_count * cells_per_commune
    height = math.sqrt(outline.area() * ground / wanted)
    engine = QgsGeometry.createGeometryEngine(outline.constGet())
    engine.prepareGeometry()
    while True:
        width = height / ground
        columns, rows = math.ceil(box.width() / width), math.ceil(box.height() / height)
        cells = []
        for row in range(rows):
            order = range(columns) if row % 2 == 0 else range(columns - 1, -1, -1)
            for column in order:
                cell = lattice_cell(box.xMinimum(), box.yMinimum(), width, height, column, row, per_side)
                if not engine.intersects(cell.constGet()):
                    continue
                parts = polygon_parts(cell.intersection(outline))
                if parts:
                    cells.append(QgsGeometry.fromMultiPolygonXY(parts))
        if len(cells) >= wanted or len(cells) >= communes_count and cells_per_commune <= 1:
            return cells
        height *= 0.95


def rounded_ring(ring):
    points = []
    for point in ring:
        xy = [round(point.x(), 6), round(point.y(), 6)]
        if not points or points[-1] != xy:
            points.append(xy)
    return points


def geojson_geometry(geometry):
    polygons = [[rounded_ring(ring) for ring in polygon] for polygon in polygon_parts(geometry)]
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def synthetic_outlines(outline, communes, per_side, cells_per_commune):
    """A FeatureCollection shaped as geo.api.gouv.fr answers: the outline cut into len(communes)
    pieces (consecutive runs of cells), in commune-code order."""
    cells = clipped_cells(outline, len(communes), per_side, cells_per_commune)
    features = []
    for number, commune in enumerate(communes):
        run = cells[number * len(cells) // len(communes) : (number + 1) * len(cells) // len(communes)]
        shape = QgsGeometry.unaryUnion(run)
        code = commune["code"]
        properties = {
            "nom": commune["nom"],
            "code": code,
            "codeDepartement": commune["codeDepartement"],
            "siren": commune_siren(code),
            "codeEpci": commune.get("codeEpci"),
            "codeRegion": commune["codeRegion"],
            "codesPostaux": [f"{code[:2]}{(int(code[2:]) * 7) % 90 * 10 + 100:03d}"],
            "population": commune.get("population"),
        }
        if not properties["codeEpci"]:
            del properties["codeEpci"]  # the API leaves the key out for a commune without EPCI
        features.append({"type": "Feature", "properties": properties, "geometry": geojson_geometry(shape)})
    return {"type": "FeatureCollection", "features": features}


def vertex_count(collection):
    total = 0
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        total += sum(len(ring) for polygon in polygons for ring in polygon)
    return total


def build_mirror(target, per_side, cells_per_commune):
    """Copy ../shared/mirror and add synthetic outlines; return a list of (dep, communes, vertices, bytes, note)."""
    copy_mirror(SHARED_MIRROR, target)
    with open(target / COMMUNES_TABLE, encoding="utf-8") as stream:
        table = json.load(stream)
    with open(target / DEPARTEMENTS_WFS, encoding="utf-8") as stream:
        departements = json.load(stream)
    codes = sorted({c["codeDepartement"] for c in table if c["codeRegion"] == REGION})
    rows = []
    for dep in codes:
        path = target / OUTLINES.format(dep=dep)
        if dep in REAL_OUTLINES:
            with open(path, encoding="utf-8") as stream:
                collection = json.load(stream)
            rows.append((dep, len(collection["features"]), vertex_count(collection), path.stat().st_size, "real"))
            continue
        feature = next(f for f in departements["features"] if f["properties"]["code_insee"] == dep)
        outline = QgsGeometry.fromWkt(geojson_to_wkt(feature["geometry"]))
        communes = sorted((c for c in table if c["codeDepartement"] == dep), key=lambda c: c["code"])
        collection = synthetic_outlines(outline, communes, per_side, cells_per_commune)
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(collection, stream, ensure_ascii=False, separators=(",", ":"))  # as the API writes it
        rows.append((dep, len(communes), vertex_count(collection), path.stat().st_size, "SYNTHETIC"))
    return rows


def geojson_to_wkt(geometry):
    def ring(points):
        return "(" + ",".join(f"{x!r} {y!r}" for x, y in points) + ")"

    def polygon(rings):
        return "(" + ",".join(ring(r) for r in rings) + ")"

    if geometry["type"] == "Polygon":
        return "POLYGON" + polygon(geometry["coordinates"])
    return "MULTIPOLYGON(" + ",".join(polygon(p) for p in geometry["coordinates"]) + ")"


# --- the mirror, served or read ----------------------------------------------------------
class Transport:
    """The ANCT_QGIS_MIRROR value for a transport; the HTTP server runs in a child process."""

    def __init__(self, kind, mirror, log_path):
        self.kind, self.mirror, self.log_path = kind, mirror, log_path
        self.process = None

    def __enter__(self):
        if self.kind == "folder":
            self.root = str(self.mirror)
            return self
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER_CODE, str(ROOT / "tests"), str(self.mirror)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        self.root = self.process.stdout.readline().strip()
        if not self.root.startswith("http://"):
            raise RuntimeError(f"the mirror server did not start (see {self.log_path})")
        return self

    def __exit__(self, *exc_info):
        if self.process is not None:
            self.process.stdin.close()  # the server stops when its stdin closes
            self.process.stdout.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.log.close()


# --- running the algorithm ----------------------------------------------------------------
class QuietFeedback(QgsProcessingFeedback):
    """Keeps the warnings (unavailable layers) to report them once."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)

    def pushInfo(self, info):  # noqa: N802
        pass

    def reportError(self, error, fatalError=False):  # noqa: N802
        self.warnings.append(f"ERROR: {error}")


def configure(mirror_root, cache_dir):
    from anct_qgis_plugin.core.travel.settings import SPECS

    for spec in SPECS.values():  # every ANCT_QGIS_* variable the plugin reads
        os.environ.pop(spec.env, None)
    os.environ.update(
        {
            "ANCT_QGIS_MIRROR": mirror_root,
            "ANCT_QGIS_CACHE_DIR": str(cache_dir),
            "ANCT_QGIS_OFFLINE": "0",
            "ANCT_QGIS_TTL_HOURS": "1000000",
        }
    )


def run_atlas(scenario, output):
    """(seconds, feedback) of one processing.run of the atlas into ``output`` (a folder)."""
    import processing

    departments, kind, _target = SCENARIOS[scenario] if scenario != ALL else (ALL, "folder", None)
    output.mkdir(parents=True, exist_ok=True)
    parameters = {"DEPARTMENTS": departments}
    if kind == "folder":
        parameters["OUTPUT_FOLDER"] = str(output)
    else:
        parameters["OUTPUT_PDF"] = str(output / "atlas_region.pdf")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QuietFeedback()
    start = time.perf_counter()
    processing.run("anct:department_atlas", parameters, context=context, feedback=feedback)
    return time.perf_counter() - start, feedback


def forget_index():
    from anct_qgis_plugin.core import service

    service._INDEX_MEMO.clear()


def measure(scenario, mirror_root, work, repeat, warnings):
    """{"cold": [s], "warm": [s]} and the output folder of the last run."""
    times = {"cold": [], "warm": []}
    output = work / "out" / scenario
    for number in range(repeat):
        cache = work / f"cache-{scenario}-{number}"
        configure(mirror_root, cache)
        forget_index()
        for state in ("cold", "warm"):
            shutil.rmtree(output, ignore_errors=True)
            seconds, feedback = run_atlas(scenario, output)
            times[state].append(seconds)
            warnings.update(feedback.warnings)
            print(f"  {scenario:<9}{state:<5} run {number + 1}: {seconds:7.2f} s", flush=True)
        shutil.rmtree(cache, ignore_errors=True)
    return times, output


def pdf_facts(folder):
    """[(name, pages, bytes)] of the PDFs in a folder."""
    facts = []
    for pdf in sorted(folder.glob("*.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), None)
        facts.append((pdf.name, pages, pdf.stat().st_size))
    return facts


def profile(scenario_state, mirror_root, work):
    scenario, state = scenario_state.split("-")
    output = work / "out" / f"profile-{scenario}"
    configure(mirror_root, work / "cache-profile")
    forget_index()
    if state == "warm":
        run_atlas(scenario, output)  # fills the cache, untimed
    profiler = cProfile.Profile()
    profiler.enable()
    seconds, _feedback = run_atlas(scenario, output)
    profiler.disable()
    path = work / f"{scenario_state}.prof"
    profiler.dump_stats(str(path))
    print(f"\n{scenario_state}: {seconds:.2f} s under cProfile (profile saved to {path})")
    for key in ("cumulative", "tottime"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(35)
        print(stream.getvalue())


def render(folder, dep, work):
    pdf = folder / f"atlas_{dep}.pdf"
    png = work / f"atlas-{dep}-page1"
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)], check=True
    )
    print(f"page 1 of {pdf.name} rendered to {png}.png")


peak_mb = harness.peak_mb


def france(work, repeat, record, sheet_only=False):
    """One sheet and the whole atlas, cold and warm, in this process: the ratio and the peak memory
    (``sheet_only``: the one sheet alone, its national run included)."""
    warnings, times = set(), {}
    for scenario in ("sheet",) if sheet_only else ("sheet", ALL):
        times[scenario], output = measure(scenario, str(SHARED_MIRROR), work, repeat, warnings)
        print(f"  peak memory after {scenario}: {peak_mb():.0f} MB", flush=True)
    if sheet_only:
        for state in ("cold", "warm"):
            record.add(
                harness.Scenario(
                    f"sheet:{state}",
                    f"{state}: one sheet (Indre) alone, its national run included",
                    harness.summarise(times["sheet"][state]),
                    peak_mb=peak_mb(),
                )
            )
        cold, warm = (median(times["sheet"][state]) for state in ("cold", "warm"))
        print(f"\none sheet (36): {cold:.1f} s cold, {warm:.1f} s warm; medians of {repeat} run(s)")
        return
    sheets = len(list(output.glob("atlas_*.pdf")))
    print(f"\n{'state':<8}{'one sheet (36) s':>18}{f'all ({sheets} sheets) s':>22}{'ratio':>8}{'<= 12':>7}")
    peak = peak_mb()
    for state in ("cold", "warm"):
        one, whole = median(times["sheet"][state]), median(times[ALL][state])
        ratio = whole / one
        print(f"{state:<8}{one:18.1f}{whole:22.1f}{ratio:8.1f}{'yes' if ratio <= FRANCE_RATIO_TARGET else 'NO':>7}")
        # the baseline of the whole atlas is one sheet of the same run, not a QGIS tool
        record.add(
            harness.Scenario(
                f"france:{state}",
                f"{state}: all ({sheets} sheets) against one sheet (Indre)",
                harness.summarise(times[ALL][state]),
                harness.summarise(times["sheet"][state]),
                native_label="one sheet",
                target=f"ratio ≤ {FRANCE_RATIO_TARGET:g}",
                met=ratio <= FRANCE_RATIO_TARGET,
                peak_mb=peak,
                notes={"sheets": sheets},
            )
        )
    print(
        f"peak memory {peak:.0f} MB (target < {FRANCE_MEMORY_TARGET_MB:.0f} MB: "
        f"{'met' if peak < FRANCE_MEMORY_TARGET_MB else 'NOT met'}); medians of {repeat} run(s)"
    )
    if warnings:
        print(f"{len(warnings)} distinct warnings from the algorithm, e.g.:\n  " + "\n  ".join(sorted(warnings)[:5]))


# --- report ----------------------------------------------------------------------------------
def median(values):
    return harness.summarise(values).median if values else None


def report(results, repeat, record):
    print(f"\n{'scenario':<34}{'transport':<10}{'cold s':>8}{'warm s':>8}{'target':>8}{'met':>6}")
    for (scenario, transport), (times, _facts) in results.items():
        departments, kind, target = SCENARIOS[scenario]
        cold, warm = median(times["cold"]), median(times["warm"])
        met = "yes" if max(cold, warm) < target else "NO"
        label = f"{scenario} ({departments} -> {'folder' if kind == 'folder' else 'one PDF'})"
        print(f"{label:<34}{transport:<10}{cold:8.2f}{warm:8.2f}{f'< {target:g}':>8}{met:>6}")
        for state in ("cold", "warm"):
            record.add(
                harness.Scenario(
                    f"{scenario}:{transport}:{state}",
                    f"{label}, {transport}, {state}",
                    harness.summarise(times[state]),
                    target=f"< {target:g} s",
                    met=median(times[state]) < target,
                )
            )
    print(f"(medians of {repeat} run(s); 'met' = both cold and warm under the target)")
    print("\nPDFs written (last run of each scenario):")
    shown = set()
    for (scenario, _transport), (_times, facts) in results.items():
        if scenario in shown:
            continue
        shown.add(scenario)
        for name, pages, size in facts:
            print(f"  {scenario:<9}{name:<20}{pages!s:>3} page(s) {size / 1e6:7.2f} MB")


def main():
    args = parse_args()
    if not harness.mirror_present(SHARED_MIRROR):  # this benchmark needs the real data of ../shared/mirror
        return
    work = Path(args.work).resolve() if args.work else Path(tempfile.mkdtemp(prefix="anct_atlas_bench_"))
    keep = args.keep or args.work or args.render
    harness.start_qgis(provider=True)
    record = harness.Record("atlas", name="atlas_france" if args.france else "atlas")
    print(f"QGIS {Qgis.QGIS_VERSION}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; work folder {work}")
    try:
        if args.france:
            print(f"mirror folder {SHARED_MIRROR}")
            france(work, args.repeat, record, args.sheet_only)
            record.write(args.results)
            return
        mirror = work / "mirror"
        start = time.perf_counter()
        rows = build_mirror(mirror, args.edge_vertices, args.cells_per_commune)
        print(f"benchmark mirror built in {time.perf_counter() - start:.1f} s: {mirror}")
        print(
            f"  commune outlines of région {REGION} (--edge-vertices {args.edge_vertices}, "
            f"--cells-per-commune {args.cells_per_commune:g}):"
        )
        for dep, communes, vertices, size, note in rows:
            print(
                f"    {dep}: {communes:4d} communes {vertices:7d} vertices ({vertices / communes:4.0f}/commune) "
                f"{size / 1e6:5.2f} MB  {note}"
            )
        transports = ("http", "folder") if args.transport == "both" else (args.transport,)
        if args.profile:
            with Transport(transports[0], mirror, work / "server.log") as transport:
                profile(args.profile, transport.root, work)
            return
        results, warnings = {}, set()
        for kind in transports:
            with Transport(kind, mirror, work / f"server-{kind}.log") as transport:
                print(f"\nmirror over {kind}: {transport.root}")
                for scenario in SCENARIOS:
                    times, output = measure(scenario, transport.root, work / kind, args.repeat, warnings)
                    results[(scenario, kind)] = (times, pdf_facts(output))
        report(results, args.repeat, record)
        record.write(args.results)
        if warnings:
            print("\nwarnings from the algorithm (every run):\n" + "\n".join(f"  {w}" for w in sorted(warnings)))
        if args.render:
            render(work / transports[-1] / "out" / "region", args.render, work)
    finally:
        harness.stop_qgis()
        if keep:
            print(f"\nwork folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
