"""Where a seed's values sit in its file, and which of its links are safe to show."""

from __future__ import annotations

from generator.models import (
    Problem,
    RawSeed,
    Severity,
)

KNOWN_KEYS = frozenset({"title", "date", "outlet", "authors", "url", "event", "sources", "tags"})

SAFE_SCHEMES = ("http://", "https://")


def file_line(seed: RawSeed, body_line: int) -> int:
    """File line of a line of the body (``body_line`` counts from the body's first line)."""
    return seed.body_line + body_line - 1


def key_line(seed: RawSeed, key: str) -> int:
    """File line of a front-matter key (1 when the seed has no such key)."""
    return seed.meta_lines.get(key, 1)


def meta_line(seed: RawSeed, key: str, value: object) -> int:
    """Line of a front-matter value: the line that holds it, else its key's line."""
    start = key_line(seed, key)
    if isinstance(value, str) and value.strip():
        return find_line(seed, value.strip(), start, seed.body_line)
    return start


def find_line(seed: RawSeed, needle: str, first: int, last: int) -> int:
    """First file line in ``first..last`` (inclusive) holding ``needle``, else ``first``."""
    lines = seed.text.split("\n")
    for number in range(first, min(last, len(lines)) + 1):
        if needle in lines[number - 1]:
            return number
    return first


def urls(value: object) -> list[str]:
    """The URLs of a front-matter value that is a URL or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def safe_url(value: object, seed: RawSeed, line: int, problems: list[Problem]) -> str | None:
    """The URL when its scheme is safe to link (http, https); else a warning and None."""
    if not isinstance(value, str) or not value.strip():
        return None
    url = value.strip()
    if url.lower().startswith(SAFE_SCHEMES):
        return url
    msg = f"Ignored a link with an unsafe or unknown scheme: {url[:60]!r}."
    problems.append(Problem(seed.file, line, Severity.WARNING, "unsafe-url", msg))
    return None
