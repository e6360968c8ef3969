"""Per-seed, per-article and per-event work across processes.

The maps are pure functions of their inputs (a seed file; a decoded seed and
the outlet registry; an article body and the actor registry; an event's job),
so running them in worker processes and collecting the results in input order
gives exactly the in-process result (a test checks 1 and 2 workers build
identical sites). The corpus-wide merges (ids, actors, grouping, reuse) stay
in the main process.

Start-up is what costs: a fresh interpreter that imports the generator takes
about half a second of CPU. So the workers come from a *forkserver* that
imports the generator once per process (``mkdocs serve`` keeps it for every
rebuild) and forks each worker from it in milliseconds; it is also safe when
the caller has threads (``mkdocs serve`` rebuilds from one), unlike a plain
fork. One pool is shared by every map and every build of the process.

The main process does not wait idle: the items are cut into small chunks,
the pool takes them from the front and the main process from the back, so a
pool that is still starting (or a machine whose other cores are busy) costs
nothing, and the result is assembled by position either way.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from multiprocessing.context import BaseContext
from typing import Any, Generic, TypeVar

from generator.actors.extract import names_of
from generator.collector import paused as paused_collector
from generator.events.analyse import analyse_jobs
from generator.events.features import features_packed
from generator.events.prepare import prepare_packed
from generator.picklers import register as register_records
from generator.pipeline import SeedMap, infer_each, read_each
from generator.text.document import document

T = TypeVar("T")
R = TypeVar("R")

Batch = Callable[[Sequence[Any]], Sequence[R]]
"""A pure function from a list of items to their results, in order."""

#: Fewer items than this are handled in process: the chunks' round trips and the
#: pickling of their results would cost more than the second core gives.
MIN_BATCH = 32

#: Chunks per worker: small enough that the main process and a late pool share
#: the work evenly, large enough that pickling is per batch, not per item.
CHUNKS_PER_WORKER = 8

# What crosses between processes pickles as class and field values (twice as fast);
# the forkserver imports this module, so every worker has it too.
register_records()

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_starting: threading.Thread | None = None


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process_seed_map(workers: int, min_batch: int = MIN_BATCH) -> SeedMap:
    """A :class:`~generator.pipeline.SeedMap` that spreads its maps over ``workers`` processes.

    The first map with enough items starts the pool in the background; until
    it runs, this process does the work itself. Each map is a
    :class:`SharedBatch`, so the cache can have its results stored where they
    are computed (:meth:`SharedBatch.wrapped`).
    """
    if workers <= 1:
        return SeedMap()
    return SeedMap(
        read=SharedBatch(read_each, workers, min_batch),
        infer=SharedBatch(infer_each, workers, min_batch),
        names=SharedBatch(names_of, workers, min_batch),
        prepare=SharedBatch(prepare_packed, workers, min_batch),
        # Per event the comparison takes from milliseconds to seconds: one job per chunk.
        events=SharedBatch(analyse_jobs, workers, min(min_batch, 8), per_chunk=1),
        features=SharedBatch(features_packed, workers, min_batch),
    )


@dataclass(frozen=True, slots=True)
class SharedBatch(Generic[R]):
    """One kind of per-item work, ``batch(items, *args)``, shared by the pool and this process.

    Called like ``batch`` itself, it returns what ``batch`` would, in order
    (:func:`shared_map` cuts the items into chunks).

    Attributes:
        batch: A pure module-level function from a list of items (and fixed
            arguments) to their results, in order.
        workers: Processes in the pool.
        min_batch: Below this many items, everything runs in this process.
        per_chunk: Items per chunk; 0 picks a size from the number of items.
    """

    batch: Callable[..., Sequence[R]]
    workers: int
    min_batch: int = MIN_BATCH
    per_chunk: int = 0

    def __call__(self, items: Iterable[Any], *args: Any) -> list[R]:
        """``batch(items, *args)``, computed chunk by chunk by the pool and this process."""
        return self.wrapped(_unwrapped, items, *args)

    def wrapped(
        self,
        wrap: Callable[[Batch[R]], Batch[Any]],
        items: Iterable[Any],
        *args: Any,
    ) -> list[Any]:
        """``wrap(batch)`` run over ``items`` chunk by chunk, where each chunk is computed.

        The wrapper travels with every chunk (it must pickle), so what it adds
        around the batch (the cache stores each result under its key) happens in
        the process that computed the result, not in this one.

        Args:
            wrap: Turns the batch (its fixed arguments bound) into the function run
                on each chunk; items are whatever that function takes.
            items: The items.
            *args: The batch's fixed arguments after the items.

        Returns:
            The wrapped function's results, in input order.
        """
        bound = partial(_bound, self.batch, args) if args else self.batch
        return shared_map(wrap(bound), list(items), self.workers, self.min_batch, self.per_chunk)


def _bound(
    batch: Callable[..., Sequence[R]], args: tuple[Any, ...], items: Sequence[Any]
) -> Sequence[R]:
    return batch(items, *args)


def _unwrapped(batch: Batch[R]) -> Batch[R]:
    return batch


def shared_map(
    batch: Callable[[Sequence[T]], Sequence[R]],
    items: Sequence[T],
    workers: int,
    min_batch: int = MIN_BATCH,
    per_chunk: int = 0,
) -> list[R]:
    """``batch(items)``, computed chunk by chunk by the shared pool and this process.

    Args:
        batch: A pure function from a list of items to their results, in order;
            it must be picklable (a module-level function or a partial of one).
        items: The items.
        workers: Processes in the pool.
        min_batch: Below this many items, everything runs in this process.
        per_chunk: Items per chunk; 0 picks a size from the number of items.

    Returns:
        The results in input order, as ``batch(items)`` gives them.
    """
    if workers <= 1 or len(items) < min_batch:
        return list(batch(items))
    size = per_chunk or max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    results: list[Sequence[R] | None] = [None] * len(chunks)
    sent: dict[int, Future[list[R]]] = {}
    front, back = 0, len(chunks) - 1
    while front <= back:
        pool = _ready_pool(workers)
        # Keep every worker busy with one chunk queued behind it; the pool takes
        # chunks from the front, this process from the back.
        while pool is not None and front <= back and _in_flight(sent) < 2 * workers:
            try:
                sent[front] = pool.submit(_in_worker, batch, chunks[front])
            except (BrokenProcessPool, RuntimeError):  # a killed worker; shut down at exit
                _reset()
                break
            front += 1
        if front <= back:
            results[back] = batch(chunks[back])
            back -= 1
    for i, future in sent.items():
        results[i] = _result(future, batch, chunks[i])
    return [value for chunk in results if chunk is not None for value in chunk]


def submit(call: Callable[..., R], *args: Any) -> Future[R] | None:
    """``call(*args)`` in the shared pool if it is running now, else None (the caller runs it).

    For one-off work the caller can do beside its own (the site's article
    pages, the export): it never starts the pool, and never waits for it.
    ``call`` must be a module-level function and ``args`` must pickle.
    """
    with _lock:
        pool = _pool
    if pool is None:
        return None
    try:
        return pool.submit(call, *args)
    except (BrokenProcessPool, RuntimeError):  # a killed worker; shut down at exit
        _reset()
        return None


def _in_flight(sent: dict[int, Future[list[R]]]) -> int:
    return sum(1 for future in sent.values() if not future.done())


def _result(
    future: Future[list[R]], batch: Callable[[Sequence[T]], Sequence[R]], chunk: list[T]
) -> Sequence[R]:
    """A chunk's result from the pool; computed here when the pool broke (a worker was killed)."""
    try:
        return future.result()
    except BrokenProcessPool:
        _reset()
        return batch(chunk)


