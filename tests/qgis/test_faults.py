"""Faults, load and hostile input (issue 11): nothing lost, nothing hung, nothing leaked.
Real HTTP over the loopback mirror, real QGIS; each test is one fault of the campaign."""

import gzip
import json
from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

from anct_qgis_plugin.core.building.layer_geometry import as_polygons
from anct_qgis_plugin.core.errors import DownloadError, MirrorError
from anct_qgis_plugin.core.service import AnctData
from anct_qgis_plugin.core.travel.cache import Cache
from anct_qgis_plugin.core.travel.fetcher import Fetcher
from anct_qgis_plugin.core.travel.http import retry_after_seconds
from anct_qgis_plugin.core.travel.mirror import Mirror
from anct_qgis_plugin.core.travel.settings import load_config

FS_FILE = "liste-fs-20240801.csv"
FS_LATEST = "datasets/r/31576dff"


def fetch(run_alg, layer, territory):
    result = run_alg("anct:fetch_layer", {"LAYER": layer, "TERRITORY": territory, "OUTPUT": "memory:"})
    return result, result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(
        result["OUTPUT"]
    )


def fs_body(mutate):
    """The fixture's France services file with its rows changed by ``mutate(lines) -> lines``."""
    from conftest import FIXTURE_MIRROR

    text = next(FIXTURE_MIRROR.rglob(FS_FILE)).read_text(encoding="utf-8")
    return "\n".join(mutate(text.splitlines())) + "\n"


def serve_fs(mirror_server, body, **options):
    for match in (FS_FILE, FS_LATEST):
        mirror_server.add_fault(match, "body", body=body, **options)


# --- secrets -----------------------------------------------------------------------------
def test_credentials_of_an_http_mirror_never_reach_logs_errors_or_manifests(
    anct_env, run_alg, mirror_server, monkeypatch, feedback
):
    secret_mirror = mirror_server.base_url.replace("http://", "http://reader:s3cret@")
    monkeypatch.setenv("ANCT_QGIS_MIRROR", secret_mirror)
    fetch(run_alg, "villages_avenir", "36")
    mirror_server.add_fault("liste-fs", "status", code=500)
    mirror_server.add_fault(FS_LATEST, "status", code=500)
    with pytest.raises(QgsProcessingException) as error:
        fetch(run_alg, "france_services", "36")
    assert "HTTP 500" in str(error.value) and "s3cret" not in str(error.value)
    assert not any("s3cret" in message for message in feedback.infos + feedback.warnings)
    manifests = [path.read_text(encoding="utf-8") for path in Path(anct_env).rglob("manifest.json")]
    assert manifests and not any("s3cret" in text for text in manifests)
    assert any(mirror_server.base_url in text for text in manifests)  # the origin is kept, without them


def test_an_http_mirror_with_a_base_path_cannot_be_left():
    mirror = Mirror("http://mirror.example/anct/")
    for url in ("https://../etc/passwd", "https://%2e%2e/x", "https://host/a/%2e%2e/b", "https://host/a/..%2fb"):
        with pytest.raises(MirrorError):
            mirror.locate(url)
    assert mirror.locate("https://geo.api.gouv.fr/regions") == "http://mirror.example/anct/geo.api.gouv.fr/regions"


def test_a_manifest_naming_a_file_outside_its_entry_is_not_trusted(anct_env):
    fetcher = Fetcher(load_config())
    url = "https://geo.api.gouv.fr/regions"
    entry = fetcher.fetch(url, suffix=".json")
    manifest_path = Path(entry.path).parent / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["file"] = "../../../../etc/passwd"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert Cache(str(anct_env)).lookup(url) is None


