"""Tokens: the words of a sentence with their offsets and kinds.

Two views of one sentence. :func:`tokenize` reads the body as written and
classifies each word for naming (name, acronym, initial, particle, ...), with
offsets into the body. :func:`tokens` and :func:`content_words` read the
normalised text (see :func:`generator.text.normalise.normalise`) that the
comparisons use: numbers, dotted initials, codes like AC-130, hyphenated words
and punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from generator.text.calendar import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from generator.text.lexicon import (
    ABBREVIATIONS,
    COMPOUND_ROLES,
    FURNITURE,
    GENERIC_ACRONYMS,
    NAME_PARTICLES,
    NAME_STOPWORDS,
    NAME_SUFFIXES,
    ORG_HEADS,
    PLACE_HEADS,
    STOPWORDS,
    TITLE_WORDS,
)
from generator.text.normalise import is_acronym, lemma

_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVIATIONS)
TOKEN_RE = re.compile(
    r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?"
    r"|[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|[A-Z]+(?:-[A-Z0-9]+)+[a-z]?"
    r"|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*"
    r"|\S"
)
"""Tokens of normalised text: numbers, dotted initials, codes, hyphenated words, punctuation."""
_CONTENT = re.compile(r"[a-z0-9]")
LOOSE_WORD = re.compile(r"[\w'’.-]+")
"""A word with its inner apostrophes, full stops and hyphens (the words around a name)."""
LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
"""A word that starts with a letter ("Iran-backed", "al-Asad"; not "2024")."""
LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
"""A word written in lower case."""
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

# Several stages read the tokens and content words of the same sentence (reuse, claims,
# slots): sentences are memoised whole, and every text's tokens one by one. Long texts
# (whole bodies) are not kept: each is read once or twice, and keeping them would hold
# every body's words at once.
_CACHED_TEXTS = 1 << 16
_CACHED_TEXT_LENGTH = 2_000
# Token lists with their offsets weigh more: enough for the sentences of one event.
_CACHED_TOKENISED = 1 << 13


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of normalised text."""
    if len(text) > _CACHED_TEXT_LENGTH:
        return [m.span() for m in TOKEN_RE.finditer(text)]
    return list(_sentence_tokens(text)[0])


def tokens(text: str) -> list[str]:
    """Split normalised text into word, number and punctuation tokens."""
    if len(text) > _CACHED_TEXT_LENGTH:
        return TOKEN_RE.findall(text)
    return list(_sentence_tokens(text)[1])


@lru_cache(maxsize=_CACHED_TOKENISED)
def _sentence_tokens(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    # Claims, slots and clocks all split the same sentences. The match objects' own
    # methods, mapped, spare a Python-level step per token.
    found = list(TOKEN_RE.finditer(text))
    return tuple(map(re.Match.span, found)), tuple(map(re.Match.group, found))


def content_words(text: str) -> list[str]:
    """Return the lemmas of the content words of normalised text, in order."""
    if len(text) > _CACHED_TEXT_LENGTH:
        return _content_words(text)
    return list(_sentence_content_words(text))


@lru_cache(maxsize=_CACHED_TEXTS)
def _sentence_content_words(text: str) -> tuple[str, ...]:
    # The words alone (findall), not through _sentence_tokens: most of these texts are
    # never asked for their offsets, and they would push out sentences that are.
    return tuple(chain.from_iterable(map(_token_content, TOKEN_RE.findall(text))))


def _content_words(text: str) -> list[str]:
    return list(chain.from_iterable(map(_token_content, TOKEN_RE.findall(text))))


@lru_cache(maxsize=_CACHED_TEXTS)
def _token_content(tok: str) -> tuple[str, ...]:
    """The content lemmas of one token: none for a stopword, one per part of a hyphenated word."""
    low = tok.lower()
    if not _CONTENT.match(low) or low in STOPWORDS:
        return ()
    return tuple(
        lemma(part)
        for part in (low.split("-") if "-" in low else (low,))
        if part and part not in STOPWORDS and _CONTENT.match(part)
    )


def last_words(text: str, count: int) -> str:
    r"""The last ``count`` whitespace-separated words of ``text``, a space between and after them.

    A pattern anchored at the end of a text that can match only its last few words
    (and the white space after them) matches these the same, and a search on them
    does not try every start position of the text. White space is white space to
    ``\s`` and to ``str.split`` alike.

    Returns:
        The words, or an empty string when ``text`` does not end in white space.
    """
    if not text[-1:].isspace():
        return ""
    return " ".join(text.rsplit(maxsplit=count)[-count:]) + " "


def words(text: str) -> list[str]:
    """Return the word tokens of plain text (numbers count as words)."""
    return _WORD.findall(text)


_TOKEN = re.compile(r"\w+(?:[-‐‑'’.]\w+)*")
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|as|ad|ash|an|ar|at|az|bin|ibn|abu)[-‐‑](?=[A-Z])")
_LAST_HYPHEN = re.compile(r"[-‐‑](?=[^-‐‑]*$)")
_SHOUT_MIN = 7
# What makes _token look beyond a word: a mark inside it, a character after it.
_MARKS = re.compile(r"['’\-‐‑]")
_AFTER = ".'’"
# Kinds of word that take no part in a name (see name_tokens).
_BYSTANDERS = frozenset({"stop", "other"})
# The lower-case words whose kind is neither (particles, suffixes) and "of", which joins
# names: the plain lower-case words name_tokens keeps.
_KEPT_LOWER = sorted(
    {"of"} | {w for w in NAME_PARTICLES | NAME_SUFFIXES if re.fullmatch(r"[a-z][a-z0-9]*", w)},
    key=lambda w: (-len(w), w),
)
# A word of _TOKEN that name_tokens leaves out whatever its place but the first: ASCII lower
# case from its first letter, neither kept above nor followed by a mark or a full stop (a
# character that would make _TOKEN read on, or _token look at it). Its kind is "stop" or
# "other": a lower-case word is no acronym, initial or name (see _kind).
_LEFT_OUT = r"(?!(?:" + "|".join(_KEPT_LOWER) + r")(?![\w\-‐‑'’.]))[a-z][a-z0-9]*(?![\w\-‐‑'’.])"
# The words of _TOKEN but those: a _TOKEN match starts at a word character after none.
_NAME_WORD = re.compile(r"(?<!\w)(?!" + _LEFT_OUT + r")" + _TOKEN.pattern)
_WORD_CHAR = re.compile(r"\w")


