"""A deterministic synthetic corpus for scaling tests and benchmarks.

The texts are made up from small word pools: they exercise every seed layout
and every facet without copying any real article. The corpus is shaped like
news as it grows (not like one week's news repeated):

- stories of varying size (many reported once, a few by a dozen outlets),
  whose reports share wire sentences and fall within a few days of each other;
- stories spread over time at a steady rate, so a larger corpus covers more
  days rather than piling more articles onto the same days;
- outlets, people, organisations and places drawn from pools with a long tail
  (a few named often, most rarely), the tail growing with the corpus.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import random
from pathlib import Path

PLACES = ["Lowtown", "Riverside", "Northport", "Eastvale", "Hillcrest", "Lakeside", "Westmoor"]
GROUPS = ["the Harbour Authority", "the Grain Board", "the Rail Union", "the City Council"]
OUTLETS = ["reuters.com", "apnews.com", "bbc.co.uk", "cnn.com", "example.org", "news.example.net"]
TAGS = ["weather", "trade", "transport", "politics", "health", "energy", "courts", "labour"]
VERBS = ["closed", "reopened", "inspected", "funded", "delayed", "expanded"]
FIRST_NAMES = ["Ana", "Marek", "Lena", "Tomas", "Ines", "Omar", "Keiko", "Ruth", "Pavel", "Nadia"]
ORG_HEADS = ["Authority", "Board", "Union", "Council", "Commission", "Agency"]
THINGS = ["bridge", "depot", "terminal", "clinic", "reservoir", "market", "plant", "line"]
LEDES = [
    "{group} {verb} {thing} in {place} on {weekday}, officials said, after {count} complaints "
    "in {days} days.",
    "In {place}, {group} {verb} {thing} on {weekday} after {count} complaints.",
    "{count} residents were affected when {group} {verb} {thing} in {place} on {weekday}.",
    "Officials in {place} said on {weekday} that {group} had {verb} {thing}.",
]
ROLES = ["a spokesperson for", "the chair of", "an official at", "a lawyer for"]

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

STORY_SIZES = (1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 12)
"""Reports per story, drawn uniformly from this list (mean 4)."""

STORIES_PER_DAY = 3
"""New stories a day: the days covered grow with the corpus."""

STORY_DAYS = 3
"""A story's reports come out within this many days."""

OUTLET_POOL = 60
"""Distinct outlets a large corpus draws from (Zipf: a few carry most reports)."""


def _vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    """Pseudo-words, so that sentences only overlap where an article copies another.

    Listed most frequent first: :func:`_sentence` draws them with Zipf's law, as
    words occur in text, so that two unrelated articles share common words but
    hardly ever their rare, telling ones (a small vocabulary drawn uniformly
    made every pair of articles look alike to the grouping).
    """
    words = {"".join(rng.choices(SYLLABLES, k=rng.randrange(2, 6))) for _ in range(size)}
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


ZIPF_SHIFT = 50
"""Zipf-Mandelbrot shift: the most common words are not much more common than the next (the
commonest words of real text are stopwords, which the analysis drops)."""


@functools.cache
def _zipf(size: int) -> tuple[float, ...]:
    """Cumulative Zipf weights of ``size`` ranks."""
    return tuple(itertools.accumulate(1 / (rank + ZIPF_SHIFT) for rank in range(size)))


def _sentence(rng: random.Random, vocabulary: list[str]) -> str:
    count = rng.randrange(9, 18)
    words = " ".join(rng.choices(vocabulary, cum_weights=_zipf(len(vocabulary)), k=count))
    # Some sentences carry a figure; a figure in every one made unrelated articles look alike.
    if rng.random() < 0.25:
        return f"{words.capitalize()}, {rng.randrange(2, 900)} of them said."
    return f"{words.capitalize()}."


def _pseudo_name(rng: random.Random) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randrange(2, 4))).capitalize()


@functools.cache
def _pool(kind: str, size: int) -> tuple[str, ...]:
    """A fixed pool of made-up names of one kind (the same for every corpus)."""
    rng = random.Random(f"pool-{kind}")
    names: dict[str, None] = {}
    while len(names) < size:
        if kind == "outlet":
            names[f"{_pseudo_name(rng).lower()}news.com"] = None
        elif kind == "place":
            names[_pseudo_name(rng) + rng.choice(["", "", "ton", " Bay", " Hills"])] = None
        else:
            names[f"{rng.choice(FIRST_NAMES)} {_pseudo_name(rng)}"] = None
    return tuple(names)


