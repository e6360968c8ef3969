"""Actor analysis over a corpus: registered matches, discovery, report, export."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from generator.actors.candidates import at_doc
from generator.actors.discovery import Found, NameScan, discover, lower_vocabulary
from generator.actors.extract import ArticleNames, SpanContext, names_of, scan
from generator.actors.matching import Hit
from generator.actors.records import (
    Actor,
    ActorRegistry,
    ActorReport,
    ActorType,
    Context,
    Mention,
    Place,
    Suggestion,
    VariantMerge,
    index_by_article,
)
from generator.models import Article, Problem, Severity
from generator.slugs import stable_slug
from generator.text.document import LineIndex
from generator.text.normalise import folded, name_key
from generator.text.plurals import plural

# The fuzzy step only proposes; these thresholds keep proposals to near-identical
# spellings of names with the same number of words.
_FUZZY_NAME = 88.0
_FUZZY_WORD = 75.0
_KIND_TYPES = {"person": ActorType.PERSON, "organisation": ActorType.ORGANISATION}


def prepare(article: Article) -> NameScan:
    """Return the analysis view of an article: its sentences (table cells apart), URLs blanked."""
    return scan(article.body, article.body_line, article.id)


@dataclass(frozen=True, slots=True)
class _Raw:
    """A mention before its context is looked up."""

    doc: int
    target: str
    start: int
    end: int
    form: str


#: Computes the per-article extracts (:func:`generator.actors.extract.names_of` in
#: this process; the pipeline's map may take them from the cache or from workers).
NameMap = Callable[[Sequence[Article], ActorRegistry], Sequence[ArticleNames]]


@lru_cache(maxsize=65536)
def _slug(name: str, prefix: str) -> str:
    """:func:`~generator.slugs.stable_slug`, memoised: each name is slugged at several steps."""
    return stable_slug(name, prefix)


def analyse_actors(
    articles: Sequence[Article], registry: ActorRegistry, names: NameMap = names_of
) -> ActorReport:
    """Find every actor and place the articles name.

    Args:
        articles: The corpus, in any order.
        registry: Registered actors and places (may be empty).
        names: Computes each article's extract (a pure per-article map).

    Returns:
        The report: actors (registered and discovered), places, suggestions
        for unregistered names, variant merges and problems.
    """
    articles = sorted(articles, key=lambda a: a.id)
    extracts = names(articles, registry)
    found, raws = _find(extracts, registry)
    builder = _Builder(articles, extracts)
    return _report(builder, registry, found, builder.mentions(raws))


def _find(
    extracts: Sequence[ArticleNames], registry: ActorRegistry
) -> tuple[list[Found], list[_Raw]]:
    """Match the registry, then discover the rest.

    Returns:
        Discovered names not belonging to a registered entry, and the raw
        mentions of registered entries (matches plus adopted discoveries).
    """
    hits = {i: list(e.hits) for i, e in enumerate(extracts)}
    occupied = {i: [(h.start, h.end) for h in hs] for i, hs in hits.items()}
    vocab = lower_vocabulary(e.lower for e in extracts)
    candidates = [at_doc(c, i) for i, e in enumerate(extracts) for c in e.candidates(vocab)]
    found, dropped = discover(candidates, vocab, occupied, _known_keys(registry))
    registered_ids = {a.id for a in registry.actors} | {p.id for p in registry.places}
    found = _by_slug(found, registered_ids)
    raws = _registered_raws(hits, dropped) + [
        _Raw(m.doc, f.target, m.start, m.end, m.form) for f in found if f.target for m in f.mentions
    ]
    return [f for f in found if not f.target], raws


def _report(
    builder: _Builder,
    registry: ActorRegistry,
    loose: Sequence[Found],
    registered: dict[str, list[Mention]],
) -> ActorReport:
    """Assemble the report from registered mentions and unregistered names."""
    proposals = {f.key: _proposal(f, registry) for f in loose if f.kind != "place"}
    actors = _registered_actors(registry, registered) + [
        _found_actor(f, builder) for f in loose if f.kind != "place"
    ]
    places = _registered_places(registry, registered) + [
        _found_place(f, builder) for f in loose if f.kind == "place"
    ]
    suggestions = [_suggestion(f, builder, proposals.get(f.key)) for f in loose]
    merges = _merges(registered)
    return ActorReport(
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        places=tuple(sorted(places, key=lambda p: p.id)),
        suggestions=tuple(sorted(suggestions, key=lambda s: s.id)),
        merges=merges,
        problems=tuple(_problems(suggestions, merges, registry, builder.articles)),
        article_actors=index_by_article(actors),
        article_places=index_by_article(places),
    )


def _known_keys(registry: ActorRegistry) -> dict[str, str]:
    """Return name keys of registered actor names and aliases, to actor ids."""
    known: dict[str, str] = {}
    for actor in registry.actors:
        for name in (actor.name, *actor.aliases):
            known.setdefault(name_key(name), actor.id)
    return known


def _by_slug(found: list[Found], registered: set[str]) -> list[Found]:
    """Apply identity by slug.

    A found name whose slug is a registered id is that entry; found names
    sharing a slug are one name (the one with most mentions gives the kind).
    """
    merged: dict[tuple[str, bool], Found] = {}
    out = []
    for f in sorted(found, key=lambda f: (-len(f.mentions), f.key)):
        slug = _slug(f.name, "actor")
        if f.target is not None:
            out.append(f)
        elif slug in registered:
            out.append(replace(f, target=slug))
        else:
            place = f.kind == "place"
            first = merged.get((slug, place))
            merged[(slug, place)] = f if first is None else _combine(first, f)
    return out + sorted(merged.values(), key=lambda f: f.key)


def _combine(first: Found, other: Found) -> Found:
    """Return ``first`` with the mentions, spellings and reasons of ``other``."""
    return replace(
        first,
        reasons=tuple(sorted({*first.reasons, *other.reasons})),
        mentions=tuple(sorted({*first.mentions, *other.mentions}, key=lambda m: (m.doc, m.start))),
        spellings=tuple(sorted({*first.spellings, *other.spellings})),
    )


def _registered_raws(hits: dict[int, list[Hit]], dropped: set[tuple[int, int, int]]) -> list[_Raw]:
    """Return registry hits not covered by a longer discovered name."""
    return [
        _Raw(doc, h.target, h.start, h.end, h.form)
        for doc, hs in sorted(hits.items())
        for h in hs
        if (doc, h.start, h.end) not in dropped
    ]


class _Builder:
    """Turns raw offsets into Mention records, from the articles' extracts."""

    def __init__(self, articles: Sequence[Article], extracts: Sequence[ArticleNames]) -> None:
        """Keep the articles (sorted by id) and their extracts."""
        self._articles = articles
        self._extracts = extracts
        self._outlets = [a.outlet_label for a in articles]

    @property
    def articles(self) -> Sequence[Article]:
        """The articles, sorted by id."""
        return self._articles

    def article(self, doc: int) -> Article:
        """Return the article of document ``doc``."""
        return self._articles[doc]

    def context(self, doc: int, start: int, end: int) -> SpanContext:
        """Return the context of a span of document ``doc``."""
        return self._extracts[doc].contexts[(start, end)]

    def mention(self, doc: int, target: str, start: int, end: int, form: str) -> Mention:
        """Build the Mention record for one span."""
        article = self._articles[doc]
        context = self._extracts[doc].contexts[(start, end)]
        return Mention(
            article_id=article.id,
            actor_id=target,
            text=context.text,
            sentence=context.sentence,
            line=context.line,
            start=start,
            end=end,
            form=form,
            descriptor=context.descriptor,
            role=context.role,
            qualifies=context.qualifies,
            outlet=self._outlets[doc],
            date=article.published.date,
        )

    def mentions(self, raws: Sequence[_Raw]) -> dict[str, list[Mention]]:
        """Build mentions grouped by target id, sorted by article and offset."""
        grouped: defaultdict[str, list[Mention]] = defaultdict(list)
        for raw in sorted(raws, key=lambda r: (r.doc, r.start, r.end, r.target)):
            grouped[raw.target].append(
                self.mention(raw.doc, raw.target, raw.start, raw.end, raw.form)
            )
        return grouped

    def found(self, f: Found, target: str) -> tuple[Mention, ...]:
        """Build the mentions of a discovered name."""
        return tuple(self.mention(m.doc, target, m.start, m.end, m.form) for m in f.mentions)


