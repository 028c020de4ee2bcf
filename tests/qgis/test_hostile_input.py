"""Hostile input and secrets (issue 20): credentials of any shape never leave in clear, odd
settings and inputs give a sentence (never a traceback), messages keep the path and the server's
words, and a host answering "too many requests" is given up for the run.

Credentials are spelt in capitals (TOKEN, USER) with a marker that must never come out."""

import base64
import contextlib
import sqlite3
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsSettings

from anct_qgis_plugin.core.checks.source_check import CHECKED_SOURCES, check_source
from anct_qgis_plugin.core.errors import DownloadError
from anct_qgis_plugin.core.service import AnctData
from anct_qgis_plugin.core.travel.fetcher import Fetcher
from anct_qgis_plugin.core.travel.http import RATE_LIMIT_GIVE_UP
from anct_qgis_plugin.core.travel.settings import GROUP, load_config, write_setting

HIDDEN = "H1DDEN"
VA_FILES = ("liste-va-com2024", "datasets/r/cc3a3b46")  # the Villages d'avenir list, by name and by its latest link


def fetch_va(run_alg):
    return run_alg("anct:fetch_layer", {"LAYER": "villages_avenir", "TERRITORY": "36", "OUTPUT": "memory:"})


def fault_va(mirror_server, kind, **options):
    for match in VA_FILES:
        mirror_server.add_fault(match, kind, **options)


def manifests(cache):
    return [path.read_text(encoding="utf-8") for path in Path(cache).rglob("manifest.json")]


# --- secrets ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("userinfo", [f"TOKEN{HIDDEN}@", f"USER:P@{HIDDEN}@"], ids=["token-as-user", "at-in-password"])
def test_mirror_credentials_of_any_shape_never_reach_messages_or_manifests(
    anct_env, run_alg, mirror_server, monkeypatch, feedback, userinfo
):
    monkeypatch.setenv("ANCT_QGIS_MIRROR", mirror_server.base_url.replace("http://", "http://" + userinfo))
    before = len(mirror_server.requests)
    assert fetch_va(run_alg)["FEATURE_COUNT"] == 3
    user, _, password = userinfo[:-1].partition(":")
    sent = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    assert all(request.headers.get("Authorization") == sent for request in mirror_server.requests[before:])
    mirror_server.add_fault("liste-fs", "status", code=500)
    mirror_server.add_fault("datasets/r/31576dff", "status", code=500)
    with pytest.raises(QgsProcessingException, match="HTTP 500") as error:
        run_alg("anct:fetch_layer", {"LAYER": "france_services", "TERRITORY": "36", "OUTPUT": "memory:"})
    assert HIDDEN not in str(error.value)
    assert not any(HIDDEN in message for message in feedback.infos + feedback.warnings)
    assert manifests(anct_env) and not any(HIDDEN in text for text in manifests(anct_env))


def test_an_answer_304_without_a_cached_copy_carries_no_credentials_into_a_pack_or_a_check(
    anct_env, run_alg, mirror_server, monkeypatch, tmp_path
):
    monkeypatch.setenv("ANCT_QGIS_MIRROR", mirror_server.base_url.replace("http://", f"http://USER:{HIDDEN}@"))
    fault_va(mirror_server, "status", code=304)
    output = tmp_path / "pack.gpkg"
    run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(output)})
    with sqlite3.connect(output) as db:
        (message,) = db.execute("SELECT message FROM anct_sources WHERE layer_id = 'villages_avenir'").fetchone()
    assert "answered 304 without a cached copy" in message and HIDDEN not in message
    data = AnctData()
    source = next(source for source in CHECKED_SOURCES if source.id == "villages_avenir")
    check = check_source(data.builder(), source, data.resolve_territory("36"))  # anct:check_sources' rows
    assert check.status == "failed" and "304" in check.message and HIDDEN not in check.message


@pytest.fixture
def auth_database():
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        pytest.skip("QGIS's authentication system is disabled here")
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("anct-test-master", True)
    before = set(manager.configIds())
    yield manager
    for authcfg in set(manager.configIds()) - before:
        manager.removeAuthenticationConfig(authcfg)


