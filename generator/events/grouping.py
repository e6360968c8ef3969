"""Group articles that report the same event.

1. Blocking: each article's most distinctive words (top TF-IDF terms) are
   MinHashed into an LSH index; only articles that collide there, share a
   rare actor, or reuse each other's text become candidate pairs. No pass
   compares every pair of articles.
2. Similarity of a pair: the TF-IDF cosine of the two texts (what) plus,
   weighted by ``GROUP_NAME_WEIGHT``, the TF-IDF cosine of the proper names
   they use (who and where; names in the headline and the first sentences
   count more, and IDF makes rare names weigh most).
3. Clustering (average linkage): candidate pairs at or above
   ``GROUP_LINK_MIN`` are taken best first; two groups merge only when
   - the mean similarity of *all* their cross pairs reaches
     ``GROUP_MERGE_MEAN`` (one strong pair cannot chain two events);
   - their dated members stay within ``GROUP_DATE_WINDOW_DAYS``;
   - neither group has a distinctive name in the opening of most of its
     reports that the other group never mentions at all (the opponent of a
     title fight, the player arrested, the city of a crash): the same event
     is told with the same protagonists.
   Undated articles group on text alone, so precision comes first: weak
   evidence leaves an article in an event of its own.
4. Pins: ``event:`` in front matter overrides all of this.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from generator.events.similarity import (
    greedy_merge,
    lsh_neighbours,
    minhash_signatures,
    sparse_dot,
    tfidf,
)
from generator.models import Article
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.datementions import find_dates
from generator.text.dates import DAY
from generator.text.document import HEADING, Sentence, document
from generator.text.factwords import EVENT_RELATIONS
from generator.text.phrasewords import CAPITALISED_NON_NAMES
from generator.text.tokens import content_words

GROUP_LINK_MIN = 0.4
"""Smallest pair similarity (text cosine + weighted name cosine, 0-2) that proposes a merge."""

GROUP_MERGE_MEAN = 0.45
"""Two groups merge only if the mean similarity of all their cross pairs reaches this."""

GROUP_NAME_WEIGHT = 1.0
"""Weight of the proper-name cosine (who and where) next to the text cosine (what)."""

GROUP_NAME_LEDE_WEIGHT = 3
"""A name in the headline or the first GROUP_LEDE_SENTENCES sentences counts this many times."""

GROUP_LEDE_SENTENCES = 2
"""Sentences after the headline that make an article's opening."""

GROUP_CONTRAST_SHARE = 0.8
"""A name in the opening of at least this share of a group's reports (and of two or more)
keeps it apart from a group that never mentions that name."""

GROUP_CONTRAST_MAX_SHARE = 0.05
"""Only names in the openings of at most this share of the corpus (or of
GROUP_CONTRAST_MIN_LIMIT articles in a small corpus) are distinctive enough to keep groups
apart."""

GROUP_CONTRAST_MIN_LIMIT = 8
"""In a small corpus a name may open this many articles and still be distinctive."""

GROUP_DATE_WINDOW_DAYS = 7
"""Dated articles of one event are published at most this many days apart."""

GROUP_EVENT_LOOKBACK_DAYS = 31
"""A day named in a dated article's opening is the day of its news when it falls at most this
many days before publication; two groups whose openings name only days more than
GROUP_DATE_WINDOW_DAYS apart are two events."""

GROUP_ACTOR_MAX_SHARE = 0.2
"""Actors named by more than this share of the corpus are too common to block on."""

GROUP_ACTOR_UNDATED_MAX = 100
"""An undated article is paired with the other articles naming one of its actors only when at
most this many articles name that actor: without a date to narrow them, a widely named actor
says little about which of its articles report one event (and pairing them all grows with the
square of the corpus)."""

GROUP_SIGNATURE_TERMS = 25
"""Number of top TF-IDF terms that make an article's blocking signature."""

