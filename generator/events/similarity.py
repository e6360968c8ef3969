"""Similarity shared by grouping, provenance and alignment.

- Set overlap: :func:`jaccard`, and :func:`weighted_dice` when rare words
  should weigh more (IDF weights) and lengths differ.
- Candidate search without comparing every pair: MinHash signatures of word
  sets (fixed seed, so results are reproducible) in an LSH index
  (:func:`lsh_neighbours`), from datasketch.
- TF-IDF vectors of texts (:func:`tfidf`, scikit-learn) and :func:`sparse_dot`
  of two rows kept as dicts.
- Clustering: :func:`greedy_merge` takes links best first and merges two
  clusters only when the caller's test allows it (average linkage when that
  test looks at every cross pair).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datasketch import MinHash

MINHASH_PERMUTATIONS = 128
"""Number of MinHash permutations (fixed seed 1, so results are reproducible)."""


def jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """Jaccard overlap of two word sets (0 when both are empty).

    Args:
        a: A set of words.
        b: Another set of words.

    Returns:
        Shared words over all words, 0-1.
    """
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def weighted_dice(a: AbstractSet[str], b: AbstractSet[str], weights: Mapping[str, float]) -> float:
    """Weighted Dice overlap (kinder than Jaccard to sets of unequal size).

    Args:
        a: A set of words.
        b: Another set of words.
        weights: Weight of each word (e.g. its IDF); a missing word weighs 1.

    Returns:
        Twice the weight of the shared words over the weight of both sets, 0-1.
    """
    total = sum(weights.get(w, 1.0) for w in a) + sum(weights.get(w, 1.0) for w in b)
    return 2 * sum(weights.get(w, 1.0) for w in a & b) / total if total else 0.0


def tfidf(texts: Sequence[str]) -> tuple[Any, list[dict[int, float]], list[str]]:
    """TF-IDF vectors (sublinear term frequency) of texts whose words are split by spaces.

    Args:
        texts: One text per item; none may be empty (give it a token of its own).

    Returns:
        The vectors as a CSR matrix (one L2-normalised row per text, so a row
        product is a cosine), the same rows as column → weight dicts, and the
        term of each column.
    """
    # Imported here: scikit-learn takes seconds to import, and `briefing check` on
    # seeds that are all refused by a limit must answer at once.
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=str.split, sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts).tocsr()
    rows = [
        dict(zip(matrix[i].indices.tolist(), matrix[i].data.tolist(), strict=True))
        for i in range(matrix.shape[0])
    ]
    return matrix, rows, [str(term) for term in vectorizer.get_feature_names_out()]


def sparse_dot(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    """Dot product of two sparse rows (column → value)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


@functools.cache
def _template() -> MinHash:
    # datasketch imports SciPy (slow): only when there is something to compare.
    from datasketch import MinHash

    return MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1)


def minhash(words: Iterable[str]) -> MinHash:
    """MinHash signature of a word set (fixed seed; permutations shared, not recomputed)."""
    from datasketch import MinHash

    template = _template()
    signature = MinHash(
        num_perm=MINHASH_PERMUTATIONS,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    signature.update_batch([word.encode("utf-8") for word in sorted(set(words))])
    return signature


def lsh_neighbours(signatures: Sequence[MinHash], threshold: float) -> Iterator[list[int]]:
    """For each signature, the indexes of those LSH finds likely to reach ``threshold``.

    Candidates are yielded one signature at a time, so a boilerplate sentence
    that collides with thousands of others never holds them all at once.

    Args:
        signatures: MinHash signatures (see :func:`minhash`).
        threshold: The Jaccard similarity the LSH bands are tuned for.

    Yields:
        Per signature in order, its candidates (itself included), sorted.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=MINHASH_PERMUTATIONS)
    for number, signature in enumerate(signatures):
        lsh.insert(str(number), signature)
    for signature in signatures:
        yield sorted(int(key) for key in lsh.query(signature))


def greedy_merge(
    count: int,
    links: Iterable[tuple[float, int, int]],
    min_score: float,
    mergeable: Callable[[Sequence[int], Sequence[int]], bool],
) -> list[list[int]]:
    """Merge items into clusters along their links, best link first.

    Links are taken by descending score (ties by the item indexes); a link
    below ``min_score`` is never taken. Two clusters merge only when
    ``mergeable(left, right)`` allows it, so one strong link cannot chain
    two clusters the caller's test keeps apart.

    Args:
        count: Number of items (indexes 0 to count - 1); each starts alone.
        links: (score, item, other item) pairs.
        min_score: Smallest score that may merge.
        mergeable: Whether two clusters (their member indexes) may merge.

    Returns:
        The clusters' member indexes, in the order of each cluster's first item.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    owner = list(range(count))
    for score, i, j in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        if score < min_score:
            break
        a, b = owner[i], owner[j]
        if a == b or not mergeable(members[a], members[b]):
            continue
        for k in members[b]:
            owner[k] = a
        members[a].extend(members.pop(b))
    return list(members.values())