def _long_tail(rng: random.Random, pool: int) -> int:
    """A rank in 0..pool-1, rank r drawn with weight 1 / (r + 1) (Zipf)."""
    return min(int(pool ** rng.random()) - 1, pool - 1)


def _outlet(rng: random.Random) -> str:
    pool = (*OUTLETS, *_pool("outlet", OUTLET_POOL - len(OUTLETS)))
    return pool[_long_tail(rng, len(pool) + 1) % len(pool)]


@functools.cache
def _story_starts(count: int) -> tuple[int, ...]:
    """First article index of each story covering ``count`` articles (fixed sizes)."""
    rng = random.Random("story-sizes")
    starts = [0]
    while starts[-1] < count:
        starts.append(starts[-1] + rng.choice(STORY_SIZES))
    return tuple(starts)


def story_of(index: int) -> int:
    """The story number of article ``index``."""
    # Sizes are drawn once from a fixed seed: grow the table by powers of two.
    limit = 1024
    while limit <= index:
        limit *= 2
    return bisect.bisect_right(_story_starts(limit), index) - 1


def _person(rng: random.Random, story: int) -> str:
    """Someone in the news: a few people recur across stories, most appear in one."""
    people = _pool("person", 4000)
    if rng.random() < 0.2:
        return people[_long_tail(rng, 40)]
    return people[40 + (story * 7 + rng.randrange(3)) % (len(people) - 40)]


def _organisation(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(GROUPS)
    places = _pool("place", 400)
    return f"the {places[_long_tail(rng, len(places))]} {rng.choice(ORG_HEADS)}"


def _place(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(PLACES)
    places = _pool("place", 400)
    return places[_long_tail(rng, len(places))]


def article_text(rng: random.Random, index: int, vocabulary: list[str]) -> str:
    """One synthetic seed, in one of the three layouts.

    Articles come in stories (:func:`story_of`) that share some sentences,
    people and a place, as outlets reporting one event share wire copy.
    """
    story = story_of(index)
    story_rng = random.Random(story)
    sentences = [_sentence(story_rng, vocabulary) for _ in range(5)]
    place, group = _place(story_rng), _organisation(story_rng)
    people = [_person(story_rng, story) for _ in range(story_rng.randrange(1, 3))]
    role = story_rng.choice(ROLES)
    story_day = dt.date(2022, 1, 1) + dt.timedelta(days=story // STORIES_PER_DAY)
    day = story_day + dt.timedelta(days=rng.randrange(STORY_DAYS))
    thing = f"the {story_rng.choice(vocabulary)} {story_rng.choice(THINGS)}"
    lede = rng.choice(LEDES).format(
        group=group,
        verb=rng.choice(VERBS),
        thing=thing,
        place=place,
        weekday=f"{day:%A}",
        count=rng.randrange(2, 400),
        days=rng.randrange(2, 30),
    )
    lede = lede[0].upper() + lede[1:]
    said = [_sentence(rng, vocabulary) for _ in people]
    quotes = [
        f"{person}, {role} {group}, said {words[0].lower()}{words[1:]}"
        for person, words in zip(people, said, strict=True)
    ]
    body = "\n\n".join(
        [lede]
        + rng.sample(sentences, rng.randrange(2, 4))
        + quotes
        + [_sentence(rng, vocabulary) for _ in range(rng.randrange(3, 9))]
    )
    layout = index % 3
    if layout == 0:
        tags = rng.sample(TAGS, rng.randrange(1, 4))
        url = f"https://www.{_outlet(rng)}/{day:%Y/%m/%d}/story-{index}"
        key = "url" if index % 2 else "sources"
        value = f'"{url}"' if key == "url" else f'["{url}"]'
        meta = f'title: "Story {index} about {place}"\n{key}: {value}\ntags: {tags}'
        return f"---\n{meta}\n---\n\n{body}\n"
    if layout == 1:
        return f" date {day.isoformat()} {body}\n"
    # A sign-off names the outlet in one word ("– Reuters"), as a domain's longest label.
    signature = max(_outlet(rng).split(".")[:-1], key=len).capitalize()
    return f"{body}\n\n– {signature}\n"


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