# --- hostile answers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value, seconds",
    [("3", 3.0), ("1.5", None), ("-5", None), ("soon", None), ("", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_in_its_legal_forms_only(value, seconds):
    assert retry_after_seconds(value) == seconds


@pytest.mark.parametrize("value", ["1.5", "-5", "soon"])
def test_an_illegal_retry_after_is_ignored_not_a_crash(anct_env, run_alg, mirror_server, value):
    mirror_server.add_fault("liste-va-com2024", "status", code=503, times=1, headers={"Retry-After": value})
    mirror_server.add_fault("datasets/r/cc3a3b46", "status", code=503, times=1, headers={"Retry-After": value})
    assert fetch(run_alg, "villages_avenir", "36")[1].featureCount() == 3


def test_a_redirect_loop_is_a_download_error(anct_env, mirror_server):
    path = "/geo.api.gouv.fr/regions"
    mirror_server.add_fault("geo.api.gouv.fr/regions", "status", code=302, headers={"Location": path})
    with pytest.raises(DownloadError, match="regions"):
        Fetcher(load_config()).fetch("https://geo.api.gouv.fr/regions", suffix=".json")


def test_a_gzip_body_without_content_encoding_is_a_clear_error(anct_env, run_alg, mirror_server):
    serve_fs(mirror_server, gzip.compress(fs_body(lambda lines: lines).encode("utf-8")), content_type="text/csv")
    with pytest.raises(QgsProcessingException, match="not a text file.*gzip"):
        fetch(run_alg, "france_services", "36")


def test_dataset_documents_of_unexpected_shapes(anct_env, run_alg, mirror_server):
    odd = {
        "id": "x",
        "resources": [
            1,
            "x",
            None,
            {"format": "csv", "type": "main", "title": "liste-va-com2024-20240918.csv", "url": None},
        ],
    }
    mirror_server.add_fault(
        "datasets/dispositif-villages-davenir", "body", body=json.dumps(odd), content_type="application/json"
    )
    with pytest.raises(QgsProcessingException, match="has no file that fits"):
        fetch(run_alg, "villages_avenir", "36")


def test_coordinates_that_cannot_be_placed_are_skipped_and_counted(anct_env, run_alg, mirror_server, feedback):
    def spoil(lines):
        # Three Indre sites: a latitude of 460, NaN, 1e400 (infinite).
        lines[1] = lines[1].replace("46.4319", "460.4319")
        lines[2] = lines[2].replace("46.631856", "nan")
        return [line.replace("46.949654", "1e400") for line in lines]

    serve_fs(mirror_server, fs_body(spoil))
    result, layer = fetch(run_alg, "france_services", "FR")
    assert layer.featureCount() == 8 and result["FEATURE_COUNT"] == 8
    assert any("3 rows without valid coordinates" in warning for warning in feedback.warnings)


def test_short_rows_are_reported(anct_env, run_alg, mirror_server, feedback):
    serve_fs(
        mirror_server,
        fs_body(
            lambda lines: (
                [lines[0]] + [",".join(line.split(",")[:12]) if n == 1 else line for n, line in enumerate(lines[1:], 1)]
            )
        ),
    )
    fetch(run_alg, "france_services", "FR")
    assert any("1 rows have fewer cells than the header" in warning for warning in feedback.warnings)


@pytest.mark.parametrize("wkt", ["POLYGON((0 0, 1 1, 2 2, 0 0))", "POLYGON EMPTY", None])
def test_polygon_repair_that_leaves_nothing_gives_a_null_geometry(qgis_app, wkt):
    repaired = as_polygons(QgsGeometry.fromWkt(wkt) if wkt else QgsGeometry())
    assert repaired.isNull() or repaired.isEmpty()


def test_a_valid_polygon_stays_a_multipolygon(qgis_app):
    assert as_polygons(QgsGeometry.fromWkt("POLYGON((0 0, 1 0, 1 1, 0 0))")).asWkt().startswith("MultiPolygon")


# --- load -----------------------------------------------------------------------------------
def test_one_download_per_url_per_run_even_with_ttl_zero(anct_env, run_alg, mirror_server, monkeypatch, tmp_path):
    monkeypatch.setenv("ANCT_QGIS_TTL_HOURS", "0")
    before = list(mirror_server.requests)
    run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(tmp_path / "pack.gpkg")})
    asked = [request.path for request in mirror_server.requests[len(before) :]]
    repeated = {path for path in asked if asked.count(path) > 1}
    assert not repeated, repeated


