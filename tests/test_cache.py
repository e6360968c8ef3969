"""The content-keyed cache: same outputs, and only edited seeds recomputed."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import pytest

from generator.cache import STORE_NAME, ContentCache, Packing, build_corpus_cached
from generator.export import corpus_record, dumps
from generator.picklers import Packed
from generator.pipeline import Settings, build_corpus
from generator.site.render import render_site
from generator.workers import process_seed_map, shared_map, start_pool
from tests.conftest import FIXTURES, SEEDS
from tests.synthetic import write_corpus


def outputs(settings: Settings, cache: ContentCache | None) -> dict[str, str]:
    corpus = build_corpus(settings) if cache is None else build_corpus_cached(settings, cache)
    return {**render_site(corpus), "export.json": dumps(corpus_record(corpus))}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


def test_cold_and_warm_cache_give_the_uncached_outputs(seeds: Path, tmp_path: Path) -> None:
    settings = Settings(seeds)
    plain = outputs(settings, None)
    cold = ContentCache(tmp_path / "cache")
    assert outputs(settings, cold) == plain
    assert cold.hits["corpus"] == 0 and cold.misses["read"] == len(list(seeds.glob("0*")))
    warm = ContentCache(tmp_path / "cache")
    assert outputs(settings, warm) == plain
    assert warm.hits["corpus"] == 1 and not warm.misses


def test_an_edited_seed_is_the_only_one_read_again(seeds: Path, tmp_path: Path) -> None:
    settings = Settings(seeds)
    first = ContentCache(tmp_path / "cache")
    outputs(settings, first)
    edited = sorted(seeds.glob("0*"))[1]
    edited.write_text(edited.read_text("utf-8").replace("66", "67"), "utf-8")
    again = ContentCache(tmp_path / "cache")
    assert outputs(settings, again) == outputs(settings, None)
    assert again.misses == {
        "corpus": 1,
        "read": 1,
        "infer": 1,
        "names": 1,
        "prepare": 1,
        "event": 1,
        "features": 1,
    }
    assert again.hits["read"] == len(list(seeds.glob("0*"))) - 1
    # Every other article's part of the comparison, grouping and reuse is read back.
    assert again.hits["prepare"] == first.misses["prepare"] - 1 > 0
    assert again.hits["features"] == first.misses["features"] - 1 > 0


def test_an_edited_seed_compares_only_its_own_event_again(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", 40)
    settings = Settings(seeds)
    first = ContentCache(tmp_path / "cache")
    outputs(settings, first)
    events = first.misses["event"]
    assert events > 5
    edited = seeds / "s00020.txt"
    edited.write_text(edited.read_text("utf-8").rstrip() + " Zqxedited.\n", "utf-8")
    again = ContentCache(tmp_path / "cache")
    assert outputs(settings, again) == outputs(settings, None)
    assert again.misses["event"] == 1 and again.hits["event"] == events - 1
    # Only the edited article is prepared again (this one is undated: it reads its
    # dates against its event's, which did not change); the others are read back.
    assert again.misses["prepare"] == 1 and again.hits["prepare"] == 39
    assert again.misses["features"] == 1 and again.hits["features"] == 39


def test_the_cache_filled_by_two_workers_gives_the_in_process_outputs(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", 40)
    settings = Settings(seeds)
    start_pool(2, wait=True)
    parallel = ContentCache(tmp_path / "cache")
    corpus = build_corpus_cached(settings, parallel, seed_map=process_seed_map(2, min_batch=1))
    plain = outputs(settings, None)
    assert {**render_site(corpus), "export.json": dumps(corpus_record(corpus))} == plain
    # Every article prepared and read for grouping once, every event compared once.
    assert (
        parallel.misses["prepare"] == parallel.misses["features"] == 40
        and parallel.misses["event"] == len(corpus.events.events) > 5
    )
    # Events and preparations written by the workers' results are read back in process.
    edited = seeds / "s00007.md"
    edited.write_text(edited.read_text("utf-8").rstrip() + " Zqxedited.\n", "utf-8")
    again = ContentCache(tmp_path / "cache")
    assert outputs(settings, again) == outputs(settings, None)
    assert again.misses["event"] == again.misses["prepare"] == again.misses["features"] == 1


def test_a_changed_registry_invalidates_inference(seeds: Path, tmp_path: Path) -> None:
    settings = Settings(seeds)
    outputs(settings, ContentCache(tmp_path / "cache"))
    (seeds / "outlets.yml").write_text(
        "outlets:\n  - {name: Sample Wire, domains: [wire.example], aliases: [Sample Wire]}\n",
        "utf-8",
    )
    again = ContentCache(tmp_path / "cache")
    assert outputs(settings, again) == outputs(settings, None)
    assert again.hits["read"] > 0 and again.hits["infer"] == 0


def test_a_changed_actor_registry_extracts_names_again(seeds: Path, tmp_path: Path) -> None:
    settings = Settings(seeds)
    outputs(settings, ContentCache(tmp_path / "cache"))
    registry = seeds / "actors.yml"
    registry.write_text(registry.read_text("utf-8") + "\n# an edit\n", "utf-8")
    same = ContentCache(tmp_path / "cache")
    outputs(settings, same)
    # A comment changes the file, not the registry: the extracts still hold.
    assert same.misses["names"] == 0 and same.hits["names"] > 0
    registry.write_text("actors: []\n", "utf-8")
    again = ContentCache(tmp_path / "cache")
    assert outputs(settings, again) == outputs(settings, None)
    assert again.hits["infer"] > 0 and again.hits["names"] == 0


def test_cache_keys_are_the_same_in_every_interpreter(seeds: Path) -> None:
    # String hashing changes between interpreters; a key must not (sets in settings).
    script = (
        "import sys; from pathlib import Path; from generator.cache import corpus_key; "
        "from generator.pipeline import Settings; print(corpus_key(Settings(Path(sys.argv[1]))))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script, str(seeds)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(keys) == 1


def test_an_unreadable_cache_is_a_miss_and_is_rebuilt(tmp_path: Path) -> None:
    settings = Settings(FIXTURES / "hostile")
    first = ContentCache(tmp_path / "cache")
    plain = outputs(settings, first)
    first.close()  # the last connection to close folds the write-ahead log into the file
    for stored in (tmp_path / "cache").iterdir():
        stored.write_bytes(b"not a database" * 1000)
    again = ContentCache(tmp_path / "cache")
    assert outputs(settings, again) == plain
    assert not again.hits and again.misses["corpus"] == 1
    warm = ContentCache(tmp_path / "cache")
    assert outputs(settings, warm) == plain and warm.hits["corpus"] == 1


def test_a_truncated_cache_is_a_miss(seeds: Path, tmp_path: Path) -> None:
    settings = Settings(seeds)
    cache = ContentCache(tmp_path / "cache")
    plain = outputs(settings, cache)
    cache.close()
    store = tmp_path / "cache" / STORE_NAME
    for extra in ("-wal", "-shm"):
        Path(f"{store}{extra}").unlink(missing_ok=True)
    store.write_bytes(store.read_bytes()[: store.stat().st_size // 2])
    again = ContentCache(tmp_path / "cache")
    assert outputs(settings, again) == plain
    assert again.misses["corpus"] == 1


def stored_values(folder: Path) -> dict[str, object]:
    """Every cache entry under ``folder`` by kind/key, loaded (packed values unpacked)."""
    with sqlite3.connect(folder / STORE_NAME) as db:
        rows = db.execute("SELECT kind, key, value FROM entries ORDER BY kind, key, part")
        blobs: dict[str, bytes] = {}
        for kind, key, blob in rows:
            blobs[f"{kind}/{key}"] = blobs.get(f"{kind}/{key}", b"") + blob
    found: dict[str, object] = {}
    for name, blob in blobs.items():
        value = pickle.loads(blob)
        found[name] = value.get() if isinstance(value, Packed) else value
    return found


def test_workers_results_are_stored_as_this_process_would_store_them(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", 40)
    start_pool(2, wait=True)
    build_corpus_cached(
        Settings(seeds),
        ContentCache(tmp_path / "workers"),
        seed_map=process_seed_map(2, min_batch=1),
    )
    build_corpus_cached(Settings(seeds), ContentCache(tmp_path / "here"))
    in_workers = stored_values(tmp_path / "workers")
    # Every kind, under the same keys, with equal values (the bytes may differ: which
    # equal strings are one object differs between processes).
    assert {path.split("/")[0] for path in in_workers} == {
        "read",
        "infer",
        "names",
        "prepare",
        "features",
        "event",
        "corpus",
    }
    assert in_workers == stored_values(tmp_path / "here")
    # One file holds the cache (with SQLite's write-ahead log beside it).
    assert {p.name for p in (tmp_path / "workers").iterdir()} <= {
        STORE_NAME,
        f"{STORE_NAME}-wal",
        f"{STORE_NAME}-shm",
    }


def _tagged(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(i * 2, os.getpid()) for i in items]


def test_each_process_pickles_the_results_it_computes(tmp_path: Path) -> None:
    start_pool(2, wait=True)
    items = list(range(60))
    # Chunks of 3: the pool takes some from the front, this process the rest from the back.
    packed = shared_map(Packing(_tagged), items, 2, min_batch=1, per_chunk=3)
    values = [cast(tuple[int, int], p.get()) for p in packed]
    assert [doubled for doubled, _ in values] == [i * 2 for i in items]
    assert len({pid for _, pid in values}) > 1
    cache = ContentCache(tmp_path)
    keys = [f"{i:064x}" for i in items]
    assert cache.put_blobs("test", [(k, p.blob()) for k, p in zip(keys, packed, strict=True)])
    # What was sent back is what is stored, byte for byte.
    assert stored_values(tmp_path) == {
        f"test/{k}": p.get() for k, p in zip(keys, packed, strict=True)
    }
    assert ContentCache(tmp_path).get_many("test", keys) == values