GROUP_LSH_THRESHOLD = 0.1
"""Jaccard threshold of the signature LSH (low: it only proposes candidates)."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """The groups found and the text similarity used to find them.

    Attributes:
        groups: Member ids of each group, sorted; groups sorted by first id.
        pins: Group index → pinned event slug, for pinned groups.
        candidates: Number of candidate pairs compared (for the benchmark).
        scored: Number of pairs whose similarity was computed: the candidates
            and the cross pairs the merge tests read (for the benchmark).
    """

    groups: tuple[tuple[str, ...], ...]
    pins: Mapping[int, str]
    candidates: int
    scored: int = 0


class _Similarity:
    """Text and name cosines computed on demand."""

    def __init__(self, features: Sequence[GroupingFeatures]) -> None:
        # An article without content words gets a token of its own, so it matches nothing
        # (and the vectorizer never sees an empty vocabulary).
        texts = [f.text or f"empty-article-{n}" for n, f in enumerate(features)]
        self.text = tfidf(texts)
        self.terms = self.text.terms
        names = [f.names for f in features]
        name_texts = [" ".join(n.weighted) or f"no-names-{k}" for k, n in enumerate(names)]
        self.names = tfidf(name_texts)
        self.named = np.array([bool(n.weighted) for n in names])
        self.cache: dict[tuple[int, int], float] = {}

    def score(self, i: int, j: int) -> float:
        """Similarity of articles ``i`` and ``j`` (cached)."""
        key = (min(i, j), max(i, j))
        if key not in self.cache:
            text = sparse_dot(self.text.row(i), self.text.row(j))
            named = bool(self.named[i] and self.named[j])
            name = sparse_dot(self.names.row(i), self.names.row(j)) if named else text
            self.cache[key] = round(text + GROUP_NAME_WEIGHT * name, 6)
        return self.cache[key]

    def prime(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Score many pairs at once (fills the cache)."""
        todo = sorted({(min(i, j), max(i, j)) for i, j in pairs} - self.cache.keys())
        if not todo:
            return
        left = [i for i, _ in todo]
        right = [j for _, j in todo]
        text = self.text.dots(left, right)
        name = self.names.dots(left, right)
        # Without names on one side there is no evidence on who: the text alone decides.
        named = self.named[left] & self.named[right]
        scores = text + GROUP_NAME_WEIGHT * np.where(named, name, text)
        for (i, j), value in zip(todo, scores.tolist(), strict=True):
            self.cache[(i, j)] = round(value, 6)

    def signatures(self) -> list[list[str]]:
        """Each article's top TF-IDF terms, heaviest first (ties in alphabetical order).

        Columns are numbered in alphabetical order of their terms, so the order of
        columns is that of terms.
        """
        terms = self.terms
        return [[terms[t] for t in top] for top in self.text.top_columns(GROUP_SIGNATURE_TERMS)]

    def scores(self, left: Sequence[int], right: Sequence[int]) -> list[float]:
        """:meth:`score` of every pair of ``left`` and ``right``, left by left."""
        cache = self.cache
        found: list[float] = []
        for i in left:
            for j in right:
                value = cache.get((i, j) if i < j else (j, i))
                found.append(self.score(i, j) if value is None else value)
        return found


@dataclass(frozen=True, slots=True)
class _Names:
    """The proper names of one article.

    Attributes:
        weighted: Lower-cased names, those of the opening repeated (for the name cosine).
        opening: Whole names ("jamal williams") in the headline and first sentences.
        heads: The last word of each opening name ("williams").
        words: Every lower-cased word of the article (to tell whether it mentions a name).
        lower: The words the article writes in lower case (common words, not names).
    """

    weighted: tuple[str, ...]
    opening: frozenset[str]
    heads: frozenset[str]
    words: frozenset[str]
    lower: frozenset[str]


_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Capitalised words that are not names: calendar words and titles. Months by their full
# name (the longest of each month's names) only: "Jan" and "Mar" can be names.
_NOT_NAMES = frozenset(
    {max((n for n, m in MONTHS.items() if m == month), key=len) for month in range(1, 13)}
    | set(WEEKDAYS)
    | CAPITALISED_NON_NAMES
)