def test_the_options_page_keeps_mirror_credentials_in_the_authentication_database(
    anct_env, qgis_app, mirror_server, monkeypatch, auth_database
):
    from anct_qgis_plugin.gui.options import AnctOptionsFactory

    monkeypatch.delenv("ANCT_QGIS_MIRROR")
    page = AnctOptionsFactory(lambda: None).createWidget(None)
    page.mirror.setText(mirror_server.base_url.replace("http://", f"http://TOKEN{HIDDEN}@"))
    try:
        page.apply()
        settings = QgsSettings()
        settings.sync()
        assert settings.value(f"{GROUP}/network/mirror") == mirror_server.base_url
        assert HIDDEN not in Path(settings.fileName()).read_text(encoding="utf-8", errors="replace")
        authcfg = settings.value(f"{GROUP}/network/mirror_authcfg")
        assert authcfg in auth_database.configIds()
        before = len(mirror_server.requests)
        Fetcher(load_config()).fetch("https://geo.api.gouv.fr/regions", suffix=".json")
        sent = "Basic " + base64.b64encode(f"TOKEN{HIDDEN}:".encode()).decode()
        assert [request.headers.get("Authorization") for request in mirror_server.requests[before:]] == [sent]
        again = AnctOptionsFactory(lambda: None).createWidget(None)  # shown without the secret
        assert again.mirror.text() == mirror_server.base_url and again.mirror_auth.configId() == authcfg
    finally:
        QgsSettings().remove(f"{GROUP}/network")
        QgsSettings().remove(f"{GROUP}/cache")
        QgsSettings().remove(f"{GROUP}/storage")
        QgsSettings().remove(f"{GROUP}/sources")


# --- settings and inputs that used to end in a traceback -------------------------------------------
@pytest.mark.parametrize(
    "variable, value",
    [
        ("ANCT_QGIS_RETRIES", "-1"),
        ("ANCT_QGIS_TIMEOUT", "0"),
        ("ANCT_QGIS_DEADLINE", "-5"),
        ("ANCT_QGIS_TTL_HOURS", "nan"),
    ],
)
def test_out_of_range_settings_fall_back_to_their_default_with_a_logged_sentence(
    anct_env, run_alg, monkeypatch, variable, value
):
    logged = []

    def record(message, tag, _level):
        logged.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(record)
    monkeypatch.setenv(variable, value)
    try:
        assert fetch_va(run_alg)["FEATURE_COUNT"] == 3
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(record)
    assert any(tag == "ANCT" and f"{variable}={value} is refused" in message for tag, message in logged), logged


@pytest.mark.parametrize("mirror", ["{base}a\x00b/", "/tmp/anct\x00mirror"], ids=["http", "folder"])
def test_a_nul_byte_in_the_mirror_is_a_sentence(anct_env, run_alg, mirror_server, monkeypatch, mirror):
    monkeypatch.delenv("ANCT_QGIS_MIRROR")
    write_setting("mirror", mirror.format(base=mirror_server.base_url))
    try:
        with pytest.raises(QgsProcessingException, match=r"contains a control character.*ANCT_QGIS_MIRROR"):
            fetch_va(run_alg)
    finally:
        QgsSettings().remove(f"{GROUP}/network/mirror")


def test_control_characters_of_a_territory_are_escaped_in_messages(anct_env, run_alg):
    with pytest.raises(QgsProcessingException) as error:
        run_alg("anct:fetch_layer", {"LAYER": "communes", "TERRITORY": "\x1b[31mRED\u202eXYZ", "OUTPUT": "memory:"})
    assert "\x1b" not in str(error.value) and "\u202e" not in str(error.value)
    assert "\\x1b[31mRED\\u202eXYZ" in str(error.value)


