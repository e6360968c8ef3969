"""Turn runs of capitalised words into candidate name mentions with cues.

A cue is evidence about what a name is, read off the words around it:
a title before it (a person), a kind of organisation before or after it
(an organisation), a locative preposition or a place noun (a place), a
possessive or a compound such as "-backed" (an actor of some sort).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from generator.text.document import CharSpan
from generator.text.lexicon import (
    APPOSITIVE_OPENERS,
    APPOSITIVE_STOPS,
    DIRECTIONS,
    KIND_NOUNS,
    LOCATIVE_STRONG,
    LOCATIVE_WEAK,
    NAME_STOPWORDS,
    PERSON_NOUNS,
    PLACE_EVENT_NOUNS,
    PLACE_NOUNS,
    PLACE_OF_NOUNS,
    SPEECH_VERBS,
)
from generator.text.normalise import name_key
from generator.text.tokens import (
    LOOSE_WORD,
    Token,
    is_org_head,
    is_place_head,
    is_title,
    last_words,
)

PERSON_CUES = frozenset({"title", "appositive-person", "initials", "speaker"})
ORG_CUES = frozenset({"kind", "org-head", "appositive-org"})
_PREV_WORD = re.compile(r"([\w'’-]+)(,?)\s+$")
_LOCATIVE_WORD = re.compile(r"([\w'’-]+)\s+(?:(?:the|a|an)\s+)?$", re.I)
_BEFORE_OF = re.compile(r"(\w+)\s+of\s+$")
_NEXT_WORD = re.compile(r"\s+([a-z][\w'’-]*)")
_APPOSITIVE = re.compile(r",\s+([^,.;:()\"“”]{1,80})")
_STRONG = 2
# Only the end of the text before a name is searched for the words next to it.
_TAIL = 80
# Unions asked about every candidate: built once, not per call.
_PERSON_OR_ORG_CUES = PERSON_CUES | ORG_CUES
_NOT_QUALIFIED = SPEECH_VERBS | PLACE_NOUNS | NAME_STOPWORDS
_PLACE_OF_HEADS = DIRECTIONS | PLACE_OF_NOUNS


class Candidate(NamedTuple):
    """A possible name mention found by discovery.

    A named tuple rather than a frozen dataclass: there is one per name-like span of
    every article (15,000 on dev-events); a tuple is built, pickled (to the cache,
    across processes) and loaded again several times faster than a frozen dataclass
    with fourteen fields, each set through ``object.__setattr__``.

    Attributes:
        doc: Index of the article.
        start: Offset in the body.
        end: Offset just after the name.
        text: The name as written.
        key: Grouping key (see :func:`generator.text.normalise.name_key`).
        words: Number of words of the name.
        initial: The name opens its sentence.
        cues: Evidence labels (see module docstring).
        place: Score of place evidence.
        actor: Score of actor evidence.
        adjectival: A single word followed by a lower-case noun ("Iraqi
            militias") or a compound tail ("Iranian-backed").
        role: Role of a relational compound ("backer"), else empty.
        covers: The name contains a registered match.
        bare_key: Key of the name without initials ("Donald J. Trump").
    """

    doc: int
    start: int
    end: int
    text: str
    key: str
    words: int
    initial: bool
    cues: frozenset[str]
    place: int
    actor: int
    adjectival: bool
    role: str = ""
    covers: bool = False
    bare_key: str = ""


def at_doc(c: Candidate, doc: int) -> Candidate:
    """The candidate ``c`` of document ``doc`` (its other fields in order, as they are)."""
    return Candidate(doc, *c[1:])


def segments(
    run: list[Token], initial: bool, vocab: frozenset[str]
) -> list[tuple[list[Token], str]]:
    """Split a run at titles; return (tokens, cue) pieces, the cue being "title" or "".

    Args:
        run: Tokens of one run of capitalised words.
        initial: The run opens its sentence.
        vocab: Words the corpus writes in lower case somewhere.

    Returns:
        "Iraqi Prime Minister Mohammed Shia Al-Sudani" gives ("Iraqi", "") and
        ("Mohammed Shia Al-Sudani", "title").
    """
    if initial and run and run[0].kind == "name" and not is_title(run[0]):
        if run[0].lower in vocab:
            run = run[1:]
        elif len(run) > 1 and run[1].lower == "of":
            # "Fighters of X" opening a sentence: the capital is the sentence's.
            run = run[2:]
    run = _strip_particles(run)
    titles = [i for i, t in enumerate(run) if is_title(t)]
    if not run or not titles or (titles[-1] == len(run) - 1 and _org_named(run)):
        return [(run, "")] if run else []
    last = titles[-1]
    person = cut_at_of(_strip_particles(run[last + 1 :]))
    if person and is_org_head(person[-1]):
        return [(run, "")]
    pieces = [(p, "") for p in _untitled(run[:last])]
    return pieces + ([(person, "title")] if person else [])


def cut_at_of(piece: list[Token]) -> list[Token]:
    """Cut a person's name before "of" ("Debbie Wasserman Schultz of Florida")."""
    for i, token in enumerate(piece):
        if token.lower == "of":
            return _strip_particles(piece[:i])
    return piece


def _org_named(run: list[Token]) -> bool:
    """Return True for an organisation named after an office word ("Associated Press")."""
    return is_org_head(run[-1]) and not all(is_title(t) for t in run)


def _strip_particles(run: list[Token]) -> list[Token]:
    """Drop particles at both ends of a piece."""
    while run and run[0].kind == "particle":
        run = run[1:]
    while run and run[-1].kind == "particle":
        run = run[:-1]
    return run


def _untitled(run: list[Token]) -> list[list[Token]]:
    """Return the maximal pieces of ``run`` that contain no title word."""
    pieces: list[list[Token]] = [[]]
    for token in run:
        if is_title(token):
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [p for p in (_strip_particles(p) for p in pieces) if p]


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """A sentence with the tokens it holds."""

    doc: int
    span: CharSpan
    tokens: Sequence[Token]


def candidate(text: str, where: TokenSpan, piece: list[Token], cue: str) -> Candidate:
    """Build the candidate for ``piece`` of the sentence ``where`` with its context cues."""
    start, end = piece[0].start, piece[-1].end
    before, after = text[where.span.start : start], text[end : where.span.end]
    nxt = _next(after, piece[-1])
    cues, place, actor = _evidence(before, after, nxt, piece)
    if cue:
        cues.add(cue)
    return Candidate(
        doc=where.doc,
        start=start,
        end=end,
        text=text[start:end],
        key=name_key(text[start:end]),
        words=sum(1 for t in piece if t.kind != "particle"),
        initial=bool(where.tokens) and piece[0] is where.tokens[0],
        cues=frozenset(cues),
        place=place,
        actor=actor + _STRONG * len(cues & _PERSON_OR_ORG_CUES),
        adjectival=_adjectival(piece, nxt),
        role=piece[-1].role,
        bare_key=name_key(" ".join(t.text for t in piece if t.kind != "initial")),
    )


def _evidence(before: str, after: str, nxt: str, piece: list[Token]) -> tuple[set[str], int, int]:
    """Return the cues, the place score and the actor score read around a name.

    ``nxt`` is ``_next(after, piece[-1])``, which the candidate reads too.
    """
    prev, comma = _previous(before)
    names = [t for t in piece if t.kind != "particle"]
    noun = prev if prev.islower() else ""
    cues = (
        _person_cues(noun, nxt, names) | _org_cues(noun, nxt, piece) | _appositive(after, piece[-1])
    )
    place = _place_score(before, _locative(before), comma, nxt, piece)
    actor = 0
    if piece[-1].possessive:
        actor += _STRONG
        cues.add("possessive")
    if piece[-1].role:
        actor += _STRONG
        cues.add("compound")
    if nxt in SPEECH_VERBS:
        actor += _STRONG
    return cues, place, actor


def tail_words(before: str, count: int) -> str:
    """The last ``count`` words of the tail of ``before`` (see :func:`last_words`).

    _PREV_WORD (one word), _LOCATIVE_WORD and _BEFORE_OF (two) are anchored at the
    end of the tail and match at most that many whitespace-separated words followed
    by white space; searched over the whole tail they try every start position, and
    three such searches per candidate were a fifth of its time.
    """
    return last_words(before[-_TAIL:], count)


def _locative(before: str) -> str:
    """Return the lower-case word before a name, skipping an article ("on the")."""
    m = _LOCATIVE_WORD.search(tail_words(before, 2))
    return m.group(1).lower() if m else ""


def _previous(before: str) -> tuple[str, bool]:
    """Return the word right before a name and whether a comma follows it."""
    m = _PREV_WORD.search(tail_words(before, 1))
    if not m:
        return "", False
    return m.group(1), bool(m.group(2))


def _next(after: str, last: Token) -> str:
    """Return the lower-case word right after a name ('' if none or capitalised)."""
    if last.possessive or last.tail:
        return ""
    m = _NEXT_WORD.match(after)
    return m.group(1) if m else ""


def _person_cues(prev: str, nxt: str, names: list[Token]) -> set[str]:
    """Return person cues: a title noun before, initials inside, a speech verb after."""
    cues = set()
    if prev in PERSON_NOUNS and names and names[0].kind == "name":
        cues.add("title")
    if len(names) >= 2 and any(t.kind == "initial" for t in names[1:-1]):
        cues.add("initials")
    speaks = prev == "said" or nxt in SPEECH_VERBS
    if speaks and 2 <= len(names) <= 3 and all(t.kind == "name" for t in names):
        cues.add("speaker")
    return cues


def _org_cues(prev: str, nxt: str, piece: list[Token]) -> set[str]:
    """Return organisation cues: a kind noun around the name, or an organisation head."""
    cues = set()
    if prev in KIND_NOUNS or nxt in KIND_NOUNS:
        cues.add("kind")
    if len(piece) > 1 and is_org_head(piece[-1]):
        cues.add("org-head")
    return cues


def _appositive(after: str, last: Token) -> set[str]:
    """Return the cue of an appositive (", the chairman of", ", an Iran-backed militia")."""
    if last.possessive or last.tail:
        return set()
    m = _APPOSITIVE.match(after)
    if not m:
        return set()
    words = LOOSE_WORD.findall(m.group(1))[:7]
    if not words or not (words[0].lower() in APPOSITIVE_OPENERS or words[0].endswith(("'s", "’s"))):
        return set()
    # Only the head noun phrase describes the name: stop at a preposition,
    # and only common nouns count ("the Democratic National Committee" names).
    head = []
    for word in words[1:]:
        if word.lower() in APPOSITIVE_STOPS:
            break
        head.append(word)
    nouns = [w for w in head if w.islower()]
    if any(w in PERSON_NOUNS for w in nouns):
        return {"appositive-person"}
    if any(w.split("-")[-1] in KIND_NOUNS for w in nouns):
        return {"appositive-org"}
    return set()


def _place_score(before: str, prev: str, comma: bool, nxt: str, piece: list[Token]) -> int:
    """Score the evidence that a name is a place."""
    score = 0
    # A preposition before "US bases" governs "bases", not the name.
    if not comma and not _modifies_noun(nxt):
        if prev in LOCATIVE_STRONG or prev in DIRECTIONS:
            score += _STRONG
        elif prev in LOCATIVE_WEAK:
            score += 1
        if prev == "of" and _word_before_of(before) in _PLACE_OF_HEADS:
            score += _STRONG
    if nxt in PLACE_NOUNS or (nxt == "air" and piece[-1].kind == "name"):
        score += _STRONG
    elif nxt in PLACE_EVENT_NOUNS:
        score += 1
    if len(piece) > 1 and is_place_head(piece[-1]):
        score += _STRONG
    return score


def _modifies_noun(nxt: str) -> bool:
    """Return True when the word after a name is a noun it qualifies."""
    return bool(nxt) and nxt not in _NOT_QUALIFIED


def _word_before_of(before: str) -> str:
    """Return the word before a trailing "of" ("west" in "west of ")."""
    m = _BEFORE_OF.search(tail_words(before, 2))
    return m.group(1).lower() if m else ""


def _adjectival(piece: list[Token], nxt: str) -> bool:
    """Return True for one word used as an adjective ("Iraqi militias", "Iranian-backed")."""
    if len(piece) != 1:
        return False
    if piece[0].tail:
        return True
    return bool(nxt) and nxt not in SPEECH_VERBS and nxt not in NAME_STOPWORDS
