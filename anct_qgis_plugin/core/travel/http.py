"""HTTP with requests, the way corporate users need it.

Proxy from QGIS's network settings (then the environment), TLS verified, time-outs, retries with
back-off on 429/5xx honouring Retry-After (a host that keeps answering 429 is given up for the
run), conditional requests, cancellation and progress.
"""

from __future__ import annotations

import email.utils
import errno
import html
import os
import re
import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from qgis.core import Qgis, QgsSettings

from ..errors import CancelledError, DownloadError, NotPublishedError, StorageError
from ..i18n import tr
from ..report import is_cancelled, progress, transferred
from .auth import basic_credentials

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import requests
    from qgis.core import QgsFeedback

RETRY_STATUSES = {429, 500, 502, 503, 504}
ERROR_BODY_BYTES = 64 * 1024  # what is read of an error answer to find the service's own message
CHUNK = 256 * 1024
BOMB_FLOOR = 64 * 2**20  # below this, any compression ratio is fine
BOMB_RATIO = 200  # gzip of real data rarely passes 20:1; a bomb passes 1000:1
# "Too many requests" answers in a row from one host before the run stops asking it: one URL's
# retries and a bit more. A storm otherwise costs every URL of a run its retries and waits.
RATE_LIMIT_GIVE_UP = 6
# Errors of the file being written (a full disk, a folder removed or read-only): ours, not the server's.
DISK_ERRORS = {
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EACCES", "ENOENT", "ENOTDIR")
    if hasattr(errno, name)  # EDQUOT is not on every platform
}
SERVER_TEXT_CHARS = 200  # of an error answer's own explanation, kept in the message


