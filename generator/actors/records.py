"""Frozen records of the actor analysis: registry entries, mentions, report."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from generator.models import Problem


class ActorType(StrEnum):
    """Fixed vocabulary of actor types, modelled on ACLED's."""

    STATE = "state"
    STATE_FORCES = "state forces"
    ARMED_GROUP = "armed group or militia"
    GOVERNMENT = "government or political body"
    PERSON = "person"
    ORGANISATION = "organisation"
    INTERNATIONAL = "international body"
    COALITION = "coalition or alliance"


class Relation(StrEnum):
    """How one actor is affiliated to another."""

    PART_OF = "part of"
    BACKED_BY = "backed by"
    LEADS = "leads"


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A link from an actor to another actor, by id."""

    relation: Relation
    target: str


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor as declared in the registry.

    Attributes:
        id: Slug of the canonical name.
        name: Canonical name.
        type: Actor type.
        aliases: Other names and spellings (the name itself excluded).
        demonyms: Adjectives and nouns of people that stand for the actor
            ("American", "Iraqi").
        description: Optional one-line description.
        affiliations: Links to other registered actors.
        wikidata: Optional Wikidata id such as ``Q30``.
        line: 1-based line of the entry in the registry file.
    """

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    description: str = ""
    affiliations: tuple[Affiliation, ...] = ()
    wikidata: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One place as declared in the registry's ``places:`` section."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    wikidata: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class ActorRegistry:
    """The editors' vocabulary of actors and places."""

    actors: tuple[ActorEntry, ...] = ()
    places: tuple[PlaceEntry, ...] = ()
    file: str | None = None

    def actor(self, actor_id: str) -> ActorEntry | None:
        """Return the registered actor with ``actor_id``, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in one article where an actor (or place) is named.

    Attributes:
        article_id: Id of the article.
        actor_id: Id of the actor, or of the place for place mentions.
        text: The words as written ("U.S.", "Kataeb Hezbollah", "Iranian").
        sentence: The sentence holding the mention, whitespace collapsed.
        line: 1-based line of the seed file.
        start: Offset of the mention in ``article.body``.
        end: Offset just after the mention in ``article.body``.
        form: ``name``, ``alias``, ``variant`` (a spelling merged by the
            variant step), ``demonym``, ``surname`` or ``discovered``.
        descriptor: Words around the name that describe it, such as
            "Iran-backed militias" or "Palestinian militant group Hamas".
        role: For compounds such as "Iran-backed", the actor's role:
            ``backer``, ``ally`` or ``leader``; empty otherwise.
        qualifies: The noun phrase the compound qualifies ("militias").
        outlet: ``article.outlet_label``.
        date: ``article.published.date``.
    """

    article_id: str
    actor_id: str
    text: str
    sentence: str
    line: int
    start: int
    end: int
    form: str
    descriptor: str = ""
    role: str = ""
    qualifies: str = ""
    outlet: str = ""
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Count:
    """A value with how often it occurs."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class OutletUsage:
    """What one outlet wrote: spellings or descriptors, with counts."""

    outlet: str
    items: tuple[Count, ...]


def _counts(values: Iterable[str]) -> tuple[Count, ...]:
    """Return counts sorted by frequency, then value."""
    counter = Counter(v for v in values if v)
    return tuple(Count(v, n) for v, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _by_outlet(pairs: Iterable[tuple[str, str]]) -> tuple[OutletUsage, ...]:
    """Group (outlet, value) pairs into per-outlet counts, outlets sorted."""
    grouped: defaultdict[str, list[str]] = defaultdict(list)
    for outlet, value in pairs:
        if value:
            grouped[outlet].append(value)
    return tuple(OutletUsage(o, _counts(grouped[o])) for o in sorted(grouped))


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor with everything the analysis found about it.

    Attributes:
        id: Slug; stable URL segment.
        name: Canonical (registered) or most frequent (discovered) name.
        type: Actor type; None when a discovered name's type is unknown.
        aliases: Registered aliases, then other spellings seen in the text.
        description: Registry description.
        affiliations: Registry affiliations.
        wikidata: Registry Wikidata id.
        registered: False for names found only by discovery.
        mentions: Every mention, sorted by article and position.
    """

    id: str
    name: str
    type: ActorType | None
    aliases: tuple[str, ...]
    description: str
    affiliations: tuple[Affiliation, ...]
    wikidata: str | None
    registered: bool
    mentions: tuple[Mention, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Sorted ids of the articles that mention the actor."""
        return tuple(sorted({m.article_id for m in self.mentions}))

    @property
    def first_mention(self) -> dt.date | None:
        """Earliest publication date of an article mentioning the actor."""
        dates = [m.date for m in self.mentions if m.date]
        return min(dates) if dates else None

    @property
    def last_mention(self) -> dt.date | None:
        """Latest publication date of an article mentioning the actor."""
        dates = [m.date for m in self.mentions if m.date]
        return max(dates) if dates else None

    def spellings(self) -> tuple[Count, ...]:
        """Every spelling as written, with counts."""
        return _counts(m.text for m in self.mentions)

    def spellings_by_outlet(self) -> tuple[OutletUsage, ...]:
        """Which outlet used which spelling, with counts."""
        return _by_outlet((m.outlet, m.text) for m in self.mentions)

    def descriptors_by_outlet(self) -> tuple[OutletUsage, ...]:
        """How each outlet describes the actor (words around the name)."""
        return _by_outlet((m.outlet, m.descriptor) for m in self.mentions)


@dataclass(frozen=True, slots=True)
class Place:
    """A place (never an actor), registered or discovered, with its mentions."""

    id: str
    name: str
    aliases: tuple[str, ...]
    description: str
    wikidata: str | None
    registered: bool
    mentions: tuple[Mention, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Sorted ids of the articles that mention the place."""
        return tuple(sorted({m.article_id for m in self.mentions}))


@dataclass(frozen=True, slots=True)
class Context:
    """Where an unregistered name was seen."""

    article_id: str
    file: str
    line: int
    text: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An unregistered name that looks like an actor (or a place).

    Attributes:
        id: Slug the name would get.
        name: Most frequent spelling.
        kind: ``person``, ``organisation``, ``place`` or ``name`` (unknown).
        spellings: Every spelling seen.
        reasons: Why it was taken for a name, e.g. ``title``, ``kind``,
            ``recurring``.
        similar_to: A registered actor it may be a spelling of (proposed by
            the fuzzy step, never merged automatically).
        similarity: Score of that proposal, 0-100.
        contexts: Where it was seen.
    """

    id: str
    name: str
    kind: str
    spellings: tuple[str, ...]
    reasons: tuple[str, ...]
    contexts: tuple[Context, ...]
    similar_to: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class VariantMerge:
    """A spelling the variant step merged into a registered actor."""

    actor_id: str
    spelling: str
    count: int


@dataclass(frozen=True, slots=True)
class ActorReport:
    """Result of the actor analysis over a corpus.

    Attributes:
        actors: Registered actors (all of them) and discovered actors,
            sorted by id.
        places: Registered and discovered places, sorted by id.
        suggestions: Unregistered names with contexts, sorted by id.
        merges: Spellings the variant step merged into registered actors.
        problems: Findings for ``briefing check``.
        article_actors: Per article id, the sorted ids of the actors it names
            (see :func:`index_by_article`).
        article_places: Per article id, the sorted ids of the places it names.
    """

    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    merges: tuple[VariantMerge, ...] = ()
    problems: tuple[Problem, ...] = ()
    article_actors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    article_places: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _by_id: Mapping[str, Actor] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once, so that looking an actor up does not scan the corpus.
        object.__setattr__(self, "_by_id", {a.id: a for a in self.actors})

    def actor(self, actor_id: str) -> Actor | None:
        """Return the actor with ``actor_id``, if any."""
        return self._by_id.get(actor_id)

    def actors_of(self, article_id: str) -> tuple[str, ...]:
        """Return the sorted ids of the actors mentioned by an article."""
        return self.article_actors.get(article_id, ())

    def places_of(self, article_id: str) -> tuple[str, ...]:
        """Return the sorted ids of the places mentioned by an article."""
        return self.article_places.get(article_id, ())

    def co_occurring(self, actor_id: str) -> tuple[Count, ...]:
        """Actors named in the same articles as ``actor_id``, with article counts."""
        mine = self.actor(actor_id)
        if mine is None:
            return ()
        # Walk only this actor's articles: the work follows its mentions, not
        # the number of actors in the corpus.
        pairs = (
            other
            for article_id in mine.article_ids
            for other in self.article_actors.get(article_id, ())
            if other != actor_id
        )
        return _counts(pairs)

    def actors_by_type(self) -> tuple[tuple[str, tuple[Actor, ...]], ...]:
        """Mentioned actors grouped by type (``unknown`` last), groups in vocabulary order."""
        order = [str(t) for t in ActorType] + ["unknown"]
        groups: defaultdict[str, list[Actor]] = defaultdict(list)
        for actor in self.actors:
            if actor.mentions:
                groups[str(actor.type) if actor.type else "unknown"].append(actor)
        return tuple((t, tuple(groups[t])) for t in order if groups[t])


def index_by_article(records: Sequence[Actor] | Sequence[Place]) -> dict[str, tuple[str, ...]]:
    """Return, per article id, the sorted ids of the records it mentions."""
    index: defaultdict[str, set[str]] = defaultdict(set)
    for record in records:
        for article_id in record.article_ids:
            index[article_id].add(record.id)
    return {article_id: tuple(sorted(ids)) for article_id, ids in sorted(index.items())}
