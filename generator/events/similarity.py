"""Similarity shared by grouping, provenance and alignment.

- Set overlap: :func:`jaccard`, and :func:`weighted_dice` when rare words
  should weigh more (IDF weights) and lengths differ.
- Candidate search without comparing every pair: MinHash signatures of word
  sets (fixed seed, so results are reproducible) banded into an LSH index
  (:func:`lsh_neighbours`); computed with numpy for all sets at once, with the
  values and bands of datasketch's ``MinHash``/``MinHashLSH``.
- TF-IDF vectors of texts (:func:`tfidf`, scikit-learn's values computed with
  numpy), their row products for many pairs at once (:meth:`Vectors.dots`) and
  :func:`sparse_dot` of two rows kept as dicts.
- Clustering: :func:`greedy_merge` takes links best first and merges two
  clusters only when the caller's test allows it (average linkage when that
  test looks at every cross pair).
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

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


# Pairs whose row products Vectors.dots computes at once: it bounds the memory (no effect
# on any value, so not an analysis threshold).
_DOTS_CHUNK = 8_192


@dataclass(frozen=True, slots=True)
class Vectors:
    """TF-IDF vectors of texts, as :func:`tfidf` computes them.

    Attributes:
        terms: The term of each column (alphabetical).
        indices: The columns of all rows, concatenated (CSR layout).
        data: Their weights, in the same order.
        indptr: Where each row starts in ``indices``/``data`` (one more entry than rows).
    """

    terms: list[str]
    indices: NDArray[np.int64]
    data: NDArray[np.float64]
    indptr: NDArray[np.int64]

    def row(self, number: int) -> dict[int, float]:
        """Row ``number`` as column → weight, in scikit-learn's storage order.

        Built when asked: a dict per row for a whole corpus held hundreds of
        megabytes at 10,000 articles, and only signatures and a few merge
        tests read rows one by one.
        """
        start, end = int(self.indptr[number]), int(self.indptr[number + 1])
        columns = self.indices[start:end].tolist()
        return dict(zip(columns, self.data[start:end].tolist(), strict=True))

    def top_columns(self, count: int) -> list[list[int]]:
        """Each row's ``count`` heaviest columns, heaviest first (ties: lower column first).

        Every row is sorted at once: by row, then weight (descending), then column.
        """
        sizes = np.diff(self.indptr)
        row_of = np.repeat(np.arange(len(sizes)), sizes)
        order = np.lexsort((self.indices, -self.data, row_of))
        columns = self.indices[order]
        starts = self.indptr[:-1].tolist()
        ends = np.minimum(self.indptr[:-1] + count, self.indptr[1:]).tolist()
        return [columns[start:end].tolist() for start, end in zip(starts, ends, strict=True)]

    @property
    def rows(self) -> list[dict[int, float]]:
        """Every row (see :meth:`row`)."""
        return [self.row(n) for n in range(len(self.indptr) - 1)]

    def dots(self, left: Sequence[int], right: Sequence[int]) -> NDArray[np.float64]:
        """Dot products of rows ``left[n]`` and ``right[n]``, for every n at once.

        Each product is summed as SciPy sums ``matrix[left].multiply(matrix[right])``
        along its rows (the shared columns in reverse order of the left row, then
        NumPy's ``add.reduceat``), so the values are those bit for bit. Pairs are
        taken a fixed number of pairs at a time: the work arrays hold every entry of
        every left row, which for a large corpus's candidate pairs ran to
        gigabytes; each product only reads its own pair, so chunks change no value.
        """
        if len(left) <= _DOTS_CHUNK:
            return self._dots(left, right)
        return np.concatenate(
            [
                self._dots(left[first : first + _DOTS_CHUNK], right[first : first + _DOTS_CHUNK])
                for first in range(0, len(left), _DOTS_CHUNK)
            ]
        )

    def _dots(self, left: Sequence[int], right: Sequence[int]) -> NDArray[np.float64]:
        """:meth:`dots` of one chunk of pairs."""
        out = np.zeros(len(left), dtype=np.float64)
        if not len(left):
            return out
        starts, ends = self.indptr[:-1], self.indptr[1:]
        # Pairs grouped by their right row, so that each right row is spread out once.
        by_right = np.argsort(np.asarray(right, dtype=np.int64), kind="stable")
        lefts = np.asarray(left, dtype=np.int64)[by_right]
        rights = np.asarray(right, dtype=np.int64)[by_right]
        sizes = ends[lefts] - starts[lefts]
        # Every entry of each left row, last entry first, tagged with its pair.
        pair = np.repeat(np.arange(len(lefts)), sizes)
        offset = np.cumsum(sizes) - sizes
        position = ends[lefts][pair] - 1 - (np.arange(len(pair)) - offset[pair])
        columns = self.indices[position]
        # The right row's weight of each entry's column (0 where the right row lacks it):
        # weights are positive, so a zero is an absent column.
        found = np.zeros(len(pair), dtype=np.float64)
        dense = np.zeros(len(self.terms), dtype=np.float64)
        rows, first = np.unique(rights, return_index=True)
        bounds = [*offset[first].tolist(), len(pair)]
        for n, row in enumerate(rows.tolist()):
            row_columns = self.indices[starts[row] : ends[row]]
            dense[row_columns] = self.data[starts[row] : ends[row]]
            found[bounds[n] : bounds[n + 1]] = dense[columns[bounds[n] : bounds[n + 1]]]
            dense[row_columns] = 0.0
        hit = found != 0.0
        products = self.data[position[hit]] * found[hit]
        counts = np.bincount(pair[hit], minlength=len(lefts))
        filled = np.flatnonzero(counts)
        if len(filled):
            out[by_right[filled]] = np.add.reduceat(products, (np.cumsum(counts) - counts)[filled])
        return out


def tfidf(texts: Sequence[str]) -> Vectors:
    """TF-IDF vectors (sublinear term frequency) of texts whose words are split by spaces.

    The vectors are scikit-learn's ``TfidfVectorizer(analyzer=str.split,
    sublinear_tf=True)`` bit for bit: the same smoothed IDF, the same
    L2-normalised rows with their entries in the same order (each row's terms
    in order of their first appearance in the corpus), summed in the same
    order; without importing scikit-learn (two seconds of start-up).

    Args:
        texts: One text per item; none may be empty (give it a token of its own).

    Returns:
        The vectors (one L2-normalised row per text, so a row product is a cosine).
    """
    first_seen: dict[str, int] = {}
    number = first_seen.setdefault
    found: list[int] = []
    times: list[int] = []
    sizes_of: list[int] = []
    for text in texts:
        # Counted in C, in order of first appearance: each distinct word is then numbered
        # once per text, in the order the word-by-word loop numbered them.
        counts = Counter(text.split())
        found += [number(word, len(first_seen)) for word in counts]
        times += counts.values()
        sizes_of.append(len(counts))
    words = list(first_seen)  # in order of their numbers
    by_term = sorted(range(len(words)), key=words.__getitem__)
    terms = [words[n] for n in by_term]
    column = np.empty(len(terms), dtype=np.int64)
    column[by_term] = np.arange(len(terms), dtype=np.int64)
    sizes = np.array(sizes_of, dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    # Each row's entries by the number of their word (the order scikit-learn stores them
    # in), every row at once: a row's words are distinct, so the order is total.
    seen_ids = np.array(found, dtype=np.int64)
    order = np.lexsort((seen_ids, np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)))
    indices = column[seen_ids[order]] if len(seen_ids) else np.zeros(0, dtype=np.int64)
    data = np.array(times, dtype=np.float64)[order]
    np.log(data, out=data)
    data += 1.0
    frequency = np.bincount(indices, minlength=len(terms)).astype(np.float64)
    frequency += 1.0
    idf = np.full_like(frequency, fill_value=len(texts) + 1, dtype=np.float64)
    idf /= frequency
    np.log(idf, out=idf)
    idf += 1.0
    data *= idf[indices]
    _normalise_rows(data, indptr)
    return Vectors(terms, indices, data, indptr)


def _normalise_rows(data: NDArray[np.float64], indptr: NDArray[np.int64]) -> None:
    """Divide each row by its L2 norm, in place (empty and zero rows are left alone).

    The squares are summed one after the other in storage order, as
    scikit-learn's ``inplace_csr_row_normalize_l2`` does (not NumPy's pairwise
    sum), so the norms are its norms to the last bit: step k adds the k-th
    entry of every row that long.
    """
    starts = indptr[:-1]
    sizes = np.diff(indptr)
    squares = data * data
    norms = np.zeros(len(sizes), dtype=np.float64)
    longest_first = np.argsort(-sizes, kind="stable")
    descending = sizes[longest_first]
    for step in range(int(sizes.max(initial=0))):
        longer = longest_first[: int(np.count_nonzero(descending > step))]
        norms[longer] += squares[starts[longer] + step]
    np.sqrt(norms, out=norms)
    row = np.repeat(np.arange(len(sizes)), sizes)
    scale = norms[row]
    nonzero = scale != 0.0
    data[nonzero] /= scale[nonzero]


def sparse_dot(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    """Dot product of two sparse rows (column → value)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


