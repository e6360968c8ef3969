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


def article_text(rng: random.Random, index: int) -> str:
    """One synthetic seed, in one of the three layouts."""
    place, group = rng.choice(PLACES), rng.choice(GROUPS)
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(120))
    count = rng.randrange(2, 400)
    lede = (
        f"{group.capitalize()} {rng.choice(VERBS)} the port of {place} on {day:%A}, "
        f"officials said, after {count} complaints in {rng.randrange(2, 30)} days."
    )
    body = "\n\n".join(
        [lede]
        + [
            f"Report {index}-{n}: {group} said {rng.randrange(1, 90)} workers in {place} "
            f"were affected and {rng.choice(VERBS)} plans were announced."
            for n in range(rng.randrange(3, 9))
        ]
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
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        suffix = ".md" if index % 2 else ".txt"
        (folder / f"s{index:05d}{suffix}").write_text(article_text(rng, index), "utf-8")
    return folder
