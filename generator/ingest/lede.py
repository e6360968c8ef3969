"""The opening of an article: photo captions, headlines and the lede paragraph."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.text.blocks import Paragraph
from generator.text.lexicon import alternation
from generator.text.phrasewords import LEDE_ATTRIBUTION_WORDS
from generator.text.sentences import sentences
from generator.thresholds import METADATA_RULES as RULES

# Photo captions: "AIN AL-ASAD. Military vehicles … are seen …", "FILE PHOTO: …".
# Only short paragraphs qualify (see is_caption), so a lede that merely says
# someone "is seen as" something is not mistaken for a caption.
_CAPTION_PATTERNS = (
    re.compile(r"^[A-Z][A-Z0-9 '’,-]{2,}\.\s+[A-Z]"),
    re.compile(r"^(?:file\s+)?photo\b|^\(?photo:", re.IGNORECASE),
    re.compile(r"\b(?:is|are) (?:seen|pictured|shown)\b(?!\s+(?:as|to)\b)"),
    re.compile(r"\((?:photo|picture|image)\b[^)]*\)\s*$", re.IGNORECASE),
)

# "WASHINGTON (Reuters) - …", "KUALA LUMPUR, Malaysia (AP) — …", "(CNN) — …":
# an upper-case place and/or a wire in brackets, then a dash.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’/-]{2,}[A-Z](?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*)?)?\s*"
    r"(?:\((?P<wire>[A-Z][\w .&-]{1,30})\))?\s*[-–—]{1,2}\s+"
)


def is_caption(text: str) -> bool:
    """Whether a paragraph reads like a photo caption rather than prose.

    A caption is short (at most two sentences) and has a caption's shape: an
    upper-case place then a full stop, "FILE PHOTO", "… are seen …", or a
    bracketed photo credit at the end.
    """
    too_long = len(text.split()) > RULES.caption_max_words
    if too_long or len(sentences(text)) > RULES.caption_max_sentences:
        return False
    return any(p.search(text) for p in _CAPTION_PATTERNS)


def is_prose(para: Paragraph) -> bool:
    """Whether a paragraph is running text rather than a caption, heading, list or table."""
    return para.kind == "text" and not is_caption(para.text)


def find_lede(paras: Sequence[Paragraph]) -> int | None:
    """Index of the first prose paragraph that is not a caption or a headline."""
    for index, para in enumerate(paras):
        if not is_prose(para):
            continue
        if is_headline(para.text) and index + 1 < len(paras):
            continue
        return index
    return None


# Ledes attribute ("…, officials said."); headlines do not.
_ATTRIBUTION = re.compile(r"\b" + alternation(LEDE_ATTRIBUTION_WORDS) + r"\b", re.I)


def is_headline(text: str) -> bool:
    """A short single sentence without attribution: a headline, not a one-line lede."""
    return (
        len(sentences(text)) == 1
        and len(text.split()) <= RULES.headline_max_words + 4
        and not _ATTRIBUTION.search(text)
    )
