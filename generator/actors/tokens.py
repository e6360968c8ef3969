"""Split sentences into name-relevant tokens and runs of capitalised words."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.actors.text import is_acronym
from generator.actors.vocab import (
    ABBREVIATIONS,
    COMPOUND_ROLES,
    FURNITURE,
    GENERIC_ACRONYMS,
    MONTHS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    PLACE_HEADS,
    STOPWORDS,
    TITLE_WORDS,
    WEEKDAYS,
)

_TOKEN = re.compile(r"\w+(?:[-‐‑'’.]\w+)*")
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|as|ad|ash|an|ar|at|az|bin|ibn|abu)[-‐‑](?=[A-Z])")
_LAST_HYPHEN = re.compile(r"[-‐‑](?=[^-‐‑]*$)")
_SHOUT_MIN = 7
# "of" joins short names ("Axis of Resistance", "Pacific Ring of Fire"); after
# longer ones it more often starts a phrase ("Debbie Wasserman Schultz of Florida").
_OF_MAX = 2


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence.

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


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Return the tokens of ``text[start:end]``.

    Args:
        text: The (URL-masked) body.
        start: Start of the sentence.
        end: End of the sentence.

    Returns:
        Tokens with body offsets.
    """
    tokens = [
        _token(text, m.group(0), m.start(), m.end(), end) for m in _TOKEN.finditer(text, start, end)
    ]
    return [_capital_stopword(tokens, i) for i in range(len(tokens))]


def _capital_stopword(tokens: list[Token], i: int) -> Token:
    """Make an all-capital stopword ("US") an acronym unless its neighbours shout too."""
    token = tokens[i]
    if token.kind != "stop" or not token.text.isupper() or len(token.text) < 2:
        return token
    neighbours = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
    if any(n.text.isupper() and len(n.text.rstrip(".")) >= 2 for n in neighbours):
        return token
    if token.lower in GENERIC_ACRONYMS or token.lower in WEEKDAYS or token.lower in MONTHS:
        return token
    return replace(token, kind="acronym")


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
        p in WEEKDAYS or p in MONTHS or p in FURNITURE or p in STOPWORDS or p in GENERIC_ACRONYMS
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


def _is_namey(token: Token) -> bool:
    """Return True for tokens that can open a name."""
    return token.kind in ("name", "acronym", "initial")


def _continues(token: Token) -> bool:
    """Return True for tokens that can continue a name ("Jr." too)."""
    return _is_namey(token) or token.kind == "suffix"


def runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Group tokens into runs of capitalised words.

    Words join when only a single space separates them; lower-case name
    particles ("al", "bin") join when a name follows, and "of" joins after a
    single word or a title, organisation or place head ("Axis of Resistance",
    "House of Representatives").
    """
    out: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(tokens):
        if current and _joins(text, current, token, tokens[i + 1 : i + 2]):
            current.append(token)
            continue
        if current:
            out.append(current)
        current = [token] if _is_namey(token) else []
    if current:
        out.append(current)
    return [_trim_particles(r) for r in out if any(t.kind in ("name", "acronym") for t in r)]


def _joins(text: str, current: list[Token], token: Token, nxt: list[Token]) -> bool:
    """Return True when ``token`` continues the run ``current``."""
    last = current[-1]
    if last.breaks or text[last.end : token.start] != " ":
        return False
    if _continues(token):
        return True
    follows_name = bool(nxt) and _is_namey(nxt[0]) and text[token.end : nxt[0].start] == " "
    if token.kind == "particle" and follows_name:
        return True
    if token.lower == "of" and follows_name and last.kind == "name":
        names = [t for t in current if t.kind != "particle"]
        return len(names) <= _OF_MAX or is_title(last) or is_org_head(last) or is_place_head(last)
    return False


def _trim_particles(run: list[Token]) -> list[Token]:
    """Drop particles and connectors dangling at the end of a run."""
    while run and run[-1].kind not in ("name", "acronym", "initial", "suffix"):
        run = run[:-1]
    return run
