"""The main process's shortcuts in grouping and text reuse find what the plain computation finds.

Grouping and text reuse run in the main process whatever the number of
workers, so their corpus-wide steps take shortcuts: bands sorted by packed
keys, LSH groups too widespread told once per group, TF-IDF rows ordered in
one sort, the agencies an article carries read in the per-article map. Each is checked against
the plain computation it stands for, on hypothesis-generated inputs and on
``../shared/corpus/dev-events`` (when present). Equality only, never times.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

import generator.events.similarity as similarity
from generator.events.features import ArticleFeatures, features_packed
from generator.events.provenance import (
    BOILERPLATE_SPREAD,
    REUSE_LSH_THRESHOLD,
    ReuseFeatures,
    _entries,
    reuse_features,
    reuse_links,
    wires,
)
from generator.pipeline import Settings, read_articles
from generator.text.document import document
from tests.conftest import ROOT
from tests.factories import make_article

DEV = ROOT.parent / "shared" / "corpus" / "dev-events"


def _plain_band_groups(
    signatures: NDArray[np.uint32], bands: int, rows: int
) -> list[list[list[int]]]:
    """Per band, its groups of two or more equal bands (members in index order), by value."""
    out: list[list[list[int]]] = []
    for band in range(bands):
        found: dict[tuple[int, ...], list[int]] = {}
        for number, row in enumerate(signatures[:, band * rows : (band + 1) * rows].tolist()):
            found.setdefault(tuple(row), []).append(number)
        out.append([found[key] for key in sorted(found) if len(found[key]) > 1])
    return out


def _groups_of(signatures: NDArray[np.uint32], bands: int, rows: int) -> list[list[list[int]]]:
    """:func:`similarity._band_groups` read back as per band, its groups' members."""
    labels, members, bounds = similarity._band_groups(signatures, bands, rows)
    groups = [members[bounds[g] : bounds[g + 1]].tolist() for g in range(len(bounds) - 1)]
    out: list[list[list[int]]] = [[] for _ in range(bands)]
    for number, group in enumerate(groups):
        band = [b for b in range(bands) if labels[group[0], b] == number]
        assert len(band) == 1
        assert all(labels[k, band[0]] == number for k in group)
        out[band[0]].append(group)
    assert np.count_nonzero(labels >= 0) == sum(len(g) for g in groups)
    return out


signature_arrays = st.tuples(
    st.integers(1, 60), st.integers(1, 4), st.integers(1, 5), st.integers(1, 4)
).flatmap(
    lambda shape: st.lists(
        st.integers(0, shape[3] if shape[3] < 4 else 2**32 - 1),
        min_size=shape[0] * shape[1] * shape[2],
        max_size=shape[0] * shape[1] * shape[2],
    ).map(
        lambda values: (
            np.array(values, dtype=np.uint32).reshape(shape[0], shape[1] * shape[2]),
            shape[1],
            shape[2],
        )
    )
)


@settings(max_examples=200, deadline=None)
@given(signature_arrays)
def test_band_groups_are_the_runs_of_equal_bands(
    case: tuple[NDArray[np.uint32], int, int],
) -> None:
    signatures, bands, rows = case
    # Groups are numbered band by band in order of their values (as the plain sort has them).
    assert _groups_of(signatures, bands, rows) == _plain_band_groups(signatures, bands, rows)


