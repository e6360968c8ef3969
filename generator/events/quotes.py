"""Quotations, and the same statement quoted with different words by different articles."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from generator.events.document import Doc
from generator.events.lexicon import STOPWORDS
from generator.events.model import Conflict, ConflictSide, Quote
from generator.events.text import HEADING, TABLE

QUOTE_MIN_WORDS = 6
"""Quotations shorter than this many words are not compared."""

QUOTE_MIN_SHARED = 6
"""Two quotations render the same statement when they share at least this many words in order..."""

QUOTE_MIN_COVER = 0.6
"""... covering at least this share of the shorter one."""

QUOTE_MAX_CHANGE = 3
"""A wording difference is reported when at most this many words replace as many others."""

QUOTE_ANCHOR = 2
"""The changed words must sit between runs of at least this many identical words."""

QUOTE_SPELLING_RATIO = 80
"""Replacements this similar (rapidfuzz ratio, 0-100) are spelling variants, not rewording."""

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")
_CONTEXT = 4


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage.

    Attributes:
        article_id: The article quoting it.
        text: The words inside the quotation marks.
        words: Its words, as written.
        sentence: The sentence where the quotation starts.
        line: 1-based line of that sentence.
    """

    article_id: str
    text: str
    words: tuple[str, ...]
    sentence: str
    line: int


def find_quotations(doc: Doc) -> list[Quotation]:
    """Find the quotations of one article (double quotes; single quotes around a sentence).

    Args:
        doc: The prepared article.

    Returns:
        Quotations in reading order.
    """
    out: list[Quotation] = []
    by_paragraph: dict[int, list[int]] = defaultdict(list)
    for sentence in doc.sentences:
        if sentence.kind not in (HEADING, TABLE):
            by_paragraph[sentence.paragraph].append(sentence.index)
    for indexes in by_paragraph.values():
        text, starts = _paragraph(doc, indexes)
        for start, end in _spans(text):
            inner = text[start:end].strip(" ,.;:")
            words = tuple(_WORD.findall(inner))
            if len(words) < QUOTE_MIN_WORDS:
                continue
            owner = max((s for s in starts if s[0] <= start), key=lambda s: s[0])
            sentence = doc.sentences[owner[1]]
            out.append(Quotation(doc.id, inner, words, sentence.text, sentence.line))
    return out


def _paragraph(doc: Doc, indexes: Sequence[int]) -> tuple[str, list[tuple[int, int]]]:
    """Join a paragraph's normalised sentences; return the text and (offset, sentence index)."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    offset = 0
    for index in indexes:
        starts.append((offset, index))
        parts.append(doc.sentences[index].norm)
        offset += len(parts[-1]) + 1
    return (" ".join(parts), starts)


def _spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotes, and inside single quotes closing after punctuation."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in re.finditer('"', text):
        at = match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if opened is None:
            if before.isspace() or before in "([—-" or at == 0:
                opened = at + 1
            continue
        if after.isspace() or after in ".,;:!?)—" or not before.isspace():
            spans.append((opened, at))
            opened = None
    spans.extend(m.span(1) for m in re.finditer(r"(?:^|\s)'([A-Z][^']{20,}?[.,!?])'(?=\s|$)", text))
    return sorted(spans)


def quote_conflicts(quotations: Sequence[Quotation]) -> list[Conflict]:
    """Find statements that different articles quote with different words.

    Args:
        quotations: Quotations of every article of one event.

    Returns:
        One conflict per differently worded passage, with every version and its articles.
    """
    variants: dict[tuple[str, ...], dict[str, list[tuple[Quotation, str]]]] = {}
    ordered = sorted(quotations, key=lambda q: (q.article_id, q.line, q.text))
    content = [frozenset(w.lower() for w in q.words) - STOPWORDS for q in ordered]
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if a.article_id == b.article_id or len(content[i] & content[j]) < QUOTE_MIN_SHARED // 2:
                continue
            for left, right in _differences(a, b):
                key = tuple(sorted((left.lower(), right.lower())))
                sides = variants.setdefault(key, {})
                sides.setdefault(left.lower(), []).append((a, _excerpt(a, left)))
                sides.setdefault(right.lower(), []).append((b, _excerpt(b, right)))
    return [_conflict(sides) for _, sides in sorted(variants.items())]


def _differences(a: Quotation, b: Quotation) -> list[tuple[str, str]]:
    """Word runs that replace each other inside two renderings of one statement."""
    wa = [w.lower().strip(".'’") for w in a.words]
    wb = [w.lower().strip(".'’") for w in b.words]
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < QUOTE_MIN_SHARED or shared < QUOTE_MIN_COVER * min(len(wa), len(wb)):
        return []
    out: list[tuple[str, str]] = []
    opcodes = matcher.get_opcodes()
    for position, (tag, a1, a2, b1, b2) in enumerate(opcodes):
        if tag != "replace" or max(a2 - a1, b2 - b1) > QUOTE_MAX_CHANGE:
            continue
        if not _anchored(opcodes, position):
            continue
        left, right = " ".join(a.words[a1:a2]), " ".join(b.words[b1:b2])
        if fuzz.ratio(left.lower(), right.lower()) >= QUOTE_SPELLING_RATIO:
            continue
        if not (set(wa[a1:a2]) | set(wb[b1:b2])) - STOPWORDS:
            continue
        out.append((left, right))
    return out


def _anchored(opcodes: Sequence[tuple[str, int, int, int, int]], position: int) -> bool:
    """Whether a replacement sits between two runs of at least ``QUOTE_ANCHOR`` equal words."""
    if position == 0 or position + 1 >= len(opcodes):
        return False
    before, after = opcodes[position - 1], opcodes[position + 1]
    return all(op[0] == "equal" and op[2] - op[1] >= QUOTE_ANCHOR for op in (before, after))


def _excerpt(quote: Quotation, words: str) -> str:
    """A few words either side of ``words`` inside the quotation."""
    target = words.split()
    for start in range(len(quote.words) - len(target) + 1):
        if list(quote.words[start : start + len(target)]) == target:
            lo = max(0, start - _CONTEXT)
            hi = min(len(quote.words), start + len(target) + _CONTEXT)
            prefix = "…" if lo else ""
            suffix = "…" if hi < len(quote.words) else ""
            return prefix + " ".join(quote.words[lo:hi]) + suffix
    return quote.text


def _conflict(sides: dict[str, list[tuple[Quotation, str]]]) -> Conflict:
    """Build the conflict for one wording difference."""
    built: list[ConflictSide] = []
    for variant in sorted(sides, key=lambda v: (-len({q.article_id for q, _ in sides[v]}), v)):
        seen: dict[str, tuple[Quotation, str]] = {}
        for quote, excerpt in sides[variant]:
            seen.setdefault(quote.article_id, (quote, excerpt))
        ids = tuple(sorted(seen))
        built.append(
            ConflictSide(
                value=f"“{seen[ids[0]][1]}”",
                article_ids=ids,
                quotes=tuple(Quote(i, seen[i][0].sentence, seen[i][0].line) for i in ids),
            )
        )
    words = " vs ".join(f"“{v}”" for v in sorted(sides))
    summary = (
        f"The same statement is quoted with different words ({words}): "
        + "; ".join(f"{', '.join(s.article_ids)} quote {s.value}" for s in built)
        + "."
    )
    return Conflict(kind="quote", fact_key=None, summary=summary, sides=tuple(built))
