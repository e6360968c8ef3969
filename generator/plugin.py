"""The MkDocs plugin: the only module that imports mkdocs.

It turns MkDocs settings into plain :class:`~generator.pipeline.Settings`,
runs the pipeline once per build in ``on_files``, adds every generated page
as a virtual file whose page (:class:`GeneratedPage`) renders the templates'
HTML without Markdown, sanitised once per content through the content cache
(:mod:`generator.site.pagehtml`), and watches the seeds in ``mkdocs serve``.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import logging
import os
import tempfile
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.cache import ContentCache, build_corpus_cached, content_key, corpus_key
from generator.models import Problem, Severity
from generator.pipeline import Corpus, Settings, build_corpus
from generator.site.exportfile import EXPORT_PATH, write_export
from generator.site.incremental import (
    Built,
    CatchUp,
    Snapshot,
    edited_seeds,
    prepare,
    preview,
    take_snapshot,
)
from generator.site.mdsafe import InertMarkdownExtension, heading_slug
from generator.site.navmemo import GLOBAL_NAME as MEMO_NAME
from generator.site.navmemo import NavMemo
from generator.site.pagehtml import PageFinisher, anchor_headings
from generator.site.pagestore import PageStore, remove_stale_outputs
from generator.site.render import IN_NAV, render_site
from generator.site.sanitize import inert_text, sanitize_html
from generator.site.search import (
    OverlappedIndex,
    SearchEntry,
    Weight,
    entry_for,
    index_site,
    mark_page,
    search_entries,
)
from generator.site.sidework import SideArticles, SideExport, StoredCorpus
from generator.terminal import visible
from generator.text.plurals import plural
from generator.urls import LEDGER_FILE, ledger_text, save_ledger
from generator.workers import default_workers, process_seed_map

log = logging.getLogger("mkdocs.plugins.briefing")

# MkDocs counts what its loggers emit at WARNING and above: `mkdocs build
# --strict` then fails, as it does for a broken link. Info stays informative.
_LEVELS = {
    Severity.ERROR: logging.ERROR,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


class BriefingConfig(Config):
    """Options of the ``briefing`` plugin in ``mkdocs.yml``."""

    seeds = opt.Type(str, default="seeds")
    outlets = opt.Optional(opt.Type(str))
    actors = opt.Optional(opt.Type(str))
    strict = opt.Type(bool, default=False)
    urls = opt.Type(str, default=LEDGER_FILE)
    # Content-keyed cache (generator/cache.py), relative to mkdocs.yml; "" turns it off.
    cache_dir = opt.Type(str, default=".cache/briefing")
    # Processes for per-seed reading and inference (generator/workers.py); 0 = one per core.
    workers = opt.Type(int, default=0)
    # Render the theme's nav and tabs once per distinct page location (generator/site/navmemo.py).
    nav_memo = opt.Type(bool, default=True)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generate the briefing pages from the seeds folder."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._cache: Path | None = None
        self._generated: set[str] = set()
        self._root = Path()
        self._search: dict[str, SearchEntry] = {}
        self._dirty = False
        self._serving = False
        self._indexer: ThreadPoolExecutor | None = None
        # `mkdocs build`: Pagefind indexes each page as it is written (search.py).
        self._overlap: OverlappedIndex | None = None
        self._built: dict[str, Path] = {}
        self._page_store: PageStore | None = None
        # serve --dirty: the last full build, the background one, the pages previewed since.
        self._last: Built | None = None
        self._catch_up: CatchUp | None = None
        self._previewing = False
        self._previewed: set[str] = set()
        self._nudge_file: Path | None = None
        self._bytecode = _MemoryBytecodeCache()
        self._finisher: PageFinisher | None = None
        # The last build's generated pages (source path to HTML): their finished
        # versions are saved to the cache after a build (or when serve stops).
        self._site_pages: Mapping[str, str] = {}
        self._directory_urls = True
        # `mkdocs build`: data/corpus.json being written by a worker (sidework.py).
        self._export: SideExport | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note ``serve --dirty``; having this hook also keeps the plugin across rebuilds."""
        self._serving = command == "serve"
        self._dirty = self._serving and dirty

    def on_shutdown(self) -> None:
        """Let a search index still being written under ``serve`` finish."""
        if self._indexer is not None:
            self._indexer.shutdown(wait=True, cancel_futures=True)
            self._indexer = None
        if self._serving:
            # Once, not after every rebuild: the next `mkdocs serve` starts warm.
            self._save_finished_pages()

    def _save_finished_pages(self) -> None:
        if self._finisher is not None:
            self._finisher.save(self._site_pages.values())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve paths against mkdocs.yml and reset per-build state."""
        root = Path(config.config_file_path or ".").resolve().parent
        self._root = root
        self._generated = set()
        self._cache = root / self.config.cache_dir if self.config.cache_dir else None
        self._settings = Settings(
            seeds_dir=root / self.config.seeds,
            outlets_file=root / self.config.outlets if self.config.outlets else None,
            actors_file=root / self.config.actors if self.config.actors else None,
            strict=self.config.strict,
            urls_file=root / self.config.urls,
        )
        # Hand-written pages are held to the generated pages' rules: no remote
        # images, no title attributes, no heading ids starting with the theme's "__".
        config.markdown_extensions.append(InertMarkdownExtension())
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", heading_slug)
        # Links between generated pages are computed when they are rendered.
        self._directory_urls = bool(config.use_directory_urls)
        # Kept across `mkdocs serve` rebuilds: unchanged pages are not sanitised again.
        if self._finisher is None:
            cache = ContentCache(self._cache) if self._cache is not None else None
            self._finisher = PageFinisher(cache, finish=sanitize_html)
        self._finisher.new_build()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Run the pipeline and add every generated page as a virtual file."""
        settings = self._require_settings()
        if not settings.seeds_dir.is_dir():
            raise PluginError(f"briefing: the seeds folder {settings.seeds_dir} does not exist.")
        built = self._build(settings)
        corpus, pages = built.corpus, built.pages
        self._search = dict(built.search)
        self._site_pages = pages
        on_disk = self._pages_on_disk(pages, config)
        finisher = self._finisher or PageFinisher(None, finish=sanitize_html)
        titles = _nav_titles(config.nav)
        generated: list[File] = []
        made: dict[str, Path] = {}
        for src_uri, content in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"briefing: docs/{src_uri} clashes with a generated page; remove it."
                )
            inclusion = InclusionLevel.INCLUDED if src_uri in IN_NAV else InclusionLevel.NOT_IN_NAV
            if on_disk:
                path = str(on_disk[src_uri])
                file = File.generated(config, src_uri, abs_src_path=path, inclusion=inclusion)
                made[src_uri] = Path(file.abs_dest_path)
            else:
                file = File.generated(config, src_uri, content=content, inclusion=inclusion)
            if file.is_documentation_page():
                GeneratedPage(titles.get(src_uri), file, config, finisher)
            generated.append(file)
            self._generated.add(src_uri)
        generated.append(self._export_file(built, files, config))
        for file in generated:
            files.append(file)
        for problem in corpus.problems:
            self._log_problem(problem, settings.seeds_dir)
        remove_stale_outputs(self._built, made)
        self._built = made
        log.info(
            "briefing: %s, %s%s",
            plural(corpus.seeds_read, "seed"),
            plural(len(corpus.problems), "problem"),
            " (the edited pages first; the rest follows)" if self._previewing else "",
        )
        return files

    def _export_file(self, built: Built, files: Files, config: MkDocsConfig) -> File:
        """``data/corpus.json``, written into the site folder as it is encoded (exportfile.py)."""
        if files.get_file_from_path(EXPORT_PATH) is not None:
            raise PluginError(f"briefing: docs/{EXPORT_PATH} clashes with the export; remove it.")
        target = Path(config.site_dir) / EXPORT_PATH
        if not (self._previewing and target.is_file()):
            # A preview keeps the last full build's export, as it keeps its other pages.
            store = self._cache / "export" if self._cache is not None else None
            if not self._export_beside(built, target, store):
                write_export(built.corpus, target, store, built.key)
        return File.generated(
            config, EXPORT_PATH, abs_src_path=str(target), inclusion=InclusionLevel.NOT_IN_NAV
        )

    def _export_beside(self, built: Built, target: Path, store: Path | None) -> bool:
        """In a cold ``mkdocs build``, have a worker write the export while MkDocs renders.

        Only when the corpus was just stored in the cache (the worker reads it
        from there) and the export was not. MkDocs copies the file onto itself
        (it skips that) before the worker may be done: it must exist by then.
        """
        if self._serving or self._cache is None or store is None or built.key is None:
            return False
        if (store / f"{built.key}.json").is_file():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        target.touch()
        export = SideExport(built.corpus, StoredCorpus(self._cache, built.key), target, store)
        if not export.started:
            return False
        self._export = export
        return True

    def _wait_for_export(self) -> None:
        export, self._export = self._export, None
        if export is not None:
            export.wait()

    def _build(self, settings: Settings) -> Built:
        """This build's corpus and pages: in full, or under ``serve --dirty`` a preview of an edit.

        See :mod:`generator.site.incremental`: an edit of a few seeds is
        published at once on their own pages, and a full build in the
        background follows.
        """
        self._previewing = False
        if not self._dirty:
            return self._publish(settings, self._full(settings))
        snapshot = take_snapshot(settings)
        finished = self._catch_up.take() if self._catch_up is not None else None
        if finished is not None:
            # Even when the folder changed again since, it is the newest full build.
            self._last = finished
        if self._last is not None:
            if self._last.snapshot == snapshot:
                return self._publish(settings, self._last)
            edited = edited_seeds(self._last.snapshot, snapshot)
            if edited:
                started = time.perf_counter()
                shown = preview(self._last, settings, edited, snapshot, self._directory_urls)
                if shown is not None:
                    log.debug("briefing: preview in %.2f s", time.perf_counter() - started)
                    self._previewing = True
                    self._previewed |= {
                        f"articles/{a.id}.md" for a in shown.corpus.articles if a.file in edited
                    }
                    return shown
        self._last = self._full(settings, snapshot)
        prepare(settings, snapshot)
        return self._publish(settings, self._last)

    def _full(self, settings: Settings, snapshot: Snapshot | None = None) -> Built:
        """Run the whole pipeline and render every page."""
        seed_map = process_seed_map(self.config.workers or default_workers())
        same = None
        if self._cache is None:
            corpus = build_corpus(settings, seed_map=seed_map)
            pages = render_site(corpus, self._directory_urls)
        else:
            cache = ContentCache(self._cache)
            key = corpus_key(settings)
            corpus = build_corpus_cached(settings, cache, seed_map=seed_map)
            same = key if corpus_key(settings) == key else None
            # In `mkdocs build`, a worker renders the article pages meanwhile (sidework.py).
            beside = same is not None and not self._serving
            pages = _rendered(cache, corpus, same, self._directory_urls, beside)
        empty = Snapshot({}, "")
        return Built(snapshot or empty, corpus, pages, search_entries(corpus), same)

    def _publish(self, settings: Settings, built: Built) -> Built:
        """Apply strict mode and record the published URLs of a full build."""
        corpus = built.corpus
        if settings.strict and corpus.has_errors:
            first = next(p for p in corpus.problems if p.severity == "error")
            raise PluginError(
                f"briefing: {visible(first.file)}:{first.line}: {visible(first.message)} "
                "(strict mode)"
            )
        if settings.urls_file is not None:
            # Record the published URLs so that later seeds can never move them.
            ids = {a.file: a.id for a in corpus.articles}
            if save_ledger(settings.urls_file, ledger_text(ids, corpus.events.events)):
                log.info("briefing: updated %s (commit it)", settings.urls_file.name)
                self._keep_under_new_ledger(settings, built)
                if self._dirty and built is self._last:
                    # The ledger is an input: the next edit is compared with it as written.
                    built = dataclasses.replace(built, snapshot=take_snapshot(settings))
                    self._last = built
        return built

    def _keep_under_new_ledger(self, settings: Settings, built: Built) -> None:
        """Cache this build under the corpus key the ledger it just wrote gives.

        The ledger is an input of the corpus key, so without this the next
        build would analyse the whole corpus again. The ledger records the ids
        this corpus was built with, and building with it yields the same corpus.
        """
        if self._cache is None:
            return
        cache = ContentCache(self._cache)
        key = corpus_key(settings)
        cache.put("corpus", key, built.corpus)
        cache.put("pages", _pages_key(key, self._directory_urls), dict(built.pages))

    def _catch_up_build(self) -> Built | None:
        """The background full build after a preview (runs in the catch-up thread)."""
        settings = self._require_settings()
        _lower_priority()
        try:
            before = take_snapshot(settings)
            built = self._full(settings, before)
            # Seeds saved while it ran: its result is not the folder's; the next one will be.
            return built if take_snapshot(settings) == before else None
        except Exception as exc:  # a background thread has no caller: logged, then a full build
            log.warning("briefing: the background build failed (%s: %s)", type(exc).__name__, exc)
            return None

    def _nudge(self) -> None:
        """Ask ``mkdocs serve`` for a rebuild (it watches this file)."""
        if self._nudge_file is not None:
            self._nudge_file.write_text(f"{time.time_ns()}\n", "utf-8")

    def _log_problem(self, problem: Problem, seeds_dir: Path) -> None:
        """Log one seed problem at its own severity, naming file:line as `briefing check` does."""
        path = seeds_dir / problem.file
        shown = path.relative_to(self._root) if path.is_relative_to(self._root) else path
        log.log(
            _LEVELS[problem.severity],
            "briefing: %s:%d: %s [%s]",
            visible(shown.as_posix()),
            problem.line,
            visible(problem.message),
            problem.code,
        )

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Reuse the theme's nav renders; under ``serve``, keep its compiled templates.

        The nav and tabs of a page outside the nav are rendered once per
        distinct set of relative links (:mod:`generator.site.navmemo`).

        MkDocs makes a new theme environment per build, which compiles the
        theme's templates again (about a second of a rebuild). Jinja's bytecode
        cache checks each template's source, so an edited template is compiled afresh.
        """
        if self._serving:
            env.bytecode_cache = self._bytecode
        if self.config.nav_memo:
            # A new memo per build: nav titles and entries can change between serve rebuilds.
            env.globals[MEMO_NAME] = NavMemo().render
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Make generated pages' titles inert and mark every page for search.

        Their HTML is already sanitised (:class:`GeneratedPage`): seed text
        must never run in a browser. The page title (taken from the first
        heading) lands in the ``<head>``, the header, the nav and the search
        index, where the theme prints it raw or through ``striptags`` (which
        un-escapes ``&lt;``): it is replaced by inert plain text.
        """
        if page.file.src_uri not in self._generated:
            # Hand-written pages (methodology) are searchable in full.
            return mark_page(html, SearchEntry(Weight.FULL))
        if not isinstance(page, GeneratedPage):
            # Only a plugin that replaced our page object gets here: still sanitised.
            html = sanitize_html(html)
        if page.title and not page.is_homepage:
            page.meta["title"] = inert_text(html_module.unescape(page.title))
        entry = entry_for(page.file.src_uri, self._search)
        return mark_page(html, entry, page.title or "")

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """In ``mkdocs build``, hand each written page to Pagefind while the next one renders."""
        if not self._serving and output.strip():
            if self._overlap is None:
                self._overlap = OverlappedIndex(Path(config.site_dir))
            self._overlap.add(page.file.dest_uri, output)
        return output

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the Pagefind process of a build that failed; no index is written."""
        if self._overlap is not None:
            self._overlap.close()
            self._overlap = None
        self._export = None  # its worker writes a file nobody will read

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the built site with Pagefind (in ``build`` and ``serve`` alike).

        In ``build`` Pagefind has parsed the pages while MkDocs rendered the
        next ones (:meth:`on_post_page`); here it gets the files no page hook
        saw and writes the index. Under ``serve`` the index is written in the
        background, one run at a time: the pages an edit changed are served
        as soon as MkDocs wrote them, and search catches up seconds later
        (indexing the whole site took longer than rebuilding the edited pages).
        """
        site = Path(config.site_dir)
        self._wait_for_export()
        if not self._serving:
            self._save_finished_pages()
            overlap, self._overlap = self._overlap, None
            if overlap is None:
                _index_and_log(site)
            else:
                _finish_and_log(overlap)
            return
        if self._previewing:
            # The full build starts now that the edited pages are out; search
            # is indexed after it, not for the preview.
            if self._catch_up is None:
                self._catch_up = CatchUp(self._catch_up_build, self._nudge)
            self._catch_up.start()
            return
        if self._indexer is None:
            self._indexer = ThreadPoolExecutor(
                1, thread_name_prefix="briefing-search", initializer=_lower_priority
            )
        self._indexer.submit(_index_and_log, site)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when a seed or a registry changes."""
        settings = self._require_settings()
        server.watch(str(settings.seeds_dir))
        if self._dirty:
            # Written when a background build is ready (generator/site/incremental.py).
            base = self._cache or Path(tempfile.mkdtemp(prefix="briefing-"))
            base.mkdir(parents=True, exist_ok=True)
            self._nudge_file = base / "serve-rebuild"
            self._nudge_file.touch()
            server.watch(str(self._nudge_file), recursive=False)
        for extra in (settings.outlets_file, settings.actors_file):
            if (
                extra is not None
                and extra.exists()
                and not extra.is_relative_to(settings.seeds_dir)
            ):
                server.watch(str(extra))
        return server

    def _pages_on_disk(self, pages: Mapping[str, str], config: MkDocsConfig) -> dict[str, Path]:
        """Under ``serve --dirty``, generated pages as files MkDocs can date (pagestore.py)."""
        if not self._dirty:
            return {}
        if self._page_store is None:
            base = self._cache or Path(tempfile.mkdtemp(prefix="briefing-"))
            self._page_store = PageStore(base / "pages")
        extra = {uri: repr(entry) for uri, entry in self._search.items()}
        force: set[str] = set()
        if not self._previewing:
            # A full build after previews: their pages were rendered from the old analysis.
            force, self._previewed = self._previewed, set()
        return self._page_store.sync(pages, extra, force)

    def _require_settings(self) -> Settings:
        if self._settings is None:
            raise PluginError("briefing: on_config did not run.")
        return self._settings


def _index_and_log(site: Path) -> None:
    try:
        pages = index_site(site)
    except Exception as exc:  # a background run has no caller to raise to: logged
        log.warning("briefing: the search index was not written (%s: %s)", type(exc).__name__, exc)
        raise
    log.info("briefing: search index of %s", plural(pages, "page"))


def _finish_and_log(overlap: OverlappedIndex) -> None:
    try:
        pages = overlap.finish()
    except RuntimeError as exc:
        cause = exc.__cause__ or exc
        log.warning(
            "briefing: the search index was not written (%s: %s)", type(cause).__name__, cause
        )
        raise
    log.info("briefing: search index of %s", plural(pages, "page"))


def _pages_key(corpus: str, directory_urls: bool) -> str:
    """Cache key of the rendered pages of a corpus (links depend on the URL style)."""
    return content_key("pages", corpus, "directory" if directory_urls else "file")


def _rendered(
    cache: ContentCache,
    corpus: Corpus,
    key: str | None,
    directory_urls: bool,
    beside: bool = False,
) -> dict[str, str]:
    """The site's pages, from the cache when this corpus was rendered before.

    Rendering is a pure function of the corpus, and an unchanged corpus comes
    whole from the cache under ``key`` (:func:`generator.cache.corpus_key`);
    None (the seeds changed during the build) renders without the cache.
    With ``beside``, a worker renders the article pages from the corpus
    stored under ``key`` while this process renders the rest (sidework.py).
    """
    if key is None:
        return render_site(corpus, directory_urls)
    pages_key = _pages_key(key, directory_urls)
    stored = cache.get("pages", pages_key)
    if isinstance(stored, dict):
        return stored
    articles = None
    if beside:
        articles = SideArticles(corpus, StoredCorpus(cache.folder, key), directory_urls)
    pages = render_site(corpus, directory_urls, articles)
    cache.put("pages", pages_key, pages)
    return pages


def _lower_priority() -> None:
    """Let this background thread, and the processes it starts, yield the CPU to rebuilds.

    On Linux a nice value belongs to a thread and is inherited by the
    processes it starts (Pagefind, pipeline workers): the serving thread keeps
    its priority, so the next edit's pages are not held up by search or by the
    previous edit's full build.
    """
    if hasattr(os, "nice"):
        try:
            os.nice(10)
        except OSError as exc:  # not allowed here: the work just runs at normal priority
            log.debug("briefing: background work keeps its priority (%s)", exc)


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, for the life of ``mkdocs serve``."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from memory when it holds that template (Jinja checks the source)."""
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template."""
        self._store[bucket.key] = bucket.bytecode_to_string()


_STUB = anchor_headings("<h1>Page not available</h1>\n<p>This page could not be built.</p>\n")


def _nav_titles(nav: Any) -> dict[str, str]:
    """Source path to title of the pages mkdocs.yml's ``nav`` names with a title."""
    titles: dict[str, str] = {}
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles.setdefault(value, str(title))
                else:
                    for path, nested in _nav_titles(value).items():
                        titles.setdefault(path, nested)
    return titles


