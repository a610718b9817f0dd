"""Serve the built site on 127.0.0.1 with the headers a static host should send.

    python -m site_build.serve [--dir site] [--port 8000]

- MIME types: `.wasm` as application/wasm (streaming compilation), `.mjs` as JavaScript.
- Caching: the Pyodide folder is versioned (`pyodide/v<version>/`) and the guide's files carry a
  content hash in their URL (`?v=`), so they are cached for a year as immutable; HTML is revalidated.
- Compression: the build's pre-compressed copies (`x.br`, `x.gz`, site_build/runtime/compress.py) by the
  request's Accept-Encoding (brotli first), with `Vary: Accept-Encoding`; for a file without them
  (not built by the site build), gzip made on the fly and kept in memory.
- Security: every page gets `frame-ancestors 'none'` and `X-Frame-Options: DENY`, each Web Worker its
  own Content-Security-Policy (site_build/csp.py: a <meta> policy reaches neither); an unknown URL
  gets the site's 404.html with status 404, as a static host serves it.
Binds to the loopback address only: the site is for this machine.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import os
import threading
from functools import partial
from pathlib import Path

from site_build.csp import header_policy
from site_build.headers import FIXED, MIME, cache_control

COMPRESSIBLE = {".snap", ".wasm", ".mjs", ".js", ".json", ".html", ".css", ".svg", ".txt", ".xml"}


PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (those with q=0 left out)."""
    out = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q="):
            try:
                if float(q[2:]) == 0:
                    continue
            except ValueError:
                continue
        if name.strip():
            out.add(name.strip().lower())
    return out


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}
    _gzip_cache: dict[tuple[str, float], bytes] = {}
    _lock = threading.Lock()

    def log_message(self, format, *args):  # quiet: tests and benchmarks read their own output
        if os.environ.get("SITE_SERVE_LOG"):
            super().log_message(format, *args)

    def end_headers(self):
        for name, value in FIXED.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        status = 200
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash URL
            path = index
        if not os.path.isfile(path):
            path, status = os.path.join(self.directory, "404.html"), 404
            if not os.path.isfile(path):
                self.send_error(404, "Fant ikke siden")
                return None
        suffix = Path(path).suffix
        ctype = self.guess_type(path)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        stat = os.stat(path)
        # A copy older than its file is stale (the file was changed after the build): not used.
        encoding = next((enc for enc, ext in PRECOMPRESSED if enc in accepted and os.path.isfile(path + ext)
                         and os.stat(path + ext).st_mtime >= stat.st_mtime), None)
        if encoding:
            with open(path + dict(PRECOMPRESSED)[encoding], "rb") as f:
                body = f.read()
        elif suffix in COMPRESSIBLE and "gzip" in accepted and not any(
                os.path.isfile(path + ext) for _, ext in PRECOMPRESSED):
            key = (path, stat.st_mtime)
            with self._lock:
                body = self._gzip_cache.get(key)
                if body is None:
                    with open(path, "rb") as f:
                        body = gzip.compress(f.read(), compresslevel=6, mtime=0)
                    self._gzip_cache[key] = body
            encoding = "gzip"
        else:
            with open(path, "rb") as f:
                body = f.read()
            encoding = None
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        # caching and policy by the file actually served: "/guide//worker.mjs" or "/guide/./worker.mjs"
        # is the worker and gets the worker's policy; "/veiviser/?v=1" is still a page
        site_path = Path(os.path.relpath(path, self.directory)).as_posix()
        versioned = "?v=" in self.path or "&v=" in self.path
        self.send_header("Cache-Control", "no-cache" if status == 404 else cache_control(site_path, versioned))
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        for name, value in header_policy(site_path).items():
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(body)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(directory: Path, port: int = 8000, host: str = "127.0.0.1") -> Server:
    return Server((host, port), partial(Handler, directory=str(directory)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Serve the built site on 127.0.0.1.")
    ap.add_argument("--dir", default="site")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args(argv)
    server = make_server(Path(args.dir), args.port)
    print(f"Serving {args.dir} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
