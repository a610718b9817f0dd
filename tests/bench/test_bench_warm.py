"""The benchmark's warm runs (bench/run.py, --warm-profile): a returning user's browser profile on disk."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.run import WARM_PROFILES

ROOT = Path(__file__).resolve().parents[2]


def test_the_warm_profiles_are_disk_and_memory():
    """Two places for the warm runs' caches: disk (the default) and memory."""
    assert WARM_PROFILES == ("disk", "memory")


@pytest.mark.browser
def test_a_warm_run_on_disk_takes_the_engine_from_the_kept_files(built_site, tmp_path):
    """One warm run in a profile on disk: the guide comes from its service worker, and the JSON says where."""
    out = tmp_path / "w.json"
    # In its own process: the suite's session browser (Playwright's sync API) may already be running here.
    proc = subprocess.run([sys.executable, "-m", "bench", "--site", str(built_site), "--runs", "1", "--warm", "1",
                           "--answers", "0", "--variants", "", "--min-idle", "0", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]  # 1: a target missed, which is a finding, not a fault
    r = json.loads(out.read_text())
    assert r["runs"]["warm_profile"] == "disk"
    (warm,) = r["warm"]["guide"]
    # from its service worker (whether it restored the snapshot depends on the cold visit: tests/browser/test_guide_offline.py)
    assert warm["service_worker"] is True and 0 < warm["ready_ms"]
