"""Frozen records produced by the event analysis (no logic beyond lookups)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.models import Published
from generator.text.dates import DateValue

AGREED = "agreed"
CONFLICT = "conflict"
SINGLE = "single"


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence quoted from an article as evidence."""

    article_id: str
    sentence: str
    line: int


@dataclass(frozen=True, slots=True)
class FactCell:
    """One article's value for one fact.

    Attributes:
        article_id: The article.
        value: The value as a reader sees it ("at least 66 (since October 17)").
        low: Numeric value (lower end of a range); None for "dozens".
        high: Upper end of a range, else None.
        qualifier: "at least", "about", ... or "".
        since: Start of the counted period as written, if stated.
        sentence: The sentence that states it.
        line: 1-based line in the seed file.
        date: For a date fact, the date it states at its precision (low and high are None).
    """

    article_id: str
    value: str
    low: float | None
    high: float | None
    qualifier: str
    since: str | None
    sentence: str
    line: int
    date: DateValue | None = None


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact aligned across the articles of an event.

    Attributes:
        key: Identifier unique within the event ("killed-people").
        description: What is counted, in words taken from the articles.
        measure: ``killed``, ``injured``, ``missing`` or "".
        thing: Lemma of the counted thing.
        cells: The values, one per reporting article, sorted by article id.
        status: ``agreed``, ``conflict`` or ``single``.
        background: True when every value is about a time far from the event (an
            earlier event, a biography): shown apart, never a conflict.
    """

    key: str
    description: str
    measure: str
    thing: str
    cells: tuple[FactCell, ...]
    status: str
    background: bool = False

    def cell(self, article_id: str) -> FactCell | None:
        """The article's value, or None when it does not report this fact."""
        return next((c for c in self.cells if c.article_id == article_id), None)

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The articles that report this fact."""
        return tuple(c.article_id for c in self.cells)


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One version of a disputed fact and who reports it."""

    value: str
    article_ids: tuple[str, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """A discrepancy between articles, in plain words.

    Attributes:
        kind: ``value`` (numbers differ), ``period`` (same count, different start),
            ``detail`` (same count, other details differ) or ``quote`` (a quotation
            worded differently).
        fact_key: The fact row concerned, if any.
        summary: One or two sentences a reader can take in at a glance.
        sides: Every version with its articles and sentences.
    """

    kind: str
    fact_key: str | None
    summary: str
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True, slots=True)
class SentencePair:
    """A sentence of the reusing article and its near-identical source sentence."""

    reuser_line: int
    source_line: int
    reuser_sentence: str
    source_sentence: str
    similarity: float


@dataclass(frozen=True, slots=True)
class ReuseLink:
    """One article reproducing another's text.

    Attributes:
        source: Id of the earlier article (the source).
        reuser: Id of the article that reuses the text.
        share: Share of the reuser's sentences near-identical to the source's (0-1).
        matched: Number of the reuser's sentences matched.
        sentences: Number of sentences in the reuser.
        pairs: The matched sentence pairs, in the reuser's order.
        uncertain: True when the direction could not be read from publication dates.
        basis: How the direction was chosen ("publication date", "credits or flags",
            "length", "id order", "wire publisher", "shared wire source").
        wire: The news agency both articles carry (Reuters, AP, AFP), when they credit
            the same one: the shared text is the agency's, not one outlet's.
    """

    source: str
    reuser: str
    share: float
    matched: int
    sentences: int
    pairs: tuple[SentencePair, ...]
    uncertain: bool
    basis: str
    wire: str | None = None


@dataclass(frozen=True, slots=True)
class DatedPoint:
    """A date with its precision and how it was established."""

    date: dt.date | None
    precision: str | None
    basis: str
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineMention:
    """One article naming a date."""

    article_id: str
    text: str
    sentence: str
    line: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A date named in the event's articles, with every mention of it."""

    date: dt.date
    precision: str
    label: str
    mentions: tuple[TimelineMention, ...]


