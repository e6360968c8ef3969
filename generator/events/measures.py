"""Measures framed by a verb or a title: how long, how many times, which year.

"Dunn had been jailed for the past three weeks" / "He had been jailed in Leeds
for four weeks"; "Hale married twice" / "Hale was married three times". The
sentences need not be parallel: the verb (or the state after "been") and the
measure's kind frame the fact, and the two sentences must share another content
word (the person, the charge) so the same subject is meant. "Two more times"
counts extra times, not the total, and is not read.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from generator.events.numbers import Quantity, format_number
from generator.events.slotunits import NUMBER, YEAR, Line, Reading, Unit
from generator.text.factwords import DURATION_LEAD_INS, INTERVAL_AFTER, INTERVAL_AGO, TIMES_WORDS
from generator.text.lexicon import AUXILIARIES, IRREGULAR_PAST, STOPWORDS
from generator.text.normalise import lemma
from generator.text.phrasewords import ARTICLES_AND_POSSESSIVES, TITLE_LINKS

DURATION = "duration"
FREQUENCY = "frequency"
SIZE = "size"
INTERVAL = "interval"
OTHER = "count"

DAYS_PER_UNIT: dict[str, float] = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "month": 30,
    "year": 365,
}
"""Time units a duration is compared in (as days)."""

_STEM = 6
_LOOK_BACK = 6

MEASURE_MIN_SHARED = 1
"""Besides the verb, two sentences framing one measure share at least this many content words."""


def measure_readings(lines: Sequence[Line]) -> list[tuple[Reading, Reading]]:
    """Pairs of different durations or counts of times told with the same verb.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    found: dict[tuple[str, str], list[tuple[Reading, Line]]] = defaultdict(list)
    for line in lines:
        for reading in _measures(line):
            # A measure inside a quotation is the speaker's; a title may stand in quotes.
            spoken = line.quoted and not _after_quotes(line.text, reading.frame.split(" … ")[0])
            if reading.kind == YEAR or not spoken:
                found[(reading.kind, reading.noun)].append((reading, line))
    out: list[tuple[Reading, Reading]] = []
    for key in sorted(found):
        group = found[key]
        for x, (a, la) in enumerate(group):
            for b, lb in group[x + 1 :]:
                if a.article_id == b.article_id or a.key == b.key:
                    continue
                if key[0] == OTHER:
                    if _anchors(la) & _anchors(lb):
                        out.append((a, b))  # one list of things, agreeing on another item
                    continue
                if key[0] in (SIZE, YEAR):
                    # An object's own size or a work's year needs no other frame.
                    if key[0] == YEAR or not _near(a, b):
                        out.append((a, b))
                    continue
                frame = key[1].split()
                shared = {
                    w for w in la.content & lb.content if not any(w.startswith(f) for f in frame)
                }
                if len(shared - set(DAYS_PER_UNIT) - {"time"}) >= MEASURE_MIN_SHARED:
                    out.append((a, b))
    return out


def _measures(line: Line) -> list[Reading]:
    """Every measure of a sentence, in the readers' order.

    The readers: durations, counts of times, years before titles, sizes, intervals,
    other counts. Each needs a unit whose kind the sentence's units tell at once: all
    but the title years need a number (counts of times may instead have "once",
    "twice"), and title years need a year. A sentence without them (most) is not
    walked six times.
    """
    units = line.units
    kinds = set(map(_KIND, units))
    counted = NUMBER in kinds
    out: list[Reading] = []
    if counted:
        out += _durations(line)
    if counted or any(map(TIMES_WORDS.__contains__, map(str.lower, map(_TEXT, units)))):
        out += _frequencies(line)
    if YEAR in kinds:
        out += _titled_years(line)
    if counted:
        out += [*_sizes(line), *_intervals(line), *_other_counts(line)]
    return out


_KIND = operator.attrgetter("kind")
_TEXT = operator.attrgetter("text")

_QUOTE_MARKS = ('"', "''", "”")


def _after_quotes(text: str, word: str) -> bool:
    """Whether ``word`` is written after the last quotation mark of ``text`` (the reporter's)."""
    last = max(text.rfind(mark) for mark in _QUOTE_MARKS)
    return word in text[last + 1 :]


def _verbish(unit: Unit) -> bool:
    """Whether a word unit looks like a past tense or participle."""
    return unit.kind == "word" and (
        (unit.form.endswith("ed") and len(unit.form) > 4) or unit.form in IRREGULAR_PAST
    )


def _durations(line: Line) -> list[Reading]:
    """Durations: "… jailed for (the past) three weeks" as (verb stem, days)."""
    units = line.units
    out: list[Reading] = []
    for n, unit in enumerate(units):
        if unit.form != "for":
            continue
        at = n + 1
        while at < len(units) and units[at].form in DURATION_LEAD_INS and units[at].kind == "word":
            at += 1
        if at + 1 >= len(units) or units[at].kind != NUMBER:
            continue
        number, measure = units[at], units[at + 1].form.rstrip("s")
        quantity = number.quantity
        if measure not in DAYS_PER_UNIT or quantity is None or quantity.low is None:
            continue
        state = _state_before(units, n)
        if state is None:
            continue
        stem = state.form[:_STEM]
        days = _scaled(quantity, DAYS_PER_UNIT[measure])
        value = f"{quantity.display()} {units[at + 1].text}"
        out.append(_reading(line, DURATION, value, days, stem, f"{state.text} … for"))
    return out


