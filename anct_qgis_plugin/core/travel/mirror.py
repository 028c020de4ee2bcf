"""The mirror rule of data-sources.md: https://HOST/PATH?QUERY -> ROOT/HOST/PATH[@k=v&...].

A mirror root is a directory or an http(s) base URL. Offline packs, corporate mirrors and the
tests all rely on it.
"""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qsl, quote, unquote, urlsplit, urlunsplit

from ..errors import MirrorError
from ..i18n import tr
from .auth import basic_credentials

HOST_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$")


def _encode(text: str) -> str:
    # RFC 3986 unreserved characters are never quoted by quote(); ',' is kept by the rule.
    return quote(text, safe=",")


def mirror_relative_path(url: str) -> str:
    """The mirror path of a URL, e.g. ``geo.api.gouv.fr/communes@codeDepartement=36&format=json``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MirrorError(tr("Not an http(s) URL: {url}").format(url=url))
    if not HOST_NAME.match(parts.hostname):  # ".." as a host would climb out of an http mirror's base path
        raise MirrorError(tr("Refused: {url} does not name a host.").format(url=url))
    path = parts.path or "/"
    segments = path.split("/")[1:]
    if any(unquote(segment) in ("..", ".") or "/" in unquote(segment) for segment in segments):
        raise MirrorError(tr("Refused: the path of {url} would leave the mirror root.").format(url=url))
    if path.endswith("/"):
        segments[-1] = "index"
    relative = "/".join([parts.hostname] + segments)
    if parts.query:
        pairs = sorted(parse_qsl(parts.query, keep_blank_values=True))
        relative += "@" + "&".join(f"{_encode(k)}={_encode(v)}" for k, v in pairs)
    return relative


def split_userinfo(url: str) -> tuple[str, tuple[str, str] | None]:
    """An http(s) URL without the ``user:password@`` it may carry (a password may hold an "@"),
    and those credentials: they go with the requests (HTTP Basic) or into QGIS's authentication
    database, never in a URL a message could show."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "@" not in parts.netloc:
        return url, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    return urlunsplit(parts._replace(netloc=host)), (unquote(user), unquote(password))


class Mirror:
    """Maps catalogue URLs into a mirror root (directory or http(s) base URL).

    ``auth``: (user, password) for an http mirror, from its ``authcfg`` (QGIS's authentication
    database) or from a ``user:password@`` in its URL."""

    def __init__(self, root: str, authcfg: str = ""):
        self.root = root.strip()
        if any(ord(char) < 0x20 or ord(char) == 0x7F for char in self.root):
            raise MirrorError(
                tr(
                    "The mirror {mirror} contains a control character: correct it in Settings > Options > "
                    "ANCT Territoires or in ANCT_QGIS_MIRROR."
                ).format(mirror=self.root)
            )
        self.is_remote = self.root.startswith(("http://", "https://"))
        self.auth = None
        if self.is_remote:
            self.root, self.auth = split_userinfo(self.root)
            try:
                urlsplit(self.root).port  # noqa: B018 - a port that is not a number raises here, not in a download
            except ValueError:
                raise MirrorError(tr("The mirror {url} has an invalid port.").format(url=self.root)) from None
            if authcfg:
                self.auth = basic_credentials(authcfg)
                if self.auth is None:
                    raise MirrorError(
                        tr(
                            "The user name and password of the mirror {url} (authentication configuration "
                            "{authcfg}) cannot be read: check it in Settings > Options > Authentication."
                        ).format(url=self.root, authcfg=authcfg)
                    )
        if self.is_remote and not self.root.endswith("/"):
            self.root += "/"
        if not self.is_remote:
            self.root = os.path.realpath(os.path.expanduser(self.root))
            if not os.path.isdir(self.root):
                raise MirrorError(tr("The mirror folder does not exist: {path}").format(path=self.root))

    def locate(self, url: str) -> str:
        """Return the local path or the URL where the mirror holds ``url``."""
        relative = mirror_relative_path(url)
        if self.is_remote:
            return self.root + quote(relative, safe="/@=&,")
        path = os.path.realpath(os.path.join(self.root, *relative.split("/")))
        if os.path.commonpath([path, self.root]) != self.root:
            raise MirrorError(tr("Refused: {url} would leave the mirror root.").format(url=url))
        return path
