"""The actor extraction's shortcuts compute exactly what the plain rules compute.

Each shortcut of the per-article name extraction (a pattern run on the last
words instead of the whole tail, the describing words read off the last few
words of their window, ...) is checked against the plain computation
it stands for: on hypothesis-generated text, and on every candidate of
``../shared/corpus/dev-events`` (skipped when absent). Equality only, never times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import generator.actors.candidates as candidates
import generator.actors.context as context
import generator.actors.extract as extract
import generator.text.tokens as tokens_module
from generator.actors.runs import runs
from generator.pipeline import Settings, read_articles
from generator.text.tokens import Token, name_tokens, tokenize
from tests.conftest import ROOT

DEV = ROOT.parent / "shared" / "corpus" / "dev-events"

# Words and separators that the patterns react to, white space of every kind
# that ``\s`` and ``str.split`` know, and filler to push words out of the tail.
_PIECES = st.sampled_from(
    [
        "the", "The", "THE", "a", "A", "an", "An", "of", "Of", "in", "on", "said",
        "west", "Iraq", "al-Asad", "O’Neil", "Reuters", "U.S.", "x", "2024", "_",
        ",", ", ", ".", "(", ")", "—", "-", "'", "’", " ", "  ", "\n", "\t",
        "\xa0", "\u2028", "\x1c", "\x85", "\u3000", "é", "ß", "İ", "K",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=120)


def _plain_search(pattern: re.Pattern[str], before: str) -> tuple[str | None, ...] | None:
    """The pattern searched over the whole tail, as the rule is written."""
    m = pattern.search(before[-candidates._TAIL :])
    return m.groups() if m else None


def _short_search(
    pattern: re.Pattern[str], before: str, count: int
) -> tuple[str | None, ...] | None:
    """The pattern searched over the last words only (the shortcut)."""
    m = pattern.search(candidates.tail_words(before, count))
    return m.groups() if m else None


_CAPITAL = re.compile(r"(?<=\s)[A-Z]")
_PATTERNS = ((candidates._PREV_WORD, 1), (candidates._LOCATIVE_WORD, 2), (candidates._BEFORE_OF, 2))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("Meanwhile, fighters of the ")
@example("he said in an ")
@example("west of ")
@example("x" * 100 + " in the ")
@example("y" * 85 + ", ")
@example("z" * 78 + " of ")
@example("in the\n")
def test_last_words_match_like_the_whole_tail(before: str) -> None:
    for pattern, count in _PATTERNS:
        assert _short_search(pattern, before, count) == _plain_search(pattern, before)


def _plain_left_words(text: str, limit: int, start: int) -> str:
    """context._left_words as first written: every word of the 120-character window."""
    before = text[max(limit, start - context._LEFT_CHARS) : start]
    if before and not before[-1].isspace():
        return ""
    tokens = context.LOOSE_WORD.findall(before)
    gaps = re.split(r"[\w'’.-]+", before)
    taken: list[str] = []
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 1 - context._MAX_LEFT), -1):
        word = tokens[i]
        if gaps[i + 1].strip() or word.lower().strip(".") in context.DESCRIPTOR_STOP:
            break
        if not any(c.isalpha() for c in word) or (word.islower() and word.endswith(("ed", "ing"))):
            break
        taken.append(word)
    if not taken or not context._describes(taken[0]):
        return ""
    return " ".join(reversed(taken))


# Words that describe a name (nouns, titles, possessives) and words that stop the walk.
_DESCRIBING = st.sampled_from(
    [
        "militant", "group", "Prime", "Minister", "leader", "Lebanon's", "Iran’s", "the",
        "of", "backed", "killing", "U.S.", "—", "-", "(", "2024", "x.y", "spokesman",
        "officials'", " ", "  ", "\n", "\xa0", "\u2028", ", ", ".",
    ]
)  # fmt: skip
_LEFT_TEXT = st.lists(_DESCRIBING, max_size=40).map(" ".join) | _TEXT


@settings(max_examples=400, deadline=None)
@given(_LEFT_TEXT, st.integers(0, 200))
@example("the Palestinian militant group ", 0)
@example("Hamas Palestinian militant group leader ", 0)
@example("(Reuters) Lebanon's ", 0)
@example("- said militant group ", 0)
def test_left_words_read_the_last_words_like_the_window(before: str, limit: int) -> None:
    text = before + "Hamas said."
    start = len(before)
    assert context._left_words(text, limit, start) == _plain_left_words(text, limit, start)


def _plain_name_tokens(text: str, start: int, end: int) -> list[Token]:
    """name_tokens as first written: every word of _TOKEN read in Python, places counted."""
    out: list[Token] = []
    places: list[int] = []
    for place, m in enumerate(tokens_module._TOKEN.finditer(text, start, end)):
        word, (first, last) = m.group(0), m.span()
        if re.search(r"['’\-‐‑]", word) is None and (last >= end or text[last] not in ".'’"):
            kind = tokens_module._kind(word)
            if place and kind in ("stop", "other") and word.islower() and word != "of":
                continue
            out.append(Token(word, first, last, kind))
        else:
            out.append(tokens_module._token(text, word, first, last, end))
        places.append(place)
    for i, token in enumerate(out):
        if token.kind == "stop" and token.text.isupper():
            beside = (j for j in (i - 1, i + 1) if 0 <= j < len(out))
            neighbours = [out[j] for j in beside if abs(places[j] - places[i]) == 1]
            out[i] = tokens_module._capital_stopword(token, neighbours)
    return out


def _bystander(token: Token) -> bool:
    """A plain lower-case word that takes no part in a name (what name_tokens leaves out)."""
    return token.kind in ("stop", "other") and token.text.islower() and token.text != "of"


def _same_runs(text: str, start: int, end: int) -> None:
    """name_tokens is tokenize less some bystanders, keeps the first, and gives the same runs."""
    every = tokenize(text, start, end)
    named = name_tokens(text, start, end)
    assert named == _plain_name_tokens(text, start, end)
    kept = set(named)
    assert [t for t in every if t in kept] == named
    assert all(t in kept for i, t in enumerate(every) if i == 0 or not _bystander(t))
    assert runs(text, named) == runs(text, every)


# Sentences with capitalised runs, particles, "of", suffixes, capital stopwords and shouting.
_SENTENCE_WORDS = st.sampled_from(
    [
        "The", "US", "U.S.", "IN", "THE", "NATO", "of", "Of", "al", "bin", "al-Asad", "Jr.",
        "jr.", "Bank", "Hamas", "Iran-backed", "Biden's", "militias'", "said", "the", "and",
        "J.", "2024", "3rd", "x", "x1", "jr", "ii", "de", "émigré", "abc_d", "İ", "BREAKING",
        "House", "Representatives", "Axis", "Resistance",
        ",", ".", "(", "-", "’s", "  ", "\n",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_SENTENCE_WORDS, max_size=30).map(" ".join) | _TEXT)
@example("US and THE US said")
@example("the US said IN US")
@example("House of Representatives")
@example("officials in the US of America said")
@example("the US émigré said US of al-Asad jr. US jr US, and the US")
@example("US x US of US ii US 3rd US abc_d US abcé US")
def test_name_tokens_give_the_runs_of_every_token(sentence: str) -> None:
    text = "Lead. " + sentence + " end"
    _same_runs(text, 6, len(text))


def _dev_befores() -> Iterator[str]:
    """The text before every capitalised word of dev-events, in its sentence."""
    articles, _, _ = read_articles(Settings(DEV))
    for article in articles:
        names = extract.scan(article.body, article.body_line)
        for span in names.sentences:
            for m in _CAPITAL.finditer(names.text, span.start, span.end):
                yield names.text[span.start : m.start()]


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev-events is not present")
def test_shortcuts_read_like_the_plain_rules_on_dev_events() -> None:
    articles, _, _ = read_articles(Settings(DEV))
    for article in articles:
        names = extract.scan(article.body, article.body_line)
        for span in names.sentences:
            _same_runs(names.text, span.start, span.end)
    seen = 0
    for before in _dev_befores():
        for pattern, count in _PATTERNS:
            assert _short_search(pattern, before, count) == _plain_search(pattern, before)
        text = before + "Name"
        assert context._left_words(text, 0, len(before)) == _plain_left_words(text, 0, len(before))
        seen += 1
    assert seen > 10_000
