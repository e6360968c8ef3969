"""A cache keyed by content: unchanged inputs are never recomputed.

Two levels, both stored as pickles under a git-ignored folder
(``.cache/briefing`` next to ``mkdocs.yml`` by default):

- per seed, the reading (:func:`generator.ingest.reader.read_seed`) keyed by the
  seed's path and bytes, and the inference
  (:func:`generator.ingest.extract.infer_article`) keyed by the decoded seed and the
  outlet registry's bytes;
- per article, what the actor analysis reads from it
  (:func:`generator.actors.extract.extract_names`) keyed by its body and the
  actor registry: the corpus-wide merge of actors then works on offsets;
- per article, what the comparison of its event reads from it alone
  (:func:`generator.events.prepare.prepare_packed`: dates, claims, comparable
  sentences, quotations) keyed by the article and the date it reads its dates
  against (its own, or its event's latest when it is undated);
- per event, the comparison of its reports
  (:func:`generator.events.analyse.analyse_job`) keyed by its members (their
  content and dates) and the names, places and reuse links among them: after
  one seed is edited, only the event(s) it belongs to are compared again, and
  only the edited article is prepared again;
- per article, what grouping and text reuse read from it alone
  (:func:`generator.events.features.article_features`: sentences, names,
  signatures) keyed by the article;
- per corpus, the finished :class:`~generator.pipeline.Corpus`, keyed by every
  seed's path and bytes, both registries and the settings.

Every key also holds :data:`CODE_VERSION`, a hash of the generator's own
source, templates and data: changing the code invalidates everything, so a
cached result is always what the current code would compute (a test checks
the outputs are byte-identical with and without the cache).

Cache files are trusted like the source tree they sit in (they are pickles):
the folder is the project's own, never downloaded. A file that cannot be read
back (half written, truncated, from another Python) is treated as a miss and
rewritten; files are written to a temporary name and renamed, so a reader
never sees half of one.

When a map runs in worker processes, each result is stored by the process
that computed it (:class:`Storing`): it pickles the result once, writes
those bytes and sends the same bytes back, so the main process only looks
keys up and reads the results.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import generator
from generator.actors.extract import ArticleNames
from generator.actors.records import ActorRegistry
from generator.collector import paused as paused_collector
from generator.events import Event
from generator.events.analyse import EventJob
from generator.events.features import ArticleFeatures
from generator.events.prepare import Prepared, ToPrepare
from generator.ingest.outlets import OutletRegistry
from generator.ingest.reader import iter_seed_paths
from generator.models import Article, RawSeed
from generator.picklers import Packed
from generator.picklers import register as register_records
from generator.pipeline import (
    IN_PROCESS,
    Corpus,
    InferResult,
    Progress,
    ReadResult,
    SeedMap,
    Settings,
    build_corpus,
)
from generator.workers import SharedBatch

T = TypeVar("T")
_PACKAGE = Path(generator.__file__).resolve().parent
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError)


def _proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


def _reduce_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return _proxy, (dict(proxy),)


# Reports expose read-only views (MappingProxyType), which pickle refuses.
copyreg.pickle(MappingProxyType, _reduce_proxy)
# The records written here pickle as class and field values (twice as fast).
register_records()


def _code_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".yml", ".yaml", ".json"}:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


#: Hash of the generator's source, templates and data files.
CODE_VERSION = _code_version()


def content_key(*parts: bytes | str) -> str:
    """Key of a value computed from ``parts`` by the current code (:data:`CODE_VERSION`)."""
    return _key(*parts)


def _key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(CODE_VERSION.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def canonical(value: object) -> str:
    """A repr that is the same in every process: sets and mappings in sorted order.

    ``repr`` of a frozenset follows string hashing, which changes from one
    interpreter to the next; a key made from it would never hit across builds.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = ", ".join(
            f"{f.name}={canonical(getattr(value, f.name))}" for f in dataclasses.fields(value)
        )
        return f"{type(value).__qualname__}({inner})"
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(canonical(v) for v in value)) + "}"
    if isinstance(value, Mapping):
        items = sorted(f"{canonical(k)}: {canonical(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "(" + ", ".join(canonical(v) for v in value) + ")"
    return repr(value)


def file_bytes(path: Path | None) -> bytes:
    """A file's bytes, or a marker when it is absent or unreadable (also a valid key)."""
    if path is None:
        return b"\0none"
    try:
        return path.read_bytes()
    except OSError:
        return b"\0unreadable"


class ContentCache:
    """Pickled values under ``folder/<kind>/<key[:2]>/<key>``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()

    def _path(self, kind: str, key: str) -> Path:
        return entry_path(self.folder, kind, key)

    def get(self, kind: str, key: str) -> object | None:
        """The stored value, or None on a miss (or an unreadable file)."""
        try:
            value: object = pickle.loads(self._path(kind, key).read_bytes())
        except _UNREADABLE:
            self.misses[kind] += 1
            return None
        self.hits[kind] += 1
        return value

    def put(self, kind: str, key: str, value: object) -> None:
        """Store ``value`` atomically (a concurrent reader never sees half a file)."""
        write_entry(self.folder, kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def entry_path(folder: Path, kind: str, key: str) -> Path:
    """Where the value of ``kind`` stored under ``key`` is."""
    return folder / kind / key[:2] / key


def write_entry(folder: Path, kind: str, key: str, blob: bytes) -> None:
    """Store a value's pickle atomically: written to a temporary file, then renamed.

    A concurrent reader (another build, another worker) sees the old file, the
    new one, or none, never half of one; a writer killed half-way leaves only a
    temporary file, which no key names.

    Args:
        folder: The cache folder.
        kind: What the value is ("names", "event", ...).
        key: Its key.
        blob: Its pickle.
    """
    path = entry_path(folder, kind, key)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except FileNotFoundError:  # the first value under this prefix
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with open(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class Storing:
    """A batch function that stores each result under its key, in the process that made it.

    The cache hands it to a :class:`~generator.workers.SharedBatch`, which runs
    it on chunks of (key, item) pairs in the worker processes and this one: a
    worker pickles each result once, writes those bytes to the cache and sends
    the same bytes back (a :class:`~generator.picklers.Packed`), so this
    process neither pickles nor writes what the workers computed.

    Attributes:
        batch: The map's batch function (items → results, in order).
        folder: The cache folder.
        kind: What the results are.
    """

    batch: Callable[[Sequence[Any]], Sequence[object]]
    folder: Path
    kind: str

    def __call__(self, pairs: Sequence[tuple[str, Any]]) -> list[Packed[object]]:
        """Each item's result, stored under the item's key and packed as the bytes stored."""
        results = self.batch([item for _, item in pairs])
        packed: list[Packed[object]] = []
        for (key, _), value in zip(pairs, results, strict=True):
            made = Packed(value)
            write_entry(self.folder, self.kind, key, made.blob())
            packed.append(made)
        return packed


def cached_seed_map(cache: ContentCache, settings: Settings, inner: SeedMap) -> SeedMap:
    """Wrap ``inner`` so that seeds, articles and events seen before are not computed again."""
    outlets = _key("outlets", file_bytes(settings.outlets_path()))

    def read(paths: Iterable[Path], seeds_dir: Path) -> list[ReadResult]:
        ordered = list(paths)
        keys = [_key("read", p.relative_to(seeds_dir).as_posix(), file_bytes(p)) for p in ordered]
        return _through(cache, "read", keys, ordered, inner.read, seeds_dir)

    def infer(raws: Sequence[RawSeed], registry: OutletRegistry) -> list[InferResult]:
        keys = [_key("infer", outlets, pickle.dumps(raw, protocol=5)) for raw in raws]
        return _through(cache, "infer", keys, raws, inner.infer, registry)

    def names(articles: Sequence[Article], registry: ActorRegistry) -> list[ArticleNames]:
        # An extract depends on the body, where it starts and the registry only.
        known = _key("registry", canonical(registry))
        keys = [_key("names", known, str(a.body_line), a.body) for a in articles]
        return _through(cache, "names", keys, articles, inner.names, registry)

    def prepare(items: Sequence[ToPrepare]) -> list[Packed[Prepared]]:
        # What an article's comparison reads depends on it and its reference date alone.
        keys = [_key("prepare", repr(item)) for item in items]
        return _through(cache, "prepare", keys, items, inner.prepare)

    def events(jobs: Sequence[EventJob]) -> list[Event]:
        # repr, not pickle: a pickle's bytes depend on which equal strings are one object,
        # which differs between a fresh run and one that read its articles from the cache.
        keys = [_key("event", job.key()) for job in jobs]
        return _through(cache, "event", keys, jobs, inner.events)

    def features(articles: Sequence[Article]) -> list[Packed[ArticleFeatures]]:
        # What grouping and reuse read from an article depends on the article alone.
        keys = [_key("features", repr(article)) for article in articles]
        return _through(cache, "features", keys, articles, inner.features)

    return SeedMap(
        read=read, infer=infer, names=names, prepare=prepare, events=events, features=features
    )


def _through(
    cache: ContentCache,
    kind: str,
    keys: Sequence[str],
    items: Sequence[T],
    compute: Callable[..., Sequence[object]],
    *args: object,
) -> list[Any]:
    """Values for ``items`` from the cache; the missing ones computed in one batch and stored.

    ``compute(missing, *args)`` is the inner map. When it is shared with worker
    processes (:class:`~generator.workers.SharedBatch`), each result is stored by
    the process that computed it (:class:`Storing`); otherwise here.
    """
    found = [cache.get(kind, key) for key in keys]
    missing = [i for i, value in enumerate(found) if value is None]
    if not missing:
        return found
    if isinstance(compute, SharedBatch):
        store = partial(Storing, folder=cache.folder, kind=kind)
        pairs = [(keys[i], items[i]) for i in missing]
        for i, packed in zip(missing, compute.wrapped(store, pairs, *args), strict=True):
            found[i] = packed.get()
        return found
    fresh = compute([items[i] for i in missing], *args)
    for i, value in zip(missing, fresh, strict=True):
        found[i] = value
        cache.put(kind, keys[i], value)
    return found


def corpus_key(settings: Settings) -> str:
    """Key of a whole corpus: every seed's path and bytes, registries, settings."""
    parts: list[bytes | str] = [
        "corpus",
        canonical(settings),
        file_bytes(settings.outlets_path()),
        file_bytes(settings.actors_path()),
        # The URL ledger decides ids, and files that are not seeds still get problems.
        file_bytes(settings.urls_file),
        "\0".join(sorted(_every_entry(settings.seeds_dir))),
    ]
    for path in iter_seed_paths(settings.seeds_dir):
        parts += [path.relative_to(settings.seeds_dir).as_posix(), file_bytes(path)]
    return _key(*parts)


def _every_entry(folder: Path) -> list[str]:
    """Every name under ``folder`` (hidden files and links too), relative to it."""
    found: list[str] = []
    for top, dirs, names in os.walk(folder):
        rel = Path(top).relative_to(folder).as_posix()
        found += [f"{rel}/{name}" for name in (*dirs, *names)]
    return found


def _no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    return items


def build_corpus_cached(
    settings: Settings,
    cache: ContentCache,
    progress: Progress[Path] = _no_progress,
    seed_map: SeedMap = IN_PROCESS,
) -> Corpus:
    """:func:`~generator.pipeline.build_corpus`, from the cache when nothing changed.

    An unchanged corpus is loaded whole; otherwise only new or edited seeds
    are read and inferred, and the corpus-wide analysis (actors, events) runs
    again over all of them.
    """
    key = corpus_key(settings)
    with paused_collector():  # as build_corpus does: loading and storing allocate as much
        stored = cache.get("corpus", key)
        if isinstance(stored, Corpus):
            return stored
        corpus = build_corpus(settings, progress, cached_seed_map(cache, settings, seed_map))
        cache.put("corpus", key, corpus)
    return corpus
