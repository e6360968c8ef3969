"""Read a Pagefind 1.x bundle back into plain data, to compare two indexes by content.

Pagefind numbers pages in the order they reach it (a word lists its pages
as differences between those numbers): indexing a finished folder and
feeding pages during the build give different numbers for the same pages.
:func:`index_content` replaces page numbers by the page's fragment hash and
sorts what has no order, so two indexes of the same pages compare equal.
"""

from __future__ import annotations

import gzip
import json
from itertools import accumulate
from pathlib import Path
from typing import Any

from generator.site.pagefind_bundle import SIGNATURE, unpack

__all__ = ["SIGNATURE", "index_content", "read"]


def read(path: Path) -> Any:
    """One of Pagefind's gzipped CBOR files."""
    return unpack(path.read_bytes())


def index_content(bundle: Path) -> dict[str, Any]:
    """Pages, words and filters of a Pagefind bundle, free of page numbers and hash-map order."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    (language,) = entry["languages"].values()
    meta = read(bundle / f"pagefind.{language['hash']}.pf_meta")
    _, pages, chunks, filters, *rest = meta
    hashes = [page[0] for page in pages]
    words: dict[str, Any] = {}
    for chunk in chunks:
        for word, *entries in read(bundle / "index" / f"{chunk[2]}.pf_index")[0]:
            at_pages, *other = entries
            # Page numbers are written as differences from the previous one.
            numbers = accumulate(p[0] for p in at_pages)
            words[word] = (
                sorted([hashes[n], *p[1:]] for n, p in zip(numbers, at_pages, strict=True)),
                other,
            )
    filter_values = {}
    for name, file_hash in filters:
        decoded_name, values = read(bundle / "filter" / f"{file_hash}.pf_filter")
        assert decoded_name == name
        filter_values[name] = {value: sorted(hashes[p] for p in at) for value, at in values}
    fragments = {
        path.name: gzip.decompress(path.read_bytes())
        for path in (bundle / "fragment").glob("*.pf_fragment")
    }
    return {
        "pages": sorted(pages),
        "chunk_ranges": [chunk[:2] for chunk in chunks],
        "words": words,
        "filters": filter_values,
        "rest": rest,
        "fragments": fragments,
        "page_count": language["page_count"],
    }
