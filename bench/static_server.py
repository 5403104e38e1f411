"""A static host on 127.0.0.1 for measuring: gzip on, cache headers, a log of bytes sent.

Serves a built site the way a static host does (compressed text, connections kept
alive, long cache for Material's fingerprinted assets) and records, for every request,
the file's raw size and the bytes that went over the wire, so that the bench can add up
what one page view really fetched.
"""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


@dataclass
class Sent:
    path: str
    raw: int       # the file's size
    wire: int      # the body's size as sent (gzip when the client accepts it)


class _Handler(SimpleHTTPRequestHandler):
    # Connections kept alive, as every static host keeps them: Python's default,
    # HTTP/1.0, opens a connection a request, which no reader pays for on a real host.
    # Without Nagle's algorithm, since the headers and the body go out as two writes and
    # the second would wait on the client's delayed ACK (40 ms a request).
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    log_list: list[Sent]
    gz_cache: dict

    def log_message(self, *args) -> None:  # quiet: the bench prints its own summary
        pass

    def handle_one_request(self) -> None:
        # A browser that goes away: one that drops a download (its page closed or moved
        # on; the file, not sent, is not logged), or resets a kept-alive connection it no
        # longer needs while the host waits for its next request (Lighthouse closing its
        # tab). Neither is the host's failure: no traceback in the bench's output.
        try:
            super().handle_one_request()
        except ConnectionError:
            self.close_connection = True

    def end_headers(self) -> None:
        # Material's assets carry a content hash in their names; pages do not.
        immutable = "/assets/" in self.path and any(
            self.path.endswith(ext) for ext in (".css", ".js"))
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable
                         else "public, max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        body = path.read_bytes()
        raw = len(body)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = wants_gzip and path.suffix in COMPRESSIBLE
        if compress:
            key = (str(path), path.stat().st_mtime_ns)
            if key not in self.gz_cache:
                self.gz_cache[key] = gzip.compress(body, compresslevel=6)
            body = self.gz_cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)  # a browser gone away raises here: see handle_one_request
        self.log_list.append(Sent(self.path.split("?")[0], raw, len(body)))


class StaticHost:
    """`with StaticHost(site) as host:` serves `site` at host.url until the block ends."""

    def __init__(self, root: Path, port: int = 0):
        self.log: list[Sent] = []
        handler = type("Handler", (_Handler,), {"log_list": self.log, "gz_cache": {}})
        self._server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(root)))
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "StaticHost":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def free_port() -> int:
    """A port free now on 127.0.0.1 (so that a site can be built for its URL first)."""
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
