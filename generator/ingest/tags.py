"""Declared tags, and the flags an article earns (AI-written, undated, …)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.ingest.fields import key_line
from generator.ingest.yaml_policy import yaml_kind
from generator.models import (
    Credit,
    Problem,
    Published,
    RawSeed,
    Severity,
)
from generator.text.blocks import Paragraph
from generator.text.normalise import plain
from generator.thresholds import METADATA_RULES as RULES

# "written entirely by AI.", "generated using ChatGPT", "This article is AI-generated."
# The AI must end the clause (or be followed by a tool word) so that "a study
# written by AI researchers" is not a disclosure; "AI" is matched case-sensitively
# so that a name such as "Ai Weiwei" is not either.
_AI_NAME = (
    r"(?:(?-i:AI|A\.I\.)|artificial intelligence|ChatGPT|GPT-?\d*|"
    r"an?\s+(?:(?-i:AI)\s+|large\s+)?language\s+model)"
)

_AI_DISCLOSURE = re.compile(
    r"\b(?:written|generated|produced|created|composed)\s+(?:\w+\s+){0,2}"
    r"(?:by|using|with)\s+(?:the\s+help\s+of\s+)?(?:an?\s+)?" + _AI_NAME + r"(?=\s*(?:[.,;:!?)]|$)"
    r"|\s+(?:and|or|tools?|models?|software|systems?|programs?|technology)\b)"
    r"|\b(?:is|was|are|were)\s+(?:\w+\s+)?(?-i:AI)[- ]generated\b",
    re.IGNORECASE,
)

# Disclosures sit at the start or the end of a text, not in the middle of a
# story about AI.


def declared_tags(seed: RawSeed, value: object, problems: list[Problem]) -> tuple[str, ...]:
    """The declared tags, normalised, with a warning for each that is not a word."""
    line = key_line(seed, "tags")
    if value is None:
        return ()
    if isinstance(value, str):
        msg = "'tags' should be a list; the text was split on commas."
        problems.append(Problem(seed.file, line, Severity.WARNING, "tags-not-list", msg))
        items: list[object] = list(value.split(","))
    elif isinstance(value, list):
        items = value
    else:
        msg = f"'tags' should be a list of words, not {yaml_kind(value)}; it was ignored."
        problems.append(Problem(seed.file, line, Severity.WARNING, "tags-type", msg))
        return ()
    tags: dict[str, None] = {}
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            msg = f"Ignored a tag that is not a word: {item!r}."
            problems.append(Problem(seed.file, line, Severity.WARNING, "tags-type", msg))
            continue
        tag = normalise_tag(str(item))
        if tag:
            tags[tag] = None
        elif isinstance(value, list):
            msg = f"Ignored an empty tag: {item!r}."
            problems.append(Problem(seed.file, line, Severity.WARNING, "tags-empty", msg))
    return tuple(tags)


def normalise_tag(raw: str) -> str:
    """Normalise a tag: lower case, single spaces, no markup characters.

    A leading ``#`` (a hashtag) and a lone trailing full stop are dropped; the
    dots of an abbreviation (``U.S.``) are kept.
    """
    cleaned = re.sub(r"[\[\]{}<>|`*_\\/]", " ", raw).replace("..", " ")
    cleaned = " ".join(cleaned.casefold().split()).lstrip("# ")
    if cleaned.endswith(".") and cleaned.count(".") == 1:
        cleaned = cleaned[:-1]
    return cleaned.strip()


def article_flags(
    seed: RawSeed,
    paras: Sequence[Paragraph],
    published: Published,
    publisher: str | None,
    credited: Sequence[Credit],
) -> tuple[str, ...]:
    """Machine-readable flags: ``ai-written``, ``no-metadata``, ``undated``, ``no-outlet``."""
    flags = []
    if has_ai_disclosure(paras):
        flags.append("ai-written")
    if seed.meta_origin is None:
        flags.append("no-metadata")
    if published.date is None:
        flags.append("undated")
    if publisher is None and not credited:
        flags.append("no-outlet")
    return tuple(flags)


def has_ai_disclosure(paras: Sequence[Paragraph]) -> bool:
    """Whether the opening or closing paragraphs say the text was written by AI."""
    texts = [p.text for p in paras if p.kind in ("text", "list")]
    head = RULES.disclosure_first_paragraphs
    edges = texts[:head] + texts[head:][-RULES.disclosure_last_paragraphs :]
    return any(_AI_DISCLOSURE.search(plain(text)) for text in edges)
