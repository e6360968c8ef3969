"""Same seeds, same site: every file of two builds is byte-identical, search index included.

Each build is a separate ``mkdocs build`` process into its own folder, so
nothing carries over in memory between them (hash seeds, caches, Pagefind's
process). No file is excepted: Pagefind's filter files, which pagefind 1.5
writes in hash-map order, are re-encoded canonically (generator/site/pagefind_bundle.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cache import STORE_NAME
from tests.conftest import SEEDS, make_project
from tests.pagefind_files import index_content
from tests.synthetic import write_corpus


def build(project: Path, name: str, cache: str, workers: int) -> dict[str, bytes]:
    """Build ``project`` into ``project/name`` with its own config; every file's bytes by path."""
    config = (project / "mkdocs.yml").read_text("utf-8")
    settings = f"      seeds: seeds\n      cache_dir: {cache}\n      workers: {workers}\n"
    config = config.replace("      seeds: seeds\n", settings)
    (project / f"{name}.yml").write_text(config, "utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"{name}.yml", "-d", name],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    site = project / name
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """Paths present in one build only, or with different bytes."""
    return sorted(p for p in first.keys() | second.keys() if first.get(p) != second.get(p))


@pytest.mark.slow
def test_the_seeds_site_is_byte_identical_cold_warm_and_with_one_or_two_workers(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path, SEEDS)
    cold_one = build(project, "cold1", ".cache/one", 1)
    cold_two = build(project, "cold2", ".cache/two", 2)
    warm = build(project, "warm", ".cache/one", 2)
    uncached = build(project, "plain", '""', 1)
    assert (project / ".cache" / "one" / STORE_NAME).is_file()
    assert any(p.startswith("pagefind/filter/") for p in cold_one)
    assert differences(cold_one, cold_two) == []
    assert differences(cold_one, warm) == []
    assert differences(cold_one, uncached) == []
    # The site's export is `briefing export`'s output, byte for byte.
    subprocess.run(
        [sys.executable, "-m", "generator", "export", "--seeds", "seeds", "--out", "export.json"],
        cwd=project,
        check=True,
    )
    assert cold_one["data/corpus.json"] == (project / "export.json").read_bytes()


@pytest.mark.slow
def test_a_synthetic_site_with_many_filter_values_is_byte_identical(tmp_path: Path) -> None:
    # Many outlets, topics, actors and days: filters with dozens of values,
    # whose order Pagefind draws afresh in every run.
    project = make_project(tmp_path, write_corpus(tmp_path / "seeds", 80))
    first = build(project, "first", ".cache/first", 1)
    second = build(project, "second", ".cache/second", 2)
    filters = index_content(project / "first" / "pagefind")["filters"]
    assert min(len(values) for values in filters.values()) > 1
    assert len(filters["actor"]) > 20
    assert differences(first, second) == []