def test_a_failing_url_is_tried_once_per_run_not_once_per_layer(anct_env, run_alg, mirror_server, tmp_path):
    mirror_server.add_fault("codeDepartement=36", "status", code=503)
    before = mirror_server.count("codeDepartement=36")
    run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(tmp_path / "pack.gpkg")})
    # the first try and its one retry (ANCT_QGIS_RETRIES=1), for the 8 layers that need the outlines
    assert mirror_server.count("codeDepartement=36") - before == 2


def test_a_new_run_asks_again_for_what_failed(anct_env, mirror_server):
    data = AnctData()
    before = mirror_server.count("geo.api.gouv.fr/regions")
    mirror_server.add_fault("geo.api.gouv.fr/regions", "status", code=404, times=1)
    with pytest.raises(DownloadError):
        data.fetcher.fetch("https://geo.api.gouv.fr/regions")
    with pytest.raises(DownloadError):
        data.fetcher.fetch("https://geo.api.gouv.fr/regions")  # same run: not asked again
    assert mirror_server.count("geo.api.gouv.fr/regions") - before == 1
    assert data.for_run().fetcher.fetch("https://geo.api.gouv.fr/regions").path


# --- outputs: nothing lost, cancel never a success ---------------------------------------------
def test_a_pack_into_a_missing_folder_is_a_clear_error(anct_env, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(tmp_path / "nowhere" / "pack.gpkg")})


def test_pack_parts_are_unique_per_run_and_dead_runs_parts_are_swept(tmp_path):
    import os

    from anct_qgis_plugin.core.storage.pack import _part_path, sweep_stale_parts

    path = str(tmp_path / "pack.gpkg")
    assert _part_path(path) != _part_path(path)
    dead = tmp_path / "pack.gpkg.part-999999999-abc.gpkg"  # no such process
    alive = tmp_path / f"pack.gpkg.part-{os.getpid()}-def.gpkg"
    dead.write_bytes(b"x")
    alive.write_bytes(b"x")
    sweep_stale_parts(path)
    assert not dead.exists() and alive.exists()


def test_a_cancelled_fetch_is_never_reported_as_a_success(anct_env, run_alg, feedback):
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        fetch(run_alg, "france_services", "36")


def test_every_output_is_declared(provider):
    import processing  # noqa: F401  (registers the Processing framework's algorithms)

    declared = {
        algorithm.id(): {output.name() for output in algorithm.outputDefinitions()}
        for algorithm in provider.algorithms()
    }
    assert {"OUTPUT", "FEATURE_COUNT", "SOURCE_DATE"} <= declared["anct:fetch_layer"]
    assert {"OUTPUT_FOLDER", "OUTPUT_PDF", "SHEETS", "FILES"} <= declared["anct:department_atlas"]
    assert {"OUTPUT", "LAYERS_WRITTEN", "LAYERS_UNAVAILABLE"} <= declared["anct:fetch_territory_pack"]
    assert {"OUTPUT", "FAILED"} <= declared["anct:check_sources"]


# --- hangs: an overall deadline, Cancel within a second ------------------------------------------
class CancelLater:
    """A feedback that the user cancels ``after`` seconds into the work (from another thread)."""

    def __init__(self, after):
        import threading

        from qgis.core import QgsFeedback

        self.feedback = QgsFeedback()
        self.cancelled_at = None
        self._timer = threading.Timer(after, self._cancel)
        self._timer.start()

    def _cancel(self):
        import time

        self.cancelled_at = time.monotonic()
        self.feedback.cancel()


