"""A success only when the output holds what is reported: every algorithm on a cold cache (where
some download of the run fails: a quarter or year not published yet is looked for first), every
file output reopened before Python's garbage collector may run; tables named after their file;
the leftovers of killed runs swept; every vector output written into a real PostGIS."""

import gc
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from qgis.core import QgsProcessingException

# algorithm -> parameters (file outputs go into the test's folder) and the result counting OUTPUT.
RUNS = {
    "fetch_layer": ({"LAYER": "mobile_sites", "TERRITORY": "36", "OUTPUT": "x.gpkg"}, "FEATURE_COUNT"),
    "fetch_territory_pack": ({"TERRITORY": "36", "OUTPUT": "pack.gpkg"}, None),
    "fetch_road_network": ({"TERRITORY": "36044", "BUFFER_KM": 1, "OUTPUT": "roads.gpkg"}, None),
    "service_gap": ({"TERRITORY": "36", "OUTPUT": "gap.gpkg", "SUMMARY": "summary.gpkg"}, "UNITS"),
    "mobile_coverage_gap": ({"TERRITORY": "36", "OUTPUT": "mobile.gpkg", "SUMMARY": "summary.csv"}, "UNITS"),
    "territory_profile": ({"TERRITORY": "36", "OUTPUT": "profile.gpkg"}, None),
    "programme_matrix": ({"TERRITORY": "36", "OUTPUT": "matrix.xlsx"}, None),
    "check_sources": ({"OUTPUT": "sources.gpkg"}, None),
    "fetch_indicator": (
        {"INDICATOR": "insee_rp_hist_1968.dens_pop", "LEVEL": "communes", "TERRITORY": "36", "OUTPUT": "dens.gpkg"},
        "FEATURE_COUNT",
    ),
    "department_atlas": ({"DEPARTMENTS": "36", "OUTPUT_FOLDER": "atlas"}, None),
}
VECTOR_SUFFIXES = (".gpkg", ".csv", ".xlsx", ".shp")


def ogr_tables(path):
    """{table: features} of a file opened afresh by GDAL (not QGIS, which pools what it opens)."""
    from osgeo import gdal

    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY)
    assert dataset is not None, f"{path} cannot be opened"
    layers = (dataset.GetLayer(index) for index in range(dataset.GetLayerCount()))
    return {layer.GetName(): layer.GetFeatureCount() for layer in layers}


def run_without_collector(run_alg, algorithm, parameters):
    """The run, its outputs read before Python's cycle collector could close a forgotten sink:
    as qgis_process, which exits without waiting for it."""
    gc.collect()
    gc.disable()
    try:
        result = run_alg(f"anct:{algorithm}", parameters)
        return result, {
            name: ogr_tables(value) for name, value in result.items() if str(value).endswith(VECTOR_SUFFIXES)
        }
    finally:
        gc.enable()


def test_every_algorithm_is_run_here(provider):
    from qgis.core import QgsProcessingModelAlgorithm

    # The example models are made of these algorithms (tests/qgis/test_example_models.py runs them).
    ours = [a.name() for a in provider.algorithms() if not isinstance(a, QgsProcessingModelAlgorithm)]
    assert sorted(RUNS) == sorted(ours)


@pytest.mark.parametrize("algorithm", sorted(RUNS))
def test_every_output_holds_what_a_cold_run_reports(anct_env, run_alg, tmp_path, algorithm):
    parameters, counted = RUNS[algorithm]
    parameters = {
        name: str(tmp_path / value) if name.startswith("OUTPUT") or name == "SUMMARY" else value
        for name, value in parameters.items()
    }
    result, tables = run_without_collector(run_alg, algorithm, parameters)
    for name, found in tables.items():
        stem = Path(result[name]).stem
        assert found, f"{name}: {result[name]} holds no table"
        if algorithm != "fetch_territory_pack":  # the pack: one table per layer
            assert list(found) == [stem], found  # one table, named after its file
    assert any(tables) or algorithm == "department_atlas"
    if counted:
        assert tables["OUTPUT"][Path(result["OUTPUT"]).stem] == result[counted]
    if algorithm == "fetch_territory_pack":
        assert result["LAYERS_WRITTEN"] + 1 == len(tables["OUTPUT"])
    if algorithm == "department_atlas":
        assert all(os.path.getsize(path) > 10000 for path in result["FILES"].split(";"))
    assert not [p.name for p in tmp_path.rglob(".*part-*")], "a temporary file stayed"