def _state_before(units: Sequence[Unit], at: int) -> Unit | None:
    """The verb (or the state after "been") a few words before ``at``, else None."""
    for back in range(at - 1, max(-1, at - 1 - _LOOK_BACK), -1):
        unit = units[back]
        if unit.kind != "word":
            return None
        if unit.form in AUXILIARIES:
            # "been in hospital": the state is the first content word after the auxiliary.
            after = [
                u for u in units[back + 1 : at] if u.kind == "word" and u.form not in STOPWORDS
            ]
            return after[0] if after and len(after[0].form) > 3 else None
        if _verbish(unit):
            return unit
    return None


def _frequencies(line: Line) -> list[Reading]:
    """Counts of times: "married twice", "was married three times" as (verb stem, times)."""
    units = line.units
    out: list[Reading] = []
    for n in range(1, len(units)):
        verb, unit = units[n - 1], units[n]
        # The count is tested first: it is rarer than a verb.
        if unit.text.lower() in TIMES_WORDS:
            times = float(TIMES_WORDS[unit.text.lower()])
        elif (
            unit.kind == NUMBER
            and n + 1 < len(units)
            and units[n + 1].form == "times"
            and unit.quantity is not None
            and unit.quantity.low is not None
            and not unit.quantity.qualifier
        ):
            times = unit.quantity.low
        else:
            continue
        if not _verbish(verb):
            continue
        stem = verb.form[:_STEM]
        value = f"{format_number(times)} times"
        quantity = Quantity(0, 0, times, None, "", 0, False, None, value)
        out.append(_reading(line, FREQUENCY, value, quantity, stem, f"{verb.text} … times"))
    return out


TITLE_MIN_WORDS = 3
"""A capitalised run of this many words right after a year names a work or a body ("the
2005 film The Quiet Years Of Ann"): the year is that thing's, whatever the sentence."""

_TITLE_GAP = 3


def _titled_years(line: Line) -> list[Reading]:
    """Years written right before a title: (title, year)."""
    units = line.units
    out: list[Reading] = []
    for n, unit in enumerate(units):
        if unit.kind != YEAR:
            continue
        at = n + 1
        while at < min(len(units), n + 1 + _TITLE_GAP):
            run = _capitalised_run(units, at)
            if len(run) >= TITLE_MIN_WORDS:
                title = " ".join(u.text for u in run)
                stem = " ".join(u.form for u in run)
                out.append(
                    Reading(
                        line.article_id,
                        YEAR,
                        unit.text,
                        unit.text,
                        line.text,
                        line.line,
                        title,
                        stem,
                    )
                )
                break
            at += max(1, len(run))
    return out


def _capitalised_run(units: Sequence[Unit], at: int) -> list[Unit]:
    """The capitalised words from ``at`` on (linking words inside), without trailing links."""
    run: list[Unit] = []
    while at < len(units) and units[at].kind == "word":
        unit = units[at]
        if not (unit.text[:1].isupper() or (run and unit.form in TITLE_LINKS)):
            break
        run.append(unit)
        at += 1
    while run and run[-1].form in TITLE_LINKS:
        run.pop()
    return run


METRES_PER_UNIT: dict[str, float] = {
    "metre": 1,
    "meter": 1,
    "foot": 0.3048,
    "ft": 0.3048,
    "yard": 0.9144,
    "inch": 0.0254,
    "cm": 0.01,
    "km": 1000,
    "kilometre": 1000,
    "kilometer": 1000,
    "mile": 1609.344,
}
"""Length units written in a compound before a noun ("a 10-metre trawler", "a 30-foot boat")."""

SIZE_TOLERANCE = 0.05
"""Two lengths within this share of each other are one size converted and rounded."""


def _sizes(line: Line) -> list[Reading]:
    """An object's length written before it: "a 10-metre trawler", "a 24- to 30-foot trawler"."""
    units = line.units
    out: list[Reading] = []
    for n, unit in enumerate(units):
        if unit.kind != NUMBER or unit.quantity is None or unit.quantity.low is None:
            continue
        if n >= 2 and units[n - 1].form == "to" and units[n - 2].kind == NUMBER:
            continue  # the end of a range read with its start
        at, low, high = n + 1, unit.quantity.low, unit.quantity.high
        first = units[at] if at < len(units) else None
        if first is not None and first.form == "to" and at + 1 < len(units):
            top = units[at + 1].quantity
            if units[at + 1].kind == NUMBER and top is not None and top.low is not None:
                at, high = at + 2, top.low
        if at + 1 >= len(units):
            continue
        measure, noun = units[at], units[at + 1]
        name = measure.form[:-4] if measure.form.endswith("long") else measure.form
        if name not in METRES_PER_UNIT or noun.kind != "word" or noun.form in STOPWORDS:
            continue
        factor = METRES_PER_UNIT[name]
        text = " ".join(u.text for u in units[n : at + 1])
        scaled = replace(
            unit.quantity, low=low * factor, high=high * factor if high is not None else None
        )
        out.append(_reading(line, SIZE, text, scaled, noun.form, f"… {noun.text}"))
    return out