# Seed of the MinHash permutations: fixed, so results are reproducible (datasketch's seed=1).
_MINHASH_SEED = 1

# The bands (b, r) of an LSH index tuned for a Jaccard threshold are chosen as datasketch's
# MinHashLSH chooses them (equal weights on false positives and false negatives), so the
# candidates are the ones it found.
_LSH_WEIGHTS = (0.5, 0.5)
# Gauss-Legendre nodes: the integrands are polynomials of degree b * r <= 128, which
# 128 nodes integrate exactly (up to rounding).
_QUADRATURE_NODES = 128
# Sets are signed this many at a time: the permuted hashes of every word of a chunk are
# held at once (words x permutations x 4 bytes).
_SIGN_CHUNK = 2_048


def minhash_signatures(word_sets: Sequence[Iterable[str]]) -> NDArray[np.uint32]:
    """MinHash signatures of word sets, one row per set.

    The signatures are those of datasketch's ``MinHash(num_perm=128, seed=1)``
    (scheme "affine32": SHA-1 of each word, MurmurHash3's finaliser, then
    ``a * h + b`` modulo 2^32), computed for every set at once with numpy: each
    distinct word is hashed and permuted once, and a set's signature is the
    minimum over its words' rows. An empty set has the empty signature
    (every value 2^32 - 1), as in datasketch.

    Args:
        word_sets: The sets (any iterables of words; repeats do not matter).

    Returns:
        An array of shape (len(word_sets), :data:`MINHASH_PERMUTATIONS`).
    """
    sets = [list(dict.fromkeys(words)) for words in word_sets]
    out = np.full((len(sets), MINHASH_PERMUTATIONS), _MAX_HASH, dtype=np.uint32)
    for first in range(0, len(sets), _SIGN_CHUNK):
        chunk = sets[first : first + _SIGN_CHUNK]
        vocabulary: dict[str, int] = {}
        flat = [vocabulary.setdefault(w, len(vocabulary)) for words in chunk for w in words]
        if not flat:
            continue
        permuted = _permuted(list(vocabulary))[np.array(flat, dtype=np.intp)]
        sizes = np.array([len(words) for words in chunk], dtype=np.intp)
        filled = np.flatnonzero(sizes)
        starts = (np.cumsum(sizes) - sizes)[filled]
        out[first + filled] = np.minimum.reduceat(permuted, starts, axis=0)
    return out


