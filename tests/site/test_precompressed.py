"""Pre-compressed runtime files (site_build/runtime/compress.py) and how the local server negotiates them."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import urllib.request

import brotli
import pytest

from site_build.runtime import pyodide_dir_name
from site_build.serve import accepted_encodings

PY = pyodide_dir_name()


@pytest.fixture
def server_url(host_url):
    """The local server and nginx, each serving the built site (tests/conftest.py: host_url)."""
    return host_url


def get(url: str, accept: str | None):
    req = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept is not None else {})
    with urllib.request.urlopen(req) as r:
        return r.headers, r.read()


def test_accept_encoding_is_parsed_with_q_values():
    assert accepted_encodings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_encodings("br;q=0, gzip;q=0.5") == {"gzip"}
    assert accepted_encodings("") == set()


@pytest.mark.parametrize("rel", [f"{PY}/pyodide.asm.wasm", "guide/engine.snap", "veiviser/index.html"])
def test_big_files_have_brotli_and_gzip_copies_with_the_same_content(built_site, rel):
    original = (built_site / rel).read_bytes()
    br = (built_site / (rel + ".br")).read_bytes()
    gz = (built_site / (rel + ".gz")).read_bytes()
    assert brotli.decompress(br) == original and gzip.decompress(gz) == original
    assert len(br) < len(gz) < len(original)


@pytest.mark.parametrize("accept, encoding", [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"),
                                              ("br;q=0, gzip", "gzip"), (None, None), ("identity", None)])
def test_the_server_sends_the_copy_the_browser_accepts(built_site, server_url, accept, encoding):
    rel = f"{PY}/pyodide.asm.wasm"
    headers, body = get(server_url + rel, accept)
    assert headers.get("Content-Encoding") == encoding
    assert headers["Content-Type"] == "application/wasm"
    assert "Accept-Encoding" in headers["Vary"]
    assert int(headers["Content-Length"]) == len(body)
    original = (built_site / rel).read_bytes()
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda b: b}[encoding]
    assert decode(body) == original


def test_the_worker_carries_the_build_facts(built_site):
    """worker.mjs names the guide's stdlib archive and the true size of each runtime file."""
    src = (built_site / "guide" / "worker.mjs").read_text()
    m = re.search(r"^const BUILD = (\{.*\});$", src, re.M)
    assert m, "BUILD was not filled in"
    build = json.loads(m.group(1))
    assert build["stdlib"].startswith("stdlib.zip?v=")
    files = build["files"]
    assert files["stdlib.zip"]["size"] == (built_site / "guide" / "stdlib.zip").stat().st_size
    assert files["engine.snap"]["size"] == (built_site / "guide" / "engine.snap").stat().st_size
    assert files["pyodide.asm.wasm"]["br"] == (built_site / PY / "pyodide.asm.wasm.br").stat().st_size
    full = (built_site / PY / "python_stdlib.zip").stat().st_size
    assert files["stdlib.zip"]["br"] < full / 2  # on the wire: less than half of Pyodide's sources


# --- the level: best for the deploy build, fast for the local server's first build -------------------


def test_the_level_is_best_unless_the_environment_says_fast(monkeypatch):
    """SITE_COMPRESSION picks the level; unset is best; anything else is refused by name."""
    from site_build.runtime import compress

    monkeypatch.delenv("SITE_COMPRESSION", raising=False)
    assert compress.level() == "best"
    monkeypatch.setenv("SITE_COMPRESSION", "fast")
    assert compress.level() == "fast"
    monkeypatch.setenv("SITE_COMPRESSION", "quick")
    with pytest.raises(ValueError, match="quick"):
        compress.level()


def test_the_cache_is_keyed_by_level(monkeypatch, tmp_path):
    """The same content at the two levels: two cached copies, each decoding to the content; fast is not best."""
    from site_build.runtime import compress

    monkeypatch.setattr(compress, "CACHE", tmp_path)
    data = json.dumps([{"n": i, "text": f"rad {i} " * (i % 7)} for i in range(4000)]).encode()
    got = {}
    for name in ("best", "fast"):
        monkeypatch.setenv("SITE_COMPRESSION", name)
        got[name] = compress.encoded(data)
        for enc, body in got[name].items():
            assert compress.cache_file(hashlib.sha256(data).hexdigest(), enc, name).read_bytes() == body
    assert len(list(tmp_path.iterdir())) == 4
    assert brotli.decompress(got["fast"]["br"]) == data == gzip.decompress(got["fast"]["gzip"])
    assert got["fast"]["br"] != got["best"]["br"] and len(got["best"]["br"]) <= len(got["fast"]["br"])


def test_the_local_server_builds_fast_and_the_deploy_build_best():
    """scripts/serve.sh builds with SITE_COMPRESSION=fast; scripts/build.sh sets no level of its own."""
    from pathlib import Path

    scripts = Path(__file__).resolve().parents[2] / "scripts"
    serve, build = (scripts / "serve.sh").read_text(), (scripts / "build.sh").read_text()
    assert re.search(r'SITE_COMPRESSION="\$\{SITE_COMPRESSION:-fast\}" bash scripts/build\.sh', serve)
    assert not re.search(r"^[^#]*SITE_COMPRESSION=", build, re.M)
