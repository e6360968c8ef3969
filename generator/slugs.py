"""Stable URL slugs: a slug depends only on the name it is made from."""

from __future__ import annotations

import hashlib

from slugify import slugify

# Slugs that would replace a section's own page (``topics/index.md``…).
RESERVED = frozenset({"index"})


def unreserved(slug: str) -> str:
    """Return ``slug``, moved aside when it would replace a section's index page."""
    return f"{slug}-page" if slug in RESERVED else slug


def stable_slug(name: str, prefix: str = "item", max_length: int = 80) -> str:
    """Return the URL slug for ``name``.

    Identity is by slug: two names with the same slug name the same page, so
    adding a seed can never rename an existing page. Names that transliterate
    to nothing (only punctuation, say) get a hash of the name instead.
    """
    slug = slugify(name, max_length=max_length, word_boundary=True)
    if slug:
        return unreserved(slug)
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