def test_a_trickling_body_meets_the_overall_deadline(anct_env, mirror_server, monkeypatch):
    import time

    monkeypatch.setenv("ANCT_QGIS_DEADLINE", "2")
    mirror_server.add_fault("geo.api.gouv.fr/regions", "slow", chunk=1, pause=0.5)  # one byte every 0.5 s
    started = time.monotonic()
    with pytest.raises(DownloadError, match="took longer than 2 s"):
        Fetcher(load_config()).fetch("https://geo.api.gouv.fr/regions", suffix=".json")
    assert time.monotonic() - started < 4  # the 2 s deadline, not the whole trickle (~2 minutes)


@pytest.mark.parametrize(
    "fault",
    [
        {"kind": "slow", "chunk": 16, "pause": 1.0},  # a slow body (16 bytes/s)
        {"kind": "delay", "seconds": 30},
    ],  # no answer at all for 30 s
    ids=["slow-body", "hang-before-headers"],
)
def test_cancel_is_honoured_within_a_second(anct_env, mirror_server, fault):
    import time

    from anct_qgis_plugin.core.errors import CancelledError

    mirror_server.add_fault("geo.api.gouv.fr/regions", **fault)
    user = CancelLater(0.5)
    with pytest.raises(CancelledError):
        Fetcher(load_config()).fetch("https://geo.api.gouv.fr/regions", suffix=".json", feedback=user.feedback)
    assert user.cancelled_at is not None and time.monotonic() - user.cancelled_at < 1.0


def test_a_decompression_bomb_is_refused(anct_env, mirror_server, monkeypatch):
    monkeypatch.setenv("ANCT_QGIS_MAX_DOWNLOAD_MB", "5")
    bomb = gzip.compress(b"0" * (20 * 2**20))  # 20 MB of zeros in about 20 KB
    mirror_server.add_fault(
        "geo.api.gouv.fr/regions",
        "status",
        code=200,
        body=bomb,
        content_type="application/json",
        headers={"Content-Encoding": "gzip"},
    )
    with pytest.raises(DownloadError, match="larger than allowed once decompressed"):
        Fetcher(load_config()).fetch("https://geo.api.gouv.fr/regions", suffix=".json")
    assert not [p for p in Path(anct_env).rglob("*") if p.is_file() and p.stat().st_size > 5 * 2**20]


# --- wrong results -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value, message", [("abc", "is not a number"), ("nan", "outside"), ("1e400", "outside"), ("-3", "outside")]
)
def test_numbers_that_are_not_numbers_are_refused(anct_env, run_alg, value, message):
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("anct:service_gap", {"TERRITORY": "36", "THRESHOLD": value, "OUTPUT": "memory:"})


# --- nothing lost: the cache ------------------------------------------------------------------
def publish_new_checksum(mirror_server):
    """The France services dataset document announcing a new file (another sha1)."""
    from conftest import FIXTURE_MIRROR

    slug = "liste-des-structures-labellisees-france-services"
    document = json.loads((FIXTURE_MIRROR / "www.data.gouv.fr/api/1/datasets" / slug / "index").read_text("utf-8"))
    for resource in document["resources"]:
        resource["checksum"] = {"type": "sha1", "value": "0" * 40}
    mirror_server.add_fault(f"datasets/{slug}", "body", body=json.dumps(document), content_type="application/json")


def no_coordinates(lines):
    return [lines[0]] + [
        line.replace(",46.", ",x46.").replace(",47.", ",x47.").replace(",48.", ",x48.").replace(",-20.", ",x-20.")
        for line in lines[1:]
    ]


def test_a_new_file_that_does_not_build_keeps_the_previous_copy(
    anct_env, run_alg, mirror_server, monkeypatch, feedback
):
    assert fetch(run_alg, "france_services", "36")[1].featureCount() == 7
    monkeypatch.setenv("ANCT_QGIS_TTL_HOURS", "0")
    serve_fs(mirror_server, fs_body(no_coordinates))  # columns all there, not one coordinate usable
    publish_new_checksum(mirror_server)
    before = mirror_server.count(FS_LATEST)
    assert fetch(run_alg, "france_services", "36")[1].featureCount() == 7
    assert mirror_server.count(FS_LATEST) - before == 1  # the new file was downloaded, and refused
    assert any("previous copy is kept" in warning for warning in feedback.warnings)
    mirror_server.clear_faults()
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")  # and the copy kept is the one served offline
    assert fetch(run_alg, "france_services", "36")[1].featureCount() == 7


