"""What the comparison of an event reads from one article alone, computed once per article.

An event's comparison pairs its members' sentences, but most of its work is
per article: resolving dates, the counts and date facts it states, its
sentences as comparable units, its quotations, its words. That part depends on
the article and its reference date only, so it runs in the per-article map
(:class:`~generator.pipeline.SeedMap`), cached by content and spread over the
worker processes, and an edited seed's event re-reads only the edited seed.

An undated article reads its dates against its event's latest report: it is
prepared once the grouping has said which event that is, with that date in
its key, so it is prepared again when its event's dates change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.events.align import dedupe
from generator.events.claims import Claim, extract_claims
from generator.events.datefacts import extract_date_claims
from generator.events.document import Doc, build_doc
from generator.events.phrases import claim_words
from generator.events.quotes import Quotation, find_quotations
from generator.events.slotunits import Line, lines_of
from generator.events.wording import lede_action
from generator.models import Article
from generator.picklers import Packed
from generator.text.document import Sentence
from generator.text.tokens import content_words


@dataclass(frozen=True, slots=True)
class Prepared:
    """One article ready for its event's comparison.

    Attributes:
        doc: The article with its dates resolved.
        claims: Its counts and date facts, without repeats.
        lines: Its sentences as comparable units (headings and tables left out).
        quotations: Its quotations.
        vocabulary: The words of its claims' sentences (what a detail is checked against).
        body_words: The content words of its body (what a title is weighed against).
        lede: The verb phrase of its lede and the lede sentence.
    """

    doc: Doc
    claims: tuple[Claim, ...]
    lines: tuple[Line, ...]
    quotations: tuple[Quotation, ...]
    vocabulary: frozenset[str]
    body_words: frozenset[str]
    lede: tuple[str, str]

    @property
    def id(self) -> str:
        """The article id."""
        return self.doc.id


def article_claims(doc: Doc) -> list[Claim]:
    """Counts and date facts of one article, without its repeats."""
    counts = extract_claims(doc)
    return dedupe([*counts, *extract_date_claims(doc, counts)])


def prepare(
    article: Article,
    reference: dt.date | None,
    *,
    inferred: bool,
    sentences: tuple[Sentence, ...] | None = None,
) -> Prepared:
    """Prepare one article for the comparison.

    Args:
        article: The article.
        reference: Its publication date, or its event's latest for an undated article.
        inferred: Whether ``reference`` was borrowed from the event.
        sentences: The article's sentences, when already split.

    Returns:
        The prepared article.
    """
    doc = build_doc(article, reference, inferred=inferred, sentences=sentences)
    return Prepared(
        doc=doc,
        claims=tuple(article_claims(doc)),
        lines=tuple(lines_of(doc)),
        quotations=tuple(find_quotations(doc)),
        # One union of the sentences' words (not a generator over every word).
        vocabulary=frozenset().union(*(claim_words(s.norm) for s in doc.sentences)),
        body_words=frozenset(content_words(article.body)),
        lede=lede_action(doc),
    )


@dataclass(frozen=True, slots=True)
class ToPrepare:
    """One article and the date it reads its dates against: all its preparation depends on.

    Attributes:
        article: The article.
        reference: Its publication date, or its event's latest for an undated article.
        inferred: Whether ``reference`` was borrowed from the event.
    """

    article: Article
    reference: dt.date | None
    inferred: bool


def prepare_each(items: Sequence[ToPrepare]) -> list[Prepared]:
    """Prepare articles one after the other, in order.

    Args:
        items: The articles with their reference dates.

    Returns:
        One prepared article each.
    """
    return [prepare(i.article, i.reference, inferred=i.inferred) for i in items]


def prepare_packed(items: Sequence[ToPrepare]) -> list[Packed[Prepared]]:
    """:func:`prepare_each`, each wrapped to cross processes and the cache as its bytes.

    A preparation is made in one worker and read in another (its event's);
    the main process and the cache only pass it on, so it is pickled once
    and unpickled once, where it is read.

    Args:
        items: The articles with their reference dates.

    Returns:
        One packed preparation each.
    """
    return [Packed(p) for p in prepare_each(items)]
