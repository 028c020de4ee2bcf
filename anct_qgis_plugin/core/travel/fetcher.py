"""Get a URL's bytes: from the cache, a mirror or the network, and never lose a good copy.

Order: offline mode serves the cache; a fresh entry (TTL) or one whose checksum matches the
publisher's is served as is; otherwise a conditional request. A failed or invalid download
leaves the committed entry untouched and, when one exists, serves it with a warning.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import AnctError, CancelledError, DownloadError, NotPublishedError, OfflineError, ParseError, bare
from ..i18n import tr
from ..report import info, warn
from ..secrets import redacted
from .cache import Cache
from .http import ERROR_BODY_BYTES, HttpClient, exception_text
from .mirror import Mirror

if TYPE_CHECKING:
    from collections.abc import Callable

    from qgis.core import QgsFeedback

    from .cache import CacheEntry
    from .settings import Config

HTML_MARKERS = (
    b"<!doctype html",
    b"<html",
    b"<?xml version",
    b"<!--",
    b"<head",
    b"<body",
    b"<ows:exceptionreport",
    b"<exceptionreport",
)


def _age_text(seconds: float) -> str:
    if seconds < 3600:
        return tr("{n} min").format(n=int(seconds // 60))
    if seconds < 86400 * 2:
        return tr("{n} h").format(n=int(seconds // 3600))
    return tr("{n} days").format(n=int(seconds // 86400))


def reject_error_pages(path: str, url: str) -> None:
    """Servers and proxies answer errors as HTML (or XML) with status 200: those are errors."""
    with open(path, "rb") as stream:
        head = stream.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head:
        raise ParseError(tr("Empty file received from {url}").format(url=url))
    if head.startswith(HTML_MARKERS) and b"featurecollection" not in head:
        reason = _service_exception(path)
        if reason:
            raise ParseError(tr("{url} answered a service error: {reason}").format(url=url, reason=reason))
        raise ParseError(
            tr(
                "{url} answered an HTML or XML page instead of data (error page, login portal or proxy message)."
            ).format(url=url)
        )


def _service_exception(path: str) -> str:
    """The text of an OGC exception report (a WFS answers its errors so, with status 200)."""
    with open(path, "rb") as stream:
        return exception_text(stream.read(ERROR_BODY_BYTES))


def copy_age(fetched_at: float) -> str:
    """How old a copy fetched at ``fetched_at`` is, in words ("3 days")."""
    return _age_text(max(0.0, time.time() - fetched_at))


def content_suffix(path: str, declared: str) -> str:
    """The file suffix its content calls for: a link announced as ZIP may serve plain GeoJSON
    (older vintages), and QGIS opens a ``.zip`` name only as an archive."""
    with open(path, "rb") as stream:
        head = stream.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK"):
        return ".zip"
    if declared == ".zip" and head.startswith(b"{"):
        return ".geojson"
    return declared


@dataclass
class StaleCopy:
    """A refresh that failed, and the cached copy served instead: a warning the panel shows."""

    url: str
    error: str
    fetched_at: float

    def message(self) -> str:
        return tr("{error} — using the cached copy from {age} ago.").format(
            error=self.error, age=copy_age(self.fetched_at)
        )


@dataclass
class Fetched:
    """A local file for a URL, with where it came from and how old it is."""

    url: str
    path: str
    source_date: str
    fetched_at: float
    from_cache: bool
    stale: bool = False
    last_modified: str = ""  # the server's Last-Modified header, when it sent one
    fallback: StaleCopy | None = None  # the refresh failed: this is the cached copy


class Fetcher:
    def __init__(self, config: Config, client: HttpClient | None = None):
        self.config = config
        self.cache = Cache(config.cache_dir)
        self.mirror = Mirror(config.mirror, config.mirror_authcfg) if config.mirror else None
        self._client = client
        self.optional_failures: set[str] = set()  # optional URLs that failed: not asked again by this fetcher
        # One fetcher serves one run: each URL is downloaded at most once, and one that failed is
        # not asked again (under rate limiting, every layer needing it would wait again).
        self._settled: set[str] = set()
        self._failed: dict[str, AnctError] = {}

    def __del__(self) -> None:
        # Close the pooled connections with the fetcher (one per job), not at interpreter exit.
        client = getattr(self, "_client", None)
        if client is not None:
            client.session.close()

    @property
    def client(self) -> HttpClient:
        if self._client is None:
            self._client = HttpClient(
                timeout_s=self.config.timeout_s,
                retries=self.config.retries,
                max_retry_wait_s=self.config.max_retry_wait_s,
                deadline_s=self.config.deadline_s,
                max_bytes=int(self.config.max_download_mb * 2**20),
                credentials={self.mirror.root: self.mirror.auth} if self.mirror and self.mirror.auth else None,
            )
        return self._client

    def fetch(
        self,
        url: str,
        suffix: str = "",
        validate: Callable[[str], object] | None = None,
        expected_sha1: str = "",
        source_date: str = "",
        feedback: QgsFeedback | None = None,
        name: str = "",
    ) -> Fetched:
        """Return a Fetched for ``url``; ``validate(path)`` raises ParseError on a bad file;
        ``name``: the file name its publisher gives it (messages name it)."""
        if url in self._failed:
            raise bare(self._failed[url])
        entry = self.cache.lookup(url)
        if entry is not None and not self.cache.verified(entry):
            warn(feedback, tr("The cached copy of {url} is damaged: it is not used.").format(url=url))
            entry = None
        if entry is not None and url in self._settled:
            return self.served(entry)
        if self.config.offline:
            if entry is None:
                raise OfflineError(tr("Offline mode: no cached copy of {url}").format(url=url))
            info(
                feedback,
                tr("Offline mode: using the cached copy of {url}, {age} old").format(
                    url=url, age=_age_text(entry.age_seconds)
                ),
            )
            return self.served(entry)
        if entry and expected_sha1 and entry.manifest.sha1 == expected_sha1:
            self._touch(entry, feedback)
            return self.served(entry)
        if entry and entry.age_seconds < self.config.ttl_hours * 3600:
            return self.served(entry)
        try:
            fetched = self._refresh(url, entry, suffix, validate, source_date, feedback, name)
            self._settled.add(url)
            return fetched
        except CancelledError:
            raise
        except (AnctError, OSError) as error:
            if entry is None:
                if isinstance(error, AnctError):
                    self._failed[url] = bare(error)
                raise
            self._settled.add(url)
            fallback = StaleCopy(url, redacted(str(error)), entry.manifest.fetched_at)
            warn(feedback, fallback.message())
            served = self.served(entry)
            served.stale, served.fallback = True, fallback
            return served

    def served(self, entry: CacheEntry) -> Fetched:
        manifest = entry.manifest
        return Fetched(
            manifest.url,
            entry.path,
            manifest.source_date,
            manifest.fetched_at,
            True,
            last_modified=manifest.last_modified,
        )

    def rollback(self, url: str, feedback: QgsFeedback | None = None) -> bool:
        """Go back to the copy of ``url`` cached before this run's download (which did not build)."""
        try:
            restored = self.cache.rollback(url)
        except OSError:
            restored = None
        if restored is not None:
            warn(feedback, tr("The new file of {url} could not be used: the previous copy is kept.").format(url=url))
        return restored is not None

    def _touch(self, entry: CacheEntry, feedback: QgsFeedback | None, **changes: str):
        try:
            self.cache.touch(entry, **changes)
        except OSError as error:  # a read-only or full cache: it is still read
            warn(feedback, tr("The cache cannot be written ({error}): working from it as it is.").format(error=error))

    def _new_part(self, url: str, suffix: str):
        try:
            return self.cache.new_part(url, suffix)
        except OSError:  # read-only cache: download beside it, serve without keeping
            return os.path.join(tempfile.mkdtemp(prefix="anct-"), f"download{suffix}")

    def _refresh(
        self,
        url: str,
        entry: CacheEntry | None,
        suffix: str,
        validate: Callable[[str], object] | None,
        source_date: str,
        feedback: QgsFeedback | None,
        name: str = "",
    ):
        part = self._new_part(url, suffix)
        try:
            origin, validators = self._download(url, entry, part, feedback)
            if validators is None and entry is not None:  # not modified (asked only of a cached entry)
                self.cache.discard(part)
                self._touch(entry, feedback, source_date=source_date)
                return self.served(entry)
            reject_error_pages(part, url)
            suffix = content_suffix(part, suffix)
            if suffix != os.path.splitext(part)[1]:
                renamed = os.path.splitext(part)[0] + suffix
                os.replace(part, renamed)
                part = renamed
            if validate is not None:
                try:
                    validate(part)
                except ParseError as error:  # name the file the user knows, not our temporary one
                    shown = name or urlsplit(url).path.rsplit("/", 1)[-1] or url
                    raise ParseError(str(error).replace(os.path.basename(part), shown)) from None
            try:
                committed = self.cache.commit(
                    url, part, suffix=suffix, source_date=source_date, origin=redacted(origin), **validators
                )
            except OSError as error:  # a full or read-only cache: this run still gets its file
                warn(
                    feedback,
                    tr("The cache cannot be written ({error}): {url} is used without being kept.").format(
                        error=error, url=url
                    ),
                )
                return Fetched(
                    url, part, source_date, time.time(), False, last_modified=validators.get("last_modified", "")
                )
        except BaseException:
            self.cache.discard(part)
            raise
        return Fetched(
            url,
            committed.path,
            source_date,
            committed.manifest.fetched_at,
            False,
            last_modified=committed.manifest.last_modified,
        )

    def _download(self, url: str, entry: CacheEntry | None, part: str, feedback: QgsFeedback | None):
        """Fill ``part``; return (origin, validators) or (origin, None) when unchanged."""
        old = {"etag": entry.manifest.etag, "last_modified": entry.manifest.last_modified} if entry else None
        target = self.mirror.locate(url) if self.mirror else url
        if self.mirror and not self.mirror.is_remote:
            if not os.path.isfile(target):
                raise NotPublishedError(
                    tr("The mirror has no copy of {url} (looked for {path})").format(url=url, path=target)
                )
            # A pseudo-ETag: a folder mirror has no validators, its file's time and size serve.
            stamp = f'W/"mirror-{os.path.getmtime(target)}-{os.path.getsize(target)}"'
            if entry and entry.manifest.etag == stamp:
                return target, None
            shutil.copyfile(target, part)
            return target, {"etag": stamp, "last_modified": ""}
        info(feedback, tr("Downloading {url}").format(url=target))
        response = self.client.download(target, part, validators=old, feedback=feedback)
        if response.not_modified:
            if entry is None:
                raise DownloadError(tr("{url} answered 304 without a cached copy").format(url=target))
            return target, None
        return target, {"etag": response.etag, "last_modified": response.last_modified}