class _Watch:
    """What the watching thread and a download's worker share."""

    def __init__(self) -> None:
        self.abandoned = threading.Event()
        self.response = None
        self.received = 0
        self.expected = 0

    def abandon(self) -> None:
        """Stop the worker: it sees the flag at its next chunk; its socket is shut down now."""
        self.abandoned.set()
        raw = getattr(self.response, "raw", None)
        connection = getattr(raw, "_connection", None) or getattr(raw, "connection", None)
        sock = getattr(connection, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def _wire_bytes(response: requests.Response, decoded: int) -> int:
    """Bytes received so far as they crossed the wire: Content-Length counts those (tell()), not
    the decoded ones."""
    return response.raw.tell() if hasattr(response.raw, "tell") else decoded


def _report(watch: _Watch, feedback: QgsFeedback | None) -> None:
    """Progress and bytes of a download, as far as the headers let us know them."""
    if watch.received:
        transferred(feedback, watch.received, watch.expected)
    if watch.expected:
        progress(feedback, 100.0 * watch.received / watch.expected)


def _user_agent() -> str:
    # QGIS_VERSION carries the release name ("Białowieża"): headers must stay Latin-1.
    version = Qgis.QGIS_VERSION  # type: ignore[attr-defined]  # missing from QGIS 3.22's .pyi
    return f"anct-qgis-plugin (QGIS {version.split('-')[0]})"


def qgis_proxies(settings: QgsSettings | None = None) -> dict[str, str] | None:
    """The proxy configured in QGIS > Options > Network, as a requests ``proxies`` dict.

    ``None`` means "no explicit proxy": requests then follows HTTP(S)_PROXY/NO_PROXY.
    """
    settings = settings or QgsSettings()
    enabled = str(settings.value("proxy/proxyEnabled", False)).lower() in ("true", "1")
    proxy_type = settings.value("proxy/proxyType", "DefaultProxy") or "DefaultProxy"
    if not enabled or proxy_type == "DefaultProxy":
        return None
    host = (settings.value("proxy/proxyHost", "") or "").strip()
    if not host:
        return None
    port = str(settings.value("proxy/proxyPort", "") or "").strip()
    user, password = _proxy_credentials(settings)
    scheme = "socks5h" if proxy_type == "Socks5Proxy" else "http"
    credentials = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
    address = f"{scheme}://{credentials}{host}" + (f":{port}" if port else "")
    return {"http": address, "https": address}


def _proxy_credentials(settings: QgsSettings) -> tuple[str, str]:
    """(user, password): from QGIS's authentication database when the proxy names an
    authentication configuration (``proxy/authcfg``), else from the plain settings."""
    stored = basic_credentials(str(settings.value("proxy/authcfg", "") or "").strip())
    if stored:
        return stored
    return settings.value("proxy/proxyUser", "") or "", settings.value("proxy/proxyPassword", "") or ""


def qgis_proxy_excluded(settings: QgsSettings | None = None) -> list[str]:
    """URL prefixes QGIS sends without the proxy: its exclude list and (QGIS 3.28+) its
    no-proxy list (``proxy/proxyExcludedUrls``, ``proxy/noProxyUrls``)."""
    settings = settings or QgsSettings()
    found = []
    for key in ("proxy/proxyExcludedUrls", "proxy/noProxyUrls"):
        value = settings.value(key, "") or ""
        items = value if isinstance(value, list) else str(value).split("|")
        found += [item.strip() for item in items if item.strip()]
    return found


def describe_proxy(settings: QgsSettings | None = None) -> str:
    """A one-line status for the options page and the log."""
    proxies = qgis_proxies(settings)
    if proxies:
        shown = proxies["https"].split("@")[-1]
        return tr("QGIS proxy: {proxy}").format(proxy=shown)
    return tr("No QGIS proxy: system settings and HTTP(S)_PROXY variables apply")


@dataclass
class Response:
    """What a download produced: the body on disk (or nothing when not modified)."""

    url: str
    status: int
    not_modified: bool
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    size: int = 0


def exception_text(body: bytes) -> str:
    """The text of an OGC exception report (a WFS answers its errors so, with status 200 or 400); ""."""
    text = body.decode("utf-8", "replace")
    if "ExceptionReport" not in text:
        return ""
    found = re.findall(r"<(?:\w+:)?ExceptionText>(.*?)</(?:\w+:)?ExceptionText>", text, re.S)
    return " ".join(" ".join(found).split())[:300] or "ExceptionReport"


def retry_after_seconds(header: str | None) -> float | None:
    """Seconds a ``Retry-After`` asks for (delta-seconds or an HTTP date), None when illegal
    (``1.5``, ``-5``, ``soon``: RFC 9110 allows only a non-negative integer or a date)."""
    header = (header or "").strip()
    if header.isdigit():
        return float(header)
    try:
        parsed = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    return None if parsed is None or parsed.tzinfo is None else max(0.0, parsed.timestamp() - time.time())


def server_text(response: requests.Response) -> str:
    """The server's own short explanation of an error answer (its text, markup dropped, trimmed),
    or "" when it sent no text."""
    content_type = response.headers.get("Content-Type", "").lower()
    if not any(kind in content_type for kind in ("text/", "json", "xml")):
        return ""
    try:
        body = response.raw.read(ERROR_BODY_BYTES, decode_content=True) or b""
    except Exception:  # noqa: BLE001 - a cut or undecodable body: there is simply no text to add
        return ""
    text = exception_text(body) or body.decode(response.encoding or "utf-8", "replace")  # an OGC report: its text
    text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>|<\?.*?\?>|<!--.*?-->|<[^>]*>", " ", text)
    text = " ".join(html.unescape(text).split())
    return text if len(text) <= SERVER_TEXT_CHARS else text[: SERVER_TEXT_CHARS - 1] + "…"


def _status_message(status: int, url: str, text: str) -> str:
    if text:
        return tr("HTTP {status} from {url}: {text}").format(status=status, url=url, text=text)
    return tr("HTTP {status} from {url}").format(status=status, url=url)


# What a connection error's text says, in words (the raw urllib3 text names pools and objects).
_CONNECTION_WORDS = (
    (("ProxyError", "Unable to connect to proxy", "Tunnel connection failed"), "proxy"),
    (("SSLError", "CERTIFICATE_VERIFY_FAILED", "SSL:"), "tls"),
    (("name resolution", "Name or service not known", "nodename nor servname", "getaddrinfo failed"), "dns"),
    (("Connection refused",), "refused"),
    (("Network is unreachable", "No route to host"), "unreachable"),
    (("ChunkedEncodingError", "IncompleteRead", "Connection broken", "reset", "aborted", "RemoteDisconnected"), "cut"),
)


def connection_reason(error: BaseException) -> str:
    """Why a connection failed, in a few words, from requests' exception."""
    text = " ".join([cls.__name__ for cls in type(error).__mro__] + [str(error)])
    kind = next((kind for words, kind in _CONNECTION_WORDS if any(word in text for word in words)), "")
    return {
        "proxy": tr("the proxy did not let the request through"),
        "tls": tr("the secure connection failed: certificate not trusted?"),
        "dns": tr("the server's name could not be resolved: no network?"),
        "refused": tr("the connection was refused"),
        "unreachable": tr("the network is unreachable"),
        "cut": tr("the connection was cut during the transfer"),
    }.get(kind, tr("no answer from the network"))


def connection_failure(url: str, error: BaseException) -> str:
    """A connection failure in plain words, with what to check: no pool, socket or object names."""
    return tr(
        "Connection to {host} failed ({reason}) for {url}. Check the network, QGIS's proxy (Settings > "
        "Options > Network) and the mirror (Settings > Options > ANCT Territoires), or work offline from "
        "the cache (Offline mode)."
    ).format(host=_host(url), reason=connection_reason(error), url=url)


def _host(url: str) -> str:
    """host[:port] of a URL, without the credentials it may carry."""
    parts = urlsplit(url)
    return parts.netloc.rpartition("@")[2].lower()


def _retry_delay(response: requests.Response | None, attempt: int, backoff: float, cap: float) -> float:
    delay = retry_after_seconds(response.headers.get("Retry-After", "") if response is not None else "")
    if delay is None:
        delay = backoff * (2**attempt)
    return max(0.0, min(delay, cap))


class HttpClient:
    """A requests session configured from the settings snapshot."""

    def __init__(
        self,
        timeout_s: float = 60.0,
        retries: int = 3,
        max_retry_wait_s: float = 30.0,
        backoff_s: float = 0.5,
        proxies: dict[str, str] | None = None,
        excluded: list[str] | None = None,
        deadline_s: float = 900.0,
        max_bytes: int = 2 * 2**30,
        credentials: Mapping[str, tuple[str, str]] | None = None,
    ):
        """``credentials``: URL prefix -> (user, password) sent as HTTP Basic to URLs under it
        (an http mirror's, from QGIS's authentication database)."""
        import requests  # lazily: keeps plugin start-up light
        import urllib3.exceptions

        self._requests = requests
        self._urllib3_errors = (urllib3.exceptions.ProtocolError, urllib3.exceptions.ReadTimeoutError)
        self.timeout_s = timeout_s
        self.retries = max(0, int(retries))
        self.max_retry_wait_s = max_retry_wait_s
        self.backoff_s = backoff_s
        self.deadline_s = deadline_s
        self.max_bytes = max_bytes
        self.proxies = proxies if proxies is not None else qgis_proxies()
        self.excluded = excluded if excluded is not None else qgis_proxy_excluded()
        self.credentials = dict(credentials or {})
        self.rate_limited: dict[str, int] = {}  # host -> "too many requests" answers in a row
        self.session = requests.Session()
        self.session.headers["User-Agent"] = _user_agent()

    def _proxies_for(self, url: str) -> dict[str, str] | None:
        if self.proxies and not any(url.startswith(prefix) for prefix in self.excluded):
            return self.proxies
        return None

    def _auth_for(self, url: str) -> tuple[str, str] | None:
        return next((auth for prefix, auth in self.credentials.items() if url.startswith(prefix)), None)

    def _given_up(self, url: str) -> DownloadError:
        return DownloadError(
            tr(
                '{host} answered "too many requests" (HTTP 429) {n} times in a row: it is not asked again '
                "in this run, {url} is not downloaded. Try again later."
            ).format(host=_host(url), n=RATE_LIMIT_GIVE_UP, url=url)
        )

    def _count_rate_limit(self, url: str, status: int | None) -> None:
        """Count 429 answers in a row per host; raise once the host is given up."""
        host = _host(url)
        self.rate_limited[host] = self.rate_limited.get(host, 0) + 1 if status == 429 else 0
        if self.rate_limited[host] >= RATE_LIMIT_GIVE_UP:
            raise self._given_up(url)

    def download(
        self,
        url: str,
        destination: str,
        validators: Mapping[str, str] | None = None,
        feedback: QgsFeedback | None = None,
    ) -> Response:
        """Stream ``url`` into the file ``destination``; retry what is worth retrying.

        Messages name the URL without the credentials it may carry (AnctError redacts them)."""
        headers = {}
        if validators:
            if validators.get("etag"):
                headers["If-None-Match"] = validators["etag"]
            if validators.get("last_modified"):
                headers["If-Modified-Since"] = validators["last_modified"]
        deadline = time.monotonic() + self.deadline_s
        if self.rate_limited.get(_host(url), 0) >= RATE_LIMIT_GIVE_UP:
            raise self._given_up(url)
        last_error, last_status = "", 0
        for attempt in range(self.retries + 1):
            if is_cancelled(feedback):
                raise CancelledError(tr("Download cancelled: {url}").format(url=url))
            response = None
            try:
                outcome, value = self._watched(
                    url, lambda watch: self._attempt(url, headers, destination, watch), feedback, deadline
                )
                if outcome == "done":
                    self._count_rate_limit(url, value.status)
                    return value
                response, text = value
                self._count_rate_limit(url, response.status_code)
                last_error = _status_message(response.status_code, url, text)
                last_status = response.status_code
            except self._requests.exceptions.Timeout:
                last_status = 0
                last_error = tr("No answer within {seconds:g} s from {url}").format(seconds=self.timeout_s, url=url)
            except (self._requests.exceptions.ConnectionError, self._requests.exceptions.ChunkedEncodingError) as error:
                last_status = 0
                last_error = connection_failure(url, error)
            except self._requests.exceptions.RequestException as error:  # redirect loop, bad URL: no retry
                raise DownloadError(tr("Cannot download {url}: {error}").format(url=url, error=error)) from None
            if attempt < self.retries:
                delay = _retry_delay(response, attempt, self.backoff_s, self.max_retry_wait_s)
                if time.monotonic() + delay > deadline:
                    break
                self._sleep(delay, feedback, url)
        raise DownloadError(last_error + " " + tr("(after {n} attempts)").format(n=attempt + 1), last_status)

    def _attempt(self, url: str, headers: dict[str, str], destination: str, watch: _Watch):
        """One request, in a worker thread: ("done", Response) or ("retry", the closed response)."""
        response = self.session.get(
            url,
            headers=headers,
            stream=True,
            timeout=self.timeout_s,
            proxies=self._proxies_for(url),
            auth=self._auth_for(url),
        )
        watch.response = response
        try:
            if watch.abandoned.is_set():
                raise CancelledError(tr("Download cancelled: {url}").format(url=url))
            if response.status_code in RETRY_STATUSES:
                return "retry", (response, server_text(response))
            return "done", self._finish(url, response, destination, watch)
        finally:
            response.close()

    def _watched(self, url: str, work: Callable[[_Watch], Any], feedback: QgsFeedback | None, deadline: float):
        """Run ``work(watch)`` in a worker thread while this one watches: Cancel and the overall
        deadline are honoured within a tenth of a second, whatever the server does (a body that
        trickles, an answer that never comes); the connection is then cut."""
        watch = _Watch()
        result = {}

        def run() -> None:
            try:
                result["value"] = work(watch)
            except BaseException as error:  # handed over to the watching thread
                result["error"] = error

        worker = threading.Thread(target=run, name="anct-download", daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.1)
            _report(watch, feedback)
            if is_cancelled(feedback):
                watch.abandon()
                raise CancelledError(tr("Download cancelled: {url}").format(url=url))
            if time.monotonic() > deadline:
                watch.abandon()
                raise DownloadError(
                    tr("{url} took longer than {seconds:g} s to download (ANCT_QGIS_DEADLINE).").format(
                        url=url, seconds=self.deadline_s
                    )
                )
        if "error" in result:
            # Raised without staying in ``result`` or this frame: there, its traceback (which holds
            # the caller's frames, and an algorithm's sinks) would be freed by the cycle collector only.
            error = result.pop("error")
            try:
                raise error
            finally:
                del error
        _report(watch, feedback)  # a download quicker than one look still tells its size
        return result["value"]

    def _sleep(self, seconds: float, feedback: QgsFeedback | None, url: str) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if is_cancelled(feedback):
                raise CancelledError(tr("Download cancelled: {url}").format(url=url))
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))

    def _finish(self, url: str, response: requests.Response, destination: str, watch: _Watch) -> Response:
        meta = Response(
            url=url,
            status=response.status_code,
            not_modified=response.status_code == 304,
            etag=response.headers.get("ETag", ""),
            last_modified=response.headers.get("Last-Modified", ""),
            content_type=response.headers.get("Content-Type", ""),
        )
        if meta.not_modified:
            return meta
        if response.status_code in (404, 410):
            raise NotPublishedError(_status_message(response.status_code, url, server_text(response)))
        if response.status_code != 200:
            raise DownloadError(_status_message(response.status_code, url, server_text(response)))
        expected = int(response.headers.get("Content-Length", "0") or 0)
        watch.expected = expected
        received = 0
        truncated = self._requests.exceptions.ChunkedEncodingError
        try:
            with open(destination, "wb") as out:
                for chunk in response.raw.stream(CHUNK, decode_content=True):
                    if watch.abandoned.is_set():
                        raise CancelledError(tr("Download cancelled: {url}").format(url=url))
                    out.write(chunk)
                    received += len(chunk)
                    watch.received = _wire_bytes(response, received)
                    self._check_size(url, received, watch.received)
        except self._urllib3_errors as error:
            raise truncated(error) from error
        except OSError as error:
            if error.errno not in DISK_ERRORS:  # a socket error is the server's side, handled above us
                raise
            raise StorageError(
                tr(
                    "Cannot write {url} into {folder} ({error}): free some space on that disk or choose another "
                    "cache folder (Settings > Options > ANCT Territoires, or ANCT_QGIS_CACHE_DIR)."
                ).format(url=url, folder=os.path.dirname(destination), error=error.strerror or error)
            ) from None
        wire = _wire_bytes(response, received)
        if expected and wire < expected:
            raise truncated(tr("truncated body, {got} of {expected} bytes").format(got=wire, expected=expected))
        meta.size = received
        return meta

    def _check_size(self, url: str, received: int, wire: int) -> None:
        """A body that inflates past the cap, or far beyond what crossed the wire, is refused."""
        if received > self.max_bytes or (received > BOMB_FLOOR and received > BOMB_RATIO * max(wire, 1)):
            raise DownloadError(
                tr(
                    "{url} is larger than allowed once decompressed ({mb:.0f} MB from {wire:.1f} MB "
                    "received; ANCT_QGIS_MAX_DOWNLOAD_MB)."
                ).format(url=url, mb=received / 2**20, wire=wire / 2**20)
            )
