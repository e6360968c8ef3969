"""Group articles that report the same event.

1. Blocking: each article's most distinctive words (top TF-IDF terms) are
   MinHashed into an LSH index; only articles that collide there, share a
   rare actor, or reuse each other's text become candidate pairs. No pass
   compares every pair of articles.
2. Linking: a candidate pair is linked when the TF-IDF cosine of the two
   texts, plus a bonus for shared actors, reaches ``GROUP_LINK_MIN`` and the
   two publication dates (when both are known) are within
   ``GROUP_DATE_WINDOW_DAYS``.
3. Clustering: links are taken best first; two groups merge only when the
   mean similarity across them stays above ``GROUP_MERGE_MEAN`` and their
   dated members stay within the date window. Undated articles group on text
   alone.
4. Pins: ``event:`` in front matter overrides all of this.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.events.text import content_words
from generator.models import Article

GROUP_LINK_MIN = 0.18
"""Smallest TF-IDF cosine (plus actor bonus) at which two articles report the same event."""

GROUP_MERGE_MEAN = 0.15
"""Two groups merge only if the mean similarity of all their cross pairs reaches this."""

GROUP_DATE_WINDOW_DAYS = 7
"""Dated articles of one event are published at most this many days apart."""

GROUP_ACTOR_WEIGHT = 0.15
"""Bonus weight of the Jaccard overlap of the two articles' actors."""

GROUP_ACTOR_MAX_SHARE = 0.2
"""Actors named by more than this share of the corpus are too common to block on."""

GROUP_SIGNATURE_TERMS = 25
"""Number of top TF-IDF terms that make an article's blocking signature."""

GROUP_LSH_THRESHOLD = 0.1
"""Jaccard threshold of the signature LSH (low: it only proposes candidates)."""

MINHASH_PERMUTATIONS = 128
"""Number of MinHash permutations (fixed seed 1)."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """The groups found and the text similarity used to find them.

    Attributes:
        groups: Member ids of each group, sorted; groups sorted by first id.
        pins: Group index → pinned event slug, for pinned groups.
        candidates: Number of candidate pairs compared (for the benchmark).
    """

    groups: tuple[tuple[str, ...], ...]
    pins: Mapping[int, str]
    candidates: int


class _Similarity:
    """TF-IDF cosines computed on demand, plus the actor bonus."""

    def __init__(self, articles: Sequence[Article], actors: Mapping[str, Sequence[str]]) -> None:
        texts = [" ".join(content_words(f"{a.title}. {a.body}")) for a in articles]
        # An article without content words gets a token of its own, so it matches nothing
        # (and the vectorizer never sees an empty vocabulary).
        texts = [text or f"empty-article-{n}" for n, text in enumerate(texts)]
        # Imported here: scikit-learn takes seconds to import, and `briefing check` on
        # seeds that are all refused by a limit must answer at once.
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizer = TfidfVectorizer(analyzer=str.split, sublinear_tf=True)
        self.matrix = self.vectorizer.fit_transform(texts).tocsr()
        self.terms = self.vectorizer.get_feature_names_out()
        self.rows = [
            dict(zip(self.matrix[i].indices.tolist(), self.matrix[i].data.tolist(), strict=True))
            for i in range(self.matrix.shape[0])
        ]
        self.actors = [frozenset(actors.get(a.id, ())) for a in articles]
        self.cache: dict[tuple[int, int], float] = {}

    def score(self, i: int, j: int) -> float:
        """Similarity of articles ``i`` and ``j`` (cached)."""
        key = (min(i, j), max(i, j))
        if key not in self.cache:
            a_row, b_row = self.rows[key[0]], self.rows[key[1]]
            if len(a_row) > len(b_row):
                a_row, b_row = b_row, a_row
            cosine = sum(v * b_row.get(t, 0.0) for t, v in a_row.items())
            self.cache[key] = round(cosine + self._bonus(*key), 6)
        return self.cache[key]

    def _bonus(self, i: int, j: int) -> float:
        a, b = self.actors[i], self.actors[j]
        return GROUP_ACTOR_WEIGHT * len(a & b) / len(a | b) if a | b else 0.0

    def prime(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Score many pairs at once with sparse row products (fills the cache).

        The candidate pairs are scored here in one vectorised pass; ``score``
        computes the few others (cross pairs checked when groups merge) one by one.
        """
        todo = sorted({(min(i, j), max(i, j)) for i, j in pairs} - self.cache.keys())
        if not todo:
            return
        import numpy as np  # with scikit-learn, imported only when there is text to compare

        left = np.array([i for i, _ in todo])
        right = np.array([j for _, j in todo])
        cosines = np.asarray(self.matrix[left].multiply(self.matrix[right]).sum(axis=1)).ravel()
        for (i, j), cosine in zip(todo, cosines.tolist(), strict=True):
            self.cache[(i, j)] = round(cosine + self._bonus(i, j), 6)

    def signature(self, i: int) -> list[str]:
        """The article's top TF-IDF terms."""
        row = self.rows[i]
        order = sorted(row, key=lambda t: (-row[t], str(self.terms[t])))
        return [str(self.terms[t]) for t in order[:GROUP_SIGNATURE_TERMS]]


