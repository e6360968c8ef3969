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

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from generator.events.document import Doc
from generator.events.model import Conflict, ConflictSide, Quote
from generator.events.numbers import (
    Quantity,
    find_quantities,
    format_number,
    is_year,
    lost_fraction,
)
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import STOPWORDS, word_set
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

SLOT_MIN_SHARED = 4
"""Two sentences are parallel when they share at least this many content lemmas..."""

SLOT_MIN_COVER = 0.35
"""... covering at least this share of the shorter sentence's content lemmas."""

NAME_MIN_SIMILARITY = 70
"""Two capitalised words this similar (rapidfuzz ratio) in one slot are one name spelled twice."""

NAME_MIN_LENGTH = 4
"""Shorter names are too easily confused to call a spelling variant."""

DIRECTIONS: frozenset[str] = word_set(
    "north south east west northeast northwest southeast southwest northern southern eastern "
    "western north-east north-west south-east south-west"
)
"""Compass words: two of them in one slot are two places."""

RANKS: frozenset[str] = word_set(
    "commander commodore captain lieutenant colonel major general admiral sergeant corporal "
    "private brigadier marshal superintendent inspector constable chief deputy detective "
    "officer lt col capt gen maj sgt adm cmdr cdr"
)
"""Ranks and titles written before a name."""

COLOURS: frozenset[str] = word_set(
    "black white grey gray silver red blue green yellow brown beige gold maroon orange purple "
    "tan pink"
)
"""Colour words (grey and gray are one colour)."""

_SAME_COLOUR = {"gray": "grey"}
_CURRENCY = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
_RANK_ABBREVIATIONS = {
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "maj": "major",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "cdr": "commander",
}
_SPELLING = (
    (re.compile(r"our(?=s?$|ed$|ing$|ful$|ite)"), "or"),
    (re.compile(r"is(?=e[sd]?$|ing$|ation)"), "iz"),
    (re.compile(r"ys(?=e[sd]?$|ing$)"), "yz"),
    (re.compile(r"tre(?=s?$)"), "ter"),
    (re.compile(r"ll(?=ed$|ing$|er$)"), "l"),
    (re.compile(r"ae|oe"), "e"),
)


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


