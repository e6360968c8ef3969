"""The MkDocs plugin: the only module that imports mkdocs.

It turns MkDocs settings into plain :class:`~generator.pipeline.Settings`,
runs the pipeline once per build in ``on_files``, adds every generated page
as a virtual file, sanitises generated HTML, and watches the seeds in
``mkdocs serve``.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.cache import ContentCache, build_corpus_cached
from generator.pagestore import remove_stale_outputs, sync_pages
from generator.parallel import default_workers, process_seed_map
from generator.pipeline import Settings, build_corpus
from generator.render import IN_NAV, render_site
from generator.sanitize import sanitize_html
from generator.search import SearchEntry, Weight, entry_for, index_site, mark_page, search_entries

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingConfig(Config):
    """Options of the ``briefing`` plugin in ``mkdocs.yml``."""

    seeds = opt.Type(str, default="seeds")
    outlets = opt.Optional(opt.Type(str))
    actors = opt.Optional(opt.Type(str))
    strict = opt.Type(bool, default=False)
    # Content-keyed cache (generator/cache.py), relative to mkdocs.yml; "" turns it off.
    cache_dir = opt.Type(str, default=".cache/briefing")
    # Processes for per-seed reading and inference (generator/parallel.py); 0 = one per core.
    workers = opt.Type(int, default=0)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generate the briefing pages from the seeds folder."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._cache: Path | None = None
        self._generated: set[str] = set()
        self._search: dict[str, SearchEntry] = {}
        self._dirty = False
        self._built: dict[str, Path] = {}
        self._page_dir: Path | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note ``serve --dirty``; having this hook also keeps the plugin across rebuilds."""
        self._dirty = command == "serve" and dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve paths against mkdocs.yml and reset per-build state."""
        root = Path(config.config_file_path or ".").resolve().parent
        self._generated = set()
        self._cache = root / self.config.cache_dir if self.config.cache_dir else None
        self._settings = Settings(
            seeds_dir=root / self.config.seeds,
            outlets_file=root / self.config.outlets if self.config.outlets else None,
            actors_file=root / self.config.actors if self.config.actors else None,
            strict=self.config.strict,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Run the pipeline and add every generated page as a virtual file."""
        settings = self._require_settings()
        if not settings.seeds_dir.is_dir():
            raise PluginError(f"briefing: the seeds folder {settings.seeds_dir} does not exist.")
        seed_map = process_seed_map(self.config.workers or default_workers())
        if self._cache is None:
            corpus = build_corpus(settings, seed_map=seed_map)
        else:
            corpus = build_corpus_cached(settings, ContentCache(self._cache), seed_map=seed_map)
        if settings.strict and corpus.has_errors:
            first = next(p for p in corpus.problems if p.severity == "error")
            raise PluginError(f"briefing: {first.file}:{first.line}: {first.message} (strict mode)")
        self._search = search_entries(corpus)
        pages = render_site(corpus)
        on_disk = self._pages_on_disk(pages, config)
        built: dict[str, Path] = {}
        for src_uri, content in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"briefing: docs/{src_uri} clashes with a generated page; remove it."
                )
            inclusion = InclusionLevel.INCLUDED if src_uri in IN_NAV else InclusionLevel.NOT_IN_NAV
            if on_disk:
                path = str(on_disk[src_uri])
                file = File.generated(config, src_uri, abs_src_path=path, inclusion=inclusion)
                built[src_uri] = Path(file.abs_dest_path)
            else:
                file = File.generated(config, src_uri, content=content, inclusion=inclusion)
            files.append(file)
            self._generated.add(src_uri)
        remove_stale_outputs(self._built, built)
        self._built = built
        log.info("briefing: %d seed(s), %d problem(s)", corpus.seeds_read, len(corpus.problems))
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Sanitise generated pages: seed text must never run in a browser."""
        if page.file.src_uri in self._generated:
            entry = entry_for(page.file.src_uri, self._search)
            return mark_page(sanitize_html(html), entry, page.title or "")
        # Hand-written pages (methodology) are searchable in full.
        return mark_page(html, SearchEntry(Weight.FULL))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the built site with Pagefind (in ``build`` and ``serve`` alike)."""
        pages = index_site(Path(config.site_dir))
        log.info("briefing: search index of %d page(s)", pages)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when a seed or a registry changes."""
        settings = self._require_settings()
        server.watch(str(settings.seeds_dir))
        for extra in (settings.outlets_file, settings.actors_file):
            if (
                extra is not None
                and extra.exists()
                and not extra.is_relative_to(settings.seeds_dir)
            ):
                server.watch(str(extra))
        return server

    def _pages_on_disk(self, pages: dict[str, str], config: MkDocsConfig) -> dict[str, Path]:
        """Under ``serve --dirty``, generated pages as files MkDocs can date (pagestore.py)."""
        if not self._dirty:
            return {}
        if self._page_dir is None:
            base = self._cache or Path(tempfile.mkdtemp(prefix="briefing-"))
            self._page_dir = base / "pages"
        return sync_pages(self._page_dir, pages)

    def _require_settings(self) -> Settings:
        if self._settings is None:
            raise PluginError("briefing: on_config did not run.")
        return self._settings
