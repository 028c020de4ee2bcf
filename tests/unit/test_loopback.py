"""Tests of tests/loopback.py: the loopback mirror server and forward proxy (no QGIS).

Run: /usr/bin/python3 -m pytest -p no:qgis tests/unit/test_loopback.py
"""

import email.utils
import hashlib
import http.client
import json
import os
import sys
import time
from pathlib import Path

import pytest
import requests

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from loopback import ForwardProxy, MirrorServer  # noqa: E402

FIXTURE_MIRROR = TESTS / "fixtures" / "mirror"
WFS_DEPARTEMENTS = (
    "data.geopf.fr/wfs/ows@OUTPUTFORMAT=application%2Fjson&REQUEST=GetFeature&SERVICE=WFS"
    "&SRSNAME=EPSG%3A4326&TYPENAMES=ADMINEXPRESS-COG-CARTO.LATEST%3Adepartement&VERSION=2.0.0"
)
BODY = b"insee_com,lib_com\n36044,Ch\xc3\xa2teauroux\n" * 50


@pytest.fixture
def root(tmp_path):
    (tmp_path / "example.org" / "data").mkdir(parents=True)
    (tmp_path / "example.org" / "data" / "list.csv").write_bytes(BODY)
    (tmp_path / "example.org" / "api" / "ds").mkdir(parents=True)
    (tmp_path / "example.org" / "api" / "ds" / "index").write_text('{"id": "ds"}')
    (tmp_path / "outside.txt").write_text("secret")
    return tmp_path


@pytest.fixture
def server(root):
    with MirrorServer(root / "example.org") as running:
        yield running


def raw_get(server, path, headers=None):
    """A GET whose path is sent exactly as written (requests would normalise it)."""
    connection = http.client.HTTPConnection(*server.address, timeout=5)
    connection.request("GET", path, headers=headers or {})
    return connection, connection.getresponse()


# -- file serving -----------------------------------------------------------------------


def test_serves_a_file_with_length_etag_and_last_modified(server, root):
    answer = requests.get(server.url_for("data/list.csv"), timeout=5)
    assert answer.status_code == 200
    assert answer.content == BODY
    assert answer.headers["Content-Length"] == str(len(BODY))
    assert answer.headers["ETag"] == '"%s"' % hashlib.sha1(BODY).hexdigest()
    mtime = (root / "example.org" / "data" / "list.csv").stat().st_mtime
    assert answer.headers["Last-Modified"] == email.utils.formatdate(mtime, usegmt=True)
    assert answer.headers["Content-Type"].startswith("text/csv")
    assert server.base_url == "http://127.0.0.1:%d/" % server.port


def test_head_gives_headers_without_body(server):
    answer = requests.head(server.url_for("data/list.csv"), timeout=5)
    assert answer.status_code == 200
    assert answer.headers["Content-Length"] == str(len(BODY)) and answer.content == b""


def test_trailing_slash_is_served_from_index(server):
    answer = requests.get(server.base_url + "api/ds/", timeout=5)
    assert answer.json() == {"id": "ds"}
    assert answer.headers["Content-Type"].startswith("application/json")


def test_percent_encoded_file_names_round_trip():
    if not FIXTURE_MIRROR.is_dir():
        pytest.skip("fixture mirror not generated")
    with MirrorServer(FIXTURE_MIRROR) as server:
        url = server.url_for(WFS_DEPARTEMENTS)
        assert "application%252Fjson" in url and "EPSG%253A4326" in url
        answer = requests.get(url, timeout=5)
        assert answer.status_code == 200
        assert answer.content == (FIXTURE_MIRROR / WFS_DEPARTEMENTS).read_bytes()
        assert answer.json()["numberReturned"] == 6  # with Seine-Saint-Denis (the EPT fixture)
        assert server.requests[-1].path == "/" + WFS_DEPARTEMENTS
        table = "geo.api.gouv.fr/communes@fields=nom,code,codeDepartement,codeRegion,codeEpci,population&format=json"
        assert len(requests.get(server.url_for(table), timeout=5).json()) == 14


def test_missing_file_is_404(server):
    assert requests.get(server.url_for("data/absent.csv"), timeout=5).status_code == 404


@pytest.mark.parametrize("path", ["/../outside.txt", "/data/%2E%2E/%2E%2E/outside.txt", "/data/./list.csv"])
def test_dot_segments_are_refused(server, path):
    connection, answer = raw_get(server, path)
    assert answer.status == 403 and b"secret" not in answer.read()
    connection.close()


# -- conditional requests ---------------------------------------------------------------