_QUOTE_CHARS = re.compile(r"[\"“”]")
_PAST = re.compile(
    r"\b(?:last|previous|past) (?:year|decade|month)\b|\byears? ago\b|\bin the past\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One comparable token of a sentence: a word, or a whole number with its qualifier."""

    form: str
    text: str
    kind: str
    quantity: Quantity | None = None


@dataclass(frozen=True, slots=True)
class _Line:
    """One sentence of one article, ready to be compared."""

    article_id: str
    index: int
    text: str
    line: int
    units: tuple[_Unit, ...]
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


def lines_of(doc: Doc) -> list[_Line]:
    """The comparable sentences of one article (headings and tables left out)."""
    out: list[_Line] = []
    for sentence in doc.sentences:
        if sentence.kind in (HEADING, TABLE):
            continue
        units = _units(sentence.norm)
        years = {int(u.form[1:]) for u in units if u.kind == YEAR}
        # A sentence dated in another year than the report tells earlier history.
        background = _PAST.search(sentence.norm) is not None or (
            doc.reference is not None and any(y != doc.reference.year for y in years)
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
            _Line(
                doc.id,
                sentence.index,
                sentence.text,
                sentence.line,
                tuple(units),
                content,
                bool(_QUOTE_CHARS.search(sentence.norm)),
                background,
            )
        )
    return out


def _units(norm: str) -> list[_Unit]:
    """Words (lower-cased, punctuation dropped), numbers as one unit each."""
    toks = tokens(norm)
    skip = frozenset(i for i, t in enumerate(toks) if ":" in t or is_year(t))
    quantities = {q.qualifier_start: q for q in find_quantities(toks, skip)}
    out: list[_Unit] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        quantity = quantities.get(i)
        if out and out[-1].kind == "code" and tok.isdigit():
            # "AK 47" (tokenised "AK-47") is one code, not a code and a count of 47.
            prev = out.pop()
            out.append(_Unit(prev.form + tok, f"{prev.text} {tok}", "word"))
            i += 1
            continue
        record = _record_end(toks, i)
        if record > i:
            # "52-3", "45-7-2": a record or a score, compared by ``record_readings``.
            text = "".join(toks[i:record])
            out.append(_Unit(text, text, "word"))
            i = record
            continue
        if quantity is not None and quantity.low is not None and not quantity.vague:
            form = "#" + format_number(quantity.low)
            if quantity.high is not None:
                form += "-" + format_number(quantity.high)
            out.append(_Unit(form, " ".join(toks[i : quantity.end]), NUMBER, quantity))
            i = quantity.end
            continue
        i += 1
        if is_year(tok):
            out.append(_Unit("y" + tok, tok, YEAR))
        elif ":" in tok and tok[0].isdigit():
            out.append(_Unit("t" + tok, tok, TIME))
        elif tok in _CURRENCY:
            out.append(_Unit(_CURRENCY[tok], tok, "word"))
        elif tok[0].isalnum():
            # "AK-47" and "AK 47" are one code.
            form = tok.lower().replace("-", "").replace(".", "").replace("’", "'")
            if out and out[-1].kind == "code" and tok.isdigit():
                prev = out.pop()
                out.append(_Unit(prev.form + form, f"{prev.text} {tok}", "word"))
                continue
            kind = "code" if tok.isupper() and tok.isalpha() and len(tok) <= 3 else "word"
            out.append(_Unit(form, tok, kind))
    return [u if u.kind != "code" else _Unit(u.form, u.text, "word") for u in out]


def _record_end(toks: Sequence[str], i: int) -> int:
    """End of a record or score starting at token ``i`` ("52 - 3", "45 - 7 - 2"), else ``i``."""

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


def event_lines(docs: Sequence[Doc]) -> list[_Line]:
    """The comparable sentences of every article of an event, in article-id order."""
    return [line for doc in sorted(docs, key=lambda d: d.id) for line in lines_of(doc)]


def slot_readings(
    docs: Sequence[Doc], lines: Sequence[_Line] | None = None
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
    postings: dict[str, list[int]] = defaultdict(list)
    for n, line in enumerate(lines):
        for word in line.content:
            postings[word].append(n)
    # Words most sentences carry say nothing about which sentences are parallel.
    common = max(8, len(lines) // 5)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings.values():
        if len(members) > common:
            continue
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                if lines[a].article_id != lines[b].article_id:
                    shared[(a, b)] += 1
    stated: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for line in lines:
        stated[line.article_id].update(_stated(line))
    out: list[tuple[Reading, Reading]] = []
    for (a, b), count in sorted(shared.items()):
        if count < SLOT_MIN_SHARED // 2:
            continue
        left, right = lines[a], lines[b]
        both = len(left.content & right.content)
        if both < SLOT_MIN_SHARED or both < SLOT_MIN_COVER * min(
            len(left.content), len(right.content)
        ):
            continue
        for ra, rb in _slots(left, right):
            if ra.kind == NUMBER and (left.background or right.background):
                continue  # counts of earlier events are background, not this event's facts
            if ra.kind == NUMBER and (
                part_scope(left.text) != part_scope(right.text) or _damaged(ra, rb)
            ):
                continue  # a count for one part (a round, a day, each) is another fact
            # An article that also states the other value (with the same counted word)
            # tells two facts apart, not two versions of one.
            if ra.kind != NAME and (
                (rb.key, rb.noun) in stated[ra.article_id]
                or (ra.key, ra.noun) in stated[rb.article_id]
            ):
                continue
            out.append((ra, rb))
    return out


_PART_SCOPE = re.compile(
    r"\b(?:during|in|over|for|throughout) (?:the|that|this|those|these|each|every|one|a|an) "
    r"(?:(?:\w+) )?(?:rounds?|half|halves|quarters?|periods?|innings?|sets?|games?|laps?|"
    r"stages?|legs?|minutes?|hours?|days?|nights?|weeks?|months?|sessions?|shifts?)\b"
    r"|\b(?:per|each|every|apiece|daily|weekly|monthly|annually|yearly)\b"
    r"|\ba (?:day|night|week|month|year|head|person|piece)\b",
    re.I,
)


def part_scope(sentence: str) -> frozenset[str]:
    """The phrases of a sentence that scope a count to a part or a rate.

    "28 of his 68 punches thrown during the round", "eight hours a day", "$5 each":
    a count scoped to one round, a day or each item is not the count of the whole,
    so two parallel sentences compare their numbers only when they scope alike.

    Args:
        sentence: A sentence as written.

    Returns:
        The scoping phrases, lower-cased, with the ordinal or adjective left out.
    """
    out: set[str] = set()
    for match in _PART_SCOPE.finditer(sentence):
        words = match.group(0).lower().split()
        out.add(words[-1].rstrip("s") if len(words) > 1 else words[0])
    return frozenset(out)


def _damaged(a: Reading, b: Reading) -> bool:
    """Whether one number is the other with a fraction's digits glued on ("4" / "412")."""
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.low is None or qb.low is None:
        return False
    return lost_fraction(qa.low, qb.low)


_RECORD = re.compile(
    r"\b([A-Z][a-z’'-]{2,})\s*[,(]?\s*(\d{1,3})\s?-\s?(\d{1,3})(?:\s?-\s?(\d{1,3}))?(?![\d-])"
)
"""A win-loss record right after a name: "Rahman (45-7-2)", "Klitschko, 53-3"."""


def record_readings(lines: Sequence[_Line]) -> list[tuple[Reading, Reading]]:
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
        if line.background:
            continue
        for match in _RECORD.finditer(line.text):
            name, first, second = match.group(1), int(match.group(2)), int(match.group(3))
            if second >= first or name.lower() in STOPWORDS or name.lower() in _NAME_SKIP:
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
        for x, a in enumerate(readings):
            for b in readings[x + 1 :]:
                # An article giving both records tells two moments (before and after a bout).
                both = b.key in told[a.article_id] or a.key in told[b.article_id]
                if a.article_id != b.article_id and a.key != b.key and not both:
                    out.append((a, b))
    return out


def _low(reading: Reading) -> float:
    """The value of a number reading (0 for other readings)."""
    q = reading.quantity
    return q.low if q is not None and q.low is not None else 0.0


def _stated(line: _Line) -> set[tuple[str, str]]:
    """Every (value, word after it) of a sentence."""
    out: set[tuple[str, str]] = set()
    units = line.units
    for n, unit in enumerate(units):
        nxt = units[n + 1].form if n + 1 < len(units) else ""
        out.add((_key(unit), nxt))
    return out


def _key(unit: _Unit) -> str:
    """Comparable value of a unit."""
    if unit.kind in (NUMBER, YEAR, TIME):
        return unit.form[1:]
    return _SAME_COLOUR.get(unit.form, unit.form)


def _slots(a: _Line, b: _Line) -> list[tuple[Reading, Reading]]:
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
            out.append((_reading(a, ra, YEAR, frame, ""), _reading(b, rb, YEAR, frame, "")))
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
            found = _wide_slot(a.units[a1:a2], b.units[b1:b2], left, right)
            if found is None:
                continue
            ua, ub, kind = found
        if kind is None:
            continue
        noun = right[0].form if right else ""
        frame = " ".join([*(u.text for u in left[-3:]), "…", *(u.text for u in right[:3])]).strip(
            " …"
        )
        out.append((_reading(a, ua, kind, frame, noun), _reading(b, ub, kind, frame, noun)))
    return out


_RANGE_JOIN = frozenset({"to", "until", "through", "and"})


def _year_range(line: _Line, at: int) -> _Unit | None:
    """The year range ("1967 to 1979") a year unit starts or ends, as one unit, else None."""
    units = line.units

    def year(n: int) -> bool:
        return 0 <= n < len(units) and units[n].kind == YEAR

    def join(n: int) -> bool:
        return 0 <= n < len(units) and units[n].form in _RANGE_JOIN

    if year(at) and join(at + 1) and year(at + 2):
        first, last = units[at], units[at + 2]
    elif year(at) and join(at - 1) and year(at - 2):
        first, last = units[at - 2], units[at]
    else:
        return None
    return _Unit(f"y{first.text}-{last.text}", f"{first.text} to {last.text}", YEAR)


def _year_ranges(a: _Line, b: _Line, a1: int, b1: int) -> tuple[_Unit, _Unit] | None:
    """Two different year ranges at the same place of two parallel sentences, else None."""
    ra, rb = _year_range(a, a1), _year_range(b, b1)
    if ra is None or rb is None or ra.form == rb.form:
        return None
    return ra, rb


_WIDE_MAX = 3
MEASURE_UNITS: frozenset[str] = word_set(
    "metre metres meter meters foot feet ft mile miles km kilometre kilometres kilometer "
    "kilometers yard yards inch inches cm mm kg kilogram kilograms pound pounds lb lbs ton tons "
    "tonne tonnes percent per cent hour hours minute minutes second seconds day days week weeks "
    "month months year years dollar dollars euro euros usd eur gbp jpy e m bn k"
)
"""Units: two numbers in different units are not compared."""


def _wide_slot(
    sa: Sequence[_Unit], sb: Sequence[_Unit], left: Sequence[_Unit], right: Sequence[_Unit]
) -> tuple[_Unit, _Unit, str] | None:
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
        if words & MEASURE_UNITS or words & DIRECTIONS:
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


def _slot_kind(ua: _Unit, ub: _Unit, left: Sequence[_Unit], right: Sequence[_Unit]) -> str | None:
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
    if la in DIRECTIONS and lb in DIRECTIONS:
        return PLACE if content_right or content_left else None
    if la in WEEKDAYS and lb in WEEKDAYS:
        # "Friday, September 20" is a full date (often a dateline), compared as a date.
        dated = right[0].form in MONTHS or right[0].kind in (NUMBER, YEAR)
        return None if dated else DAY
    if la in MONTHS and lb in MONTHS and len(la) > 3 and len(lb) > 3:
        return MONTH
    if la in COLOURS and lb in COLOURS:
        same = _SAME_COLOUR.get(la, la) == _SAME_COLOUR.get(lb, lb)
        return None if same or not content_right else COLOUR
    capitalised = ua.text[:1].isupper() and ub.text[:1].isupper()
    if not capitalised:
        return None
    if (
        la in RANKS
        and lb in RANKS
        and _RANK_ABBREVIATIONS.get(la, la) != _RANK_ABBREVIATIONS.get(lb, lb)
    ):
        names = [u for u in right[:2] if u.text[:1].isupper()]
        return RANK if names else None
    long_enough = min(len(la), len(lb)) >= NAME_MIN_LENGTH
    similar = fuzz.ratio(la, lb) >= NAME_MIN_SIMILARITY
    # "Somali" / "Somalis" / "Somalian" are word forms of one name, not two spellings.
    form = la.startswith(lb) or lb.startswith(la)
    if long_enough and similar and la.isalpha() and lb.isalpha() and not form:
        return None if same_spelling(la, lb) else NAME
    return None


def _reading(line: _Line, unit: _Unit, kind: str, frame: str, noun: str) -> Reading:
    """One side of a slot."""
    return Reading(
        line.article_id,
        kind,
        unit.text,
        _key(unit),
        line.text,
        line.line,
        frame,
        noun,
        unit.quantity,
    )


def compatible(a: Reading, b: Reading) -> bool:
    """Whether two different numbers can both be true ("at least 10" and 12, "about 150" and 140).

    Args:
        a: A reading.
        b: Another reading of the same slot.

    Returns:
        True when neither value rules the other out.
    """
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.low is None or qb.low is None:
        return a.key == b.key
    return quantities_compatible(qa, qb)


def quantities_compatible(qa: Quantity, qb: Quantity) -> bool:
    """Whether two quantities can both be true of one fact.

    Args:
        qa: A quantity.
        qb: Another.

    Returns:
        True when either's qualifier admits the other's value.
    """
    if qa.low is None or qb.low is None:
        return True
    return _admits(qa, qb.low, qb.high) or _admits(qb, qa.low, qa.high)


_APPROX_SHARE = 0.1


def _admits(bound: Quantity, low: float, high: float | None) -> bool:
    """Whether the value range of ``bound`` (with its qualifier) can hold ``low``-``high``."""
    assert bound.low is not None
    top = bound.high if bound.high is not None else bound.low
    value_high = high if high is not None else low
    q = bound.qualifier
    if q == "at least":
        return low >= bound.low
    if q == "more than":
        return low > bound.low
    if q in ("up to", "at most"):
        return value_high <= top
    if q in ("fewer than", "nearly"):
        return value_high <= top and (q == "nearly" or value_high < top)
    if q == "about":
        return abs(low - bound.low) <= _APPROX_SHARE * bound.low
    return bound.high is not None and bound.low <= low and value_high <= bound.high


def cluster(pairs: Sequence[tuple[Reading, Reading]]) -> list[list[Reading]]:
    """Group slot readings into facts: readings linked by a slot pair state one fact.

    Args:
        pairs: Slot pairs from ``slot_readings``.

    Returns:
        Facts as lists of readings (one per article), only those where every article
        gives one value; each list sorted by article id.
    """
    parent: dict[tuple[str, int, str, str, str], tuple[str, int, str, str, str]] = {}

    def key(r: Reading) -> tuple[str, int, str, str, str]:
        framed = r.kind in (NAME, RANK, RECORD)
        return (r.article_id, r.line, r.kind, r.value, r.frame if framed else "")

    def find(k: tuple[str, int, str, str, str]) -> tuple[str, int, str, str, str]:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    readings: dict[tuple[str, int, str, str, str], Reading] = {}
    for a, b in pairs:
        readings.setdefault(key(a), a)
        readings.setdefault(key(b), b)
        ra, rb = find(key(a)), find(key(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[str, int, str, str, str], list[Reading]] = defaultdict(list)
    for k, reading in sorted(readings.items()):
        groups[find(k)].append(reading)
    out: list[list[Reading]] = []
    for members in groups.values():
        by_article: dict[str, set[str]] = defaultdict(set)
        for reading in members:
            by_article[reading.article_id].add(reading.key)
        # An article giving two values in one chain is not read: it either reports both
        # versions or the chain joined two facts.
        seen: dict[str, Reading] = {}
        for reading in sorted(members, key=lambda r: (r.article_id, r.line)):
            if len(by_article[reading.article_id]) == 1:
                seen.setdefault(reading.article_id, reading)
        if len(seen) >= 2:
            out.append(list(seen.values()))
    return out


def readings_by_value(members: Sequence[Reading]) -> Mapping[str, list[Reading]]:
    """The readings of one fact grouped by comparable value, in first-article order."""
    out: dict[str, list[Reading]] = {}
    for reading in members:
        out.setdefault(reading.key, []).append(reading)
    return out


_KIND_WORDS = {
    NUMBER: "numbers",
    YEAR: "years",
    TIME: "times",
    PLACE: "places",
    DAY: "days",
    MONTH: "months",
    NAME: "spellings of a name",
    RANK: "ranks",
    COLOUR: "colours",
    RECORD: "records",
}


NAME_MIN_RATIO = 70
"""Two capitalised words next to the same word are one name spelled twice from this
similarity (rapidfuzz ratio) up."""

_NAME_SKIP = frozenset(MONTHS) | frozenset(WEEKDAYS)


@dataclass(frozen=True, slots=True)
class _NameUse:
    """A capitalised word with its neighbours."""

    line: _Line
    unit: _Unit
    left: str
    right: str


def name_readings(
    docs: Sequence[Doc], lines: Sequence[_Line] | None = None
) -> list[tuple[Reading, Reading]]:
    """Names (or ranks) written two ways next to the same word in different articles.

    "his wife, Stacey," / "wife Stacy"; "Commander Nirad Sinha" / "Commodore Nirad
    Sinha"; "Salahaddin" / "Salahuddin" after "named the". A neighbour that is a
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
    common: set[str] = set()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for line in lines if lines is not None else event_lines(docs):
        units = line.units
        for n, unit in enumerate(units):
            counts[line.article_id][unit.form] += 1
            if unit.text.islower():
                common.add(unit.form)
            if n == 0 or not _name_like(unit):
                continue
            left = units[n - 1].form
            right = units[n + 1].form if n + 1 < len(units) else ""
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
    for (side, word), group in sorted(by_context.items()):
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                fa, fb = a.unit.form, b.unit.form
                if a.line.article_id == b.line.article_id or fa == fb:
                    continue
                # Capitalised common words ("County", "Community") are not spellings of a name.
                kind = _name_kind(fa, fb)
                if kind == NAME and (fa in common or fb in common):
                    continue
                if kind is None or _typo(fa, fb, a.line.article_id, b.line.article_id, counts):
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
                ra = _reading(a.line, a.unit, kind, frame, word)
                rb = _reading(b.line, b.unit, kind, frame, word)
                out.append(
                    (
                        replace(ra, value=_full_name(a.line, a.unit)),
                        replace(rb, value=_full_name(b.line, b.unit)),
                    )
                )
    return out


def _full_name(line: _Line, unit: _Unit) -> str:
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


def _name_like(unit: _Unit) -> bool:
    """Whether a unit is a capitalised word that can be a name or a rank."""
    text = unit.text
    return (
        unit.kind == "word"
        and text[:1].isupper()
        and text.isalpha()
        and len(text) >= NAME_MIN_LENGTH
        and unit.form not in STOPWORDS
        and unit.form not in _NAME_SKIP
        and not text.isupper()
    )


def _name_kind(fa: str, fb: str) -> str | None:
    """``rank`` for two different ranks, ``name`` for two spellings of one name, else None."""
    if fa in RANKS and fb in RANKS:
        same = _RANK_ABBREVIATIONS.get(fa, fa) == _RANK_ABBREVIATIONS.get(fb, fb)
        return None if same else RANK
    if fa in RANKS or fb in RANKS or same_spelling(fa, fb):
        return None
    if fa.startswith(fb) or fb.startswith(fa):
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


def slot_conflicts(
    docs: Sequence[Doc], order: Sequence[str]
) -> tuple[list[Conflict], list[Conflict]]:
    """Conflicts and compatible pairs found in parallel sentences.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).

    Returns:
        (conflicts, compatible): discrepancies, and differences that can both be true.
    """
    rank = {a: n for n, a in enumerate(order)}
    conflicts: list[Conflict] = []
    compatibles: list[Conflict] = []
    lines = event_lines(docs)
    pairs = [*slot_readings(docs, lines), *name_readings(docs, lines), *record_readings(lines)]
    for found in cluster(pairs):
        # A damaged reading ("412" beside "4") is no version, whichever pair linked it.
        members = [r for r in found if not any(_damaged(o, r) and _low(o) < _low(r) for o in found)]
        values = readings_by_value(members)
        if len(values) < 2:
            continue
        buckets = sorted(values.values(), key=lambda b: min(rank.get(r.article_id, 0) for r in b))
        firsts = [b[0] for b in buckets]
        clash = any(not compatible(x, y) for i, x in enumerate(firsts) for y in firsts[i + 1 :])
        sides = tuple(_side(bucket, rank) for bucket in buckets)
        frame = members[0].frame
        listed = "; ".join(f"{s.value} in {', '.join(s.article_ids)}" for s in sides)
        if clash:
            summary = (
                f"The articles give different {_KIND_WORDS[members[0].kind]} "
                f"for “{frame}”: {listed}."
            )
            conflicts.append(Conflict(members[0].kind, None, summary, sides))
        else:
            summary = f"Compatible values for “{frame}”: {listed}."
            compatibles.append(Conflict("compatible", None, summary, sides))
    return conflicts, compatibles


def _side(bucket: Sequence[Reading], rank: Mapping[str, int]) -> ConflictSide:
    """One version: its value as most articles write it, its articles and sentences."""
    ordered = sorted(bucket, key=lambda r: (rank.get(r.article_id, 0), r.article_id))
    first = ordered[0]
    # Numbers read as figures ("seven" and "7" are one value), like value conflicts.
    value = first.quantity.display() if first.quantity is not None else first.value
    return ConflictSide(
        value=value,
        article_ids=tuple(r.article_id for r in ordered),
        quotes=tuple(Quote(r.article_id, r.sentence, r.line) for r in ordered),
    )