def test_a_run_whose_file_lost_its_features_fails(anct_env, run_alg, provider, tmp_path):
    """The check itself: a file that does not hold what was written fails the run."""
    from anct_qgis_plugin.processing.support.base import AnctAlgorithm

    algorithm = provider.algorithm("fetch_layer")
    output = tmp_path / "x.gpkg"
    run_alg("anct:fetch_layer", {"LAYER": "communes", "TERRITORY": "36", "OUTPUT": str(output)})
    algorithm.written = {("OUTPUT", ""): (str(output), "", 1000)}
    with pytest.raises(
        QgsProcessingException, match=f"{output} holds 6 features where 1000 were written: the output is incomplete"
    ):
        AnctAlgorithm._check_written(algorithm, {"OUTPUT": str(output)})
    algorithm.written = {("OUTPUT", "gone"): (str(output), "gone", 6)}  # no such table
    with pytest.raises(QgsProcessingException, match=r"\(gone\) cannot be reopened: its 6 features were not written"):
        AnctAlgorithm._check_written(algorithm, {"OUTPUT": str(output)})
    algorithm.written = {}
    with pytest.raises(QgsProcessingException, match="without being counted"):
        AnctAlgorithm._check_written(algorithm, {"OUTPUT": str(output)})


def test_leftovers_of_killed_runs_are_swept(anct_env, run_alg, tmp_path):
    dead = [tmp_path / ".x.part-999999999-0123456789ab.gpkg", tmp_path / ".x.part-0123456789ab.gpkg"]
    dead += [tmp_path / ".x.part-999999999-0123456789ab.gpkg-wal"]
    alive = tmp_path / f".x.part-{os.getpid()}-0123456789ab.gpkg"  # a run of this process, under way
    other = tmp_path / ".y.part-999999999-0123456789ab.gpkg"  # another output's
    for path in [*dead, alive, other]:
        path.write_bytes(b"x")
    run_alg("anct:fetch_layer", {"LAYER": "communes", "TERRITORY": "36", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not any(path.exists() for path in dead)
    assert alive.exists() and other.exists()


def test_a_failed_download_kept_by_the_fetcher_holds_no_frame(anct_env, mirror_server):
    """The fetcher keeps a run's failed downloads (not asked twice): kept with their traceback,
    they held the frames of the run, and the run's sinks with them."""
    import weakref

    from anct_qgis_plugin.core.errors import NotPublishedError
    from anct_qgis_plugin.core.travel.fetcher import Fetcher
    from anct_qgis_plugin.core.travel.settings import load_config

    fetcher = Fetcher(load_config())
    url = mirror_server.url_for("example.org/not-published-yet.csv")

    class Sink:  # what a run's frame holds
        pass

    def run():
        sink = Sink()
        for _attempt in range(2):  # the second answered from what the fetcher kept
            try:
                fetcher.fetch(url)
            except NotPublishedError:
                pass
        return weakref.ref(sink)

    gc.collect()
    gc.disable()
    try:
        assert run()() is None  # gone with its frame, not left for the collector
    finally:
        gc.enable()
    assert fetcher._failed[url].__traceback__ is None


@pytest.mark.skipif(shutil.which("qgis_process.bin") is None, reason="qgis_process.bin not installed")
def test_qgis_process_writes_what_it_reports_on_a_cold_cache(tmp_path, mirror_server):
    """qgis_process exits without waiting for Python's collector: a sink left to it was never
    committed (a GeoPackage without table, reported as 8 features)."""
    env = dict(
        os.environ,
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "qgis"),
        QT_QPA_PLATFORM="offscreen",
        ANCT_QGIS_MIRROR=mirror_server.base_url,
        ANCT_QGIS_CACHE_DIR=str(tmp_path / "cache"),  # cold
    )
    subprocess.run(["make", "-s", "deploy"], cwd=ROOT, env=env, check=True, capture_output=True)
    output = tmp_path / "x.gpkg"
    arguments = ["LAYER=mobile_sites", "TERRITORY=36", f"OUTPUT={output}"]
    run = subprocess.run(
        ["qgis_process.bin", "run", "anct:fetch_layer", "--", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    reported = int(re.search(r"FEATURE_COUNT:\s+(\d+)", run.stdout).group(1))
    assert reported > 0 and ogr_tables(output) == {"x": reported}


DATABASE_OUTPUTS = ("OUTPUT", "SUMMARY")


@pytest.mark.parametrize("form", ["postgres://", "postgis:"])
@pytest.mark.parametrize("algorithm", sorted(set(RUNS) - {"fetch_territory_pack", "department_atlas"}))
def test_every_vector_output_is_written_into_postgis(anct_env, run_alg, postgis, algorithm, form):
    """Both ways QGIS names a PostGIS table; the rows counted in the database."""
    parameters, counted = RUNS[algorithm]
    tables = {name: f"{algorithm}_{name}_{form.strip(':/')}".lower() for name in DATABASE_OUTPUTS if name in parameters}
    parameters = {
        **parameters,
        **{
            name: f"{form}dbname='anct' host={postgis.host} port={postgis.port} user='anct' "
            f'table="anct"."{table}" (geom)'  # also for a table without geometry: taken out
            for name, table in tables.items()
        },
    }
    result = run_alg(f"anct:{algorithm}", parameters)
    rows = {name: postgis.count("anct", table) for name, table in tables.items()}
    assert all(rows.values()), rows
    if counted:
        assert rows["OUTPUT"] == result[counted]