@dataclass(frozen=True, slots=True)
class ActorWording:
    """How one article names one actor."""

    actor_id: str
    names: tuple[str, ...]
    descriptors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Wording:
    """How one article words the event.

    Attributes:
        action: The verb phrase of the lede ("carried out two sets of strikes").
        action_sentence: The lede sentence it comes from.
        actors: How it names each key actor.
    """

    action: str
    action_sentence: str
    actors: tuple[ActorWording, ...]


@dataclass(frozen=True, slots=True)
class ArticleNotes:
    """What is particular to one article within its event.

    Attributes:
        article_id: The article.
        only_here: Keys of facts no other article reports.
        leaves_out: Keys of facts most other articles report but this one does not.
        wording: How it words the event.
    """

    article_id: str
    only_here: tuple[str, ...]
    leaves_out: tuple[str, ...]
    wording: Wording


@dataclass(frozen=True, slots=True)
class Event:
    """Articles reporting the same event, compared.

    Attributes:
        id: Stable slug.
        title: Title of one member article (the most representative).
        title_article: Id of the article the title comes from.
        pinned: True when the event comes from ``event:`` front matter.
        occurred: When it happened, kept apart from when it was reported.
        reported_first: Earliest publication date among members (None if none dated).
        reported_last: Latest publication date among members.
        places: Places named, most widely named first.
        actors: Actor ids, most widely named first.
        articles: Member ids, earliest report first (undated last, then by id).
        first_report: The earliest dated member, else the first by id.
        first_report_certain: False when undated members could be earlier, or on a tie.
        facts: Aligned facts.
        conflicts: Discrepancies in plain words.
        notes: Per-article only-here, left-out and wording.
        timeline: Dates named in the articles.
        provenance: Text reuse among the members.
        compatible: Differences between values that can both be true ("at least 10", 12).
    """

    id: str
    title: str
    title_article: str
    pinned: bool
    occurred: DatedPoint
    reported_first: dt.date | None
    reported_last: dt.date | None
    places: tuple[str, ...]
    actors: tuple[str, ...]
    articles: tuple[str, ...]
    first_report: str
    first_report_certain: bool
    facts: tuple[FactRow, ...]
    conflicts: tuple[Conflict, ...]
    notes: tuple[ArticleNotes, ...]
    timeline: tuple[TimelineEntry, ...]
    provenance: tuple[ReuseLink, ...]
    compatible: tuple[Conflict, ...] = ()

    def fact(self, key: str) -> FactRow | None:
        """The fact row with this key."""
        return next((f for f in self.facts if f.key == key), None)

    def note(self, article_id: str) -> ArticleNotes | None:
        """The notes for one member article."""
        return next((n for n in self.notes if n.article_id == article_id), None)


@dataclass(frozen=True, slots=True)
class EventReport:
    """Every event of the corpus and the text reuse between articles.

    Attributes:
        events: The events, most recent first reported first.
        provenance: All reuse links (also within each event).
        membership: Article id → event id.
        inherited: Article id → tags inherited from its event (untagged articles only).
        completed: Article id → publication date completed from its event (a
            year-less date given its year by the event's dated reports).
    """

    events: tuple[Event, ...]
    provenance: tuple[ReuseLink, ...]
    membership: Mapping[str, str] = field(default_factory=dict)
    inherited: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    completed: Mapping[str, Published] = field(default_factory=dict)

    def event_of(self, article_id: str) -> str | None:
        """The id of the event an article belongs to, or None."""
        return self.membership.get(article_id)

    def inherited_tags(self, article_id: str) -> tuple[str, ...]:
        """Tags an untagged article inherits from the tagged articles of its event."""
        return self.inherited.get(article_id, ())

    def event(self, event_id: str) -> Event | None:
        """The event with this id."""
        return next((e for e in self.events if e.id == event_id), None)
