"""Sentences of an event's articles as comparable units, and one article's value in a slot.

A sentence becomes a sequence of units: words (lower-cased, punctuation dropped),
whole numbers with their qualifier, years, clock times; codes like "AK 47" are one
word. ``parallel`` aligns these units across articles; ``names`` and ``slots``
read and judge the readings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.events.document import Doc
from generator.events.numbers import (
    Quantity,
    find_quantities,
    format_number,
    is_year,
    lost_fraction,
)
from generator.text.document import HEADING, TABLE
from generator.text.factwords import CURRENCY_SYMBOLS
from generator.text.lexicon import SAME_COLOUR, STOPWORDS
from generator.text.normalise import lemma
from generator.text.tokens import tokens

NUMBER = "number"
YEAR = "year"
TIME = "time"
PLACE = "place"
DAY = "day"
MONTH = "month"
NAME = "name"
RANK = "rank"
COLOUR = "colour"
RECORD = "record"

_QUOTE_CHARS = re.compile(r"[\"“”]")
_PAST = re.compile(
    r"\b(?:last|previous|past) (?:year|decade|month)\b|\byears? ago\b|\bin the past\b", re.I
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One comparable token of a sentence: a word, or a whole number with its qualifier."""

    form: str
    text: str
    kind: str
    quantity: Quantity | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One sentence of one article, ready to be compared."""

    article_id: str
    index: int
    text: str
    line: int
    units: tuple[Unit, ...]
    content: frozenset[str]
    quoted: bool
    background: bool


@dataclass(frozen=True, slots=True)
class Reading:
    """One article's value in a slot.

    Attributes:
        article_id: The article.
        kind: ``number``, ``year``, ``time``, ``place``, ``day``, ``month``, ``name``,
            ``rank`` or ``colour``.
        value: The value as written ("seven", "west").
        key: The comparable value ("7", "west").
        sentence: The sentence that states it, verbatim.
        line: 1-based line of the seed file.
        frame: The identical words around the slot ("AK-47 rifles", "of Aden").
        noun: The first identical word after the slot (the counted thing of a number).
        quantity: For numbers, the parsed quantity.
    """

    article_id: str
    kind: str
    value: str
    key: str
    sentence: str
    line: int
    frame: str
    noun: str = ""
    quantity: Quantity | None = None

    @property
    def ident(self) -> tuple[str, int, str]:
        """Where the reading sits: article, line and the frame."""
        return (self.article_id, self.line, self.frame)


def differing_pairs(readings: Sequence[Reading]) -> Iterator[tuple[Reading, Reading]]:
    """Pairs of readings from different articles giving different values, in input order.

    Args:
        readings: Readings of one slot (one person's home, one title's defences...).

    Yields:
        ``(a, b)`` with ``a`` before ``b`` in ``readings``.
    """
    for x, a in enumerate(readings):
        for b in readings[x + 1 :]:
            if a.article_id != b.article_id and a.key != b.key:
                yield a, b


def lines_of(doc: Doc) -> list[Line]:
    """The comparable sentences of one article (headings and tables left out)."""
    out: list[Line] = []
    year = doc.reference.year if doc.reference is not None else None
    for sentence in doc.sentences:
        if sentence.kind in (HEADING, TABLE):
            continue
        norm = sentence.norm
        toks = tokens(norm)
        quantities = find_quantities(toks, _skip(norm, toks))
        if not quantities and not any(map(str.isdigit, toks)):
            # Most sentences: words only. Each token is a unit on its own (no number, year,
            # record, or code joined to a number), read with its content lemma from a memo.
            plain = [p for p in map(_plain_unit, toks) if p is not None]
            units = [u for u, _ in plain]
            content = frozenset(w for _, w in plain if w is not None)
            background = _PAST.search(norm) is not None  # no year to date it
        else:
            units = _read_units(toks, quantities)
            # A sentence dated in another year than the report tells earlier history.
            background = _PAST.search(norm) is not None or (
                year is not None and any(u.kind == YEAR and int(u.form[1:]) != year for u in units)
            )
            # A large number written in both sentences ("$30 million") is as telling as a word.
            content = frozenset(
                lemma(u.form) for u in units if u.kind == "word" and u.form not in STOPWORDS
            ) | frozenset(
                u.form
                for u in units
                if u.quantity is not None and u.quantity.low is not None and u.quantity.low >= 10
            )
        out.append(
            Line(
                doc.id,
                sentence.index,
                sentence.text,
                sentence.line,
                tuple(units),
                content,
                bool(_QUOTE_CHARS.search(norm)),
                background,
            )
        )
    return out


_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=1 << 16)
def _plain_unit(tok: str) -> tuple[Unit, str | None] | None:
    """The unit of a token of a sentence without numbers, with its content lemma (or None).

    :func:`_token_unit`, a code read as a word (it stays apart only to be joined to a
    number after it), and the lemma ``lines_of`` counts as content.
    """
    unit = _token_unit(tok)
    if unit is None:
        return None
    if unit.kind == "code":
        unit = Unit(unit.form, unit.text, "word")
    content = unit.kind == "word" and unit.form not in STOPWORDS
    return (unit, lemma(unit.form) if content else None)


def _skip(norm: str, toks: Sequence[str]) -> frozenset[int]:
    """Tokens no number is read from: times and years (none in a sentence without digits)."""
    if _DIGIT.search(norm) is None:
        return frozenset()
    return frozenset(i for i, t in enumerate(toks) if ":" in t or is_year(t))


def _units(norm: str) -> list[Unit]:
    """Words (lower-cased, punctuation dropped), numbers as one unit each."""
    toks = tokens(norm)
    return _read_units(toks, find_quantities(toks, _skip(norm, toks)))


def _read_units(toks: Sequence[str], found: Sequence[Quantity]) -> list[Unit]:
    """:func:`_units` of a sentence's tokens and the quantities found in them."""
    quantities = {q.qualifier_start: q for q in found}
    out: list[Unit] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        quantity = quantities.get(i)
        if quantity is None and not tok.isdigit():
            # Most tokens: a word (or a time, a sign) that opens no number, code or record.
            i += 1
            unit = _token_unit(tok)
            if unit is not None:
                out.append(unit)
            continue
        if out and out[-1].kind == "code" and tok.isdigit():
            # "AK 47" (tokenised "AK-47") is one code, not a code and a count of 47.
            prev = out.pop()
            out.append(Unit(prev.form + tok, f"{prev.text} {tok}", "word"))
            i += 1
            continue
        record = _record_end(toks, i) if tok.isdigit() else i
        if record > i:
            # "52-3", "45-7-2": a record or a score, compared by ``record_readings``.
            text = "".join(toks[i:record])
            out.append(Unit(text, text, "word"))
            i = record
            continue
        if quantity is not None and quantity.low is not None and not quantity.vague:
            form = "#" + format_number(quantity.low)
            if quantity.high is not None:
                form += "-" + format_number(quantity.high)
            out.append(Unit(form, " ".join(toks[i : quantity.end]), NUMBER, quantity))
            i = quantity.end
            continue
        i += 1
        # (A number after a code was joined to it at the top of the loop.)
        unit = _token_unit(tok)
        if unit is not None:
            out.append(unit)
    return [u if u.kind != "code" else Unit(u.form, u.text, "word") for u in out]


