"""`make preview` runs the preview workflow's build-and-summary steps on a fixture PR."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, SEEDS

pytestmark = pytest.mark.slow
PROJECT_FILES = ["Makefile", "mkdocs.yml", "pyproject.toml", "requirements.lock"]
PROJECT_DIRS = ["docs", "overrides", "tools"]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_make_preview_on_a_fixture_pull_request(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, repo / name)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SEEDS, repo / "seeds")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base seeds")
    for path in (FIXTURES / "pr" / "added").iterdir():  # the pull request adds one article
        shutil.copy(path, repo / "seeds" / path.name)
    url = "http://127.0.0.1:8000/briefing/pr-3/"
    settings = [f"VENV={ROOT / '.venv'}", f"PREVIEW_URL={url}", "PR=3", f"HEAD_SHA={'a' * 40}"]
    result = subprocess.run(
        # -o install: use this checkout's venv as it is, never reinstall it from the copy.
        ["make", "--no-print-directory", "-o", "install", "preview", "BASE=main", *settings],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = repo / "preview"
    summary = (out / "summary.md").read_text("utf-8")
    # The new article, the event it joined (with its preview link) and the conflict it brings.
    assert (
        "| added | Gunship fire follows drone attack on Iraqi air base, officials say |" in summary
    )
    assert "- **grown**: [“U.S. Strikes Iran\\-Backed Militia in Iraq in Response to Attacks”]" in (
        summary
    )
    assert f"]({url}events/u-s-strikes-iran-backed-militia-in-iraq-in-response-to/)" in summary
    assert "conflict **appeared**" in summary and "people injured" in summary
    assert "5: Harbour Wire" in summary
    assert json.loads((out / "meta.json").read_text()) == {
        "base": "main",
        "head_sha": "a" * 40,
        "pr": 3,
    }
    site = out / "site"
    assert (site / "articles" / "005_harbour_wire_gunship" / "index.html").is_file()
    assert f"{url}articles/005_harbour_wire_gunship/" in (site / "sitemap.xml").read_text()
