"""How an article words the event: the action of its lede and the names it gives actors."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Mapping, Sequence

from generator.events.document import Doc
from generator.events.model import ActorWording, Wording
from generator.models import Origin
from generator.text.datementions import DateMention
from generator.text.dates import DAY
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import AUXILIARIES, IRREGULAR_PAST, SPEECH_VERBS, STOPWORDS
from generator.text.normalise import normalise
from generator.text.phrasewords import CLAUSE_OPENERS, DESCRIPTOR_OPENERS, DETERMINERS, ROLE_WORDS
from generator.text.tokens import TOKEN_RE

LEDE_MIN_WORDS = 8
"""The lede is the first sentence of at least this many words (shorter ones are datelines)."""

LEDE_CANDIDATES = 3
"""The action is looked for in the first this many lede candidates."""

LEDE_STALE_DAYS = 30
"""A sentence naming a full date more than this many days before publication is a caption."""

ACTION_MAX_WORDS = 9
"""The action phrase stops after this many words."""

DESCRIPTOR_MAX_WORDS = 10
"""Longest appositive kept as a descriptor ("Tom Perez, the chairman of the party,")."""

DESCRIPTOR_MAX_TITLE = 5
"""Longest run of title words kept before a name ("Deputy Pentagon Press Secretary")."""

"""Longest appositive kept as a descriptor ("Tom Perez, the chairman of the party,")."""

_PERSON_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*\.?$|^[A-Z]\.$")
_SPEECH_VERBS = SPEECH_VERBS


def lede_action(doc: Doc) -> tuple[str, str]:
    """The verb phrase of an article's lede and the lede sentence ("" and "" when none).

    It depends on the article alone, so the per-article map computes it once.

    Args:
        doc: The prepared article.

    Returns:
        (action, lede sentence).
    """
    action, lede = "", ""
    for candidate in _lede_candidates(doc)[:LEDE_CANDIDATES]:
        action, lede = _action(candidate), candidate
        if action:
            break
    return action, lede


def wording(
    doc: Doc, actor_names: Mapping[str, Sequence[str]], lede: tuple[str, str] | None = None
) -> Wording:
    """Describe how one article words the event.

    Args:
        doc: The prepared article.
        actor_names: Actor id → the names to look for (first is the canonical name), most
            central actor first; the wording keeps that order.
        lede: :func:`lede_action` of ``doc``, when already computed.

    Returns:
        The lede's action and, per actor, the names and descriptors used.
    """
    action, lede_sentence = lede if lede is not None else lede_action(doc)
    actors = tuple(
        found
        for actor_id in actor_names  # in the caller's order: most central first
        if (found := _actor_wording(doc, actor_id, tuple(actor_names[actor_id]))) is not None
    )
    return Wording(action=action, action_sentence=lede_sentence if action else "", actors=actors)


def _lede_candidates(doc: Doc) -> list[str]:
    """Sentences that can hold the lede: long enough, not a repeated title, not a caption."""
    title = normalise(doc.article.title).rstrip(".").lower()
    declared = doc.article.title_origin in (Origin.FRONT_MATTER, Origin.HEADING, Origin.HEADER)
    out: list[str] = []
    for sentence, mentions in zip(doc.sentences, doc.dates, strict=True):
        if sentence.kind in (HEADING, TABLE) or len(sentence.norm.split()) < LEDE_MIN_WORDS:
            continue
        if declared and sentence.norm.rstrip(".").lower() == title:
            continue
        if not _caption(mentions, doc.reference):
            out.append(sentence.text)
    return out


def _caption(mentions: Sequence[DateMention], reference: dt.date | None) -> bool:
    """Whether a sentence dates itself long before publication (a photo caption, a file picture)."""
    return reference is not None and any(
        m.date is not None
        and not m.inferred
        and m.precision == DAY
        and (reference - m.date).days > LEDE_STALE_DAYS
        for m in mentions
    )


def _action(text: str) -> str:
    """The verb phrase of a sentence: its first finite verb and what follows it."""
    toks = TOKEN_RE.findall(normalise(text))
    start = _main_clause_start(toks)
    for i in range(start, len(toks)):
        if _finite_verb(toks, i, start):
            return _phrase_from(toks, i)
    return ""


def _main_clause_start(toks: Sequence[str]) -> int:
    """Skip an opening adverbial ("In a recent development, ...")."""
    if toks and toks[0].lower() in CLAUSE_OPENERS and "," in toks[:12]:
        return toks.index(",") + 1
    return 0


def _finite_verb(toks: Sequence[str], i: int, start: int) -> bool:
    """Whether token ``i`` opens the main verb phrase."""
    low = toks[i].lower()
    previous = toks[i - 1].lower() if i > start else ""
    if i == start or not toks[i][0].isalpha() or toks[i][0].isupper():
        return False
    if low in AUXILIARIES and i + 1 < len(toks):
        return True
    if previous in DETERMINERS or "-" in low:
        return False
    if low.endswith("ed") or low in IRREGULAR_PAST:
        return True
    following = toks[i + 1] if i + 1 < len(toks) else ""
    return (
        low.endswith("s")
        and not low.endswith("ss")
        and bool(following)
        and (following.lower() in DETERMINERS or following[0].isupper())
    )


def _phrase_from(toks: Sequence[str], i: int) -> str:
    """Words from a verb to the next clause break, at most ``ACTION_MAX_WORDS``."""
    words: list[str] = []
    for tok in toks[i:]:
        if tok in (",", ";", ":", ".", "!", "?", '"', "(") or len(words) >= ACTION_MAX_WORDS:
            break
        words.append(tok)
    while words and words[-1].lower() in STOPWORDS:
        words.pop()
    return " ".join(words)


def _actor_wording(doc: Doc, actor_id: str, names: tuple[str, ...]) -> ActorWording | None:
    """The names and descriptors an article uses for one actor (None when not named)."""
    patterns, surnames = _patterns(actor_id, names)
    forms: list[str] = []
    descriptors: list[str] = []
    first_names = frozenset(n.split()[0].lower() for n in names if n.split())
    found = _matches(doc, patterns, (*names, actor_id))
    for index in sorted({i for by_sentence in found for i in by_sentence}):
        norm = doc.sentences[index].norm
        for number, by_sentence in enumerate(found):
            matches = [
                (start, end, form)
                for start, end, form in by_sentence.get(index, ())
                if number < len(patterns) - surnames or not _surname_only(norm, start, first_names)
            ]
            for start, end, form in matches:
                forms.append(form)
                descriptor = _descriptor(norm, start, end)
                if descriptor:
                    descriptors.append(descriptor)
            if matches:
                break
    if not forms:
        return None
    return ActorWording(
        actor_id=actor_id,
        names=tuple(dict.fromkeys(forms)),
        descriptors=tuple(dict.fromkeys(descriptors)),
    )


_Match = tuple[int, int, str]


def _matches(
    doc: Doc, patterns: Sequence[re.Pattern[str]], names: Sequence[str]
) -> list[dict[int, list[_Match]]]:
    """Per pattern, sentence index → its matches (start, end, text) within that sentence.

    One search per pattern over the article's sentences joined by a control
    character that none of ``names`` (what the patterns were made from)
    contains: a name pattern matches only its words, spaces and hyphens, so no
    match spans two sentences, and the lookarounds at a sentence's edges see a
    non-word character as at the end of a string. The matches are those of
    searching each sentence alone.
    """
    separator = next(c for c in _SEPARATORS if not any(c in name for name in names))
    norms = [sentence.norm for sentence in doc.sentences]
    text = separator.join(norms)
    starts = list(itertools.accumulate((len(n) + 1 for n in norms[:-1]), initial=0))
    out: list[dict[int, list[_Match]]] = []
    for pattern in patterns:
        by_sentence: dict[int, list[_Match]] = {}
        for match in pattern.finditer(text):
            index = bisect.bisect_right(starts, match.start()) - 1
            offset = starts[index]
            by_sentence.setdefault(index, []).append(
                (match.start() - offset, match.end() - offset, match.group(0))
            )
        out.append(by_sentence)
    return out


# Control characters that are neither word characters nor whitespace (so never part of a
# name pattern's match); one of them is absent from any set of names.
_SEPARATORS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x1C)]))


@functools.lru_cache(maxsize=4096)
def _patterns(actor_id: str, names: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], ...], int]:
    """Regexes for an actor's full names, then for a person's surname alone.

    Memoised: every article of an event looks for the same actors.

    Returns:
        The patterns, and how many of the last ones are surname-only patterns.
    """
    full = [n for n in names if n.strip()] or [actor_id.replace("-", " ")]
    out = [_name_pattern(name.split()) for name in sorted(full, key=len, reverse=True)]
    words = full[0].split()
    if 2 <= len(words) <= 4 and all(_PERSON_WORD.match(w) for w in words):
        surname = re.split(r"-", words[-1])[-1]
        if len(surname) >= 4:
            return ((*out, _name_pattern([surname])), 1)
    return (tuple(out), 0)


def _name_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """Pattern for a word sequence, hyphens and spaces interchangeable.

    Names written with capitals match case-sensitively ("Iraq", not "iraq"); names
    given in lower case (read from an id) match in any case.
    """
    body = r"[\s-]+".join(re.escape(w) for w in words)
    flags = 0 if any(ch.isupper() for w in words for ch in w) else re.IGNORECASE
    if not words:
        return re.compile(r"(?<![\w-])(?![\w-])", flags)
    # "No word character before the name", asserted after its first word: a pattern that
    # opens with a literal is found by a fast scan for it, one that opens with a
    # lookbehind is tried at every position (25 times slower on an article).
    first = re.escape(words[0])
    return re.compile(first + r"(?<![\w-]" + first + ")" + body[len(first) :] + r"(?![\w-])", flags)


def _descriptor(norm: str, start: int, end: int) -> str:
    """A title before a mention ("Iraqi Prime Minister") or an appositive after it."""
    title = _title_before(TOKEN_RE.findall(norm[:start]))
    if title:
        return title
    rest = norm[end:]
    if not rest.startswith(", ") or rest[2:].count(",") == 0:
        return ""
    clause = rest[2:].split(",", 1)[0].strip()
    words = clause.split()
    lowered = {w.lower() for w in words}
    if (
        words
        and words[0].lower() in DESCRIPTOR_OPENERS
        and len(words) <= DESCRIPTOR_MAX_WORDS
        and not lowered & _SPEECH_VERBS
        and "and" not in lowered
    ):
        return clause
    return ""


def _title_before(before: Sequence[str]) -> str:
    """The run of words before a name that ends in a role ("national disaster agency spokesman")."""
    run: list[str] = []
    for tok in reversed(before[-DESCRIPTOR_MAX_TITLE:]):
        low = tok.lower().rstrip(".")
        if low in STOPWORDS or not tok[0].isalpha():
            break
        run.insert(0, tok)
    while run and run[-1].lower().rstrip(".") not in ROLE_WORDS:
        run.pop()
    return " ".join(run)


def _surname_only(norm: str, start: int, first_names: frozenset[str]) -> bool:
    """Whether a bare surname belongs to someone else ("Bill Clinton" for "Hillary Clinton")."""
    before = TOKEN_RE.findall(norm[:start])[-1:]
    if not before or not before[0][0].isupper():
        return False
    word = before[0].lower().rstrip(".")
    return word not in ROLE_WORDS and word not in first_names
