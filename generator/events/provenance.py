"""Text reuse: which article reproduces which other article's sentences.

Every sentence becomes the set of its content lemmas; MinHash LSH finds, for
each sentence, the sentences of other articles likely to share most of those
words, and only those candidates are compared exactly. This finds wire copy
(identical sentences) and close rewrites (same words, reordered) without
comparing every pair of sentences or articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from generator.events.model import ReuseLink, SentencePair
from generator.events.similarity import (
    MINHASH_PERMUTATIONS,
    lsh_neighbours_spread,
    minhash_signatures,
)
from generator.models import Article
from generator.text.document import HEADING, TABLE, Sentence
from generator.text.tokens import content_words

REUSE_SENTENCE_MIN = 0.45
"""Two sentences are near-identical when this share (Jaccard) of their content words is
shared; rewrites that keep the facts and swap the function words stay above it."""

REUSE_MIN_WORDS = 5
"""Sentences with fewer content words are too short to tell reuse from coincidence."""

REUSE_MIN_SHARE = 0.2
"""A link is reported when at least this share of the reusing article's sentences match."""

REUSE_MIN_PAIRS = 2
"""... and at least this many sentences match."""

REUSE_LSH_THRESHOLD = 0.3
"""LSH candidate threshold (below ``REUSE_SENTENCE_MIN`` so that few true matches are missed)."""

RELAY_FLAGS = frozenset({"ai-written"})
"""Article flags that mark a text as derived from other reporting."""

BOILERPLATE_SPREAD = 30
"""A sentence whose near-duplicates span more than this many articles is
boilerplate (a stock background line, a template), not evidence that one
article reused another; it is skipped. This also keeps the work linear in the
corpus: no sentence is compared with more than this many others' candidates."""


REUSE_MAX_SENTENCES = 1_000
"""Comparable sentences per article fed to the comparison (a sentence repeated word for word
counts once); later ones are left out. No news article comes near it, and it bounds the work
an article of thousands of near-identical sentences causes: each is an LSH candidate of all
the others, and an article's own sentences are only skipped after that lookup."""


@dataclass(frozen=True, slots=True)
class ReuseSentence:
    """One comparable sentence of an article: where it is and its content words.

    Attributes:
        index: Its index among the article's sentences.
        line: Its line in the seed.
        text: Its text.
        words: Its content words.
    """

    index: int
    line: int
    text: str
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class ReuseFeatures:
    """What text reuse reads from one article alone: its comparable sentences, signed.

    Computed once per article in the per-article map (cached, in the worker
    processes: :mod:`generator.events.features`); :func:`reuse_links` only
    combines them.

    Attributes:
        sentences: Comparable sentences, a repeat kept once, at most
            :data:`REUSE_MAX_SENTENCES` (see :func:`reuse_features`).
        signatures: Their MinHash signatures, one row per sentence, as the bytes
            of a ``uint32`` array (:meth:`signature_rows`).
        wires: The news agencies the article carries (:func:`wires`), when the
            article was given; else :func:`reuse_links` reads them itself.
    """

    sentences: tuple[ReuseSentence, ...]
    signatures: bytes
    wires: frozenset[str] | None = None

    def signature_rows(self) -> NDArray[np.uint32]:
        """The signatures as an array of shape (sentences, permutations)."""
        return np.frombuffer(self.signatures, dtype=np.uint32).reshape(
            len(self.sentences), MINHASH_PERMUTATIONS
        )


def reuse_features(sentences: Sequence[Sentence], article: Article | None = None) -> ReuseFeatures:
    """Comparable sentences of one article (prose and list items long enough), signed.

    A sentence repeated word for word in its own article is compared once, and
    at most :data:`REUSE_MAX_SENTENCES` sentences of an article are compared: an
    article is never compared with itself, but its repeats were all LSH
    candidates of one another, so thousands of near-identical sentences made
    the comparison quadratic.

    Args:
        sentences: The article's sentences.
        article: The article, to read the agencies it carries here (a search of
            its whole body) rather than in the main process.

    Returns:
        The sentences kept, their MinHash signatures and the article's agencies.
    """
    kept: list[ReuseSentence] = []
    seen: set[frozenset[str]] = set()
    for sentence in sentences:
        if sentence.kind in (HEADING, TABLE):
            continue
        words = frozenset(content_words(sentence.norm))
        if len(words) < REUSE_MIN_WORDS or words in seen or len(seen) >= REUSE_MAX_SENTENCES:
            continue
        seen.add(words)
        kept.append(ReuseSentence(sentence.index, sentence.line, sentence.text, words))
    signatures = minhash_signatures([entry.words for entry in kept])
    carried = wires(article) if article is not None else None
    return ReuseFeatures(tuple(kept), signatures.tobytes(), carried)


@dataclass(frozen=True, slots=True)
class _Entry:
    article: str
    sentence: ReuseSentence

    @property
    def words(self) -> frozenset[str]:
        return self.sentence.words


