"""Status claims that exclude each other: charged with murder, or with manslaughter.

Some facts are not numbers but a choice between alternatives that cannot both
hold for one happening: a killing charged as murder is not also charged only as
manslaughter. An article takes the side its first status sentence (with
"charged", "charges", "indicted", "faces") names; an article naming both in one
sentence (alternative counts) takes no side, and an event whose articles tell of a
change ("upgraded", "initially", "reduced") is not read: the status moved. Only
alternatives that exclude each other are listed: a charge list that adds or
leaves out counts ("DWI and manslaughter" / "manslaughter") is not a discrepancy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.events.document import Doc
from generator.events.literals import any_may_contain, may_contain
from generator.events.model import Conflict, ConflictSide, Quote
from generator.text.document import HEADING, TABLE
from generator.text.factwords import (
    CAUSE_END_WORDS,
    CAUSE_GENERIC,
    CHARGE_WORDS,
    FREEING_VERBS,
    HOLDING_VERBS,
    SMALL_COUNT_WORDS,
    STATUS_CHANGE_WORDS,
)
from generator.text.lexicon import STOPWORDS, alternation

STATUS = "status"

STATUS_REACH = 80
"""The alternative is read at most this many characters after the status word."""


@dataclass(frozen=True, slots=True)
class Contrast:
    """Alternatives of one status that exclude each other.

    Attributes:
        subject: What the status is about, in plain words ("the charge").
        trigger: Pattern of the status words ("charged", "charges", ...).
        alternatives: Label → pattern of the words that state it.
        trigger_words: Lower-case words the trigger needs one of (a sentence
            writing none is not tried).
    """

    subject: str
    trigger: re.Pattern[str]
    alternatives: Mapping[str, re.Pattern[str]]
    trigger_words: tuple[str, ...]


CONTRASTS: tuple[Contrast, ...] = (
    Contrast(
        "the charge",
        re.compile(r"\b" + alternation(CHARGE_WORDS) + r"\b", re.I),
        {
            "murder": re.compile(r"\bmurder\b", re.I),
            "manslaughter": re.compile(r"\bmanslaughter\b", re.I),
        },
        CHARGE_WORDS,
    ),
)
"""Statuses whose alternatives cannot both hold for one happening."""


def status_conflicts(docs: Sequence[Doc], order: Sequence[str]) -> list[Conflict]:
    """Articles that state excluding alternatives of one status.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).

    Returns:
        One conflict per contrast told two ways; sides in article order.
    """
    rank = {a: n for n, a in enumerate(order)}
    out: list[Conflict] = []
    for contrast in CONTRASTS:
        if _status_changed(docs, contrast):
            continue
        sides: dict[str, list[tuple[str, Quote]]] = {}
        for doc in sorted(docs, key=lambda d: (rank.get(d.id, len(rank)), d.id)):
            taken = _side_of(doc, contrast)
            if taken is not None:
                sides.setdefault(taken[0], []).append((doc.id, taken[1]))
        if len(sides) < 2:
            continue
        built, listed = _sides(contrast.subject, sides)
        summary = f"The articles state {contrast.subject} differently: {listed}."
        out.append(Conflict(STATUS, None, summary, built))
    return out


def _sides(
    subject: str, sides: Mapping[str, Sequence[tuple[str, Quote]]]
) -> tuple[tuple[ConflictSide, ...], str]:
    """One side per value with its articles and quotes, and the sides in words for the summary."""
    built = tuple(
        ConflictSide(
            value=f"{subject}: {value}",
            article_ids=tuple(a for a, _ in members),
            quotes=tuple(q for _, q in members),
        )
        for value, members in sides.items()
    )
    listed = "; ".join(f"{value} in {', '.join(a for a, _ in m)}" for value, m in sides.items())
    return built, listed


_CHANGED = re.compile(r"\b" + alternation(STATUS_CHANGE_WORDS) + r"\b", re.I)


_CAUSE = re.compile(
    r"\b(?:died|dies)\b(?:\s+[\w,]+){0,4}?\s+(?:of|from)\s+(?P<a>[^.,;:()]+)"
    r"|\bsuccumbed to\s+(?P<b>[^.,;:()]+)"
    r"|\bcause of (?:her |his |the )?death was\s+(?P<c>[^.,;:()]+)",
    re.I,
)
_CAUSE_WORDS = ("died", "dies", "succumbed to", "cause of ")
"""What ``_CAUSE`` needs one of (case aside)."""
_CAUSE_END = re.compile(r"\s" + alternation(CAUSE_END_WORDS) + r"\s", re.I)
_CAUSE_LEAD = re.compile(
    r"^(?:(?:complications|effects)\s+(?:of|from)\s+)?(?:(?:an?|the|his|her)\s+)?", re.I
)


def cause_conflicts(docs: Sequence[Doc], order: Sequence[str]) -> list[Conflict]:
    """Causes of death that exclude each other ("of a stroke" / "from liver failure").

    An article's cause is the first one it states after "died … of", "succumbed to" or
    "cause of death was"; two causes conflict when they share no word and an article
    of one side never mentions the other cause.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).

    Returns:
        At most one conflict, sides in article order.
    """
    rank = {a: n for n, a in enumerate(order)}
    sides: dict[str, list[tuple[str, Quote]]] = {}
    texts: dict[str, str] = {}
    for doc in sorted(docs, key=lambda d: (rank.get(d.id, len(rank)), d.id)):
        lowered = [s.text.lower() for s in doc.sentences]
        texts[doc.id] = " ".join(lowered)
        if not may_contain(" ".join(s.text for s in doc.sentences), texts[doc.id], _CAUSE_WORDS):
            continue  # no cause of death anywhere in the article
        for sentence, low in zip(doc.sentences, lowered, strict=True):
            if not may_contain(sentence.text, low, _CAUSE_WORDS):
                continue
            cause = _cause(sentence.text)
            if cause:
                # "heart failure" and "congestive heart failure": one cause, told more fully.
                same = [
                    c
                    for c in sides
                    if set(c.split()) <= set(cause.split()) or set(cause.split()) <= set(c.split())
                ]
                cause = same[0] if same else cause
                sides.setdefault(cause, []).append(
                    (doc.id, Quote(doc.id, sentence.text, sentence.line))
                )
                break
    causes = list(sides)
    clash = any(
        not set(a.split()) & set(b.split())
        and (
            all(a not in texts[i] for i, _ in sides[b])
            or all(b not in texts[i] for i, _ in sides[a])
        )
        for n, a in enumerate(causes)
        for b in causes[n + 1 :]
    )
    if len(causes) < 2 or not clash:
        return []
    built, listed = _sides("cause of death", sides)
    return [
        Conflict(STATUS, None, f"The articles give different causes of death: {listed}.", built)
    ]


def _cause(text: str) -> str:
    """The cause of death a sentence states, lower-cased, else ""."""
    found = _CAUSE.search(text)
    if found is None:
        return ""
    phrase = next(g for g in found.groups() if g is not None)
    phrase = _CAUSE_END.split(f" {phrase} ")[0].strip()
    phrase = _CAUSE_LEAD.sub("", phrase).strip().lower()
    words = phrase.split()
    if not words or len(words) > 4 or phrase in CAUSE_GENERIC or not words[-1].isalpha():
        return ""
    return phrase


_FREED = re.compile("^" + alternation(FREEING_VERBS) + "$", re.I)
_HELD = re.compile("^" + alternation(HOLDING_VERBS) + "$", re.I)
_COUNTED = re.compile(r"\b(\w+)\s+(\d[\d,]*|[a-z]+)\s+([A-Z]\w+)\b")
_FATE_WORDS = FREEING_VERBS + HOLDING_VERBS
"""A sentence tells a fate only with one of these verbs (case aside)."""


def fate_conflicts(docs: Sequence[Doc], order: Sequence[str]) -> list[Conflict]:
    """The same people rescued in one article and captured in another.

    "rescued 14 Omani fishermen" / "apprehending 14 Omani pirates": the same count
    and the same capitalised word after it (a nationality, a group) tie the two to one
    set of people; a verb of freeing and a verb of holding are fates that exclude each
    other. An article using both for that count takes no side.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).

    Returns:
        One conflict per count and word told both ways.
    """
    rank = {a: n for n, a in enumerate(order)}
    told: dict[tuple[str, str], dict[str, dict[str, Quote]]] = {}
    shown: dict[tuple[str, str], str] = {}
    for doc in sorted(docs, key=lambda d: (rank.get(d.id, len(rank)), d.id)):
        if not any_may_contain([s.text for s in doc.sentences], _FATE_WORDS):
            continue  # most articles tell no fate: ruled out whole
        for sentence in doc.sentences:
            if not may_contain(sentence.text, sentence.text.lower(), _FATE_WORDS):
                continue  # no verb of freeing or holding: no match of _COUNTED is read
            for verb, count, word in _COUNTED.findall(sentence.text):
                fate = "rescued" if _FREED.match(verb) else "captured" if _HELD.match(verb) else ""
                if not fate or not (count[0].isdigit() or count in SMALL_COUNT_WORDS):
                    continue
                key = (count.lower(), word.lower())
                shown.setdefault(key, f"{count} {word}")
                quotes = told.setdefault(key, {}).setdefault(doc.id, {})
                quotes.setdefault(fate, Quote(doc.id, sentence.text, sentence.line))
    out: list[Conflict] = []
    for key, by_doc in sorted(told.items()):
        sides: dict[str, list[Quote]] = {}
        for fates in by_doc.values():
            if len(fates) == 1:
                fate, quote = next(iter(fates.items()))
                sides.setdefault(fate, []).append(quote)
        if len(sides) < 2:
            continue
        built = tuple(
            ConflictSide(f"{fate} {shown[key]}", tuple(q.article_id for q in quotes), tuple(quotes))
            for fate, quotes in sides.items()
        )
        listed = "; ".join(f"{s.value} in {', '.join(s.article_ids)}" for s in built)
        out.append(Conflict(STATUS, None, f"The articles tell different fates: {listed}.", built))
    return out


_DEPARTURE = re.compile(
    r"\b(?:(?P<fired>fired|ousted|dismissed|sacked)|(?P<left>resigned|stepped\s+down|quit))"
    r"\b[^.;]{0,12}?\bin\s+(?P<month>January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)
_DEPARTURE_WORDS = ("fired", "ousted", "dismissed", "sacked", "resigned", "stepped", "quit")
"""What ``_DEPARTURE`` needs one of (written as is: the pattern minds case)."""
_NAME = re.compile(r"\b([A-Z][a-z]{2,})\b")


def departure_conflicts(docs: Sequence[Doc], order: Sequence[str]) -> list[Conflict]:
    """One departure told as a firing and as a resignation ("fired" / "stepped down").

    "Whom he fired in May" / "Dunn stepped down in May": the month ties both
    to one departure; the name written last before the verb must be the same when both
    sentences give one. An article telling both takes no side.

    Args:
        docs: The articles of one event.
        order: Member ids in report order (sides follow it).

    Returns:
        One conflict per month told both ways.
    """
    rank = {a: n for n, a in enumerate(order)}
    told: dict[str, dict[str, dict[str, tuple[str, Quote]]]] = {}
    for doc in sorted(docs, key=lambda d: (rank.get(d.id, len(rank)), d.id)):
        whole = "\n".join(s.text for s in doc.sentences)
        if not any(word in whole for word in _DEPARTURE_WORDS):
            continue  # most articles tell no departure: ruled out whole
        for sentence in doc.sentences:
            if not any(word in sentence.text for word in _DEPARTURE_WORDS):
                continue
            for found in _DEPARTURE.finditer(sentence.text):
                names = _person(sentence.text, found)
                how = "fired" if found.group("fired") else "left of their own accord"
                quote = Quote(doc.id, sentence.text, sentence.line)
                hows = told.setdefault(found.group("month"), {}).setdefault(doc.id, {})
                hows.setdefault(how, (names[-1] if names else "", quote))
    out: list[Conflict] = []
    for month, per_doc in sorted(told.items()):
        sides: dict[str, list[tuple[str, Quote]]] = {}
        for hows in per_doc.values():
            if len(hows) == 1:
                how, named = next(iter(hows.items()))
                sides.setdefault(how, []).append(named)
        people = {name for members in sides.values() for name, _ in members if name}
        if len(sides) < 2 or len(people) > 1:
            continue
        built = tuple(
            ConflictSide(
                f"{how} in {month}",
                tuple(q.article_id for _, q in members),
                tuple(q for _, q in members),
            )
            for how, members in sides.items()
        )
        listed = "; ".join(f"{s.value} in {', '.join(s.article_ids)}" for s in built)
        out.append(
            Conflict(STATUS, None, f"The articles tell a departure two ways: {listed}.", built)
        )
    return out


def _person(text: str, found: re.Match[str]) -> list[str]:
    """Who departed: the name right after the verb ("fired Hale"), else the last before it."""
    after = _NAME.match(text, found.end(1) + 1) if found.group("fired") else None
    if after is not None and after.group(1).lower() not in STOPWORDS:
        return [after.group(1)]
    return [n for n in _NAME.findall(text[: found.start()]) if n.lower() not in STOPWORDS]


def _side_of(doc: Doc, contrast: Contrast) -> tuple[str, Quote] | None:
    """The alternative an article's first status sentence states (with it), else None."""
    if not any_may_contain([s.text for s in doc.sentences], contrast.trigger_words):
        return None  # no status word anywhere in the article
    for sentence in doc.sentences:
        if sentence.kind in (HEADING, TABLE):
            continue
        text = sentence.text
        if not may_contain(text, text.lower(), contrast.trigger_words):
            continue
        # Where each status word ends, found once for every alternative.
        ends = [trigger.end() for trigger in contrast.trigger.finditer(text)]
        labels = {
            label
            for label, pattern in contrast.alternatives.items()
            for end in ends
            if pattern.search(text, end, end + STATUS_REACH)
        }
        if not labels:
            continue
        if len(labels) > 1:
            return None  # alternative counts in one sentence
        return (labels.pop(), Quote(doc.id, text, sentence.line))
    return None


def _status_changed(docs: Sequence[Doc], contrast: Contrast) -> bool:
    """Whether an article tells of the status changing near a status word."""
    for doc in docs:
        texts = [s.text for s in doc.sentences]
        if not any_may_contain(texts, STATUS_CHANGE_WORDS) or not any_may_contain(
            texts, contrast.trigger_words
        ):
            continue  # ruled out whole
        for sentence in doc.sentences:
            text = sentence.text
            lowered = text.lower()
            if not may_contain(text, lowered, STATUS_CHANGE_WORDS) or not may_contain(
                text, lowered, contrast.trigger_words
            ):
                continue  # neither pattern can match: skip the two slow searches
            if _CHANGED.search(text) and contrast.trigger.search(text):
                return True
    return False
