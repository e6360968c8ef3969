"""One fixture per bad-input case, each next to the exact problems it must produce.

``tests/fixtures/bad/<case>.md|.txt`` is read alone as a seeds folder and must give
exactly the articles and problems listed in ``<case>.json``. The duplicate case
needs two files, so it is a folder with its own ``expected.json``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.export import corpus_record, dumps
from generator.models import Severity
from generator.pipeline import Corpus, Settings, build_corpus
from tests.conftest import FIXTURES

BAD = FIXTURES / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.suffix in (".md", ".txt"))
EXPECTED_CASES = {
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


def read_alone(case: Path, tmp_path: Path) -> Corpus:
    shutil.copy(case, tmp_path / case.name)
    return build_corpus(Settings(tmp_path))


def test_every_case_has_a_fixture_and_an_expectation() -> None:
    assert {p.stem for p in CASES} == EXPECTED_CASES
    assert {p.stem for p in BAD.glob("*.json")} == EXPECTED_CASES


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_input_gives_the_exact_problems(case: Path, tmp_path: Path) -> None:
    expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    assert outcome(read_alone(case, tmp_path)) == expected


def test_duplicate_seed_is_reported_on_the_second_file() -> None:
    folder = BAD / "duplicate"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert outcome(build_corpus(Settings(folder))) == expected


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
        shutil.copy(case, tmp_path / case.name)
        expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
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
