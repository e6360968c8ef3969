"""Accuracy of the reader on the shared corpus of real articles (skipped when absent).

The labels are read here only, to score; the floors are the accuracy measured when
this test was written, so a change that loses accuracy fails. Print the table with
``.venv/bin/python bench/eval_reader.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.eval_reader import Scores, score, table
from generator.pipeline import Settings, build_corpus
from tests.conftest import SHARED_CORPUS

DATE_FLOOR = 5
OUTLET_FLOOR = 3


@pytest.fixture(scope="module")
def corpus_dir() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus/news-events is not present")
    return SHARED_CORPUS


@pytest.fixture(scope="module")
def scores(corpus_dir: Path) -> Scores:
    return score(corpus_dir)


def test_every_article_gets_a_real_title(scores: Scores) -> None:
    assert scores.total == 11
    assert scores.titles == scores.total
    for row in scores.rows:
        assert len(row.title.split()) <= 25, row.title


def test_date_and_outlet_accuracy_do_not_drop(
    scores: Scores, capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        print("\n" + table(scores))
    assert scores.dates >= DATE_FLOOR
    assert scores.outlets >= OUTLET_FLOOR


def test_the_corpus_reads_without_errors(corpus_dir: Path) -> None:
    corpus = build_corpus(Settings(corpus_dir))
    assert corpus.seeds_read == 11
    assert not corpus.has_errors
