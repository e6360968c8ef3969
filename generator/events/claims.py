"""Quantitative claims: a number, what it counts, and the words around it.

"Since October 17, there have been at least 66 attacks against U.S. forces in
Iraq" yields value 66, qualifier "at least", counted thing "attack", the
context "against U.S. forces in Iraq", the place words {iraq} and the
period "since October 17".
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.events.document import Doc, Span, mention_span
from generator.events.numbers import Quantity, find_quantities
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.datementions import DateMention
from generator.text.dates import DAY, DateValue
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import (
    AUXILIARIES,
    CASUALTY_NOUNS,
    FUNCTION_WORDS,
    GENERIC_PEOPLE,
    INJURED_WORDS,
    IRREGULAR_PAST,
    KILLED_WORDS,
    MISSING_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    UNITS,
    word_set,
)
from generator.text.normalise import lemma
from generator.text.plurals import looks_plural as _plural
from generator.text.tokens import content_words, token_spans

_CLAUSE_END = frozenset(
    {",", ";", ".", ":", "(", ")", '"', "!", "?", "—", "–", "which", "who", "that"}
)
_LOCATIVE = frozenset({"in", "at", "near", "across", "inside", "throughout", "outside"})
_ATTRIBUTION = SPEECH_VERBS
_MAX_CHUNK = 4
_MAX_AFTER = 9
_MAX_BEFORE = 6
_CLAUSE_CUT = re.compile(r"[,;:()—](?!\d)| - ")
_CLOSE_CHARS = 25
_ADVERBIAL_RELATIONS = word_set(
    "in on during that last this early late mid by until till before after through since from"
)
_INTRO_CHARS = 3
PEOPLE = "people"

UNITS_BEFORE_NUMBER: frozenset[str] = word_set(
    "magnitude level category grade number no page article flight route size"
)
"""Nouns written before the number they measure ("magnitude 6.1", "flight 17")."""

UNITS_AFTER_NUMBER: frozenset[str] = word_set("magnitude percent per cent degrees")
"""Units that head the phrase after a number even when a noun follows ("6.1 magnitude quake")."""


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
    out: list[Claim] = []
    for index, sentence_parse in parsed.items():
        window = [i for i in doc.window(index) if i in parsed]
        context = _Context(
            words=frozenset(w for i in window for w in claim_words(doc.sentences[i].norm)),
            text=" ".join(doc.sentences[i].text for i in window),
            dates=tuple(m for i in window for m in doc.dates[i] if m.relation != "since"),
            counts=tuple(d for i in window for d in _counts(parsed[i])),
        )
        out.extend(_sentence_claims(doc, index, sentence_parse, context))
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
    toks = [norm[s:e] for s, e in spans]
    mentions = doc.dates[index]
    dated = frozenset(
        i for i, (s, e) in enumerate(spans) if any(m.start <= s and e <= m.end for m in mentions)
    )
    skip = dated | {i for i, tok in enumerate(toks) if ":" in tok}
    return _Parsed(toks, spans, dated, find_quantities(toks, frozenset(skip)))


def _counts(parsed: _Parsed) -> list[tuple[str, str]]:
    """Every count of a sentence as (comparable key, text as written)."""
    out: list[tuple[str, str]] = []
    for quantity in parsed.quantities:
        end, head, first = _chunk(parsed.toks, quantity.end)
        if not head or _is_attribution(parsed.toks, end):
            continue
        key = f"{quantity.low}:{quantity.high}:{lemma(head)}"
        out.append((key, " ".join([quantity.text, *parsed.toks[first:end]])))
    return out


def _sentence_claims(doc: Doc, index: int, parsed: _Parsed, context: _Context) -> list[Claim]:
    """Claims of one sentence."""
    toks = parsed.toks
    out: list[Claim] = []
    previous: tuple[int, str] | None = None
    for quantity in parsed.quantities:
        chunk_end, head, phrase_start = _chunk(toks, quantity.end)
        unit = _unit_before(toks, quantity)
        if unit:
            head, phrase_start = unit, quantity.qualifier_start - 1
        if not head and previous is not None and _coordinated(toks, previous[0], quantity.start):
            head = previous[1]
        plain = unit or _hyphen_unit(toks, quantity)
        measure = "" if plain else _measure(toks, quantity, chunk_end, head)
        if (not head and not measure) or (head and _is_attribution(toks, chunk_end)):
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
    thing = _thing(head, measure)
    after = _after_window(toks, chunk_end, parsed.dated)
    before = _before_window(toks, quantity.qualifier_start)
    near_text = " ".join(toks[i] for i in (*before, *after) if i not in parsed.dated)
    near = frozenset(w for w in claim_words(near_text) if w not in HARM_TOKENS)
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
        phrase=_phrase(
            toks, phrase_start, after, head if not _chunk_at(toks, quantity.end) else ""
        ),
        lead_in=" ".join(toks[i] for i in before if i not in parsed.dated),
        near=near - {thing},
        loc=_locative(toks, after),
        words=context.words,
        since=next((m for m in doc.dates[index] if m.relation == "since"), None),
        dates=context.dates,
        details=tuple(d for d in context.counts if d[0] != own),
        anchor=_anchor(doc, index, parsed.spans, quantity.start),
    )


HARM_TOKENS = frozenset({"killed", "injured", "missing"})
DATE = "date"
"""Measure of a date fact ("the attacks began on October 17")."""


def claim_words(text: str) -> list[str]:
    """Content lemmas for comparing claims.

    Harm words are folded to their measure, number words to digits, and each pair of
    adjacent words is also joined ("air base" → "airbase") so compounds match.
    """
    words = [_fold(w) for w in content_words(text)]
    joined = [
        a + b
        for a, b in itertools.pairwise(words)
        if a.isalpha() and b.isalpha() and not {a, b} & HARM_TOKENS
    ]
    return words + joined


def _fold(word: str) -> str:
    """Fold one lemma: harm words to their measure, number words to digits."""
    harm = _harm(word)
    if harm:
        return harm
    if word in UNITS:
        return str(UNITS[word])
    return word


def _chunk(toks: Sequence[str], start: int) -> tuple[int, str, int]:
    """Read the counted noun after a number: (end of chunk, head word, first token).

    "66-page complaint" and "6.1-magnitude quake" count the hyphenated unit.
    """
    i = start
    if i + 1 < len(toks) and toks[i] == "-" and toks[i + 1][0].isalpha():
        return (i + 2, toks[i + 1].split("-")[0], i + 1)
    if i < len(toks) and toks[i].lower() == "of":
        i += 1
        if i < len(toks) and toks[i].lower() in ("the", "them", "those", "these", "their"):
            i += 1
    first = i
    chunk: list[str] = []
    while i < len(toks) and len(chunk) < _MAX_CHUNK and _nounish(toks[i], chunk):
        chunk.append(toks[i])
        i += 1
    if chunk and is_verbish(chunk[-1]) and not _plural(chunk[-1]):
        chunk.pop()
        i -= 1
    return (i, _head(chunk), first)


def _hyphen_unit(toks: Sequence[str], quantity: Quantity) -> bool:
    """Whether the number measures a hyphenated unit ("6.1-magnitude")."""
    return quantity.end < len(toks) and toks[quantity.end] == "-"


def _chunk_at(toks: Sequence[str], start: int) -> bool:
    """Whether a counted noun follows the number directly (not inherited from an earlier count)."""
    return bool(_chunk(toks, start)[1])


def _unit_before(toks: Sequence[str], quantity: Quantity) -> str:
    """A unit named before the number ("magnitude 6.1", "magnitude-6.1"), else ""."""
    i = quantity.qualifier_start - 1
    if i >= 0 and toks[i] == "-":
        i -= 1
    return toks[i].lower() if i >= 0 and toks[i].lower() in UNITS_BEFORE_NUMBER else ""


def _nounish(token: str, chunk: list[str]) -> bool:
    """Whether ``token`` can continue the noun phrase in ``chunk``."""
    low = token.lower()
    if not token[0].isalpha() or low in FUNCTION_WORDS or low in AUXILIARIES:
        return False
    if low in MONTHS or low in WEEKDAYS or low in _ATTRIBUTION:
        return False
    if chunk and is_verbish(low):
        return False
    if low in KILLED_WORDS | INJURED_WORDS | MISSING_WORDS:
        return not chunk and lemma(low) in CASUALTY_NOUNS
    return True


def is_verbish(word: str) -> bool:
    """Whether a word looks like a past tense or participle ("targeted", "struck")."""
    low = word.lower()
    return (low.endswith(("ed", "ing")) and "-" not in low) or low in IRREGULAR_PAST


def _head(chunk: list[str]) -> str:
    """The head noun of a chunk.

    A leading unit ("6.1 magnitude quake"), else its first plural word, else its last word.
    """
    if chunk and chunk[0].lower() in UNITS_BEFORE_NUMBER | UNITS_AFTER_NUMBER:
        return chunk[0]
    for word in chunk:
        if _plural(word):
            return word
    return chunk[-1] if chunk else ""


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
        adverbial = mention.relation in _ADVERBIAL_RELATIONS or mention.start <= _INTRO_CHARS
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


def _coordinated(toks: Sequence[str], previous_end: int, start: int) -> bool:
    """Whether a bare number continues a count ("2,500 troops in Iraq and 900 in Syria")."""
    between = [t.lower() for t in toks[previous_end:start]]
    return len(between) <= 6 and bool({"and", "or", ","} & set(between)) and "." not in between


def _measure(toks: Sequence[str], quantity: Quantity, chunk_end: int, head: str) -> str:
    """Whether the count is of people killed, injured or missing ("" when neither).

    Looks at the counted noun ("eight injuries"), the verb right before the number
    ("killing at least five"), the words right after the noun ("24 people were
    killed") and, for counts of people, a harm noun earlier in the sentence
    ("caused injuries ... to at least 62 personnel").
    """
    noun = lemma(head) if head else ""
    if noun in CASUALTY_NOUNS:
        return CASUALTY_NOUNS[noun]
    after: list[str] = []
    for tok in toks[chunk_end : chunk_end + 6]:
        if tok in (",", ";", ".") or tok.lower() in ("and", "but", "when", "as", "while"):
            break
        after.append(tok.lower())
    before = toks[quantity.qualifier_start - 1].lower() if quantity.qualifier_start else ""
    for word in (*after, before):
        if _harm(word):
            return _harm(word)
    people = not noun or lemma(noun) in GENERIC_PEOPLE
    earlier = [t.lower() for t in toks[max(0, quantity.qualifier_start - 10) : quantity.start]]
    if people and "toll" in earlier:
        return "killed"
    if people:
        for word in reversed(earlier):
            if lemma(word) in CASUALTY_NOUNS:
                return CASUALTY_NOUNS[lemma(word)]
    return ""


def _harm(word: str) -> str:
    """The harm a word names, if any."""
    if word in KILLED_WORDS:
        return "killed"
    if word in INJURED_WORDS:
        return "injured"
    if word in MISSING_WORDS:
        return "missing"
    return ""


def _thing(head: str, measure: str) -> str:
    """The counted thing: people in general for harm, else the head noun's lemma."""
    noun = lemma(head.replace(".", "")) if head else ""
    if measure and (not noun or noun in GENERIC_PEOPLE or noun in CASUALTY_NOUNS):
        return PEOPLE
    return noun


def _is_attribution(toks: Sequence[str], chunk_end: int) -> bool:
    """Whether the count names the sources of a statement ("two US officials said")."""
    return chunk_end < len(toks) and toks[chunk_end].lower() in _ATTRIBUTION


def _after_window(toks: Sequence[str], start: int, dated: frozenset[int]) -> list[int]:
    """Token indexes of the clause after the counted noun, up to a boundary, a date or a number."""
    out: list[int] = []
    for i in range(start, min(len(toks), start + _MAX_AFTER)):
        low = toks[i].lower()
        if low in _CLAUSE_END or low[0].isdigit() or i in dated:
            break
        out.append(i)
    return out


def _before_window(toks: Sequence[str], start: int) -> list[int]:
    """Token indexes of the clause before the number, back to a boundary or a conjunction."""
    out: list[int] = []
    for i in range(start - 1, max(-1, start - 1 - _MAX_BEFORE), -1):
        low = toks[i].lower()
        if low in _CLAUSE_END or low in ("and", "or") or low[0].isdigit():
            break
        out.append(i)
    return sorted(out)


def _locative(toks: Sequence[str], after: list[int]) -> frozenset[str]:
    """Content lemmas of the first locative phrase after the counted noun ("in Iraq and Syria")."""
    for position, i in enumerate(after):
        if toks[i].lower() not in _LOCATIVE:
            continue
        words: list[str] = []
        for j in after[position + 1 : position + 6]:
            low = toks[j].lower()
            if low in FUNCTION_WORDS and low not in ("and", "the"):
                break
            words.append(toks[j])
        return frozenset(w for w in content_words(" ".join(words)) if w not in STOPWORDS)
    return frozenset()


def _phrase(toks: Sequence[str], start: int, after: list[int], head: str) -> str:
    """The counted thing and what qualifies it, as written, up to the first verb."""
    end = (after[-1] + 1) if after else start
    words: list[str] = [] if start < end and toks[start] == head else ([head] if head else [])
    for position in range(start, end):
        low = toks[position].lower()
        following = toks[position + 1] if position + 1 < len(toks) else ""
        participle = low.endswith("ing") and not following[:1].isupper()
        if words and (
            low in AUXILIARIES or participle or (is_verbish(low) and not low.endswith("ing"))
        ):
            break
        words.append(toks[position])
    while words and words[-1].lower() in FUNCTION_WORDS:
        words = words[:-1]
    return " ".join(words)
