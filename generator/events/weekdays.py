"""The weekday of the main happening, bound to its verb: "foiled … on Friday" (or "thwarted").

A report's opening sentences tell what happened and when. Two reports of one
event that date the same verb (in the same clause, in their opening sentences)
to different weekdays disagree on the day, whatever else the sentences say.
The verb ties the weekday to one happening: a weekday that dates another verb
("was escorting … on Thursday when …") or a speech verb ("said on Friday") is not
read, and neither is a sentence that tells of a repeat ("again", "another") or
a full date ("Friday, May 3"), compared as a date elsewhere. The sentences must
share content words besides the verb, and must not name different people
before it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from generator.events.document import Doc
from generator.events.phrases import claim_words
from generator.events.slotunits import DAY, Reading
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.document import HEADING, TABLE
from generator.text.factwords import SAME_HAPPENING_VERBS
from generator.text.lexicon import AUXILIARIES, IRREGULAR_PAST, SPEECH_VERBS, STOPWORDS
from generator.text.tokens import TOKEN_RE

WEEKDAY_LEAD_SENTENCES = 3
"""Only the weekdays of a report's first sentences (its lead) date the main happening."""

WEEKDAY_MIN_SHARED = 2
"""Besides the verb, two sentences dating one happening share this many content words."""

WEEKDAY_VERB_REACH = 15
"""The verb a weekday dates is at most this many words from it, in the same clause."""

_BEFORE = frozenset({"on", "late", "early"})
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_CUTS = frozenset(
    [
        *',;:()"“”—',
        "when",
        "while",
        "as",
        "after",
        "before",
        "because",
        "who",
        "which",
        "where",
        "that",
    ]
)
_REPEATS = frozenset({"again", "another", "second", "latest", "renewed", "fresh"})
_NOT_VERBS = AUXILIARIES | SPEECH_VERBS | frozenset({"reported", "quoted", "scheduled"})


def weekday_readings(docs: Sequence[Doc]) -> list[tuple[Reading, Reading]]:
    """Pairs of different weekdays given to the same verb in the leads of two articles.

    Args:
        docs: The articles of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    found: dict[str, list[tuple[Reading, frozenset[str], str]]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.id):
        body = [s for s in doc.sentences if s.kind not in (HEADING, TABLE)]
        for sentence in body[:WEEKDAY_LEAD_SENTENCES]:
            lowered = sentence.text.lower()
            if not any(day in lowered for day in WEEKDAYS):
                # A weekday token lowers to its name, so the lowered text holds it: a
                # sentence without one (most) is not tokenised.
                continue
            toks = TOKEN_RE.findall(sentence.text)
            if any(t.lower() in _REPEATS for t in toks):
                continue
            for at, where in _dated_verbs(toks):
                verb = toks[where]
                stem = _happening(verb)
                subject = _subject(toks, min(at - 1, where))
                # Compounds with the verb or a weekday ("heldfriday") say nothing of the frame.
                words = frozenset(
                    w
                    for w in claim_words(sentence.norm)
                    if verb.lower() not in w and not any(d in w for d in WEEKDAYS)
                )
                day = toks[at]
                reading = Reading(
                    doc.id,
                    DAY,
                    day,
                    day.lower(),
                    sentence.text,
                    sentence.line,
                    f"{verb} … on",
                    stem,
                )
                found[stem].append((reading, words, subject))
    out: list[tuple[Reading, Reading]] = []
    for stem in sorted(found):
        group = found[stem]
        for x, (a, wa, na) in enumerate(group):
            for b, wb, nb in group[x + 1 :]:
                if a.article_id == b.article_id or a.key == b.key:
                    continue
                if na and nb and na != nb:
                    continue  # different people did it: different happenings
                if len(wa & wb) >= WEEKDAY_MIN_SHARED:
                    out.append((a, b))
    return out


def _happening(verb: str) -> str:
    """The happening a past verb tells: its class's first verb when it has one, else itself."""
    low = verb.lower()
    for verbs in SAME_HAPPENING_VERBS:
        if low in verbs:
            return min(verbs)
    return low


def _subject(toks: Sequence[str], end: int) -> str:
    """The name right before the verb (or its weekday), lower-cased, else ""."""
    if end <= 0:
        return ""  # a sentence's first word is capitalised whatever it is
    word = toks[end - 1] if toks[end - 1].lower() not in _BEFORE else ""
    if end - 1 == 0 or not (word[:1].isupper() and word.isalpha()):
        return ""
    return "" if word.lower() in STOPWORDS or word.lower() in WEEKDAYS else word.lower()


def _dated_verbs(toks: Sequence[str]) -> list[tuple[int, int]]:
    """(weekday position, verb position) for each weekday telling when something happened."""
    out: list[tuple[int, int]] = []
    for at, tok in enumerate(toks):
        if tok.lower() not in WEEKDAYS or not tok[:1].isupper():
            continue
        before = toks[at - 1].lower() if at else ""
        after = toks[at + 1].lower() if at + 1 < len(toks) else ""
        if before not in _BEFORE and after not in _PARTS_OF_DAY:
            continue
        ahead = [t.lower().strip(".") for t in toks[at + 1 : at + 4]]
        if any(t in MONTHS for t in ahead):
            continue  # "Friday, May 3": a full date
        verb = _verb_near(toks, at)
        if verb is not None:
            out.append((at, verb))
    return out


def _verb_near(toks: Sequence[str], at: int) -> int | None:
    """The nearest past verb in the weekday's clause: before it first, else after it."""
    for step in (-1, 1):
        n, words = at + step, 0
        while 0 <= n < len(toks) and words <= WEEKDAY_VERB_REACH:
            word = toks[n].lower()
            words += word[:1].isalpha()
            if word in _CUTS:
                break
            if word in SPEECH_VERBS:
                return None  # "said on Friday (that …)": when someone spoke
            if word in _NOT_VERBS:
                if step == -1:
                    break  # "was escorting … on Friday": not a happening's verb
            elif _past(word) and toks[n].islower():
                return n
            n += step
    return None


def _past(word: str) -> bool:
    """Whether a lower-case word looks like a verb in the past tense."""
    return (word.endswith("ed") and len(word) > 4 and "-" not in word) or word in IRREGULAR_PAST
