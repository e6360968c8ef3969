"""Counts in words: "1 article", "2 articles" (never "article(s)")."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """A count with the right form of its noun: "1 article", "2 articles".

    Args:
        count: How many.
        noun: The singular.
        many: The plural when not ``noun`` + "s".

    Returns:
        The count and the right form of the noun.
    """
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"