def test_if_none_match_gives_304(server):
    first = requests.get(server.url_for("data/list.csv"), timeout=5)
    again = requests.get(server.url_for("data/list.csv"), timeout=5, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    changed = requests.get(server.url_for("data/list.csv"), timeout=5, headers={"If-None-Match": '"other"'})
    assert changed.status_code == 200


def test_if_modified_since_gives_304_only_when_not_newer(server, root):
    first = requests.get(server.url_for("data/list.csv"), timeout=5)
    same = requests.get(
        server.url_for("data/list.csv"), timeout=5, headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert same.status_code == 304
    target = root / "example.org" / "data" / "list.csv"
    os.utime(target, (time.time() + 10, time.time() + 10))
    newer = requests.get(
        server.url_for("data/list.csv"), timeout=5, headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert newer.status_code == 200


# -- recording --------------------------------------------------------------------------


def test_requests_are_recorded_with_headers(server):
    requests.get(server.url_for("data/list.csv"), headers={"X-Test": "1"}, timeout=5)
    requests.get(server.url_for("data/absent.csv"), timeout=5)
    method, path, headers = server.requests[0]
    assert (method, path) == ("GET", "/data/list.csv")
    assert headers["x-test"] == "1" and headers["X-Test"] == "1"
    assert server.count("list.csv") == 1 and server.count("data/") == 2 and server.count() == 2


# -- faults -----------------------------------------------------------------------------


def test_status_fault_for_the_first_n_requests_then_normal(server):
    server.add_fault("list.csv", "status", times=2, code=500)
    codes = [requests.get(server.url_for("data/list.csv"), timeout=5).status_code for _ in range(3)]
    assert codes == [500, 500, 200]


def test_status_fault_with_headers_and_body_always(server):
    server.add_fault("data/", "status", code=404, headers={"X-Why": "test"}, body="gone")
    for _ in range(2):
        answer = requests.get(server.url_for("data/list.csv"), timeout=5)
        assert (answer.status_code, answer.text, answer.headers["X-Why"]) == (404, "gone", "test")
    assert requests.get(server.url_for("api/ds/index"), timeout=5).status_code == 200
    server.clear_faults()
    assert requests.get(server.url_for("data/list.csv"), timeout=5).status_code == 200


def test_retry_after_fault(server):
    server.add_fault("list.csv", "retry_after", times=1, seconds=3)
    answer = requests.get(server.url_for("data/list.csv"), timeout=5)
    assert answer.status_code == 429 and answer.headers["Retry-After"] == "3"
    assert requests.get(server.url_for("data/list.csv"), timeout=5).status_code == 200


def test_delay_fault_triggers_client_timeout_and_does_not_block_shutdown(root):
    server = MirrorServer(root / "example.org").start()
    server.add_fault("list.csv", "delay", seconds=30)
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(server.url_for("data/list.csv"), timeout=0.3)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2


def test_short_delay_then_normal_answer(server):
    server.add_fault("list.csv", "delay", times=1, seconds=0.3)
    started = time.monotonic()
    answer = requests.get(server.url_for("data/list.csv"), timeout=5)
    assert answer.content == BODY and time.monotonic() - started >= 0.3


def test_truncate_fault_announces_full_length_but_sends_half(server):
    server.add_fault("list.csv", "truncate", times=1)
    connection, answer = raw_get(server, "/data/list.csv")
    assert answer.getheader("Content-Length") == str(len(BODY))
    with pytest.raises(http.client.IncompleteRead) as caught:
        answer.read()
    assert caught.value.partial == BODY[: len(BODY) // 2]
    connection.close()
    server.add_fault("list.csv", "truncate", times=1)
    assert_truncated(lambda: requests.get(server.url_for("data/list.csv"), timeout=5))


def assert_truncated(get):
    """urllib3 2 raises on a short body; Debian's urllib3 1.26 (QGIS 3.22) silently returns
    it, so a client must compare the length it got with Content-Length itself."""
    try:
        answer = get()
    except requests.exceptions.ChunkedEncodingError:
        return
    assert answer.status_code == 200
    assert len(answer.content) == len(BODY) // 2 < int(answer.headers["Content-Length"])


@pytest.mark.parametrize(
    "body, content_type, expected_type",
    [
        ("{not json", None, "text/csv"),  # default: the type the real file would have
        ("<html><body>Erreur</body></html>", "text/html", "text/html"),
        (b"", None, "text/csv"),
    ],
)
def test_body_fault_replaces_the_answer(server, body, content_type, expected_type):
    server.add_fault("list.csv", "body", body=body, content_type=content_type)
    answer = requests.get(server.url_for("data/list.csv"), timeout=5)
    expected = body.encode() if isinstance(body, str) else body
    assert answer.status_code == 200 and answer.content == expected
    assert answer.headers["Content-Length"] == str(len(expected))
    assert answer.headers["Content-Type"].startswith(expected_type)


def test_slow_fault_sends_the_whole_body_in_paced_chunks(server):
    server.add_fault("list.csv", "slow", chunk=200, pause=0.05)
    started = time.monotonic()
    with requests.get(server.url_for("data/list.csv"), stream=True, timeout=5) as answer:
        pieces = answer.iter_content(chunk_size=100)
        first = next(pieces)
        first_at = time.monotonic() - started
        rest = b"".join(pieces)
    chunks = -(-len(BODY) // 200)
    assert first + rest == BODY
    assert time.monotonic() - started >= 0.05 * (chunks - 1)
    assert first_at < 0.05 * (chunks - 1)  # bytes arrived before the end: really streamed


def test_no_length_fault_sends_the_body_without_its_size(server):
    server.add_fault("list.csv", "no_length", times=1)
    answer = requests.get(server.url_for("data/list.csv"), timeout=5)
    assert answer.content == BODY and "Content-Length" not in answer.headers
    assert "Content-Length" in requests.get(server.url_for("data/list.csv"), timeout=5).headers  # once only


def test_drop_fault_closes_without_answer(server):
    server.add_fault("list.csv", "drop", times=1)
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(server.url_for("data/list.csv"), timeout=5)


def test_unknown_fault_kind_is_refused(server):
    with pytest.raises(ValueError):
        server.add_fault("x", "explode")


# -- shutdown ---------------------------------------------------------------------------


def test_stop_closes_listener_and_kept_alive_connections(root):
    session = requests.Session()
    with MirrorServer(root / "example.org") as server:
        url = server.url_for("data/list.csv")
        assert session.get(url, timeout=5).status_code == 200  # connection now pooled
    with pytest.raises(requests.exceptions.ConnectionError):
        session.get(url, timeout=2)
    session.close()


# -- forward proxy ----------------------------------------------------------------------

FAKE_BASE = "http://anct-mirror.test/"


def test_proxy_forwards_any_host_to_the_mirror(server):
    with ForwardProxy(server.address) as proxy:
        answer = requests.get(FAKE_BASE + "data/list.csv", proxies={"http": proxy.url}, timeout=5)
        assert answer.status_code == 200 and answer.content == BODY
        assert [r.url for r in proxy.requests] == [FAKE_BASE + "data/list.csv"]
        assert proxy.requests[0].proxy_authorization is None
        assert server.count("data/list.csv") == 1
        assert server.requests[0].headers["Host"] == "anct-mirror.test"
        etag = answer.headers["ETag"]
        again = requests.get(
            FAKE_BASE + "data/list.csv", proxies={"http": proxy.url}, headers={"If-None-Match": etag}, timeout=5
        )
        assert again.status_code == 304 and proxy.count("list.csv") == 2


def test_proxy_passes_faults_through(server):
    with ForwardProxy(server.address) as proxy:
        proxies = {"http": proxy.url}
        server.add_fault("list.csv", "retry_after", times=1, seconds=2)
        answer = requests.get(FAKE_BASE + "data/list.csv", proxies=proxies, timeout=5)
        assert answer.status_code == 429 and answer.headers["Retry-After"] == "2"
        server.add_fault("list.csv", "truncate", times=1)
        assert_truncated(lambda: requests.get(FAKE_BASE + "data/list.csv", proxies=proxies, timeout=5))
        assert requests.get(FAKE_BASE + "data/list.csv", proxies=proxies, timeout=5).content == BODY


def test_proxy_requires_authentication_when_asked(server):
    with ForwardProxy(server.address, require_auth=("user", "p@ss")) as proxy:
        url = FAKE_BASE + "data/list.csv"
        bare = requests.get(url, proxies={"http": proxy.url}, timeout=5)
        assert bare.status_code == 407
        assert bare.headers["Proxy-Authenticate"].startswith("Basic")
        wrong = requests.get(url, proxies={"http": proxy.url_with_auth("user", "no")}, timeout=5)
        assert wrong.status_code == 407
        assert server.count() == 0
        good = requests.get(url, proxies={"http": proxy.url_with_auth("user", "p@ss")}, timeout=5)
        assert good.status_code == 200 and good.content == BODY
        assert proxy.requests[-1].proxy_authorization == "Basic dXNlcjpwQHNz"
        assert "Proxy-Authorization" not in server.requests[-1].headers  # not forwarded


def test_proxy_refuses_connect(server):
    with ForwardProxy(server.address) as proxy:
        with pytest.raises(requests.exceptions.ProxyError):
            requests.get("https://anct-mirror.test/data/list.csv", proxies={"https": proxy.url}, timeout=5)
        assert proxy.requests[0].method == "CONNECT"


def test_fixture_dataset_documents_match_their_files():
    """The checksums written by make_fixtures.py match the files the mirror serves."""
    if not FIXTURE_MIRROR.is_dir():
        pytest.skip("fixture mirror not generated")
    documents = sorted((FIXTURE_MIRROR / "www.data.gouv.fr/api/1/datasets").glob("*/index"))
    assert documents
    with MirrorServer(FIXTURE_MIRROR) as server:
        for document in documents:
            for resource in json.loads(document.read_text("utf-8"))["resources"]:
                for url in (resource["url"], resource["latest"]):
                    path = url.split("://", 1)[1]
                    body = requests.get(server.url_for(path), timeout=5).content
                    assert hashlib.sha1(body).hexdigest() == resource["checksum"]["value"], url
                    assert len(body) == resource["filesize"], url
