"""Stable URL slugs: a slug depends only on the name it is made from."""

from __future__ import annotations

import hashlib

from slugify import slugify


def stable_slug(name: str, prefix: str = "item") -> str:
    """Return the URL slug for ``name``.

    Identity is by slug: two names with the same slug name the same page, so
    adding a seed can never rename an existing page. Names that transliterate
    to nothing (only punctuation, say) get a hash of the name instead.
    """
    slug = slugify(name, max_length=80, word_boundary=True)
    if slug:
        return slug
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
