"""Normalising text: folding with offsets, name keys, lemmas, plain text.

Folding maps a text onto a spelling-insensitive form while remembering where
each folded character came from, so matches found on the folded text can be
reported with the exact words the outlet wrote. :func:`normalise` undoes the
damage of tokenised corpora ("170, 000" → "170,000", "U. S." → "U.S.") for the
comparisons, while sentences keep their text as written for quoting.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from generator.text.calendar import MONTHS
from generator.text.lexicon import IRREGULAR_PLURALS

HYPHENS = "-‐‑‒–—―"
APOSTROPHES = "'’‘`ʼʹ′"
# Transliterations of Arabic and Persian names swap these vowels freely
# (Kataib/Kataeb, Hezbollah/Hizbollah, Qasem/Qassem once doubles collapse).
_VOWEL_FOLD = {"e": "i", "o": "u"}

_MASKED_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+")
# Link text and target exclude brackets: with them, "[[[[…" backtracks quadratically.
_MD_LINK = re.compile(r"!?\[(?P<text>[^\[\]]*)\]\([^()\[\]]*\)")
_MD_MARKUP = re.compile(r"[*_`]+|^\s{0,3}#{1,6}\s+|^\s*>\s?", re.MULTILINE)
# Every match of _MD_MARKUP holds one of these.
_MARKUP_MARKS = "*_`#>"
_NORM_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\[\]]*\)")
_URL = re.compile(r"https?://\S+")
_INITIALS = re.compile(r"\b([A-Za-z])\. ([A-Za-z])\.")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:, \d{3})+)(?![\d])")
_SPACED_COLON = re.compile(r"(?<=\d) : (?=\d)")
_SPACED_HYPHEN = re.compile(r"(?<=[0-9A-Za-z]) - (?=[0-9a-z])")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) ([,;:!?])(?= )")


@functools.lru_cache(maxsize=4096)
def _base(ch: str) -> str:
    """Return ``ch`` lower-cased with diacritics removed (possibly empty)."""
    if ch in HYPHENS or ch.isspace():
        return " "
    if ch in APOSTROPHES:
        return "'"
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text`` for spelling-insensitive matching.

    Lower-cases, strips diacritics, turns hyphens into spaces, unifies
    apostrophes, folds ``e``/``o`` onto ``i``/``u`` and collapses doubled
    letters and spaces.

    Args:
        text: Any text.

    Returns:
        The folded text and, for each of its characters, the index in
        ``text`` of the character it came from.
    """
    fast = _fold_fast(text)
    return fast if fast is not None else fold_each_character(text)


def fold_each_character(text: str) -> tuple[str, tuple[int, ...]]:
    """:func:`fold` one character at a time, as the rule is written (any text)."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for b in _base(ch):
            c = _VOWEL_FOLD.get(b, b)
            if out and c == out[-1] and (c.isalpha() or c == " "):
                continue
            out.append(c)
            index.append(i)
    return "".join(out), tuple(index)


_RUNS = re.compile(r"(.)\1+", re.DOTALL)


@functools.lru_cache(maxsize=4096)
def _folded_char(ch: str) -> str:
    """What :func:`fold` turns one character into, before doubles collapse (may be empty)."""
    return "".join(_VOWEL_FOLD.get(b, b) for b in _base(ch))


def _fold_fast(text: str) -> tuple[str, tuple[int, ...]] | None:
    """:func:`fold` in one translation and one pass over runs; None when it cannot.

    It can when each character folds to exactly one (almost every text).
    With one character out per character in, the character a folded one is
    compared with is the one before it, so a run of one letter (or of spaces)
    keeps its first character and that character's index.
    """
    table = {ord(ch): _folded_char(ch) for ch in set(text)}
    if any(len(folded) != 1 for folded in table.values()):
        return None
    translated = text.translate(table)
    out: list[str] = []
    index: list[int] = []
    kept = 0
    for match in _RUNS.finditer(translated):
        ch = match.group(1)
        if not (ch.isalpha() or ch == " "):
            continue
        out.append(translated[kept : match.start() + 1])
        index.extend(range(kept, match.start() + 1))
        kept = match.end()
    if not kept:
        return translated, tuple(range(len(translated)))
    out.append(translated[kept:])
    index.extend(range(kept, len(translated)))
    return "".join(out), tuple(index)


@functools.lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """Return the folded form of ``text``, trimmed."""
    return fold(text)[0].strip()


def light_key(text: str) -> str:
    """Return a key ignoring case, diacritics, hyphens and spacing only."""
    return " ".join("".join(_base(c) for c in text).split())


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Return the key under which spellings of one name are grouped.

    The folded text with everything but letters and digits removed, so that
    "U.S.", "U. S." and "US", or "Kataeb Hezbollah" and "Kataib Hezbollah",
    share a key.
    """
    return "".join(c for c in fold(text)[0] if c.isalnum())


def is_acronym(text: str) -> bool:
    """Return True for an all-capital abbreviation such as "US", "U.S." or "ISIS"."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def mask_urls(text: str) -> str:
    """Blank out URLs and Markdown link targets, keeping every offset."""
    return _MASKED_URL.sub(lambda m: " " * len(m.group(0)), text)


def clean(text: str) -> str:
    """Collapse runs of whitespace into single spaces."""
    return " ".join(text.split())


def plain(text: str) -> str:
    """Strip Markdown links and emphasis, and collapse whitespace."""
    # As in normalise: a pattern runs only when the text holds what every match needs
    # (a link "](", a mark among *_`#>), which most paragraphs do not.
    if "](" in text:
        text = _MD_LINK.sub(lambda m: m.group("text"), text)
    if any(mark in text for mark in _MARKUP_MARKS):
        text = _MD_MARKUP.sub("", text)
    return " ".join(text.split())


def normalise(text: str) -> str:
    """Return ``text`` with Markdown and tokenisation artefacts removed.

    Args:
        text: A sentence or short passage.

    Returns:
        The same words with numbers, initials and hyphens rejoined.
    """
    # Each pattern runs only when the text holds a piece no match can do without: most
    # sentences hold none, and looking for a substring costs far less than a pattern.
    out = _NORM_LINK.sub(r"\1", text) if "](" in text else text
    if "://" in out:
        out = _URL.sub("", out)
    out = out.replace("**", "").replace("__", "").replace("`", "")
    out = out.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    out = out.replace("''", '"')
    if ". " in out:
        for _ in range(3):
            out = _INITIALS.sub(r"\1.\2.", out)
    if ", " in out:
        out = _THOUSANDS.sub(_join_thousands, out)
    if " : " in out:
        out = _SPACED_COLON.sub(":", out)
    if " - " in out:
        out = _SPACED_HYPHEN.sub("-", out)
    if any(f" {mark}" in out for mark in ",;:!?"):
        out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    # Runs of whitespace (as ``\s+`` finds them) become one space, none at the ends.
    return " ".join(out.split())


def _join_thousands(match: re.Match[str]) -> str:
    """Join ``170, 000`` unless the first group is a day of a month ("May 17, 200")."""
    before = match.string[: match.start()].rstrip().rsplit(" ", 1)[-1].lower().rstrip(".")
    if before in MONTHS:
        return match.group(0)
    return match.group(1) + match.group(2).replace(" ", "")


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Return a crude singular, lower-case form of a noun (good enough for matching)."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if len(low) <= 3 or (not low.isalpha() and "-" not in low):
        return low
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")):
        return low[:-1]
    return low