def _names(article: Article, body: Sequence[Sentence]) -> _Names:
    """Proper names of an article: capitalised words that do not start a sentence.

    The opening's names are kept whole ("jamal williams", "hasim rahman"): runs
    of adjacent capitalised words, a lone capitalised first word of a sentence
    excepted ("Police", "After").
    """
    weighted: list[str] = []
    opening: set[str] = set()
    words: set[str] = set()
    lower: set[str] = set()
    texts = [(article.title, True), *((s.norm, s.kind == HEADING) for s in body)]
    for n, (text, headline) in enumerate(texts):
        in_opening = n <= GROUP_LEDE_SENTENCES
        # A headline in Title Case capitalises every word, so its capitals mark no names.
        title_case = headline and _title_case(text)
        run: list[str] = []
        run_start = 0
        previous_end = 0
        for k, match in enumerate(_NAME_TOKEN.finditer(text)):
            token = match.group(0)
            low = _folded(token)
            words.add(low)
            if token[0].islower():
                lower.add(low)
                name = False
            else:
                # An acronym (IBF, NYPD) or an upper-case dateline names an organisation
                # or a place, not a person, and a title (Mr, Sen) is not part of the name.
                name = not title_case and low not in _NOT_NAMES
            if name and k > 0 and len(low) >= 3:
                weighted += [low] * (GROUP_NAME_LEDE_WEIGHT if in_opening else 1)
            if not in_opening:
                continue  # whole names are only kept from the opening
            if name and not token.isupper() and run and text[previous_end : match.start()] == " ":
                run.append(low)
            else:
                _keep_run(run, run_start, in_opening, opening)
                run = [low] if name and not token.isupper() else []
                run_start = k
            previous_end = match.end()
        _keep_run(run, run_start, in_opening, opening)
    heads = frozenset(name.rsplit(" ", 1)[-1] for name in opening)
    return _Names(tuple(weighted), frozenset(opening), heads, frozenset(words), frozenset(lower))


@lru_cache(maxsize=65536)
def _folded(token: str) -> str:
    """A word as the name sets hold it: lower case, no possessive, straight apostrophes.

    Interned, so every article's word sets share one string per word; memoised,
    since an article's words are mostly the corpus's common ones.
    """
    return sys.intern(token.lower().replace("’", "'").removesuffix("'s").strip("'-"))


@dataclass(frozen=True, slots=True)
class GroupingFeatures:
    """What grouping reads from one article alone.

    Computed once per article in the per-article map (cached, in the worker
    processes: :mod:`generator.events.features`), so that only the
    corpus-wide part of the grouping runs in the main process.

    Attributes:
        text: The content words of the title and body, joined by spaces (its TF-IDF text).
        names: Its proper names.
        days: Days its opening says the news happened on (:func:`_event_days`).
    """

    text: str
    names: _Names
    days: frozenset[dt.date]


def grouping_features(article: Article, sentences: Sequence[Sentence]) -> GroupingFeatures:
    """What grouping reads from ``article`` alone, given its sentences.

    Args:
        article: The article.
        sentences: Its body's sentences (``document(article.body, article.body_line)``).

    Returns:
        Its TF-IDF text, proper names and the days its opening names.
    """
    return GroupingFeatures(
        " ".join(content_words(f"{article.title}. {article.body}")),
        _names(article, sentences),
        _event_days(article, sentences),
    )


def _keep_run(run: Sequence[str], start: int, in_opening: bool, into: set[str]) -> None:
    """Record a run of capitalised words of the opening as one name."""
    if in_opening and run and (start > 0 or len(run) > 1) and len(run[-1]) >= 3:
        into.add(" ".join(run))


def group_articles(
    articles: Sequence[Article],
    actors: Mapping[str, Sequence[str]],
    reuse_pairs: Sequence[tuple[str, str]] = (),
    sentences: Mapping[str, Sequence[Sentence]] | None = None,
    places: Mapping[str, Sequence[str]] | None = None,
    features: Mapping[str, GroupingFeatures] | None = None,
) -> Grouping:
    """Group articles into events.

    Pinned articles (``event:`` in front matter) go to their pinned event; an
    unpinned article that clusters with pinned ones joins the pin most of them
    carry.

    Args:
        articles: Every article of the corpus.
        actors: Article id → actor ids.
        reuse_pairs: (reuser, source) pairs from text provenance, used as candidates.
        sentences: Article id → its sentences, when already split (else split here).
        places: Article id → place ids it names (their words never veto a merge).
        features: Article id → what grouping reads from it alone, when already
            computed (else computed here, from ``sentences`` when given).

    Returns:
        The groups (pinned ones included).
    """
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return Grouping((), {}, 0)
    known = features or {}
    split = sentences or {}
    found = [
        known[a.id]
        if a.id in known
        else grouping_features(
            a, split[a.id] if a.id in split else document(a.body, a.body_line).sentences
        )
        for a in ordered
    ]
    place_words = frozenset(
        word for ids in (places or {}).values() for place in ids for word in place.split("-")
    )
    clusters, candidates, scored = _cluster(ordered, found, actors, reuse_pairs, place_words)
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
    return Grouping(tuple(result), pins_by_index, candidates, scored)


