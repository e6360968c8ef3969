"""Words that shape phrases: links inside names, clause openers and ends, roles, hedges.

Generic English word classes the wording and phrase readers use to find where
a description, a title or a quoted clause starts and stops. The general classes
(function words, auxiliaries, speech verbs) live in
:mod:`generator.text.lexicon`.
"""

from __future__ import annotations

from generator.text.lexicon import word_set

TITLE_LINKS: frozenset[str] = word_set("of the and a for in on")
"""Small words allowed inside a capitalised title ("Department of the Interior")."""

DETAIL_LINKS: frozenset[str] = frozenset(
    {"of", "to", "the", "a", "an", "in", "on", "for", "with", "by", "at"}
)
"""Small words that link the words of a detail and carry no content of their own."""

CREDIT_NAME_LINKS: frozenset[str] = frozenset(
    {"of", "the", "and", "&", "de", "la", "le", "el", "al"}
)
"""Lower-case words allowed inside a credited source's name ("Al Jazeera", "Voice of America")."""

ARTICLES_AND_POSSESSIVES: frozenset[str] = word_set("a an the her his its their")
"""Articles and possessive determiners that may stand before a measured noun."""

DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its"}
)
"""Determiners that open a noun phrase."""

CLAUSE_OPENERS: frozenset[str] = word_set(
    "in on at after before during amid following despite since until while as with"
)
"""Prepositions and conjunctions that open an introductory clause."""

DESCRIPTOR_OPENERS: frozenset[str] = frozenset(
    {"the", "a", "an", "former", "his", "her", "its", "their"}
)
"""Words that open a descriptor after a name ("Smith, the former minister").

Kept apart from :data:`generator.text.lexicon.APPOSITIVE_OPENERS`, which also
holds honorifics: the wording reader would then take "Mr." as a descriptor.
"""

CLAUSE_END: frozenset[str] = frozenset(
    {",", ";", ".", ":", "(", ")", '"', "!", "?", "—", "–", "which", "who", "that"}
)
"""Tokens that end a phrase: punctuation and relative pronouns."""

LOCATIVES: frozenset[str] = frozenset(
    {"in", "at", "near", "across", "inside", "throughout", "outside"}
)
"""Prepositions that introduce a place."""

ROLE_WORDS: frozenset[str] = word_set(
    "president prime minister secretary chairman chairwoman chair spokesman spokeswoman "
    "spokesperson general gen senator sen representative rep governor gov mayor director chief "
    "head leader official commander ambassador king queen prince judge attorney counsel deputy "
    "former founder manager adviser advisor lawyer doctor dr mr mrs ms sheikh cleric colonel"
)
"""Titles and roles that make the words before a name a descriptor."""

HEDGES: frozenset[str] = word_set(
    "just much very really quite simply actually truly rather pretty totally absolutely "
    "certainly definitely even"
)
"""Degree adverbs and hedges: they stress or soften what is said without changing it."""

CONTRACTIONS: dict[str, list[str]] = {
    "n't": ["not"],
    "'re": ["are"],
    "'m": ["am"],
    "'ll": ["will"],
    "'ve": ["have"],
    "'d": ["would"],
}
"""Contracted endings and the words they stand for."""

IRREGULAR_CONTRACTIONS: dict[str, list[str]] = {
    "won't": ["will", "not"],
    "can't": ["can", "not"],
    "cannot": ["can", "not"],
    "shan't": ["shall", "not"],
    "let's": ["let", "us"],
}
"""Whole contracted words whose parts are not a stem plus an ending."""

WORD_FORM_SUFFIXES: frozenset[str] = frozenset(
    {"", "s", "es", "n", "ns", "an", "ans", "ian", "ians", "ic", "ics", "ish", "ese", "i", "is"}
    | {"ain", "ist", "ists", "ism", "al", "ern", "er", "ers", "ite", "ites"}
)
"""Endings that make another form of one stem (Democrat/Democratic, Britain/British)."""

LEDE_ATTRIBUTION_WORDS: tuple[str, ...] = (
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "according to",
    "stated",
    "confirmed",
)
"""Words of reported speech: a paragraph with one is prose, not a headline or caption.

Kept apart from :data:`generator.text.lexicon.SPEECH_VERBS` (a different set):
using that list would change which paragraphs count as prose.
"""

LEADING_ATTRIBUTION_WORDS: tuple[str, ...] = (
    "said",
    "says",
    "told",
    "reported",
    "announced",
    "confirmed",
)
"""Speech verbs of a lead-in ("X said on Monday that ...") cut from a title taken from prose."""

CAPITALISED_NON_NAMES: frozenset[str] = word_set("the and but mr mrs ms dr sen rep gov president")
"""Words often capitalised that are not names (sentence openers, titles), as keys."""
