"""Seed problems reach MkDocs' logger at their severity, so `mkdocs build --strict` sees them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, make_project
from tests.test_site_build import build

pytestmark = pytest.mark.slow

GOOD = {
    "alpha.md": "---\ntitle: Pier closed\ndate: 2031-04-08\noutlet: AFP\n---\n\nThe pier closed.\n",
    "beta.txt": " date 2031-04-09 The ferry resumed service on Tuesday. Crews were pleased.\n",
}


def project_with(tmp_path: Path, *bad: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in GOOD.items():
        (seeds / name).write_text(text, encoding="utf-8")
    for case in bad:
        shutil.copy(FIXTURES / "bad" / case, seeds / case)
    return make_project(tmp_path, seeds)


def test_a_malformed_seed_fails_the_strict_build_naming_file_and_line(tmp_path: Path) -> None:
    project = project_with(tmp_path, "malformed-yaml.md")
    result = build(project)
    assert result.returncode != 0
    assert "ERROR" in result.stderr
    assert "seeds/malformed-yaml.md:4: Malformed YAML front matter" in result.stderr
    assert "[yaml-syntax]" in result.stderr


def test_the_same_build_without_strict_builds_every_good_seed(tmp_path: Path) -> None:
    project = project_with(tmp_path, "malformed-yaml.md")
    result = build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "seeds/malformed-yaml.md:4:" in result.stderr  # still reported
    for seed in ("alpha", "beta", "malformed-yaml"):
        assert (project / "site" / "articles" / seed / "index.html").is_file(), seed


def test_a_warning_fails_the_strict_build_too(tmp_path: Path) -> None:
    project = project_with(tmp_path, "tags-string.md")
    result = build(project)
    assert result.returncode != 0
    assert "WARNING" in result.stderr
    assert "seeds/tags-string.md:" in result.stderr
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr


def test_info_is_logged_but_does_not_fail_strict(tmp_path: Path) -> None:
    # The repository's own seeds only carry info notes (an unregistered name,
    # a merged spelling): the strict build passes and still shows them.
    project = make_project(tmp_path, Path(__file__).parent.parent / "seeds")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "INFO    -  briefing: seeds/" in result.stderr
    assert "[actor-unregistered]" in result.stderr


def test_a_malformed_registry_fails_the_strict_build_naming_file_and_line(tmp_path: Path) -> None:
    # Registries share the seeds' YAML policy and problem codes.
    project = project_with(tmp_path)
    (project / "seeds" / "outlets.yml").write_text("outlets:\n  - name: [AFP\n", "utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "seeds/outlets.yml:3: Malformed YAML in the outlet registry" in result.stderr
    assert "[yaml-syntax]" in result.stderr
