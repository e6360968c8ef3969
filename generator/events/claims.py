"""Quantitative claims: a number, what it counts, and the words around it.

"Since October 17, there have been at least 66 attacks against U.S. forces in
Iraq" yields value 66, qualifier "at least", counted thing "attack", the
context "against U.S. forces in Iraq", the place words {iraq} and the
period "since October 17".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.events.document import Doc, Span, mention_span
from generator.events.numbers import Quantity, find_quantities
from generator.events.phrases import (
    after_window,
    before_window,
    chunk_at,
    claim_words,
    coordinated,
    hyphen_unit,
    is_attribution,
    locative,
    measure_of,
    noun_chunk,
    phrase_of,
    thing_of,
    unit_before,
)
from generator.text.datementions import DateMention
from generator.text.dates import DAY, DateValue
from generator.text.document import HEADING, TABLE
from generator.text.factwords import ADVERBIAL_RELATIONS, HARM_MEASURES
from generator.text.normalise import lemma
from generator.text.tokens import token_spans, tokens

_CLAUSE_CUT = re.compile(r"[,;:()—](?!\d)| - ")
_CLOSE_CHARS = 25
_INTRO_CHARS = 3


Amount = tuple[float | dt.date | None, float | dt.date | None]
"""A claim's value for comparison: a count's bounds or a date's first and last day."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One number an article states, with what it counts.

    Attributes:
        article_id: The article stating it.
        sentence: Index of the sentence in the article.
        line: 1-based line of the seed file.
        text: The sentence as written.
        context: The sentence window as written (with the sentence before, after an anaphor).
        quantity: The number, qualifier and range (a date fact counts nothing: no value).
        measure: ``killed``, ``injured``, ``missing`` or "" for a plain count.
        thing: Lemma of the counted noun ("attack", "troop"); ``people`` for harm to people.
        noun: For harm counts, the counted noun as written ("children"), else "".
        phrase: The counted thing and its context as written ("attacks against US forces").
        lead_in: The words of the clause just before the number ("at a depth of").
        near: Content lemmas of the clause around the number.
        loc: Content lemmas of a locative phrase after it ("in Syria" → {"syria"}).
        words: Content lemmas of the sentence (and of the one before, after an anaphor).
        since: The start of the counted period ("since October 17"), if stated.
        dates: Other dates in the same sentence window.
        details: Other counts in the sentence window: (comparable key, text as written).
        anchor: The time the sentence is about, or None.
        when: For a date fact (measure ``date``), the date as written and resolved.
    """

    article_id: str
    sentence: int
    line: int
    text: str
    context: str
    quantity: Quantity
    measure: str
    thing: str
    noun: str
    phrase: str
    lead_in: str
    near: frozenset[str]
    loc: frozenset[str]
    words: frozenset[str]
    since: DateMention | None
    dates: tuple[DateMention, ...]
    details: tuple[tuple[str, str], ...]
    anchor: Span | None
    when: DateMention | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What is counted: (measure, thing)."""
        return (self.measure, self.thing)

    @property
    def date(self) -> DateValue | None:
        """For a date fact, the date it states at its precision (else None)."""
        return self.when.value if self.when is not None else None

    @property
    def amount(self) -> Amount:
        """What the claim states, to compare claims.

        A count's (low, high); a date's (first day, last day), the last None for a
        single day as for a single number.
        """
        date = self.date
        if date is not None:
            return (date.first, date.last if date.precision != DAY else None)
        return (self.quantity.low, self.quantity.high)

    @property
    def shown(self) -> str:
        """The value alone: "at least 66", or for a date fact "on October 17 (2023-10-17)"."""
        if self.when is not None:
            text = self.when.text
            return f"{text[:1].lower()}{text[1:]} ({self.when.label()})"
        return self.quantity.display()

    @property
    def value_text(self) -> str:
        """The value as a reader sees it, with the period when stated."""
        text = self.shown
        if not self.since:
            return text
        since = self.since.text
        return f"{text} ({since[:1].lower()}{since[1:]})"


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A sentence split into tokens, with its dated tokens and its numbers."""

    toks: list[str]
    spans: list[tuple[int, int]]
    dated: frozenset[int]
    quantities: list[Quantity]


def extract_claims(doc: Doc) -> tuple[Claim, ...]:
    """Extract the quantitative claims of one article (tables and headings excluded).

    Args:
        doc: The prepared article.

    Returns:
        Claims in reading order.
    """
    parsed = {
        s.index: _parse(doc, s.index) for s in doc.sentences if s.kind not in (HEADING, TABLE)
    }
    counts: dict[int, list[tuple[str, str]]] = {}  # a sentence's counts, read by each window
    out: list[Claim] = []
    for index, sentence_parse in parsed.items():
        if not sentence_parse.quantities:
            continue  # no number, no claim: its window is not read
        window = [i for i in doc.window(index) if i in parsed]
        for i in window:
            if i not in counts:
                counts[i] = _counts(parsed[i])
        context = _Context(
            words=frozenset(w for i in window for w in claim_words(doc.sentences[i].norm)),
            text=" ".join(doc.sentences[i].text for i in window),
            dates=tuple(m for i in window for m in doc.dates[i] if m.relation != "since"),
            counts=tuple(d for i in window for d in counts[i]),
        )
        out.extend(_claims_at(doc, index, sentence_parse, context))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Context:
    """What the sentence window around a claim holds."""

    words: frozenset[str]
    text: str
    dates: tuple[DateMention, ...]
    counts: tuple[tuple[str, str], ...]


def _parse(doc: Doc, index: int) -> _Parsed:
    """Tokens, dated tokens and numbers of one sentence."""
    norm = doc.sentences[index].norm
    spans = token_spans(norm)
    toks = tokens(norm)
    mentions = doc.dates[index]
    dated = _dated(spans, mentions) if mentions else frozenset()
    # Times ("10:30") are not counts (a sentence without a colon has none).
    skip = dated | {i for i, tok in enumerate(toks) if ":" in tok} if ":" in norm else dated
    return _Parsed(toks, spans, dated, find_quantities(toks, skip))


def _dated(spans: Sequence[tuple[int, int]], mentions: Sequence[DateMention]) -> frozenset[int]:
    """Indexes of the tokens lying inside one of the date mentions.

    Tokens are in order and do not overlap (their starts and ends both rise), so those
    inside a mention are the run from the first starting at or after it to the last
    ending before its end: found by bisection instead of testing every token.
    """
    out: set[int] = set()
    for mention in mentions:
        i = bisect.bisect_left(spans, (mention.start, -1))
        while i < len(spans) and spans[i][1] <= mention.end:
            out.add(i)
            i += 1
    return frozenset(out)


def _counts(parsed: _Parsed) -> list[tuple[str, str]]:
    """Every count of a sentence as (comparable key, text as written)."""
    out: list[tuple[str, str]] = []
    for quantity in parsed.quantities:
        end, head, first = noun_chunk(parsed.toks, quantity.end)
        if not head or is_attribution(parsed.toks, end):
            continue
        key = f"{quantity.low}:{quantity.high}:{lemma(head)}"
        out.append((key, " ".join([quantity.text, *parsed.toks[first:end]])))
    return out


def _claims_at(doc: Doc, index: int, parsed: _Parsed, context: _Context) -> list[Claim]:
    """Claims of one sentence."""
    toks = parsed.toks
    out: list[Claim] = []
    previous: tuple[int, str] | None = None
    for quantity in parsed.quantities:
        chunk_end, head, phrase_start = noun_chunk(toks, quantity.end)
        unit = unit_before(toks, quantity)
        if unit:
            head, phrase_start = unit, quantity.qualifier_start - 1
        if not head and previous is not None and coordinated(toks, previous[0], quantity.start):
            head = previous[1]
        plain = unit or hyphen_unit(toks, quantity)
        measure = "" if plain else measure_of(toks, quantity, chunk_end, head)
        if (not head and not measure) or (head and is_attribution(toks, chunk_end)):
            previous = None
            continue
        if quantity.low == 1 and quantity.high is None and not measure and not unit:
            # "one assault", "one report": an article, not a count.
            continue
        own = _count_key(quantity, head)
        out.append(
            _claim(
                doc, index, parsed, context, quantity, (chunk_end, head, phrase_start, measure, own)
            )
        )
        previous = (chunk_end, head) if head else None
    return out


def _count_key(quantity: Quantity, head: str) -> str:
    """Comparable key of a count (value and counted noun)."""
    return f"{quantity.low}:{quantity.high}:{lemma(head)}"


def _claim(
    doc: Doc,
    index: int,
    parsed: _Parsed,
    context: _Context,
    quantity: Quantity,
    parts: tuple[int, str, int, str, str],
) -> Claim:
    """Assemble one claim."""
    chunk_end, head, phrase_start, measure, own = parts
    toks = parsed.toks
    thing = thing_of(head, measure)
    after = after_window(toks, chunk_end, parsed.dated)
    before = before_window(toks, quantity.qualifier_start)
    near_text = " ".join(toks[i] for i in (*before, *after) if i not in parsed.dated)
    near = frozenset(w for w in claim_words(near_text) if w not in HARM_MEASURES)
    sentence = doc.sentences[index]
    return Claim(
        article_id=doc.id,
        sentence=index,
        line=sentence.line,
        text=sentence.text,
        context=context.text,
        quantity=quantity,
        measure=measure,
        thing=thing,
        noun=head.lower() if head and measure else "",
        phrase=phrase_of(
            toks, phrase_start, after, head if not chunk_at(toks, quantity.end) else ""
        ),
        lead_in=" ".join(toks[i] for i in before if i not in parsed.dated),
        near=near - {thing},
        loc=locative(toks, after),
        words=context.words,
        since=next((m for m in doc.dates[index] if m.relation == "since"), None),
        dates=context.dates,
        details=tuple(d for d in context.counts if d[0] != own),
        anchor=_anchor(doc, index, parsed.spans, quantity.start),
    )


DATE = "date"
"""Measure of a date fact ("the attacks began on October 17")."""


def _anchor(doc: Doc, index: int, spans: Sequence[tuple[int, int]], at: int) -> Span | None:
    """The time a number is about.

    In order: a date in the number's own clause (adverbial or right next to it), an
    adverbial date elsewhere in the sentence but not in a relative clause ("which in
    2014 seized ..."), then the time carried from the sentences before.
    """
    norm = doc.sentences[index].norm
    start, end = spans[at]
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(norm)]
    left = max((c for c in cuts if c < start), default=-1)
    right = min((c for c in cuts if c >= end), default=len(norm))
    fallback: Span | None = None
    for mention in doc.dates[index]:
        span = mention_span(mention, doc.reference)
        if span is None:
            continue
        in_clause = left < mention.start and mention.end <= right
        close = mention.end >= start - _CLOSE_CHARS and mention.start <= end + _CLOSE_CHARS
        adverbial = mention.relation in ADVERBIAL_RELATIONS or mention.start <= _INTRO_CHARS
        if in_clause and (adverbial or close):
            return span
        if fallback is None and adverbial and not _in_relative_clause(norm, cuts, mention.start):
            fallback = span
    if fallback or doc.carried[index]:
        return fallback or doc.carried[index]
    # A number the text does not date is taken to be current as of publication.
    return Span(doc.reference, doc.reference) if doc.reference else None


def _in_relative_clause(norm: str, cuts: Sequence[int], at: int) -> bool:
    """Whether the clause holding offset ``at`` opens with a relative pronoun."""
    left = max((c for c in cuts if c < at), default=-1)
    opening = norm[left + 1 : at].split()
    return bool(opening) and opening[0].lower() in ("which", "who", "whose", "where")
