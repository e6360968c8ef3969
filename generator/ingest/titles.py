"""An article's title: declared, a heading, a headline line, or made from the lede."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator.ingest.fields import key_line
from generator.ingest.lede import DATELINE, is_headline, is_prose
from generator.ingest.yaml_policy import yaml_kind
from generator.models import (
    Origin,
    Problem,
    RawSeed,
    Severity,
)
from generator.text.blocks import Paragraph
from generator.text.lexicon import alternation
from generator.text.normalise import plain
from generator.text.phrasewords import LEADING_ATTRIBUTION_WORDS
from generator.text.sentences import sentences
from generator.thresholds import METADATA_RULES as RULES

_INTRO_CLAUSE = re.compile(
    r"^(?:In|At|On|After|Amid|Following|According to|As|With|During|Despite|Under)\b"
    r"[^,]{0,80},(?!\s*\d)\s*"
)

_PARTICIPLE_CLAUSE = re.compile(r"^[a-z]+(?:ed|ing)\b[^,]{0,60},(?!\s*\d)\s*")

# A comma between digits is a tokenised thousands separator ("12, 000"), not a break.
_CLAUSE_BREAK = re.compile(r"(?<!\d),\s+|,\s+(?!\d)|\s+[—–-]\s+|;\s+")

_QUOTE_PAIRS = (("(", ")"), ("“", "”"), ("[", "]"))


def infer_title(
    seed: RawSeed,
    meta: Mapping[str, Any],
    paras: Sequence[Paragraph],
    lede_index: int | None,
    problems: list[Problem],
) -> tuple[str, Origin]:
    """The title: declared, else a leading heading or headline line, else made from the lede."""
    declared = meta.get("title")
    if isinstance(declared, str) and declared.strip():
        # A declared title is text, not Markdown: "7*7" stays "7*7".
        return clean_title(declared, markdown=False), Origin.FRONT_MATTER
    if declared is not None:
        msg = f"'title' should be text, not {yaml_kind(declared)}; it was ignored."
        line = key_line(seed, "title")
        problems.append(Problem(seed.file, line, Severity.WARNING, "title-type", msg))
    # A heading is the title only when it comes before the story starts; a
    # "## Background" further down names a section, not the article.
    for index, para in enumerate(paras):
        if para.kind == "heading":
            return clean_title(para.text), Origin.HEADING
        if not is_prose(para):
            continue
        if is_headline(para.text) and index + 1 < len(paras):
            return clean_title(para.text), Origin.TEXT
        break
    if lede_index is not None:
        return headline_from_lede(paras[lede_index].text), Origin.LEDE
    return seed.id, Origin.FILE_NAME


def clean_title(text: str, *, markdown: bool = True) -> str:
    """Plain-text title: no angle brackets, no trailing full stop.

    Args:
        text: The title as found.
        markdown: Whether ``text`` is Markdown (a heading, a lede) whose links and
            emphasis are stripped; a declared title is taken as plain text.
    """
    text = plain(text) if markdown else " ".join(text.split())
    text = text.replace("<", "").replace(">", "")
    text = text.rstrip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text.strip() or "Untitled"


def headline_from_lede(lede: str) -> str:
    """Derive a short headline from the lede's first sentence.

    Drops a dateline ("WASHINGTON (Reuters) -") and introductory clauses ("In
    a recent development, …"), then keeps the main clause up to the first
    clause break that leaves enough words and balanced brackets, capped in
    length (the title rules of :class:`~generator.thresholds.MetadataRules`).
    """
    text = plain(lede)
    sentence = (sentences(text) or [text])[0]
    sentence = _strip_dateline(sentence)
    sentence = _strip_attribution(sentence)
    sentence = _strip_intro(sentence)
    sentence = _main_clause(sentence)
    tokens = sentence.split()
    if len(tokens) > RULES.headline_max_words:
        sentence = " ".join(tokens[: RULES.headline_max_words]).rstrip(",;:") + "…"
    sentence = sentence[:1].upper() + sentence[1:]
    return clean_title(sentence)


# "Traders said on Tuesday, March 5, that prices rose" → "prices rose".
_LEADING_ATTRIBUTION = re.compile(
    r"^[^,.]{1,60}?\b" + alternation(LEADING_ATTRIBUTION_WORDS) + r"\b[^.]{0,60}?\bthat\s+"
)


def _strip_attribution(text: str) -> str:
    match = _LEADING_ATTRIBUTION.match(text)
    if match and len(text[match.end() :].split()) >= RULES.headline_min_words:
        return text[match.end() :]
    return text


def _strip_dateline(text: str) -> str:
    match = DATELINE.match(text)
    if match and (match.group("place") or match.group("wire")):
        rest = text[match.end() :]
        if len(rest.split()) >= RULES.headline_min_words:
            return rest
    return text


def _strip_intro(text: str) -> str:
    for _ in range(3):
        stripped = _PARTICIPLE_CLAUSE.sub("", _INTRO_CLAUSE.sub("", text, count=1), count=1)
        if stripped == text or len(stripped.split()) < RULES.headline_min_words:
            break
        text = stripped
    return text


def _main_clause(text: str) -> str:
    for match in _CLAUSE_BREAK.finditer(text):
        head = text[: match.start()]
        if len(head.split()) >= RULES.headline_min_words and _balanced(head):
            return head
    return text


def _balanced(text: str) -> bool:
    pairs = all(text.count(a) == text.count(b) for a, b in _QUOTE_PAIRS)
    return pairs and text.count('"') % 2 == 0
