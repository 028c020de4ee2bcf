"""Loopback HTTP servers for tests: a mirror server with fault injection and a forward proxy.

Pure standard library (no QGIS), so unit tests and QGIS tests can both use it.

    with MirrorServer("tests/fixtures/mirror") as server:
        url = server.url_for("geo.api.gouv.fr/regions")
        server.add_fault("regions", "status", times=1, code=503)
        ...
        assert server.count("geo.api.gouv.fr/regions") == 2

    with MirrorServer(root) as server, ForwardProxy(server.address) as proxy:
        requests.get("http://anct-mirror.test/geo.api.gouv.fr/regions",
                     proxies={"http": proxy.url})

A client turns a mirror path into a URL with quote(path, safe="/@=&,"); the server
percent-decodes the request path once, so file names that contain '%' (the WFS
answers, `...application%2Fjson...`) round-trip.
"""

import base64
import email.utils
import hashlib
import http.client
import mimetypes
import socket
import threading
import time
from collections import namedtuple
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

# A client-side time-out test never needs more; capping keeps shutdown quick anyway.
MAX_DELAY = 60.0
FAULT_KINDS = ("status", "retry_after", "delay", "truncate", "body", "slow", "drop", "no_length")
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}

Request = namedtuple("Request", "method path headers")
ProxyRequest = namedtuple("ProxyRequest", "method url proxy_authorization headers")


class Headers(dict):
    """A dict of request headers whose look-ups ignore case (keys stored lower-case)."""

    def __init__(self, items=()):
        super().__init__((k.lower(), v) for k, v in items)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())

    def get(self, key, default=None):
        return super().get(key.lower(), default)


class _Fault:
    def __init__(self, match, kind, times, opts):
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
        self.match, self.kind, self.remaining, self.opts = match, kind, times, opts

    def take(self, path):
        """True if this fault applies to `path` now (and count one use)."""
        if self.match not in path or self.remaining == 0:
            return False
        if self.remaining is not None:
            self.remaining -= 1
        return True


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that remembers its live connections, to cut them at shutdown."""

    daemon_threads = True

    def __init__(self, address, handler, owner):
        self.owner = owner
        self.connections = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def cut_connections(self):
        # Keep-alive connections would otherwise go on being served after stop().
        with self.connections_lock:
            live = list(self.connections)
        for sock in live:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _LoopbackBase:
    """Start/stop of a _Server in a daemon thread; context manager."""

    handler_class = None

    def __init__(self, host="127.0.0.1"):
        self.stop_event = threading.Event()
        self._httpd = _Server((host, 0), self.handler_class, self)
        self._thread = None

    @property
    def address(self):
        """(host, port) of the listening socket."""
        return self._httpd.server_address[:2]

    @property
    def port(self):
        return self.address[1]

    def start(self):
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self.stop_event.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.cut_connections()
        self._httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


class _QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle keep-alive connection does not hold a thread for ever
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms stalls

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass  # keep test output clean

    def send_simple(self, code, body=b"", content_type="text/plain; charset=utf-8", headers=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, str(value))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


# ---------------------------------------------------------------------------------------
# Mirror server
# ---------------------------------------------------------------------------------------


def content_type_for(path, body):
    guessed = {".csv": "text/csv; charset=utf-8", ".geojson": "application/geo+json", ".zip": "application/zip"}.get(
        Path(path).suffix.lower()
    )
    guessed = guessed or mimetypes.guess_type(path)[0]
    if guessed:
        return guessed
    # Mirror files of API answers have no suffix (`regions`, `index`, `ows@...`).
    if body.lstrip()[:1] in (b"{", b"["):
        return "application/json; charset=utf-8"
    return "application/octet-stream"


def not_modified(headers, etag, mtime):
    """RFC 7232: If-None-Match wins over If-Modified-Since."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    since = headers.get("If-Modified-Since")
    if since:
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
    return False


