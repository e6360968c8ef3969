"""``mkdocs serve`` picks up an edited seed without any second command."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser_support import free_port
from tests.conftest import SEEDS, make_project

pytestmark = pytest.mark.slow
RELOAD_LIMIT_SECONDS = 10


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, limit: float) -> float | None:
    """Seconds until ``needle`` is served at ``url``, or None after ``limit``."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        body = fetch(url)
        if body is not None and needle in body:
            return time.monotonic() - start
        time.sleep(0.2)
    return None


def test_editing_a_seed_title_updates_the_served_page(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--livereload",
        ],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        seed = next(
            p
            for p in sorted((project / "seeds").glob("*.txt"))
            if p.read_text("utf-8").startswith("---")
        )
        url = f"http://127.0.0.1:{port}/articles/{seed.stem}/"
        assert wait_for(url, "<h1", 60) is not None, "mkdocs serve did not come up"
        text = seed.read_text("utf-8")
        new_title = "Live reload works: a fresh title"
        seed.write_text(text.replace("---\n", f'---\ntitle: "{new_title}"\n', 1), "utf-8")
        elapsed = wait_for(url, new_title, RELOAD_LIMIT_SECONDS)
        assert elapsed is not None, f"new title not served within {RELOAD_LIMIT_SECONDS} s"
        # State must not leak between rebuilds: a removed seed's page goes away.
        gone = next(p for p in sorted((project / "seeds").glob("*.txt")) if p != seed)
        gone.unlink()
        gone_url = f"http://127.0.0.1:{port}/articles/{gone.stem}/"
        start = time.monotonic()
        while fetch(gone_url) is not None and time.monotonic() - start < RELOAD_LIMIT_SECONDS:
            time.sleep(0.2)
        assert fetch(gone_url) is None, "a deleted seed's page is still served"
    finally:
        server.terminate()
        server.wait(timeout=20)