def _plain_neighbours(signatures: NDArray[np.uint32], bands: int, rows: int) -> list[list[int]]:
    """Per signature, the members of every group it is in (itself alone when in none)."""
    found: list[set[int]] = [{n} for n in range(len(signatures))]
    for groups in _plain_band_groups(signatures, bands, rows):
        for group in groups:
            for number in group:
                found[number].update(group)
    return [sorted(f) for f in found]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 120).flatmap(
        lambda count: st.tuples(
            st.lists(st.integers(0, 2), min_size=count * 12, max_size=count * 12),
            st.sampled_from([1, 3, 7, 4_096]),
            st.sampled_from([2, 5, 256]),
        )
    )
)
def test_neighbours_merged_by_chunks_are_the_plain_ones(
    case: tuple[list[int], int, int],
) -> None:
    values, chunk, union = case
    signatures = np.array(values, dtype=np.uint32).reshape(-1, 12)
    bands, rows = similarity.lsh_bands(REUSE_LSH_THRESHOLD, 12)
    saved = similarity._NEIGHBOURS_CHUNK, similarity._LSH_PYTHON_UNION
    try:
        # Small chunks and a small bound: chunk edges and the per-signature merge are taken.
        similarity._NEIGHBOURS_CHUNK, similarity._LSH_PYTHON_UNION = chunk, union
        found = list(similarity.lsh_neighbours(signatures, REUSE_LSH_THRESHOLD))
    finally:
        similarity._NEIGHBOURS_CHUNK, similarity._LSH_PYTHON_UNION = saved
    assert found == _plain_neighbours(signatures, bands, rows)


def _check_spread(signatures: NDArray[np.uint32], owners: list[int], spread: int) -> int:
    """Assert that the spread neighbours are the plain ones, None only where too widespread."""
    plain = list(similarity.lsh_neighbours(signatures, REUSE_LSH_THRESHOLD))
    spread_out = list(
        similarity.lsh_neighbours_spread(signatures, REUSE_LSH_THRESHOLD, owners, spread)
    )
    assert len(spread_out) == len(plain)
    left_out = 0
    for found, candidates in zip(spread_out, plain, strict=True):
        if found is None:
            left_out += 1
            assert len({owners[c] for c in candidates}) > spread
        else:
            assert found == candidates
    return left_out


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 80).flatmap(
        lambda count: st.tuples(
            st.lists(st.integers(0, 2), min_size=count * 12, max_size=count * 12),
            st.lists(st.integers(0, 12), min_size=count, max_size=count),
            st.integers(0, 6),
        )
    )
)
def test_neighbours_too_widespread_are_left_out_and_only_they(
    case: tuple[list[int], list[int], int],
) -> None:
    values, owners, spread = case
    signatures = np.array(values, dtype=np.uint32).reshape(len(owners), 12)
    _check_spread(signatures, owners, spread)


def _plain_tfidf(texts: list[str]) -> similarity.Vectors:
    """:func:`similarity.tfidf` with each row sorted alone (the plain computation)."""
    first_seen: dict[str, int] = {}
    counted: list[dict[int, int]] = []
    for text in texts:
        counts: dict[int, int] = {}
        for word in text.split():
            seen = first_seen.setdefault(word, len(first_seen))
            counts[seen] = counts.get(seen, 0) + 1
        counted.append(counts)
    terms = sorted(first_seen)
    column = {first_seen[term]: rank for rank, term in enumerate(terms)}
    ordered = [sorted(counts.items()) for counts in counted]
    indptr = np.cumsum([0, *(len(row) for row in ordered)]).astype(np.int64)
    indices = np.array([column[k] for row in ordered for k, _ in row], dtype=np.int64)
    data = np.array([c for row in ordered for _, c in row], dtype=np.float64)
    data = 1.0 + np.log(data)
    frequency = np.bincount(indices, minlength=len(terms)).astype(np.float64) + 1.0
    data *= (1.0 + np.log((len(texts) + 1) / frequency))[indices]
    similarity._normalise_rows(data, indptr)
    return similarity.Vectors(terms, indices, data, indptr)


def _assert_same_vectors(got: similarity.Vectors, plain: similarity.Vectors) -> None:
    assert got.terms == plain.terms
    assert got.indptr.tolist() == plain.indptr.tolist()
    assert got.indices.tolist() == plain.indices.tolist()
    assert got.data.tobytes() == plain.data.tobytes()  # bit for bit


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["quake", "aden", "city", "b", "zeta", "x1"]), min_size=1),
        min_size=1,
        max_size=12,
    )
)
def test_tfidf_sorted_at_once_is_sorted_row_by_row(words: list[list[str]]) -> None:
    texts = [" ".join(w) for w in words]
    _assert_same_vectors(similarity.tfidf(texts), _plain_tfidf(texts))