def _near(a: Reading, b: Reading) -> bool:
    """Whether two sizes overlap once converting and rounding are allowed for."""
    qa, qb = a.quantity, b.quantity
    assert qa is not None and qb is not None and qa.low is not None and qb.low is not None
    top_a = qa.high if qa.high is not None else qa.low
    top_b = qb.high if qb.high is not None else qb.low
    return qa.low <= top_b * (1 + SIZE_TOLERANCE) and qb.low <= top_a * (1 + SIZE_TOLERANCE)


def _intervals(line: Line) -> list[Reading]:
    """Time since a two-word happening: "six days after suffering a stroke".

    "A mild stroke suffered almost three weeks ago" reads the happening before the number.
    """
    units = line.units
    out: list[Reading] = []
    for n, unit in enumerate(units):
        if unit.kind != NUMBER:
            continue
        measure = units[n + 1].form.rstrip("s") if n + 1 < len(units) else ""
        quantity = unit.quantity
        if measure not in DAYS_PER_UNIT or quantity is None:
            continue
        if quantity.low is None or n + 2 >= len(units):
            continue
        anchor: list[Unit] = []
        if units[n + 2].form in INTERVAL_AFTER:
            at = n + 3
            if at < len(units) and units[at].form.endswith("ing"):
                at += 1
            if at < len(units) and units[at].form in ARTICLES_AND_POSSESSIVES:
                at += 1
            anchor = list(units[at : at + 2])
        elif units[n + 2].form in INTERVAL_AGO:
            at = n - 1
            if at >= 0 and _verbish(units[at]):
                at -= 1
            anchor = list(units[max(0, at - 1) : at + 1])
        if len(anchor) != 2 or any(u.kind != "word" or u.form in STOPWORDS for u in anchor):
            continue
        # "almost three weeks" is about three weeks, not any time below it.
        if quantity.qualifier == "nearly":
            quantity = replace(quantity, qualifier="about")
        days = _scaled(quantity, DAYS_PER_UNIT[measure])
        value = f"{quantity.display()} {units[n + 1].text}".replace(
            "about", quantity.text.split()[0]
        )
        name = " ".join(u.form for u in anchor)
        text = " ".join(u.text for u in anchor)
        out.append(_reading(line, INTERVAL, value, days, name, f"time since the {text}"))
    return out


def _other_counts(line: Line) -> list[Reading]:
    """Counts of "other" things in a list: "seven rifles, two other rifles" (noun, count)."""
    units = line.units
    out: list[Reading] = []
    for n in range(len(units) - 2):
        unit, nxt = units[n], units[n + 1]
        if unit.kind != NUMBER or nxt.form != "other" or unit.quantity is None:
            continue
        run = []
        for word in units[n + 2 : n + 4]:
            if word.kind != "word" or word.form in STOPWORDS:
                break
            run.append(word)
        if not run or unit.quantity.low is None:
            continue
        noun = lemma(run[-1].form)
        text = " ".join(u.text for u in (nxt, *run))
        out.append(_reading(line, OTHER, unit.text, unit.quantity, noun, f"… {text}"))
    return out


def _singular(word: str) -> str:
    """A counted word without its plural ending ("AK-47s" counts AK-47s like "AK-47")."""
    word = lemma(word)
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _anchors(line: Line) -> set[tuple[str, str]]:
    """Every other count of a sentence as (value, counted word): the items of its list."""
    units = line.units
    return {
        (unit.form, _singular(units[n + 1].form))
        for n, unit in enumerate(units[:-1])
        if unit.kind == NUMBER and units[n + 1].kind == "word" and units[n + 1].form != "other"
    }


def _scaled(quantity: Quantity, factor: float) -> Quantity:
    """The quantity in days."""
    assert quantity.low is not None
    high = quantity.high * factor if quantity.high is not None else None
    return replace(quantity, low=quantity.low * factor, high=high)


def _reading(
    line: Line, kind: str, value: str, quantity: Quantity, stem: str, frame: str
) -> Reading:
    """One article's measure, keyed by its value in days, times or metres."""
    assert quantity.low is not None
    # A converted length is compared to two significant digits (33 feet is 10 metres).
    digits = 2 if kind == SIZE else 6

    def shown(value: float) -> str:
        return format_number(float(f"{value:.{digits}g}"))

    key = shown(quantity.low)
    if quantity.high is not None:
        key += "-" + shown(quantity.high)
    return Reading(line.article_id, kind, value, key, line.text, line.line, frame, stem, quantity)
