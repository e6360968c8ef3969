"""Plurals: counts in words, English plurals, and telling a plural noun.

The singular of a word (for matching) is :func:`generator.text.normalise.lemma`.
The inflect library was measured as the alternative: its singular_noun took 8 s for
50,000 words of dev-events (the whole export takes about 19 s), and it answers
differently where the comparisons rely on today's answers ("crisis" → "crisi",
"data" → "datum", "people" → "person"), so it is not used.
"""

from __future__ import annotations

from generator.text.lexicon import IRREGULAR_PLURALS


def plural_of(noun: str) -> str:
    """A plain English plural: "city" → "cities", "match" → "matches", "article" → "articles"."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """A count with the right form of its noun: "1 article", "2 articles".

    Args:
        count: How many.
        noun: The singular.
        many: The plural when not :func:`plural_of` ``noun``.

    Returns:
        The count and the right form of the noun.
    """
    return f"{count:,} {noun if count == 1 else (many or plural_of(noun))}"


def looks_plural(word: str) -> bool:
    """Whether a word looks like a plural noun ("people", "attacks"; not "status", "Iris")."""
    low = word.lower()
    return low in IRREGULAR_PLURALS or (
        word.islower() and low.endswith("s") and not low.endswith(("ss", "us", "'s"))
    )
