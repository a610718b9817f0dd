"""nginx for the tests: the built site behind the configuration site_build/hosts.py writes for a public host."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def nginx_serving(site: Path, workdir: Path):
    """nginx (Debian's, installed by scripts/setup.sh dev) serving ``site`` with the configuration
    site_build/hosts.py writes for a public host, on a free loopback port: yields its base URL."""
    from site_build.hosts import nginx_test_config

    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binary):
        pytest.fail("nginx mangler: `bash scripts/setup.sh dev` installerer det (apt-get install nginx-light)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    conf = nginx_test_config(site, port, workdir).replace(f"listen {port};", f"listen 127.0.0.1:{port};")
    if os.geteuid() == 0:  # the workers would run as nobody, who cannot read pytest's private folders
        conf = "user root;\n" + conf
    (workdir / "nginx.conf").write_text(conf, encoding="utf-8")
    proc = subprocess.Popen([binary, "-c", str(workdir / "nginx.conf"), "-p", str(workdir), "-e", str(workdir / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            if proc.poll() is not None:
                pytest.fail(f"nginx startet ikke: {proc.stderr.read().decode(errors='replace')}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
