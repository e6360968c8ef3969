"""The site's ``data/corpus.json``: ``briefing export``'s output, written as it is encoded.

The export is the largest file of the site (about 80 MB at 10,000 articles).
Rendered into a string with the pages, it was held by the build for its
whole length (and by the rendered-pages cache), and encoding it at once
briefly took several times its size. Instead the plugin writes it straight
into the site folder while MkDocs collects the files (MkDocs lets a plugin
write into ``site_dir`` a file whose source is its destination).

With a cache folder, one copy is kept there under the key of the corpus it
was made from: an unchanged corpus copies it instead of encoding it again,
and a changed one replaces it (the folder never holds more than one).
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from generator.export import corpus_record, dump
from generator.pipeline import Corpus

#: Where the export lives in the site (the Data page links to it).
EXPORT_PATH = "data/corpus.json"


def write_export(
    corpus: Corpus, target: Path, store: Path | None = None, key: str | None = None
) -> None:
    """Write the export of ``corpus`` to ``target``, byte for byte ``briefing export``'s.

    Args:
        corpus: The built corpus.
        target: The file to write (its folder is created).
        store: A folder in the cache to keep one copy in, or None.
        key: The corpus's cache key; without it the store is not used.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if store is None or key is None:
        _encode(corpus, target)
        return
    # Named by its key and moved into place whole: whatever a build finds
    # under a key is that corpus's export, even with builds running side by side.
    stored = store / f"{key}.json"
    if not stored.is_file():
        store.mkdir(parents=True, exist_ok=True)
        partial = store / f".{key}.{os.getpid()}.{threading.get_ident()}.partial"
        _encode(corpus, partial)
        partial.replace(stored)
        for old in store.glob("*.json"):
            if old != stored:
                old.unlink(missing_ok=True)
    try:
        shutil.copyfile(stored, target)
    except FileNotFoundError:  # replaced by another build's corpus meanwhile
        _encode(corpus, target)


def _encode(corpus: Corpus, path: Path) -> None:
    # newline="" keeps "\n" as written, as `briefing export --out` does on POSIX.
    with path.open("w", encoding="utf-8", newline="") as out:
        dump(corpus_record(corpus), out)
