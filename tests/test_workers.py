"""Per-seed work in worker processes gives exactly the in-process result."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from generator.export import corpus_record, dumps
from generator.pipeline import IN_PROCESS, SeedMap, Settings, build_corpus
from generator.site.render import render_site
from generator.workers import process_seed_map, shared_map, start_pool
from tests.conftest import FIXTURES, SEEDS


def outputs(seeds: Path, seed_map: SeedMap) -> dict[str, str]:
    corpus = build_corpus(Settings(seeds), seed_map=seed_map)
    return {**render_site(corpus), "export.json": dumps(corpus_record(corpus))}


def test_one_and_two_workers_build_the_same_site() -> None:
    # min_batch=1 and a running pool send chunks of five seeds to the workers.
    start_pool(2, wait=True)
    assert outputs(SEEDS, process_seed_map(2, min_batch=1)) == outputs(SEEDS, IN_PROCESS)


def test_hostile_seeds_give_the_same_problems_in_workers() -> None:
    hostile = FIXTURES / "hostile"
    start_pool(2, wait=True)
    parallel = build_corpus(Settings(hostile), seed_map=process_seed_map(2, min_batch=1))
    assert parallel == build_corpus(Settings(hostile))


def test_the_pool_and_this_process_share_a_map_in_order() -> None:
    start_pool(2, wait=True)
    items = list(range(100))
    # Chunks of 3: the pool takes some from the front, this process the rest from the back.
    result = shared_map(_pids, items, 2, min_batch=1, per_chunk=3)
    assert [i for i, _ in result] == items
    assert len({pid for _, pid in result}) > 1


def _pids(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(i, os.getpid()) for i in items]


def test_one_worker_stays_in_process() -> None:
    assert process_seed_map(1) == SeedMap()