class _MirrorHandler(_QuietHandler):
    def do_GET(self):  # noqa: N802 - name from the base class
        owner = self.server.owner
        relative = owner.relative_path(self.path)
        shown = "/" + relative if relative is not None else unquote(self.path)
        owner.record(Request(self.command, shown, Headers(self.headers.items())))
        if relative is None:
            self.send_simple(403, "path refused\n")
            return
        fault = owner.fault_for(relative)
        if fault is not None and self.apply_fault(fault, relative):
            return
        self.serve_file(relative, fault)

    do_HEAD = do_GET

    def serve_file(self, relative, fault=None):
        owner = self.server.owner
        routed = owner.route_answer(relative)
        if routed is not None:
            status, body, content_type = routed
            if status != 200:
                self.send_simple(status, body, content_type)
                return
            self.serve_body(relative, body, owner.started, fault, content_type)
            return
        target = owner.root / relative
        if not target.is_file():
            self.send_simple(404, f"not in mirror: {relative}\n")
            return
        self.serve_body(relative, target.read_bytes(), target.stat().st_mtime, fault)

    def serve_body(self, relative, body, mtime, fault=None, content_type=None):
        etag = '"%s"' % hashlib.sha1(body).hexdigest()
        validators = {"ETag": etag, "Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if not_modified(self.headers, etag, mtime):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        kind = fault.kind if fault else None
        self.send_response(200)
        self.send_header("Content-Type", content_type or content_type_for(relative, body))
        if kind == "no_length":  # the size is not told: the body ends when the connection closes
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(body)))
        for name, value in validators.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command == "HEAD":
            return
        if kind == "truncate":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif kind == "slow":
            self.write_slowly(body, fault.opts.get("chunk", 1024), fault.opts.get("pause", 0.05))
        else:
            self.wfile.write(body)

    def write_slowly(self, body, chunk, pause):
        for start in range(0, len(body), chunk):
            if self.server.owner.stop_event.is_set():
                self.close_connection = True
                return
            self.wfile.write(body[start : start + chunk])
            self.wfile.flush()
            self.server.owner.stop_event.wait(pause)

    def apply_fault(self, fault, relative):
        """Answer for a fault; False when the normal answer must follow (delay, truncate, slow)."""
        opts = fault.opts
        if fault.kind == "status":
            code = opts.get("code", 500)
            self.send_simple(
                code,
                opts.get("body", f"{code} injected by the test\n"),
                opts.get("content_type", "text/plain; charset=utf-8"),
                opts.get("headers"),
            )
        elif fault.kind == "retry_after":
            self.send_simple(429, "Too Many Requests\n", headers={"Retry-After": opts.get("seconds", 1)})
        elif fault.kind == "body":
            body = opts.get("body", b"")
            body = body.encode("utf-8") if isinstance(body, str) else body
            self.send_simple(opts.get("code", 200), body, opts.get("content_type") or content_type_for(relative, body))
        elif fault.kind == "drop":
            self.close_connection = True  # no answer at all: the client sees a reset
        elif fault.kind == "delay":
            seconds = min(float(opts.get("seconds", 5)), MAX_DELAY)
            if self.server.owner.stop_event.wait(seconds):
                self.close_connection = True
                return True
            return False
        else:  # truncate, slow, no_length: the body or its headers are altered while written
            return False
        return True


class MirrorServer(_LoopbackBase):
    """Serves a mirror directory over loopback HTTP, records requests, injects faults."""

    handler_class = _MirrorHandler

    def __init__(self, root, host="127.0.0.1"):
        self.root = Path(root).resolve()
        self.requests = []
        self._faults = []
        self._routes = []
        self.started = time.time()
        self._lock = threading.Lock()
        super().__init__(host)

    @property
    def base_url(self):
        return "http://%s:%d/" % self.address

    def url_for(self, mirror_path):
        """The URL a client uses for a mirror-relative path (the encoding clients apply)."""
        return self.base_url + quote(mirror_path.lstrip("/"), safe="/@=&,")

    # requests ------------------------------------------------------------------------
    def record(self, request):
        with self._lock:
            self.requests.append(request)

    def count(self, path_substring=""):
        """How many requests had `path_substring` in their decoded path."""
        with self._lock:
            return sum(1 for r in self.requests if path_substring in r.path)

    # faults --------------------------------------------------------------------------
    def add_fault(self, match, kind, times=None, **opts):
        """Alter answers for mirror paths containing `match`.

        times=None: every matching request; an int: the first `times` ones, then normal.
        Kinds and options: status(code, headers, body, content_type); retry_after(seconds);
        delay(seconds); truncate(); body(body, content_type, code); slow(chunk, pause); drop();
        no_length() (no Content-Length: the body ends when the connection closes).
        The first fault added that matches and has uses left wins.
        """
        with self._lock:
            self._faults.append(_Fault(match, kind, times, opts))

    def clear_faults(self):
        with self._lock:
            self._faults.clear()

    def fault_for(self, relative):
        with self._lock:
            return next((f for f in self._faults if f.take(relative)), None)

    # answers computed per request (a WFS that pages) ----------------------------------------
    def add_route(self, prefix, answer):
        """Mirror paths starting with ``prefix`` are first offered to ``answer(relative)``, which
        returns (status, body bytes, content type), or None to serve the mirror's file. The route
        added last is asked first."""
        with self._lock:
            self._routes.insert(0, (prefix, answer))
        return answer

    def remove_route(self, answer):
        with self._lock:
            self._routes = [route for route in self._routes if route[1] is not answer]

    def route_answer(self, relative):
        with self._lock:
            routes = list(self._routes)
        for prefix, answer in routes:
            if relative.startswith(prefix):
                found = answer(relative)
                if found is not None:
                    return found
        return None

    # paths ---------------------------------------------------------------------------
    def relative_path(self, raw_path):
        """Mirror-relative path for a request path, or None if it leaves the root."""
        path = unquote(urlsplit(raw_path).path)  # decoded once; a query is ignored
        if path == "" or path.endswith("/"):
            path += "index"  # same rule as the clients
        parts = path.lstrip("/").split("/")
        if any(part in ("..", ".") for part in parts) or "\\" in path or "\x00" in path:
            return None
        relative = "/".join(parts)
        target = (self.root / relative).resolve()
        if target != self.root and self.root not in target.parents:
            return None  # a symlink out of the root
        return relative


