"""Assemble the event report: group, compare, trace reuse."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

import ahocorasick

from generator.events.align import align
from generator.events.claims import Claim
from generator.events.clock import clock_conflicts
from generator.events.compare import update_conflicts, value_conflicts
from generator.events.details import detail_conflicts
from generator.events.document import Doc, Span
from generator.events.features import FeatureMap, features_packed
from generator.events.grouping import group_articles
from generator.events.matrix import curate, describe_scopes
from generator.events.model import (
    ArticleNotes,
    Conflict,
    Event,
    EventReport,
    FactRow,
    ReuseLink,
)
from generator.events.prepare import Prepared, ToPrepare, prepare_packed
from generator.events.provenance import reuse_links
from generator.events.pubdates import complete_from_event
from generator.events.quotes import quote_conflicts
from generator.events.rows import fact_rows, only_here
from generator.events.slots import slot_conflicts
from generator.events.status import (
    cause_conflicts,
    departure_conflicts,
    fate_conflicts,
    status_conflicts,
)
from generator.events.tense import tense_conflicts
from generator.events.timeline import occurred, timeline
from generator.events.wording import wording
from generator.models import Article, Origin
from generator.picklers import Packed
from generator.slugs import stable_slug
from generator.text.lexicon import UNITS
from generator.text.tokens import content_words

EVENT_SLUG_MAX = 60
"""Longest event slug (cut at a word boundary)."""

EVENT_KEY_ACTORS = 8
"""How many of an event's most widely named actors the wording comparison covers."""

_DECLARED_TITLES = frozenset({Origin.FRONT_MATTER, Origin.HEADING, Origin.HEADER})


