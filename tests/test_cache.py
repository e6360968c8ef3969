"""The content-keyed cache: same outputs, and only edited seeds recomputed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cache import ContentCache, build_corpus_cached
from generator.export import corpus_record, dumps
from generator.pipeline import Settings, build_corpus
from generator.site.render import render_site
from generator.workers import process_seed_map, start_pool
from tests.conftest import FIXTURES, SEEDS, make_project
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


def test_an_unreadable_cache_file_is_a_miss(tmp_path: Path) -> None:
    settings = Settings(FIXTURES / "hostile")
    cache = ContentCache(tmp_path / "cache")
    plain = outputs(settings, cache)
    for stored in (tmp_path / "cache").rglob("*"):
        if stored.is_file():
            stored.write_bytes(b"not a pickle")
    assert outputs(settings, ContentCache(tmp_path / "cache")) == plain


def unstable(path: str) -> bool:
    """Pagefind files that differ between two runs on the same input.

    Pagefind writes its filter and metadata indexes (and so the entry file that
    names them) in hash-map order: Pagefind/pagefind#638. Its fragments and
    word index, which hold the text, are stable and are compared.
    """
    return path.startswith("pagefind/filter/") or (
        path.startswith("pagefind/") and path.endswith((".pf_meta", "pagefind-entry.json"))
    )


@pytest.mark.slow
def test_the_built_site_is_byte_identical_with_and_without_cache(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS)
    sites = {}
    for name, option in [("plain", '""'), ("cold", ".cache/b"), ("warm", ".cache/b")]:
        config = (project / "mkdocs.yml").read_text("utf-8")
        config = config.replace(
            "      seeds: seeds\n", f"      seeds: seeds\n      cache_dir: {option}\n"
        )
        (project / f"{name}.yml").write_text(config, "utf-8")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"{name}.yml", "-d", name],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=True,
        )
        sites[name] = {
            p.relative_to(project / name).as_posix(): p.read_bytes()
            for p in sorted((project / name).rglob("*"))
            if p.is_file() and not unstable(p.relative_to(project / name).as_posix())
        }
    assert (project / ".cache" / "b" / "corpus").is_dir()
    assert sites["plain"].keys() == sites["warm"].keys()
    different = [k for k in sites["plain"] if sites["plain"][k] != sites["warm"][k]]
    assert different == []
    assert sites["cold"] == sites["warm"]
