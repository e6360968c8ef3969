"""``mkdocs serve --dirty``: an edit is previewed on its page, then the full build catches up.

The rebuilds run in process, as ``mkdocs serve`` runs them (one plugin
instance across builds, ``dirty=True``); the final site is compared with a
plain ``mkdocs build`` of the same seeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator.pipeline import Settings
from generator.plugin import BriefingPlugin
from generator.site.incremental import Snapshot, edited_seeds, take_snapshot
from tests.conftest import SEEDS, make_project

SERVE_URL = "http://127.0.0.1:8000/"


def html_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_only_edited_seed_text_is_previewed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("one\n")
    (seeds / "b.md").write_text("two\n")
    settings = Settings(seeds)
    before = take_snapshot(settings)
    assert edited_seeds(before, take_snapshot(settings)) == ()
    (seeds / "a.md").write_text("one, edited\n")
    assert edited_seeds(before, take_snapshot(settings)) == ("a.md",)
    (seeds / "c.md").write_text("three\n")
    assert edited_seeds(before, take_snapshot(settings)) is None, "a new seed needs a full build"
    (seeds / "c.md").unlink()
    (seeds / "outlets.yml").write_text("{}\n")
    assert edited_seeds(before, take_snapshot(settings)) is None, "a registry needs a full build"
    assert edited_seeds(before, Snapshot(before.seeds, "other")) is None


@pytest.mark.slow
def test_preview_then_catch_up_publishes_what_a_build_would(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS)
    site = tmp_path / "served"
    os.environ["NO_MKDOCS_2_WARNING"] = "1"

    def config() -> MkDocsConfig:
        loaded = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        loaded.site_url = SERVE_URL
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    plugin = first.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    try:
        build(first, serve_url=SERVE_URL, dirty=True)
        seed = sorted((project / "seeds").glob("*.txt"))[1]
        text = seed.read_text("utf-8")
        assert "66" in text
        seed.write_text(text.replace("66", "1966", 1), "utf-8")

        build(config(), serve_url=SERVE_URL, dirty=True)
        assert plugin._previewing, "one edited seed is previewed"
        page = site / "articles" / seed.stem / "index.html"
        assert "1966" in page.read_text("utf-8")

        assert plugin._catch_up is not None
        deadline = time.monotonic() + 300
        while plugin._catch_up.running() and time.monotonic() < deadline:
            time.sleep(0.1)
        build(config(), serve_url=SERVE_URL, dirty=True)
        assert not plugin._previewing, "the background build is published"
    finally:
        first.plugins.on_shutdown()

    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(tmp_path / "built")],
        cwd=project,
        env={**os.environ, "SITE_URL": SERVE_URL},
        check=True,
    )
    served, built = html_pages(site), html_pages(tmp_path / "built")
    assert served.keys() == built.keys()
    differing = sorted(name for name in built if served[name] != built[name])
    assert differing == []
