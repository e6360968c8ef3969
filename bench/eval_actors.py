"""Precision and recall of the actor analysis, with and without the starter registry.

Usage (from the repository root):

    .venv/bin/python bench/eval_actors.py [--misses] [--repeat N]

Scores the seeds against tests/labels/actors_seeds.json and, when
../shared/corpus/news-events exists, that corpus against
tests/labels/actors_news_events.json. Each is run with seeds/actors.yml and
with an empty registry. Also times analyse_actors on the seeds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.actor_metrics import (  # noqa: E402
    misses,
    predicted,
    read_folder,
    read_labels,
    score,
)
from generator.actors import ActorRegistry, analyse_actors, load_actor_registry  # noqa: E402

SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "news-events"
LABELS = ROOT / "tests" / "labels"


def evaluate(name: str, folder: Path, labels: Path, show: bool) -> None:
    articles = read_folder(folder)
    truth = read_labels(labels)
    starter, problems = load_actor_registry(SEEDS / "actors.yml")
    if problems:
        print(f"registry problems: {problems}")
    for label, registry in (("starter registry", starter), ("empty registry", ActorRegistry())):
        report = analyse_actors(articles, registry)
        guess = predicted(report)
        s = score(guess, truth)
        print(
            f"{name:12} {label:17} precision {s.precision:6.1%} ({s.correct}/{s.predicted})"
            f"  recall {s.recall:6.1%} ({s.found}/{s.labelled})"
            f"  suggestions {len(report.suggestions)}"
        )
        if show:
            wrong, missed = misses(guess, truth)
            print("   false positives:", "; ".join(wrong) or "-")
            print("   missed:", "; ".join(missed) or "-")


def timing(repeat: int) -> None:
    articles = read_folder(SEEDS)
    registry, _ = load_actor_registry(SEEDS / "actors.yml")
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        analyse_actors(articles, registry)
        runs.append(time.perf_counter() - start)
    print(
        f"analyse_actors on {len(articles)} seeds: median {statistics.median(runs) * 1000:.1f} ms, "
        f"min {min(runs) * 1000:.1f} ms over {repeat} runs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list false positives and misses")
    parser.add_argument("--repeat", type=int, default=20, help="timing repetitions")
    args = parser.parse_args()
    evaluate("seeds", SEEDS, LABELS / "actors_seeds.json", args.misses)
    if CORPUS.is_dir():
        evaluate("news-events", CORPUS, LABELS / "actors_news_events.json", args.misses)
    else:
        print(f"news-events: {CORPUS} not found, skipped")
    timing(args.repeat)


if __name__ == "__main__":
    main()