# --- messages that keep the path and the server's words ---------------------------------------------
def test_an_http_400_keeps_the_servers_own_short_text(anct_env, run_alg, mirror_server):
    body = f"<html><body><h1>Bad request</h1><p>parameter x is wrong, see http://USER:{HIDDEN}@h/</p>{'z' * 500}"
    fault_va(mirror_server, "status", code=400, body=body, content_type="text/html")
    with pytest.raises(QgsProcessingException, match=r"HTTP 400 from .*: Bad request parameter x is wrong") as error:
        fetch_va(run_alg)
    assert HIDDEN not in str(error.value) and "<p>" not in str(error.value) and "z" * 300 not in str(error.value)


def test_a_cache_folder_that_is_a_file_is_named(anct_env, run_alg, monkeypatch, tmp_path):
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    monkeypatch.setenv("ANCT_QGIS_CACHE_DIR", str(a_file))
    with pytest.raises(QgsProcessingException, match=f"The cache folder {a_file} is a file.*ANCT_QGIS_CACHE_DIR"):
        fetch_va(run_alg)


def test_a_pack_into_a_folder_names_the_folder_not_a_temporary_file(anct_env, run_alg, tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    with pytest.raises(QgsProcessingException, match=f"{folder} is a folder: give the pack a file name") as error:
        run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(folder)})
    assert ".part-" not in str(error.value)


@contextlib.contextmanager
def full_disk(folder, *subfolders):
    """A tiny tmpfs at ``folder`` holding ``subfolders``, then filled: every write there fails with
    ENOSPC. Unmounted lazily at the end (QGIS may still hold a file open)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("no tmpfs can be mounted here (not root, or a container without the right)")
    try:
        for name in subfolders:
            (folder / name).mkdir()
        with contextlib.suppress(OSError), open(folder / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_full_cache_disk_names_the_folder_and_what_to_do(anct_env, run_alg, monkeypatch, tmp_path):
    with full_disk(tmp_path / "small", "cache") as small:
        monkeypatch.setenv("ANCT_QGIS_CACHE_DIR", str(small / "cache"))
        with pytest.raises(QgsProcessingException) as error:
            fetch_va(run_alg)
    assert f"into {small / 'cache'}" in str(error.value) and "free some space" in str(error.value)
    assert "Cannot write or read -" not in str(error.value)


def test_a_pack_on_a_full_disk_names_the_pack_not_its_temporary_file(anct_env, run_alg, tmp_path):
    with full_disk(tmp_path / "small") as small:
        output = small / "indre.gpkg"
        with pytest.raises(QgsProcessingException, match=f"into {output} .*disk has room") as error:
            run_alg("anct:fetch_territory_pack", {"TERRITORY": "36", "OUTPUT": str(output)})
        assert [path.name for path in small.iterdir()] == ["filler"]  # no temporary pack left behind
    assert ".part-" not in str(error.value) and len(str(error.value)) < 500


# --- a 429 storm ------------------------------------------------------------------------------------
def test_a_host_answering_429_again_and_again_is_given_up_for_the_run(anct_env, mirror_server, monkeypatch):
    monkeypatch.setenv("ANCT_QGIS_RETRIES", "3")
    mirror_server.add_fault("geo.api.gouv.fr", "retry_after", seconds=0)
    fetcher = Fetcher(load_config())
    before = mirror_server.count("geo.api.gouv.fr")
    urls = ["https://geo.api.gouv.fr/regions", "https://geo.api.gouv.fr/departements", "https://geo.api.gouv.fr/epcis"]
    errors = []
    for url in urls:
        with pytest.raises(DownloadError) as error:
            fetcher.fetch(url, suffix=".json")
        errors.append(str(error.value))
    # 4 tries of the first URL, 2 of the second: 6 in a row, then the host is not asked again
    assert mirror_server.count("geo.api.gouv.fr") - before == RATE_LIMIT_GIVE_UP
    assert "not asked again in this run" in errors[1] and "not asked again in this run" in errors[2]
    mirror_server.clear_faults()
    assert Fetcher(load_config()).fetch(urls[0], suffix=".json").path  # the next run asks again