def test_a_file_that_does_not_build_without_a_previous_copy_is_a_clear_error(anct_env, run_alg, mirror_server):
    serve_fs(mirror_server, fs_body(no_coordinates))
    with pytest.raises(QgsProcessingException, match=r"liste-fs-20240801.csv: none of its \d+ rows has coordinates"):
        fetch(run_alg, "france_services", "36")


def test_a_cached_file_damaged_without_a_size_change_is_not_served(anct_env, run_alg, mirror_server, feedback):
    fetch(run_alg, "villages_avenir", "36")
    cached = next(p for p in Path(anct_env).rglob("*.csv") if b"va-36-01" in p.read_bytes())
    cached.write_bytes(cached.read_bytes().replace(b"va-36-01", b"va-36-XX"))
    layer = fetch(run_alg, "villages_avenir", "36")[1]
    assert "va-36-01" in {f["id_va"] for f in layer.getFeatures()}  # fetched again, not the damaged copy
    assert any("damaged" in warning for warning in feedback.warnings)


def test_a_read_only_cache_still_serves_what_it_holds(anct_env, run_alg, mirror_server, monkeypatch, feedback):
    import os
    import stat

    if os.geteuid() == 0:
        pytest.skip("root writes everywhere: a read-only folder cannot be made")  # CI runs as root
    fetch(run_alg, "villages_avenir", "36")
    for path in [anct_env, *Path(anct_env).rglob("*")]:
        if Path(path).is_dir():
            os.chmod(path, stat.S_IRUSR | stat.S_IXUSR)
    try:
        monkeypatch.setenv("ANCT_QGIS_TTL_HOURS", "0")
        assert fetch(run_alg, "villages_avenir", "36")[1].featureCount() == 3
    finally:
        for path in [anct_env, *Path(anct_env).rglob("*")]:
            if Path(path).is_dir():
                os.chmod(path, stat.S_IRWXU)


# --- nothing lost: outputs ----------------------------------------------------------------------
def points_layer(count):
    from qgis.core import QgsFeature, QgsPointXY

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=code:string&field=population:double", "units", "memory")
    features = []
    for n in range(count):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([str(n), 10.0])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(600000 + n * 10, 6600000)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def gap_parameters(output, count=2500):
    sites = QgsVectorLayer("Point?crs=EPSG:2154&field=id:string", "sites", "memory")
    site = QgsGeometry.fromWkt("POINT(600000 6600000)")
    from qgis.core import QgsFeature

    feature = QgsFeature(sites.fields())
    feature.setAttributes(["F"])
    feature.setGeometry(site)
    sites.dataProvider().addFeatures([feature])
    return {"POPULATION": points_layer(count), "FACILITIES": sites, "OUTPUT": str(output)}, sites


@pytest.mark.parametrize("extension", [".gpkg", ".shp"])
def test_a_cancelled_service_gap_leaves_the_previous_output_untouched(anct_env, provider, tmp_path, extension):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    output = tmp_path / f"gap{extension}"
    parameters, _sites = gap_parameters(output)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("anct:service_gap", parameters, context=context)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("gap")}
    assert QgsVectorLayer(str(output)).featureCount() == 2500

    class CancelAfterFirstChunk(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress > 0:
                self.cancel()

    parameters, _sites = gap_parameters(output, count=3000)
    with pytest.raises(QgsProcessingException, match="Cancel"):
        processing.run("anct:service_gap", parameters, context=QgsProcessingContext(), feedback=CancelAfterFirstChunk())
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.name.startswith("cache")}
    assert after == before  # same files, same bytes, no temporary file left