def _event_days(article: Article, body: Sequence[Sentence]) -> frozenset[dt.date]:
    """Days the opening says the news happened on, resolved against the publication date.

    "On Saturday" or "Nov. 11" in the first sentences of a dated article fix
    the day of the news when they fall in the month before publication. An
    undated article gives none: a date written with its year in an opening is
    as often a birth or a past event as the news.
    """
    published = article.published
    if published.date is None or published.precision != DAY:
        return frozenset()
    first = published.date - dt.timedelta(days=GROUP_EVENT_LOOKBACK_DAYS)
    last = published.date + dt.timedelta(days=1)
    days: set[dt.date] = set()
    for sentence in [s for s in body if s.kind != HEADING][:GROUP_LEDE_SENTENCES]:
        for mention in find_dates(sentence.norm, published.date):
            if (
                mention.date is not None
                and mention.precision == DAY
                and mention.relation in EVENT_RELATIONS
                and first <= mention.date <= last
            ):
                days.add(mention.date)
    return frozenset(days)


def _title_case(title: str) -> bool:
    """Whether most words of a headline are capitalised (so capitals do not mark names)."""
    tokens = [t for t in _NAME_TOKEN.findall(title) if len(t) > 3]
    return len(tokens) >= 3 and sum(t[0].isupper() for t in tokens) > 0.6 * len(tokens)


def _cluster(
    articles: Sequence[Article],
    features: Sequence[GroupingFeatures],
    actors: Mapping[str, Sequence[str]],
    reuse_pairs: Sequence[tuple[str, str]],
    places: frozenset[str],
) -> tuple[list[list[str]], int, int]:
    """Cluster unpinned articles; return (groups, candidate pairs, pairs scored)."""
    sim = _Similarity(features)
    names = [f.names for f in features]
    index = {a.id: i for i, a in enumerate(articles)}
    dates = [a.published.date for a in articles]
    candidates = _candidates(sim, articles, actors, index, reuse_pairs)
    sim.prime(candidates)
    distinctive = _distinctive(names, places)
    days = [f.days for f in features]
    # Candidates are (lower, higher) pairs, all scored by prime().
    links = [(sim.cache[(i, j)], i, j) for i, j in candidates if _close(dates[i], dates[j])]

    def mergeable(left: Sequence[int], right: Sequence[int]) -> bool:
        return _mergeable(left, right, sim, dates, days) and not (
            _contrast(left, right, names, distinctive) or _contrast(right, left, names, distinctive)
        )

    clusters = greedy_merge(len(articles), links, GROUP_LINK_MIN, mergeable)
    groups = [sorted(articles[k].id for k in m) for m in clusters]
    return (sorted(groups), len(candidates), len(sim.cache))


def _distinctive(names: Sequence[_Names], places: frozenset[str]) -> list[frozenset[str]]:
    """Per article, the opening names that can tell two events apart.

    A name qualifies when it is rare in the corpus (in the openings of at most
    ``GROUP_CONTRAST_MAX_SHARE`` of the articles, and of two or more) and names
    someone or something rather than somewhere: place names are left out, since
    reports of one event name its place at different granularity ("Queens",
    "New York"); so are words the corpus also writes in lower case ("Hope",
    "Avenue") and hyphenated descriptions ("Ethiopian-flagged").
    """
    counts = Counter(w for n in names for w in n.opening)
    limit = max(GROUP_CONTRAST_MIN_LIMIT, int(GROUP_CONTRAST_MAX_SHARE * len(names)))
    common = frozenset().union(*(n.lower for n in names)) | places
    return [
        frozenset(
            w
            for w in n.opening
            if 2 <= counts[w] <= limit
            and w.rsplit(" ", 1)[-1] not in common
            and "-" not in w.rsplit(" ", 1)[-1]
        )
        for n in names
    ]