@cache
def _dev_features() -> dict[str, ArticleFeatures]:
    articles, _, _ = read_articles(Settings(DEV))
    ordered = sorted(articles, key=lambda a: a.id)
    return {a.id: p.get() for a, p in zip(ordered, features_packed(ordered), strict=True)}


@pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus is not here")
def test_dev_events_sentences_too_widespread_are_left_out_and_only_they() -> None:
    entries, signatures = _entries({i: f.reuse for i, f in _dev_features().items()})
    numbers: dict[str, int] = {}
    owners = [numbers.setdefault(e.article, len(numbers)) for e in entries]
    assert _check_spread(signatures, owners, BOILERPLATE_SPREAD) > 0  # the shortcut is taken
    bands, rows = similarity.lsh_bands(REUSE_LSH_THRESHOLD)
    assert list(similarity.lsh_neighbours(signatures, REUSE_LSH_THRESHOLD)) == (
        _plain_neighbours(signatures, bands, rows)
    )
    assert _groups_of(signatures, bands, rows) == _plain_band_groups(signatures, bands, rows)


@pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus is not here")
def test_dev_events_tfidf_is_the_plain_one() -> None:
    texts = [f.grouping.text for _, f in sorted(_dev_features().items())]
    _assert_same_vectors(similarity.tfidf(texts), _plain_tfidf(texts))
    names = [" ".join(f.grouping.names.weighted) or "none" for f in _dev_features().values()]
    _assert_same_vectors(similarity.tfidf(names), _plain_tfidf(names))


def _without_wires(features: dict[str, ReuseFeatures]) -> dict[str, ReuseFeatures]:
    """The features as read before the map carried the agencies (reuse reads them itself)."""
    return {i: replace(f, wires=None) for i, f in features.items()}


_WIRE_LINES = [
    "BAGHDAD (Reuters) - Rockets hit the base on Monday near the airport, officials said.",
    "Rockets hit the base on Monday near the airport, officials said today. (AP)",
    "The ministry said five soldiers were wounded in the attack on the northern base.",
    "The ministry said five soldiers were wounded in the attack on the base - AFP",
    "Officials said the attack on the base was the third this month in the province.",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(range(len(_WIRE_LINES))), min_size=1, max_size=5),
            st.sampled_from([None, "Reuters", "AP News", "The Daily"]),
            st.sampled_from([(), ("Agence France-Presse",), ("Reuters", "AP")]),
            st.sampled_from([None, "2024-03-01", "2024-03-02"]),
        ),
        min_size=2,
        max_size=6,
    )
)
def test_agencies_read_in_the_map_are_those_reuse_reads_itself(
    specs: list[tuple[list[int], str | None, tuple[str, ...], str | None]],
) -> None:
    articles = [
        make_article(
            f"a{n}",
            "\n".join(_WIRE_LINES[k] for k in lines),
            publisher=publisher,
            credited=credited,
            date=date,
        )
        for n, (lines, publisher, credited, date) in enumerate(specs)
    ]
    features = {a.id: reuse_features(document(a.body, a.body_line).sentences, a) for a in articles}
    assert all(features[a.id].wires == wires(a) for a in articles)
    assert reuse_links(articles, features) == reuse_links(articles, _without_wires(features))


@pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus is not here")
def test_dev_events_agencies_read_in_the_map_give_the_same_links() -> None:
    articles, _, _ = read_articles(Settings(DEV))
    features = {i: f.reuse for i, f in _dev_features().items()}
    by_id = {a.id: a for a in articles}
    assert all(f.wires == wires(by_id[i]) for i, f in features.items())
    assert reuse_links(articles, features) == reuse_links(articles, _without_wires(features))
