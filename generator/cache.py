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

The values live in one SQLite database in that folder (:class:`ContentCache`):
a cold build of a few thousand articles writes one file, not one per value,
and a change of the code deletes the entries of the old one. It is trusted
like the source tree it sits in (it holds pickles): the folder is the
project's own, never downloaded. A database that cannot be read (not one,
corrupt, another layout) is made again; a value that cannot be unpickled
(another Python) is a miss. Either way the value is computed again.

When a map runs in worker processes, each result is pickled by the process
that computed it (:class:`Packing`) and sent back as those bytes; this
process stores each batch as it is in one transaction and unpickles it once
to use. Storing from the workers instead (a transaction per chunk, two
processes queueing for the database's lock) was measured at 1.2 to 1.8 times
the CPU of one transaction per batch here, which is ~0.17 s for the 1,770
values (28 MB) of a cold build of 339 articles; one file per value took
0.8 to 2 s.
"""

from __future__ import annotations

import atexit
import copyreg
import dataclasses
import hashlib
import logging
import os
import pickle
import sqlite3
import threading
import weakref
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
log = logging.getLogger("mkdocs.plugins.briefing")
_PACKAGE = Path(generator.__file__).resolve().parent
# What loading a damaged or foreign pickle raises (another Python, older classes, cut short).
_UNREADABLE = (
    EOFError,
    pickle.UnpicklingError,
    AttributeError,
    ImportError,
    TypeError,
    ValueError,
    IndexError,
    KeyError,
)


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
    """Pickled values in one SQLite database, ``folder/`` :data:`STORE_NAME`.

    One table maps (kind, key) to the value's pickle; the current
    :data:`CODE_VERSION` is kept beside each entry. Every value enters
    through :meth:`put_blobs`, one transaction per batch, in this process
    (worker processes only pickle what they computed, :class:`Packing`).

    - Atomic: a value is visible whole once its transaction commits, never in
      part; a writer killed half-way leaves a transaction SQLite rolls back.
    - Concurrent builds: the database is in WAL mode, so readers never wait;
      writers queue for up to :data:`BUSY_TIMEOUT_S`, after which the batch is
      not stored (a later build computes it again).
    - Robust: a file that is not a database, is corrupt, or holds another
      :data:`STORE_FORMAT` is emptied and rebuilt; a value that does not
      unpickle is a miss. Nothing the cache holds can fail a build.
    - Bounded: the first connection of a new :data:`CODE_VERSION` deletes the
      entries of every other version (keys include the version, so none of
      them could ever be read again), and the freed pages return to the file
      system; of the whole-corpus results (:data:`LATEST_ONLY`), only the
      latest few are kept.

    Args:
        folder: The cache folder (created on the first use).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self._lock = threading.Lock()  # the plugin reads and saves from two threads
        self._connection: sqlite3.Connection | None = None
        self._unusable = False
        _open_caches.add(self)

    @property
    def path(self) -> Path:
        """The database file."""
        return self.folder / STORE_NAME

    def get(self, kind: str, key: str) -> object | None:
        """The stored value, or None on a miss (or an unreadable entry)."""
        return self.get_many(kind, [key])[0]

    def get_many(self, kind: str, keys: Sequence[str]) -> list[object | None]:
        """The stored value of each key in order, None for each miss."""
        blobs = self._read(kind, keys)
        values: list[object | None] = []
        for key in keys:
            blob = blobs.get(key)
            value: object | None = None
            if blob is not None:
                try:
                    value = pickle.loads(blob)
                except _UNREADABLE:  # written by another Python, or by older classes
                    value = None
            if value is None:
                self.misses[kind] += 1
            else:
                self.hits[kind] += 1
            values.append(value)
        return values

    def put(self, kind: str, key: str, value: object) -> None:
        """Store ``value`` under ``key`` (see :meth:`put_blobs`)."""
        self.put_blobs(kind, [(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))])

    def put_blobs(self, kind: str, entries: Sequence[tuple[str, bytes]]) -> bool:
        """Store pickled values, all in one transaction: the one way into the cache.

        A value longer than :data:`PART_BYTES` is stored in parts (SQLite caps
        a blob at 1 GB), in the same transaction.

        Args:
            kind: What the values are ("names", "event", ...).
            entries: (key, the value's pickle) pairs.

        Returns:
            Whether they were stored (not when the database stayed locked by
            another build, or cannot be written).
        """
        rows = [
            (kind, key, part, CODE_VERSION, memoryview(blob)[start : start + PART_BYTES])
            for key, blob in entries
            for part, start in enumerate(range(0, max(len(blob), 1), PART_BYTES))
        ]
        ends = [(kind, key, -(-max(len(blob), 1) // PART_BYTES)) for key, blob in entries]
        return self._write(kind, rows, ends)

    def close(self) -> None:
        """Close the database (it is opened again on the next use)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _read(self, kind: str, keys: Sequence[str]) -> dict[str, bytes]:
        parts: dict[str, list[bytes]] = {}
        with self._lock:
            for start in range(0, len(keys), _PER_QUERY):
                chunk = keys[start : start + _PER_QUERY]
                query = (
                    "SELECT key, rowid, CASE WHEN length(value) <= ? THEN value END "
                    "FROM entries WHERE kind = ? AND key IN "
                    f"({', '.join('?' * len(chunk))}) ORDER BY key, part"
                )
                found = self._run(partial(_fetch, query, (STREAM_BYTES, kind, *chunk)))
                for key, blob in found or ():
                    parts.setdefault(key, []).append(blob)
        return {key: b"".join(blobs) for key, blobs in parts.items()}

    def _write(
        self, kind: str, rows: list[tuple[Any, ...]], ends: list[tuple[str, str, int]]
    ) -> bool:
        def write(db: sqlite3.Connection) -> bool:
            # IMMEDIATE takes the write lock now: waiting for it honours the busy timeout.
            db.execute("BEGIN IMMEDIATE")
            try:
                # A generator: rows are bound one by one, as SQLite takes them.
                db.executemany(_INSERT, (row for row in rows if len(row[4]) <= STREAM_BYTES))
                for row in rows:
                    if len(row[4]) > STREAM_BYTES:
                        _write_streamed(db, row)
                db.executemany(_TRIM, ends)  # parts left by a longer value under the same key
                if kind in LATEST_ONLY:
                    db.execute(_OLDER, {"kind": kind, "kept": LATEST_ONLY[kind]})
            except BaseException:
                db.rollback()
                raise
            db.commit()
            return True

        with self._lock:
            return self._run(write) is True

    def _run(self, operation: Callable[[sqlite3.Connection], T]) -> T | None:
        """``operation`` on the database; None when the cache cannot be used.

        A corrupt database is deleted and made again once; one that stays
        locked, or cannot be opened, turns the cache off for this object.
        """
        for attempt in (1, 2):
            db = self._open()
            if db is None:
                return None
            try:
                return operation(db)
            except sqlite3.DatabaseError as error:
                if _corrupt(error) and attempt == 1:
                    self._discard()
                    continue
                log.warning("briefing: content cache %s not used (%s)", self.path, error)
                return None
        return None

    def _open(self) -> sqlite3.Connection | None:
        if self._connection is not None or self._unusable:
            return self._connection
        for attempt in (1, 2):
            try:
                self._connection = _connect(self.path)
                return self._connection
            except sqlite3.DatabaseError as error:
                if _corrupt(error) and attempt == 1:
                    self._discard()
                    continue
                log.warning("briefing: content cache %s not used (%s)", self.path, error)
            except OSError as error:  # the folder cannot be made
                log.warning("briefing: content cache %s not used (%s)", self.path, error)
                break
        self._unusable = True
        return None

    def _discard(self) -> None:
        """Delete a corrupt database, its WAL and shared memory: the next use makes a new one."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        log.warning("briefing: content cache %s is corrupt; starting afresh", self.path)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


#: The database's file name in the cache folder.
STORE_NAME = "cache.sqlite"

#: Layout of the database; a file with another (or none) is rebuilt.
STORE_FORMAT = 1

#: How long a write waits for another build's transaction before giving up.
BUSY_TIMEOUT_S = 60.0

#: Largest part a value is stored in (SQLite refuses blobs over 1 GB).
PART_BYTES = 256 * 1024 * 1024

#: Kinds that hold a whole corpus's result (megabytes each, one more per edit under
#: ``mkdocs serve``): only the values last written, this many, are kept.
LATEST_ONLY: Mapping[str, int] = MappingProxyType({"corpus": 4, "pages": 4})

#: Values longer than this are written and read in slices of this size, through
#: SQLite's incremental blob I/O (a bound or selected blob is copied whole twice).
STREAM_BYTES = 1024 * 1024

# Keys per SELECT (SQLite allows 32,766 parameters).
_PER_QUERY = 500

_SCHEMA = (
    # A plain rowid table: values are large, so they stay out of the key's index.
    "CREATE TABLE entries (kind TEXT NOT NULL, key TEXT NOT NULL, part INTEGER NOT NULL, "
    "version TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (kind, key, part))",
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
_INSERT = "INSERT OR REPLACE INTO entries (kind, key, part, version, value) VALUES (?, ?, ?, ?, ?)"
_INSERT_EMPTY = (
    "INSERT OR REPLACE INTO entries (kind, key, part, version, value) "
    "VALUES (?, ?, ?, ?, zeroblob(?))"
)
_TRIM = "DELETE FROM entries WHERE kind = ? AND key = ? AND part >= ?"
# A replaced row gets a new, larger rowid: the largest rowids are the latest writes.
_OLDER = (
    "DELETE FROM entries WHERE kind = :kind AND key NOT IN (SELECT key FROM entries "
    "WHERE kind = :kind GROUP BY key ORDER BY max(rowid) DESC LIMIT :kept)"
)


# Closed at exit: the last connection to close folds the write-ahead log into the
# database, so a build leaves one file (what CI's cache step saves).
_open_caches: weakref.WeakSet[ContentCache] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for cache in list(_open_caches):
        cache.close()


def _fetch(
    query: str, parameters: tuple[str | int, ...], db: sqlite3.Connection
) -> list[tuple[str, bytes]]:
    """(key, part's bytes) rows of ``query``, large parts streamed, all from one snapshot."""
    db.execute("BEGIN")  # a read transaction: rows replaced meanwhile stay as they were
    try:
        return [
            (key, small if small is not None else _read_streamed(db, rowid))
            for key, rowid, small in db.execute(query, parameters).fetchall()
        ]
    finally:
        db.rollback()


def _read_streamed(db: sqlite3.Connection, rowid: int) -> bytes:
    # Read into one buffer: a selected value would be copied twice (SQLite's, then Python's).
    with db.blobopen("entries", "value", rowid, readonly=True) as blob:
        return blob.read()


def _write_streamed(db: sqlite3.Connection, row: tuple[Any, ...]) -> None:
    """Insert ``row`` with its value written in slices: a bound blob is copied twice."""
    kind, key, part, version, value = row
    cursor = db.execute(_INSERT_EMPTY, (kind, key, part, version, len(value)))
    assert cursor.lastrowid is not None  # an INSERT always has one
    with db.blobopen("entries", "value", cursor.lastrowid) as blob:
        for start in range(0, len(value), STREAM_BYTES):
            blob.write(value[start : start + STREAM_BYTES])


def _connect(path: Path) -> sqlite3.Connection:
    """An open database in the current format, holding only this code version's entries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Autocommit (isolation_level None): transactions are explicit, one per batch.
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        # WAL: readers never block and are never blocked; NORMAL: no fsync per commit,
        # still atomic (a crash loses at most the last batches, which are recomputed).
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA journal_size_limit = {64 * 1024 * 1024}")
        (format_,) = db.execute("PRAGMA user_version").fetchone()
        if format_ != STORE_FORMAT:
            _create(db)
        row = db.execute("SELECT value FROM meta WHERE name = 'code_version'").fetchone()
        if row is None or row[0] != CODE_VERSION:
            _prune(db)
    except BaseException:
        db.close()
        raise
    return db


def _create(db: sqlite3.Connection) -> None:
    """Make the tables (dropping another format's), unless a concurrent build just did."""
    db.execute("BEGIN IMMEDIATE")
    try:
        (format_,) = db.execute("PRAGMA user_version").fetchone()
        if format_ != STORE_FORMAT:
            for table in ("entries", "meta"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _SCHEMA:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {STORE_FORMAT}")
    except BaseException:
        db.rollback()
        raise
    db.commit()


def _prune(db: sqlite3.Connection) -> None:
    """Delete the entries of other code versions (no key of this version names them)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM entries WHERE version != ?", (CODE_VERSION,))
        db.execute(
            "INSERT OR REPLACE INTO meta (name, value) VALUES ('code_version', ?)", (CODE_VERSION,)
        )
    except BaseException:
        db.rollback()
        raise
    db.commit()
    try:
        # The file then shrinks to what this version holds (rewritten once per code change).
        db.execute("VACUUM")
    except sqlite3.OperationalError as error:  # another build is reading: the pages are reused
        log.info("briefing: content cache not compacted (%s)", error)


def _corrupt(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite found the file damaged or not a database at all."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


@dataclass(frozen=True, slots=True)
class Packing:
    """A batch function whose results are pickled in the process that computed them.

    The cache hands it to a :class:`~generator.workers.SharedBatch`, which runs
    it on chunks of items in the worker processes and this one: a worker
    pickles each result once and sends those bytes (a
    :class:`~generator.picklers.Packed`), which this process stores as they are
    (:meth:`ContentCache.put_blobs`) and unpickles once to use.

    Attributes:
        batch: The map's batch function (items → results, in order).
    """

    batch: Callable[[Sequence[Any]], Sequence[object]]

    def __call__(self, items: Sequence[Any]) -> list[Packed[object]]:
        """Each item's result, packed as the bytes to store."""
        packed = [Packed(value) for value in self.batch(items)]
        for made in packed:
            made.blob()  # pickled here, where it was computed
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
    processes (:class:`~generator.workers.SharedBatch`), each result is pickled
    by the process that computed it (:class:`Packing`); otherwise here. Either
    way the batch is stored here, in one transaction.
    """
    found = cache.get_many(kind, keys)
    missing = [i for i, value in enumerate(found) if value is None]
    if not missing:
        return found
    if isinstance(compute, SharedBatch):
        packed = compute.wrapped(Packing, [items[i] for i in missing], *args)
    else:
        packed = [Packed(value) for value in compute([items[i] for i in missing], *args)]
    cache.put_blobs(kind, [(keys[i], made.blob()) for i, made in zip(missing, packed, strict=True)])
    for i, made in zip(missing, packed, strict=True):
        found[i] = made.get()
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