@functools.lru_cache(maxsize=1 << 16)
def _token_unit(tok: str) -> Unit | None:
    """The unit of a token that is not part of a number: a year, a time, a word, a code.

    Memoised (units are frozen): most tokens are common words.
    """
    if is_year(tok):
        return Unit("y" + tok, tok, YEAR)
    if ":" in tok and tok[0].isdigit():
        return Unit("t" + tok, tok, TIME)
    if tok in CURRENCY_SYMBOLS:
        return Unit(CURRENCY_SYMBOLS[tok], tok, "word")
    if tok[0].isalnum():
        # "AK-47" and "AK 47" are one code.
        form = tok.lower().replace("-", "").replace(".", "").replace("’", "'")
        kind = "code" if tok.isupper() and tok.isalpha() and len(tok) <= 3 else "word"
        return Unit(form, tok, kind)
    return None


def _record_end(toks: Sequence[str], i: int) -> int:
    """End of a record or score starting at token ``i`` ("52 - 3", "45 - 7 - 2"), else ``i``."""
    if not toks[i].isdigit():
        return i  # the common case, decided before building the helper below

    def small(n: int) -> bool:
        return n < len(toks) and toks[n].isdigit() and len(toks[n]) <= 3

    if not (small(i) and n_is(toks, i + 1, "-") and small(i + 2)):
        return i
    if int(toks[i + 2]) >= int(toks[i]):
        return i  # "20-30" is a range
    end = i + 3
    if n_is(toks, end, "-") and small(end + 1):
        end += 2
    return end


def n_is(toks: Sequence[str], n: int, value: str) -> bool:
    """Whether token ``n`` exists and is ``value``."""
    return n < len(toks) and toks[n] == value


def event_lines(docs: Sequence[Doc]) -> list[Line]:
    """The comparable sentences of every article of an event, in article-id order."""
    return [line for doc in sorted(docs, key=lambda d: d.id) for line in lines_of(doc)]


def damaged(a: Reading, b: Reading) -> bool:
    """Whether one number is the other with a fraction's digits glued on ("4" / "412")."""
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.low is None or qb.low is None:
        return False
    return lost_fraction(qa.low, qb.low)


def reading_low(reading: Reading) -> float:
    """The value of a number reading (0 for other readings)."""
    q = reading.quantity
    return q.low if q is not None and q.low is not None else 0.0


def unit_key(unit: Unit) -> str:
    """Comparable value of a unit."""
    if unit.kind in (NUMBER, YEAR, TIME):
        return unit.form[1:]
    return SAME_COLOUR.get(unit.form, unit.form)


def reading_of(line: Line, unit: Unit, kind: str, frame: str, noun: str) -> Reading:
    """One side of a slot."""
    return Reading(
        line.article_id,
        kind,
        unit.text,
        unit_key(unit),
        line.text,
        line.line,
        frame,
        noun,
        unit.quantity,
    )
