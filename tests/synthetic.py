"""A deterministic synthetic corpus for scaling tests and benchmarks.

The texts are made up from small word pools: they exercise every seed layout
and every facet without copying any real article.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

PLACES = ["Lowtown", "Riverside", "Northport", "Eastvale", "Hillcrest", "Lakeside", "Westmoor"]
GROUPS = ["the Harbour Authority", "the Grain Board", "the Rail Union", "the City Council"]
OUTLETS = ["reuters.com", "apnews.com", "bbc.co.uk", "cnn.com", "example.org", "news.example.net"]
TAGS = ["weather", "trade", "transport", "politics", "health", "energy", "courts", "labour"]
VERBS = ["closed", "reopened", "inspected", "funded", "delayed", "expanded"]


SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ter",
    "va",
    "sun",
    "dre",
    "po",
    "li",
    "na",
    "ro",
    "bel",
    "cor",
    "fin",
]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """Pseudo-words, so that sentences only overlap where an article copies another."""
    return sorted({"".join(rng.choices(SYLLABLES, k=rng.randrange(2, 4))) for _ in range(size)})


def _sentence(rng: random.Random, vocabulary: list[str]) -> str:
    words = rng.choices(vocabulary, k=rng.randrange(9, 18))
    return " ".join(words).capitalize() + f", {rng.randrange(2, 900)} of them said."


STORY_SIZE = 5  # articles per synthetic event


def article_text(rng: random.Random, index: int, vocabulary: list[str]) -> str:
    """One synthetic seed, in one of the three layouts.

    Articles come in stories of STORY_SIZE that share some sentences, as
    outlets reporting one event share wire copy.
    """
    story_rng = random.Random(index // STORY_SIZE)
    story = [_sentence(story_rng, vocabulary) for _ in range(5)]
    place, group = story_rng.choice(PLACES), story_rng.choice(GROUPS)
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(120))
    count = rng.randrange(2, 400)
    lede = (
        f"{group.capitalize()} {rng.choice(VERBS)} the port of {place} on {day:%A}, "
        f"officials said, after {count} complaints in {rng.randrange(2, 30)} days."
    )
    body = "\n\n".join(
        [lede]
        + rng.sample(story, rng.randrange(2, 4))
        + [_sentence(rng, vocabulary) for _ in range(rng.randrange(3, 9))]
    )
    layout = index % 3
    if layout == 0:
        tags = rng.sample(TAGS, rng.randrange(1, 4))
        url = f"https://www.{rng.choice(OUTLETS)}/{day:%Y/%m/%d}/story-{index}"
        meta = f'title: "Story {index} about {place}"\nsources: ["{url}"]\ntags: {tags}'
        return f"---\n{meta}\n---\n\n{body}\n"
    if layout == 1:
        return f" date {day.isoformat()} {body}\n"
    return f"{body}\n\n– {rng.choice(['Example Times', 'Daily Sample'])}\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` synthetic seeds into ``folder`` and return it."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        suffix = ".md" if index % 2 else ".txt"
        text = article_text(rng, index, vocabulary)
        (folder / f"s{index:05d}{suffix}").write_text(text, "utf-8")
    return folder


PATHOLOGICAL = {
    "caps": "A" * 20000,
    "hyphens": "ABC-" * 5000,
    "citing": "according to " + "A" * 5000,
    "dots": "a." * 20000,
    "digits": "1" * 40000,
    "titles": "Mr. " * 20000,
    "initials": "U. S. " * 5000,
    "numbers": "1, 000 " * 5000,
    "quotes": '"' + 'x "' * 5000,
    "table": "| a " * 5000 + "|",
    "hashes": "# " * 10000,
}


def write_pathological(folder: Path) -> Path:
    """Seeds made to trip up regular expressions (long runs without spaces…)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PATHOLOGICAL.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
    return folder
