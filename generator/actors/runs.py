"""Runs of capitalised words: the raw material of discovered names."""

from __future__ import annotations

import re

from generator.text.document import CharSpan
from generator.text.lexicon import NAME_PARTICLES, QUOTED_CONNECTORS
from generator.text.tokens import Token, is_org_head, is_place_head, is_title, tokenize

_QUOTE = re.compile(r"[“\"]([^”\"\n]{2,80})[”\"]")
_QUOTED_MAX_WORDS = 6
# "of" joins short names ("Axis of Resistance", "Pacific Ring of Fire"); after
# longer ones it more often starts a phrase ("Debbie Wasserman Schultz of Florida").
_OF_MAX = 2
_QUOTED_SMALL = QUOTED_CONNECTORS | NAME_PARTICLES


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


def quoted_runs(text: str, span: CharSpan) -> list[list[Token]]:
    """Return quoted names that may contain small words ("Islamic Resistance in Iraq")."""
    out = []
    for m in _QUOTE.finditer(text, span.start, span.end):
        inner = m.group(1).rstrip(" ,.;:!?")
        tokens = tokenize(text, m.start(1), m.start(1) + len(inner))
        if _is_quoted_name(tokens):
            out.append(tokens)
    return out


def _is_quoted_name(tokens: list[Token]) -> bool:
    """Return True when quoted words form a Title Case name."""
    if not tokens or len(tokens) > _QUOTED_MAX_WORDS:
        return False
    if tokens[0].kind != "name" or tokens[-1].kind != "name" or tokens[-1].breaks:
        return False
    names = [t for t in tokens if t.kind == "name"]
    small = [t for t in tokens if t.kind != "name"]
    if any(t.text.isupper() for t in names):
        return False
    return len(names) >= 2 and all(t.lower in _QUOTED_SMALL for t in small)


def inside_any(run: list[Token], quoted: list[list[Token]]) -> bool:
    """Return True when ``run`` lies within one of the quoted runs."""
    return any(q[0].start <= run[0].start and run[-1].end <= q[-1].end for q in quoted)