class Token(NamedTuple):
    """One word of a sentence as written, classified for naming.

    A named tuple rather than a frozen dataclass: every word of every body is one
    (about 160,000 on dev-events), and a frozen dataclass's ``__init__`` (one
    ``object.__setattr__`` per field) costs about five times building a tuple.

    Attributes:
        text: The word without a possessive ending or compound tail.
        start: Offset in the body.
        end: Offset just after ``text``.
        kind: ``name``, ``acronym``, ``initial``, ``particle``, ``suffix``
            ("Jr."), ``stop`` (capitalised but never a name) or ``other``.
        possessive: The word ended in "'s" or a bare apostrophe.
        role: Role of a relational compound tail ("Iran-backed" gives
            ``backer``), else empty.
        tail: Whether a hyphenated lower-case tail followed the name part.
    """

    text: str
    start: int
    end: int
    kind: str
    possessive: bool = False
    role: str = ""
    tail: bool = False

    @property
    def lower(self) -> str:
        """The word in lower case without a trailing full stop."""
        return self.text.lower().rstrip(".")

    @property
    def breaks(self) -> bool:
        """True when nothing may follow this token in the same run."""
        return self.possessive or self.tail


# A plain word's Token built as the tuple it is: Token(...) runs a Python-level __new__
# (named tuples are made that way) for each of some 40,000 words of dev-events.
_new_token = tuple.__new__


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Return the tokens of ``text[start:end]``.

    Args:
        text: The (URL-masked) body.
        start: Start of the sentence.
        end: End of the sentence.

    Returns:
        Tokens with body offsets.
    """
    return _tokens(text, start, end)


def name_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` that a name can be made of or joined by, and the first.

    :func:`tokenize` without its plain lower-case words (neither a particle, a
    suffix nor "of"; three words in four): such a word can neither start,
    continue nor join a run of capitalised words, a run ends at the gap it leaves
    as it ends at the word, and it never shouts next to an all-capital stopword.
    The first token stays, whatever it is: a name that opens its sentence is
    told by being that token.

    Args:
        text: The (URL-masked) body.
        start: Start of the sentence.
        end: End of the sentence.

    Returns:
        Tokens with body offsets.
    """
    return _name_tokens(text, start, end)


