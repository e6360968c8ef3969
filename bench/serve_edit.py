"""Seconds from saving an edited seed to its page showing the change under ``make serve``.

Two figures: until the edited article's page shows the change (the target),
and until the full build that follows it in the background is published
(generator/site/incremental.py), read from the server's log.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import free_port  # noqa: E402
from tests.test_live_reload import wait_for  # noqa: E402

MARKER = "Zqxedited"
#: The plugin's summary line, logged once per build.
_BUILD_LINE = re.compile(r"briefing: [0-9,]+ seeds?, ")
#: The plugin's log line for a build that published the edited pages only.
PREVIEW_LINE = "the edited pages first"


def edit_to_page(project: Path, dirty: bool = True, limit: float = 900) -> dict[str, float]:
    """Start ``mkdocs serve`` on ``project``, edit one seed, time until its page changes.

    The seed is restored afterwards, so the project can be measured again.

    Returns:
        Start-up seconds (first page served), edit-to-page seconds and, when
        the edit was previewed, seconds until the full build was published.
    """
    port = free_port()
    flags = ["--dirty", "--no-strict"] if dirty else []
    log_path = project / "serve-bench.log"
    started = time.monotonic()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    seeds = sorted((project / "seeds").glob("*.md"))
    seed = seeds[len(seeds) // 2]
    text = seed.read_text("utf-8")
    try:
        url = f"http://127.0.0.1:{port}/articles/{seed.stem}/"
        if wait_for(url, "<h1", limit) is None:
            raise RuntimeError("mkdocs serve did not come up")
        startup = time.monotonic() - started
        # Steady state: the first build's search index is written in the background.
        _wait_for_line(log_path, 0, "search index of", limit)
        time.sleep(1)  # let the watcher settle
        marker = f"{MARKER}{time.time_ns()}"
        mark = len(log_path.read_text("utf-8", "replace"))
        saved = time.monotonic()
        seed.write_text(text.rstrip("\n") + f" {marker}.\n", "utf-8")
        waited = wait_for(url, marker, limit)
        if waited is None:
            raise RuntimeError("the edit never reached the page")
        row = {
            "serve_startup_s": round(startup, 1),
            "edit_to_page_s": round(time.monotonic() - saved, 1),
        }
        full = _full_build_published(log_path, mark, saved, limit)
        if full is not None:
            row["edit_to_full_site_s"] = round(full, 1)
        return row
    finally:
        seed.write_text(text, "utf-8")
        server.terminate()
        server.wait(timeout=60)


def _wait_for_line(log_path: Path, mark: int, text: str, limit: float) -> None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if text in log_path.read_text("utf-8", "replace")[mark:]:
            return
        time.sleep(0.2)


def _full_build_published(log_path: Path, mark: int, saved: float, limit: float) -> float | None:
    """Seconds from the save until a full build after a preview was published, or None."""
    while time.monotonic() - saved < limit:
        lines = log_path.read_text("utf-8", "replace")[mark:].splitlines()
        builds = [i for i, line in enumerate(lines) if _BUILD_LINE.search(line)]
        if not builds or PREVIEW_LINE not in lines[builds[0]]:
            return None  # not previewed: the first build was the full one
        full = [i for i in builds if PREVIEW_LINE not in lines[i]]
        if full and any("Reloading browsers" in line for line in lines[full[0] :]):
            return time.monotonic() - saved
        time.sleep(0.2)
    return None
