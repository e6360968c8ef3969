"""An article prepared for comparison: sentences, the dates in them, and the time each is about."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.models import Article
from generator.text.datementions import DateMention, find_dates
from generator.text.dates import DAY
from generator.text.document import HEADING, Sentence, document
from generator.text.factwords import ADVERBIAL_RELATIONS, PRESENT_RELATIONS

_ANAPHOR = re.compile(
    r"^(?:The|This|That|These|Those|It|They|He|She|His|Her|Its|Their|Such)\b", re.UNICODE
)
_INTRO_CHARS = 3

CARRY_SENTENCES = 2
"""A sentence without a date of its own is taken to be about the time named up to this many
sentences before it, up to the next heading ("In April last year a quake struck. Five
people died." puts the deaths in April last year). "Days later" and the like keep the
time going."""

_RELATIVE_TIME = re.compile(
    r"\b(?:(?:\w+|a few|several)\s+(?:hours?|days?|weeks?)\s+(?:later|earlier|after|before)"
    r"|the (?:next|following|same) day|that (?:day|night|morning|evening))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time: the interval a date of some precision covers."""

    first: dt.date
    last: dt.date

    def gap_days(self, other: Span) -> int:
        """Days between the two intervals (0 when they overlap)."""
        if self.last < other.first:
            return (other.first - self.last).days
        if other.last < self.first:
            return (self.first - other.last).days
        return 0


@dataclass(frozen=True, slots=True)
class Doc:
    """One article ready for the comparisons.

    Attributes:
        article: The article.
        reference: Date used to resolve "Tuesday" and yearless dates, or None.
        reference_inferred: True when ``reference`` is borrowed from the event.
        sentences: The sentences of the body.
        dates: Date mentions, one tuple per sentence.
        carried: The time each sentence inherits from the sentences just before it.
    """

    article: Article
    reference: dt.date | None
    reference_inferred: bool
    sentences: tuple[Sentence, ...]
    dates: tuple[tuple[DateMention, ...], ...]
    carried: tuple[Span | None, ...]

    @property
    def id(self) -> str:
        """The article id."""
        return self.article.id

    def window(self, index: int) -> tuple[int, ...]:
        """Indexes of sentence ``index`` plus the one before when it opens with an anaphor."""
        sentence = self.sentences[index]
        if (
            index > 0
            and _ANAPHOR.match(sentence.norm)
            and self.sentences[index - 1].kind != HEADING
        ):
            return (index - 1, index)
        return (index,)


def span_of(mention: DateMention) -> Span | None:
    """The interval a resolved mention covers, or None when it is unresolved."""
    value = mention.value
    return Span(value.first, value.last) if value is not None else None


def build_doc(
    article: Article,
    reference: dt.date | None,
    *,
    inferred: bool,
    sentences: tuple[Sentence, ...] | None = None,
) -> Doc:
    """Split an article and resolve the dates it mentions.

    Args:
        article: The article.
        reference: Publication date, or the event's latest date for an undated article.
        inferred: Whether ``reference`` was borrowed from the event.
        sentences: The article's sentences, when already split.

    Returns:
        The prepared document.
    """
    if sentences is None:
        sentences = document(article.body, article.body_line).sentences
    all_dates: list[tuple[DateMention, ...]] = []
    carried: list[Span | None] = []
    years: dict[int, int] = {}
    carry: Span | None = None
    age = 0
    for sentence in sentences:
        if sentence.kind == HEADING:
            carry = None
        mentions = tuple(
            find_dates(sentence.norm, reference, _year_hint(years, sentence.paragraph))
        )
        for mention in mentions:
            if mention.date is not None and not mention.inferred:
                years[sentence.paragraph] = mention.date.year
        carried.append(carry if age <= CARRY_SENTENCES else None)
        own = (
            None if sentence.kind == HEADING else next((m for m in mentions if _adverbial(m)), None)
        )
        if own is not None:
            carry, age = mention_span(own, reference), 1
        elif _RELATIVE_TIME.search(sentence.norm):
            age = 1
        else:
            age += 1
        all_dates.append(mentions)
    return Doc(article, reference, inferred, sentences, tuple(all_dates), tuple(carried))


def mention_span(mention: DateMention, reference: dt.date | None) -> Span | None:
    """The time a mention puts a statement at: "since X" means up to now."""
    if mention.relation in PRESENT_RELATIONS:
        return Span(reference, reference) if reference is not None else None
    return span_of(mention)


def _adverbial(mention: DateMention) -> bool:
    """Whether a mention dates its whole sentence ("In 2004, ...", "on Tuesday")."""
    return mention.start <= _INTRO_CHARS or mention.relation in ADVERBIAL_RELATIONS


def _year_hint(years: dict[int, int], paragraph: int) -> int | None:
    """The last explicit year named in this paragraph or the one before."""
    for candidate in (paragraph, paragraph - 1):
        if candidate in years:
            return years[candidate]
    return None


__all__ = ["DAY", "Doc", "Span", "build_doc", "span_of"]
