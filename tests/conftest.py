"""Shared fixtures: paths to the repository, the seeds and the shared corpus."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news-events"
ARTIFACTS = ROOT / "tests" / "artifacts"


def make_project(tmp_path: Path, seeds: Path) -> Path:
    """Copy the MkDocs project (config, docs, overrides) around another seeds folder."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(seeds, project / "seeds")
    return project


@pytest.fixture
def shared_corpus() -> Path:
    """The shared evaluation corpus; skips the test when it is absent."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus/news-events is not present")
    return SHARED_CORPUS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, one per test module (skips when absent)."""
    from tests.browser_support import launched_chromium

    with launched_chromium() as chromium:
        yield chromium


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say loudly when the browser tests did not run."""
    from tests.browser_support import SKIPPED

    if SKIPPED:
        terminalreporter.write_sep(
            "!", "BROWSER TESTS SKIPPED: Chromium not found", red=True, bold=True
        )
        terminalreporter.write_line(
            "Install it with: apt-get install chromium (CI=true makes this a failure)"
        )
