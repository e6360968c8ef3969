"""Generated pages on disk, so that ``mkdocs serve --dirty`` re-renders only what changed.

MkDocs' dirty rebuild skips a page when its output is newer than its source
file (``File.is_modified``). A generated file that holds its content in
memory counts as modified on every rebuild, so without this module every
page is rendered again after any seed edit. Here each generated page is
written to a folder, and rewritten only when its content changed: its
modification time then tells MkDocs exactly which pages depend on the edit
(the article, its event, its day, its outlet, the listings it appears on).

Used only under ``mkdocs serve --dirty``; ``mkdocs build`` keeps pages in
memory.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Collection, Mapping
from pathlib import Path
from types import MappingProxyType


class PageStore:
    """A folder of generated sources that remembers what it last wrote.

    Args:
        folder: Where generated sources live (inside the cache folder).
    """

    def __init__(self, folder: Path) -> None:
        self.root = folder.resolve()
        # Source path to the digest of what the page was last written for; empty
        # until the first sync, which compares with the files left on disk.
        self._stamps: dict[str, str] = {}
        self._synced = False

    def sync(
        self,
        pages: Mapping[str, str],
        extra: Mapping[str, str] = MappingProxyType({}),
        force: Collection[str] = (),
    ) -> dict[str, Path]:
        """Write ``pages`` whose text (or ``extra``) changed; drop pages no longer made.

        Args:
            pages: Source path (``articles/x.md``) to content (HTML).
            extra: Source path to whatever else its HTML depends on (its search
                entry): a change rewrites the source, so MkDocs renders it again.
            force: Source paths written even when unchanged.

        Returns:
            Source path to the file holding it.
        """
        stored: dict[str, Path] = {}
        stamps: dict[str, str] = {}
        for src_uri, content in pages.items():
            # Checked by its text (no symlink resolution per page): the folder is
            # the plugin's own, and page paths come from ids and slugs.
            inside = posixpath.normpath(src_uri)
            if inside.startswith(("/", "../")) or inside in {".", ".."}:
                raise ValueError(f"generated page outside its folder: {src_uri!r}")
            path = self.root / inside
            data = content.encode("utf-8")
            stamp = hashlib.sha1(data + b"\0" + extra.get(src_uri, "").encode()).hexdigest()
            known = self._stamps.get(src_uri)
            if known is None:
                changed = not path.is_file() or path.read_bytes() != data
            else:
                changed = known != stamp
            if changed or src_uri in force:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            stored[src_uri] = path
            stamps[src_uri] = stamp
        if not self._synced:
            wanted = set(stored.values())
            for old in self.root.rglob("*"):
                if old.is_file() and old not in wanted:
                    old.unlink()
        else:
            for src_uri in self._stamps.keys() - stamps.keys():
                (self.root / src_uri).unlink(missing_ok=True)
        self._stamps, self._synced = stamps, True
        return stored


def sync_pages(folder: Path, pages: Mapping[str, str]) -> dict[str, Path]:
    """Write ``pages`` under ``folder`` when their text changed; drop pages no longer made.

    Args:
        folder: Where generated sources live (inside the cache folder).
        pages: Source path (``articles/x.md``) to content (HTML).

    Returns:
        Source path to the file holding it.
    """
    return PageStore(folder).sync(pages)


def remove_stale_outputs(previous: Mapping[str, Path], current: Mapping[str, Path]) -> None:
    """Delete built pages whose source is gone (a dirty build would keep serving them).

    Args:
        previous: Source path to built file, from the previous build.
        current: The same for this build.
    """
    for src_uri, built in previous.items():
        if src_uri not in current:
            built.unlink(missing_ok=True)
