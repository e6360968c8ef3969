"""Names spelled two ways, and win-loss records told two ways, across an event's articles.

"his wife, Stacey," / "wife Stacy"; "Commander Nirad Sinha" / "Commodore Nirad
Sinha"; "Bowe (43-1)" / "Bowe, 45-1". A neighbouring content word ties two
spellings to one person in one role; British and American spellings, word forms
and one-article slips are not discrepancies.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from generator.events.document import Doc
from generator.events.slotunits import (
    NAME,
    RANK,
    RECORD,
    Line,
    Reading,
    Unit,
    differing_pairs,
    event_lines,
    reading_of,
)
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.lexicon import RANK_ABBREVIATIONS, RANKS, STOPWORDS
from generator.text.phrasewords import WORD_FORM_SUFFIXES

NAME_MIN_SIMILARITY = 70
"""Two capitalised words this similar (rapidfuzz ratio) in one slot are one name spelled twice."""

NAME_MIN_LENGTH = 4
"""Shorter names are too easily confused to call a spelling variant."""

_SPELLING = (
    (re.compile(r"our(?=s?$|ed$|ing$|ful$|ite)"), "or"),
    (re.compile(r"is(?=e[sd]?$|ing$|ation)"), "iz"),
    (re.compile(r"ys(?=e[sd]?$|ing$)"), "yz"),
    (re.compile(r"tre(?=s?$)"), "ter"),
    (re.compile(r"ll(?=ed$|ing$|er$)"), "l"),
    (re.compile(r"ae|oe"), "e"),
)


def word_forms(a: str, b: str) -> bool:
    """Whether two words are forms of one stem (they differ only in a word-form ending).

    Args:
        a: A lower-case word.
        b: Another.

    Returns:
        True for "somali"/"somalian", "democratic"/"democrats", "britain"/"british".
    """
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    if stem == min(len(a), len(b)):
        return True  # one word starts the other: "Somali" / "Somalia" / "Somalian"
    return stem >= NAME_MIN_LENGTH and {a[stem:], b[stem:]} <= WORD_FORM_SUFFIXES


def same_spelling(a: str, b: str) -> bool:
    """Whether two words differ only as British and American spelling ("colour", "color").

    Args:
        a: A lower-case word.
        b: Another.

    Returns:
        True when both spell one word.
    """

    def fold(word: str) -> str:
        for pattern, repl in _SPELLING:
            word = pattern.sub(repl, word)
        return word

    return fold(a) == fold(b)


_RECORD = re.compile(
    r"\b([A-Z][a-z’'-]{2,})\s*[,(]?\s*(\d{1,3})\s?-\s?(\d{1,3})(?:\s?-\s?(\d{1,3}))?(?![\d-])"
)
# A win-loss record right after a name: "Rahman (45-7-2)", "Klitschko, 53-3".
_RECORD_TO = re.compile(
    r"\b([A-Z][a-z’'-]{2,}?)(?:['’]s)?\s+(?:[a-z]+\s+){0,3}?record\s+(?:to|at|of)\s+"
    r"(\d{1,3})\s?-\s?(\d{1,3})(?:\s?-\s?(\d{1,3}))?(?![\d-])"
)
# A record said to be someone's: "took Marlow's record to 52-3", "Marlow improved his record to".
_DASHED = re.compile(r"\d\s?-\s?\d")
# What both record patterns need (two numbers joined by a dash): most sentences have none,
# and this one scan is cheaper than the two patterns' tries at every capital.


def record_readings(lines: Sequence[Line]) -> list[tuple[Reading, Reading]]:
    """Pairs of different win-loss records given for the same name in different articles.

    A record written right after a name ("Bowe (43-1, 33 KOs)") is a fact about that
    person however the sentences around it differ; a second number smaller than the
    first is a record or a score, not a range. An article that gives the same name two
    records (before and after a bout) is not a side.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    by_name: dict[str, list[Reading]] = defaultdict(list)
    for line in lines:
        if line.background or _DASHED.search(line.text) is None:
            continue
        for match in (*_RECORD.finditer(line.text), *_RECORD_TO.finditer(line.text)):
            name, first, second = match.group(1), int(match.group(2)), int(match.group(3))
            if second >= first or name.lower() in STOPWORDS or name.lower() in NAME_SKIP:
                continue
            value = "-".join(g for g in match.groups()[1:] if g is not None)
            by_name[name.lower()].append(
                Reading(line.article_id, RECORD, value, value, line.text, line.line, name)
            )
    out: list[tuple[Reading, Reading]] = []
    for name in sorted(by_name):
        readings = by_name[name]
        told: dict[str, set[str]] = defaultdict(set)
        for reading in readings:
            told[reading.article_id].add(reading.key)
        for a, b in differing_pairs(readings):
            # An article giving both records tells two moments (before and after a bout).
            if not (b.key in told[a.article_id] or a.key in told[b.article_id]):
                out.append((a, b))
    return out


