"""Per-seed work in worker processes gives exactly the in-process result."""

from __future__ import annotations

from pathlib import Path

from generator.export import corpus_record, dumps
from generator.pipeline import IN_PROCESS, SeedMap, Settings, build_corpus
from generator.site.render import render_site
from generator.workers import process_seed_map
from tests.conftest import FIXTURES, SEEDS


def outputs(seeds: Path, seed_map: SeedMap) -> dict[str, str]:
    corpus = build_corpus(Settings(seeds), seed_map=seed_map)
    return {**render_site(corpus), "export.json": dumps(corpus_record(corpus))}


def test_one_and_two_workers_build_the_same_site() -> None:
    # min_batch=1 forces the pool even for five seeds.
    assert outputs(SEEDS, process_seed_map(2, min_batch=1)) == outputs(SEEDS, IN_PROCESS)


def test_hostile_seeds_give_the_same_problems_in_workers() -> None:
    hostile = FIXTURES / "hostile"
    parallel = build_corpus(Settings(hostile), seed_map=process_seed_map(2, min_batch=1))
    assert parallel == build_corpus(Settings(hostile))


def test_one_worker_stays_in_process() -> None:
    assert process_seed_map(1) == SeedMap()
