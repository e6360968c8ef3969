"""Numbers in digits and words, with their qualifiers and ranges.

Works on the token list of a normalised sentence (see ``text.tokens``), so
"170, 000" has already become one token "170,000".
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.text.dates import MAX_YEAR, MIN_YEAR
from generator.text.factwords import (
    FRACTION_WORDS,
    PRONOUN_ONE_AFTER,
    PRONOUN_ONE_BEFORE,
    RANGE_JOINERS,
)
from generator.text.lexicon import (
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    SCALES,
    TENS,
    UNITS,
    VAGUE_QUANTITIES,
)

MAX_COUNT = 10**15
"""Largest value read as a count; longer digit strings are identifiers or noise (and a
string of hundreds of digits would overflow to infinity)."""

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a token list.

    Attributes:
        start: Index of the first token of the number (qualifier excluded).
        end: Index one past the last token of the number (range included).
        low: The value, or the lower end of a range; None for vague words
            such as "dozens" (see ``floor``).
        high: The upper end of a range, else None.
        qualifier: Canonical qualifier ("at least", "about", ...) or "".
        qualifier_start: Index of the qualifier's first token (== start when none).
        vague: True for order-of-magnitude words ("dozens", "hundreds").
        floor: For vague words, the smallest value they can mean.
        text: The number as written, qualifier included.
    """

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str
    qualifier_start: int
    vague: bool
    floor: float | None
    text: str

    def display(self) -> str:
        """The value in words a reader expects: "at least 66", "10-20", "dozens"."""
        if self.vague or self.low is None:
            return self.text.lower()
        value = format_number(self.low)
        if self.high is not None:
            value += "–" + format_number(self.high)
        return f"{self.qualifier} {value}".strip() if self.qualifier != "exactly" else value


