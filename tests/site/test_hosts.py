"""The deploy configurations (site_build/hosts.py) say what the local server sends, from the same source
(site_build/headers.py and site_build/csp.py): the files are parsed back and compared rule by rule."""

from __future__ import annotations

import re

from site_build import csp, hosts
from site_build.headers import FIXED, IMMUTABLE, MIME, REVALIDATE


def _headers_blocks(text: str) -> dict[str, dict[str, str]]:
    blocks: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            current = blocks.setdefault(line.strip(), {})
        else:
            name, _, value = line.strip().partition(": ")
            current[name] = value
    return blocks


def test_static_headers_file_carries_every_policy(built_site):
    """_headers: pages framed by nobody and revalidated, each worker's own policy, the versioned runtime immutable."""
    text = (built_site / "_headers").read_text(encoding="utf-8")
    assert text == hosts.static_headers()
    b = _headers_blocks(text)
    for page in ("/", "/*/", "/*.html"):
        assert b[page] == {"Content-Security-Policy": csp.PAGE_POLICY, "X-Frame-Options": "DENY", "Cache-Control": REVALIDATE}
    assert b["/guide/worker.mjs"]["Content-Security-Policy"] == csp.GUIDE_WORKER_POLICY
    for path in ("sw.js", "veiviser/sw.js", "prioritering/sw.js", "ovelser/sw.js"):
        assert b["/" + path] == {"Content-Security-Policy": csp.SERVICE_WORKER_POLICY, "Cache-Control": REVALIDATE}, path
    assert b["/assets/javascripts/workers/search.*"]["Content-Security-Policy"] == csp.SEARCH_WORKER_POLICY
    assert b["/pyodide/v*"]["Cache-Control"] == IMMUTABLE
    assert b["/*"] == FIXED


def test_apache_file_carries_every_policy_and_type(built_site):
    """.htaccess: every type of headers.MIME, the pre-compressed copies, each policy once on its path."""
    text = (built_site / ".htaccess").read_text(encoding="utf-8")
    assert text == hosts.apache_htaccess()
    for ext, value in MIME.items():
        assert f"AddType {value.split(';')[0]} {ext}" in text
    workers = [(csp.GUIDE_WORKER_PATH, csp.GUIDE_WORKER_POLICY), *((p, csp.SERVICE_WORKER_POLICY) for p in ("sw.js", "veiviser/sw.js", "prioritering/sw.js", "ovelser/sw.js"))]
    for path, policy in workers:
        rule = re.search(rf"<If \"%{{REQUEST_URI}} == '/{re.escape(path)}'\">\s*Header always set Content-Security-Policy \"([^\"]+)\"", text)
        assert rule and rule.group(1) == policy, path
    assert text.count(f'"{csp.SEARCH_WORKER_POLICY}"') == 1 and text.count(f'"{csp.PAGE_POLICY}"') == 1
    assert "RewriteCond %{REQUEST_FILENAME}.br -f" in text and "Header set Content-Encoding br" in text
    assert f'Header set Cache-Control "{IMMUTABLE}"' in text and "ErrorDocument 404 /404.html" in text


def test_nginx_maps_hold_the_policies():
    """The nginx maps name each worker's policy and the page policy (the nginx tests then serve with them)."""
    maps = hosts.nginx_maps()
    workers = [("/" + csp.GUIDE_WORKER_PATH, csp.GUIDE_WORKER_POLICY), *(("/" + p, csp.SERVICE_WORKER_POLICY) for p in ("sw.js", "veiviser/sw.js", "prioritering/sw.js", "ovelser/sw.js"))]
    for path, policy in workers:
        assert f'    {path} "{policy}";' in maps
    assert f'"{csp.SEARCH_WORKER_POLICY}"' in maps and f'"{csp.PAGE_POLICY}"' in maps
    server = hosts.nginx_server("/srv/site", 8080)  # type: ignore[arg-type]
    assert "root /srv/site;" in server and "gzip_static on;" in server and "error_page 404 /404.html;" in server
