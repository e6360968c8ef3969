"""How many times a title was defended: "his sixth defence" / "retained it for the fifth time".

A champion's title defences are counted with an ordinal, told either as a noun
("the sixth defense of the belt", "his fifth successful title defence") or as
the verb and a count of times ("retained his title for the fifth time"). Both
count the same thing, so two articles giving different ordinals disagree, unless
they name different titles (an organisation's initials, or the initials of its
name written out: "International Boxing Federation" is "IBF").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.events.slotunits import Line, Reading

ORDINAL = "ordinal"

ORDINAL_WORDS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=1,
    )
}
"""Ordinals written as words."""

_ORD = r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")"
_NOUN = re.compile(
    r"\b" + _ORD + r"\s+(?:(?:successful|straight|consecutive|title|world|career)\s+){0,2}"
    r"defen[cs]es?\b(?P<what>(?:\s+of\s+(?:his|her|the|its)\s+[^.;,\-—]{0,40}?"
    r"\b(?:titles?|crowns?|belts?|championships?)\b)?)",
    re.I,
)
_VERB = re.compile(
    r"\b(?:defended|retained|defending|retaining)\s+(?P<what>(?:his|her|the|its)\s+[^.;]{0,60}?"
    r"\b(?:titles?|crowns?|belts?|championships?))\s+for\s+(?:a|the)\s+" + _ORD + r"\s+"
    r"(?:straight\s+|consecutive\s+)?time\b",
    re.I,
)
_INITIALS = re.compile(r"\b[A-Z]{2,5}\b")
_NAMED = re.compile(r"\b(?:[A-Z][a-z]+\s+){1,4}[A-Z][a-z]+\b")


def ordinal_readings(lines: Sequence[Line]) -> list[tuple[Reading, Reading]]:
    """Pairs of different counts of title defences given in different articles.

    Args:
        lines: The comparable sentences of one event.

    Returns:
        (reading, reading) pairs from different articles, in a deterministic order.
    """
    found: list[tuple[Reading, frozenset[str]]] = []
    for line in lines:
        # Both patterns hold "defen(ce)" or "defend"/"reta(in)": a sentence without either
        # is not scanned (the alternation of ordinals is tried at every word otherwise).
        lowered = line.text.lower()
        if line.background or ("defen" not in lowered and "reta" not in lowered):
            continue
        for pattern in (_NOUN, _VERB):
            for match in pattern.finditer(line.text):
                count = _ordinal(match.group("ord"))
                value = match.group(0).strip()
                reading = Reading(
                    line.article_id,
                    ORDINAL,
                    value,
                    str(count),
                    line.text,
                    line.line,
                    "title defences",
                    "defence",
                )
                found.append((reading, _titles(match.group("what"))))
    out: list[tuple[Reading, Reading]] = []
    for x, (a, ta) in enumerate(found):
        for b, tb in found[x + 1 :]:
            if a.article_id == b.article_id or a.key == b.key:
                continue
            if ta and tb and not ta & tb:
                continue  # two titles, each defended its own number of times
            out.append((a, b))
    return out


def _ordinal(text: str) -> int:
    """The number an ordinal stands for ("sixth", "6th")."""
    low = text.lower()
    return ORDINAL_WORDS[low] if low in ORDINAL_WORDS else int(low[:-2])


def _titles(what: str) -> frozenset[str]:
    """The titles a phrase names, as initials ("IBF" for "International Boxing Federation")."""
    out = set(_INITIALS.findall(what))
    for name in _NAMED.findall(what):
        out.add("".join(word[0] for word in name.split()))
    return frozenset(out)
