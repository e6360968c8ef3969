"""The site's export is written as it is encoded, byte for byte ``briefing export``'s."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.export import corpus_record, dump, dumps
from generator.pipeline import Corpus, Settings, build_corpus
from generator.site.exportfile import write_export
from tests.conftest import FIXTURES, SEEDS

SAMPLES: list[Any] = [
    {},
    [],
    {"b": [1, 2.5, None, True], "a": {"z": 'é ☃ \u2028 "q" \\', "y": []}, "c": {}},
    {"nan": math.nan, "inf": -math.inf, "deep": [[[{"k": "v"}]]]},
    "just text",
    12,
]


@pytest.mark.parametrize("data", SAMPLES)
@pytest.mark.parametrize("batch", [1, 3, 16384])
def test_dump_writes_what_dumps_returns(data: Any, batch: int) -> None:
    out = io.StringIO()
    dump(data, out, batch=batch)
    assert out.getvalue() == dumps(data)


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(codec="utf-8") | st.sampled_from('"\\\n\u2028\x00'))
)
KEYS = st.text(max_size=6) | st.sampled_from(["a", "b", "A", "é", ""])
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(JSON, st.sampled_from([1, 2, 16384]))
def test_dump_writes_what_json_dumps_writes_for_any_data(data: Any, batch: int) -> None:
    out = io.StringIO()
    dump(data, out, batch=batch)
    assert out.getvalue() == dumps(data)


@pytest.mark.parametrize(
    "data",
    [{1: "int", 2.5: "float", -3: "neg"}, {True: "t"}, {None: "n"}, {math.inf: [math.nan]}],
)
def test_dump_converts_keys_as_json_does(data: Any) -> None:
    out = io.StringIO()
    dump(data, out)
    assert out.getvalue() == dumps(data)


def test_dump_refuses_what_json_refuses() -> None:
    for data in ({"a": {1, 2}}, {(1, 2): "tuple key"}):
        with pytest.raises(TypeError):
            dumps(data)
        with pytest.raises(TypeError):
            dump(data, io.StringIO())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus(Settings(SEEDS))


def test_the_export_file_is_the_export(corpus: Corpus, tmp_path: Path) -> None:
    write_export(corpus, tmp_path / "data" / "corpus.json")
    expected = dumps(corpus_record(corpus)).encode("utf-8")
    assert (tmp_path / "data" / "corpus.json").read_bytes() == expected


def test_a_stored_export_is_copied_and_a_new_corpus_replaces_it(
    corpus: Corpus, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    write_export(corpus, tmp_path / "one.json", store, "k1")
    assert [p.name for p in store.iterdir()] == ["k1.json"]
    # Copied, not encoded again: a planted file under the key comes out as it is.
    (store / "k1.json").write_text("planted\n", "utf-8")
    write_export(corpus, tmp_path / "two.json", store, "k1")
    assert (tmp_path / "two.json").read_text("utf-8") == "planted\n"
    # Another corpus: encoded, and the store keeps only its copy.
    other = build_corpus(Settings(FIXTURES / "hostile"))
    write_export(other, tmp_path / "three.json", store, "k2")
    assert sorted(p.name for p in store.iterdir()) == ["k2.json"]
    assert (tmp_path / "three.json").read_text("utf-8") == dumps(corpus_record(other))
