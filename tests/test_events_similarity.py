"""The similarity helpers shared by grouping, provenance and alignment."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from generator.events.grouping import GROUP_LSH_THRESHOLD
from generator.events.provenance import REUSE_LSH_THRESHOLD
from generator.events.similarity import (
    greedy_merge,
    jaccard,
    lsh_bands,
    lsh_neighbours,
    minhash,
    minhash_signatures,
    optimal_bands,
    sparse_dot,
    tfidf,
    weighted_dice,
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"a", "b"}, {"b", "c"}, 1 / 3),
        ({"a"}, {"a"}, 1.0),
        ({"a"}, {"b"}, 0.0),
        (set(), set(), 0.0),
    ],
)
def test_jaccard(a: set[str], b: set[str], expected: float) -> None:
    assert jaccard(frozenset(a), frozenset(b)) == pytest.approx(expected)


def test_weighted_dice_lets_rare_words_weigh_more() -> None:
    a, b = frozenset({"quake", "the"}), frozenset({"quake", "a"})
    assert weighted_dice(a, b, {}) == pytest.approx(0.5)
    assert weighted_dice(a, b, {"quake": 3.0}) == pytest.approx(0.75)
    assert weighted_dice(frozenset(), frozenset(), {}) == 0.0


def test_sparse_dot() -> None:
    assert sparse_dot({0: 0.5, 2: 1.0}, {2: 2.0, 3: 9.0}) == pytest.approx(2.0)


def test_tfidf_rows_are_unit_vectors_and_name_their_terms() -> None:
    vectors = tfidf(["quake city", "quake town", "flood"])
    rows, terms = vectors.rows, vectors.terms
    assert len(rows) == 3 and terms == ["city", "flood", "quake", "town"]
    assert sparse_dot(rows[0], rows[0]) == pytest.approx(1.0)
    assert 0 < sparse_dot(rows[0], rows[1]) < 1 and sparse_dot(rows[0], rows[2]) == 0


def test_tfidf_values_are_scikit_learns() -> None:
    # TfidfVectorizer(analyzer=str.split, sublinear_tf=True) of the same texts (1.9), with
    # each row's entries in its order (first appearance in the corpus): the grouping
    # thresholds were tuned on these values.
    vectors = tfidf(["quake quake city", "town quake", "flood city city"])
    assert [list(row.items()) for row in vectors.rows] == [
        [(2, 0.8610369959439763), (0, 0.5085423203783267)],
        [(2, 0.6053485081062916), (3, 0.7959605415681652)],
        [(0, 0.7898069290660905), (1, 0.6133555370249717)],
    ]


def test_tfidf_dots_are_the_row_products() -> None:
    texts = ["a b c d e f g h i j", "j i h g f e d c b a", "a c e g i k", "z"]
    vectors = tfidf(texts)
    pairs = [(i, j) for i in range(4) for j in range(4)]
    dots = vectors.dots([i for i, _ in pairs], [j for _, j in pairs]).tolist()
    expected = [sparse_dot(vectors.rows[i], vectors.rows[j]) for i, j in pairs]
    assert dots == pytest.approx(expected, abs=1e-12)
    assert dots[3] == 0.0 and vectors.dots([], []).tolist() == []


def test_top_columns_are_each_rows_heaviest_with_ties_by_column() -> None:
    # Repeated words tie within a row: ties go to the lower column (the earlier term).
    texts = ["b a c a d e d", "f f g h", "z", "c b a c b a e e e"]
    vectors = tfidf(texts)
    for count in (1, 2, 3, 10):
        expected = [
            sorted(row, key=lambda column: (-row[column], column))[:count] for row in vectors.rows
        ]
        assert vectors.top_columns(count) == expected


def test_lsh_proposes_near_identical_sets_and_not_unrelated_ones() -> None:
    words = [f"w{n}" for n in range(40)]
    sets = [words, [*words[:-1], "other"], [f"x{n}" for n in range(40)]]
    neighbours = list(lsh_neighbours(minhash_signatures(sets), 0.5))
    assert neighbours[0] == [0, 1] and neighbours[1] == [0, 1] and neighbours[2] == [2]


def test_lsh_of_no_signatures_yields_nothing() -> None:
    assert list(lsh_neighbours(minhash_signatures([]), 0.3)) == []


def _brute_neighbours(signatures: np.ndarray, threshold: float) -> list[list[int]]:
    """Every pair that agrees on a whole band, one pair at a time."""
    bands, rows = lsh_bands(threshold, signatures.shape[1])
    return [
        [
            other
            for other in range(len(signatures))
            if any(
                np.array_equal(
                    signatures[number, b * rows : (b + 1) * rows],
                    signatures[other, b * rows : (b + 1) * rows],
                )
                for b in range(bands)
            )
        ]
        for number in range(len(signatures))
    ]


def test_lsh_finds_exactly_the_pairs_that_share_a_band() -> None:
    # Few distinct values: groups of every size, from pairs to one of over 256 members
    # (merged with NumPy rather than in Python), overlapping across bands.
    generator = np.random.default_rng(7)
    signatures = generator.integers(0, 3, size=(400, 12)).astype(np.uint32)
    signatures[:300, : lsh_bands(0.3, 12)[1]] = 9  # the first band shared by 300 signatures
    assert list(lsh_neighbours(signatures, 0.3)) == _brute_neighbours(signatures, 0.3)
    lonely = np.arange(40 * 12, dtype=np.uint32).reshape(40, 12)
    assert list(lsh_neighbours(lonely, 0.3)) == [[n] for n in range(40)]


def test_minhash_is_reproducible() -> None:
    assert minhash(["a", "b"]).tolist() == minhash(["b", "a"]).tolist()


def test_minhash_values_are_datasketchs() -> None:
    # datasketch 2.0's MinHash(num_perm=128, seed=1) after update_batch([b"quake", b"aden"]):
    # the values the reuse and grouping thresholds were tuned with.
    assert minhash(["quake", "aden"])[:6].tolist() == [
        1171878031,
        540004530,
        2229117928,
        319723835,
        2538043105,
        2821517140,
    ]


def test_minhash_signatures_sign_each_set_alone() -> None:
    sets = [["a", "b"], [], ["c"], ["b", "a", "a"]]
    signatures = minhash_signatures(sets)
    assert [row.tolist() for row in signatures] == [minhash(s).tolist() for s in sets]
    assert set(signatures[1].tolist()) == {2**32 - 1}  # the empty set's signature


def test_lsh_bands_are_datasketchs() -> None:
    # datasketch's MinHashLSH(threshold, num_perm=128) picks these bands.
    assert lsh_bands(0.1) == (64, 2)
    assert lsh_bands(0.3) == (37, 3)


@pytest.mark.parametrize("threshold", [GROUP_LSH_THRESHOLD, REUSE_LSH_THRESHOLD, 0.5])
def test_lsh_bands_looked_up_are_the_computed_ones(threshold: float) -> None:
    # The project's thresholds come from a table; any other is computed.
    assert lsh_bands(threshold) == optimal_bands(threshold)
    assert lsh_bands(threshold, 64) == optimal_bands(threshold, 64)


def test_greedy_merge_takes_the_best_links_first_and_asks_before_merging() -> None:
    links = [(0.9, 0, 1), (0.8, 1, 2), (0.7, 2, 3), (0.1, 3, 4)]

    def at_most_two(left: Sequence[int], right: Sequence[int]) -> bool:
        return len(left) + len(right) <= 2

    assert greedy_merge(5, links, 0.5, at_most_two) == [[0, 1], [2, 3], [4]]
    assert greedy_merge(5, links, 0.5, lambda left, right: True) == [[0, 1, 2, 3], [4]]
    assert greedy_merge(3, [], 0.5, lambda left, right: True) == [[0], [1], [2]]
