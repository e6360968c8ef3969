"""Pagefind runs in line for ``mkdocs build`` and in the background under ``mkdocs serve``."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from mkdocs.config.defaults import MkDocsConfig

from generator import plugin
from generator.plugin import BriefingPlugin


def fake_index(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Path], threading.Event]:
    """Replace Pagefind by a stand-in that waits until released."""
    calls: list[Path] = []
    release = threading.Event()

    def index(site: Path) -> int:
        release.wait(10)
        calls.append(site)
        return 1

    monkeypatch.setattr(plugin, "index_site", index)
    return calls, release


def post_build(briefing: BriefingPlugin, site: Path) -> None:
    briefing.on_post_build(config=cast(MkDocsConfig, SimpleNamespace(site_dir=str(site))))


def test_build_indexes_before_it_returns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls, release = fake_index(monkeypatch)
    release.set()
    briefing = BriefingPlugin()
    briefing.on_startup(command="build", dirty=False)
    post_build(briefing, tmp_path)
    assert calls == [tmp_path]


def test_serve_indexes_in_the_background(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls, release = fake_index(monkeypatch)
    briefing = BriefingPlugin()
    briefing.on_startup(command="serve", dirty=True)
    post_build(briefing, tmp_path)
    post_build(briefing, tmp_path)
    # The rebuild has returned (the edited page can be served) while indexing waits.
    assert calls == []
    release.set()
    briefing.on_shutdown()
    # One run at a time: the running one finishes at shutdown, the queued one is dropped.
    assert calls == [tmp_path]
