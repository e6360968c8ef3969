"""Cheap literal tests that rule a sentence out before a slower pattern is tried on it.

A pattern that can only match where one of a few words is written (case aside)
need not be run on a sentence that writes none of them: one lower-casing and a
few substring scans in C are far cheaper than a case-insensitive alternation
tried at every position. The test is exact: it never rules out a sentence the
pattern matches (tests check each guard against its pattern).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_FOLDED_TO_ASCII = ("İ", "ı", "ſ")
"""The characters ``re.IGNORECASE`` matches to an ASCII letter that ``str.lower`` does not
lower to it (found by trying every code point; a test keeps the list complete)."""


def may_contain(text: str, lowered: str, words: Iterable[str]) -> bool:
    """Whether ``text`` may write one of ``words`` in any case.

    Args:
        text: The text as written.
        lowered: ``text.lower()``.
        words: Lower-case words (or phrases) a case-insensitive pattern needs one of.

    Returns:
        False only when no case-insensitive match of any word can be in ``text``.
    """
    if any(word in lowered for word in words):
        return True
    return not text.isascii() and any(c in text for c in _FOLDED_TO_ASCII)


def any_may_contain(texts: Sequence[str], words: Iterable[str]) -> bool:
    """Whether one of ``texts`` may write one of ``words`` in any case (one test for all).

    Args:
        texts: Texts as written (an article's sentences).
        words: Lower-case words (or phrases) a case-insensitive pattern needs one of.

    Returns:
        False only when none of the texts can hold a match: most articles are ruled out
        whole, before any sentence is lower-cased.
    """
    joined = "\n".join(texts)
    return may_contain(joined, joined.lower(), words)
