"""Time each pipeline stage on synthetic corpora of growing size (not a test).

Usage: .venv/bin/python bench/scale.py [SIZES...]   (default: 1000 2000 4000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.actors import analyse_actors, load_actor_registry  # noqa: E402
from generator.events import analyse_events  # noqa: E402
from generator.pipeline import Settings, read_articles  # noqa: E402
from tests.synthetic import write_corpus  # noqa: E402


def main(sizes: list[int]) -> None:
    registry, _ = load_actor_registry(ROOT / "seeds" / "actors.yml")
    print("| articles | read + infer | actors | events | events found |")
    print("|---|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            seeds = write_corpus(Path(tmp) / "seeds", size)
            started = time.perf_counter()
            articles, _, _ = read_articles(Settings(seeds))
            read = time.perf_counter()
            report = analyse_actors(articles, registry)
            actors = time.perf_counter()
            events = analyse_events(articles, report.article_actors, report.article_places)
            done = time.perf_counter()
        print(
            f"| {size} | {read - started:.1f} s | {actors - read:.1f} s | "
            f"{done - actors:.1f} s | {len(events.events)} |"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 2000, 4000])