def test_a_service_gap_replaces_its_output_only_when_it_succeeds(anct_env, run_alg, tmp_path):
    output = tmp_path / "gap.gpkg"
    output.write_bytes(b"an older output")
    parameters, _sites = gap_parameters(output, count=1200)
    result = run_alg("anct:service_gap", parameters)
    assert result["OUTPUT"] == str(output) and QgsVectorLayer(str(output)).featureCount() == 1200
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".gap", "gap"))) == ["gap.gpkg"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("<!-- maintenance --><p>Back soon</p>", "HTML or XML page"),
        ("insee_commune,lib_com,id_va\n36001,Aigurande,va-36-01\n", r"missing in liste-va-com2024-20240918.csv"),
    ],
)
def test_errors_name_the_published_file_not_a_temporary_one(anct_env, run_alg, mirror_server, body, message):
    mirror_server.add_fault("liste-va-com2024", "body", body=body)
    mirror_server.add_fault("datasets/r/cc3a3b46", "body", body=body)
    with pytest.raises(QgsProcessingException, match=message) as error:
        fetch(run_alg, "villages_avenir", "36")
    assert ".part-" not in str(error.value)


def test_odd_service_gap_inputs_are_processing_errors(anct_env, run_alg):
    units = QgsVectorLayer("Point?field=population:string", "no crs", "memory")  # no CRS, text population
    from qgis.core import QgsFeature, QgsPointXY

    feature = QgsFeature(units.fields())
    feature.setAttributes(["abc"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(600000, 6600000)))
    units.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="cannot be transformed.*CRS"):
        run_alg("anct:service_gap", {"POPULATION": units, "TERRITORY": "36", "OUTPUT": "memory:"})
    points = points_layer(3)
    with pytest.raises(QgsProcessingException):
        run_alg(
            "anct:service_gap",
            {"POPULATION": points, "MODE": "road", "NETWORK": points_layer(3), "TERRITORY": "36", "OUTPUT": "memory:"},
        )


def test_an_unknown_crs_is_refused_not_replaced(anct_env, run_alg):
    with pytest.raises(QgsProcessingException, match="EPSG:999999"):
        run_alg("anct:fetch_layer", {"LAYER": "communes", "TERRITORY": "36", "CRS": "EPSG:999999", "OUTPUT": "memory:"})


def test_bad_environment_values_fall_back_to_defaults(monkeypatch, qgis_app):
    monkeypatch.setenv("ANCT_QGIS_TIMEOUT", "soon")
    monkeypatch.setenv("ANCT_QGIS_RETRIES", "3.5")
    config = load_config()
    assert config.timeout_s == 60.0 and config.retries == 3


def test_a_departement_that_cannot_be_had_leaves_the_others(anct_env, run_alg, mirror_server, feedback):
    mirror_server.add_fault("codeDepartement=18", "status", code=404)
    mirror_server.add_fault("code_insee_du_departement%3D%2718%27", "status", code=404)  # ADMIN EXPRESS too
    layers = {
        layer: fetch(run_alg, layer, "reg:24")[1]
        for layer in ("communes", "epci", "action_coeur_de_ville", "territoires_industrie")
    }
    drawn = {layer_id: sum(f.hasGeometry() for f in layer.getFeatures()) for layer_id, layer in layers.items()}
    # Indre's 6 communes and 4 EPCI; ACV: Châteauroux and Issoudun; TI: both territories (Issoudun in ti-2401)
    assert drawn == {"communes": 6, "epci": 4, "action_coeur_de_ville": 2, "territoires_industrie": 2}
    # Bourges's and Vierzon's ACV are still listed, without geometry (issue 20: no programme vanishes)
    assert layers["action_coeur_de_ville"].featureCount() == 4
    assert any("départements 18 are missing" in warning for warning in feedback.warnings)
