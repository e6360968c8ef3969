"""Temporary re-export of :mod:`generator.text.lexicon` and :mod:`generator.text.calendar`.

Kept only so that branches written against the old path (issue 9's parallel work on
events/) still import after the merge; delete once nothing imports it. New code imports
from ``generator.text``.
"""

from __future__ import annotations

from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.lexicon import (
    ABBREVIATIONS,
    AUXILIARIES,
    CASUALTY_NOUNS,
    FUNCTION_WORDS,
    GENERIC_PEOPLE,
    INJURED_WORDS,
    IRREGULAR_PAST,
    IRREGULAR_PLURALS,
    KILLED_WORDS,
    MISSING_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    SCALES,
    SPEECH_VERBS,
    STOPWORDS,
    TENS,
    UNITS,
    VAGUE_QUANTITIES,
    word_set,
)

__all__ = [
    "ABBREVIATIONS",
    "AUXILIARIES",
    "CASUALTY_NOUNS",
    "FUNCTION_WORDS",
    "GENERIC_PEOPLE",
    "INJURED_WORDS",
    "IRREGULAR_PAST",
    "IRREGULAR_PLURALS",
    "KILLED_WORDS",
    "MISSING_WORDS",
    "MONTHS",
    "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE",
    "SCALES",
    "SPEECH_VERBS",
    "STOPWORDS",
    "TENS",
    "UNITS",
    "VAGUE_QUANTITIES",
    "WEEKDAYS",
    "word_set",
]