def group_articles(
    articles: Sequence[Article],
    actors: Mapping[str, Sequence[str]],
    reuse_pairs: Sequence[tuple[str, str]] = (),
) -> Grouping:
    """Group articles into events.

    Pinned articles (``event:`` in front matter) go to their pinned event; an
    unpinned article that clusters with pinned ones joins the pin most of them
    carry.

    Args:
        articles: Every article of the corpus.
        actors: Article id → actor ids.
        reuse_pairs: (reuser, source) pairs from text provenance, used as candidates.

    Returns:
        The groups (pinned ones included).
    """
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return Grouping((), {}, 0)
    clusters, candidates = _cluster(ordered, actors, reuse_pairs)
    pin_of = {a.id: a.event_pin for a in ordered if a.event_pin}
    pinned: dict[str, list[str]] = defaultdict(list)
    free: list[tuple[str, ...]] = []
    for cluster in clusters:
        pins = Counter(pin_of[i] for i in cluster if i in pin_of)
        if not pins:
            free.append(tuple(cluster))
            continue
        majority = min(pins, key=lambda slug: (-pins[slug], slug))
        for article_id in cluster:
            pinned[pin_of.get(article_id, majority)].append(article_id)
    result = free + [tuple(sorted(ids)) for ids in pinned.values()]
    result.sort(key=lambda g: g[0])
    slug_of = {tuple(sorted(ids)): slug for slug, ids in pinned.items()}
    pins_by_index = {n: slug_of[g] for n, g in enumerate(result) if g in slug_of}
    return Grouping(tuple(result), pins_by_index, candidates)


def _cluster(
    articles: Sequence[Article],
    actors: Mapping[str, Sequence[str]],
    reuse_pairs: Sequence[tuple[str, str]],
) -> tuple[list[list[str]], int]:
    """Cluster unpinned articles; return (groups, number of candidate pairs)."""
    sim = _Similarity(articles, actors)
    index = {a.id: i for i, a in enumerate(articles)}
    dates = [a.published.date for a in articles]
    candidates = _candidates(sim, articles, actors, index, reuse_pairs)
    sim.prime(candidates)
    links = sorted(
        ((sim.score(i, j), i, j) for i, j in candidates if _close(dates[i], dates[j])),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    owner = list(range(len(articles)))
    for score, i, j in links:
        a, b = owner[i], owner[j]
        if score < GROUP_LINK_MIN or a == b or not _mergeable(members[a], members[b], sim, dates):
            continue
        for k in members[b]:
            owner[k] = a
        members[a].extend(members.pop(b))
    groups = [sorted(articles[k].id for k in m) for m in members.values()]
    return (sorted(groups), len(candidates))


def _candidates(
    sim: _Similarity,
    articles: Sequence[Article],
    actors: Mapping[str, Sequence[str]],
    index: Mapping[str, int],
    reuse_pairs: Sequence[tuple[str, str]],
) -> list[tuple[int, int]]:
    """Candidate pairs from signature LSH, rare shared actors and text reuse."""
    from datasketch import MinHash, MinHashLSH  # slow to import (SciPy); see Similarity

    lsh = MinHashLSH(threshold=GROUP_LSH_THRESHOLD, num_perm=MINHASH_PERMUTATIONS)
    template = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1)
    hashes = []
    for i in range(len(articles)):
        signature = MinHash(
            num_perm=MINHASH_PERMUTATIONS,
            permutations=template.permutations,
            scheme=template.scheme,
        )
        signature.update_batch([term.encode("utf-8") for term in sorted(sim.signature(i))])
        hashes.append(signature)
        lsh.insert(str(i), signature)
    pairs: set[tuple[int, int]] = set()
    for i, signature in enumerate(hashes):
        pairs.update((min(i, int(k)), max(i, int(k))) for k in lsh.query(signature) if int(k) != i)
    by_actor: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        for actor in sorted(set(actors.get(article.id, ()))):
            by_actor[actor].append(i)
    limit = max(2, int(GROUP_ACTOR_MAX_SHARE * len(articles)))
    for holders in by_actor.values():
        if len(holders) <= limit:
            pairs.update((a, b) for n, a in enumerate(holders) for b in holders[n + 1 :])
    for reuser, source in reuse_pairs:
        if reuser in index and source in index:
            i, j = index[reuser], index[source]
            pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _close(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether two publication dates allow the same event (unknown dates always do)."""
    return a is None or b is None or abs((a - b).days) <= GROUP_DATE_WINDOW_DAYS


def _mergeable(
    left: Sequence[int], right: Sequence[int], sim: _Similarity, dates: Sequence[dt.date | None]
) -> bool:
    """Whether two groups may merge: dates within the window and mean similarity high enough."""
    known = [d for d in (dates[k] for k in (*left, *right)) if d is not None]
    if known and (max(known) - min(known)).days > GROUP_DATE_WINDOW_DAYS:
        return False
    scores = [sim.score(i, j) for i in left for j in right]
    return sum(scores) / len(scores) >= GROUP_MERGE_MEAN
