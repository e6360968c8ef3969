"""Temporary re-export of the text model's names under their old events/ path.

Kept only so that branches written against the old path (issue 9's parallel work on
events/) still import after the merge; delete once nothing imports it. New code imports
from ``generator.text``; sentences come from ``generator.text.document.document``.
"""

from __future__ import annotations

from generator.text.document import HEADING, LIST, PROSE, TABLE, Sentence
from generator.text.normalise import lemma, normalise
from generator.text.tokens import TOKEN_RE, content_words, token_spans, tokens

__all__ = [
    "HEADING",
    "LIST",
    "PROSE",
    "TABLE",
    "TOKEN_RE",
    "Sentence",
    "content_words",
    "lemma",
    "normalise",
    "token_spans",
    "tokens",
]
