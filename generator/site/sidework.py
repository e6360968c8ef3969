"""A cold build's own work beside MkDocs: the article pages and the export in a worker.

MkDocs renders the theme around every page in this process, one page after
the other, and the pipeline's worker processes are idle by then: the second
core has nothing to do. Two parts of what the plugin adds to a cold build
need only the corpus, which the content cache has just stored as a pickle
(:func:`generator.cache.build_corpus_cached`), so a worker of the shared pool
(:func:`generator.workers.submit`) reads it from there instead of having it
sent (pickling the corpus again would cost as much as what it saves):

- the article pages (about half of rendering the site): the worker renders
  them while this process renders the other pages
  (:func:`generator.site.render.render_site`'s ``articles``);
- ``data/corpus.json``: encoded while MkDocs renders the pages, awaited in
  ``on_post_build``.

Both give the bytes this process would: the same functions over an equal
corpus (rendering and the export do not depend on the hash seed). Without a
running pool, or when the worker fails, the work is done here, as before.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from generator.cache import ContentCache
from generator.collector import paused as paused_collector
from generator.pipeline import Corpus
from generator.site.exportfile import write_export
from generator.site.render import ArticlePages, render_articles
from generator.workers import submit

log = logging.getLogger("mkdocs.plugins.briefing")


@dataclass(frozen=True, slots=True)
class StoredCorpus:
    """Where the content cache holds a corpus: its folder and the corpus's key.

    Attributes:
        folder: The cache folder.
        key: The corpus's key (:func:`generator.cache.corpus_key`).
    """

    folder: Path
    key: str

    def load(self) -> Corpus:
        """The stored corpus.

        Raises:
            LookupError: The cache does not hold it (then the caller does the work itself).
        """
        cache = ContentCache(self.folder)
        try:
            corpus = cache.get("corpus", self.key)
        finally:
            # A worker's connection left open would keep the database's WAL file after the build.
            cache.close()
        if not isinstance(corpus, Corpus):
            raise LookupError(f"the cache in {self.folder} holds no corpus {self.key}")
        return corpus


def articles_in_worker(stored: StoredCorpus, directory_urls: bool) -> ArticlePages:
    """:func:`~generator.site.render.render_articles` of the stored corpus."""
    with paused_collector():
        return render_articles(stored.load(), directory_urls)


def export_in_worker(stored: StoredCorpus, target: Path, store: Path | None) -> None:
    """:func:`~generator.site.exportfile.write_export` of the stored corpus."""
    with paused_collector():
        write_export(stored.load(), target, store, stored.key)


class SideArticles:
    """The article pages of ``corpus``, rendered by a worker meanwhile when the pool runs.

    Called, it returns :func:`~generator.site.render.render_articles` of the
    corpus: the worker's result, or rendered here when there was no worker or it failed.

    Args:
        corpus: The corpus (rendered from here when the worker cannot).
        stored: Where the content cache holds ``corpus``.
        directory_urls: MkDocs' ``use_directory_urls``.
    """

    def __init__(self, corpus: Corpus, stored: StoredCorpus, directory_urls: bool) -> None:
        self._corpus = corpus
        self._directory_urls = directory_urls
        self._future = submit(articles_in_worker, stored, directory_urls)

    def __call__(self) -> ArticlePages:
        """The article pages and the problems after them."""
        if self._future is not None:
            try:
                return self._future.result()
            except Exception as exc:  # a worker's failure (or death): rendered here instead
                log.debug("briefing: article pages rendered here (%s: %s)", type(exc).__name__, exc)
        return render_articles(self._corpus, self._directory_urls)


class SideExport:
    """``data/corpus.json`` written by a worker while MkDocs renders the pages.

    Args:
        corpus: The corpus (exported from here when the worker cannot).
        stored: Where the content cache holds ``corpus``.
        target: The export's file in the site folder.
        store: The cache folder keeping one copy of the export.
    """

    def __init__(self, corpus: Corpus, stored: StoredCorpus, target: Path, store: Path) -> None:
        self._corpus = corpus
        self._target = target
        self._store = store
        self._key = stored.key
        self._future: Future[None] | None = submit(export_in_worker, stored, target, store)

    @property
    def started(self) -> bool:
        """Whether a worker took the export (otherwise :meth:`wait` writes it)."""
        return self._future is not None

    def wait(self) -> None:
        """Return once the export is written (here, if the worker could not)."""
        if self._future is not None:
            try:
                self._future.result()
                return
            except Exception as exc:  # a worker's failure (or death): written here instead
                log.debug("briefing: export written here (%s: %s)", type(exc).__name__, exc)
        write_export(self._corpus, self._target, self._store, self._key)
