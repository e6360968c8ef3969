"""Grouping stays linear in the corpus: what it compares is counted, never timed."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

from generator.actors import analyse_actors, load_actor_registry
from generator.events.grouping import _close, _close_pairs, group_articles
from generator.events.provenance import find_reuse
from generator.pipeline import Settings, read_articles
from generator.text.document import document
from tests.conftest import SEEDS
from tests.synthetic import story_of, write_corpus


def candidate_pairs(folder: Path, size: int) -> int:
    """Candidate pairs the grouping of the dated ones of ``size`` synthetic articles compares.

    Undated articles are left out: each may belong to any event, so the pairs
    LSH proposes for them grow with (undated articles x corpus) by design.
    """
    read, _, _ = read_articles(Settings(write_corpus(folder, size)))
    articles = [a for a in read if a.published.date is not None]
    registry, _ = load_actor_registry(SEEDS / "actors.yml")
    actors = analyse_actors(articles, registry)
    sentences = {a.id: document(a.body, a.body_line).sentences for a in articles}
    reuse = [(r.reuser, r.source) for r in find_reuse(articles, sentences)]
    grouping = group_articles(
        articles, actors.article_actors, reuse, sentences, places=actors.article_places
    )
    return grouping.candidates


def test_candidate_pairs_grow_about_linearly_with_the_corpus(tmp_path: Path) -> None:
    # Past the first weeks of stories (the date window), a larger corpus covers more days.
    small = candidate_pairs(tmp_path / "small", 400)
    large = candidate_pairs(tmp_path / "large", 800)
    # Twice the articles: about twice the pairs (all pairs, or all pairs of the articles
    # naming one actor, would be four times).
    assert small > 200
    assert large < 2.6 * small


def test_close_pairs_are_the_pairs_within_the_date_window() -> None:
    rng = random.Random(5)
    start = dt.date(2024, 1, 1)
    dates: list[dt.date | None] = [
        None if rng.random() < 0.2 else start + dt.timedelta(days=rng.randrange(60))
        for _ in range(80)
    ]
    holders = sorted(rng.sample(range(80), 50))
    every = {(i, k) for i, k in itertools.combinations(holders, 2) if _close(dates[i], dates[k])}
    found = list(_close_pairs(holders, dates, undated=True))
    assert len(found) == len(set(found)) and set(found) == every
    dated_only = {(i, k) for i, k in every if dates[i] is not None and dates[k] is not None}
    assert set(_close_pairs(holders, dates, undated=False)) == dated_only


def test_synthetic_stories_vary_in_size_and_spread_over_time(tmp_path: Path) -> None:
    sizes = [len(list(g)) for _, g in itertools.groupby(range(2000), story_of)]
    assert min(sizes) == 1 and max(sizes) >= 8
    articles, _, _ = read_articles(Settings(write_corpus(tmp_path / "s", 300)))
    dated = sorted(a.published.date for a in articles if a.published.date is not None)
    outlets = {a.publisher for a in articles if a.publisher}
    # A larger corpus covers more days and more outlets, not more articles per day.
    assert (dated[-1] - dated[0]).days > 20 and len(outlets) > 15