NAME_MIN_RATIO = 70
"""Two capitalised words next to the same word are one name spelled twice from this
similarity (rapidfuzz ratio) up."""

NAME_SKIP = frozenset(MONTHS) | frozenset(WEEKDAYS)


@dataclass(frozen=True, slots=True)
class _NameUse:
    """A capitalised word with its neighbours."""

    line: Line
    unit: Unit
    left: str
    right: str


def name_readings(
    docs: Sequence[Doc], lines: Sequence[Line] | None = None
) -> list[tuple[Reading, Reading]]:
    """Names (or ranks) written two ways next to the same word in different articles.

    "his wife, Stacey," / "wife Stacy"; "Commander Nirad Sinha" / "Commodore Nirad
    Sinha"; "Marenhaddin" / "Marenuddin" after "named the". A neighbour that is a
    content word (or a capitalised name) ties the two spellings to one person in one
    role. A spelling found in a single article that elsewhere writes the name the
    other way is that article's typo, not a discrepancy.

    Args:
        docs: The articles of one event.
        lines: Their comparable sentences, when already computed (``event_lines``).

    Returns:
        (reading, reading) pairs from different articles.
    """
    uses: dict[str, list[_NameUse]] = defaultdict(list)
    lines = lines if lines is not None else event_lines(docs)
    for line in lines:
        units = line.units
        # A name is capitalised (and not the sentence's first word): most words are ruled
        # out before the full test.
        for n in [n for n, unit in enumerate(units) if n and unit.text[:1].isupper()]:
            unit = units[n]
            if not _name_like(unit):
                continue
            left = _neighbour(units, n, -1)
            right = _neighbour(units, n, 1)
            uses[unit.form[:2]].append(_NameUse(line, unit, left, right))
    out: list[tuple[Reading, Reading]] = []
    everything = [u for group in uses.values() for u in group]
    by_context: dict[tuple[str, str], list[_NameUse]] = defaultdict(list)
    for use in everything:
        if use.left not in STOPWORDS and use.left[:1].isalpha():
            by_context[("l", use.left)].append(use)
        if use.right not in STOPWORDS and use.right[:1].isalpha():
            by_context[("r", use.right)].append(use)
    placed = {
        (use.line.article_id, use.unit.form, context)
        for context, group in by_context.items()
        for use in group
    }
    seen: set[tuple[str, str, str, str]] = set()
    # The words every article writes are counted only once two spellings meet (in few
    # events): most events never need them.
    written: tuple[set[str], dict[str, Counter[str]]] | None = None
    for (side, word), group in sorted(by_context.items()):
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                fa, fb = a.unit.form, b.unit.form
                if a.line.article_id == b.line.article_id or fa == fb:
                    continue
                kind = _name_kind(fa, fb)
                if kind is None:
                    continue
                written = written or _written(lines)
                common, counts = written
                # Capitalised common words ("County", "Community") are not spellings of a name.
                if kind == NAME and (fa in common or fb in common):
                    continue
                if _typo(fa, fb, a.line.article_id, b.line.article_id, counts):
                    continue
                # An article writing both spellings next to the same word has slipped.
                if (a.line.article_id, fb, (side, word)) in placed or (
                    b.line.article_id,
                    fa,
                    (side, word),
                ) in placed:
                    continue
                key = (a.line.article_id, fa, b.line.article_id, fb)
                if key in seen:
                    continue
                seen.add(key)
                frame = f"{word} …" if side == "l" else f"… {word}"
                ra = reading_of(a.line, a.unit, kind, frame, word)
                rb = reading_of(b.line, b.unit, kind, frame, word)
                out.append(
                    (
                        replace(ra, value=_full_name(a.line, a.unit)),
                        replace(rb, value=_full_name(b.line, b.unit)),
                    )
                )
    return out