def _in_worker(batch: Callable[[Sequence[T]], Sequence[R]], chunk: list[T]) -> list[R]:
    """Run one chunk in a worker, then drop the worker's memoised documents.

    A worker sees each article once per map, so keeping their documents
    would only hold memory for the whole life of the pool. The cyclic
    collector is paused meanwhile, as in the main process
    (:mod:`generator.collector`).
    """
    try:
        with paused_collector():
            return list(batch(chunk))
    finally:
        document.cache_clear()


def _context() -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # The server imports the generator once; every worker forked from it has it.
        # The cache too: the chunks that store their results in it name its functions.
        context.set_forkserver_preload(["generator.workers", "generator.cache"])
        return context
    return multiprocessing.get_context("spawn")


def start_pool(workers: int, wait: bool = False) -> None:
    """Start the shared pool of ``workers`` processes in the background.

    Starting a worker blocks until the forkserver has imported the generator,
    so it happens in a thread while the caller goes on with its own work; the
    maps use the pool once it runs. A caller that knows a large batch is
    coming may start it early.

    Args:
        workers: Processes in the pool.
        wait: Return only once the pool runs (or could not be started).
    """
    global _starting
    with _lock:
        if _pool is not None and _pool_size == workers:
            return
        if _starting is None:
            _starting = threading.Thread(target=_start, args=(workers,), daemon=True)
            _starting.start()
        starting = _starting
    if wait:
        starting.join()


def _start(workers: int) -> None:
    global _pool, _pool_size, _starting
    pool = _launched(workers)
    with _lock:
        old, _pool, _pool_size, _starting = _pool, pool, workers, None
    if old is not None:
        old.shutdown(wait=False, cancel_futures=True)


def _launched(workers: int) -> ProcessPoolExecutor | None:
    """A pool whose workers all run; None where processes cannot be started."""
    pool = ProcessPoolExecutor(workers, mp_context=_context())
    try:
        # The first task launches every worker (and, the first time, the forkserver).
        pool.submit(os.getpid).result()
    except (BrokenProcessPool, OSError, RuntimeError):
        # The maps then run in this process.
        pool.shutdown(wait=False, cancel_futures=True)
        return None
    return pool


def _ready_pool(workers: int) -> ProcessPoolExecutor | None:
    """The shared pool of ``workers`` processes if it is running, else None (and start it)."""
    with _lock:
        if _pool is not None and _pool_size == workers:
            return _pool
    start_pool(workers)
    return None


def _reset() -> None:
    """Forget a broken pool; the next map starts a new one."""
    global _pool
    with _lock:
        old, _pool = _pool, None
    if old is not None:
        old.shutdown(wait=False, cancel_futures=True)


@atexit.register
def _shutdown() -> None:
    # A pool still starting is let finish first: workers half started while the
    # interpreter exits would find their queues gone and print tracebacks.
    with _lock:
        starting = _starting
    if starting is not None:
        starting.join()
    with _lock:
        pool = _pool
    if pool is not None:
        pool.shutdown(cancel_futures=True)
