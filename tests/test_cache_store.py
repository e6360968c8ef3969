"""The content cache's storage: atomic, safe across processes, bounded, never a crash."""

from __future__ import annotations

import os
import pickle
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import generator.cache as cache_module
from generator.cache import STORE_NAME, ContentCache


def _key(i: int) -> str:
    return f"{i:064x}"


def test_values_come_back_and_misses_are_counted(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    assert cache.get("test", _key(1)) is None
    cache.put("test", _key(1), {"a": (1, 2)})
    assert ContentCache(tmp_path / "cache").get_many("test", [_key(2), _key(1)]) == [
        None,
        {"a": (1, 2)},
    ]
    assert cache.misses["test"] == 1 and cache.hits["test"] == 0


def test_a_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    (tmp_path / STORE_NAME).write_bytes(b"\x00garbage" * 4096)
    cache = ContentCache(tmp_path)
    assert cache.get("test", _key(1)) is None
    cache.put("test", _key(1), "value")
    assert ContentCache(tmp_path).get("test", _key(1)) == "value"


def test_a_database_of_another_layout_is_rebuilt(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / STORE_NAME) as db:
        db.execute("CREATE TABLE entries (kind, key, value)")
        db.execute("INSERT INTO entries VALUES ('test', ?, ?)", (_key(1), pickle.dumps("stale")))
        db.execute("PRAGMA user_version = 99")
    db.close()
    cache = ContentCache(tmp_path)
    assert cache.get("test", _key(1)) is None
    cache.put("test", _key(1), "fresh")
    assert ContentCache(tmp_path).get("test", _key(1)) == "fresh"


def test_a_value_that_does_not_unpickle_is_a_miss(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path)
    whole = pickle.dumps(list(range(1000)))
    assert cache.put_blobs("test", [(_key(1), whole[: len(whole) // 2]), (_key(2), whole)])
    assert cache.get_many("test", [_key(1), _key(2)]) == [None, list(range(1000))]


def test_large_values_are_stored_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "PART_BYTES", 1000)
    # Parts over this size are written and read in slices (incremental blob I/O).
    monkeypatch.setattr(cache_module, "STREAM_BYTES", 300)
    cache = ContentCache(tmp_path)
    long, short = list(range(5000)), list(range(10))
    cache.put("test", _key(1), long)
    with sqlite3.connect(tmp_path / STORE_NAME) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] > 5
    assert ContentCache(tmp_path).get("test", _key(1)) == long
    assert ContentCache(tmp_path).get_many("test", [_key(2), _key(1)]) == [None, long]
    # A shorter value under the same key leaves none of the longer one's parts.
    cache.put("test", _key(1), short)
    assert ContentCache(tmp_path).get("test", _key(1)) == short
    with sqlite3.connect(tmp_path / STORE_NAME) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 1


def test_a_failed_batch_stores_none_of_its_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ContentCache(tmp_path)
    cache.put("test", _key(0), "kept")
    # The batch fails after its values were inserted (a statement SQLite refuses).
    rows = [(_key(1), pickle.dumps("one")), (_key(2), b"")]
    monkeypatch.setattr(cache_module, "_TRIM", "DELETE FROM no_such_table WHERE ? AND ? AND ?")
    assert not cache.put_blobs("test", rows)
    monkeypatch.undo()
    again = ContentCache(tmp_path)
    assert again.get_many("test", [_key(0), _key(1), _key(2)]) == ["kept", None, None]


_KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
import generator.cache as cache

class Dying(list):
    # Rows handed to SQLite one by one: the process dies in the middle of the batch.
    def __iter__(self):
        for n, row in enumerate(list.__iter__(self)):
            if n == 50:
                os.kill(os.getpid(), signal.SIGKILL)
            yield row

store = cache.ContentCache(Path(sys.argv[1]))
blobs = [(f"{i:064x}", b"x" * 100_000) for i in range(100)]
real = store._write
store._write = lambda kind, rows, ends: real(kind, Dying(rows), ends)
store.put_blobs("test", blobs)
"""


def test_a_writer_killed_half_way_leaves_nothing_half_written(tmp_path: Path) -> None:
    ContentCache(tmp_path).put("test", _key(1000), "before")
    done = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(tmp_path)], check=False)
    assert done.returncode == -signal.SIGKILL
    cache = ContentCache(tmp_path)
    keys = [_key(i) for i in range(100)]
    assert cache.get_many("test", keys) == [None] * 100
    assert cache.get("test", _key(1000)) == "before"
    cache.put("test", _key(1), "after")
    assert ContentCache(tmp_path).get("test", _key(1)) == "after"


_WRITER = """
import sys
from pathlib import Path
from generator.cache import ContentCache

folder, tag = Path(sys.argv[1]), sys.argv[2]
for batch in range(20):
    cache = ContentCache(folder)  # a build opens its own, as the plugin does
    pairs = [(f"{tag}{batch:03d}{i:03d}", (tag, batch, i, "v" * 3000)) for i in range(25)]
    assert cache.put_blobs("test", [(k, __import__("pickle").dumps(v)) for k, v in pairs])
    assert cache.get_many("test", [k for k, _ in pairs]) == [v for _, v in pairs]
"""


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), tag]) for tag in "ab"
    ]
    assert [writer.wait(timeout=300) for writer in writers] == [0, 0]
    cache = ContentCache(tmp_path)
    keys = [f"{t}{b:03d}{i:03d}" for t in "ab" for b in range(20) for i in range(25)]
    values = cache.get_many("test", keys)
    assert values == [(k[0], int(k[1:4]), int(k[4:]), "v" * 3000) for k in keys]


def test_a_locked_database_is_waited_for_then_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ContentCache(tmp_path).put("test", _key(1), "stored")
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_S", 0.05)
    holder = sqlite3.connect(tmp_path / STORE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another build in the middle of a batch
    try:
        cache = ContentCache(tmp_path)
        # Readers never wait (write-ahead log); the write gives up instead of failing the build.
        assert cache.get("test", _key(1)) == "stored"
        assert not cache.put_blobs("test", [(_key(2), pickle.dumps("late"))])
    finally:
        holder.rollback()
        holder.close()
    assert ContentCache(tmp_path).get("test", _key(2)) is None


def test_entries_of_other_code_versions_are_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "CODE_VERSION", "old")
    old = ContentCache(tmp_path)
    old.put_blobs("test", [(_key(i), os.urandom(20_000)) for i in range(200)])
    old.close()
    grown = (tmp_path / STORE_NAME).stat().st_size
    monkeypatch.setattr(cache_module, "CODE_VERSION", "new")
    new = ContentCache(tmp_path)
    new.put("test", _key(1000), "current")
    assert new.get("test", _key(0)) is None
    new.close()
    with sqlite3.connect(tmp_path / STORE_NAME) as db:
        versions = db.execute("SELECT DISTINCT version FROM entries").fetchall()
    assert versions == [("new",)]
    # The freed space goes back: the file holds what the current version wrote.
    assert (tmp_path / STORE_NAME).stat().st_size < grown / 10


def test_a_cache_that_cannot_be_opened_is_always_a_miss(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be", "utf-8")
    cache = ContentCache(blocked)
    assert not cache.put_blobs("test", [(_key(1), pickle.dumps("value"))])
    assert cache.get("test", _key(1)) is None


def test_the_database_is_the_only_file_a_build_leaves(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    cache.put_blobs("test", [(_key(i), pickle.dumps(i)) for i in range(300)])
    cache.close()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [STORE_NAME]


def test_only_the_latest_whole_corpus_results_are_kept(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path)
    kept = cache_module.LATEST_ONLY["corpus"]
    for i in range(kept + 3):
        cache.put("corpus", _key(i), f"corpus {i}")
        cache.put("read", _key(i), f"seed {i}")
    cache.put("corpus", _key(0), "corpus 0 again")  # written again: the latest
    again = ContentCache(tmp_path)
    corpora = again.get_many("corpus", [_key(i) for i in range(kept + 3)])
    assert corpora == ["corpus 0 again"] + [None] * 3 + [f"corpus {i}" for i in range(4, kept + 3)]
    assert None not in again.get_many("read", [_key(i) for i in range(kept + 3)])
