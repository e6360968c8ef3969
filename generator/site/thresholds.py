"""The thresholds page: every field of :class:`generator.thresholds.Thresholds`, in words.

The page is rendered from the dataclass the code uses, so it cannot drift from
it. Each row shows a field's label, its value formatted for a reader ("4
words", "60 days", "0.35", lists as comma-separated words) and its meaning;
no Python names appear.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.thresholds import Thresholds, default_thresholds

TITLES = {
    "input": "Input limits",
    "metadata": "Reading an article's metadata",
    "actors": "Actors and places",
    "dates": "Dates in the text",
    "grouping": "Grouping articles into events",
    "provenance": "Reuse between articles",
    "comparison": "Comparing the reports of an event",
    "pages": "What a page shows",
    "listings": "How long lists get",
}
"""The heading of each section of :class:`Thresholds`, in page order."""


@dataclass(frozen=True, slots=True)
class Threshold:
    """One row of the page."""

    label: str
    value: str
    meaning: str


@dataclass(frozen=True, slots=True)
class Section:
    """One stage's thresholds, with the sentence that introduces them."""

    title: str
    intro: str
    rows: tuple[Threshold, ...]


def human_value(value: Any, unit: str = "") -> str:
    """A threshold's value as a reader writes it.

    Whole numbers get thousands separators and their unit, plural when the
    value is not one ("1 word", "4 words", "230 words a minute"); fractions are
    written shortest (0.35); collections of words become a comma-separated list.
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(str(v) for v in value))
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int):
        number = f"{value:,}"
    elif isinstance(value, float):
        number = f"{value:,.10g}"
    else:
        number = str(value)
    if not unit:
        return number
    return f"{number} {_unit(unit, value != 1)}"


def _unit(unit: str, many: bool) -> str:
    """``unit`` made plural when ``many``: its noun is the last word before any " a " rate.

    "word" → "words", "content word" → "content words", "word a minute" → "words a minute".
    """
    if not many:
        return unit
    head, sep, rate = unit.partition(" a ")
    noun = head.rsplit(" ", 1)
    last = noun[-1]
    noun[-1] = last + ("es" if last.endswith(("s", "sh", "ch", "x")) else "s")
    return " ".join(noun) + sep + rate


def sections(thresholds: Thresholds | None = None) -> list[Section]:
    """Every threshold, by stage, ready for the page.

    Args:
        thresholds: The thresholds to show; the ones in use by default.
    """
    chosen = thresholds if thresholds is not None else default_thresholds()
    found = []
    for part in dataclasses.fields(chosen):
        group = getattr(chosen, part.name)
        intro = " ".join((type(group).__doc__ or "").split("\n\n")[0].split())
        found.append(Section(TITLES[part.name], intro, tuple(_rows(group))))
    return found


def _rows(group: Any) -> Iterable[Threshold]:
    for item in dataclasses.fields(group):
        about = item.metadata
        value = human_value(getattr(group, item.name), about.get("unit", ""))
        yield Threshold(about["label"], value, about["meaning"])
