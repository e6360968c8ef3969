"""Seconds from saving an edited seed to its page showing the change under ``make serve``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import free_port  # noqa: E402
from tests.test_live_reload import wait_for  # noqa: E402

MARKER = "Zqxedited"


def edit_to_page(project: Path, dirty: bool = True, limit: float = 900) -> dict[str, float]:
    """Start ``mkdocs serve`` on ``project``, edit one seed, time until its page changes.

    Returns:
        Start-up seconds (first page served) and edit-to-page seconds.
    """
    port = free_port()
    flags = ["--dirty", "--no-strict"] if dirty else []
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        seed = sorted((project / "seeds").glob("*.md"))[
            len(list((project / "seeds").glob("*.md"))) // 2
        ]
        url = f"http://127.0.0.1:{port}/articles/{seed.stem}/"
        if wait_for(url, "<h1", limit) is None:
            raise RuntimeError("mkdocs serve did not come up")
        startup = time.monotonic() - started
        time.sleep(2)  # let the watcher settle after the first build
        text = seed.read_text("utf-8")
        saved = time.monotonic()
        seed.write_text(text.rstrip("\n") + f" {MARKER}.\n", "utf-8")
        waited = wait_for(url, MARKER, limit)
        if waited is None:
            raise RuntimeError("the edit never reached the page")
        return {
            "serve_startup_s": round(startup, 1),
            "edit_to_page_s": round(time.monotonic() - saved, 1),
        }
    finally:
        server.terminate()
        server.wait(timeout=60)
