"""Discrepancies between parallel sentences: one slot told differently.

Two reports of one event often carry near-identical sentences (the same wire
copy, the same press release, the same police statement) that differ in a
single slot: "150 nautical miles west of Aden" / "150 nautical miles east of
Aden", "seven AK-47 rifles" / "12 AK 47 guns", "Commander Nirad Sinha" /
"Commodore Nirad Sinha", "in 2005" / "in 2006". Such a slot is a strong frame:
the words around it (the counted thing, the place, the person) are the same in
both articles, so the two values are two versions of one fact.

A slot counts only when it is anchored by identical words on both sides and
the two sentences share enough content words; values that can both be true
("about 150" and "150"; "at least 10" and 12) are compatible, not conflicts.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np
from rapidfuzz import fuzz

from generator.events.document import Doc
from generator.events.names import NAME_MIN_LENGTH, NAME_MIN_SIMILARITY, same_spelling, word_forms
from generator.events.slotunits import (
    COLOUR,
    DAY,
    MONTH,
    NAME,
    NUMBER,
    PLACE,
    RANK,
    TIME,
    YEAR,
    Line,
    Reading,
    Unit,
    damaged,
    event_lines,
    reading_of,
    unit_key,
)
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.factwords import DATE_RANGE_JOINERS
from generator.text.lexicon import (
    COLOURS,
    COMPASS_WORDS,
    MEASURE_UNITS,
    RANK_ABBREVIATIONS,
    RANKS,
    SAME_COLOUR,
    STOPWORDS,
)

SLOT_MIN_SHARED = 4
"""Two sentences are parallel when they share at least this many content lemmas..."""

SLOT_MIN_COVER = 0.35
"""... covering at least this share of the shorter sentence's content lemmas."""