def _written(lines: Sequence[Line]) -> tuple[set[str], dict[str, Counter[str]]]:
    """The forms written in lower case anywhere, and each article's count of every form."""
    common: set[str] = set()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        units = line.units
        counts[line.article_id].update(u.form for u in units)
        common.update(u.form for u in units if u.text.islower())
    return common, counts


NAME_CONTEXT_SKIP = 1
"""Function words skipped to reach the word next to a name ("boarded the Marenhaddin")."""


def _neighbour(units: Sequence[Unit], n: int, step: int) -> str:
    """The word next to unit ``n`` (before it for step -1), past one function word."""
    at = n + step
    for _ in range(NAME_CONTEXT_SKIP):
        if 0 <= at < len(units) and units[at].form in STOPWORDS and units[at].kind == "word":
            at += step
    return units[at].form if 0 <= at < len(units) else ""


def _full_name(line: Line, unit: Unit) -> str:
    """The run of capitalised words holding ``unit`` ("Commander Nirad Sinha")."""
    units = line.units
    at = next(n for n, u in enumerate(units) if u is unit)
    lo = at
    # Only a rank extends a name leftwards ("Commander Nirad Sinha"); a capitalised
    # word before a name is as likely a heading run into the sentence.
    while lo > 0 and units[lo - 1].form in RANKS and units[lo - 1].text[:1].isupper():
        lo -= 1
    hi = at + 1
    while hi < len(units) and units[hi].text[:1].isupper() and units[hi].text.isalpha():
        hi += 1
    return " ".join(u.text for u in units[lo:hi])


def _name_like(unit: Unit) -> bool:
    """Whether a unit is a capitalised word that can be a name or a rank."""
    text = unit.text
    return (
        unit.kind == "word"
        and text[:1].isupper()
        and text.isalpha()
        and len(text) >= NAME_MIN_LENGTH
        and unit.form not in STOPWORDS
        and unit.form not in NAME_SKIP
        and not text.isupper()
    )


@functools.lru_cache(maxsize=1 << 14)
def _name_kind(fa: str, fb: str) -> str | None:
    """``rank`` for two different ranks, ``name`` for two spellings of one name, else None.

    Memoised: the same two spellings meet in every context they share.
    """
    if fa in RANKS and fb in RANKS:
        same = RANK_ABBREVIATIONS.get(fa, fa) == RANK_ABBREVIATIONS.get(fb, fb)
        return None if same else RANK
    if fa in RANKS or fb in RANKS or same_spelling(fa, fb):
        return None
    if word_forms(fa, fb):
        return None  # "Somali" / "Somalian", "Page" / "Pages": another word form, not a spelling
    return NAME if fuzz.ratio(fa, fb) >= NAME_MIN_RATIO else None


def _typo(
    fa: str, fb: str, article_a: str, article_b: str, counts: Mapping[str, Mapping[str, int]]
) -> bool:
    """Whether one spelling is a one-article slip in an article that also uses the other."""
    users_a = [a for a, c in counts.items() if c.get(fa)]
    users_b = [a for a, c in counts.items() if c.get(fb)]
    slip_a = len(users_a) == 1 and counts[article_a].get(fb, 0) > 0
    slip_b = len(users_b) == 1 and counts[article_b].get(fa, 0) > 0
    return slip_a or slip_b