def minhash(words: Iterable[str]) -> NDArray[np.uint32]:
    """MinHash signature of one word set (see :func:`minhash_signatures`)."""
    signature: NDArray[np.uint32] = minhash_signatures([words])[0]
    return signature


_MAX_HASH = np.uint32(0xFFFFFFFF)
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


@functools.cache
def _permutations() -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    """The (a, b) of each permutation: a odd, as datasketch draws them from the seed."""
    generator = np.random.RandomState(_MINHASH_SEED)
    a = generator.randint(0, 1 << 31, MINHASH_PERMUTATIONS, dtype=np.uint32)
    b = generator.randint(0, 1 << 32, MINHASH_PERMUTATIONS, dtype=np.uint32)
    return a * np.uint32(2) + np.uint32(1), b


@functools.lru_cache(maxsize=1 << 17)
def _word_hash(word: str) -> int:
    """The first 4 bytes of a word's SHA-1, as datasketch's MinHash reads them.

    Memoised: articles are signed one at a time (in the per-article map), and
    most of an article's words are the corpus's common ones.
    """
    return int.from_bytes(hashlib.sha1(word.encode("utf-8")).digest()[:4], "little")


def _permuted(words: Sequence[str]) -> NDArray[np.uint32]:
    """Every permutation of each word's hash: one row per word."""
    hashes = np.array([_word_hash(w) for w in words], dtype=np.uint32)
    shift1, multiplier1, shift2, multiplier2 = _FMIX
    hashes ^= hashes >> shift1
    hashes *= multiplier1
    hashes ^= hashes >> shift2
    hashes *= multiplier2
    hashes ^= hashes >> shift1
    a, b = _permutations()
    # uint32 arithmetic wraps around: that is the modulo 2^32 of the permutation.
    return hashes[:, None] * a[None, :] + b[None, :]


