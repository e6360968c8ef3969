"""Records pickled as class and field values load as equal records (generator.picklers)."""

from __future__ import annotations

import copyreg
import datetime as dt
import io
import pickle
import sqlite3
from pathlib import Path

from generator.cache import ContentCache, build_corpus_cached
from generator.events.document import Doc
from generator.events.prepare import Prepared, ToPrepare, prepare_each, prepare_packed
from generator.events.slotunits import Unit
from generator.picklers import MODULES, Packed, rebuildable, register
from generator.pipeline import Settings
from tests.conftest import SEEDS
from tests.factories import make_article

BODY = (
    "Police said 12 people were killed in the blast in Lowtown on Tuesday.\n\n"
    '"We will rebuild the market and we will not be afraid," the mayor said.'
)


def test_registered_records_round_trip_equal() -> None:
    assert register() > 20
    assert Unit in copyreg.dispatch_table and Prepared in copyreg.dispatch_table
    article = make_article("a", BODY, date="2024-03-05")
    (ready,) = prepare_each([ToPrepare(article, dt.date(2024, 3, 5), False)])
    again = pickle.loads(pickle.dumps(ready, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == ready and isinstance(again.doc, Doc)
    assert again.doc.article == article


def test_records_that_check_or_hide_fields_are_left_to_pickle() -> None:
    from generator.actors.records import ActorReport

    # The report builds an index in __post_init__, in a field outside __init__.
    assert not rebuildable(ActorReport)
    assert ActorReport not in copyreg.dispatch_table
    assert "generator.actors.records" in MODULES


def test_a_packed_value_is_pickled_once_and_read_where_it_is_used() -> None:
    article = make_article("a", BODY, date="2024-03-05")
    (packed,) = prepare_packed([ToPrepare(article, dt.date(2024, 3, 5), False)])
    blob = pickle.dumps(packed)
    # Passed on again (to the cache, to a worker), it is the same bytes, not re-pickled.
    passed = pickle.loads(blob)
    assert pickle.dumps(passed) == blob
    assert passed.get() == packed.get() and passed == packed
    assert isinstance(passed.get(), Prepared)


class _Recorder(pickle.Pickler):
    """Notes the type of every object it pickles."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.seen: set[type] = set()

    def reducer_override(self, obj: object) -> object:
        self.seen.add(type(obj))
        return NotImplemented


def test_every_record_a_map_caches_pickles_the_fast_way(tmp_path: Path) -> None:
    # A record left out of MODULES pickles through dataclasses' per-object __getstate__:
    # the actors' candidates did, 15,000 of them for 339 articles.
    register()
    cache = ContentCache(tmp_path)
    build_corpus_cached(Settings(SEEDS), cache)
    slow: set[str] = set()
    with sqlite3.connect(cache.path) as db:
        stored = db.execute("SELECT value FROM entries WHERE kind != 'corpus'").fetchall()
    assert stored
    for (blob,) in stored:  # every value is one part (none is over the part size)
        value = pickle.loads(blob)
        recorder = _Recorder(io.BytesIO())
        recorder.dump(value.get() if isinstance(value, Packed) else value)
        slow |= {
            t.__qualname__
            for t in recorder.seen
            if rebuildable(t) and t not in copyreg.dispatch_table
        }
    assert not slow