def _seen(mentions: Sequence[Mention], known: Sequence[str]) -> tuple[str, ...]:
    """Return spellings seen in the text that are not already listed."""
    listed = set(known)
    return tuple(sorted({m.text for m in mentions if m.text not in listed}))


def _registered_actors(registry: ActorRegistry, found: dict[str, list[Mention]]) -> list[Actor]:
    """Return every registered actor with its mentions."""
    out = []
    for entry in registry.actors:
        mentions = tuple(found.get(entry.id, ()))
        listed = (entry.name, *entry.aliases, *entry.demonyms)
        out.append(
            Actor(
                id=entry.id,
                name=entry.name,
                type=entry.type,
                aliases=(*entry.aliases, *entry.demonyms, *_seen(mentions, listed)),
                description=entry.description,
                affiliations=entry.affiliations,
                wikidata=entry.wikidata,
                registered=True,
                mentions=mentions,
            )
        )
    return out


def _registered_places(registry: ActorRegistry, found: dict[str, list[Mention]]) -> list[Place]:
    """Return every registered place with its mentions."""
    return [
        Place(
            id=entry.id,
            name=entry.name,
            aliases=(*entry.aliases, *_seen(found.get(entry.id, ()), (entry.name, *entry.aliases))),
            description=entry.description,
            wikidata=entry.wikidata,
            registered=True,
            mentions=tuple(found.get(entry.id, ())),
        )
        for entry in registry.places
    ]