class GeneratedPage(Page):
    """A generated page: its source is the templates' HTML, rendered without Markdown.

    MkDocs would run Python-Markdown over each page (most of a cold build's
    time); this page's :meth:`render` takes its content, table of contents,
    title and anchors from :class:`~generator.site.pagehtml.PageFinisher`
    instead (as Material's blog plugin gives its posts their own page class).
    Links between generated pages are relative URLs made when they were
    rendered, so MkDocs' link rewriting has nothing to do on them.

    Args:
        title: The title mkdocs.yml's nav gives the page, if any.
        file: The page's virtual file.
        config: The MkDocs configuration.
        finisher: Sanitises the page once per content and reads its headings.
    """

    def __init__(
        self, title: str | None, file: File, config: MkDocsConfig, finisher: PageFinisher
    ) -> None:
        super().__init__(title, file, config)
        self._finisher = finisher

    def read_source(self, config: MkDocsConfig) -> None:
        """Read the page's HTML (no front matter: the templates write none)."""
        source = config.plugins.on_page_read_source(page=self, config=config)
        self.markdown = self.file.content_string if source is None else source
        self.meta = {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Set content, table of contents, title and anchors from the page's HTML.

        This is the isolation boundary MkDocs' own render step was: a page
        that cannot be finished is published as a stub, with a warning (so
        ``mkdocs build --strict`` still fails on it).
        """
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        try:
            finished = self._finisher.page(self.markdown)
        except Exception as exc:  # isolation boundary: logged as a warning
            log.warning(
                "briefing: %s could not be rendered (%s); a stub page was published.",
                self.file.src_uri,
                type(exc).__name__,
            )
            finished = self._finisher.page(_STUB)
        self.content = finished.html
        self.toc = get_toc(list(finished.toc))  # type: ignore[arg-type]
        self._title_from_render = finished.title
        self.present_anchor_ids = set(finished.anchors)
