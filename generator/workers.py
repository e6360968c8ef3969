"""Per-seed reading and inference across processes.

Both maps are pure functions of their inputs (a seed file; a decoded seed and
the outlet registry), so running them in worker processes and collecting the
results in input order gives exactly the in-process result (a test checks 1
and 2 workers build identical sites). The per-event comparison
(:func:`generator.events.analyse.analyse_job`) is pure too and runs there as
well; the corpus-wide stages (actors, grouping, reuse) stay in the main process.

Workers are started with ``spawn``: ``mkdocs serve`` rebuilds from a thread,
and forking a threaded process is unsafe. Starting a worker costs about a
second (it imports the generator), so small batches stay in process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from generator.events import Event
from generator.events.analyse import EventJob, analyse_job, analyse_jobs
from generator.ingest.outlets import OutletRegistry
from generator.ingest.reader import read_seed
from generator.models import RawSeed
from generator.pipeline import InferResult, ReadResult, SeedMap, infer_each, infer_one, read_each

#: Fewer seeds than this are handled in process. Reading and inferring a seed
#: takes about 15 ms on one core; starting a worker (spawn, importing the
#: generator) about 1.5 s, twice per build: two workers only pay off past a
#: few hundred seeds.
MIN_BATCH = 500


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process_seed_map(workers: int, min_batch: int = MIN_BATCH) -> SeedMap:
    """A :class:`~generator.pipeline.SeedMap` that spreads seeds over ``workers`` processes."""
    if workers <= 1:
        return SeedMap()

    def read(paths: Iterable[Path], seeds_dir: Path) -> list[ReadResult]:
        ordered = list(paths)
        if len(ordered) < min_batch:
            return read_each(ordered, seeds_dir)
        with _pool(workers) as pool:
            chunk = _chunk(len(ordered), workers)
            return list(pool.map(read_seed, ordered, repeat(seeds_dir), chunksize=chunk))

    def infer(raws: Sequence[RawSeed], outlets: OutletRegistry) -> list[InferResult]:
        if len(raws) < min_batch:
            return infer_each(raws, outlets)
        with _pool(workers) as pool:
            chunk = _chunk(len(raws), workers)
            return list(pool.map(infer_one, raws, repeat(outlets), chunksize=chunk))

    def events(jobs: Sequence[EventJob]) -> list[Event]:
        # Per event the comparison takes from milliseconds to seconds; it pays off
        # for a corpus-sized batch, not for the one event an edit touches.
        if len(jobs) < min_batch // 4:
            return analyse_jobs(jobs)
        with _pool(workers) as pool:
            return list(pool.map(analyse_job, jobs, chunksize=1))

    return SeedMap(read=read, infer=infer, events=events)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _chunk(count: int, workers: int) -> int:
    # A few chunks per worker: balanced, without pickling the registry per seed.
    return max(1, count // (workers * 4))