def find_reuse(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> tuple[ReuseLink, ...]:
    """Find the articles that reuse other articles' sentences (see :func:`reuse_links`).

    Args:
        articles: The articles (for dates, credits and flags).
        sentences: Article id → its sentences.

    Returns:
        Links sorted by (reuser, source).
    """
    by_id = {article.id: article for article in articles}
    return reuse_links(
        articles,
        {key: reuse_features(found, by_id.get(key)) for key, found in sentences.items()},
    )


def reuse_links(
    articles: Sequence[Article], features: Mapping[str, ReuseFeatures]
) -> tuple[ReuseLink, ...]:
    """Find the articles that reuse other articles' sentences.

    The earlier article is the source. When publication dates cannot tell (an
    article is undated, or both share a date) the direction is a deterministic
    guess, flagged ``uncertain``: an article that credits other outlets or is
    flagged AI-written is taken to be the reuser, else the longer one
    (rewrites pad their source), else the one whose id sorts last.

    Args:
        articles: The articles (for dates, credits and flags).
        features: Article id → its comparable sentences (:func:`reuse_features`).

    Returns:
        Links sorted by (reuser, source).
    """
    entries, hashes = _entries(features)
    if not entries:
        return ()
    best = _best_matches(entries, hashes)
    counts = _spread_counts(entries)
    by_id = {article.id: article for article in articles}
    # The agencies each article carries, as its features read them (in the per-article map).
    carried = _Carried({i: f.wires for i, f in features.items() if f.wires is not None})
    links: list[ReuseLink] = []
    for (a, b), matches in sorted(best.items()):
        if a > b:
            continue
        pair = (by_id[a], by_id[b])
        link = _link(pair, matches, best.get((b, a), {}), entries, counts, carried)
        if link is not None:
            links.append(link)
    links = _wire_sources(links, by_id, carried)
    return tuple(sorted(links, key=lambda link: (link.reuser, link.source)))


WIRE_MIN_CARRIERS = 2
"""When this many articles that credit one agency reproduce the same uncredited text, that
text is taken to be the agency's copy too (the source outlet carries the wire as well)."""


class _Carried(dict[str, frozenset[str]]):
    """Article id → the agencies it carries (:func:`wires`), each read once.

    Reading them searches the whole body; an article in many candidate pairs
    was searched again for each.
    """

    def of(self, article: Article) -> frozenset[str]:
        """The agencies ``article`` carries."""
        found = self.get(article.id)
        if found is None:
            found = self[article.id] = wires(article)
        return found


def _wire_sources(
    links: list[ReuseLink], by_id: Mapping[str, Article], carried: _Carried
) -> list[ReuseLink]:
    """Mark links whose shared text is most likely one agency's copy.

    An article several wire-crediting outlets all reproduce is not their origin: it
    carries the same agency text. Such links get the agency as ``wire`` and the
    basis "shared wire source" (direction unknown).
    """
    carriers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for link in links:
        for agency in carried.of(by_id[link.reuser]):
            carriers[(link.source, agency)].add(link.reuser)
    out: list[ReuseLink] = []
    for link in links:
        if link.wire is None:
            agencies = sorted(
                a
                for a in carried.of(by_id[link.reuser])
                if len(carriers[(link.source, a)]) >= WIRE_MIN_CARRIERS
            )
            if agencies:
                link = replace(link, wire=agencies[0], basis="shared wire source", uncertain=True)
        out.append(link)
    return out


_Matches = dict[tuple[str, str], dict[int, tuple[float, int, int]]]


def _best_matches(entries: Sequence[_Entry], hashes: NDArray[Any]) -> _Matches:
    """(article, other article) → sentence index → (similarity, other entry, own entry).

    Each sentence keeps its most similar near-identical sentence in each other
    article; only LSH candidates are compared exactly.
    """
    best: _Matches = defaultdict(dict)
    # Plain lists: this loop runs once per candidate pair.
    articles = [entry.article for entry in entries]
    words = [entry.sentence.words for entry in entries]
    sizes = [len(found) for found in words]
    # Each sentence's article as a number, for the LSH to count a group's articles.
    numbers: dict[str, int] = {}
    owners = [numbers.setdefault(article, len(numbers)) for article in articles]
    neighbours = lsh_neighbours_spread(hashes, REUSE_LSH_THRESHOLD, owners, BOILERPLATE_SPREAD)
    for number, candidates in enumerate(neighbours):
        if candidates is None or len({articles[c] for c in candidates}) > BOILERPLATE_SPREAD:
            continue
        own, mine, size = articles[number], words[number], sizes[number]
        index = entries[number].sentence.index
        for other_number in candidates:
            other = articles[other_number]
            if other == own:
                continue
            # jaccard(): shared words over all words.
            shared = len(mine & words[other_number])
            union = size + sizes[other_number] - shared
            score = shared / union if union else 0.0
            if score < REUSE_SENTENCE_MIN:
                continue
            slot = best[(own, other)]
            previous = slot.get(index)
            if previous is None or score > previous[0]:
                slot[index] = (score, other_number, number)
    return best


def _direction(pair: tuple[Article, Article], counts: Mapping[str, int]) -> tuple[str, str, bool]:
    """(reuser id, basis, uncertain) for two articles sharing sentences."""
    first, second = pair
    date_a, date_b = first.published.date, second.published.date
    if date_a is not None and date_b is not None and date_a != date_b:
        return ((first if date_a > date_b else second).id, "publication date", False)
    relays = [a for a in pair if a.credited or RELAY_FLAGS & set(a.flags)]
    if len(relays) == 1:
        return (relays[0].id, "credits or flags", True)
    if counts[first.id] != counts[second.id]:
        longer = first if counts[first.id] > counts[second.id] else second
        return (longer.id, "length", True)
    return (max(first.id, second.id), "id order", True)


def _spread_counts(entries: Sequence[_Entry]) -> dict[str, int]:
    """Number of comparable sentences per article."""
    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        counts[entry.article] += 1
    return dict(counts)


def _entries(features: Mapping[str, ReuseFeatures]) -> tuple[list[_Entry], NDArray[np.uint32]]:
    """Every article's comparable sentences and their signatures, in article-id order."""
    order = sorted(features)
    entries = [_Entry(key, sentence) for key in order for sentence in features[key].sentences]
    rows = [features[key].signature_rows() for key in order]
    if not rows:
        return entries, np.empty((0, MINHASH_PERMUTATIONS), dtype=np.uint32)
    return entries, np.concatenate(rows)


def _link(
    pair: tuple[Article, Article],
    a_in_b: Mapping[int, tuple[float, int, int]],
    b_in_a: Mapping[int, tuple[float, int, int]],
    entries: Sequence[_Entry],
    counts: Mapping[str, int],
    carried: _Carried,
) -> ReuseLink | None:
    """Decide the direction of reuse between two articles and build the link."""
    reuser, basis, uncertain = _direction(pair, counts)
    common = sorted(carried.of(pair[0]) & carried.of(pair[1]))
    wire = common[0] if common else None  # as shared_wire finds it
    if wire is not None:
        owner = [a for a in pair if _agency(a.publisher or "") == wire]
        if len(owner) == 1:
            # The agency's own article is the source: the other carries its copy.
            reuser = pair[1].id if owner[0] is pair[0] else pair[0].id
            basis, uncertain = "wire publisher", False
        else:
            basis, uncertain = "shared wire source", True
    a, b = pair[0].id, pair[1].id
    matches = a_in_b if reuser == a else b_in_a
    source = b if reuser == a else a
    if len(matches) < REUSE_MIN_PAIRS or len(matches) / counts[reuser] < REUSE_MIN_SHARE:
        return None
    pairs = tuple(
        SentencePair(
            reuser_line=entries[own].sentence.line,
            source_line=entries[other].sentence.line,
            reuser_sentence=entries[own].sentence.text,
            source_sentence=entries[other].sentence.text,
            similarity=round(score, 3),
        )
        for _, (score, other, own) in sorted(matches.items())
    )
    return ReuseLink(
        source=source,
        reuser=reuser,
        share=round(len(matches) / counts[reuser], 3),
        matched=len(matches),
        sentences=counts[reuser],
        pairs=pairs,
        uncertain=uncertain,
        basis=basis,
        wire=wire,
    )


_AGENCIES = (
    ("Reuters", re.compile(r"\breuters\b", re.I)),
    ("AP", re.compile(r"\b(?:associated press|AP)\b")),
    ("AFP", re.compile(r"\b(?:AFP|agence france[- ]presse)\b", re.I)),
)
_BODY_CREDIT = re.compile(
    r"\((Reuters|AP|AFP)\)|[-—–]\s*(Reuters|AP|AFP)\s*$|^\s*\(?(Reuters|AP|AFP)\)?\s*[-—–]",
    re.M,
)


def _agency(name: str) -> str | None:
    """The wire agency an outlet name stands for, if it is one."""
    for agency, pattern in _AGENCIES:
        if pattern.search(name):
            return agency
    return None


def wires(article: Article) -> frozenset[str]:
    """The news agencies an article carries: its publisher, its credits, a "(Reuters)" line.

    Args:
        article: The article.

    Returns:
        Agency names ("Reuters", "AP", "AFP").
    """
    names = [article.publisher or "", *(c.outlet for c in article.credited)]
    found = {a for n in names if (a := _agency(n))}
    for match in _BODY_CREDIT.finditer(article.body):
        found.add(next(g for g in match.groups() if g))
    return frozenset(found)


def shared_wire(first: Article, second: Article) -> str | None:
    """The agency both articles carry, when there is one (the first alphabetically)."""
    common = sorted(wires(first) & wires(second))
    return common[0] if common else None
