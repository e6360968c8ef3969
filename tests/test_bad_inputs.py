"""One fixture per bad-input case, each next to the exact problems it must produce.

``tests/fixtures/bad/<case>.md|.txt`` is read alone as a seeds folder and must give
exactly the articles and problems listed in ``<case>.json``. A seed too big to keep
in the repository is a ``<case>.recipe`` (JSON: file name, text repeated N times).
Cases that need several files (a registry, hidden files, links) are folders with
their own ``expected.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.export import corpus_record, dumps
from generator.models import Severity
from generator.pipeline import Corpus, Settings, build_corpus
from tests.conftest import FIXTURES, make_project

BAD = FIXTURES / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.suffix in (".md", ".txt", ".recipe"))
FOLDERS = sorted(p for p in BAD.iterdir() if p.is_dir())
EXPECTED_FOLDERS = {
    "duplicate",
    "actors-deep",
    "outlets-deep",
    "registry-controls",
    "unread-files",
}
EXPECTED_CASES = {
    "impossible-day",
    "huge-number",
    "nested-front-matter",
    "deep-emphasis",
    "brackets",
    "utf32",
    "double-bom",
    "control-characters",
    "duplicate-keys",
    "empty-date",
    "too-large",
    "too-many-lines",
    "line-too-long",
    "near-identical-sentences",
    "binary",
    "empty",
    "impossible-date",
    "out-of-range-date",
    "invalid-utf8",
    "malformed-yaml",
    "tags-mapping",
    "tags-string",
    "unclosed-front-matter",
    "unknown-date",
    "unsafe-urls",
}


def outcome(corpus: Corpus) -> dict[str, Any]:
    return {
        "articles": [a.id for a in corpus.articles],
        "problems": [p.as_dict() for p in corpus.problems],
    }


def place(case: Path, folder: Path) -> None:
    """Put a case's seed into ``folder`` (writing a recipe's text out)."""
    if case.suffix != ".recipe":
        shutil.copy(case, folder / case.name)
        return
    recipe = json.loads(case.read_text(encoding="utf-8"))
    text = recipe.get("prefix", "") + recipe["repeat"] * recipe["times"] + recipe.get("suffix", "")
    (folder / recipe["file"]).write_text(text, encoding="utf-8")


def place_folder(case: Path, folder: Path) -> None:
    """Copy a folder case (links kept as links) without its expectation."""
    shutil.copytree(
        case,
        folder,
        symlinks=True,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("expected.json"),
    )


def read_alone(case: Path, tmp_path: Path) -> Corpus:
    place(case, tmp_path)
    return build_corpus(Settings(tmp_path))


def expectation(case: Path) -> dict[str, Any]:
    path = case / "expected.json" if case.is_dir() else case.with_suffix(".json")
    found: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return found


def test_every_case_has_a_fixture_and_an_expectation() -> None:
    assert {p.stem for p in CASES} == EXPECTED_CASES
    assert {p.stem for p in BAD.glob("*.json")} == EXPECTED_CASES
    assert {p.name for p in FOLDERS} == EXPECTED_FOLDERS
    assert all((p / "expected.json").is_file() for p in FOLDERS)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_input_gives_the_exact_problems(case: Path, tmp_path: Path) -> None:
    assert outcome(read_alone(case, tmp_path)) == expectation(case)


@pytest.mark.parametrize("case", FOLDERS, ids=lambda p: p.name)
def test_bad_folder_gives_the_exact_problems(case: Path, tmp_path: Path) -> None:
    place_folder(case, tmp_path / "seeds")
    assert outcome(build_corpus(Settings(tmp_path / "seeds"))) == expectation(case)


def test_a_seeds_folder_that_is_a_link_publishes_nothing(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "private.md").write_text("A private note that must not be published.\n")
    (tmp_path / "seeds").symlink_to(real)
    corpus = build_corpus(Settings(tmp_path / "seeds"))
    assert corpus.articles == ()
    assert [(p.file, p.code, p.severity) for p in corpus.problems] == [
        (".", "symlink", Severity.ERROR)
    ]


def test_unsafe_links_never_reach_the_export(tmp_path: Path) -> None:
    corpus = read_alone(BAD / "unsafe-urls.md", tmp_path)
    articles = dumps(corpus_record(corpus)["articles"]).casefold()
    assert "javascript:" not in articles
    assert "data:text" not in articles
    credited = [(c.outlet, c.url) for c in corpus.articles[0].credited]
    assert credited == [
        ("Reuters", "https://www.reuters.com/world/harbour-pier"),
        ("Wirepress", None),
    ]


def test_all_bad_inputs_together_never_stop_the_other_seeds(tmp_path: Path) -> None:
    expected_problems = []
    expected_articles = []
    for case in CASES:
        place(case, tmp_path)
        expected = expectation(case)
        expected_problems += expected["problems"]
        expected_articles += expected["articles"]
    (tmp_path / "good.md").write_text("# Fine\n\nA perfectly ordinary story about a pier.\n")
    corpus = build_corpus(Settings(tmp_path))
    assert sorted(a.id for a in corpus.articles) == sorted([*expected_articles, "good"])
    key = lambda p: (p["file"], p["line"], p["code"], p["message"])  # noqa: E731
    assert [p.as_dict() for p in corpus.problems] == sorted(expected_problems, key=key)


def test_strict_mode_turns_every_warning_into_an_error(tmp_path: Path) -> None:
    shutil.copy(BAD / "tags-string.md", tmp_path / "tags-string.md")
    relaxed = build_corpus(Settings(tmp_path))
    strict = build_corpus(Settings(tmp_path, strict=True))
    assert [p.severity for p in relaxed.problems] == [Severity.WARNING]
    assert [p.severity for p in strict.problems] == [Severity.ERROR]
    assert not relaxed.has_errors and strict.has_errors


def test_same_stem_twice_gets_a_free_id(tmp_path: Path) -> None:
    for name, text in [("x.md", "One story."), ("x.txt", "Two story."), ("x-txt.md", "Three.")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = build_corpus(Settings(tmp_path))
    assert [(a.file, a.id) for a in corpus.articles] == [
        ("x-txt.md", "x-txt"),
        ("x.md", "x"),
        ("x.txt", "x-txt-2"),
    ]
    assert [(p.file, p.code) for p in corpus.problems] == [("x.txt", "duplicate-id")]


def all_cases(folder: Path) -> list[tuple[str, str]]:
    """Every bad case in one seeds folder; returns the (file, code) each must report.

    Folder cases go into subfolders, except their registries, which must sit at the
    top; there is one place for each registry, so a later case's registries are left
    out (their own test covers them).
    """
    folder.mkdir(exist_ok=True)
    wanted: list[tuple[str, str]] = []
    for case in CASES:
        place(case, folder)
        wanted += [(p["file"], p["code"]) for p in expectation(case)["problems"]]
    taken: set[str] = set()
    for case in FOLDERS:
        problems = expectation(case)["problems"]
        registries = {p.name for p in case.iterdir()} & {"actors.yml", "outlets.yml"}
        if registries and not registries & taken:
            taken |= registries
            place_folder(case, folder)
            wanted += [(p["file"], p["code"]) for p in problems]
            continue
        skip = shutil.ignore_patterns("expected.json", "actors.yml", "outlets.yml")
        shutil.copytree(case, folder / case.name, symlinks=True, ignore=skip)
        prefix = f"{case.name}/"
        wanted += [(prefix + p["file"], p["code"]) for p in problems if p["file"] not in registries]
    return wanted


def test_every_bad_case_is_reported_in_one_corpus(tmp_path: Path) -> None:
    wanted = all_cases(tmp_path / "seeds")
    corpus = build_corpus(Settings(tmp_path / "seeds"))
    reported = {(p.file, p.code) for p in corpus.problems}
    assert set(wanted) <= reported
    assert "good" not in {a.id for a in corpus.articles}  # no stray seed


def test_site_builds_with_every_bad_case_present(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    project = make_project(tmp_path, tmp_path / "empty")
    wanted = all_cases(project / "seeds")  # placed in the project: links stay links
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    data = json.loads((project / "site" / "data" / "corpus.json").read_text(encoding="utf-8"))
    reported = {(p["file"], p["code"]) for p in data["problems"]}
    assert set(wanted) <= reported
    for case in ("brackets", "deep-emphasis", "control-characters", "utf32"):
        assert (project / "site" / "articles" / case / "index.html").is_file()