# ---------------------------------------------------------------------------------------
# Forward proxy
# ---------------------------------------------------------------------------------------


class _ProxyHandler(_QuietHandler):
    def do_GET(self):  # noqa: N802 - name from the base class
        owner = self.server.owner
        auth = self.headers.get("Proxy-Authorization")
        owner.record(ProxyRequest(self.command, self.path, auth, Headers(self.headers.items())))
        if not self.path.lower().startswith("http://"):
            self.send_simple(501, "this test proxy only forwards absolute http:// URLs\n")
            return
        if owner.expected_auth and auth != owner.expected_auth:
            self.send_simple(
                407, "Proxy Authentication Required\n", headers={"Proxy-Authenticate": 'Basic realm="anct-test"'}
            )
            return
        self.forward()

    do_HEAD = do_GET

    def do_CONNECT(self):  # noqa: N802 - name from the base class
        self.server.owner.record(
            ProxyRequest(
                self.command, self.path, self.headers.get("Proxy-Authorization"), Headers(self.headers.items())
            )
        )
        self.send_simple(501, "CONNECT (https) is not supported by this test proxy\n")
        self.close_connection = True

    def forward(self):
        """Send the request to the upstream server whatever the host, stream the answer back."""
        parts = urlsplit(self.path)
        target = parts.path + ("?" + parts.query if parts.query else "")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream = http.client.HTTPConnection(*self.server.owner.upstream, timeout=MAX_DELAY + 5)
        try:
            upstream.request(self.command, target or "/", headers=headers)
            answer = upstream.getresponse()
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.end_headers()
            self.relay_body(answer)
        except (OSError, http.client.HTTPException):
            # The upstream cut the body (truncate fault): pass the cut on to the client.
            self.close_connection = True
        finally:
            upstream.close()

    def relay_body(self, answer):
        if self.command == "HEAD" or answer.status in (204, 304):
            return
        while True:
            chunk = answer.read1(8192)
            if not chunk:
                break
            self.wfile.write(chunk)
            self.wfile.flush()
        if answer.length:  # fewer bytes than announced: the upstream closed early
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)


class ForwardProxy(_LoopbackBase):
    """Plain-HTTP forward proxy sending every request to `upstream`, whatever its host."""

    handler_class = _ProxyHandler

    def __init__(self, upstream, require_auth=None, host="127.0.0.1"):
        self.upstream = tuple(upstream)
        self.expected_auth = None
        if require_auth:
            token = base64.b64encode(("%s:%s" % tuple(require_auth)).encode("utf-8"))
            self.expected_auth = "Basic " + token.decode("ascii")
        self.requests = []
        self._lock = threading.Lock()
        super().__init__(host)

    @property
    def url(self):
        """Proxy URL for clients, e.g. requests' proxies={"http": proxy.url}."""
        return "http://%s:%d" % self.address

    def url_with_auth(self, user, password):
        return "http://%s:%s@%s:%d" % (quote(user, safe=""), quote(password, safe=""), *self.address)

    def record(self, request):
        with self._lock:
            self.requests.append(request)

    def count(self, url_substring=""):
        with self._lock:
            return sum(1 for r in self.requests if url_substring in r.url)
