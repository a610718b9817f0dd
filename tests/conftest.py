"""Shared fixtures: one strict MkDocs build of the whole site per test session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.helpers.nginx import nginx_serving

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as `mkdocs build --strict` writes it (hooks included), in a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    return out


# --- the built site, served on 127.0.0.1, driven in Debian's Chromium ---------------------------



@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the built site served by site_build.serve on a free loopback port."""
    import threading

    from site_build.serve import make_server

    server = make_server(built_site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_url(built_site, tmp_path_factory):
    """Base URL of the built site served by nginx with the generated deploy configuration."""
    with nginx_serving(built_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(params=["local", "nginx"])
def host_url(request):
    """The built site behind each server the tests check the deploy headers on: the local server and nginx."""
    return request.getfixturevalue("site_url" if request.param == "local" else "nginx_url")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (Playwright, Debian's binary)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageRecorder:
    """Everything a page asked for and complained about: requests, console errors, CSP reports."""

    def __init__(self, page, origin: str):
        self.page, self.origin = page, origin.rstrip("/")
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page_errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def foreign_requests(self) -> list[str]:
        """Requests that left the site's origin (data: and blob: URLs stay in the browser)."""
        return [
            u for u in self.requests if not (u.startswith(self.origin + "/") or u.startswith(("data:", "blob:")))
        ]

    def console_errors(self) -> list[str]:
        return [c for c in self.console if c.startswith("error")]


@pytest.fixture
def context(browser, site_url):
    """A fresh browser context; any request that is not to the site itself is aborted and recorded."""
    ctx = browser.new_context(service_workers="block")
    origin = site_url.rstrip("/")
    ctx.route(
        "**/*",
        lambda route: route.continue_()
        if route.request.url.startswith(origin + "/") or route.request.url.startswith(("data:", "blob:"))
        else route.abort(),
    )
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, site_url):
    pg = context.new_page()
    pg.recorder = PageRecorder(pg, site_url)
    yield pg
    pg.close()
