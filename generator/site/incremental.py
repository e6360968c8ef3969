"""``mkdocs serve``: show an edited seed's page first, then catch the whole site up.

After a seed edit, the corpus-wide stages (actor discovery, grouping, text
reuse) must see the whole corpus again, which takes seconds per thousand
articles. Under ``mkdocs serve --dirty`` the plugin therefore answers an edit
in two steps:

1. a *preview*: the edited seeds are read and inferred again and put into the
   previous build's corpus (their ids, events, actors and reuse links are the
   previous build's), and only their article pages are rendered again; every
   other page keeps its previous content, so MkDocs' dirty build rewrites the
   edited pages only;
2. a *catch-up*: the full pipeline and render run in a background thread;
   when they finish the server is asked to rebuild, and that build publishes
   exactly what ``mkdocs build`` would (the pages the preview wrote are
   rendered again even when their content did not change).

A :class:`Snapshot` of the inputs tells which seeds changed since a full build
and whether a finished catch-up still matches the folder.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.cache import file_bytes
from generator.ingest.outlets import OutletRegistry, load_outlet_registry
from generator.ingest.reader import SEED_SUFFIXES, read_seed
from generator.models import Problem
from generator.pipeline import Corpus, Settings, infer_one, with_event_facts
from generator.site.render import render_article_pages
from generator.site.search import SearchEntry, search_entries

#: More edited seeds than this at once: a full rebuild instead of a preview.
MAX_PREVIEW_SEEDS = 20


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the pipeline's output depends on, as digests.

    Attributes:
        seeds: Seed path (relative to the seeds folder) to the digest of its bytes.
        others: Digest of the settings, the registries, the URL ledger and the
            names of every entry in the seeds folder.
    """

    seeds: Mapping[str, str]
    others: str


def take_snapshot(settings: Settings) -> Snapshot:
    """Digest every input of the pipeline (reads each seed once)."""
    seeds: dict[str, str] = {}
    names: list[str] = []
    folder = settings.seeds_dir
    if folder.is_dir() and not folder.is_symlink():
        for top, dirs, files in os.walk(folder):
            rel = os.path.relpath(top, folder).replace(os.sep, "/")
            prefix = "" if rel == "." else f"{rel}/"
            names += [f"{prefix}{name}/" for name in dirs] + [prefix + name for name in files]
            for name in files:
                # The seeds iter_seed_paths yields: visible, with a seed suffix
                # (links too: the reader refuses them with a problem).
                hidden = name.startswith(".") or any(p.startswith(".") for p in prefix.split("/"))
                if not hidden and os.path.splitext(name)[1].lower() in SEED_SUFFIXES:
                    seeds[prefix + name] = hashlib.sha256(file_bytes(Path(top, name))).hexdigest()
    others = hashlib.sha256(repr(settings).encode())
    for extra in (settings.outlets_path(), settings.actors_path(), settings.urls_file):
        others.update(b"\0file\0" + file_bytes(extra))
    for name in sorted(names):
        others.update(b"\0name\0" + name.encode("utf-8", "surrogateescape"))
    return Snapshot(dict(sorted(seeds.items())), others.hexdigest())


def edited_seeds(before: Snapshot, after: Snapshot) -> tuple[str, ...] | None:
    """Seeds whose bytes changed, when nothing else did; None when more than seed text changed.

    Added, removed or renamed seeds and edited registries change ids, events
    and listings everywhere: those need a full build.
    """
    if before.others != after.others or before.seeds.keys() != after.seeds.keys():
        return None
    return tuple(rel for rel, digest in after.seeds.items() if before.seeds[rel] != digest)


@dataclass(frozen=True, slots=True)
class Built:
    """One build's corpus and pages, with the inputs they were made from.

    Attributes:
        snapshot: The inputs.
        corpus: The pipeline's output.
        pages: Generated source path to content (HTML).
        search: How each generated page is indexed.
        key: The corpus's cache key, when it was built with a cache.
    """

    snapshot: Snapshot
    corpus: Corpus
    pages: Mapping[str, str]
    search: Mapping[str, SearchEntry]
    key: str | None = None


def preview(
    base: Built,
    settings: Settings,
    edited: tuple[str, ...],
    snapshot: Snapshot,
    directory_urls: bool = True,
) -> Built | None:
    """``base`` with the edited seeds read again and their article pages rendered again.

    Args:
        base: The last full build.
        settings: Where the seeds are.
        edited: Seed paths (relative to the seeds folder) whose text changed.
        snapshot: The inputs now.
        directory_urls: MkDocs' ``use_directory_urls`` (the pages' links depend on it).

    Returns:
        The preview, or None when an edited seed cannot be previewed (it no
        longer reads as an article, it had none, or strict mode is on); the
        caller then builds in full.
    """
    if settings.strict or not edited or len(edited) > MAX_PREVIEW_SEEDS:
        return None
    corpus = base.corpus
    by_file = {a.file: a for a in corpus.articles}
    outlets = _outlets(settings.outlets_path(), snapshot.others)
    replaced = {}
    problems: list[Problem] = []
    for rel in edited:
        old = by_file.get(rel)
        if old is None:
            return None
        raw, read_problems = read_seed(settings.seeds_dir / rel, settings.seeds_dir)
        if raw is None:
            return None
        article, found = infer_one(dataclasses.replace(raw, id=old.id), outlets)
        if article is None:
            return None
        replaced[rel] = with_event_facts(article, corpus.events)
        problems += read_problems + found
    kept = [p for p in corpus.problems if p.file not in replaced]
    corpus = dataclasses.replace(
        corpus,
        articles=tuple(replaced.get(a.file, a) for a in corpus.articles),
        problems=tuple(sorted(kept + problems, key=lambda p: (p.file, p.line, p.code, p.message))),
    )
    pages = dict(base.pages)
    pages.update(render_article_pages(corpus, {a.id for a in replaced.values()}, directory_urls))
    return Built(snapshot, corpus, pages, search_entries(corpus))


class CatchUp:
    """At most one full build at a time in a background thread.

    Args:
        compute: Builds in full from the folder as it is (pure apart from the cache).
        finished: Called from the thread when a build is ready (the plugin asks
            the server to rebuild).
    """

    def __init__(self, compute: Callable[[], Built | None], finished: Callable[[], None]) -> None:
        self._compute = compute
        self._finished = finished
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._result: Built | None = None

    def start(self) -> None:
        """Start a full build unless one is running (its result is checked against the folder)."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            # A daemon thread: stopping `mkdocs serve` does not wait for a build nobody will see.
            self._thread = threading.Thread(target=self._run, name="briefing-catch-up", daemon=True)
            self._thread.start()

    def take(self) -> Built | None:
        """The last finished build, once (None when none finished since the last call)."""
        with self._lock:
            result, self._result = self._result, None
            return result

    def running(self) -> bool:
        """Whether a build is under way."""
        with self._lock:
            return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        built = self._compute()
        with self._lock:
            if built is not None:
                self._result = built
        self._finished()


def prepare(settings: Settings, snapshot: Snapshot) -> None:
    """Parse what a preview needs now, after a full build, so the first edit need not wait."""
    _outlets(settings.outlets_path(), snapshot.others)


@functools.lru_cache(maxsize=2)
def _outlets(path: Path, inputs: str) -> OutletRegistry:
    """The outlet registry, parsed once per set of inputs (``inputs`` holds its bytes' digest)."""
    return load_outlet_registry(path)[0]
