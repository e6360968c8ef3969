"""Quotations, and the same statement quoted with different words by different articles."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from generator.events.document import Doc
from generator.events.model import Conflict, ConflictSide, Quote
from generator.text.document import HEADING, TABLE
from generator.text.lexicon import STOPWORDS, UNITS
from generator.text.phrasewords import CONTRACTIONS, HEDGES, IRREGULAR_CONTRACTIONS

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


_DOUBLE = re.compile('"')
_SINGLE = re.compile(r"(?:^|\s)'([A-Z][^']{20,}?[.,!?])'(?=\s|$)")


def _spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotes, and inside single quotes closing after punctuation."""
    spans: list[tuple[int, int]] = []
    if '"' not in text and "'" not in text:
        return spans  # most paragraphs quote nobody
    opened: int | None = None
    for match in _DOUBLE.finditer(text):
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
    spans.extend(m.span(1) for m in _SINGLE.finditer(text))
    return sorted(spans)


def quote_conflicts(quotations: Sequence[Quotation], order: Sequence[str] = ()) -> list[Conflict]:
    """Find statements that different articles quote with different words.

    Quotations are compared after folding what does not change a statement:
    contractions ("don't", "do not"), dotted initials ("F.B.I.", "FBI"), number
    words ("one-in-three", "1 in 3"), punctuation and spelling variants. Quotations
    of one statement are grouped; each group's versions become the sides.

    Args:
        quotations: Quotations of every article of one event.
        order: Member ids in report order (sides follow it); id order when empty.

    Returns:
        One conflict per statement quoted in more than one version.
    """
    rank = {a: n for n, a in enumerate(order)}
    ordered = sorted(
        quotations, key=lambda q: (rank.get(q.article_id, len(rank)), q.article_id, q.line, q.text)
    )
    folded = [fold_words(_WORD.findall(_plain_times(q.text))) for q in ordered]
    content = [frozenset(w for w in f if w not in STOPWORDS) for f in folded]
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if a.article_id == ordered[j].article_id:
                continue
            if len(content[i] & content[j]) < QUOTE_MIN_SHARED // 2:
                continue
            if _aligned(folded[i], folded[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        groups[find(i)].append(i)
    out: list[Conflict] = []
    for members in groups.values():
        # A group can chain several statements (one quotation overlapping two others):
        # take the statement of the earliest report's longest rendering, then the rest.
        remaining = list(members)
        while len(remaining) > 1:
            first = ordered[remaining[0]].article_id
            ref = max(
                remaining,
                key=lambda i: (ordered[i].article_id == first, len(folded[i]), -i),
            )
            best: dict[str, tuple[float, int]] = {}
            for i in remaining:
                if ordered[i].article_id == ordered[ref].article_id:
                    continue
                if not _aligned(folded[ref], folded[i]):
                    continue
                ratio = SequenceMatcher(None, folded[ref], folded[i], autojunk=False).ratio()
                held = best.get(ordered[i].article_id)
                if held is None or ratio > held[0]:
                    best[ordered[i].article_id] = (ratio, i)
            # One rendering per article: the one closest to the reference.
            sub = [ref, *sorted(i for _, i in best.values())]
            conflict = _statement_conflict([ordered[i] for i in sub], [folded[i] for i in sub])
            if conflict is not None:
                out.append(conflict)
            remaining = [i for i in remaining if i not in sub]
    return out


_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_CLOCK = re.compile(r"\b(\d{1,2})(?::|\.)?(\d{2})?\s*([ap])\.?m\.?(?![a-z])", re.IGNORECASE)
_COLON_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")
_ZONE_TIME = re.compile(r"\b([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|UTC|Z)\b)")
_ZONES = re.compile(r"\b(?:GMT|UTC|[ECMP][SD]T|BST|CET|IST)\b")


def _plain_times(text: str) -> str:
    """Quotation text with asides dropped and clock times in one 24-hour form.

    "(its direction)" is the reporter's, not the speaker's; "6:41pm PST", "18:41"
    and "0241 GMT" are the same times written differently.
    """

    def clock(match: re.Match[str]) -> str:
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        return f" t{hour:02d}{match.group(2) or '00'} "

    out = _ASIDE.sub(" ", text)
    out = _CLOCK.sub(clock, out)
    out = _ZONE_TIME.sub(lambda m: f" t{m.group(1)}{m.group(2)} ", out)
    out = _COLON_TIME.sub(lambda m: f" t{int(m.group(1)):02d}{m.group(2)} ", out)
    return _ZONES.sub(" ", out)


def fold_words(words: Sequence[str]) -> tuple[str, ...]:
    """Words of a quotation with contractions, initials, numbers and hyphens folded.

    Args:
        words: The words as written.

    Returns:
        Lower-case words that compare equal when only the writing differs.
    """
    return tuple(folded for word in words for folded in _fold_word(word))


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]?")


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> tuple[str, ...]:
    """One word of a quotation folded (see :func:`fold_words`); memoised, words recur."""
    low = word.lower().replace("’", "'").strip(".'")
    low = low.replace(".", "") if _INITIALS.fullmatch(low + ".") else low
    if low in IRREGULAR_CONTRACTIONS:
        return tuple(IRREGULAR_CONTRACTIONS[low])
    for ending, expansion in CONTRACTIONS.items():
        if low.endswith(ending) and len(low) > len(ending):
            return (low[: -len(ending)], *expansion)
    return tuple(str(UNITS[part]) if part in UNITS else part for part in low.split("-") if part)


def _aligned(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two folded quotations render one statement."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= QUOTE_MIN_SHARED and shared >= QUOTE_MIN_COVER * min(len(a), len(b))


def _interior_changes(a: Sequence[str], b: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Changes between two renderings, inside the stretch both quote (ends cut are not changes)."""
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    equal = [n for n, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return ()
    out: list[tuple[str, str]] = []
    for tag, a1, a2, b1, b2 in ops[equal[0] + 1 : equal[-1]]:
        if tag == "equal":
            continue
        left, right = " ".join(a[a1:a2]), " ".join(b[b1:b2])
        if tag == "replace" and fuzz.ratio(left, right) >= QUOTE_SPELLING_RATIO:
            continue
        if _only_hedged([*a[a1:a2], *b[b1:b2]]):
            continue
        out.append((left, right))
    return tuple(out)


def _only_hedged(words: Sequence[str]) -> bool:
    """Whether a change adds or drops a hedge and nothing but function words around it.

    "It's just that it was much better" and "It was better" say one thing; "wall or
    steel barrier" and "wall or a steel barrier" differ by a word with no hedge, which
    is still a change.
    """
    # "it's" (it is / it has) is function words too.
    return any(w in HEDGES for w in words) and all(
        w in HEDGES or w.split("'")[0] in STOPWORDS for w in words
    )


def _statement_conflict(
    quotes: Sequence[Quotation], folded: Sequence[tuple[str, ...]]
) -> Conflict | None:
    """The versions of one statement, when the articles quote it differently."""
    if len({q.article_id for q in quotes}) < 2:
        return None
    ref = 0  # the caller puts the reference rendering first
    versions: dict[tuple[tuple[str, str], ...], list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        if i == ref:
            versions[()].append(i)
        elif _aligned(folded[ref], folded[i]):
            versions[_interior_changes(folded[ref], folded[i])].append(i)
    if len(versions) < 2:
        return None
    built: list[ConflictSide] = []
    taken: set[str] = set()
    for change in sorted(versions, key=lambda c: (c != (), min(versions[c]))):
        seen: dict[str, Quotation] = {}
        for i in versions[change]:
            if quotes[i].article_id not in taken:
                seen.setdefault(quotes[i].article_id, quotes[i])
        if not seen:
            continue
        taken.update(seen)
        first = next(iter(seen.values()))
        built.append(
            ConflictSide(
                value=f"“{first.text}”",
                article_ids=tuple(seen),
                quotes=tuple(Quote(i, q.sentence, q.line) for i, q in seen.items()),
            )
        )
    if len(built) < 2:
        return None
    summary = (
        "The same statement is quoted in different words: "
        + "; ".join(f"{', '.join(s.article_ids)} quote {s.value}" for s in built)
        + "."
    )
    return Conflict(kind="quote", fact_key=None, summary=summary, sides=tuple(built))
