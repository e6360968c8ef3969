"""Event grouping and comparison: B-cubed scores, conflicts found, time taken.

Usage (from the repository root):

    .venv/bin/python bench/eval_events.py [--loader pipeline|simple] [--repeat N] [--scale K]

Groups seeds/ plus ../shared/corpus/news-events and scores the grouping against
news-events.labels.json (all seeds form one event). Prints the conflicts found
on the two shared events, and the time taken to group (text reuse + grouping)
and to compare (claims, alignment, conflicts, wording, timeline). ``--scale K``
also times K renamed copies of the corpus, spread out in time.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.grouping_metrics import bcubed  # noqa: E402
from generator.events import analyse_events  # noqa: E402
from generator.events.grouping import group_articles  # noqa: E402
from generator.events.provenance import find_reuse  # noqa: E402
from generator.events.text import split_sentences  # noqa: E402
from generator.models import Article  # noqa: E402
from tests.events_support import NEWS_EVENTS, SEEDS, corpus_truth, load_dir  # noqa: E402


def load(folder: Path, loader: str) -> list[Article]:
    """Articles of a folder, read by the project pipeline or by the simple test loader."""
    if loader == "simple":
        return load_dir(folder)
    from generator.pipeline import Settings, read_articles

    return read_articles(Settings(seeds_dir=folder))[0]


def timed(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Median wall time of ``function()`` in milliseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def group_only(articles: Sequence[Article]) -> None:
    """The grouping stage: sentence split, text reuse, grouping."""
    sentences = {a.id: split_sentences(a.body, a.body_line) for a in articles}
    reuse = find_reuse(articles, sentences)
    group_articles(articles, {}, [(r.reuser, r.source) for r in reuse])


def scores(articles: Sequence[Article]) -> None:
    report = analyse_events(articles, {}, {})
    predicted = {a: e.id for e in report.events for a in e.articles}
    s = bcubed(predicted, corpus_truth())
    print(f"events found: {len(report.events)} (truth: 3)")
    print(f"B-cubed precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}")
    for event in report.events:
        print(f"\n== {event.id}  ({len(event.articles)} articles, occurred {event.occurred.date})")
        for conflict in event.conflicts:
            sides = " | ".join(
                f"{side.value} ← {', '.join(side.article_ids)}" for side in conflict.sides
            )
            print(f"  [{conflict.kind}] {conflict.fact_key or '-'}: {sides}")
        for link in event.provenance:
            share = f"{link.share:.0%}"
            print(f"  [reuse] {link.reuser} reproduces {share} of {link.source} ({link.basis})")


def scaled(articles: Sequence[Article], copies: int) -> list[Article]:
    """Renamed copies of the corpus, each copy 30 days later than the one before."""
    out: list[Article] = []
    for k in range(copies):
        for a in articles:
            date = a.published.date + dt.timedelta(days=30 * k) if a.published.date else None
            published = dataclasses.replace(a.published, date=date)
            out.append(dataclasses.replace(a, id=f"{a.id}-{k}", published=published))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loader", choices=("pipeline", "simple"), default="pipeline")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=20)
    args = parser.parse_args()
    if not NEWS_EVENTS.is_dir():
        sys.exit(f"shared corpus not found at {NEWS_EVENTS}")
    articles = load(SEEDS, args.loader) + load(NEWS_EVENTS, args.loader)
    print(f"loader: {args.loader}; {len(articles)} articles")
    scores(articles)
    print("\n== time (median of", args.repeat, "runs)")
    group_ms = timed(lambda: group_only(articles), args.repeat)
    total_ms = timed(lambda: analyse_events(articles, {}, {}), args.repeat)
    print(
        f"  {len(articles)} articles: group {group_ms:.0f} ms, compare {total_ms - group_ms:.0f} ms"
    )
    if args.scale > 1:
        big = scaled(articles, args.scale)
        group_ms = timed(lambda: group_only(big), 1)
        total_ms = timed(lambda: analyse_events(big, {}, {}), 1)
        print(
            f"  {len(big)} articles: group {group_ms:.0f} ms, compare {total_ms - group_ms:.0f} ms"
        )


if __name__ == "__main__":
    main()
