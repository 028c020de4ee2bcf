"""HTTP with requests, the way corporate users need it.

Proxy from QGIS's network settings (then the environment), TLS verified, time-outs, retries with
back-off on 429/5xx honouring Retry-After, conditional requests, cancellation and progress.
"""

from __future__ import annotations

import email.utils
import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from qgis.core import Qgis, QgsSettings

from .errors import CancelledError, DownloadError, NotPublishedError
from .i18n import tr
from .report import is_cancelled, progress, transferred
from .secrets import redacted

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import requests
    from qgis.core import QgsFeedback

RETRY_STATUSES = {429, 500, 502, 503, 504}
CHUNK = 256 * 1024
BOMB_FLOOR = 64 * 2**20  # below this, any compression ratio is fine
BOMB_RATIO = 200  # gzip of real data rarely passes 20:1; a bomb passes 1000:1


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
    return f"anct-qgis-plugin (QGIS {Qgis.QGIS_VERSION.split('-')[0]})"


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
    authcfg = str(settings.value("proxy/authcfg", "") or "").strip()
    if authcfg:
        from qgis.core import QgsApplication, QgsAuthMethodConfig

        config = QgsAuthMethodConfig()
        loaded = QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True)
        if (loaded[0] if isinstance(loaded, tuple) else loaded) and config.config("username"):
            return config.config("username"), config.config("password")
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
    ):
        import requests  # lazily: keeps plugin start-up light
        import urllib3.exceptions

        self._requests = requests
        self._urllib3_errors = (urllib3.exceptions.ProtocolError, urllib3.exceptions.ReadTimeoutError)
        self.timeout_s = timeout_s
        self.retries = retries
        self.max_retry_wait_s = max_retry_wait_s
        self.backoff_s = backoff_s
        self.deadline_s = deadline_s
        self.max_bytes = max_bytes
        self.proxies = proxies if proxies is not None else qgis_proxies()
        self.excluded = excluded if excluded is not None else qgis_proxy_excluded()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = _user_agent()

    def _proxies_for(self, url: str) -> dict[str, str] | None:
        if self.proxies and not any(url.startswith(prefix) for prefix in self.excluded):
            return self.proxies
        return None

    def download(
        self,
        url: str,
        destination: str,
        validators: Mapping[str, str] | None = None,
        feedback: QgsFeedback | None = None,
    ) -> Response:
        """Stream ``url`` into the file ``destination``; retry what is worth retrying.

        Messages name the URL without the credentials it may carry."""
        try:
            return self._download(url, destination, validators, feedback)
        except CancelledError as error:
            raise CancelledError(redacted(str(error))) from None
        except DownloadError as error:  # the status stays: an API may answer an unknown id with 500
            raise type(error)(redacted(str(error)), error.status) from None

    def _download(
        self, url: str, destination: str, validators: Mapping[str, str] | None, feedback: QgsFeedback | None
    ) -> Response:
        headers = {}
        if validators:
            if validators.get("etag"):
                headers["If-None-Match"] = validators["etag"]
            if validators.get("last_modified"):
                headers["If-Modified-Since"] = validators["last_modified"]
        deadline = time.monotonic() + self.deadline_s
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
                    return value
                response = value
                last_error = tr("HTTP {status} from {url}").format(status=response.status_code, url=url)
                last_status = response.status_code
            except self._requests.exceptions.Timeout:
                last_status = 0
                last_error = tr("No answer within {seconds:g} s from {url}").format(seconds=self.timeout_s, url=url)
            except (self._requests.exceptions.ConnectionError, self._requests.exceptions.ChunkedEncodingError) as error:
                last_status = 0
                last_error = tr("Connection failed for {url}: {error}").format(url=url, error=error)
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
            url, headers=headers, stream=True, timeout=self.timeout_s, proxies=self._proxies_for(url)
        )
        watch.response = response
        try:
            if watch.abandoned.is_set():
                raise CancelledError(tr("Download cancelled: {url}").format(url=url))
            if response.status_code in RETRY_STATUSES:
                return "retry", response
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
            raise result["error"]
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
            raise NotPublishedError(tr("HTTP {status} from {url}").format(status=response.status_code, url=url))
        if response.status_code != 200:
            raise DownloadError(tr("HTTP {status} from {url}").format(status=response.status_code, url=url))
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