def lsh_bands(threshold: float, permutations: int = MINHASH_PERMUTATIONS) -> tuple[int, int]:
    """(bands, rows per band) that best separate pairs above and below a Jaccard threshold.

    The choice minimises the mean of the false positive and false negative
    probability masses, as datasketch's ``MinHashLSH`` does. The project's
    own thresholds are looked up in :data:`_KNOWN_BANDS` (a test checks each
    against the computation): computing them took about 0.1 s of the main
    process's CPU per build, Gauss-Legendre nodes included.

    Args:
        threshold: The Jaccard similarity the index is tuned for.
        permutations: Length of the signatures.

    Returns:
        The number of bands and of rows in each (bands * rows <= permutations).
    """
    known = _KNOWN_BANDS.get((threshold, permutations))
    return known if known is not None else optimal_bands(threshold, permutations)


# (threshold, permutations) -> what optimal_bands() computes for them: the grouping's and
# the text reuse's LSH thresholds (GROUP_LSH_THRESHOLD, REUSE_LSH_THRESHOLD).
_KNOWN_BANDS = {(0.1, MINHASH_PERMUTATIONS): (64, 2), (0.3, MINHASH_PERMUTATIONS): (37, 3)}


@functools.cache
def optimal_bands(threshold: float, permutations: int = MINHASH_PERMUTATIONS) -> tuple[int, int]:
    """:func:`lsh_bands` computed (not looked up).

    Args:
        threshold: The Jaccard similarity the index is tuned for.
        permutations: Length of the signatures.

    Returns:
        The number of bands and of rows in each (bands * rows <= permutations).
    """
    nodes, weights = np.polynomial.legendre.leggauss(_QUADRATURE_NODES)
    below = (nodes + 1) * threshold / 2
    above = threshold + (nodes + 1) * (1 - threshold) / 2
    # Every (bands, rows) with bands * rows <= permutations, bands first, as datasketch tries them.
    shapes = [(b, r) for b in range(1, permutations + 1) for r in range(1, permutations // b + 1)]
    bands = np.array([b for b, _ in shapes], dtype=np.float64)[:, None]
    rows = np.array([r for _, r in shapes], dtype=np.float64)[:, None]
    false_positive = np.sum(weights * (1 - (1 - below**rows) ** bands), axis=1)
    false_negative = np.sum(weights * (1 - above**rows) ** bands, axis=1)
    error = (
        false_positive * threshold / 2 * _LSH_WEIGHTS[0]
        + false_negative * (1 - threshold) / 2 * _LSH_WEIGHTS[1]
    )
    return shapes[int(np.argmin(error))]  # the first of equal errors, as datasketch keeps it


def lsh_neighbours(signatures: NDArray[np.uint32], threshold: float) -> Iterator[list[int]]:
    """For each signature, the indexes of those LSH finds likely to reach ``threshold``.

    Two signatures are candidates when they agree on every row of at least
    one band (:func:`lsh_bands`), exactly as a datasketch ``MinHashLSH``
    query finds them. Candidates are yielded one signature at a time, so a
    boilerplate sentence that collides with thousands of others never holds
    them all at once.

    Args:
        signatures: MinHash signatures, one row each (see :func:`minhash_signatures`).
        threshold: The Jaccard similarity the LSH bands are tuned for.

    Yields:
        Per signature in order, its candidates (itself included), sorted.
    """
    for found in _neighbours(signatures, threshold, None):
        assert found is not None  # nothing is left out without owners
        yield found


def lsh_neighbours_spread(
    signatures: NDArray[np.uint32], threshold: float, owners: Sequence[int], spread: int
) -> Iterator[list[int] | None]:
    """:func:`lsh_neighbours`, with None for a signature whose candidates are too widespread.

    Each signature has an owner (the article of a sentence). A signature
    whose candidates belong to more than ``spread`` distinct owners gets None
    instead of its candidates when one of its LSH groups alone has that many
    owners, which is told once per group: the candidates of a boilerplate
    line (thousands, more with every article) were otherwise gathered for each
    of its copies, only for the caller to count their owners and drop them.
    A signature whose candidates span too many owners only through several
    groups together still gets them (the caller counts them as before).

    Args:
        signatures: MinHash signatures, one row each.
        threshold: The Jaccard similarity the LSH bands are tuned for.
        owners: The owner of each signature (non-negative integers).
        spread: Most owners a signature's candidates may have.

    Yields:
        Per signature in order, its candidates (itself included), sorted, or None.
    """
    return _neighbours(signatures, threshold, (np.asarray(owners, dtype=np.int64), spread))


def _neighbours(
    signatures: NDArray[np.uint32],
    threshold: float,
    owned: tuple[NDArray[np.int64], int] | None,
) -> Iterator[list[int] | None]:
    """:func:`lsh_neighbours`, or :func:`lsh_neighbours_spread` given (owners, spread).

    The candidates of signatures whose groups hold few members in all are
    merged with NumPy for a chunk of signatures at once (a Python loop per
    signature was most of the text reuse's time); a signature in large groups
    has its own merge, so that no chunk holds a boilerplate line's thousands
    of candidates for each of its copies.
    """
    count = len(signatures)
    if not count:
        return
    bands, rows = lsh_bands(threshold, signatures.shape[1])
    labels, members, bounds = _band_groups(signatures, bands, rows)
    grouped = labels >= 0
    sizes = np.diff(bounds)
    # Members of all of each signature's groups (itself once per group).
    total = (
        np.where(grouped, sizes[np.where(grouped, labels, 0)], 0).sum(axis=1)
        if len(sizes)
        else np.zeros(count, dtype=np.int64)
    )
    too_wide = [False] * count if owned is None else _too_wide(labels, members, bounds, *owned)
    for first in range(0, count, _NEIGHBOURS_CHUNK):
        last = min(first + _NEIGHBOURS_CHUNK, count)
        small = np.flatnonzero((total[first:last] > 0) & (total[first:last] <= _LSH_PYTHON_UNION))
        merged = _merged_groups(labels[first:last][small], members, bounds, count)
        is_small = set(small.tolist())
        n = 0
        for number in range(first, last):
            if too_wide[number]:
                yield None
            elif total[number] == 0:
                yield [number]
            elif number - first in is_small:
                yield merged[n]
            else:
                groups = sorted(g for g in labels[number].tolist() if g >= 0)
                found = np.concatenate([members[bounds[g] : bounds[g + 1]] for g in groups])
                yield np.unique(found).tolist()
            if number - first in is_small:
                n += 1


# Signatures whose candidates are merged at once (bounds the memory: at most
# _LSH_PYTHON_UNION members each; no effect on any value).
_NEIGHBOURS_CHUNK = 4_096


def _merged_groups(
    labels: NDArray[np.int64], members: NDArray[np.intp], bounds: NDArray[np.int64], count: int
) -> list[list[int]]:
    """Per row of ``labels``, the sorted union of the members of its groups (-1: none)."""
    if not len(labels):
        return []
    row, band = np.nonzero(labels >= 0)
    group = labels[row, band]
    sizes = bounds[group + 1] - bounds[group]
    offsets = np.cumsum(sizes) - sizes
    spread = np.repeat(bounds[group] - offsets, sizes) + np.arange(int(sizes.sum()))
    keys = np.unique(np.repeat(row, sizes) * count + members[spread])
    ends = np.searchsorted(keys // count, np.arange(1, len(labels) + 1)).tolist()
    found: list[int] = (keys % count).tolist()
    return [found[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]


def _too_wide(
    labels: NDArray[np.int64],
    members: NDArray[np.intp],
    bounds: NDArray[np.int64],
    owners: NDArray[np.int64],
    spread: int,
) -> list[bool]:
    """Per signature, whether one of its groups has members of more than ``spread`` owners."""
    groups = len(bounds) - 1
    if not groups:
        return [False] * len(labels)
    group_of = np.repeat(np.arange(groups, dtype=np.int64), np.diff(bounds))
    # Distinct (group, owner) pairs, counted per group.
    width = int(owners.max()) + 1
    pairs = np.unique(group_of * width + owners[members])
    wide = np.bincount(pairs // width, minlength=groups) > spread
    grouped = labels >= 0
    found = np.any(wide[np.where(grouped, labels, 0)] & grouped, axis=1)
    return [bool(value) for value in np.asarray(found).tolist()]


# An item's candidates are merged with other items' up to this many group members (fast
# for the few that most have), alone beyond (a boilerplate line's thousands).
_LSH_PYTHON_UNION = 256


def _band_groups(
    signatures: NDArray[np.uint32], bands: int, rows: int
) -> tuple[NDArray[np.int64], NDArray[np.intp], NDArray[np.int64]]:
    """The groups of two or more signatures that agree on a whole band, every band at once.

    Returns:
        Per signature and band, the number of its group there (-1 when it is alone
        in that band); every group's members, in index order, one group after the
        other (groups numbered in that order); and where each group starts in
        them (one more entry than groups: the last is the end).
    """
    count = len(signatures)
    labels = np.full((count, bands), -1, dtype=np.int64)
    pieces: list[NDArray[np.intp]] = []
    sizes_of: list[NDArray[np.int64]] = []
    numbered = 0
    # Every band's values, one row of the signatures per column: a band read from the
    # signatures themselves (one row of 512 bytes per signature) was gathered slowly.
    blocks = np.ascontiguousarray(
        signatures[:, : bands * rows].reshape(count, bands, rows).transpose(1, 2, 0)
    ).astype(np.uint64)
    for band in range(bands):
        # A band's values two by two as one 64-bit key (exact, and in the same order).
        keys = [
            (blocks[band, k] << np.uint64(32)) | blocks[band, k + 1]
            if k + 1 < rows
            else blocks[band, k]
            for k in range(0, rows, 2)
        ]
        # Equal bands end up next to each other: each run of equal ones is a group, and
        # the sorted order (stable) lists every group's members together, in index order.
        order = np.argsort(keys[0], kind="stable") if len(keys) == 1 else np.lexsort(keys[::-1])
        ranked = [key[order] for key in keys]
        changed = np.zeros(max(count - 1, 0), dtype=bool)
        for key in ranked:
            changed |= key[1:] != key[:-1]
        run = np.cumsum(np.concatenate([[True], changed])) - 1
        sizes = np.bincount(run)
        shared = sizes > 1
        number = np.cumsum(shared) - 1 + numbered
        in_group = shared[run]
        labels[order[in_group], band] = number[run[in_group]]
        pieces.append(order[in_group])
        sizes_of.append(sizes[shared].astype(np.int64))
        numbered += int(np.count_nonzero(shared))
    members = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.intp)
    sizes = np.concatenate(sizes_of) if sizes_of else np.zeros(0, dtype=np.int64)
    bounds = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    return labels, members, bounds


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