def _found_actor(f: Found, builder: _Builder) -> Actor:
    """Return the unregistered actor record of a discovered name."""
    slug = _slug(f.name, "actor")
    mentions = builder.found(f, slug)
    return Actor(
        id=slug,
        name=f.name,
        type=_KIND_TYPES.get(f.kind),
        aliases=_seen(mentions, (f.name,)),
        description="",
        affiliations=(),
        wikidata=None,
        registered=False,
        mentions=mentions,
    )


def _found_place(f: Found, builder: _Builder) -> Place:
    """Return the unregistered place record of a discovered name."""
    slug = _slug(f.name, "place")
    mentions = builder.found(f, slug)
    return Place(slug, f.name, _seen(mentions, (f.name,)), "", None, False, mentions)


def _proposal(f: Found, registry: ActorRegistry) -> tuple[str, float] | None:
    """Propose the registered actor a discovered name may be a spelling of.

    Conservative: names must have the same number of words, be near-identical
    once folded, and match word by word, so "Hezbollah" is never proposed for
    "Kataib Hezbollah".
    """
    best: tuple[float, str] | None = None
    for spelling in f.spellings:
        words = folded(spelling).split()
        for entry in registry.actors:
            for alias in (entry.name, *entry.aliases):
                other = folded(alias).split()
                if len(other) != len(words) or len(" ".join(words)) < 5:
                    continue
                score = fuzz.ratio(" ".join(words), " ".join(other))
                pairs = zip(words, other, strict=True)
                close = all(fuzz.ratio(a, b) >= _FUZZY_WORD for a, b in pairs)
                if score >= _FUZZY_NAME and close and (best is None or (score, entry.id) > best):
                    best = (score, entry.id)
    return (best[1], best[0]) if best else None


