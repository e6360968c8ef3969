"""Stable URL slugs: a slug depends only on the name it is made from."""

from __future__ import annotations

import hashlib

from slugify import slugify

# Slugs that would replace a section's own page (``topics/index.md``…).
RESERVED = frozenset({"index"})
# Longest id made from a file name, in bytes: a path component may have 255,
# and suffixes ("-md-2", "-page") must still fit.
MAX_ID_BYTES = 100
_HASH_CHARS = 8


def capped(slug: str, source: str, max_bytes: int = MAX_ID_BYTES) -> str:
    """Return ``slug``, its tail replaced by a hash of ``source`` when it is too long.

    The hash keeps two long names that share their first ``max_bytes`` apart.
    """
    if len(slug.encode("utf-8")) <= max_bytes:
        return slug
    head = slug.encode("utf-8")[: max_bytes - _HASH_CHARS - 1].decode("utf-8", errors="ignore")
    digest = hashlib.sha1(source.encode("utf-8", errors="surrogatepass")).hexdigest()
    return f"{head.rstrip('-._')}-{digest[:_HASH_CHARS]}"


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