def _contrast(
    left: Sequence[int],
    right: Sequence[int],
    names: Sequence[_Names],
    distinctive: Sequence[frozenset[str]],
) -> bool:
    """Whether most of ``left`` open with a distinctive name that ``right`` never mentions.

    A name is known by its last word ("Williams" for "Jamal Williams"): reports
    write the same person as "Fred LaRue", "Frederick C. LaRue" or "Mr. LaRue".
    """
    heads = {name.rsplit(" ", 1)[-1] for k in left for name in distinctive[k]}
    need = max(2, GROUP_CONTRAST_SHARE * len(left))
    for head in sorted(heads):
        support = sum(head in names[k].heads for k in left)
        if support >= need and not any(head in names[k].words for k in right):
            return True
    return False


def _candidates(
    sim: _Similarity,
    articles: Sequence[Article],
    actors: Mapping[str, Sequence[str]],
    index: Mapping[str, int],
    reuse_pairs: Sequence[tuple[str, str]],
) -> list[tuple[int, int]]:
    """Candidate pairs from signature LSH, rare shared actors and text reuse.

    Only pairs whose publication dates allow one event are kept: a pair further
    apart can never link, and no merge test ever reads its score (a group
    spanning it fails the date test first). Without this, the articles sharing
    an actor made a number of pairs that grew with the square of the corpus.
    """
    dates = [a.published.date for a in articles]
    signatures = minhash_signatures(sim.signatures())
    pairs: set[tuple[int, int]] = set()
    for i, found in enumerate(lsh_neighbours(signatures, GROUP_LSH_THRESHOLD)):
        pairs.update((min(i, k), max(i, k)) for k in found if k != i and _close(dates[i], dates[k]))
    by_actor: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        for actor in sorted(set(actors.get(article.id, ()))):
            by_actor[actor].append(i)
    limit = max(2, int(GROUP_ACTOR_MAX_SHARE * len(articles)))
    for holders in by_actor.values():
        if len(holders) <= limit:
            pairs.update(_close_pairs(holders, dates, len(holders) <= GROUP_ACTOR_UNDATED_MAX))
    for reuser, source in reuse_pairs:
        if reuser in index and source in index:
            i, j = index[reuser], index[source]
            if _close(dates[i], dates[j]):
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _close_pairs(
    holders: Sequence[int], dates: Sequence[dt.date | None], undated: bool
) -> Iterator[tuple[int, int]]:
    """Pairs of ``holders`` whose dates allow one event (sorted indexes, each pair once).

    Dated holders pair within the date window (a sliding window over the
    holders in date order, so the work follows the pairs kept, not all pairs);
    an undated holder pairs with every other holder when ``undated`` allows it.
    """
    dated = sorted((d, i) for i in holders if (d := dates[i]) is not None)
    window = dt.timedelta(days=GROUP_DATE_WINDOW_DAYS)
    start = 0
    for end, (day, i) in enumerate(dated):
        while dated[start][0] < day - window:
            start += 1
        for _, k in dated[start:end]:
            yield (min(i, k), max(i, k))
    if undated:
        loose = [i for i in holders if dates[i] is None]
        for n, i in enumerate(loose):
            for k in (*loose[n + 1 :], *(k for _, k in dated)):
                yield (min(i, k), max(i, k))


def _close(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether two publication dates allow the same event (unknown dates always do)."""
    return a is None or b is None or abs((a - b).days) <= GROUP_DATE_WINDOW_DAYS


def _mergeable(
    left: Sequence[int],
    right: Sequence[int],
    sim: _Similarity,
    dates: Sequence[dt.date | None],
    days: Sequence[frozenset[dt.date]],
) -> bool:
    """Whether two groups may merge: dates within the window and mean similarity high enough.

    Besides publication dates, the days the openings give for the news must
    agree: two groups whose openings name only days more than the window
    apart report two events.
    """
    known = [d for d in (dates[k] for k in (*left, *right)) if d is not None]
    if known and (max(known) - min(known)).days > GROUP_DATE_WINDOW_DAYS:
        return False
    left_days = [d for k in left for d in days[k]]
    right_days = [d for k in right for d in days[k]]
    if left_days and right_days:
        gap = min(abs((a - b).days) for a in left_days for b in right_days)
        if gap > GROUP_DATE_WINDOW_DAYS:
            return False
    scores = sim.scores(left, right)
    return sum(scores) / len(scores) >= GROUP_MERGE_MEAN
