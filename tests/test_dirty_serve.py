"""``mkdocs serve --dirty`` re-renders only the pages an edited seed changes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site.pagestore import remove_stale_outputs, sync_pages
from tests.browser_support import free_port
from tests.conftest import SEEDS, make_project
from tests.test_live_reload import fetch, wait_for


def test_unchanged_pages_keep_their_file_and_time(tmp_path: Path) -> None:
    first = sync_pages(tmp_path, {"a.md": "one", "b/c.md": "two"})
    stamp = first["a.md"].stat().st_mtime_ns
    time.sleep(0.01)
    second = sync_pages(tmp_path, {"a.md": "one", "b/c.md": "changed"})
    assert second["a.md"].stat().st_mtime_ns == stamp
    assert second["b/c.md"].read_text() == "changed"
    sync_pages(tmp_path, {"a.md": "one"})
    assert not (tmp_path / "b" / "c.md").exists()


def test_a_page_cannot_be_written_outside_its_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="outside"):
        sync_pages(tmp_path / "pages", {"../escape.md": "x"})


def test_outputs_of_removed_pages_are_deleted(tmp_path: Path) -> None:
    kept, gone = tmp_path / "kept.html", tmp_path / "gone.html"
    kept.write_text("k")
    gone.write_text("g")
    remove_stale_outputs({"k.md": kept, "g.md": gone}, {"k.md": kept})
    assert kept.exists() and not gone.exists()


SERVE = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-v"]


def built_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


@pytest.mark.slow
def test_an_edit_rebuilds_its_pages_only(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS)
    port = free_port()
    log_path = tmp_path / "serve.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [*SERVE, "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        seed = sorted((project / "seeds").glob("*.txt"))[1]
        url = f"http://127.0.0.1:{port}/articles/{seed.stem}/"
        assert wait_for(url, "<h1", 120) is not None, "mkdocs serve did not come up"
        found = re.search(r"site_dir' = '([^']+)'", log_path.read_text())
        assert found, "no site_dir in mkdocs' verbose log"
        site = Path(found.group(1))
        before = built_times(site)
        text = seed.read_text("utf-8")
        assert "66" in text
        seed.write_text(text.replace("66", "1966", 1), "utf-8")
        assert wait_for(url, "1966", 60) is not None
        time.sleep(2)
        after = built_times(site)
        rebuilt = sorted(page for page, stamp in after.items() if before.get(page) != stamp)
        assert f"articles/{seed.stem}/index.html" in rebuilt
        # Its article, its event and a few listings; not the other articles.
        assert len(rebuilt) < len(before) / 3, rebuilt
        others = [p for p in rebuilt if p.startswith("articles/") and seed.stem not in p]
        assert others in ([], ["articles/index.html"]), others
        # A removed seed's page goes away, dirty or not.
        gone = next(p for p in sorted((project / "seeds").glob("*.txt")) if p != seed)
        gone.unlink()
        gone_url = f"http://127.0.0.1:{port}/articles/{gone.stem}/"
        start = time.monotonic()
        while fetch(gone_url) is not None and time.monotonic() - start < 60:
            time.sleep(0.2)
        assert fetch(gone_url) is None, "a deleted seed's page is still served"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