def analyse_events(
    articles: Sequence[Article],
    actors_by_article: Mapping[str, Sequence[str]],
    places_by_article: Mapping[str, Sequence[str]],
    *,
    actor_names: Mapping[str, Sequence[str]] | None = None,
    event_map: EventMap | None = None,
    prepare_map: PrepareMap | None = None,
    features_map: FeatureMap | None = None,
) -> EventReport:
    """Group the articles into events and compare how each event was reported.

    Args:
        articles: Every article of the corpus.
        actors_by_article: Article id → actor ids it names (may be empty).
        places_by_article: Article id → place names it names (may be empty).
        actor_names: Optional actor id → names to look for in the text; by
            default an actor's id is read as its name ("tom-perez" → "tom perez").
        event_map: How the per-event analysis runs (:func:`analyse_jobs` in this
            process by default; the cache and worker processes wrap it).
        prepare_map: How the per-article part of the comparison runs
            (:func:`~generator.events.prepare.prepare_packed` in this process by
            default; the cache and worker processes wrap it).
        features_map: How what grouping and text reuse read from each article runs
            (:func:`~generator.events.features.features_packed` in this process by
            default; the cache and worker processes wrap it).

    Returns:
        The events (most recently reported first) and all text reuse links.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    packed = (features_map or features_packed)(ordered)
    features = {a.id: p.get() for a, p in zip(ordered, packed, strict=True)}
    reuse = reuse_links(ordered, {i: f.reuse for i, f in features.items()})
    grouping = group_articles(
        ordered,
        actors_by_article,
        [(r.reuser, r.source) for r in reuse],
        places=places_by_article,
        features={i: f.grouping for i, f in features.items()},
    )
    by_id = {a.id: a for a in ordered}
    # A year-less publication date takes its year from the event's dated reports.
    completed = complete_from_event(grouping.groups, by_id)
    by_id.update(completed)
    context = _Context(actors_by_article, places_by_article, actor_names or {}, reuse)
    # What each article's comparison reads from it alone: once per article, in id order.
    todo = _to_prepare(grouping.groups, by_id)
    prepared = dict(
        zip((t.article.id for t in todo), (prepare_map or prepare_packed)(todo), strict=True)
    )
    event_map = event_map or analyse_jobs
    events = event_map(
        [
            _job([by_id[i] for i in group], grouping.pins.get(n), context, prepared)
            for n, group in enumerate(grouping.groups)
        ]
    )
    events = _with_unique_ids(events)
    events.sort(key=_recency)
    membership = {article: event.id for event in events for article in event.articles}
    return EventReport(
        events=tuple(events),
        provenance=reuse,
        membership=MappingProxyType(membership),
        inherited=MappingProxyType(_inherited(events, by_id)),
        completed=MappingProxyType({i: a.published for i, a in sorted(completed.items())}),
    )


@dataclass(frozen=True, slots=True)
class EventJob:
    """Everything the analysis of one group reads: a pure, picklable input.

    The corpus-wide inputs are cut down to the group's members, so that a job
    is the same whenever its members, their texts and the names they carry are
    the same (the content cache keys on :meth:`key`), and cheap to send to a
    worker. The members come with their preparation (per-article map).
    """

    members: tuple[Article, ...]
    pin: str | None
    actors: dict[str, tuple[str, ...]]
    places: dict[str, tuple[str, ...]]
    names: dict[str, tuple[str, ...]]
    reuse: tuple[ReuseLink, ...]
    prepared: dict[str, Packed[Prepared]]

    def key(self) -> str:
        """What the result depends on, as text the same in every process.

        The preparations follow from the members (their text and dates) and the
        code, so they are left out: the key stays small.
        """
        return repr((self.members, self.pin, self.actors, self.places, self.names, self.reuse))


EventMap = Callable[[Sequence[EventJob]], list[Event]]
"""Analyses jobs, keeping their order (in process, cached, across processes)."""

PrepareMap = Callable[[Sequence[ToPrepare]], list[Packed[Prepared]]]
"""Prepares articles for the comparison, keeping their order."""


def _to_prepare(groups: Sequence[Sequence[str]], by_id: Mapping[str, Article]) -> list[ToPrepare]:
    """Every grouped article with the date it reads its dates against, in id order.

    An undated article reads them against its event's latest report.
    """
    out: list[ToPrepare] = []
    for group in groups:
        dates = [by_id[i].published.date for i in group]
        latest = max((d for d in dates if d is not None), default=None)
        out += [
            ToPrepare(by_id[i], date or latest, date is None)
            for i, date in zip(group, dates, strict=True)
        ]
    return sorted(out, key=lambda t: t.article.id)


def _job(
    members: Sequence[Article],
    pin: str | None,
    context: _Context,
    prepared: Mapping[str, Packed[Prepared]],
) -> EventJob:
    ids = {a.id for a in members}
    actors = {i: tuple(context.actors.get(i, ())) for i in sorted(ids)}
    named = sorted({a for values in actors.values() for a in values})
    return EventJob(
        members=tuple(members),
        pin=pin,
        actors=actors,
        places={i: tuple(context.places.get(i, ())) for i in sorted(ids)},
        names={a: tuple(context.names[a]) for a in named if a in context.names},
        reuse=tuple(r for r in context.reuse if {r.reuser, r.source} <= ids),
        prepared={i: prepared[i] for i in sorted(ids)},
    )


def analyse_job(job: EventJob) -> Event:
    """Analyse one group of articles from its job."""
    context = _Context(job.actors, job.places, job.names, job.reuse)
    return _event(job.members, job.pin, context, job.prepared)


def analyse_jobs(jobs: Sequence[EventJob]) -> list[Event]:
    """Analyse every job in this process, in order."""
    return [analyse_job(job) for job in jobs]


class _Context:
    """Corpus-wide inputs every event needs."""

    def __init__(
        self,
        actors: Mapping[str, Sequence[str]],
        places: Mapping[str, Sequence[str]],
        names: Mapping[str, Sequence[str]],
        reuse: Sequence[ReuseLink],
    ) -> None:
        self.actors = actors
        self.places = places
        self.names = names
        self.reuse = reuse


def _event(
    members: Sequence[Article],
    pin: str | None,
    context: _Context,
    prepared: Mapping[str, Packed[Prepared]],
) -> Event:
    """Analyse one group of articles."""
    dates = sorted(a.published.date for a in members if a.published.date is not None)
    ready = [prepared[a.id].get() for a in members]
    docs = [p.doc for p in ready]
    ids = tuple(a.id for a in sorted(members, key=_report_order))
    facts, conflicts, notes, compatible = _compare(ready, ids, context)
    title_article = _title_article(members, ready)
    first = min(members, key=_report_order)
    return Event(
        # The URL follows the first report, not the most representative title:
        # later reports joining the event must not move its page.
        id=stable_slug(pin, "event") if pin else _slug(first.title),
        title=title_article.title,
        title_article=title_article.id,
        pinned=pin is not None,
        occurred=occurred(docs),
        reported_first=dates[0] if dates else None,
        reported_last=dates[-1] if dates else None,
        places=_ranked(context.places, ids),
        actors=_ranked(context.actors, ids),
        articles=ids,
        first_report=first.id,
        first_report_certain=_certain_first(members, first),
        facts=facts,
        conflicts=conflicts,
        notes=notes,
        timeline=timeline(docs),
        provenance=tuple(r for r in context.reuse if {r.reuser, r.source} <= set(ids)),
        compatible=compatible,
    )


def _compare(
    ready: Sequence[Prepared], ids: Sequence[str], context: _Context
) -> tuple[
    tuple[FactRow, ...], tuple[Conflict, ...], tuple[ArticleNotes, ...], tuple[Conflict, ...]
]:
    """Facts, conflicts, per-article notes and compatible differences of one event."""
    docs = [p.doc for p in ready]
    rows = describe_scopes(
        _with_background(fact_rows(align([c for p in ready for c in p.claims])), docs)
    )
    quotes = [q for p in ready for q in p.quotations]
    vocabulary = {p.id: p.vocabulary for p in ready}
    slots, compatible = slot_conflicts(
        docs, ids, [line for p in sorted(ready, key=lambda p: p.id) for line in p.lines]
    )
    updates = update_conflicts(rows, {d.id: d.article.published.date for d in docs})
    updated = {c.fact_key for c in updates}
    conflicts = [
        *updates,
        *(c for c in value_conflicts(rows) if c.fact_key not in updated),
        *detail_conflicts(rows, vocabulary),
        *_not_repeated(slots, [*updates, *value_conflicts(rows)]),
        *quote_conflicts(quotes, ids),
        *status_conflicts(docs, ids),
        *cause_conflicts(docs, ids),
        *fate_conflicts(docs, ids),
        *clock_conflicts(docs, ids),
        *departure_conflicts(docs, ids),
        *tense_conflicts(docs, ids),
    ]
    # The matrix drops junk rows only now: conflicts are read from every aligned row.
    facts = curate(rows)
    alone, missing = only_here(facts, ids)
    every = _ranked(context.actors, ids)
    all_names = {a: tuple(context.names.get(a, ())) or (a.replace("-", " "),) for a in every}
    key_actors = _central(every, all_names, [d.article.body for d in docs])[:EVENT_KEY_ACTORS]
    names = {a: all_names[a] for a in key_actors}
    notes = tuple(
        ArticleNotes(p.id, alone[p.id], missing[p.id], wording(p.doc, names, p.lede))
        for p in sorted(ready, key=lambda p: list(ids).index(p.id))
    )
    return (facts, tuple(conflicts), notes, tuple(compatible))


BACKGROUND_GAP_DAYS = 60
"""A fact whose every value is about a time further than this from the event's reports is
background (an earlier attack, a biography)."""


def _with_background(
    rows: Sequence[tuple[FactRow, Sequence[Claim]]], docs: Sequence[Doc]
) -> list[tuple[FactRow, Sequence[Claim]]]:
    """Mark the rows whose every claim is anchored far from when the event was reported."""
    dates = sorted(d.article.published.date for d in docs if d.article.published.date)
    if not dates:
        return list(rows)
    reported = Span(dates[0], dates[-1])
    out: list[tuple[FactRow, Sequence[Claim]]] = []
    for row, group in rows:
        far = all(
            c.anchor is not None and c.anchor.gap_days(reported) > BACKGROUND_GAP_DAYS
            for c in group
        )
        out.append((replace(row, background=far) if far else row, group))
    return out


def _not_repeated(found: Sequence[Conflict], shown: Sequence[Conflict]) -> list[Conflict]:
    """Drop the conflicts that repeat one already shown (same articles giving the same numbers)."""

    def readings(conflict: Conflict) -> set[tuple[str, str]]:
        return {
            (article, "".join(ch for ch in _as_digits(side.value) if ch.isdigit()))
            for side in conflict.sides
            for article in side.article_ids
        }

    covered = [readings(c) for c in shown]
    return [c for c in found if not any(readings(c) <= seen for seen in covered)]


def _as_digits(value: str) -> str:
    """A value with number words as digits ("four" → "4"), for comparing sides."""
    return " ".join(str(UNITS[w]) if w in UNITS else w for w in value.lower().split())


def _central(
    actors: Sequence[str], names: Mapping[str, Sequence[str]], texts: Sequence[str]
) -> list[str]:
    """Actors by how central they are to the event, not by name.

    Central means named by more of the articles, then named more often in them, then
    named earlier (in the lede rather than the background); the id only breaks ties.

    Args:
        actors: The actor ids to rank.
        names: Actor id → the names it is written as (looked for in any case).
        texts: The articles' bodies.
    """
    bodies = [t.lower() for t in texts]
    patterns = {n.lower() for actor in actors for n in names[actor] if n}
    # Where each name is written in each body, from one Aho-Corasick pass per body
    # (every actor's names at once) instead of a find and a count per name and body.
    seen: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for index, body in enumerate(bodies):
        for pattern, starts in _name_places(body, patterns).items():
            seen[pattern].append((index, _count_apart(starts, len(pattern)), starts[0]))

    def weight(actor: str) -> tuple[int, int, int, str]:
        hits: dict[int, int] = defaultdict(int)  # body → times named there
        earliest = 10**9
        for pattern in [n.lower() for n in names[actor] if n]:
            for index, count, first in seen.get(pattern, ()):
                hits[index] += count
                earliest = min(earliest, first)
        return (-len(hits), -sum(hits.values()), earliest, actor)

    return sorted(actors, key=weight)


def _name_places(body: str, patterns: set[str]) -> dict[str, list[int]]:
    """Pattern → where it starts in ``body`` (every occurrence, overlapping ones too), sorted."""
    if not patterns:
        return {}
    automaton = _automaton(frozenset(patterns))
    out: dict[str, list[int]] = {}
    for end, pattern in automaton.iter(body):
        out.setdefault(pattern, []).append(end - len(pattern) + 1)
    for starts in out.values():
        starts.sort()
    return out


@functools.lru_cache(maxsize=8)
def _automaton(patterns: frozenset[str]) -> ahocorasick.Automaton:
    """An automaton finding every one of ``patterns`` (the last few events' are kept)."""
    automaton = ahocorasick.Automaton()
    for pattern in sorted(patterns):
        automaton.add_word(pattern, pattern)
    automaton.make_automaton()
    return automaton


def _count_apart(starts: Sequence[int], length: int) -> int:
    """How many of the occurrences starting at ``starts`` ``str.count`` counts.

    ``str.count`` counts occurrences that do not overlap, taking the leftmost first.
    """
    count, free = 0, 0
    for start in starts:
        if start >= free:
            count += 1
            free = start + length
    return count


def _report_order(article: Article) -> tuple[int, dt.date, str]:
    """Dated articles first, earliest first; then by id."""
    date = article.published.date
    return (0, date, article.id) if date else (1, dt.date.min, article.id)


def _certain_first(members: Sequence[Article], first: Article) -> bool:
    """Whether the first report is certain: every member dated and no tie."""
    dates = [a.published.date for a in members]
    return all(dates) and dates.count(first.published.date) == 1


def _ranked(values: Mapping[str, Sequence[str]], ids: Sequence[str]) -> tuple[str, ...]:
    """Values named by the members, most widely named first (then alphabetically)."""
    counts: Counter[str] = Counter(v for i in ids for v in set(values.get(i, ())))
    return tuple(v for v, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _title_article(members: Sequence[Article], ready: Sequence[Prepared]) -> Article:
    """The member whose title best covers what the others say.

    Declared titles (front matter, heading) are preferred over titles guessed from
    the lede; among them, the title whose words the other articles use most wins,
    then the earliest report.
    """
    declared = [a for a in members if a.title_origin in _DECLARED_TITLES and a.title.strip()]
    candidates = declared or [a for a in members if a.title.strip()] or list(members)
    if len(candidates) == 1:
        return candidates[0]  # nothing to weigh (the bodies' words are read for nothing)
    vocab = {p.id: p.body_words for p in ready}

    def coverage(article: Article) -> tuple[float, tuple[int, dt.date, str]]:
        words = set(content_words(article.title))
        others = [vocab[m.id] for m in members if m.id != article.id]
        if not words or not others:
            return (0.0, _report_order(article))
        share = sum(len(words & o) / len(words) for o in others) / len(others)
        return (-round(share, 6), _report_order(article))

    return min(candidates, key=coverage)


def _slug(title: str) -> str:
    """Slug of an event title."""
    return stable_slug(title, "event", max_length=EVENT_SLUG_MAX)


def _with_unique_ids(events: list[Event]) -> list[Event]:
    """Give colliding slugs a short hash of their first report's id.

    A pinned event keeps its slug; otherwise the event first reported earliest
    (then by first report id) keeps the plain slug, so a later event with the
    same title never takes an existing page.
    """
    by_slug: dict[str, list[Event]] = {}
    for event in events:
        by_slug.setdefault(event.id, []).append(event)
    out: list[Event] = []
    for slug, group in by_slug.items():
        group.sort(key=lambda e: (not e.pinned, e.reported_first or dt.date.max, e.first_report))
        out.append(group[0])
        for event in group[1:]:
            digest = hashlib.sha1(event.first_report.encode("utf-8")).hexdigest()[:6]
            out.append(_renamed(event, f"{slug}-{digest}"))
    return out


def _renamed(event: Event, new_id: str) -> Event:
    """A copy of ``event`` with another id."""
    return replace(event, id=new_id)


def _recency(event: Event) -> tuple[int, int, str]:
    """Most recently first reported first; undated events last."""
    if event.reported_first is None:
        return (1, 0, event.id)
    return (0, -event.reported_first.toordinal(), event.id)


def _inherited(events: Sequence[Event], by_id: Mapping[str, Article]) -> dict[str, tuple[str, ...]]:
    """Tags untagged articles inherit from the tagged articles of their event."""
    out: dict[str, tuple[str, ...]] = {}
    for event in events:
        counts: Counter[str] = Counter(t for i in event.articles for t in set(by_id[i].tags))
        tags = tuple(t for t, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        if not tags:
            continue
        for article_id in event.articles:
            if not by_id[article_id].tags:
                out[article_id] = tags
    return out
