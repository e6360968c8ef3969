"""Generated pages on disk, so that ``mkdocs serve --dirty`` re-renders only what changed.

MkDocs' dirty rebuild skips a page when its output is newer than its source
file (``File.is_modified``). A generated file that holds its content in
memory counts as modified on every rebuild, so without this module every
page is rendered again after any seed edit. Here each generated page is
written to a folder, and rewritten only when its Markdown changed: its
modification time then tells MkDocs exactly which pages depend on the edit
(the article, its event, its day, its outlet, the listings it appears on).

Used only under ``mkdocs serve --dirty``; ``mkdocs build`` keeps pages in
memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def sync_pages(folder: Path, pages: Mapping[str, str]) -> dict[str, Path]:
    """Write ``pages`` under ``folder`` when their text changed; drop pages no longer made.

    Args:
        folder: Where generated sources live (inside the cache folder).
        pages: Source path (``articles/x.md``) to Markdown.

    Returns:
        Source path to the file holding it.
    """
    root = folder.resolve()
    stored: dict[str, Path] = {}
    for src_uri, content in pages.items():
        path = (root / src_uri).resolve()
        if not path.is_relative_to(root):
            raise ValueError(f"generated page outside its folder: {src_uri!r}")
        data = content.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        stored[src_uri] = path
    wanted = set(stored.values())
    for old in root.rglob("*"):
        if old.is_file() and old not in wanted:
            old.unlink()
    return stored


def remove_stale_outputs(previous: Mapping[str, Path], current: Mapping[str, Path]) -> None:
    """Delete built pages whose source is gone (a dirty build would keep serving them).

    Args:
        previous: Source path to built file, from the previous build.
        current: The same for this build.
    """
    for src_uri, built in previous.items():
        if src_uri not in current:
            built.unlink(missing_ok=True)