def _suggestion(f: Found, builder: _Builder, proposal: tuple[str, float] | None) -> Suggestion:
    """Return the suggestion for an unregistered name, with its contexts."""
    prefix = "place" if f.kind == "place" else "actor"
    contexts = tuple(
        Context(
            article_id=builder.article(m.doc).id,
            file=builder.article(m.doc).file,
            line=context.line,
            text=context.text,
            sentence=context.sentence,
        )
        for m, context in ((m, builder.context(m.doc, m.start, m.end)) for m in f.mentions)
    )
    return Suggestion(
        id=_slug(f.name, prefix),
        name=f.name,
        kind=f.kind,
        spellings=f.spellings,
        reasons=f.reasons,
        contexts=contexts,
        similar_to=proposal[0] if proposal else None,
        similarity=round(proposal[1], 1) if proposal else None,
    )


def _merges(found: dict[str, list[Mention]]) -> tuple[VariantMerge, ...]:
    """Return the spellings merged into registered actors by the variant step."""
    counts = Counter(
        (actor_id, m.text) for actor_id, ms in found.items() for m in ms if m.form == "variant"
    )
    return tuple(VariantMerge(a, s, n) for (a, s), n in sorted(counts.items()))


def _problems(
    suggestions: Sequence[Suggestion],
    merges: Sequence[VariantMerge],
    registry: ActorRegistry,
    articles: Sequence[Article],
) -> list[Problem]:
    """Return check findings: unregistered names, proposals and variant merges."""
    where = registry.file or "actors.yml"
    return [_unregistered(s, where) for s in sorted(suggestions, key=lambda s: s.id)] + _merged(
        merges, registry, articles, where
    )


def _unregistered(s: Suggestion, where: str) -> Problem:
    """Return the finding for one unregistered name, at its first context."""
    first = s.contexts[0]
    docs = len({c.article_id for c in s.contexts})
    noun = "place" if s.kind == "place" else "name"
    message = (
        f'unregistered {noun} "{s.name}" ({s.kind}, {plural(len(s.contexts), "mention")} in '
        f"{plural(docs, 'article')}); add it to {where}"
    )
    if s.similar_to:
        message += f' or as an alias of "{s.similar_to}" (similarity {s.similarity:.0f})'
    code = "place-unregistered" if s.kind == "place" else "actor-unregistered"
    return Problem(first.file, first.line, Severity.INFO, code, message)


def _merged(
    merges: Sequence[VariantMerge],
    registry: ActorRegistry,
    articles: Sequence[Article],
    where: str,
) -> list[Problem]:
    """Return one finding per spelling merged by the variant step."""
    first_seen = _first_seen(merges, articles)
    out = []
    for merge in merges:
        file, line = first_seen.get((merge.actor_id, merge.spelling), (where, 1))
        entry = registry.actor(merge.actor_id)
        name = entry.name if entry else merge.actor_id
        message = (
            f'"{merge.spelling}" was merged into "{name}" as a spelling variant; '
            f"add it to its aliases in {where}"
        )
        out.append(Problem(file, line, Severity.INFO, "actor-variant-merged", message))
    return out


def _first_seen(
    merges: Sequence[VariantMerge], articles: Sequence[Article]
) -> dict[tuple[str, str], tuple[str, int]]:
    """Return where each merged spelling first occurs (file, line)."""
    out: dict[tuple[str, str], tuple[str, int]] = {}
    todo = list(merges)
    for article in articles:
        if not todo:
            break
        lines: LineIndex | None = None
        for merge in todo:
            pos = article.body.find(merge.spelling)
            if pos >= 0 and (merge.actor_id, merge.spelling) not in out:
                # Line numbers are indexed only in an article that has a spelling to place.
                if lines is None:
                    lines = LineIndex(article.body, article.body_line)
                out[(merge.actor_id, merge.spelling)] = (article.file, lines.line(pos))
        # A placed spelling is not searched for again in the rest of the corpus.
        todo = [m for m in todo if (m.actor_id, m.spelling) not in out]
    return out
