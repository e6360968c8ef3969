"""Cold and warm pipeline speed, with 1 and 2 worker processes, and what one edit recomputes.

Usage: ``python bench/pipeline_speed.py [SEEDS] [--runs N]`` (SEEDS defaults to
``../shared/corpus/dev-events``). Each configuration runs ``--runs`` times
from an empty cache (cold) and once more from the full one (warm); the best
cold wall time is reported, with the main process's CPU time beside it (what
stays serial whatever the number of workers). Then one seed of a copy of the
corpus is edited and the cache misses of the rebuild are counted.

``--split`` instead times one cold run in this process by stage (CPU
seconds): the maps a worker pool can share (pickling their results for the
cache included: a worker pickles what it computes), and the serial rest,
which bounds what two cores can give (Amdahl).
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import generator.events.analyse as analyse
import generator.pipeline as pipeline
from generator.cache import ContentCache, Packing, build_corpus_cached
from generator.pipeline import SeedMap, Settings
from generator.workers import SharedBatch, process_seed_map, start_pool


def _run(seeds: Path, folder: Path, workers: int) -> tuple[float, float, int, ContentCache]:
    cache = ContentCache(folder)
    wall, cpu = time.perf_counter(), time.process_time()
    corpus = build_corpus_cached(Settings(seeds), cache, seed_map=process_seed_map(workers))
    return time.perf_counter() - wall, time.process_time() - cpu, len(corpus.articles), cache


def measure(seeds: Path, workers: int, runs: int) -> dict[str, float]:
    """Best cold run and a warm run with ``workers`` processes."""
    if workers > 1:
        start_pool(workers, wait=True)
    colds: list[tuple[float, float, int]] = []
    warm = 0.0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            wall, cpu, count, _ = _run(seeds, Path(folder), workers)
            colds.append((wall, cpu, count))
            warm = _run(seeds, Path(folder), workers)[0]
    wall, cpu, count = min(colds)
    return {
        "workers": workers,
        "articles": count,
        "cold_s": round(wall, 2),
        "cold_main_cpu_s": round(cpu, 2),
        "cold_articles_per_s": round(count / wall, 1),
        "warm_s": round(warm, 3),
        "warm_speedup": round(wall / warm, 1),
    }


def edit_misses(seeds: Path, workers: int) -> dict[str, object]:
    """Cache misses and time of a rebuild after one seed's text changed."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(shutil.copytree(seeds, Path(folder) / "seeds"))
        cache_dir = Path(folder) / "cache"
        first = _run(copy, cache_dir, workers)[3]
        edited = sorted(p for p in copy.iterdir() if p.suffix in {".md", ".txt"})[0]
        edited.write_text(edited.read_text("utf-8").rstrip() + "\n\nOne more line.\n", "utf-8")
        wall, _, _, again = _run(copy, cache_dir, workers)
    return {
        "edited": edited.name,
        "rebuild_s": round(wall, 2),
        "events": f"{again.misses['event']} of {first.misses['event']} compared again",
        "prepared": f"{again.misses['prepare']} of {first.misses['prepare']} prepared again",
        "misses": dict(sorted(again.misses.items())),
    }


def split(seeds: Path) -> list[str]:
    """CPU seconds of one cold in-process run by stage, and the Amdahl bound on two cores."""
    spent: dict[str, float] = defaultdict(float)
    inside: list[float] = []  # time spent in nested timed calls, per open call

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        # Exclusive time: a timed call inside another counts for itself only.
        @functools.wraps(function)
        def inner(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            inside.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                took = time.process_time() - started
                spent[name] += took - inside.pop()
                if inside:
                    inside[-1] += took

        return inner

    # Patched for this measurement only (the process exits after it).
    for owner, name, label in (
        (analyse, "reuse_links", "serial: text reuse"),
        (analyse, "group_articles", "serial: grouping"),
        # The actor merge: matching, discovery and the report (its names map counts apart).
        (pipeline, "analyse_actors", "serial: actors"),
        (ContentCache, "put_blobs", "serial: cache writes"),
        (ContentCache, "get_many", "serial: cache reads"),
        # Results are pickled by the process that computed them (a worker).
        (Packing, "__call__", "map: pickling results for the cache (where computed)"),
    ):
        setattr(owner, name, timed(label, getattr(owner, name)))
    plain = SeedMap()
    # SharedBatch with one worker runs in this process, as the pool's maps run in theirs.
    maps = SeedMap(
        read=SharedBatch(timed("map: read", plain.read), 1),
        infer=SharedBatch(timed("map: infer", plain.infer), 1),
        names=SharedBatch(timed("map: actor names", plain.names), 1),
        prepare=SharedBatch(timed("map: prepare (per article)", plain.prepare), 1),
        events=SharedBatch(timed("map: compare (per event)", plain.events), 1),
        features=SharedBatch(timed("map: grouping and reuse features", plain.features), 1),
    )
    with tempfile.TemporaryDirectory() as folder:
        started = time.process_time()
        corpus = build_corpus_cached(Settings(seeds), ContentCache(Path(folder)), seed_map=maps)
        total = time.process_time() - started
    shared = sum(v for k, v in spent.items() if k.startswith("map"))
    serial = total - shared
    best = serial + shared / 2
    lines = [f"{v:6.2f} s  {k}" for k, v in sorted(spent.items(), key=lambda kv: -kv[1])]
    lines += [
        f"{total - sum(spent.values()):6.2f} s  serial: the rest (cache keys, registries, ids)",
        f"{total:6.2f} s CPU in all: maps {shared:.2f} s ({shared / total:.0%}), "
        f"serial {serial:.2f} s ({serial / total:.0%})",
        f"two cores at best: {total / best:.2f}x, {len(corpus.articles) / best:.0f} articles/s",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the figures, one line per configuration."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seeds", nargs="?", default="../shared/corpus/dev-events", type=Path)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--split", action="store_true", help="CPU by stage, in this process")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"{args.seeds}: no such folder", file=sys.stderr)
        return 1
    if args.split:
        print("\n".join(split(args.seeds)))
        return 0
    for workers in (1, 2):
        print(measure(args.seeds, workers, args.runs))
    print(edit_misses(args.seeds, 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
