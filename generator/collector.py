"""Python's cyclic garbage collector, paused while the pipeline builds its records.

The pipeline allocates millions of small objects (sentences, units, claims,
mentions) and keeps most of them: every so many allocations the collector
walks the objects alive to look for unreachable cycles, and on a growing heap
those walks cost about a fifth of the pipeline's CPU (dev-events, one
process: 17-18 s with the collector, 14 s without). The pipeline makes no
cycles of its own (a collection after a build finds nothing), so nothing
waits for the collector: reference counting frees everything else as before.
Pausing it changes no value, only when a cycle (there are none) would be
freed: at the next collection after the build.

While paused, every object the build allocates still joins the youngest
generation, so the first allocation after the collector is back on set off
a collection that walked them all (0.15 s of main-process CPU after a
dev-events build, a serial cost whatever the number of workers), then again
at the middle generation's turn. They are moved to the oldest generation
instead before it is turned back on (``gc.freeze()`` then ``gc.unfreeze()``,
which only relinks lists), where a full collection examines them as it
would have in the end: nothing is left uncollected, only not re-walked.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the body with the cyclic collector off, then restore it as it was.

    Nested or concurrent uses (``mkdocs serve`` rebuilds from a thread) leave it
    as the outermost found it: only a use that found it on turns it back on.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            # What the build kept joins the oldest generation (see the module's docstring).
            gc.freeze()
            gc.unfreeze()
            gc.enable()