def format_number(value: float) -> str:
    """Format a value with thousands separators and no useless decimals."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def is_year(token: str) -> bool:
    """Whether a digit token looks like a calendar year (no separators, MIN_YEAR-MAX_YEAR)."""
    return token.isdigit() and len(token) == 4 and MIN_YEAR <= int(token) <= MAX_YEAR


def find_quantities(toks: Sequence[str], skip: frozenset[int] = frozenset()) -> list[Quantity]:
    """Find every quantity in a token list.

    Args:
        toks: Tokens of one normalised sentence.
        skip: Token indexes that belong to dates or times and are not counts.

    Returns:
        The quantities in reading order.
    """
    words = tuple(toks)
    starts = _starts(words)
    if not starts:
        return []
    # A skipped index only matters where a number can start (elsewhere no number is read
    # anyway), so the skip is narrowed to those. Claims and slot units read each sentence
    # with their own skips (dated tokens, years) which, narrowed, mostly agree: the
    # sentence is then read once for both.
    return list(_quantities(words, starts, skip.intersection(starts)))


@functools.lru_cache(maxsize=1 << 12)
def _starts(toks: tuple[str, ...]) -> tuple[int, ...]:
    """Indexes of the tokens a number can start with, in order (see :func:`_may_start`).

    Most tokens are words no number starts with: only the others are tried. Memoised:
    claims and slot units both read every sentence.
    """
    return tuple(itertools.compress(range(len(toks)), map(_may_start, toks)))


@functools.lru_cache(maxsize=1 << 12)
def _quantities(
    toks: tuple[str, ...], starts: tuple[int, ...], skip: frozenset[int]
) -> tuple[Quantity, ...]:
    """:func:`find_quantities` reading only at ``starts`` (the tokens a number can start with).

    Memoised (quantities are frozen): see :func:`find_quantities`.
    """
    out: list[Quantity] = []
    i = 0  # where the next number may start: past the end of the last one read
    for start in starts:
        if start < i or start in skip or _in_fraction(toks, start):
            continue
        i = start
        parsed = _parse_at(toks, i)
        if parsed is None:
            continue
        end, low, vague = parsed
        if low is not None and not vague and low.is_integer():
            # "four and a half months" is 4.5, not 4.
            extra = FRACTION_WORDS.get(tuple(w.lower() for w in toks[end : end + 3]))
            if extra is not None:
                low, end = low + extra, end + 3
        if low is not None and not low <= MAX_COUNT:
            continue
        qualifier, q_start = _qualifier_before(toks, i)
        high, end = _range_end(toks, end, skip, between=qualifier == "between")
        if low is not None and high is not None and high <= low:
            high = None
        after, end = _qualifier_after(toks, end)
        qualifier = qualifier or after
        text = " ".join(toks[q_start:end])
        floor = float(VAGUE_QUANTITIES.get(toks[i].lower(), 0)) if vague else None
        out.append(Quantity(i, end, low, high, qualifier, q_start, vague, floor, text))
        i = end
    return tuple(out)


_BROKEN = frozenset({"/", "\ufffd", "⁄"})

# Words :func:`_parse_at` can start a number with (besides digits and "sixty-six").
_STARTERS = frozenset(
    {*VAGUE_QUANTITIES, "tens", "a", "an", "dozen", *UNITS, *TENS}  # see _parse_at
)


@functools.lru_cache(maxsize=1 << 16)
def _may_start(tok: str) -> bool:
    """Whether :func:`_parse_at` can read a number at this token.

    A cheap test first: most tokens are words that cannot, and the full parse
    costs several lookups. Memoised: the same words recur in every sentence.
    """
    if tok[:1].isdigit():
        return True
    low = tok.lower()
    return low in _STARTERS or ("-" in low and low.partition("-")[0] in TENS)


def _in_fraction(toks: Sequence[str], i: int) -> bool:
    """Whether token ``i`` is part of a fraction or a damaged one ("4 1/2", "41 / 2", "4�").

    Its value cannot be read safely, so it is not a count.
    """
    return _word(toks, i + 1) in _BROKEN or _word(toks, i - 1) in _BROKEN


def _parse_at(toks: Sequence[str], i: int) -> tuple[int, float | None, bool] | None:
    """Parse one number starting at token ``i``: (end, value, vague) or None."""
    tok = toks[i]
    low = tok.lower()
    if _DIGITS.match(tok):
        if is_year(tok) and not _followed_by_plural(toks, i + 1):
            return None
        value = float(tok.replace(",", ""))
        return _scaled(toks, i + 1, value)
    if low in VAGUE_QUANTITIES:
        return (_skip_of(toks, i + 1), None, True)
    if low == "tens" and _word(toks, i + 1) == "of" and _word(toks, i + 2) in VAGUE_QUANTITIES:
        return (_skip_of(toks, i + 3), None, True)
    if low in ("a", "an") and _word(toks, i + 1) in ("dozen", "hundred", "thousand"):
        base = 12.0 if _word(toks, i + 1) == "dozen" else float(SCALES[_word(toks, i + 1)])
        return _scaled(toks, i + 2, base)
    if low == "dozen":
        return (i + 1, 12.0, False)
    number = _word_value(low)
    if number is None or (low == "one" and not _one_is_count(toks, i)):
        return None
    end = i + 1
    unit = _word_value(_word(toks, end))
    if number >= 20 and number % 10 == 0 and unit is not None and 0 < unit < 10:
        number += unit
        end += 1
    return _scaled(toks, end, float(number))


def _word_value(word: str) -> int | None:
    """Value of a number word ("eight", "sixty-six"), else None."""
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in TENS and unit in UNITS and UNITS[unit] < 10:
            return TENS[tens] + UNITS[unit]
    return None


def _one_is_count(toks: Sequence[str], i: int) -> bool:
    """Whether "one" counts something rather than being a pronoun ("one of", "no one")."""
    before = _word(toks, i - 1)
    after = _word(toks, i + 1)
    if before in PRONOUN_ONE_BEFORE or after in PRONOUN_ONE_AFTER:
        return False
    return bool(after and (after.isalpha() or before in _QUALIFIER_WORDS))


_QUALIFIER_WORDS = frozenset(w for phrase, _ in QUALIFIERS_BEFORE for w in phrase.split())


def _scaled(toks: Sequence[str], end: int, value: float) -> tuple[int, float, bool]:
    """Apply a following scale word ("2.5 million", "two hundred")."""
    scale = _word(toks, end)
    if scale in SCALES:
        value *= SCALES[scale]
        end += 1
        if scale == "hundred" and _word(toks, end) in ("thousand", "million"):
            value *= SCALES[_word(toks, end)]
            end += 1
    return (end, value, False)


def _skip_of(toks: Sequence[str], end: int) -> int:
    """Step over the "of" in "dozens of people"."""
    return end + 1 if _word(toks, end) == "of" else end


def _range_end(
    toks: Sequence[str], end: int, skip: frozenset[int], *, between: bool
) -> tuple[float | None, int]:
    """Read the upper end of "10 to 20", "10-20", "5 or 6", "between 10 and 20"."""
    joiners = RANGE_JOINERS | {"and"} if between else RANGE_JOINERS
    if _word(toks, end) not in joiners or end + 1 in skip or end + 1 >= len(toks):
        return (None, end)
    parsed = _parse_at(toks, end + 1)
    if parsed is None or parsed[1] is None or not parsed[1] <= MAX_COUNT:
        return (None, end)
    return (parsed[1], parsed[0])


def _indexed(
    phrases: Sequence[tuple[str, str]], *, by_last: bool
) -> dict[str, tuple[tuple[list[str], str], ...]]:
    """Qualifier phrases split once, grouped by their last (or first) word, order kept.

    Only the phrases ending (or starting) with the word next to the number can match,
    so each number looks up that word instead of trying every phrase.
    """
    out: dict[str, tuple[tuple[list[str], str], ...]] = {}
    for phrase, canonical in phrases:
        words = phrase.split()
        key = words[-1] if by_last else words[0]
        out[key] = (*out.get(key, ()), (words, canonical))
    return out


_QUALIFIERS_BEFORE_BY_LAST = _indexed(
    sorted(QUALIFIERS_BEFORE, key=lambda q: -len(q[0])), by_last=True
)
_QUALIFIERS_AFTER_BY_FIRST = _indexed(QUALIFIERS_AFTER, by_last=False)


def _qualifier_before(toks: Sequence[str], i: int) -> tuple[str, int]:
    """Find a qualifier right before token ``i``; return (canonical, first token)."""
    last = _word(toks, i - 1)
    if last == "between":
        return ("between", i - 1)
    for words, canonical in _QUALIFIERS_BEFORE_BY_LAST.get(last, ()):
        start = i - len(words)
        if start >= 0 and [t.lower() for t in toks[start:i]] == words:
            return (canonical, start)
    return ("", i)


def _qualifier_after(toks: Sequence[str], end: int) -> tuple[str, int]:
    """Find a qualifier right after the number ("or more"); return (canonical, new end)."""
    for words, canonical in _QUALIFIERS_AFTER_BY_FIRST.get(_word(toks, end), ()):
        if [t.lower() for t in toks[end : end + len(words)]] == words:
            return (canonical, end + len(words))
    return ("", end)


def _followed_by_plural(toks: Sequence[str], i: int) -> bool:
    """Whether the next token is a lower-case plural noun ("2000 people")."""
    word = toks[i] if i < len(toks) else ""
    return word.islower() and (word.endswith("s") or word in ("people", "personnel"))


def _word(toks: Sequence[str], i: int) -> str:
    """Lower-cased token ``i``, or "" when out of range."""
    return toks[i].lower() if 0 <= i < len(toks) else ""


_LOST_FRACTIONS = ("12", "14", "34")
"""Digits a vulgar fraction leaves when its slash is lost: "4½" → "412", "2¾" → "234"."""


def lost_fraction(a: float, b: float) -> bool:
    """Whether one whole number reads as the other with a fraction's digits glued on.

    Scraped text often loses the fraction slash or the "½" sign ("served 4½ months"
    becomes "served 412 months"); such a value is damaged, not another version of the
    number, so the pair is never compared.

    Args:
        a: A value.
        b: Another value of the same fact.

    Returns:
        True when the larger is the smaller followed by "12", "14" or "34".
    """
    if not (float(a).is_integer() and float(b).is_integer()) or a == b:
        return False
    small, large = sorted((int(a), int(b)))
    return small > 0 and any(str(large) == f"{small}{tail}" for tail in _LOST_FRACTIONS)
