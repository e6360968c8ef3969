"""The cyclic collector is paused during a build and left as it was found."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.collector import paused
from generator.pipeline import Settings, build_corpus
from tests.conftest import FIXTURES, SEEDS


@pytest.fixture
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_paused_turns_the_collector_off_and_back_on() -> None:
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        # The inner use found it off: it leaves it off.
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), paused():
        raise ValueError
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_what_a_paused_body_kept_is_not_walked_by_the_next_young_collection() -> None:
    with paused():
        kept = [[n] for n in range(2_000)]
    # Moved to the oldest generation: the young ones do not hold them, the oldest does.
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(item) in young for item in kept)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in kept)
    assert gc.get_count()[0] < len(kept)


@pytest.mark.usefixtures("collector_on")
def test_a_collector_found_off_stays_off() -> None:
    gc.disable()
    with paused():
        pass
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_on")
@pytest.mark.parametrize("seeds", [SEEDS, FIXTURES / "hostile"])
def test_a_build_leaves_no_cycles_for_the_paused_collector(seeds: Path) -> None:
    # Why pausing is safe: what a build drops is freed by reference counting alone.
    gc.collect()
    gc.disable()  # so that no collection runs before the count below
    build_corpus(Settings(seeds))
    assert gc.collect() == 0