def _tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, every word (name_tokens leaves some out by pattern)."""
    tokens: list[Token] = []
    places: list[int] = []  # each token's place among all the words: who its neighbours are
    for place, m in enumerate(_TOKEN.finditer(text, start, end)):
        word, (first, last) = m.group(0), m.span()
        # Most words have no apostrophe or hyphen and no full stop or apostrophe after
        # them: nothing of _token's applies but the kind (h13d: a third of the actors' time).
        # isalnum() says so for most words before _MARKS needs to look.
        plain = word.isalnum() or _MARKS.search(word) is None
        if plain and (last >= end or text[last] not in _AFTER):
            tokens.append(_new_token(Token, (word, first, last, _kind(word), False, "", False)))
        else:
            tokens.append(_token(text, word, first, last, end))
        places.append(place)
    # Only an all-capital stopword ("US") may change kind; its neighbours keep their text.
    for i, token in enumerate(tokens):
        if token.kind == "stop" and token.text.isupper():
            beside = (j for j in (i - 1, i + 1) if 0 <= j < len(tokens))
            neighbours = [tokens[j] for j in beside if abs(places[j] - places[i]) == 1]
            tokens[i] = _capital_stopword(token, neighbours)
    return tokens


def _name_tokens(text: str, start: int, end: int) -> list[Token]:
    """:func:`name_tokens`: the words of :func:`_tokens` that ``_NAME_WORD`` finds, and the first.

    ``_NAME_WORD`` finds the words of ``_TOKEN`` but the plain lower-case ones
    that :func:`_tokens` leaves out whatever their kind (three words in four), so
    Python never sees those. The others are read as :func:`_tokens` reads them,
    which still leaves out the bystanders the pattern lets through ("émigré").
    Two kept words are neighbours when no word lies between them: when the text
    between the end of the first's match and the second holds no word character
    (a ``_TOKEN`` match never ends before one, so only a left-out word can).
    """
    first_match = _TOKEN.search(text, start, end)
    if first_match is None:
        return []
    tokens: list[Token] = []
    ends: list[int] = []  # each kept token's match end: where the gap to the next one starts
    matches = chain((first_match,), _NAME_WORD.finditer(text, first_match.end(), end))
    for m in matches:
        word, (first, last) = m.group(0), m.span()
        plain = word.isalnum() or _MARKS.search(word) is None
        if plain and (last >= end or text[last] not in _AFTER):
            kind = _kind(word)
            if m is not first_match and kind in _BYSTANDERS and word.islower() and word != "of":
                continue
            tokens.append(_new_token(Token, (word, first, last, kind, False, "", False)))
        else:
            tokens.append(_token(text, word, first, last, end))
        ends.append(last)
    for i, token in enumerate(tokens):
        if token.kind == "stop" and token.text.isupper():
            neighbours = [
                tokens[j]
                for j in (i - 1, i + 1)
                if 0 <= j < len(tokens)
                and _WORD_CHAR.search(text, ends[min(i, j)], tokens[max(i, j)].start) is None
            ]
            tokens[i] = _capital_stopword(token, neighbours)
    return tokens


def _capital_stopword(token: Token, neighbours: list[Token]) -> Token:
    """Make an all-capital stopword ("US") an acronym unless its neighbours shout too."""
    if token.kind != "stop" or not token.text.isupper() or len(token.text) < 2:
        return token
    if any(n.text.isupper() and len(n.text.rstrip(".")) >= 2 for n in neighbours):
        return token
    if token.lower in GENERIC_ACRONYMS or token.lower in _CALENDAR:
        return token
    return token._replace(kind="acronym")


def _token(text: str, word: str, start: int, end: int, limit: int) -> Token:
    """Classify one raw word."""
    if end < limit and text[end] == "." and _takes_dot(word):
        word, end = word + ".", end + 1
    possessive = False
    if word[-2:] in ("'s", "’s"):
        word, end, possessive = word[:-2], end - 2, True
    elif end < limit and text[end] in "'’" and word.endswith("s") and not _alnum_at(text, end + 1):
        possessive = True
    role, tail = "", False
    parts = _LAST_HYPHEN.split(word)
    if len(parts) > 1 and parts[-1].islower():
        # "Iran-backed", "US-led", "Pakistan-born": the name is the head.
        role = COMPOUND_ROLES.get(parts[-1], "")
        tail = True
        word, end = parts[0], start + len(parts[0])
    return Token(word, start, end, _kind(word), possessive, role, tail)


def _alnum_at(text: str, i: int) -> bool:
    """Return True when ``text[i]`` exists and is a letter or digit."""
    return i < len(text) and text[i].isalnum()


def _takes_dot(word: str) -> bool:
    """Return True when a full stop after ``word`` belongs to it."""
    return len(word) == 1 or "." in word or word.lower() in ABBREVIATIONS


@lru_cache(maxsize=65536)
def _kind(word: str) -> str:
    """Return the token kind of a word (see :class:`Token`)."""
    bare = word.rstrip(".")
    low = bare.lower()
    if not bare or any(c.isdigit() for c in bare):
        return "other"
    if len(bare) == 1:
        return "initial" if bare.isupper() and word.endswith(".") else "other"
    if low in NAME_SUFFIXES:
        return "suffix"
    if "." not in bare and low in NAME_PARTICLES:
        # Capitalised, a particle opens a name ("Al Anbar", "Abu Dhabi").
        return "name" if bare[0].isupper() else "particle"
    if _is_stop(low):
        return "stop"
    if bare.isupper() and "." not in bare and len(bare) >= _SHOUT_MIN:
        return "other"
    if is_acronym(bare):
        return "acronym"
    if bare[0].isupper() or _PARTICLE_PREFIX.match(bare):
        return "name"
    return "other"


def _is_stop(low: str) -> bool:
    """Return True for capitalised words that never name an actor."""
    parts = re.split(r"[-‐‑]", low)
    return all(
        p in _CALENDAR or p in FURNITURE or p in NAME_STOPWORDS or p in GENERIC_ACRONYMS
        for p in parts
    )


def is_title(token: Token) -> bool:
    """Return True for office words such as "Minister" or "Mr."."""
    return token.kind == "name" and token.lower in TITLE_WORDS


def is_org_head(token: Token) -> bool:
    """Return True for words that end an organisation's name."""
    return token.lower in ORG_HEADS


def is_place_head(token: Token) -> bool:
    """Return True for words that end a place's name."""
    return token.lower in PLACE_HEADS
