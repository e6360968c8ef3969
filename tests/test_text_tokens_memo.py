"""The memoised token views of normalised text equal the plain pattern, however they are reached.

:func:`tokens`, :func:`token_spans` and :func:`content_words` keep short texts
in caches that share work (a sentence's content words no longer go through its
token spans); whatever the order of the calls and the length of the text, each
returns what ``TOKEN_RE`` gives on its own.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import generator.text.tokens as module
from generator.text.tokens import TOKEN_RE, content_words, token_spans, tokens

_WORDS = st.sampled_from(
    [
        "The", "attacks", "on", "air", "bases", "U.S.", "AC-130s", "170,000", "3rd",
        "Iran-backed", "militias'", "don’t", "-", ".", ",", " ", "  ", "\n", "é", "x",
    ]
)  # fmt: skip
_TEXTS = st.lists(_WORDS, max_size=60).map(" ".join) | st.text(max_size=80)


def _plain_content_words(text: str) -> list[str]:
    return [word for tok in TOKEN_RE.findall(text) for word in module._token_content(tok)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["words", "spans", "content"]), _TEXTS), max_size=8))
def test_each_view_equals_the_plain_pattern_in_any_order(calls: list[tuple[str, str]]) -> None:
    for view, text in calls:
        if view == "words":
            assert tokens(text) == TOKEN_RE.findall(text)
        elif view == "spans":
            assert token_spans(text) == [m.span() for m in TOKEN_RE.finditer(text)]
        else:
            assert content_words(text) == _plain_content_words(text)


@settings(max_examples=30, deadline=None)
@given(st.lists(_WORDS, max_size=300).map(lambda words: " ".join(words) + " filler" * 400))
def test_long_texts_are_read_the_same(text: str) -> None:
    assert len(text) > module._CACHED_TEXT_LENGTH
    assert content_words(text) == _plain_content_words(text)
    assert tokens(text) == TOKEN_RE.findall(text)
    assert token_spans(text) == [m.span() for m in TOKEN_RE.finditer(text)]
