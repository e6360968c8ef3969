"""The words around a number: the counted noun phrase, its measure and its clause.

"at least 66 attacks against U.S. forces in Iraq": the chunk "attacks", the
measure (killed, injured, missing, or a plain count), the clause after it
("against U.S. forces in Iraq"), its place words ({iraq}) and the lead-in.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

from generator.events.numbers import Quantity
from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.factwords import HARM_MEASURES, UNITS_AFTER_NUMBER, UNITS_BEFORE_NUMBER
from generator.text.lexicon import (
    AUXILIARIES,
    CASUALTY_NOUNS,
    FUNCTION_WORDS,
    GENERIC_PEOPLE,
    INJURED_WORDS,
    IRREGULAR_PAST,
    KILLED_WORDS,
    MISSING_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    UNITS,
)
from generator.text.normalise import lemma
from generator.text.phrasewords import CLAUSE_END, LOCATIVES
from generator.text.plurals import looks_plural as _plural
from generator.text.tokens import content_words

_ATTRIBUTION = SPEECH_VERBS
_MAX_CHUNK = 4
_MAX_AFTER = 9
_MAX_BEFORE = 6
PEOPLE = "people"


def claim_words(text: str) -> list[str]:
    """Content lemmas for comparing claims.

    Harm words are folded to their measure, number words to digits, and each pair of
    adjacent words is also joined ("air base" → "airbase") so compounds match.
    """
    return list(_claim_words(text))


@functools.lru_cache(maxsize=1 << 16)
def _claim_words(text: str) -> tuple[str, ...]:
    # Memoised: a sentence's words are read by every claim window it falls in.
    words = [_fold(w) for w in content_words(text)]
    joined = [
        a + b
        for a, b in itertools.pairwise(words)
        if a.isalpha() and b.isalpha() and not {a, b} & HARM_MEASURES
    ]
    return (*words, *joined)


def _fold(word: str) -> str:
    """Fold one lemma: harm words to their measure, number words to digits."""
    harm = harm_of(word)
    if harm:
        return harm
    if word in UNITS:
        return str(UNITS[word])
    return word


def noun_chunk(toks: Sequence[str], start: int) -> tuple[int, str, int]:
    """Read the counted noun after a number: (end of chunk, head word, first token).

    "66-page complaint" and "6.1-magnitude quake" count the hyphenated unit.
    """
    i = start
    if i + 1 < len(toks) and toks[i] == "-" and toks[i + 1][0].isalpha():
        return (i + 2, toks[i + 1].split("-")[0], i + 1)
    if i < len(toks) and toks[i].lower() == "of":
        i += 1
        if i < len(toks) and toks[i].lower() in ("the", "them", "those", "these", "their"):
            i += 1
    first = i
    chunk: list[str] = []
    while i < len(toks) and len(chunk) < _MAX_CHUNK and _nounish(toks[i], chunk):
        chunk.append(toks[i])
        i += 1
    if chunk and is_verbish(chunk[-1]) and not _plural(chunk[-1]):
        chunk.pop()
        i -= 1
    return (i, _head(chunk), first)


def hyphen_unit(toks: Sequence[str], quantity: Quantity) -> bool:
    """Whether the number measures a hyphenated unit ("6.1-magnitude")."""
    return quantity.end < len(toks) and toks[quantity.end] == "-"


def chunk_at(toks: Sequence[str], start: int) -> bool:
    """Whether a counted noun follows the number directly (not inherited from an earlier count)."""
    return bool(noun_chunk(toks, start)[1])


def unit_before(toks: Sequence[str], quantity: Quantity) -> str:
    """A unit named before the number ("magnitude 6.1", "magnitude-6.1"), else ""."""
    i = quantity.qualifier_start - 1
    if i >= 0 and toks[i] == "-":
        i -= 1
    return toks[i].lower() if i >= 0 and toks[i].lower() in UNITS_BEFORE_NUMBER else ""


def _nounish(token: str, chunk: list[str]) -> bool:
    """Whether ``token`` can continue the noun phrase in ``chunk``."""
    low = token.lower()
    if not token[0].isalpha() or low in FUNCTION_WORDS or low in AUXILIARIES:
        return False
    if low in MONTHS or low in WEEKDAYS or low in _ATTRIBUTION:
        return False
    if chunk and is_verbish(low):
        return False
    if low in KILLED_WORDS | INJURED_WORDS | MISSING_WORDS:
        return not chunk and lemma(low) in CASUALTY_NOUNS
    return True


def is_verbish(word: str) -> bool:
    """Whether a word looks like a past tense or participle ("targeted", "struck")."""
    low = word.lower()
    return (low.endswith(("ed", "ing")) and "-" not in low) or low in IRREGULAR_PAST


def _head(chunk: list[str]) -> str:
    """The head noun of a chunk.

    A leading unit ("6.1 magnitude quake"), else its first plural word, else its last word.
    """
    if chunk and chunk[0].lower() in UNITS_BEFORE_NUMBER | UNITS_AFTER_NUMBER:
        return chunk[0]
    for word in chunk:
        if _plural(word):
            return word
    return chunk[-1] if chunk else ""


def coordinated(toks: Sequence[str], previous_end: int, start: int) -> bool:
    """Whether a bare number continues a count ("2,500 troops in Iraq and 900 in Syria")."""
    between = [t.lower() for t in toks[previous_end:start]]
    return len(between) <= 6 and bool({"and", "or", ","} & set(between)) and "." not in between


def measure_of(toks: Sequence[str], quantity: Quantity, chunk_end: int, head: str) -> str:
    """Whether the count is of people killed, injured or missing ("" when neither).

    Looks at the counted noun ("eight injuries"), the verb right before the number
    ("killing at least five"), the words right after the noun ("24 people were
    killed") and, for counts of people, a harm noun earlier in the sentence
    ("caused injuries ... to at least 62 personnel").
    """
    noun = lemma(head) if head else ""
    if noun in CASUALTY_NOUNS:
        return CASUALTY_NOUNS[noun]
    after: list[str] = []
    for tok in toks[chunk_end : chunk_end + 6]:
        if tok in (",", ";", ".") or tok.lower() in ("and", "but", "when", "as", "while"):
            break
        after.append(tok.lower())
    before = toks[quantity.qualifier_start - 1].lower() if quantity.qualifier_start else ""
    for word in (*after, before):
        if harm_of(word):
            return harm_of(word)
    people = not noun or lemma(noun) in GENERIC_PEOPLE
    earlier = [t.lower() for t in toks[max(0, quantity.qualifier_start - 10) : quantity.start]]
    if people and "toll" in earlier:
        return "killed"
    if people:
        for word in reversed(earlier):
            if lemma(word) in CASUALTY_NOUNS:
                return CASUALTY_NOUNS[lemma(word)]
    return ""


def harm_of(word: str) -> str:
    """The harm a word names, if any."""
    if word in KILLED_WORDS:
        return "killed"
    if word in INJURED_WORDS:
        return "injured"
    if word in MISSING_WORDS:
        return "missing"
    return ""


def thing_of(head: str, measure: str) -> str:
    """The counted thing: people in general for harm, else the head noun's lemma."""
    noun = lemma(head.replace(".", "")) if head else ""
    if measure and (not noun or noun in GENERIC_PEOPLE or noun in CASUALTY_NOUNS):
        return PEOPLE
    return noun


def is_attribution(toks: Sequence[str], chunk_end: int) -> bool:
    """Whether the count names the sources of a statement ("two US officials said")."""
    return chunk_end < len(toks) and toks[chunk_end].lower() in _ATTRIBUTION


def after_window(toks: Sequence[str], start: int, dated: frozenset[int]) -> list[int]:
    """Token indexes of the clause after the counted noun, up to a boundary, a date or a number."""
    out: list[int] = []
    for i in range(start, min(len(toks), start + _MAX_AFTER)):
        low = toks[i].lower()
        if low in CLAUSE_END or low[0].isdigit() or i in dated:
            break
        out.append(i)
    return out


def before_window(toks: Sequence[str], start: int) -> list[int]:
    """Token indexes of the clause before the number, back to a boundary or a conjunction."""
    out: list[int] = []
    for i in range(start - 1, max(-1, start - 1 - _MAX_BEFORE), -1):
        low = toks[i].lower()
        if low in CLAUSE_END or low in ("and", "or") or low[0].isdigit():
            break
        out.append(i)
    return sorted(out)


def locative(toks: Sequence[str], after: list[int]) -> frozenset[str]:
    """Content lemmas of the first locative phrase after the counted noun ("in Iraq and Syria")."""
    for position, i in enumerate(after):
        if toks[i].lower() not in LOCATIVES:
            continue
        words: list[str] = []
        for j in after[position + 1 : position + 6]:
            low = toks[j].lower()
            if low in FUNCTION_WORDS and low not in ("and", "the"):
                break
            words.append(toks[j])
        return frozenset(w for w in content_words(" ".join(words)) if w not in STOPWORDS)
    return frozenset()


def phrase_of(toks: Sequence[str], start: int, after: list[int], head: str) -> str:
    """The counted thing and what qualifies it, as written, up to the first verb."""
    end = (after[-1] + 1) if after else start
    words: list[str] = [] if start < end and toks[start] == head else ([head] if head else [])
    for position in range(start, end):
        low = toks[position].lower()
        following = toks[position + 1] if position + 1 < len(toks) else ""
        participle = low.endswith("ing") and not following[:1].isupper()
        if words and (
            low in AUXILIARIES or participle or (is_verbish(low) and not low.endswith("ing"))
        ):
            break
        words.append(toks[position])
    while words and words[-1].lower() in FUNCTION_WORDS:
        words = words[:-1]
    return " ".join(words)
