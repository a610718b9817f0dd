"""Policies: a <meta> CSP on every built page (404 included), the header policies the server sends
for the workers and against framing, and the README's deploy table saying the same."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from site_build import csp
from site_build.hooks.engine_pages import fill_template_pages

ROOT = Path(__file__).resolve().parents[2]


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def search_worker(site: Path) -> str:
    found = sorted(site.glob("assets/javascripts/workers/search.*.min.js"))
    assert len(found) == 1, found
    return found[0].relative_to(site).as_posix()


def test_every_page_policy_starts_with_default_src_self(built_site):
    """Every HTML file, the theme's 404.html included, carries a filled-in policy starting with default-src 'self'."""
    found = pages(built_site)
    assert built_site / "404.html" in found and len(found) > 20
    for page in found:
        html = page.read_text(encoding="utf-8")
        assert csp.PLACEHOLDER not in html, page
        policy = csp.page_policy(html)
        assert policy.startswith("default-src 'self'; script-src 'self'"), (page, policy)
        assert "object-src 'none'" in policy and "base-uri 'self'" in policy, page


def test_404_page_allows_no_inline_script_but_its_own(built_site):
    """The 404 page's script-src allows exactly the hashes of the inline scripts it carries."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    script_src = csp.page_policy(html).split("script-src ", 1)[1].split(";", 1)[0].split()
    assert script_src == ["'self'"] + csp.inline_script_hashes(html)
    assert "'unsafe-inline'" not in script_src and "'wasm-unsafe-eval'" not in script_src


def test_a_page_left_without_policy_stops_the_build(tmp_path):
    """A theme page with the placeholder is filled in; a page with no policy at all is reported."""
    (tmp_path / "404.html").write_text(f'<meta http-equiv="Content-Security-Policy" content="{csp.PLACEHOLDER}"><script>x()</script>')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bare.html").write_text("<p>no policy</p>")
    assert fill_template_pages(tmp_path) == ["sub/bare.html"]
    filled = (tmp_path / "404.html").read_text()
    assert csp.page_policy(filled).startswith("default-src 'self'") and csp.inline_script_hashes(filled)[0] in filled


def test_header_policy_per_file(built_site):
    """Each worker gets its own policy; every page is unframeable; other files get no policy."""
    assert csp.header_policy("guide/worker.mjs") == {"Content-Security-Policy": csp.GUIDE_WORKER_POLICY}
    assert csp.header_policy(search_worker(built_site)) == {"Content-Security-Policy": csp.SEARCH_WORKER_POLICY}
    for path in ("", "/", "veiviser/", "404.html", "counties/oslo/index.html"):
        assert csp.header_policy(path) == {"Content-Security-Policy": "frame-ancestors 'none'", "X-Frame-Options": "DENY"}, path
    assert csp.header_policy("guide/guide.js") == {} and csp.header_policy("assets/javascripts/workers/other.js") == {}
    for path in ("sw.js", "veiviser/sw.js", "prioritering/sw.js", "ovelser/sw.js"):
        assert csp.header_policy(path) == {"Content-Security-Policy": csp.SERVICE_WORKER_POLICY}, path
    assert csp.SERVICE_WORKER_POLICY.startswith("default-src 'none'; connect-src 'self'")
    assert "script-src" not in csp.SERVICE_WORKER_POLICY and "http" not in csp.SERVICE_WORKER_POLICY
    for policy in (csp.GUIDE_WORKER_POLICY, csp.SEARCH_WORKER_POLICY):
        assert policy.startswith("default-src 'none'; script-src 'self'") and "connect-src 'self'" in policy
        assert "http" not in policy and "*" not in policy and "'unsafe-eval'" not in policy


def test_policy_and_caching_go_by_the_file_served(host_url):
    """A worker reached by a path with doubled slashes or a dot gets its policy; a page or the service worker
    with ?v= in its address is still revalidated, while a versioned asset stays immutable."""
    for spelling in ("guide//worker.mjs", "guide/./worker.mjs", "guide/%2E/worker.mjs"):
        status, headers, _ = fetch(host_url + spelling)
        assert status == 200 and headers["Content-Security-Policy"] == csp.GUIDE_WORKER_POLICY, spelling
    for path in ("veiviser/?v=1", "veiviser/index.html?v=abc", "veiviser/sw.js?v=2"):
        status, headers, _ = fetch(host_url + path)
        assert status == 200 and headers["Cache-Control"] == "no-cache", path
    status, headers, _ = fetch(host_url + "guide/worker.mjs?v=1")
    assert "immutable" in headers["Cache-Control"]


def test_server_sends_the_header_policies(built_site, host_url):
    """The local server and nginx (with the generated configuration) send each worker's policy, the framing headers on every page, and the 404 page for unknown URLs."""
    status, headers, _ = fetch(host_url + "guide/worker.mjs?v=1")
    assert status == 200 and headers["Content-Security-Policy"] == csp.GUIDE_WORKER_POLICY
    status, headers, _ = fetch(host_url + search_worker(built_site))
    assert status == 200 and headers["Content-Security-Policy"] == csp.SEARCH_WORKER_POLICY
    for path in ("sw.js", "veiviser/sw.js", "prioritering/sw.js", "ovelser/sw.js"):
        status, headers, _ = fetch(host_url + path)
        assert status == 200 and headers["Content-Security-Policy"] == csp.SERVICE_WORKER_POLICY, path
        assert headers["Cache-Control"] == "no-cache" and headers["Content-Type"] == "text/javascript", path
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        status, headers, _ = fetch(host_url + rel.removesuffix("index.html"))
        assert status == 200, rel
        assert headers.get("X-Frame-Options") == "DENY" and headers.get("Content-Security-Policy") == "frame-ancestors 'none'", rel
    status, headers, body = fetch(host_url + "finnes/ikke/")
    assert status == 404 and headers.get("X-Frame-Options") == "DENY"
    assert csp.page_policy(body.decode()).startswith("default-src 'self'")


def readme_rows() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3:
            rows[cells[0]] = cells[1]
    return rows


def test_readme_deploy_table_lists_the_same_policies():
    """The README's deploy table gives a host exactly the policies the local server sends."""
    rows = readme_rows()
    assert f"`Content-Security-Policy: {csp.GUIDE_WORKER_POLICY}`" in rows["`guide/worker.mjs`"]
    assert f"`Content-Security-Policy: {csp.SEARCH_WORKER_POLICY}`" in rows["`assets/javascripts/workers/search.*.min.js`"]
    for path in csp.SERVICE_WORKER_PATHS:
        assert f"`Content-Security-Policy: {csp.SERVICE_WORKER_POLICY}`" in rows[f"`{path}`"], path
        assert f"`{path}`" in next(k for k in rows if k.startswith("`*.html`, ")), path  # …and its no-cache row
    page_row = rows["`*.html` and every folder URL (404 included)"]
    assert f"`Content-Security-Policy: {csp.PAGE_POLICY}`" in page_row and "`X-Frame-Options: DENY`" in page_row
    assert not re.search(r"needs no CSP header", (ROOT / "README.md").read_text(encoding="utf-8"))