def slot_readings(
    docs: Sequence[Doc], lines: Sequence[Line] | None = None
) -> list[tuple[Reading, Reading]]:
    """Pairs of readings that tell one slot of parallel sentences differently.

    Args:
        docs: The articles of one event.
        lines: Their comparable sentences, when already computed (``event_lines``).

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    if lines is None:
        lines = event_lines(docs)
    by_article: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        by_article[line.article_id].append(line)
    # Read per article only when a slot asks: most events have few slots.
    stated_of: dict[str, set[tuple[str, str]]] = {}

    def stated(article_id: str) -> set[tuple[str, str]]:
        if article_id not in stated_of:
            stated_of[article_id] = {s for line in by_article[article_id] for s in _stated(line)}
        return stated_of[article_id]

    # What each sentence could hold in a slot, read once per sentence that is paired.
    values: dict[int, SlotValues] = {}
    out: list[tuple[Reading, Reading]] = []
    for a, b in parallel_pairs(lines):
        left, right = lines[a], lines[b]
        for n in (a, b):
            if n not in values:
                values[n] = slot_values(lines[n])
        if not may_differ(values[a], values[b]):
            continue  # no slot to read: skip aligning the pair (the costly part)
        for ra, rb in _slots(left, right):
            if ra.kind == NUMBER and (left.background or right.background):
                continue  # counts of earlier events are background, not this event's facts
            if ra.kind == NUMBER and (
                part_scope(left.text) != part_scope(right.text) or damaged(ra, rb)
            ):
                continue  # a count for one part (a round, a day, each) is another fact
            # An article that also states the other value (with the same counted word)
            # tells two facts apart, not two versions of one.
            if ra.kind != NAME and (
                (rb.key, rb.noun) in stated(ra.article_id)
                or (ra.key, ra.noun) in stated(rb.article_id)
            ):
                continue
            out.append((ra, rb))
    return out


def parallel_pairs(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """The pairs of sentences of different articles that may be parallel, in index order.

    Two sentences are parallel when they share at least ``SLOT_MIN_SHARED`` content
    lemmas covering ``SLOT_MIN_COVER`` of the shorter one; only pairs sharing at least
    half as many of the rarer lemmas (those at most a fifth of the sentences carry, or
    eight) are looked at. The pairs sharing a rare lemma are enumerated and counted
    in numpy, word by word (each word's sentences paired in index order), instead of
    as tuples in a Counter: the same pairs, a fraction of the time.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        ``(a, b)`` sentence indexes, ``a < b``, sorted.
    """
    n = len(lines)
    contents = [line.content for line in lines]
    every = list(itertools.chain.from_iterable(contents))
    if not every:
        return []
    # A word's id is where it is first met (ids need only tell words apart): mapped in C.
    first_met: dict[str, int] = {}
    words = np.fromiter(map(first_met.setdefault, every, itertools.count()), dtype=np.int64)
    sizes = np.fromiter(map(len, contents), dtype=np.int64, count=n)
    rows = np.repeat(np.arange(n, dtype=np.int64), sizes)
    carried = np.bincount(words)
    # Words most sentences carry say nothing about which sentences are parallel.
    rare = carried[words] <= max(8, n // 5)
    # Each rare word's sentences, in index order; every pair within a word's run.
    order = np.lexsort((rows[rare], words[rare]))
    run_rows, run_words = rows[rare][order], words[rare][order]
    starts = np.flatnonzero(np.concatenate(([True], run_words[1:] != run_words[:-1])))
    lengths = np.diff(np.concatenate((starts, [len(run_words)])))
    later = np.repeat(lengths, lengths) - (
        np.arange(len(run_words)) - np.repeat(starts, lengths) + 1
    )
    first = np.repeat(np.arange(len(run_words)), later)
    second = first + 1 + (np.arange(len(first)) - np.repeat(np.cumsum(later) - later, later))
    left, right = run_rows[first], run_rows[second]
    articles: dict[str, int] = {}
    article = np.asarray([articles.setdefault(line.article_id, len(articles)) for line in lines])
    across = article[left] != article[right]
    pair_codes = left[across] * n + right[across]
    if n <= _DENSE_MAX:  # counted in a table of every pair: no sort
        counted = np.bincount(pair_codes, minlength=n * n)
        codes = np.flatnonzero(counted >= SLOT_MIN_SHARED // 2)
        rare_shared = counted[codes]
    else:
        codes, rare_shared = np.unique(pair_codes, return_counts=True)
        keep = rare_shared >= SLOT_MIN_SHARED // 2
        codes, rare_shared = codes[keep], rare_shared[keep]
    a, b = codes // n, codes % n
    # All shared lemmas: the rare ones counted above, plus the common ones (few words).
    common_words = np.flatnonzero(carried > max(8, n // 5))
    both = rare_shared.copy()
    if len(common_words):
        column = np.full(len(carried), -1, dtype=np.int64)
        column[common_words] = np.arange(len(common_words))
        holds = np.zeros((n, len(common_words)), dtype=np.bool_)
        held = column[words] >= 0
        holds[rows[held], column[words[held]]] = True
        for lo in range(0, len(a), _PAIR_CHUNK):  # bounded memory on large events
            part = slice(lo, lo + _PAIR_CHUNK)
            both[part] += (holds[a[part]] & holds[b[part]]).sum(axis=1)
    covered = both >= SLOT_MIN_COVER * np.minimum(sizes[a], sizes[b])
    kept = (both >= SLOT_MIN_SHARED) & covered
    return list(zip(a[kept].tolist(), b[kept].tolist(), strict=True))


# Events of at most this many sentences count their pairs in a table (n² counts); a
# speed setting, not a threshold (the pairs are the same either way).
_DENSE_MAX = 1024

# Candidate pairs whose common lemmas are counted at once (bounds the memory used).
_PAIR_CHUNK = 65536


_PART_SCOPE = re.compile(
    r"\b(?:during|in|over|for|throughout) (?:the|that|this|those|these|each|every|one|a|an) "
    r"(?:(?:\w+) )?(?:rounds?|half|halves|quarters?|periods?|innings?|sets?|games?|laps?|"
    r"stages?|legs?|minutes?|hours?|days?|nights?|weeks?|months?|sessions?|shifts?)\b"
    r"|\b(?:per|each|every|apiece|daily|weekly|monthly|annually|yearly)\b"
    r"|\ba (?:day|night|week|month|year|head|person|piece)\b",
    re.I,
)


def part_scope(text: str) -> frozenset[str]:
    """The phrases of a sentence that scope a count to a part or a rate.

    "28 of his 68 punches thrown during the round", "eight hours a day", "$5 each":
    a count scoped to one round, a day or each item is not the count of the whole,
    so two parallel sentences compare their numbers only when they scope alike.

    Args:
        text: The sentence as written.

    Returns:
        The scoping phrases, lower-cased, with the ordinal or adjective left out.
    """
    out: set[str] = set()
    for match in _PART_SCOPE.finditer(text):
        words = match.group(0).lower().split()
        out.add(words[-1].rstrip("s") if len(words) > 1 else words[0])
    return frozenset(out)


def _stated(line: Line) -> set[tuple[str, str]]:
    """Every (value, word after it) of a sentence."""
    out: set[tuple[str, str]] = set()
    units = line.units
    for n, unit in enumerate(units):
        nxt = units[n + 1].form if n + 1 < len(units) else ""
        out.add((unit_key(unit), nxt))
    return out


SlotValues = dict[tuple[str, ...], frozenset[str]]
"""A sentence's units that a slot could hold, by class and context (see :func:`slot_values`)."""

_NAME_CLASS = "name"
_MONTH_AFTER_RUN = "month after a run"
_FRAMED = frozenset({PLACE, COLOUR, RANK, _NAME_CLASS})
"""Classes :func:`_slot_kind` reads only as a one-unit slot between identical words."""


def _word_classes() -> dict[str, tuple[str, ...]]:
    """The classes of slot each word fills whatever its case (a word can fill two)."""
    out: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for label, words in (
        (PLACE, COMPASS_WORDS),
        (DAY, WEEKDAYS),
        (MONTH, [m for m in MONTHS if len(m) > 3]),
        (COLOUR, COLOURS),
    ):
        for word in words:
            out[word] += (label,)
    return dict(out)


_WORD_CLASSES = _word_classes()


def slot_values(line: Line) -> SlotValues:
    """The units of a sentence that :func:`_slots` could read as a slot, by class and context.

    Every slot :func:`_slots` reads is a pair of units, one per sentence, of one of
    these classes: numbers, years, clock times (by kind), compass words, weekdays,
    month names longer than three letters, colours, capitalised ranks, capitalised
    alphabetic words of at least ``NAME_MIN_LENGTH`` letters (spellings of a name), and
    the capitalised month words :func:`_time_word` reads ("November-end" as "november").

    Some classes are read only in a context both sentences share, so they are keyed by
    it: a compass word, colour, rank or name fills a one-unit slot between identical
    words (keyed by the forms before and after it); a number opens a slot of at most
    ``_WIDE_MAX`` units followed by an identical word that is not a stopword (keyed by
    each such word among the next three units).

    Args:
        line: A comparable sentence.

    Returns:
        (class, context...) → the comparable forms of its units in the sentence (classes
        it has none of are left out).
    """
    found: dict[tuple[str, ...], set[str]] = defaultdict(set)
    units = line.units
    last = len(units) - 1
    for n, unit in enumerate(units):
        form = unit.form
        if unit.kind != "word":
            if unit.kind == NUMBER:
                for after in units[n + 1 : n + 1 + _WIDE_MAX]:
                    if after.form not in STOPWORDS:
                        found[(NUMBER, after.form)].add(form)
            elif unit.kind in (YEAR, TIME):
                found[(unit.kind,)].add(form)
            continue
        framed = (units[n - 1].form, units[n + 1].form) if 0 < n < last else None
        for label in _WORD_CLASSES.get(form, ()):
            if label not in _FRAMED:
                found[(label,)].add(form)
            elif framed is not None:
                found[(label, *framed)].add(form)
        if not unit.text[:1].isupper():
            continue
        if framed is not None and form in RANKS:
            found[(RANK, *framed)].add(form)
        if framed is not None and len(form) >= NAME_MIN_LENGTH and form.isalpha():
            found[(_NAME_CLASS, *framed)].add(form)
        month = _RUN_MONTHS.get(form)
        if month is not None:
            found[(_MONTH_AFTER_RUN,)].add(month)
    return {label: frozenset(forms) for label, forms in found.items()}


def may_differ(a: SlotValues, b: SlotValues) -> bool:
    """Whether two parallel sentences can hold a slot :func:`_slots` reads.

    A slot is a stretch of units the two sentences do not share (SequenceMatcher's
    ``replace``: no unit of one stretch has the form of a unit of the other), and every
    kind of slot needs a unit of one class on each side, in the context its class is
    read in (:func:`slot_values`); a name also needs two spellings at least
    ``NAME_MIN_SIMILARITY`` alike. Sentences without two such units of different forms
    hold no slot, so aligning them is skipped: a filter that never changes what is read.

    Args:
        a: :func:`slot_values` of one sentence.
        b: Of the other.

    Returns:
        False when no slot can be read from the pair.
    """
    names: list[tuple[str, ...]] = []
    for label in a.keys() & b.keys():
        if label[0] == _NAME_CLASS:
            names.append(label)
            continue
        mine, theirs = a[label], b[label]
        if len(mine) > 1 or len(theirs) > 1 or mine != theirs:
            return True
    # Names last: comparing every two spellings costs most, and any other class settles it.
    return any(
        x != y and fuzz.ratio(x, y) >= NAME_MIN_SIMILARITY
        for label in names
        for x in a[label]
        for y in b[label]
    )


def _slots(a: Line, b: Line) -> list[tuple[Reading, Reading]]:
    """The anchored one-slot differences between two parallel sentences."""
    fa = [u.form for u in a.units]
    fb = [u.form for u in b.units]
    ops = SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes()
    out: list[tuple[Reading, Reading]] = []
    done: set[int] = set()
    for position, (tag, a1, a2, b1, b2) in enumerate(ops):
        if tag != "replace" or position in done:
            continue
        ranged = _year_ranges(a, b, a1, b1)
        if ranged is not None and a2 - a1 == 1 and b2 - b1 == 1:
            # "from 1967 to 1979" / "from 1966 to 1978": one period, one slot.
            ra, rb = ranged
            done.add(position + 2)
            frame = " ".join(u.text for u in a.units[max(0, a1 - 3) : a1])
            out.append((reading_of(a, ra, YEAR, frame, ""), reading_of(b, rb, YEAR, frame, "")))
            continue
        before = ops[position - 1] if position else None
        after = ops[position + 1] if position + 1 < len(ops) else None
        left = a.units[before[1] : before[2]] if before and before[0] == "equal" else ()
        right = a.units[after[1] : after[2]] if after and after[0] == "equal" else ()
        if a2 - a1 == 1 and b2 - b1 == 1:
            ua, ub = a.units[a1], b.units[b1]
            kind = _slot_kind(ua, ub, left, right)
        elif after is None and (a2 - a1 == 1 or b2 - b1 == 1) and left:
            # One sentence ends on the slot, the other goes on ("… $30 million in 1967." /
            # "… $30 million in 1957, using …"): the first units are the slot.
            ua, ub = a.units[a1], b.units[b1]
            kind = _slot_kind(ua, ub, left, ()) if ua.kind == ub.kind == YEAR else None
        else:
            found = _wide_slot(a.units[a1:a2], b.units[b1:b2], left, right) or _time_after(
                a.units[a1:a2], b.units[b1:b2], left
            )
            if found is None:
                continue
            ua, ub, kind = found
        if kind is None:
            continue
        noun = right[0].form if right else ""
        frame = " ".join([*(u.text for u in left[-3:]), "…", *(u.text for u in right[:3])]).strip(
            " …"
        )
        out.append((reading_of(a, ua, kind, frame, noun), reading_of(b, ub, kind, frame, noun)))
    return out


def _year_range(line: Line, at: int) -> Unit | None:
    """The year range ("1967 to 1979") a year unit starts or ends, as one unit, else None."""
    units = line.units

    def year(n: int) -> bool:
        return 0 <= n < len(units) and units[n].kind == YEAR

    def join(n: int) -> bool:
        return 0 <= n < len(units) and units[n].form in DATE_RANGE_JOINERS

    if year(at) and join(at + 1) and year(at + 2):
        first, last = units[at], units[at + 2]
    elif year(at) and join(at - 1) and year(at - 2):
        first, last = units[at - 2], units[at]
    else:
        return None
    return Unit(f"y{first.text}-{last.text}", f"{first.text} to {last.text}", YEAR)


def _year_ranges(a: Line, b: Line, a1: int, b1: int) -> tuple[Unit, Unit] | None:
    """Two different year ranges at the same place of two parallel sentences, else None."""
    ra, rb = _year_range(a, a1), _year_range(b, b1)
    if ra is None or rb is None or ra.form == rb.form:
        return None
    return ra, rb


_WIDE_MAX = 3


def _wide_slot(
    sa: Sequence[Unit], sb: Sequence[Unit], left: Sequence[Unit], right: Sequence[Unit]
) -> tuple[Unit, Unit, str] | None:
    """A number or year rewritten with a word or two around it ("three boats", "two speed boats").

    Both sides hold exactly one number (or year) and a few other words, none of them a
    unit of measure; the words after the slot are the same (the counted thing), and the
    words around it carry at least two content words.
    """
    if max(len(sa), len(sb)) > _WIDE_MAX:
        return None
    for kind in (NUMBER, YEAR):
        na = [u for u in sa if u.kind == kind]
        nb = [u for u in sb if u.kind == kind]
        if len(na) != 1 or len(nb) != 1 or any(u.kind not in (kind, "word") for u in (*sa, *sb)):
            continue
        words = {u.form for u in (*sa, *sb) if u.kind == "word"}
        if words & MEASURE_UNITS or words & COMPASS_WORDS:
            return None
        anchors = [
            u for u in (*left[-3:], *right[:3]) if u.kind == "word" and u.form not in STOPWORDS
        ]
        if len(anchors) < 2 or not right or right[0].form in STOPWORDS:
            return None
        if kind == NUMBER and (sa[-1].kind != NUMBER and sb[-1].kind != NUMBER):
            # "seven rifles" / "12 guns" count different words: only the number may end a side.
            return None
        return (na[0], nb[0], kind)
    return None


TIME_ANCHOR_MIN = 3
"""A month or weekday told right after this many identical words (two of them content
words) dates the same happening: "which relieved cutter Orla in November-end" /
"which relieved cutter Orla early December"."""

_TIME_LEAD = 3
_MONTH_FORM = re.compile(r"^([a-z]+?)(?:end|start)?$")
_RUN_MONTHS = {
    form: month
    for month in MONTHS
    if len(month) > 3
    for form in (month, f"{month}end", f"{month}start")
}
"""Every form ``_MONTH_FORM`` reads as a month longer than three letters, with that month
(a dictionary lookup instead of a match per capitalised word in :func:`slot_values`)."""


def _time_after(
    sa: Sequence[Unit], sb: Sequence[Unit], left: Sequence[Unit]
) -> tuple[Unit, Unit, str] | None:
    """Different months (or weekdays) opening the words that follow an identical run."""
    anchor = left[-TIME_ANCHOR_MIN:]
    content = [u for u in anchor if u.kind == "word" and u.form not in STOPWORDS]
    if len(anchor) < TIME_ANCHOR_MIN or len(content) < 2:
        return None
    ta, tb = _time_word(sa[:_TIME_LEAD]), _time_word(sb[:_TIME_LEAD])
    if ta is None or tb is None or ta[1] != tb[1] or ta[0].form == tb[0].form:
        return None
    return (ta[0], tb[0], ta[1])


def _time_word(units: Sequence[Unit]) -> tuple[Unit, str] | None:
    """The first month or weekday of a few units, as (unit, kind); None before a number."""
    for n, unit in enumerate(units):
        if unit.kind != "word":
            return None  # a number or year first: a date, compared elsewhere
        month = _MONTH_FORM.match(unit.form)
        named = month is not None and len(month.group(1)) > 3 and month.group(1) in MONTHS
        if month is not None and named and unit.text[:1].isupper():
            nxt = units[n + 1] if n + 1 < len(units) else None
            if nxt is not None and nxt.kind in (NUMBER, YEAR):
                return None  # "December 3": a full date, not a month
            return (Unit(month.group(1), unit.text, "word"), MONTH)
        if unit.form in WEEKDAYS:
            return (unit, DAY)
    return None


def _slot_kind(ua: Unit, ub: Unit, left: Sequence[Unit], right: Sequence[Unit]) -> str | None:
    """What kind of value differs in the slot, or None when it is not a fact slot."""
    content_right = [u for u in right[:2] if u.kind == "word" and u.form not in STOPWORDS]
    content_left = [
        u for u in left[-3:] if u.kind == NUMBER or (u.kind == "word" and u.form not in STOPWORDS)
    ]
    if ua.kind == NUMBER and ub.kind == NUMBER:
        # The counted thing right after the number must be the same word.
        if not right or right[0].kind != "word" or right[0].form in STOPWORDS:
            return None
        return NUMBER if (left or len(right) >= 2) else None
    if ua.kind == YEAR and ub.kind == YEAR:
        return YEAR if content_left or content_right else None
    if ua.kind == TIME and ub.kind == TIME:
        return TIME if content_left or content_right else None
    if ua.kind != "word" or ub.kind != "word" or not (left and right):
        return None
    la, lb = ua.form, ub.form
    if la in COMPASS_WORDS and lb in COMPASS_WORDS:
        return PLACE if content_right or content_left else None
    if la in WEEKDAYS and lb in WEEKDAYS:
        # "Friday, September 20" is a full date (often a dateline), compared as a date.
        dated = right[0].form in MONTHS or right[0].kind in (NUMBER, YEAR)
        return None if dated else DAY
    if la in MONTHS and lb in MONTHS and len(la) > 3 and len(lb) > 3:
        return MONTH
    if la in COLOURS and lb in COLOURS:
        same = SAME_COLOUR.get(la, la) == SAME_COLOUR.get(lb, lb)
        return None if same or not content_right else COLOUR
    capitalised = ua.text[:1].isupper() and ub.text[:1].isupper()
    if not capitalised:
        return None
    if (
        la in RANKS
        and lb in RANKS
        and RANK_ABBREVIATIONS.get(la, la) != RANK_ABBREVIATIONS.get(lb, lb)
    ):
        names = [u for u in right[:2] if u.text[:1].isupper()]
        return RANK if names else None
    long_enough = min(len(la), len(lb)) >= NAME_MIN_LENGTH
    similar = fuzz.ratio(la, lb) >= NAME_MIN_SIMILARITY
    # "Somali" / "Somalis" / "Somalian" are word forms of one name, not two spellings.
    form = word_forms(la, lb)
    if long_enough and similar and la.isalpha() and lb.isalpha() and not form:
        return None if same_spelling(la, lb) else NAME
    return None
